"""Engine tuning: SQLite in WAL mode with eager write locks; pool sizes per backend."""

import random
import sqlite3
import time

from flask import current_app, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Writers wait for the lock in take_write_lock(); SQLite's own wait is only a short
# safety net for the rare reader that meets a lock (WAL recovery after a crash).
SAFETY_BUSY_MS = 200
DEFAULT_LOCK_WAIT_SECONDS = 10.0


def engine_options(database_uri: str) -> dict:
    """Options for create_engine that suit the backend in DATABASE_URL."""
    if database_uri.startswith("sqlite"):
        return {"pool_size": 20, "max_overflow": 60, "pool_timeout": 10}
    return {"pool_size": 10, "max_overflow": 20, "pool_pre_ping": True, "pool_timeout": 10}


def wants_write_lock() -> bool:
    """Requests that may write take SQLite's write lock at BEGIN; reads stay deferred.

    A deferred transaction that reads and then writes cannot wait for the lock
    ("database is locked" despite busy_timeout); BEGIN IMMEDIATE can.
    """
    if has_request_context():
        return request.method not in READ_ONLY_METHODS
    return True


def read_body_first() -> None:
    """Read a request's body before any query can take SQLite's write lock.

    Under gevent a slow upload would otherwise pause a greenlet while it holds the lock,
    and the next writer would wait for it inside SQLite, where the event loop cannot run.
    Werkzeug parses forms and JSON from this cached copy. Too large a body is a 413 here.
    """
    if request.method not in READ_ONLY_METHODS:
        request.get_data(cache=True)


def configure_sqlite(engine: Engine) -> None:
    """Take over pysqlite's transaction handling so BEGIN IMMEDIATE is ours to emit."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode=WAL",
            f"PRAGMA busy_timeout={SAFETY_BUSY_MS}",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        if wants_write_lock():
            take_write_lock(connection.connection.driver_connection, lock_wait_seconds())
        else:
            connection.exec_driver_sql("BEGIN")


def lock_wait_seconds() -> float:
    if has_app_context():
        return current_app.config.get("SQLITE_LOCK_WAIT_SECONDS", DEFAULT_LOCK_WAIT_SECONDS)
    return DEFAULT_LOCK_WAIT_SECONDS


def take_write_lock(dbapi_connection, wait_seconds: float) -> None:
    """BEGIN IMMEDIATE, waiting for another process's writer between attempts, not inside.

    SQLite's own busy wait sleeps in C, which under gevent freezes every request of this
    process until the other process commits. Here each failed attempt returns at once and
    the wait is a sleep the event loop can use. Past the deadline the caller gets an
    OperationalError, which the app answers with 503 and Retry-After.
    """
    deadline = time.monotonic() + wait_seconds
    pause = 0.0005
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
            pause = min(pause * 1.5, 0.02)
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={SAFETY_BUSY_MS}")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message
