"""Rate limits every worker process counts together: a sliding window kept in a small
SQLite file of its own (instance/ratelimit-<database>.sqlite3), apart from the app's database so
its writes never wait on the room's.

With one count per process, two workers let twice the documented figures through. The
file is local to the machine, which is where `make run` serves from; each hit is one short
transaction, and losing the file loses nothing but recent counts.
"""

import logging
import os
import sqlite3
import threading
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS hit (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hit_key_at ON hit (key, at);
"""
SWEEP_EVERY = 5000  # hits between removals of every key's expired hits
BUSY_SECONDS = 1.0  # a hit holds the lock for well under a millisecond
log = logging.getLogger(__name__)


class FileWindow:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = None
        self._hits_since_sweep = 0
        self._longest_window = 0.0

    def _db(self) -> sqlite3.Connection:
        # Opened in the process that uses it: a connection must not cross a fork.
        if self._connection is None or self._pid != os.getpid():
            connection = sqlite3.connect(
                self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=OFF")  # counts, not records
            connection.executescript(SCHEMA)
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _wait(self, db: sqlite3.Connection, key: str, limit: int, window: float, now: float):
        count, first = db.execute(
            "SELECT count(*), min(at) FROM hit WHERE key = ? AND at > ?", (key, now - window)
        ).fetchone()
        if count >= limit:
            # The oldest hits leave the window first; the one that frees a place is the
            # (count - limit + 1)th.
            freeing = db.execute(
                "SELECT at FROM hit WHERE key = ? AND at > ? ORDER BY at LIMIT 1 OFFSET ?",
                (key, now - window, count - limit),
            ).fetchone()
            return max(0.0, (freeing[0] if freeing else first) + window - now)
        return None

    def hit(self, key: str, limit: int, window_seconds: float) -> float | None:
        """None if allowed (and counted), else seconds to wait. If the file cannot be used
        (a full disk), the request is let through: a limit must never take the room down."""
        try:
            return self._hit(key, limit, window_seconds)
        except sqlite3.Error:
            log.warning("rate limit file unusable; letting the request through", exc_info=True)
            self._connection = None
            return None

    def _hit(self, key: str, limit: int, window_seconds: float) -> float | None:
        now = time.time()
        with self._lock:
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            try:
                wait = self._wait(db, key, limit, window_seconds, now)
                if wait is None:
                    db.execute("INSERT INTO hit (key, at) VALUES (?, ?)", (key, now))
                    self._longest_window = max(self._longest_window, window_seconds)
                    self._hits_since_sweep += 1
                    if self._hits_since_sweep >= SWEEP_EVERY:
                        db.execute("DELETE FROM hit WHERE at <= ?", (now - self._longest_window,))
                        self._hits_since_sweep = 0
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            return wait

    def wait(self, key: str, limit: int, window_seconds: float) -> float | None:
        try:
            with self._lock:
                return self._wait(self._db(), key, limit, window_seconds, time.time())
        except sqlite3.Error:
            self._connection = None
            return None

    def recent(self, key: str, window_seconds: float) -> int:
        try:
            with self._lock:
                return (
                    self._db()
                    .execute(
                        "SELECT count(*) FROM hit WHERE key = ? AND at > ?",
                        (key, time.time() - window_seconds),
                    )
                    .fetchone()[0]
                )
        except sqlite3.Error:
            self._connection = None
            return 0

    def take_back(self, key: str) -> None:
        try:
            with self._lock:
                self._db().execute(
                    "DELETE FROM hit WHERE rowid = "
                    "(SELECT rowid FROM hit WHERE key = ? ORDER BY at DESC LIMIT 1)",
                    (key,),
                )
        except sqlite3.Error:
            self._connection = None
