"""SQLite done right: WAL, a busy timeout, and write transactions that take the lock at BEGIN."""

import sqlite3
import threading
import time
import uuid

import pytest
from sqlalchemy import event, text

from ai_workshop.db import sqlite_lock, sqlite_sync
from ai_workshop.extensions import db
from ai_workshop.models import Story

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def in_own_thread(request):
    """Run a request as production does: its own app context and database session."""
    thread = threading.Thread(target=request)
    thread.start()
    thread.join()


def test_connections_use_wal_full_sync_and_foreign_keys(app):
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_writes_take_the_lock_and_reads_stay_deferred(app, client, workshop, monkeypatch):
    locks, statements = [], []
    real_take = sqlite_lock.take_write_lock
    monkeypatch.setattr(
        sqlite_lock,
        "take_write_lock",
        lambda conn, wait: (locks.append(wait), real_take(conn, wait)),
    )

    @event.listens_for(db.engine, "before_cursor_execute")
    def remember(_conn, _cursor, statement, *_args):
        if statement.startswith("BEGIN"):
            statements.append(statement)

    code = workshop.code
    db.session.commit()  # the test's own session must not hold the write lock
    locks.clear()
    in_own_thread(lambda: client.get(f"/api/v1/workshops/{code}/state"))
    assert statements == ["BEGIN"] and locks == []
    # The join looks the workshop up outside the lock, then writes inside it.
    in_own_thread(lambda: client.post("/api/v1/join", json={"code": code}))
    assert statements == ["BEGIN", "BEGIN"] and len(locks) == 1
    event.remove(db.engine, "before_cursor_execute", remember)


def hold_write_lock(app, seconds: float) -> threading.Thread:
    """Another process's writer: a plain sqlite3 connection holding the lock for a while."""
    path = db.engine.url.database
    held = threading.Event()

    def hold():
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        other.execute("ROLLBACK")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    return thread


def test_a_writer_waits_for_another_process_and_then_succeeds(app, client, workshop):
    code = workshop.code
    db.session.commit()
    holder = hold_write_lock(app, 0.6)
    responses = []
    started = time.monotonic()
    in_own_thread(lambda: responses.append(client.post("/api/v1/join", json={"code": code})))
    holder.join()
    assert responses[0].status_code == 201
    assert time.monotonic() - started >= 0.5


def test_a_lock_held_too_long_is_a_503_with_retry_after(app, client, workshop):
    code = workshop.code
    db.session.commit()
    app.config["SQLITE_LOCK_WAIT_SECONDS"] = 0.3
    holder = hold_write_lock(app, 1.0)
    responses = []
    in_own_thread(lambda: responses.append(client.post("/api/v1/join", json={"code": code})))
    holder.join()
    app.config["SQLITE_LOCK_WAIT_SECONDS"] = 10.0
    response = responses[0]
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.json["error"]["code"] == "unavailable"
    again = client.post("/api/v1/join", json={"code": code})
    assert again.status_code == 201


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


def test_the_checkpoint_flushes_every_committed_write_into_the_database(app, make, workshop):
    participant = make.participant(workshop)
    for _ in range(5):
        make.story(workshop, participant)
    db.session.commit()
    path = sqlite_sync.sqlite_file(str(db.engine.url))
    blocked, logged, copied = sqlite_sync.checkpoint_once(path)
    assert blocked == 0
    assert logged > 0 and copied == logged
