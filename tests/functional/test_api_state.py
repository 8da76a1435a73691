"""The phone's view of the stage over the API: ETags and 304s, what changes the stage,
held polls released by a phase change, and the JSON 404 for an unknown workshop."""

import threading
import time

from ai_workshop.extensions import db
from ai_workshop.live.shortcut import HOLD_JITTER
from ai_workshop.workshops.services import control_timer, set_phase

from ..support.api import api_join, assert_error, bearer, story_payload


def state(client, workshop, etag=None):
    headers = {"If-None-Match": etag} if etag else {}
    return client.get(f"/api/v1/workshops/{workshop.code}/state", headers=headers)


def test_state_has_an_etag_and_answers_304_when_unchanged(client, workshop):
    first = state(client, workshop)
    assert first.status_code == 200
    assert first.json["phase"] == "discover"
    assert first.json["version"] == workshop.version
    etag = first.headers["ETag"]
    again = state(client, workshop, etag)
    assert again.status_code == 304
    assert again.data == b""
    set_phase(workshop, "dream")
    db.session.commit()
    changed = state(client, workshop, etag)
    assert changed.status_code == 200
    assert changed.json["phase"] == "dream"
    assert changed.headers["ETag"] != etag


def test_stories_do_not_change_the_stage_phones_poll(client, workshop):
    etag = state(client, workshop).headers["ETag"]
    token = api_join(client, workshop.code)["participant_token"]
    for _ in range(3):
        created = client.post(
            f"/api/v1/workshops/{workshop.code}/stories",
            json=story_payload(),
            headers=bearer(token),
        )
        assert created.status_code == 201
    assert state(client, workshop, etag).status_code == 304
    control_timer(workshop, "start", 300)
    db.session.commit()
    restarted = state(client, workshop, etag)
    assert restarted.status_code == 200
    assert restarted.json["timer"]["state"] == "running"


def test_a_stage_change_from_another_process_shows_within_the_cache_lifetime(app, client, workshop):
    etag = state(client, workshop).headers["ETag"]
    # Written behind the app's back, as the CLI in another process would: no announcement.
    workshop.set_phase("dream")
    db.session.commit()
    assert state(client, workshop, etag).status_code == 304
    app.extensions["aiw_stage"].forget_all()  # what the cache lifetime does within a second
    assert state(client, workshop, etag).json["phase"] == "dream"


def hold_poll(app, workshop, etag, wait):
    """A phone's long poll, in its own thread as a held request would be."""
    answers = []

    def poll():
        answers.append(
            app.test_client().get(
                f"/api/v1/workshops/{workshop.code}/state?wait={wait}",
                headers={"If-None-Match": etag},
            )
        )

    thread = threading.Thread(target=poll)
    thread.start()
    return thread, answers


def test_a_held_poll_is_released_with_the_new_state_when_the_phase_changes(app, client, workshop):
    etag = state(client, workshop).headers["ETag"]
    thread, answers = hold_poll(app, workshop, etag, wait=10)
    time.sleep(0.3)
    assert thread.is_alive(), "an unchanged stage holds the poll"
    changed_at = time.monotonic()
    set_phase(workshop, "dream")
    db.session.commit()
    thread.join(timeout=5)
    [answer] = answers
    assert time.monotonic() - changed_at < 1.0
    assert answer.status_code == 200
    assert answer.json["phase"] == "dream"


def test_a_held_poll_outlives_stories_and_ends_in_304(app, client, workshop):
    etag = state(client, workshop).headers["ETag"]
    token = api_join(client, workshop.code)["participant_token"]
    started = time.monotonic()
    thread, answers = hold_poll(app, workshop, etag, wait=0.6)
    created = client.post(
        f"/api/v1/workshops/{workshop.code}/stories", json=story_payload(), headers=bearer(token)
    )
    assert created.status_code == 201
    thread.join(timeout=5)
    [answer] = answers
    assert answer.status_code == 304
    # Held to the end of its (jittered) wait: a story does not release it early.
    assert time.monotonic() - started >= 0.6 * (1 - HOLD_JITTER)


def test_state_of_unknown_workshop_is_404_json(client):
    assert_error(client.get("/api/v1/workshops/ZZZZZZ/state"), 404, "not_found")
