"""The live path across worker processes: PostgreSQL LISTEN/NOTIFY carries a change made in
one process to a projector stream held by another, within the 1 s bar.

Two real gunicorn servers share one PostgreSQL database; each has its own worker process.
Their fallback poll is set to 30 s, so only the channel can deliver in time.
"""

import json
import os
import queue
import re
import threading
import time
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.support.server import GunicornServer

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs TEST_POSTGRES_URL (CI sets it)")
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


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


def logged_in(base_url: str, email: str, password: str):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = opener.open(f"{base_url}/auth/login").read().decode()
    form = {"csrf_token": CSRF.search(page).group(1), "email": email, "password": password}
    opener.open(f"{base_url}/auth/login", data=urllib.parse.urlencode(form).encode())
    return opener


def listen(opener, url: str, arrivals: queue.Queue, stop: threading.Event) -> None:
    with opener.open(url, timeout=60) as stream:
        while not stop.is_set():
            line = stream.readline()
            if not line:
                return
            if line.startswith(b"event: version"):
                arrivals.put(time.monotonic())


def post_json(url: str, payload: dict, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(payload).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data, headers)) as response:
        return json.loads(response.read())


def story(n: int) -> dict:
    return {
        "client_id": str(uuid.uuid4()),
        "headline": f"Across workers {n}",
        "story": "Sent to one server process, shown by another.",
        "strengths": ["patience"],
        "consent": "anonymous",
    }


def delivery_times(second, code, token, arrivals, count: int) -> list[float]:
    times = []
    for n in range(count):
        while not arrivals.empty():
            arrivals.get()
        time.sleep(0.6)  # past the stream's settle interval, so each story is its own event
        sent = time.monotonic()
        post_json(f"{second.base_url}/api/v1/workshops/{code}/stories", story(n), token)
        arrived = arrivals.get(timeout=10)
        times.append(arrived - sent)
    return times


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
