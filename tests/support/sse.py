"""Reading a live stream's Server-Sent Events in a test."""

import json

from ai_workshop.extensions import db


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


def afresh(*items):
    return [db.session.get(type(item), item.id) for item in items]


def next_version(chunks) -> dict:
    while True:
        ((name, data),) = read_events(chunks, 1)
        if name == "version":
            return data
