"""SQLite's write lock, shared by the worker processes without freezing their event loops.

SQLite's own busy wait sleeps in C, which under gevent stops every request of the process
until the other process commits. Instead:

- inside a process, writers queue on one gate (a lock gevent makes cooperative), so one
  writer per process at most is asking SQLite;
- that writer tries BEGIN IMMEDIATE without waiting in C, and between attempts sleeps in a
  way the event loop can use;
- past the deadline it raises OperationalError, which the app answers with 503 and
  Retry-After; the gate is released when the transaction ends, however it ends.
"""

import random
import sqlite3
import threading
import time

from sqlalchemy.exc import OperationalError

# SQLite's own wait, kept only as a short safety net for the rare reader that meets a lock
# (WAL recovery after a crash).
SAFETY_BUSY_MS = 200
_HELD = "aiw_write_gate"


class WriteGate:
    """One per database: the writers of this process take turns asking SQLite for its lock."""

    def __init__(self) -> None:
        self._gate = threading.Lock()

    def take(self, pooled_connection, wait_seconds: float) -> None:
        deadline = time.monotonic() + wait_seconds
        if not self._gate.acquire(timeout=wait_seconds):
            raise OperationalError("BEGIN IMMEDIATE", None, sqlite3.OperationalError("busy"))
        try:
            _begin_immediate(pooled_connection.driver_connection, deadline)
        except BaseException:
            self._gate.release()
            raise
        pooled_connection.info[_HELD] = True

    def release(self, pooled_connection) -> None:
        if pooled_connection is not None and pooled_connection.info.pop(_HELD, False):
            self._gate.release()


def _begin_immediate(dbapi_connection, deadline: float) -> None:
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
