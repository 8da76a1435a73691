"""What the database can do right now: answer, and store. A full disk or a read-only file
lets reads through and fails every write, so the last write failure of that kind is kept
for a minute and /healthz reports it. Kept per app (one per worker process)."""

import time

from flask import current_app
from sqlalchemy import text

from ai_workshop.extensions import db

_CANNOT_WRITE = ("readonly", "read-only", "disk is full", "database or disk is full",
                 "no space left", "could not extend file", "read only")  # fmt: skip
REMEMBER_SECONDS = 60.0
# A load balancer may ask many times a second: the database is asked at most this often.
CHECK_EVERY_SECONDS = 1.0


def _state() -> dict:
    return current_app.extensions.setdefault("aiw_db_health", {"fault": None, "check": None})


def is_write_fault(error: Exception) -> bool:
    message = str(getattr(error, "orig", error)).lower()
    return any(words in message for words in _CANNOT_WRITE)


def note_write_fault(error: Exception) -> None:
    state = _state()
    state["fault"] = (time.monotonic(), str(getattr(error, "orig", error))[:200])
    state["check"] = None


def database_health() -> tuple[bool, str]:
    """(healthy, what is wrong): reads answer, and no write failed for want of space or
    permission in the last minute."""
    state = _state()
    if state["check"] and time.monotonic() - state["check"][0] < CHECK_EVERY_SECONDS:
        return state["check"][1], state["check"][2]
    healthy, why = _checked(state)
    state["check"] = (time.monotonic(), healthy, why)
    return healthy, why


def _checked(state: dict) -> tuple[bool, str]:
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # any failure to answer is "unavailable"
        db.session.rollback()
        return False, f"cannot read: {str(getattr(error, 'orig', error))[:200]}"
    fault = state["fault"]
    if fault and time.monotonic() - fault[0] < REMEMBER_SECONDS:
        return False, f"cannot write: {fault[1]}"
    return True, "ok"
