"""The live streams' reads on PostgreSQL: one connection of the process's own, in autocommit.

Under a room's load every projector and console reads the room a few dozen times a second.
Through the pool each read cost four round trips for one of data: the checkout's ping, BEGIN,
the read, the ROLLBACK at the return; with the session around it, reading the state took
0.96 ms of a worker's CPU, on this connection as Core rows 0.38 ms (bench/live_event_cost.py
and docs/benchmarks.md). SQLite has no round trips: there the request's session is used.
"""

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from flask import current_app
from sqlalchemy import Connection, Row
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ai_workshop.extensions import db

log = logging.getLogger(__name__)
T = TypeVar("T")


class LiveReader:
    """One autocommit connection, lent to one read at a time (reads take a millisecond)."""

    def __init__(self, engine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._connection: Connection | None = None
        self._lock = threading.Lock()

    def read(self, work: Callable[[Session], T]) -> T:
        """work(session), in a session on the kept connection; the objects read stay usable."""

        def in_session(connection: Connection) -> T:
            session = Session(bind=connection, expire_on_commit=False)
            try:
                return work(session)
            finally:
                session.close()

        return self._on_connection(in_session)

    def rows(self, statement, parameters: dict) -> list[Row]:
        """A Core statement's rows: no session around them (it costs as much as the read)."""
        return self._on_connection(
            lambda connection: connection.execute(statement, parameters).all()
        )

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _on_connection(self, work: Callable[[Connection], T]) -> T:
        """A read that finds the connection gone (a database restart) is done again once, on
        a new one."""
        with self._lock:
            for attempt in (1, 2):
                if self._connection is None or self._connection.invalidated:
                    self._connection = self._engine.connect()
                try:
                    return work(self._connection)
                except DBAPIError as error:
                    if not error.connection_invalidated or attempt == 2:
                        raise
                    log.warning("live reads: connection lost (%s); reconnecting", error.orig)
                    self._connection = None
        raise AssertionError("unreachable")


def live_read(work: Callable[[Session], T]) -> T:
    """work(session) where a stream reads: the process's live reader on PostgreSQL, else
    db.session, released at once (a stream must not pin a transaction)."""
    reader = current_app.extensions.get("aiw_live_reader")
    if reader is not None:
        return reader.read(work)
    try:
        return work(db.session)
    finally:
        db.session.close()


def live_rows(statement, parameters: dict) -> list[Row]:
    """A Core statement's rows where a stream reads (see live_read), without an ORM session."""
    reader = current_app.extensions.get("aiw_live_reader")
    if reader is not None:
        return reader.rows(statement, parameters)
    return live_read(lambda session: session.execute(statement, parameters).all())


def init_live_reader(app) -> None:
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        with app.app_context():
            app.extensions["aiw_live_reader"] = LiveReader(db.engine)
