"""A phone's parallel writes take turns on PostgreSQL, as they do on SQLite: a dot budget and
the story cap hold against requests sent at the same moment to a real two-worker server."""

import json
import os
import threading
import urllib.error
import urllib.request
import uuid

import pytest
from sqlalchemy import func, select

from ai_workshop import create_app
from ai_workshop.board import services as board
from ai_workshop.config import normalise_database_url
from ai_workshop.contributions import votes
from ai_workshop.extensions import db
from ai_workshop.models import Story, VoteDot, Workshop
from ai_workshop.stories.services import MAX_STORIES_PER_PARTICIPANT
from tests.support.server import GunicornServer

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_POSTGRES_URL"), reason="needs TEST_POSTGRES_URL (CI sets it)"
)
PEOPLE = 6


def request(method: str, url: str, payload: dict, token: str | None = None) -> int:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(payload).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, headers, method=method)):
            return 200
    except urllib.error.HTTPError as error:
        return error.code


def join(base: str, code: str) -> str:
    with urllib.request.urlopen(
        urllib.request.Request(
            f"{base}/api/v1/join",
            json.dumps({"code": code}).encode(),
            {"Content-Type": "application/json"},
        )
    ) as response:
        return json.loads(response.read())["participant_token"]


def at_once(calls) -> list[int]:
    """Run the calls in threads released together; their status codes."""
    start, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        start.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.fixture
def room(database_url):
    # One phone sends 35 stories in this test: past the 30 a minute a person may send.
    server = GunicornServer(
        database_url=database_url,
        extra_env={"WORKERS": "2", "PARTICIPANT_WRITES_PER_MINUTE": "1000"},
    )
    _email, _password, code = server.seed(phase="dream")
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": normalise_database_url(database_url), "SECRET_KEY": "x" * 32}
    )
    with app.app_context():
        workshop = db.session.scalar(select(Workshop).where(Workshop.code == code))
        for name in ("Ownership", "Trust", "Learning", "Calm"):
            board.create_theme(workshop, name)
        vote = votes.open_vote(workshop, "themes", dots=3)
        db.session.commit()
        vote_id = vote.id
    server.start()
    yield server, app, code, vote_id
    server.stop()
    with app.app_context():
        db.engine.dispose()


def test_parallel_dots_never_exceed_the_budget(room):
    server, app, code, vote_id = room
    base = server.base_url
    with app.app_context():
        options = [o.id for o in votes.options_for(db.session.scalar(select(Workshop)), "themes")]
    tokens = [join(base, code) for _ in range(PEOPLE)]
    for token in tokens:
        # Four options, three dots each, all at once: at most 3 may be spent.
        at_once(
            [
                lambda option=option, token=token: request(
                    "PUT",
                    f"{base}/api/v1/workshops/{code}/votes/{vote_id}/options/{option}",
                    {"dots": 3},
                    token,
                )
                for option in options
            ]
        )
    with app.app_context():
        spent = db.session.execute(
            select(VoteDot.participant_id, func.sum(VoteDot.dots))
            .where(VoteDot.vote_id == vote_id)
            .group_by(VoteDot.participant_id)
        ).all()
    assert len(spent) == PEOPLE
    assert all(total <= 3 for _participant, total in spent), spent


def test_parallel_stories_stop_at_the_cap(room):
    server, app, code, _vote_id = room
    base = server.base_url
    with app.app_context():
        workshop = db.session.scalar(select(Workshop))
        workshop.phase = "discover"
        db.session.commit()
    token = join(base, code)
    url = f"{base}/api/v1/workshops/{code}/stories"

    def story(number: int):
        return request(
            "POST",
            url,
            {
                "client_id": uuid.uuid4().hex,
                "headline": f"Story {number}",
                "story": "A caller got her refund the same day because we owned it.",
                "strengths": ["Ownership"],
            },
            token,
        )

    first = [story(n) for n in range(MAX_STORIES_PER_PARTICIPANT - 1)]
    assert set(first) == {200}, first
    answers = at_once([lambda n=n: story(100 + n) for n in range(16)])
    assert sorted(answers).count(200) == 1 and set(answers) <= {200, 409}
    with app.app_context():
        assert db.session.scalar(select(func.count(Story.id))) == MAX_STORIES_PER_PARTICIPANT
