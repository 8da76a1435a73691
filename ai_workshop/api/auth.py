"""Bearer tokens: the phone's participant token, checked against the workshop in the URL."""

from flask import request
from flask_babel import gettext as _

from ..models import Participant, Workshop
from ..participants.services import participant_for_token
from ..ratelimit import retry_after
from .errors import ApiError


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def participant_of(workshop: Workshop) -> Participant:
    token = bearer_token()
    if token is None:
        raise ApiError(401, "unauthorized", _("Join the workshop first: no participant token."))
    participant = participant_for_token(token)
    if participant is None:
        raise ApiError(401, "unauthorized", _("That participant token is not valid."))
    if participant.workshop_id != workshop.id:
        raise ApiError(403, "forbidden", _("That token belongs to another workshop."))
    return participant


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
