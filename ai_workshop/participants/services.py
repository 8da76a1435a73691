"""Joining a workshop and recognising a returning phone by its token."""

from sqlalchemy import bindparam, select

from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Participant, Workshop
from ai_workshop.models.participant import hash_token
from ai_workshop.text import clean_line

DISPLAY_NAME_MAX = 40


def clean_display_name(raw: str | None) -> str | None:
    name = clean_line(raw)[:DISPLAY_NAME_MAX]
    return name or None


def join(workshop: Workshop, display_name: str | None) -> tuple[Participant, str]:
    """A new participant and the secret token their phone keeps."""
    token = Participant.new_token()
    participant = Participant(workshop=workshop, display_name=clean_display_name(display_name))
    participant.assign_token(token)
    db.session.add(participant)
    mark_changed(workshop)
    db.session.flush()
    return participant, token


_BY_TOKEN = select(Participant).where(Participant.token_hash == bindparam("token_hash"))


def participant_for_token(token: str | None) -> Participant | None:
    if not token:
        return None
    return db.session.scalar(_BY_TOKEN, {"token_hash": hash_token(token)})


def rename(participant: Participant, display_name: str | None) -> None:
    participant.display_name = clean_display_name(display_name)
    mark_changed(participant.workshop)
