"""A checkpoint every second for the SQLite database, run by gunicorn's master process.

Workers commit with synchronous=NORMAL: a commit is in the write-ahead log before it is
acknowledged, so a crashed or killed worker (kill -9) loses nothing, but the log is not
flushed to the disk at every commit. Flushing at every commit (FULL) cost most of the write
capacity on a busy room. This thread checkpoints once a second, which flushes the log, so a
power cut can cost at most about the last second. SQLITE_SYNCHRONOUS=FULL restores a flush
per commit.
"""

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from ai_workshop.config import load_config

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)


# Set by the master for its workers: the master checkpoints, so they need not.
MASTER_CHECKPOINTS = "AIW_MASTER_CHECKPOINTS"


def autocheckpoint_pages() -> int:
    """0 (off) in workers whose master checkpoints; SQLite's default of 1000 otherwise.

    A worker's own checkpoint runs inside a commit, in C: under gevent it stops every
    request of that worker for as long as it copies and flushes the log, which under a
    room's reads was up to a second (measured: 5 % of writes over 500 ms during the page
    reloads of a phase change, with two workers).
    """
    return 0 if os.environ.get(MASTER_CHECKPOINTS) == "1" else 1000


def sqlite_file(database_uri: str) -> str | None:
    url = make_url(database_uri)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return url.database


def checkpoint_once(path: str) -> tuple[int, int, int]:
    """(blocked, frames in the log, frames copied into the database)."""
    connection = sqlite3.connect(path, timeout=1)
    try:
        return tuple(connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())
    finally:
        connection.close()


def checkpoint_forever(path: str, every_seconds: float) -> None:
    while True:
        time.sleep(every_seconds)
        try:
            checkpoint_once(path)
        except sqlite3.Error as error:
            log.warning("checkpoint skipped: %s", error)


def start_checkpoints(every_seconds: float = 1.0) -> threading.Thread | None:
    """Start the checkpoint thread for the database the app is configured with, if SQLite."""
    config = load_config(str(ROOT / "instance"))
    path = sqlite_file(config["SQLALCHEMY_DATABASE_URI"])
    if path is None:
        return None
    thread = threading.Thread(
        target=checkpoint_forever, args=(path, every_seconds), name="aiw-checkpoint", daemon=True
    )
    thread.start()
    os.environ[MASTER_CHECKPOINTS] = "1"  # inherited by the workers, forked after this
    return thread
