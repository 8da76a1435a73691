"""A room's lists settle: phones are woken for others' new writing every few seconds at most,
and for a new phase or screen at once."""

from ai_workshop.live import stage as stage_module
from ai_workshop.live.stage import StageCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cache_with_clock(monkeypatch) -> tuple[StageCache, Clock]:
    clock = Clock()
    monkeypatch.setattr(stage_module.time, "monotonic", clock)
    return StageCache(lifetime_seconds=1.0, content_settle_seconds=3.0), clock


def test_new_lists_wait_until_the_stage_phones_have_is_old_enough(monkeypatch):
    cache, clock = cache_with_clock(monkeypatch)
    assert cache.remember("ABC123", "e1", {"n": 1}, screen="dream").etag == "e1"
    clock.now += 1.5
    kept = cache.remember("ABC123", "e2", {"n": 2}, screen="dream")
    assert kept.etag == "e1" and kept.body == {"n": 1}
    assert cache.get("ABC123").etag == "e1", "kept for the cache's lifetime again"
    clock.now += 1.6  # 3.1 s after phones were given e1
    assert cache.remember("ABC123", "e3", {"n": 3}, screen="dream").etag == "e3"
    clock.now += 0.5
    assert cache.remember("ABC123", "e4", {"n": 4}, screen="dream").etag == "e3"


def test_a_new_screen_or_a_forgotten_stage_reaches_phones_at_once(monkeypatch):
    cache, clock = cache_with_clock(monkeypatch)
    cache.remember("ABC123", "e1", {}, screen="dream")
    clock.now += 0.2
    assert cache.remember("ABC123", "vote", {}, screen="dream+vote").etag == "vote"
    clock.now += 0.2
    cache.forget("ABC123")  # the facilitator changed the stage
    assert cache.remember("ABC123", "e5", {}, screen="dream+vote").etag == "e5"


def test_the_same_stage_read_again_keeps_its_age(monkeypatch):
    cache, clock = cache_with_clock(monkeypatch)
    cache.remember("ABC123", "e1", {}, screen="dream")
    clock.now += 2.5
    cache.remember("ABC123", "e1", {}, screen="dream")  # read again, unchanged
    clock.now += 0.6
    assert cache.remember("ABC123", "e2", {}, screen="dream").etag == "e2"
