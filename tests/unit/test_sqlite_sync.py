"""Which databases the master process checkpoints once a second."""

from ai_workshop.db import sqlite_sync


def test_only_sqlite_files_get_a_checkpoint_thread():
    assert sqlite_sync.sqlite_file("sqlite:////tmp/x/app.sqlite3") == "/tmp/x/app.sqlite3"
    assert sqlite_sync.sqlite_file("sqlite:///:memory:") is None
    assert sqlite_sync.sqlite_file("postgresql+psycopg://u@h/db") is None


def test_workers_leave_checkpoints_to_a_master_that_makes_them(monkeypatch):
    monkeypatch.delenv(sqlite_sync.MASTER_CHECKPOINTS, raising=False)
    assert sqlite_sync.autocheckpoint_pages() == 1000  # flask run, the CLI, tests: SQLite's own
    monkeypatch.setenv(sqlite_sync.MASTER_CHECKPOINTS, "1")
    assert sqlite_sync.autocheckpoint_pages() == 0


def test_starting_the_checkpoints_tells_the_workers_forked_after(monkeypatch, tmp_path):
    monkeypatch.delenv(sqlite_sync.MASTER_CHECKPOINTS, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite3'}")
    assert sqlite_sync.start_checkpoints(every_seconds=3600) is not None
    assert sqlite_sync.autocheckpoint_pages() == 0
