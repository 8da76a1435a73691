"""Which databases the master process checkpoints once a second."""

from ai_workshop import sqlite_sync


def test_only_sqlite_files_get_a_checkpoint_thread():
    assert sqlite_sync.sqlite_file("sqlite:////tmp/x/app.sqlite3") == "/tmp/x/app.sqlite3"
    assert sqlite_sync.sqlite_file("sqlite:///:memory:") is None
    assert sqlite_sync.sqlite_file("postgresql+psycopg://u@h/db") is None
