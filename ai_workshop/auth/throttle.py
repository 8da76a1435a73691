"""Limits on guessing passwords and on making accounts, per address and per account.

Every login attempt is counted before the password is checked, so a burst sent in parallel
is counted too, and taken back when it succeeds: only failures add up. A facilitator is
not blocked by someone failing on another account, unless that someone fails so often
that the generous per-address limit trips.
"""

import math

from flask import request

from ai_workshop.models import Facilitator
from ai_workshop.web.ratelimit import retry_after, take_back

PER_ACCOUNT = "RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT"
PER_ADDRESS = "RATELIMIT_LOGIN_FAILURES_PER_ADDRESS"
SIGNUPS = "RATELIMIT_SIGNUPS_PER_ADDRESS"


def _address() -> str:
    return request.remote_addr or "unknown"


def _login_keys(email: str) -> list[tuple[str, str]]:
    account = f"{Facilitator.normalise_email(email or '')}|{_address()}"
    return [(account, PER_ACCOUNT), (_address(), PER_ADDRESS)]


def count_login_attempt(email: str) -> float | None:
    """Count this attempt as a failure for now; seconds to wait if there were too many."""
    counted = []
    for key in _login_keys(email):
        wait = retry_after(*key)
        if wait is not None:
            for earlier in counted:
                take_back(*earlier)
            return wait
        counted.append(key)
    return None


def login_succeeded(email: str) -> None:
    for key in _login_keys(email):
        take_back(*key)


def count_signup_attempt() -> float | None:
    """Seconds to wait when this address tried to sign up too often, or None."""
    return retry_after(_address(), SIGNUPS)


def retry_after_header(wait: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(wait)))}
