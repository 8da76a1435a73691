"""Engine tuning: SQLite in WAL mode with eager write locks; pool sizes per backend."""

import io
import os
from functools import wraps

from flask import current_app, g, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import RequestEntityTooLarge

from ai_workshop.db import sqlite_lock, sqlite_sync

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_LOCK_WAIT_SECONDS = 10.0


def engine_options(database_uri: str) -> dict:
    """Options for create_engine that suit the backend in DATABASE_URL."""
    if database_uri.startswith("sqlite"):
        # Connections stay open: a new SQLite connection re-reads the schema on its first
        # query, and under a room's load overflow connections were opened and closed by the
        # hundred (measured: 2 % of the workers' time in the connect hook alone).
        return {"pool_size": 80, "max_overflow": 20, "pool_timeout": 10}
    # As many kept open as a worker may use: an overflow connection is closed when returned,
    # and under a summit's load they were opened by the dozen a second (each a new
    # PostgreSQL backend). 30 a worker keeps three workers under PostgreSQL's default 100.
    return {"pool_size": 25, "max_overflow": 5, "pool_pre_ping": True, "pool_timeout": 10}


def wants_write_lock() -> bool:
    """Requests that may write take SQLite's write lock at BEGIN; reads stay deferred.

    A deferred transaction that reads and then writes cannot wait for the lock
    ("database is locked" despite busy_timeout); BEGIN IMMEDIATE can.
    """
    if has_request_context():
        return request.method not in READ_ONLY_METHODS and not g.get("aiw_reads_first")
    # A background job (the story embedder) reads, works for a while, then writes briefly.
    return not (has_app_context() and g.get("aiw_reads_first"))


def reads_first(view):
    """For the busiest write endpoints: look up and validate before taking the write lock.

    Only one writer holds SQLite's lock at a time, so the lock should cover the writing and
    not the lookups and form checks before it. The view must call start_writing() before
    its first write.
    """

    @wraps(view)
    def wrapper(*args, **kwargs):
        g.aiw_reads_first = True
        return view(*args, **kwargs)

    return wrapper


def start_writing() -> None:
    """End the read-only transaction; the next statement begins with BEGIN IMMEDIATE.

    What was read stays usable (objects are not expired at commit); checks that must see
    the latest rows (idempotency, counts) belong after this call.
    """
    from ai_workshop.extensions import db

    if db.session.get_bind().dialect.name == "sqlite":
        db.session.commit()
    g.aiw_reads_first = False


def read_body_first() -> None:
    """Read a request's body before any query can take SQLite's write lock.

    Under gevent a slow upload would otherwise pause a greenlet while it holds the lock,
    and the next writer would wait for it inside SQLite, where the event loop cannot run.
    Werkzeug parses forms and JSON from this cached copy. Too large a body is a 413 here.
    """
    if request.method not in READ_ONLY_METHODS:
        _bound_a_chunked_body()
        request.get_data(cache=True)


def _bound_a_chunked_body() -> None:
    """A body sent in chunks has no Content-Length to check up front, and Werkzeug stops
    reading it quietly at MAX_CONTENT_LENGTH, so a story past the limit would be cut short
    and stored. Read one byte past the limit instead: more than the limit is a 413."""
    environ = request.environ
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit is None or request.content_length is not None:
        return
    if "wsgi.input_terminated" not in environ:
        return
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise RequestEntityTooLarge()
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("HTTP_TRANSFER_ENCODING", None)


def configure_sqlite(engine: Engine) -> None:
    """Take over pysqlite's transaction handling so BEGIN IMMEDIATE is ours to emit."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode=WAL",
            f"PRAGMA busy_timeout={sqlite_lock.SAFETY_BUSY_MS}",
            f"PRAGMA synchronous={synchronous_mode()}",
            "PRAGMA foreign_keys=ON",
            f"PRAGMA wal_autocheckpoint={sqlite_sync.autocheckpoint_pages()}",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        if wants_write_lock():
            sqlite_lock.take_write_lock(
                connection.connection.driver_connection, lock_wait_seconds()
            )
        else:
            connection.exec_driver_sql("BEGIN")


def synchronous_mode() -> str:
    """NORMAL by default: durable across crashes; the log is flushed by the once-a-second
    checkpoint (sqlite_sync.py). FULL flushes at every commit, at a cost in throughput."""
    mode = os.environ.get("SQLITE_SYNCHRONOUS", "NORMAL").upper()
    return mode if mode in {"NORMAL", "FULL", "EXTRA"} else "NORMAL"


def lock_wait_seconds() -> float:
    if has_app_context():
        return current_app.config.get("SQLITE_LOCK_WAIT_SECONDS", DEFAULT_LOCK_WAIT_SECONDS)
    return DEFAULT_LOCK_WAIT_SECONDS
