"""What a write and a phone page cost beside a trivial request, on one `make run` server.

Usage: .venv/bin/python bench/write_cost.py [--seconds 10] [--clients 16] [--runs 3]
       [--full-pages]

Starts the real server (gunicorn + gevent, 2 workers, SQLite, as `make run`), then for each
run drives it closed-loop (each client sends its next request when the last one answers):
first `GET /healthz`, then story POSTs through the API, each from one of 2,000 joined
phones with a fresh client id, then, with the room moved to Dream, those phones' page
reloads (`GET /p/<code>`, as after a phase change). Prints the rates and their ratios to
the trivial request; issue 17's target for the story is at least 0.5 (a story costs at most
twice a trivial request). --full-pages sets ROOM_PAGE_SECONDS=0: every page is drawn for
its phone, as before the room's copy (phone/room_page.py).

The clients share the machine with the server, as they do for every figure in
docs/benchmarks.md measured on this 2-core machine; both measures pay the same toll.
"""

import argparse
import http.client
import itertools
import json
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loadgen.phone_cookie import participant_cookie  # noqa: E402
from tests.support.server import GunicornServer  # noqa: E402

PHONES = 2000
STORY = {
    "headline": "The refund that arrived before the call ended",
    "story": "A caller had waited three weeks; I owned it and fixed it while she was on the line.",
    "made_possible": "Being trusted to refund on the spot.",
    "strengths": ["Ownership"],
}


def closed_loop(port: int, clients: int, seconds: float, request) -> int:
    """Requests answered in `seconds` by `clients` connections sending back to back."""
    done = [0] * clients
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            request(connection, index, done[index])
            done[index] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def health(connection, _index, _count) -> None:
    connection.request("GET", "/healthz")
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status


def joined_phones(port: int, code: str) -> list[str]:
    tokens = []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(PHONES):
        connection.request(
            "POST",
            "/api/v1/join",
            json.dumps({"code": code}),
            {"Content-Type": "application/json"},
        )
        response = connection.getresponse()
        tokens.append(json.loads(response.read())["participant_token"])
    connection.close()
    return tokens


def story_sender(code: str, tokens: list[str], clients: int):
    used = [0] * len(tokens)
    sent = itertools.count()
    lock = threading.Lock()

    def send(connection, _index, _count) -> None:
        # The phones take turns, so none reaches the cap of 20 stories before the others.
        with lock:
            phone = next(sent) % len(tokens)
            used[phone] += 1
        body = json.dumps({**STORY, "client_id": uuid.uuid4().hex})
        connection.request(
            "POST",
            f"/api/v1/workshops/{code}/stories",
            body,
            {"Content-Type": "application/json", "Authorization": f"Bearer {tokens[phone]}"},
        )
        response = connection.getresponse()
        response.read()
        assert response.status == 201, (response.status, used[phone])

    return send


def page_reloader(code: str, tokens: list[str], clients: int):
    cookie = participant_cookie("server-test-secret", code)

    class Phone:
        def __init__(self, token):
            self.token = token

    cookies = [cookie(Phone(token)) for token in tokens]

    def reload(connection, index, count) -> None:
        phone = (index + clients * count) % len(tokens)
        connection.request("GET", f"/p/{code}", headers={"Cookie": cookies[phone]})
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200 and b"data-phase=" in body, response.status

    return reload


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-pages", action="store_true", help="no room copies")
    args = parser.parse_args()
    ratios, healths, stories, pages, page_ratios = [], [], [], [], []
    for run in range(1, args.runs + 1):
        server = GunicornServer(
            extra_env={
                "JOINS_PER_ADDRESS_PER_MINUTE": "1000000",
                "PARTICIPANT_WRITES_PER_MINUTE": "1000000",
                **({"ROOM_PAGE_SECONDS": "0"} if args.full_pages else {}),
            }
        )
        _email, _password, code = server.seed(phase="discover")
        server.start()
        try:
            tokens = joined_phones(server.port, code)
            trivial = closed_loop(server.port, args.clients, args.seconds, health)
            sender = story_sender(code, tokens, args.clients)
            written = closed_loop(server.port, args.clients, args.seconds, sender)
            server.flask("workshop", "phase", code, "dream")
            reloader = page_reloader(code, tokens, args.clients)
            reloaded = closed_loop(server.port, args.clients, args.seconds, reloader)
        finally:
            server.stop()
        healths.append(trivial / args.seconds)
        stories.append(written / args.seconds)
        pages.append(reloaded / args.seconds)
        ratios.append(stories[-1] / healths[-1])
        page_ratios.append(pages[-1] / healths[-1])
        print(
            f"run {run}: GET /healthz {healths[-1]:,.0f}/s, story POST {stories[-1]:,.0f}/s "
            f"(ratio {ratios[-1]:.2f}), Dream page {pages[-1]:,.0f}/s (ratio {page_ratios[-1]:.2f})",
            flush=True,
        )
    print(
        f"median of {args.runs}: GET /healthz {statistics.median(healths):,.0f}/s, "
        f"story POST {statistics.median(stories):,.0f}/s, ratio {statistics.median(ratios):.2f} "
        f"(target ≥ 0.5); Dream page {statistics.median(pages):,.0f}/s, "
        f"ratio {statistics.median(page_ratios):.2f}"
    )


if __name__ == "__main__":
    main()
