"""Slowing password guessing without ever locking the rightful facilitator out.

Per account (whatever the address): after a few failures in 15 minutes, every login to that
account waits before its password is checked, twice as long after each further failure, up
to 30 s. The right password still gets in, after the wait; a guesser gets a few guesses a
minute. Failures are counted before the check, so a burst sent in parallel is counted too,
and taken back when the login succeeds: only failures add up.

Per address: a hard limit, generous, against one machine trying many accounts. Behind a
reverse proxy, set PROXY_HOPS so the address is the person's, not the proxy's.
"""

import math
import time

from flask import current_app, request

from ai_workshop.extensions import db
from ai_workshop.models import Facilitator
from ai_workshop.web.ratelimit import count_hit, retry_after, take_back, take_back_hit

ACCOUNT_FAILURES = "login-failures"
PER_ADDRESS = "RATELIMIT_LOGIN_FAILURES_PER_ADDRESS"
SIGNUPS = "RATELIMIT_SIGNUPS_PER_ADDRESS"


def _address() -> str:
    return request.remote_addr or "unknown"


def _account(email: str) -> str:
    return Facilitator.normalise_email(email or "")


def delay_after(failures: int) -> float:
    """Seconds to wait before checking a password, given the account's recent failures:
    none for the first few, then 1, 2, 4 … up to the cap."""
    free = current_app.config["LOGIN_FREE_FAILURES"]
    if failures < free:
        return 0.0
    return float(min(2 ** (failures - free), current_app.config["LOGIN_MAX_DELAY_SECONDS"]))


def count_login_attempt(email: str) -> float | None:
    """Count this attempt as a failure for now. Seconds to wait (429) if this address failed
    too often; else None, after sleeping as long as the account's failures ask."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    wait = retry_after(_address(), PER_ADDRESS)
    if wait is not None:
        return wait
    failures = count_hit(
        _account(email), ACCOUNT_FAILURES, current_app.config["LOGIN_FAILURE_WINDOW_SECONDS"]
    )
    pause(delay_after(failures - 1))  # the failures before this attempt
    return None


def pause(seconds: float) -> None:
    """Under gevent a cooperative sleep: the worker serves others meanwhile. No transaction
    stays open through it (on SQLite a login's would hold the write lock)."""
    if seconds > 0:
        db.session.commit()
        time.sleep(seconds)


def login_succeeded(email: str) -> None:
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    take_back(_address(), PER_ADDRESS)
    take_back_hit(_account(email), ACCOUNT_FAILURES)


def count_signup_attempt() -> float | None:
    """Seconds to wait when this address tried to sign up too often, or None."""
    return retry_after(_address(), SIGNUPS)


def retry_after_header(wait: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(wait)))}
