"""Joining a workshop and recognising a returning phone by its token."""

from flask_babel import gettext as _
from sqlalchemy import bindparam, select

from ai_workshop.domain_errors import NotFound
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Participant, Workshop
from ai_workshop.models.participant import hash_token
from ai_workshop.participants.tables import release_host
from ai_workshop.text import clean_line

DISPLAY_NAME_MAX = 40


def clean_display_name(raw: str | None) -> str | None:
    name = clean_line(raw)[:DISPLAY_NAME_MAX]
    return name or None


def join(
    workshop: Workshop, display_name: str | None, group: str | None = None
) -> tuple[Participant, str]:
    """A new participant and the secret token their phone keeps; `group` is theirs from the
    workshop's max-mix list."""
    token = Participant.new_token()
    participant = Participant(
        workshop=workshop,
        display_name=clean_display_name(display_name),
        group=group if group in (workshop.mix_groups or []) else None,
    )
    participant.assign_token(token)
    db.session.add(participant)
    mark_changed(workshop, arrival=True)
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


def seat(participant: Participant, workshop: Workshop, number: int) -> None:
    """Sit this person at a round table: scanning a table's card, or choosing it."""
    if not workshop.has_table(number):
        raise NotFound(_("This workshop has no table %(number)d.", number=number))
    if participant.table_number != number:
        release_host(workshop, participant)
        participant.table_number = number
        mark_changed(workshop)
