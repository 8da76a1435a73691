"""The room's stage as phones see it (phase, screen, timer), remembered for a moment.

Two thousand phones polling every few seconds must cost little more than a trivial request:
an unchanged poll is answered from here with a 304, without touching the database, and after
a phase change the room's phones share one database read instead of two thousand. An entry
is dropped when the facilitator changes the stage (in this process, or in another worker via
the live channel); its short lifetime bounds staleness for changes made elsewhere (the CLI).
"""

import threading
import time
from typing import NamedTuple


class Stage(NamedTuple):
    etag: str
    body: dict  # the state as phones receive it, but for the clock (see api.serializers)
    until: float


class StageCache:
    def __init__(self, lifetime_seconds: float) -> None:
        self._lifetime = lifetime_seconds
        self._lock = threading.Lock()
        self._etags: dict[str, Stage] = {}
        self._loading: dict[str, threading.Lock] = {}

    def get_or_load(self, code: str, load) -> Stage:
        """The cached stage, or load(code) by one request while the others of the room wait
        for its answer: after a phase change a thousand released phones arrive at once, and
        they must not all queue for database connections to read the same row."""
        entry = self.get(code)
        if entry is not None:
            return entry
        with self._lock:
            loading = self._loading.setdefault(code, threading.Lock())
        with loading:
            entry = self.get(code)
            if entry is None:
                entry = load(code)
        with self._lock:
            if len(self._loading) > 10_000:
                self._loading.clear()
        return entry

    def get(self, code: str) -> Stage | None:
        entry = self._etags.get(code)
        if entry is None or entry.until < time.monotonic():
            return None
        return entry

    def etag(self, code: str) -> str | None:
        entry = self.get(code)
        return entry.etag if entry is not None else None

    def remember(self, code: str, etag: str, body: dict) -> Stage:
        entry = Stage(etag, body, time.monotonic() + self._lifetime)
        with self._lock:
            self._etags[code] = entry
            if len(self._etags) > 10_000:
                self._forget_expired()
        return entry

    def forget(self, code: str) -> None:
        with self._lock:
            self._etags.pop(code, None)

    def forget_all(self) -> None:
        with self._lock:
            self._etags.clear()

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for code in [code for code, entry in self._etags.items() if entry.until < now]:
            del self._etags[code]
