"""What the database can do right now: answer, and store. A full disk or a read-only file
lets reads through and fails every write, so the last write failure of that kind is kept
for a minute and /healthz reports it."""

import time

from sqlalchemy import text

from ai_workshop.extensions import db

_CANNOT_WRITE = ("readonly", "read-only", "disk is full", "database or disk is full",
                 "no space left", "could not extend file", "read only")  # fmt: skip
REMEMBER_SECONDS = 60.0
_last_write_fault: tuple[float, str] | None = None


def is_write_fault(error: Exception) -> bool:
    message = str(getattr(error, "orig", error)).lower()
    return any(words in message for words in _CANNOT_WRITE)


def note_write_fault(error: Exception) -> None:
    global _last_write_fault
    _last_write_fault = (time.monotonic(), str(getattr(error, "orig", error))[:200])


def database_health() -> tuple[bool, str]:
    """(healthy, what is wrong): reads answer, and no write failed for want of space or
    permission in the last minute."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # any failure to answer is "unavailable"
        db.session.rollback()
        return False, f"cannot read: {str(getattr(error, 'orig', error))[:200]}"
    if _last_write_fault and time.monotonic() - _last_write_fault[0] < REMEMBER_SECONDS:
        return False, f"cannot write: {_last_write_fault[1]}"
    return True, "ok"
