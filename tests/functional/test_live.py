"""The live stream tells the projector and console about every change."""

import json

from ai_workshop.extensions import db
from ai_workshop.models import Workshop
from ai_workshop.workshops.services import set_phase


def read_events(chunks, wanted):
    """Collect (event, data) pairs from an SSE body until `wanted` of them arrived."""
    events, buffer = [], ""
    for chunk in chunks:
        buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
        while "\n\n" in buffer:
            block, buffer = buffer.split("\n\n", 1)
            lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
            if "event" in lines:
                events.append((lines["event"], json.loads(lines["data"])))
        if len(events) >= wanted:
            return events
    return events


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
