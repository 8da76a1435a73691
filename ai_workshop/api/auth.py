"""Bearer tokens: the phone's participant token, checked against the workshop in the URL."""

from flask import request
from flask_babel import gettext as _
from sqlalchemy import bindparam, select

from ai_workshop.api.errors import ApiError
from ai_workshop.extensions import db
from ai_workshop.models import Participant, Workshop
from ai_workshop.models.participant import hash_token
from ai_workshop.web.ratelimit import retry_after
from ai_workshop.workshops.joincode import looks_like_code, normalise_code
from ai_workshop.workshops.services import no_such_workshop

# The participant is joined on the token alone, so a token of another room still comes back
# and is told apart from an unknown one.
_ROOM_AND_PHONE = (
    select(Workshop, Participant)
    .outerjoin(Participant, Participant.token_hash == bindparam("token_hash"))
    .where(Workshop.code == bindparam("code"))
)


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def workshop_and_participant(raw_code: str) -> tuple[Workshop, Participant]:
    """The room in the URL and the phone's participant, in one query: every participant
    request makes it, and the busiest writes of a room are among them.

    404 for an unknown room, then 401 without a valid token, 403 for another room's token.
    """
    code = normalise_code(raw_code or "")
    token = bearer_token()
    row = None
    if looks_like_code(code):
        params = {"code": code, "token_hash": hash_token(token or "")}
        row = db.session.execute(_ROOM_AND_PHONE, params).first()
    if row is None:
        raise no_such_workshop(code)
    workshop, participant = row
    if token is None:
        raise ApiError(401, "unauthorized", _("Join the workshop first: no participant token."))
    if participant is None:
        raise ApiError(401, "unauthorized", _("That participant token is not valid."))
    if participant.workshop_id != workshop.id:
        raise ApiError(403, "forbidden", _("That token belongs to another workshop."))
    return workshop, participant


def limit_writes(participant: Participant) -> None:
    """429 with a clear message when one phone sends far more than a person could."""
    wait = retry_after(str(participant.id), "RATELIMIT_PARTICIPANT_WRITES")
    if wait is not None:
        raise RateLimited(wait)


def limit_joins() -> None:
    wait = retry_after(request.remote_addr or "unknown", "RATELIMIT_JOINS_PER_ADDRESS")
    if wait is not None:
        raise RateLimited(wait)


class RateLimited(ApiError):
    def __init__(self, wait_seconds: float):
        super().__init__(
            429, "too_many_requests", _("Too many requests. Wait a moment and try again.")
        )
        self.retry_after = max(1, round(wait_seconds))
