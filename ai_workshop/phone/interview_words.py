"""The interview rounds in words, for one phone: named partners by name, unnamed ones by
where they sit (everyone interviews the person on their left)."""

from flask_babel import gettext as _

from ai_workshop.participants.pairs import Interview


def _neighbour(interview: Interview, person) -> str:
    if person.display_name:
        return person.display_name
    if person is interview.interviews:
        return _("the person on your left")
    return _("the person on your right")


def round_lines(interview: Interview, me) -> list[str]:
    """One sentence per round, in order: who interviews whom, from `me`'s seat."""
    lines = []
    for one in interview.rounds:
        if one.interviewer.id == me.id:
            if one.teller.display_name:
                lines.append(_("You interview %(name)s.", name=one.teller.display_name))
            else:
                lines.append(_("You interview the person on your left."))
        elif one.teller.id == me.id:
            if one.interviewer.display_name:
                lines.append(_("%(name)s interviews you.", name=one.interviewer.display_name))
            else:
                lines.append(_("The person on your right interviews you."))
        else:
            lines.append(
                _(
                    "Listen: %(interviewer)s interviews %(teller)s.",
                    interviewer=_neighbour(interview, one.interviewer),
                    teller=_neighbour(interview, one.teller),
                )
            )
    return lines
