"""SQLite's write lock, shared by the worker processes without freezing their event loops.

SQLite's own busy wait sleeps in C, which under gevent stops every request of the process
until the other process commits. Instead a writer tries BEGIN IMMEDIATE without waiting in
C, and between attempts sleeps in a way the event loop can use; past the deadline it raises
OperationalError, which the app answers with 503 and Retry-After.

Under gevent a write transaction on SQLite runs from BEGIN to COMMIT without yielding, so
the writers of one process never meet each other's lock, only another process's. They are
not queued behind one another in the process either: a queue hands the turn on only when the
event loop comes round to the next writer, and with the loop busy rendering a room's pages
that added up to half a second per write (measured during a phase change of 2,000 phones).
"""

import random
import sqlite3
import time

from sqlalchemy.exc import OperationalError

# SQLite's own wait, kept only as a short safety net for the rare reader that meets a lock
# (WAL recovery after a crash).
SAFETY_BUSY_MS = 200


def take_write_lock(dbapi_connection, wait_seconds: float) -> None:
    """BEGIN IMMEDIATE, retried with short cooperative sleeps until wait_seconds pass."""
    deadline = time.monotonic() + wait_seconds
    pause = 0.0002
    dbapi_connection.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise OperationalError("BEGIN IMMEDIATE", None, error) from error
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 1.5, 0.002)
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={SAFETY_BUSY_MS}")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message
