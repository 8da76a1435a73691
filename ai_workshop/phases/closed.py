"""Closed: the session's headline numbers, on every screen, while leaders get the plan."""

from ai_workshop.phases import own
from ai_workshop.phases.base import Phase
from ai_workshop.phases.voting import UNKNOWN
from ai_workshop.workshops.summary import session_numbers


def phone(workshop, participant, vote=UNKNOWN) -> dict:
    return {"numbers": session_numbers(workshop)}


def numbers(workshop) -> dict:
    return {"numbers": session_numbers(workshop)}


PHASE = Phase(
    name="closed",
    folder="closed",
    phone=phone,
    projector=numbers,
    console=numbers,
    personal_on_phone=own.nothing_of_their_own,
)
