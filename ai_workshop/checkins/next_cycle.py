"""The next cycle of the 4-D method: a new workshop that starts from what happened since
this one: its check-ins' new stories, its positive core, and the actions still open."""

import re
import uuid

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.checkins.services import check_ins_of
from ai_workshop.domain_errors import NotAllowedNow
from ai_workshop.extensions import db
from ai_workshop.models import Action, CheckInStory, Story, Theme, Workshop
from ai_workshop.workshops.services import create_workshop

# What carries over as it was; dates and links belong to the cycle that set them.
_ACTION_FIELDS = (
    "title", "strength", "purpose", "owner", "first_step", "help_needed",
    "success_measure", "baseline", "target", "status",
)  # fmt: skip
_SETTINGS = (
    "topic", "questions", "dream_prompt", "strengths_vocabulary", "phase_vocabulary",
    "table_count", "interview_minutes", "mix_groups", "time_zone",
)  # fmt: skip
WHY_MAX = 1000
_CYCLE_SUFFIX = re.compile(r"\s·\s\S.*\d+$")


def cycle_number(workshop: Workshop) -> int:
    """1 for a first workshop, 2 for the cycle that follows it, and so on."""
    number, seen = 1, {workshop.id}
    while workshop.follows_workshop_id and workshop.follows_workshop_id not in seen:
        seen.add(workshop.follows_workshop_id)
        workshop = db.session.get(Workshop, workshop.follows_workshop_id)
        if workshop is None:
            break
        number += 1
    return number


def _carried_themes(workshop: Workshop) -> list[Theme]:
    themes = list(
        db.session.scalars(
            select(Theme).where(Theme.workshop_id == workshop.id).order_by(Theme.position)
        )
    )
    return [theme for theme in themes if theme.chosen] or themes


def start_next_cycle(workshop: Workshop, facilitator) -> Workshop:
    if workshop.phase != "closed":
        raise NotAllowedNow(_("The next cycle starts after this session is closed."))
    if not check_ins_of(workshop):
        raise NotAllowedNow(_("Hold a check-in first: the next cycle starts from what it found."))
    number = cycle_number(workshop) + 1
    base_name = _CYCLE_SUFFIX.sub("", workshop.name)
    with force_locale(workshop.language):
        name = _("%(name)s · cycle %(number)d", name=base_name, number=number)[:120]
        why = workshop.why_it_matters
        core = workshop.core_summary.strip()
        start = _("Where we start: %(core)s", core=core) if core else ""
        # Whole or not at all: the settings form keeps 1,000 characters.
        if start and len(why) + len(start) + 2 <= WHY_MAX:
            why = "\n\n".join(part for part in (why, start) if part)
    new = create_workshop(
        facilitator,
        workshop.template_key,
        language=workshop.language,
        name=name,
        why_it_matters=why,
        **{field: getattr(workshop, field) for field in _SETTINGS},
    )
    new.follows_workshop_id = workshop.id
    _seed_core(workshop, new)
    _seed_stories(workshop, new)
    _seed_actions(workshop, new)
    db.session.flush()
    return new


def _seed_core(old: Workshop, new: Workshop) -> None:
    """Last cycle's positive core, as themes made by hand: new stories may join them. Their
    words are left behind: they quoted stories that stay in the last cycle."""
    for position, theme in enumerate(_carried_themes(old)):
        db.session.add(
            Theme(
                workshop_id=new.id,
                name=theme.name,
                position=position,
                origin="manual",
                strengths=list(theme.strengths or []),
                summary_story_ids=[],
                name_edited=True,
            )
        )


def _seed_stories(old: Workshop, new: Workshop) -> None:
    """The check-ins' stories, as stories of the new Discovery. A name cannot follow a
    story into a room its teller has not joined, so a named one is quoted without it."""
    told = db.session.scalars(
        select(CheckInStory)
        .where(CheckInStory.workshop_id == old.id, CheckInStory.hidden.is_(False))
        .order_by(CheckInStory.id)
    )
    for item in told:
        db.session.add(
            Story(
                workshop_id=new.id,
                client_id=str(uuid.uuid4()),
                headline=item.headline,
                story=item.story or item.headline,
                consent="private" if item.consent == "private" else "anonymous",
            )
        )


def _seed_actions(old: Workshop, new: Workshop) -> None:
    """The actions not yet done, to be reviewed and re-committed to in Destiny."""
    still_open = db.session.scalars(
        select(Action)
        .where(
            Action.workshop_id == old.id,
            Action.hidden.is_(False),
            Action.status.in_(("not_started", "in_progress")),
        )
        .order_by(Action.id)
    )
    for action in still_open:
        copy = Action(workshop_id=new.id, client_id=str(uuid.uuid4()))
        for field in _ACTION_FIELDS:
            setattr(copy, field, getattr(action, field))
        db.session.add(copy)
