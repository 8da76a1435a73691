"""The live path across worker processes on SQLite: a datagram to the sibling's socket
carries a story stored by one process to a projector stream held by another, at once.

Two real gunicorn servers share one SQLite file (and so one sibling folder); each has one
worker. Their poll is set to 30 s, so only the sibling datagram can deliver in time.
"""

import queue
import threading

import pytest

from tests.support.live_clients import delivery_times, listen, logged_in, post_json
from tests.support.server import GunicornServer


@pytest.fixture
def two_sqlite_servers():
    settings = {"WORKERS": "1", "LIVE_POLL_SECONDS": "30", "LIVE_CHANNEL": "local"}
    first = GunicornServer(extra_env=settings)
    shared = {**settings, "RATELIMIT_FILE": first.env["RATELIMIT_FILE"]}
    second = GunicornServer(database_url=first.env["DATABASE_URL"], extra_env=shared)
    email, password, code = first.seed()
    first.start()
    second.start()
    yield first, second, (email, password, code)
    first.stop()
    second.stop()


def test_a_story_stored_by_one_worker_reaches_a_stream_on_its_sibling_at_once(
    two_sqlite_servers,
):
    first, second, (email, password, code) = two_sqlite_servers
    arrivals, stop = queue.Queue(), threading.Event()
    projector = logged_in(first.base_url, email, password)
    url = f"{first.base_url}/live/{code}/events?screen=projector"
    threading.Thread(target=listen, args=(projector, url, arrivals, stop), daemon=True).start()
    arrivals.get(timeout=10)  # the stream's first event: the current version
    token = post_json(f"{second.base_url}/api/v1/join", {"code": code})["participant_token"]
    times = delivery_times(second, code, token, arrivals, 6)
    stop.set()
    # Without the datagram the stream would wait for its 30 s poll.
    assert max(times) < 0.5, times
