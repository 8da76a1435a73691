"""Phones that wait for the stage to change, instead of asking every few seconds.

A phone's state poll may say "wait up to N seconds": while the stage it already has is
current, the request is held. Per room and process one watcher re-reads the stage twice a
cache lifetime, and at once when this process changes it, keeping the stage cache warm;
when the stage moves, every held request of that room is released together. Two thousand
phones then cost one small read per room every half second instead of hundreds of polls a
second, and they see a phase change within about a second, from any worker.
"""

import logging
import threading
import time
from collections.abc import Callable

from ai_workshop.domain_errors import DomainError
from ai_workshop.live.stage import Stage, StageCache

log = logging.getLogger(__name__)
GONE = "gone"  # no such room any more: held phones are released to be told so


class _Room:
    __slots__ = ("waiters", "moved", "poke", "etag")

    def __init__(self) -> None:
        self.waiters = 0
        self.moved = threading.Event()  # replaced each time it fires
        self.poke = threading.Event()
        self.etag: str | None = None

    def release_waiters(self) -> None:
        moved, self.moved = self.moved, threading.Event()
        moved.set()


class StageWatch:
    def __init__(
        self, app, cache: StageCache, load_stage: Callable[[str], Stage], recheck_seconds: float
    ) -> None:
        self._app = app
        self._cache = cache
        self._load_stage = load_stage
        self._recheck = recheck_seconds
        self._lock = threading.Lock()
        self._rooms: dict[str, _Room] = {}

    def wait_for_change(self, code: str, etag: str, seconds: float) -> bool:
        """Hold until the room's stage is no longer `etag` (True) or `seconds` pass (False)."""
        deadline = time.monotonic() + seconds
        room = self._enter(code)
        try:
            while True:
                moved = room.moved
                current = room.etag if room.etag is not None else self._cache.etag(code)
                if current is not None and current != etag:
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                moved.wait(remaining)
        finally:
            with self._lock:
                room.waiters -= 1

    def poke(self, code: str) -> None:
        """This process changed the stage: re-read it now rather than at the next recheck."""
        room = self._rooms.get(code)
        if room is not None:
            room.poke.set()

    def _enter(self, code: str) -> _Room:
        with self._lock:
            room = self._rooms.get(code)
            start = room is None
            if start:
                room = self._rooms[code] = _Room()
            room.waiters += 1
        if start:
            threading.Thread(
                target=self._watch, args=(code, room), name=f"aiw-stage-{code}", daemon=True
            ).start()
        return room

    def _watch(self, code: str, room: _Room) -> None:
        while True:
            with self._lock:
                if room.waiters == 0:
                    del self._rooms[code]
                    return
            room.poke.clear()
            self._recheck_stage(code, room)
            room.poke.wait(self._recheck)

    def _recheck_stage(self, code: str, room: _Room) -> None:
        try:
            with self._app.app_context():
                stage = self._load_stage(code)
        except DomainError:
            stage = None
            self._cache.forget(code)
        except Exception:  # noqa: BLE001  (a busy or restarting database: try again shortly)
            log.warning("Could not re-read the stage of %s", code, exc_info=True)
            return
        etag = GONE if stage is None else stage.etag
        if etag != room.etag:
            room.etag = etag
            room.release_waiters()
