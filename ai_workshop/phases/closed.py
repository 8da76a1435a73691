"""Closed: the session's headline numbers, on every screen, while leaders get the plan; and
when the team meets again, the open check-in (checkins/) on the same screens."""

from sqlalchemy import select

from ai_workshop.checkins.forms import ActionReportForm, CheckInStoryForm, ReminderForm
from ai_workshop.checkins.services import (
    follow_through,
    open_check_in,
    owned_action_ids,
)
from ai_workshop.extensions import db
from ai_workshop.models import CheckInStory
from ai_workshop.phases.base import Phase
from ai_workshop.phases.reminders import reminder_context
from ai_workshop.phases.voting import UNKNOWN
from ai_workshop.workshops.summary import session_numbers

# The projector's wall of new stories: the latest, as many as a screen holds.
STORIES_ON_PROJECTOR = 8


def phone(workshop, participant, vote=UNKNOWN) -> dict:
    context = {"numbers": session_numbers(workshop)} | reminder_context(participant)
    check_in = open_check_in(workshop)
    if check_in is None:
        return context
    found = follow_through(workshop)
    mine = owned_action_ids(workshop, participant)
    index = [c.id for c in found.check_ins].index(check_in.id)
    progress = sorted(found.progress, key=lambda item: item.action.id not in mine)
    return context | {
        "check_in": check_in,
        "progress": progress,
        "now_index": index,
        "mine": mine,
        "report_form": None,
        "report_action_id": None,
        "new_report": ActionReportForm,
        "story_form": CheckInStoryForm(),
        "my_stories": list(
            db.session.scalars(
                select(CheckInStory)
                .where(
                    CheckInStory.check_in_id == check_in.id,
                    CheckInStory.participant_id == participant.id,
                )
                .order_by(CheckInStory.id.desc())
            )
        ),
    }


def _check_in_screen(workshop) -> dict:
    context = {"numbers": session_numbers(workshop)}
    check_in = open_check_in(workshop)
    if check_in is None:
        return context
    found = follow_through(workshop)
    index = [c.id for c in found.check_ins].index(check_in.id)
    stories = [story for story in found.stories if story.check_in_id == check_in.id]
    return context | {
        "check_in": check_in,
        "found": found,
        "now_index": index,
        "counts": found.counts(index),
        "new_stories": stories,
        "wall_stories": [story for story in reversed(stories) if story.quotable][
            :STORIES_ON_PROJECTOR
        ],
    }


def personal_during_check_in(workshop, _participant) -> bool:
    """A check-in puts a phone's own actions first: its page is its own."""
    return open_check_in(workshop) is not None


PHASE = Phase(
    name="closed",
    folder="closed",
    phone=phone,
    projector=_check_in_screen,
    console=_check_in_screen,
    forms=(ActionReportForm, CheckInStoryForm, ReminderForm),
    personal_on_phone=personal_during_check_in,
)
