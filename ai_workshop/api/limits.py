"""Rate limits for the API: a phone sending far more than a person could, or joining in bulk."""

from flask import request
from flask_babel import gettext as _

from ai_workshop.models import Participant
from ai_workshop.web.json_errors import ApiError
from ai_workshop.web.ratelimit import retry_after


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
