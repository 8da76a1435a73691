"""Headline numbers of a session, for the Closed screen and the plan."""

from sqlalchemy import func, select

from ai_workshop.extensions import db
from ai_workshop.models import (
    Action,
    ActionVolunteer,
    Commitment,
    Dream,
    Participant,
    Proposition,
    Story,
    Theme,
)


def _count(model, workshop_id: int, *conditions) -> int:
    return db.session.scalar(
        select(func.count(model.id)).where(model.workshop_id == workshop_id, *conditions)
    )


def session_numbers(workshop) -> dict:
    wid = workshop.id
    return {
        "people": _count(Participant, wid),
        "stories": _count(Story, wid, Story.parked.is_(False)),
        "themes": _count(Theme, wid),
        "dreams": _count(Dream, wid, Dream.hidden.is_(False)),
        "propositions": _count(
            Proposition, wid, Proposition.hidden.is_(False), Proposition.merged_into_id.is_(None)
        ),
        "actions": _count(Action, wid, Action.hidden.is_(False)),
        "volunteers": db.session.scalar(
            select(func.count(func.distinct(ActionVolunteer.participant_id)))
            .join(Action, ActionVolunteer.action_id == Action.id)
            .where(Action.workshop_id == wid)
        ),
        "commitments": _count(Commitment, wid, Commitment.hidden.is_(False)),
    }
