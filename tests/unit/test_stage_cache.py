"""The per-process cache of the room's stage, which answers most phone polls."""

import threading
import time

from ai_workshop.live.shortcut import StatePollShortcut, held_for, wait_seconds
from ai_workshop.live.stage import StageCache


def test_an_entry_lives_for_its_lifetime_then_is_gone():
    cache = StageCache(lifetime_seconds=0.05)
    cache.remember("ABC234", "s1", {"phase": "discover"})
    assert cache.etag("ABC234") == "s1"
    time.sleep(0.06)
    assert cache.etag("ABC234") is None


def test_forget_drops_one_code_and_forget_all_drops_every_code():
    cache = StageCache(lifetime_seconds=10)
    cache.remember("ABC234", "s1", {})
    cache.remember("XYZ789", "s2", {})
    cache.forget("ABC234")
    assert cache.etag("ABC234") is None and cache.etag("XYZ789") == "s2"
    cache.forget_all()
    assert cache.etag("XYZ789") is None


def call(shortcut, path, if_none_match=None, method="GET"):
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {"REQUEST_METHOD": method, "PATH_INFO": path}
    if if_none_match:
        environ["HTTP_IF_NONE_MATCH"] = if_none_match
    body = shortcut(environ, start_response)
    return seen.get("status"), seen.get("headers"), body


def test_the_shortcut_answers_polls_from_the_cache_and_passes_everything_else_on():
    cache = StageCache(lifetime_seconds=10)
    cache.remember("ABC234", "s1", {})
    passed = []

    def app(environ, start_response):
        passed.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"from the app"]

    shortcut = StatePollShortcut(
        app, cache, stage_watch=None, longest_wait=25, state_json=lambda stage: b'{"s":1}'
    )
    status, headers, body = call(shortcut, "/api/v1/workshops/abc234/state", '"s1"')
    assert status.startswith("304") and headers["ETag"] == '"s1"' and body == []
    for tag in ['"old"', None]:  # a changed stage, a first poll: the cached body
        status, headers, body = call(shortcut, "/api/v1/workshops/ABC234/state", tag)
        assert status == "200 OK" and body == [b'{"s":1}']
        assert headers["ETag"] == '"s1"' and headers["Content-Type"] == "application/json"
    assert passed == []
    for path, tag, method in [
        ("/api/v1/workshops/XYZ789/state", None, "GET"),  # nothing cached for this room
        ("/api/v1/workshops/ABC234/state", '"s1"', "POST"),
        ("/api/v1/workshops/ABC234/stories", '"s1"', "GET"),
    ]:
        status, _headers, body = call(shortcut, path, tag, method)
        assert status == "200 OK" and body == [b"from the app"]
    assert len(passed) == 3


def test_wait_is_read_leniently_and_bounded():
    assert wait_seconds("wait=10", 25) == 10
    assert wait_seconds("x=1&wait=90", 25) == 25
    assert wait_seconds("wait=-4", 25) == 0
    for unreadable in ["", "wait=soon", "wait=nan", "wait="]:
        assert wait_seconds(unreadable, 25) == 0


def test_held_polls_end_at_scattered_moments_so_a_room_never_renews_together():
    assert held_for(25, draw=0.0) == 25 and held_for(25, draw=0.999) > 15
    holds = [held_for(25) for _ in range(2000)]
    assert min(holds) >= 15 and max(holds) <= 25
    # Spread across the whole range: no second of it holds more than a fifth of the room.
    seconds = [int(hold) for hold in holds]
    assert max(seconds.count(second) for second in set(seconds)) < len(holds) / 5
    assert len(set(seconds)) >= 10
    assert held_for(0) == 0  # no wait asked, none given


def test_a_held_poll_is_released_before_the_wait_it_asked_for(monkeypatch):
    """The shortcut holds for held_for(wait), not the wait itself."""
    from ai_workshop.live import shortcut

    asked = []

    class Watch:
        def wait_for_change(self, code, etag, seconds):
            asked.append(seconds)
            return False

    cache = StageCache(lifetime_seconds=60)
    cache.remember("ABC234", "v1", {})
    monkeypatch.setattr(shortcut.random, "random", lambda: 0.5)
    poller = StatePollShortcut(
        lambda environ, start: [], cache, Watch(), longest_wait=25, state_json=lambda s: b"{}"
    )
    seen = {}
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/api/v1/workshops/ABC234/state",
        "QUERY_STRING": "wait=25",
        "HTTP_IF_NONE_MATCH": '"v1"',
    }
    poller(environ, lambda status, headers: seen.update(status=status))
    assert seen["status"].startswith("304") and asked == [25 * (1 - 0.4 * 0.5)]


def test_a_cold_stage_is_loaded_once_for_a_crowd_of_requests():
    cache = StageCache(lifetime_seconds=10)
    loads = []

    def slow_load(code):
        loads.append(code)
        time.sleep(0.05)
        return cache.remember(code, "s1", {"phase": "dream"})

    seen = []
    threads = [
        threading.Thread(target=lambda: seen.append(cache.get_or_load("ABC234", slow_load)))
        for _ in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == ["ABC234"]
    assert {stage.etag for stage in seen} == {"s1"} and len(seen) == 20
