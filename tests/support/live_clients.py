"""Talking to real servers as a browser and a phone would: a logged-in facilitator, a
live stream whose version events are timed, JSON posts, and how long stories take to show."""

import json
import queue
import re
import threading
import time
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


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
