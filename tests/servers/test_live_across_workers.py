"""The live path across worker processes: PostgreSQL LISTEN/NOTIFY carries a change made in
one process to a projector stream held by another, within the 1 s bar.

Two real gunicorn servers share one PostgreSQL database; each has its own worker process.
Their fallback poll is set to 30 s, so only the channel can deliver in time.
"""

import os
import queue
import threading
import time

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.support.live_clients import delivery_times, listen, logged_in, post_json
from tests.support.server import GunicornServer

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs TEST_POSTGRES_URL (CI sets it)")


@pytest.fixture
def two_servers(database_url):
    settings = {"WORKERS": "1", "LIVE_POLL_SECONDS": "30"}
    first = GunicornServer(database_url=database_url, extra_env=settings)
    second = GunicornServer(database_url=database_url, extra_env=settings)
    email, password, code = first.seed()
    first.start()
    second.start()
    yield first, second, (email, password, code)
    first.stop()
    second.stop()


def test_a_story_sent_to_one_process_reaches_a_stream_on_another_within_a_second(two_servers):
    first, second, (email, password, code) = two_servers
    arrivals, stop = queue.Queue(), threading.Event()
    projector = logged_in(first.base_url, email, password)
    watcher = threading.Thread(
        target=listen, args=(projector, f"{first.base_url}/live/{code}/events", arrivals, stop),
        daemon=True,
    )  # fmt: skip
    watcher.start()
    arrivals.get(timeout=10)  # the stream's first event: the current version
    token = post_json(f"{second.base_url}/api/v1/join", {"code": code})["participant_token"]
    times = delivery_times(second, code, token, arrivals, 8)
    assert max(times) < 1.0, times

    # The listening connection dies (a database restart, a network blip): it comes back.
    with psycopg.connect(make_url(first.env["DATABASE_URL"]).set(
            drivername="postgresql").render_as_string(False), autocommit=True) as admin:  # fmt: skip
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query LIKE 'LISTEN%%' AND datname = current_database()"
        ).fetchall()
    assert killed, "no listening connection was found"
    time.sleep(2.5)  # the listeners reconnect after a second
    times = delivery_times(second, code, token, arrivals, 3)
    assert max(times) < 1.0, times
    stop.set()

    # Stories are arrivals: screens insert them. A phase change is not: they redraw.
    database = make_url(first.env["DATABASE_URL"]).set(drivername="postgresql")
    read = "SELECT version, redraw_version FROM workshop WHERE code = %s"
    with psycopg.connect(database.render_as_string(False), autocommit=True) as connection:
        version, redraw_version = connection.execute(read, (code,)).fetchone()
        assert redraw_version < version
        second.flask("workshop", "phase", code, "dream")
        version, redraw_version = connection.execute(read, (code,)).fetchone()
        assert redraw_version == version
