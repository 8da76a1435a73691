"""Whether a phone's screen in a phase shows anything of its own.

A phone with nothing of its own on the screen sees exactly what every other such phone of the
room sees, so its page can be drawn once for the room (phone/room_page.py). Each phase says
what would make its screen personal; one query answers it. Saying "yes" too often only costs
a full drawing; saying "no" wrongly would hide a phone's own writing, and the tests compare
both drawings for every phase.
"""

from sqlalchemy import bindparam, exists, literal, or_, select

from ai_workshop.extensions import db
from ai_workshop.models import Action, ActionVolunteer

_ROOM = bindparam("workshop_id")
_PHONE = bindparam("participant_id")


def _wrote(model):
    return exists().where(model.workshop_id == _ROOM, model.participant_id == _PHONE)


_ON_A_TEAM = exists().where(
    ActionVolunteer.participant_id == _PHONE,
    ActionVolunteer.action_id == Action.id,
    Action.workshop_id == _ROOM,
)


def _asking(*conditions):
    """Built once: every phone page asks it, and building costs more than running it."""
    statement = select(literal(True)).where(or_(*conditions))

    def ask(workshop, participant) -> bool:
        values = {"workshop_id": workshop.id, "participant_id": participant.id}
        return bool(db.session.scalar(statement, values))

    return ask


def nothing_of_their_own(_workshop, _participant) -> bool:
    return False


def named(_workshop, participant) -> bool:
    """Welcome greets the phone by its name."""
    return bool(participant.display_name)


# The lists of what a phone wrote and its dots are holes in the room's copy (own_lists.py);
# what is left is what marks the room's list of actions for this phone: its teams, its own.
acted = _asking(_wrote(Action), _ON_A_TEAM)
