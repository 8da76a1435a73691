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
