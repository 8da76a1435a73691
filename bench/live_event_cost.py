"""CPU per live event: what one projector or console stream costs the worker for each new story.

One stream in this process; before each event a story is stored, so every event carries one
new story drawn in. Prints the stream's CPU time per event (time.process_time: the worker's
cost, not the wait) and, beside it, the write's.

Usage:
  .venv/bin/python bench/live_event_cost.py --screen console
  .venv/bin/python bench/live_event_cost.py --screen projector \\
      --database-url postgresql://postgres@127.0.0.1:5432/aiw_bench_events
"""

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from ai_workshop import create_app  # noqa: E402
from ai_workshop.config import normalise_database_url  # noqa: E402
from ai_workshop.extensions import db  # noqa: E402
from ai_workshop.models import Participant, Workshop  # noqa: E402
from bench.loadgen import ledger  # noqa: E402
from tests.conftest import config_for_tests  # noqa: E402
from tests.factories import PASSWORD, Factories  # noqa: E402
from tests.support.sse import next_version  # noqa: E402

LIVE = {
    "LIVE_PUSH": True,
    "LIVE_STREAM_MAX_SECONDS": 3600,
    "LIVE_HEARTBEAT_SECONDS": 15,
    "LIVE_POLL_SECONDS": 1,
}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--screen", choices=["projector", "console"], default="console")
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    return parser.parse_args()


def one_run(app, screen: str, events: int) -> tuple[float, float]:
    """(CPU ms per event, CPU ms per write) in a room of 100 stories and 20 tellers."""
    make = Factories()
    facilitator = make.facilitator(email=f"events-{uuid.uuid4().hex}@example.com")
    workshop = make.workshop(facilitator, phase="discover")
    tellers = [make.participant(workshop, f"Teller {n}").id for n in range(20)]
    for n in range(100):
        make.story(workshop, db.session.get(Participant, tellers[n % 20]), headline=f"Old {n}")
    client = app.test_client()
    client.post("/auth/login", data={"email": facilitator.email, "password": PASSWORD})
    response = client.get(f"/live/{workshop.code}/events?screen={screen}", buffered=False)
    if response.status_code != 200:
        raise SystemExit(f"the stream answered {response.status_code}")
    chunks = iter(response.response)
    next_version(chunks)
    streaming = writing = 0.0
    for n in range(events):
        started = time.process_time()
        room = db.session.get(Workshop, workshop.id)
        make.story(room, db.session.get(Participant, tellers[n % 20]), headline=f"New {n}")
        writing += time.process_time() - started
        started = time.process_time()
        event = next_version(chunks)
        streaming += time.process_time() - started
        if "items" not in event:
            raise SystemExit(f"event {n} asked for a refetch instead of a push: {event}")
    response.close()
    return streaming / events * 1000, writing / events * 1000


def main() -> None:
    args = arguments()
    scratch = tempfile.mkdtemp(prefix="aiw-events-")
    uri = args.database_url or f"sqlite:///{scratch}/events.sqlite3"
    if uri.startswith("postgres"):
        ledger.ensure_postgres_database(uri)
    app = create_app(config_for_tests(normalise_database_url(uri)) | LIVE)
    with app.app_context():
        db.create_all()
    runs = []
    for _ in range(args.runs):
        with app.app_context():  # a fresh one: Flask-Login keeps the run's viewer in g
            runs.append(one_run(app, args.screen, args.events))
    per_event = statistics.median(run[0] for run in runs)
    per_write = statistics.median(run[1] for run in runs)
    each = ", ".join(f"{run[0]:.2f}" for run in runs)
    print(f"{args.screen}: CPU per live event {per_event:.2f} ms (runs: {each}); "
          f"per write {per_write:.2f} ms; {args.events} events a run")  # fmt: skip


if __name__ == "__main__":
    main()
