"""Sliding-window limits: per participant for writes, per address for joins and unknown codes,
per account and address for failed logins. Counted in a file every worker shares
(ratelimit_file.py), or in this process for the tests.

Venue Wi-Fi puts hundreds of phones behind one address, so per-address limits stay generous.
"""

import hashlib
import threading
import time
from collections import deque
from pathlib import Path

from flask import current_app


class SlidingWindow:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}
        self._longest_window = 0.0  # a key is idle only once past the longest window in use

    def hit(self, key: str, limit: int, window_seconds: float) -> float | None:
        """Record a hit; return None if allowed, else the seconds until the next is allowed."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - window_seconds:
                hits.popleft()
            if len(hits) >= limit:
                return max(0.0, hits[0] + window_seconds - now)
            hits.append(now)
            self._longest_window = max(self._longest_window, window_seconds)
            if len(self._hits) > 50_000:
                self._forget_idle(now, self._longest_window)
            return None

    def wait(self, key: str, limit: int, window_seconds: float) -> float | None:
        """Like hit, without recording one: seconds to wait if the key is over its limit."""
        now = time.monotonic()
        with self._lock:
            hits = [at for at in self._hits.get(key, ()) if at > now - window_seconds]
            if len(hits) >= limit:
                return max(0.0, hits[0] + window_seconds - now)
            return None

    def recent(self, key: str, window_seconds: float) -> int:
        """How many hits the key has had within the window."""
        now = time.monotonic()
        with self._lock:
            return sum(1 for at in self._hits.get(key, ()) if at > now - window_seconds)

    def take_back(self, key: str) -> None:
        """Remove the latest hit: for limits that count only attempts that failed."""
        with self._lock:
            hits = self._hits.get(key)
            if hits:
                hits.pop()

    def _forget_idle(self, now: float, window_seconds: float) -> None:
        idle = [
            key for key, hits in self._hits.items() if not hits or hits[-1] <= now - window_seconds
        ]
        for key in idle:
            del self._hits[key]


def init_ratelimit(app) -> None:
    """Counts shared by every worker process (a file in the instance folder), or, with
    RATELIMIT_STORAGE="memory" (the tests), this process's alone."""
    if app.config.get("RATELIMIT_STORAGE", "file") == "memory":
        app.extensions["aiw_ratelimit"] = SlidingWindow()
        return
    from ai_workshop.web.ratelimit_file import FileWindow

    # One file per database: counts keyed by participant ids must not carry over to another
    # database whose ids start again from 1.
    database = hashlib.sha256(app.config["SQLALCHEMY_DATABASE_URI"].encode()).hexdigest()[:12]
    path = app.config.get("RATELIMIT_FILE") or str(
        Path(app.instance_path) / f"ratelimit-{database}.sqlite3"
    )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    app.extensions["aiw_ratelimit"] = FileWindow(path)


def retry_after(key: str, limit_name: str) -> float | None:
    """None when allowed; otherwise seconds to wait. Limits come from config as (count, seconds)."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    limit, window = current_app.config[limit_name]
    return current_app.extensions["aiw_ratelimit"].hit(f"{limit_name}:{key}", limit, window)


def count_hit(key: str, name: str, window_seconds: float) -> int:
    """Record a hit with no limit; how many the key has had within the window, this one too."""
    store = current_app.extensions["aiw_ratelimit"]
    store.hit(f"{name}:{key}", 10**9, window_seconds)
    return store.recent(f"{name}:{key}", window_seconds)


def take_back_hit(key: str, name: str) -> None:
    current_app.extensions["aiw_ratelimit"].take_back(f"{name}:{key}")


def take_slot(key: str, name: str, limit: int, longest_seconds: float) -> float | None:
    """Hold one of `limit` places for something long-lived (a live stream), counted by every
    worker; None when taken, else seconds to wait. Give it back with release_slot; a place a
    crashed process never gave back frees itself after longest_seconds."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    return current_app.extensions["aiw_ratelimit"].hit(f"{name}:{key}", limit, longest_seconds)


def release_slot(key: str, name: str) -> None:
    if current_app.config.get("RATELIMIT_ENABLED", True):
        current_app.extensions["aiw_ratelimit"].take_back(f"{name}:{key}")


def over_limit(key: str, limit_name: str) -> float | None:
    """Seconds to wait when this key is over its limit already, without counting a hit."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    limit, window = current_app.config[limit_name]
    return current_app.extensions["aiw_ratelimit"].wait(f"{limit_name}:{key}", limit, window)


def take_back(key: str, limit_name: str) -> None:
    """Un-count a hit that turned out not to count, like a login that succeeded."""
    if current_app.config.get("RATELIMIT_ENABLED", True):
        current_app.extensions["aiw_ratelimit"].take_back(f"{limit_name}:{key}")
