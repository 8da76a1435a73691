"""The live streams' reads (live/reader.py): on PostgreSQL one kept connection in autocommit,
a read a single round trip; it comes back after the database drops it."""

import os
import time

import psycopg
import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import text
from sqlalchemy.engine import make_url

from ai_workshop.extensions import db
from ai_workshop.live.pushed import rooms
from ai_workshop.live.reader import live_read

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
on_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="needs TEST_POSTGRES_URL (CI sets it)")


def _backend_pid(session) -> int:
    return session.execute(text("SELECT pg_backend_pid()")).scalar()


@on_postgres
@pytest.mark.parametrize("backend", ["postgres"])
def test_live_reads_share_one_connection_that_holds_no_transaction(app, make, workshop):
    reader = app.extensions["aiw_live_reader"]
    first = live_read(_backend_pid)
    assert live_read(_backend_pid) == first  # the same connection, not one from the pool
    raw = reader._connection.connection.driver_connection
    # No BEGIN was sent, so there is nothing to roll back: one round trip per read.
    assert raw.info.transaction_status == TransactionStatus.IDLE and raw.autocommit
    make.story(workshop, make.participant(workshop, "Priya"), headline="Read live")
    state = rooms().of(workshop.id, workshop.code).state(not_before=time.monotonic())
    assert state.stories == 1 and raw.info.transaction_status == TransactionStatus.IDLE


@on_postgres
@pytest.mark.parametrize("backend", ["postgres"])
def test_a_live_read_comes_back_after_the_database_drops_its_connection(app, make, workshop):
    lost = live_read(_backend_pid)
    dsn = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(dsn, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (lost,)).fetchone()[0]
    make.story(workshop, make.participant(workshop, "Priya"), headline="After the restart")
    state = rooms().of(workshop.id, workshop.code).state(not_before=time.monotonic())
    assert state.stories == 1  # read again on a new connection, not an error
    assert live_read(_backend_pid) != lost


@pytest.mark.parametrize("backend", ["sqlite"])
def test_on_sqlite_live_reads_use_the_session_and_release_it(app, make, workshop):
    assert "aiw_live_reader" not in app.extensions
    make.story(workshop, make.participant(workshop, "Priya"), headline="Read live")
    state = rooms().of(workshop.id, workshop.code).state(not_before=time.monotonic())
    assert state.stories == 1
    assert not db.session().in_transaction()  # a stream must not pin a read transaction
