"""Engine tuning: SQLite in WAL mode with eager write locks; pool sizes per backend."""

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


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
            "PRAGMA busy_timeout=10000",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if wants_write_lock() else "BEGIN")
