"""A small in-process sliding-window limiter: per participant for writes, per address for joins.

Venue Wi-Fi puts hundreds of phones behind one address, so per-address limits stay generous.
"""

import threading
import time
from collections import deque

from flask import current_app


class SlidingWindow:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}

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
            if len(self._hits) > 50_000:
                self._forget_idle(now, window_seconds)
            return None

    def _forget_idle(self, now: float, window_seconds: float) -> None:
        idle = [
            key for key, hits in self._hits.items() if not hits or hits[-1] <= now - window_seconds
        ]
        for key in idle:
            del self._hits[key]


def init_ratelimit(app) -> None:
    app.extensions["aiw_ratelimit"] = SlidingWindow()


def retry_after(key: str, limit_name: str) -> float | None:
    """None when allowed; otherwise seconds to wait. Limits come from config as (count, seconds)."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    limit, window = current_app.config[limit_name]
    return current_app.extensions["aiw_ratelimit"].hit(f"{limit_name}:{key}", limit, window)
