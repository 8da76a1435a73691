"""The live stream tells the projector and console about every change."""

import time

from ai_workshop.extensions import db
from ai_workshop.models import Workshop
from ai_workshop.workshops.services import set_phase

from ..support.sse import next_version, read_events


def test_stream_sends_the_version_then_each_change(client, facilitator, workshop, login):
    login(facilitator)
    response = client.get(f"/live/{workshop.code}/events", buffered=False)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    chunks = iter(response.response)
    version = workshop.version
    first = read_events(chunks, 1)
    assert first == [("version", {"version": version, "phase": "discover"})]
    # The stream closed the shared test session, so load the workshop afresh.
    set_phase(db.session.get(Workshop, workshop.id), "dream")
    db.session.commit()
    later = [event for event in read_events(chunks, 3) if event[0] == "version"]
    assert later[0][1]["phase"] == "dream"
    assert later[0][1]["version"] > first[0][1]["version"]
    response.close()


def test_stream_sends_pings_while_nothing_changes(client, facilitator, workshop, login):
    login(facilitator)
    response = client.get(f"/live/{workshop.code}/events", buffered=False)
    events = read_events(iter(response.response), 2)
    assert [name for name, _data in events] == ["version", "ping"]
    response.close()


def test_stream_needs_login(client, workshop):
    assert client.get(f"/live/{workshop.code}/events").status_code == 302


def test_stream_says_gone_when_the_workshop_is_deleted(client, facilitator, workshop, login):
    from ai_workshop.workshops.sharing import delete_workshop

    login(facilitator)
    response = client.get(f"/live/{workshop.code}/events", buffered=False)
    chunks = iter(response.response)
    assert read_events(chunks, 1)[0][0] == "version"
    delete_workshop(db.session.get(Workshop, workshop.id))
    db.session.commit()
    names = [name for name, _data in read_events(chunks, 3)]
    assert names[-1] == "gone"
    assert list(chunks) == []  # and the stream ends
    response.close()


def test_a_removed_co_facilitators_stream_ends(app, make, client, facilitator, workshop, login):
    from ai_workshop.models import CoFacilitator

    app.config["LIVE_ACCESS_CHECK_SECONDS"] = 0.1
    partner = make.facilitator(email="partner@example.com")
    db.session.add(CoFacilitator(workshop_id=workshop.id, facilitator_id=partner.id))
    db.session.commit()
    login(partner)
    response = client.get(f"/live/{workshop.code}/events", buffered=False)
    chunks = iter(response.response)
    assert read_events(chunks, 1)[0][0] == "version"
    db.session.query(CoFacilitator).delete()
    db.session.commit()
    names = [name for name, _data in read_events(chunks, 4)]
    assert names[-1] == "denied"
    assert list(chunks) == []  # and the stream ends
    response.close()
    assert client.get(f"/live/{workshop.code}/events").status_code == 403


def test_a_stream_ends_when_its_session_is_logged_out_everywhere(
    app, client, facilitator, workshop, login
):
    app.config["LIVE_ACCESS_CHECK_SECONDS"] = 0.1
    login(facilitator)
    response = client.get(f"/live/{workshop.code}/events", buffered=False)
    chunks = iter(response.response)
    assert read_events(chunks, 1)[0][0] == "version"
    db.session.get(type(facilitator), facilitator.id).end_sessions()
    db.session.commit()
    assert [name for name, _data in read_events(chunks, 4)][-1] == "denied"
    response.close()


def test_one_facilitator_holds_only_so_many_live_screens(app, client, facilitator, workshop, login):
    """Two screens already open (held as the stream view holds them; the test client cannot
    keep two streams open in one thread), so a third is refused; a closed stream gives its
    place back."""
    from ai_workshop.live.stream import STREAMS
    from ai_workshop.web.ratelimit import release_slot, take_slot

    app.config["LIVE_STREAMS_PER_USER"] = 2
    login(facilitator)
    url = f"/live/{workshop.code}/events"
    held = str(facilitator.id)
    assert take_slot(held, STREAMS, 2, 1800) is None
    assert take_slot(held, STREAMS, 2, 1800) is None
    refused = client.get(url, buffered=False)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert "Too many live screens" in refused.text
    release_slot(held, STREAMS)
    stream = client.get(url, buffered=False)
    assert stream.status_code == 200
    read_events(iter(stream.response), 1)
    stream.close()
    store = app.extensions["aiw_ratelimit"]
    assert store.recent(f"{STREAMS}:{held}", 1800) == 1  # the closed stream's place is free


def test_a_change_goes_out_at_once_and_a_burst_as_one_event_with_the_latest(
    app, client, facilitator, workshop, login
):
    # A gather window wide enough that "at once" and "held back" stay apart on a machine
    # busy with other tests (a commit there can take a few hundred milliseconds).
    app.config["LIVE_COALESCE_SECONDS"] = 1.0
    app.config["LIVE_STREAM_MAX_SECONDS"] = 60
    login(facilitator)
    response = client.get(f"/live/{workshop.code}/events", buffered=False)
    chunks = iter(response.response)
    next_version(chunks)
    time.sleep(1.1)  # idle now: the last event is older than the gather window
    changed = time.monotonic()
    set_phase(db.session.get(Workshop, workshop.id), "dream")
    db.session.commit()
    assert next_version(chunks)["phase"] == "dream"
    assert time.monotonic() - changed < 0.7  # at once: not held back by the last event
    sent = time.monotonic()
    for phase in ("design", "destiny"):  # a burst right after it
        set_phase(db.session.get(Workshop, workshop.id), phase)
        db.session.commit()
    burst = next_version(chunks)
    assert burst["phase"] == "destiny"  # one event, with the latest
    assert time.monotonic() - sent >= 0.7  # held until the window since the last event ended
    response.close()
