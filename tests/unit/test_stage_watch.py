"""Held phone polls: released together when the stage moves, and only then."""

import threading
import time

from flask import Flask

from ai_workshop.domain_errors import NotFound
from ai_workshop.live.stage import StageCache
from ai_workshop.live.stage_watch import StageWatch


class FakeRoom:
    """The database's idea of the stage, and how often it was read."""

    def __init__(self, cache: StageCache) -> None:
        self.cache = cache
        self.etag = "s1"
        self.reads = 0
        self.gone = False

    def load(self, code):
        self.reads += 1
        if self.gone:
            raise NotFound("gone")
        return self.cache.remember(code, self.etag, {"etag": self.etag})


def watch_with(recheck=0.02, lifetime=10.0):
    cache = StageCache(lifetime_seconds=lifetime)
    room = FakeRoom(cache)
    return StageWatch(Flask(__name__), cache, room.load, recheck), room


def hold(watch, etag, seconds, results):
    started = time.monotonic()
    moved = watch.wait_for_change("ABC234", etag, seconds)
    results.append((moved, time.monotonic() - started))


def test_an_unchanged_stage_holds_the_request_for_the_whole_wait():
    watch, room = watch_with()
    results = []
    hold(watch, "s1", 0.3, results)
    [(moved, took)] = results
    assert moved is False
    assert took >= 0.3
    assert room.reads >= 2  # the watcher kept re-reading while the request waited


def test_every_held_request_is_released_when_the_stage_moves():
    watch, room = watch_with()
    results = []
    threads = [threading.Thread(target=hold, args=(watch, "s1", 5, results)) for _ in range(20)]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    room.etag = "s2"
    for thread in threads:
        thread.join(timeout=5)
    assert len(results) == 20
    assert all(moved for moved, _ in results)
    assert max(took for _, took in results) < 1.0


def test_a_poke_re_reads_at_once_instead_of_at_the_next_recheck():
    watch, room = watch_with(recheck=30)
    results = []
    waiter = threading.Thread(target=hold, args=(watch, "s1", 5, results))
    waiter.start()
    time.sleep(0.1)
    room.etag = "s2"
    watch.poke("ABC234")
    waiter.join(timeout=5)
    [(moved, took)] = results
    assert moved is True and took < 1.0


def test_a_phone_with_an_old_stage_is_not_held():
    watch, room = watch_with()
    room.load("ABC234")
    started = time.monotonic()
    assert watch.wait_for_change("ABC234", "s0", 5) is True
    assert time.monotonic() - started < 0.5


def test_a_deleted_room_releases_its_phones():
    watch, room = watch_with()
    results = []
    waiter = threading.Thread(target=hold, args=(watch, "s1", 5, results))
    waiter.start()
    time.sleep(0.1)
    room.gone = True
    waiter.join(timeout=5)
    [(moved, took)] = results
    assert moved is True and took < 1.0


def test_the_watcher_stops_reading_once_no_one_waits():
    watch, room = watch_with()
    watch.wait_for_change("ABC234", "s1", 0.1)
    time.sleep(0.1)
    reads = room.reads
    time.sleep(0.2)
    assert room.reads == reads
