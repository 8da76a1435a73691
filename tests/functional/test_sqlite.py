"""SQLite done right: WAL, a busy timeout, and write transactions that take the lock at BEGIN."""

import threading
import uuid

import pytest
from sqlalchemy import event, text

from ai_workshop.extensions import db
from ai_workshop.models import Story

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def in_own_thread(request):
    """Run a request as production does: its own app context and database session."""
    thread = threading.Thread(target=request)
    thread.start()
    thread.join()


def test_connections_use_wal_and_a_busy_timeout(app):
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_writes_begin_immediate_and_reads_stay_deferred(app, client, workshop):
    statements = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def remember(_conn, _cursor, statement, *_args):
        if statement.startswith("BEGIN"):
            statements.append(statement)

    code = workshop.code
    db.session.commit()  # the test's own session must not hold the write lock
    in_own_thread(lambda: client.get(f"/api/v1/workshops/{code}/state"))
    assert statements[-1] == "BEGIN"
    in_own_thread(lambda: client.post("/api/v1/join", json={"code": code}))
    assert statements[-1] == "BEGIN IMMEDIATE"
    event.remove(db.engine, "before_cursor_execute", remember)


def test_concurrent_writers_all_succeed(app, workshop, make):
    """Eight phones posting at once: every story stored, none refused as 'database is locked'."""
    tokens = [make.participant(workshop, f"P{i}").token for i in range(8)]
    code = workshop.code
    db.session.commit()
    statuses, lock = [], threading.Lock()

    def submit_many(token):
        client = app.test_client()
        for _ in range(10):
            response = client.post(
                f"/api/v1/workshops/{code}/stories",
                headers={"Authorization": f"Bearer {token}"},
                json={
                    "client_id": str(uuid.uuid4()),
                    "headline": "Concurrent story",
                    "story": "Many phones at once, and every story must arrive exactly once.",
                    "strengths": ["patience"],
                    "consent": "anonymous",
                },
            )
            with lock:
                statuses.append(response.status_code)

    threads = [threading.Thread(target=submit_many, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 80
    assert db.session.scalar(text("SELECT count(*) FROM story")) == 80
    assert db.session.query(Story).filter_by(workshop_id=workshop.id).count() == 80
