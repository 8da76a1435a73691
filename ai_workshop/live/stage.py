"""The room's stage as phones see it (phase, screen, timer), remembered for a moment.

Two thousand phones polling every few seconds must cost little more than a trivial request:
an unchanged poll is answered from here with a 304, without touching the database. An entry
is dropped when the facilitator changes the stage (in this process, or in another worker via
the live channel); its short lifetime bounds staleness for changes made elsewhere (the CLI).
"""

import threading
import time


class StageCache:
    def __init__(self, lifetime_seconds: float) -> None:
        self._lifetime = lifetime_seconds
        self._lock = threading.Lock()
        self._etags: dict[str, tuple[str, float]] = {}

    def etag(self, code: str) -> str | None:
        entry = self._etags.get(code)
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[0]

    def remember(self, code: str, etag: str) -> None:
        with self._lock:
            self._etags[code] = (etag, time.monotonic() + self._lifetime)
            if len(self._etags) > 10_000:
                self._forget_expired()

    def forget(self, code: str) -> None:
        with self._lock:
            self._etags.pop(code, None)

    def forget_all(self) -> None:
        with self._lock:
            self._etags.clear()

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for code in [code for code, (_etag, until) in self._etags.items() if until < now]:
            del self._etags[code]
