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

from ai_workshop.live.one_at_a_time import OnePerKey


class Stage(NamedTuple):
    etag: str
    body: dict  # the state as phones receive it, but for the clock (see api.serializers)
    until: float
    screen: str = ""  # what the etag names but for the room's lists (see remember)
    since: float = 0.0  # when phones were first given this etag


class StageCache:
    def __init__(self, lifetime_seconds: float, content_settle_seconds: float = 0.0) -> None:
        self._lifetime = lifetime_seconds
        self._settle = content_settle_seconds
        self._lock = threading.Lock()
        self._etags: dict[str, Stage] = {}
        self._loading = OnePerKey()

    def get_or_load(self, code: str, load) -> Stage:
        """The cached stage, or load(code) by one request while the others of the room wait
        for its answer: after a phase change a thousand released phones arrive at once, and
        they must not all queue for database connections to read the same row."""
        return self._loading.get_or_make(code, lambda: self.get(code), lambda: load(code))

    def get(self, code: str) -> Stage | None:
        entry = self._etags.get(code)
        if entry is None or entry.until < time.monotonic():
            return None
        return entry

    def etag(self, code: str) -> str | None:
        entry = self.get(code)
        return entry.etag if entry is not None else None

    def remember(self, code: str, etag: str, body: dict, screen: str = "") -> Stage:
        """Keep this stage for the cache's lifetime. `screen` names it but for the room's
        lists: when only the lists moved (a dream added, say), the stage phones were given
        is kept until it is content_settle_seconds old. In Dream a room adds dreams every
        second, and each new stage would wake every phone of the room; settled, they wake
        every few seconds, while a new phase or screen still reaches them at once."""
        now = time.monotonic()
        with self._lock:
            earlier = self._etags.get(code)
            if (
                earlier is not None
                and screen
                and earlier.screen == screen
                and earlier.etag != etag
                and now - earlier.since < self._settle
            ):
                entry = earlier._replace(until=now + self._lifetime)
            else:
                since = earlier.since if earlier is not None and earlier.etag == etag else now
                entry = Stage(etag, body, now + self._lifetime, screen, since)
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
