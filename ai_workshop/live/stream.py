"""Server-Sent Events for the projector and console: 'the workshop changed, refetch'."""

import json
import time

from flask import Blueprint, Response, current_app, stream_with_context
from sqlalchemy import select

from ai_workshop.extensions import db
from ai_workshop.live import broker
from ai_workshop.models import Workshop
from ai_workshop.web import access

bp = Blueprint("live", __name__, url_prefix="/live")


def _read_state(workshop_id: int) -> tuple[int, str] | None:
    """Read and release the connection at once: a stream must not pin a transaction.
    None once the workshop has been deleted."""
    row = db.session.execute(
        select(Workshop.version, Workshop.phase).where(Workshop.id == workshop_id)
    ).first()
    db.session.close()
    return None if row is None else (row.version, row.phase)


def _event(name: str, payload: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(payload)}\n\n"


def _changes(workshop_id: int, config: dict):
    poll, heartbeat = config["LIVE_POLL_SECONDS"], config["LIVE_HEARTBEAT_SECONDS"]
    settle = config["LIVE_MIN_EVENT_SECONDS"]
    deadline = time.monotonic() + config["LIVE_STREAM_MAX_SECONDS"]
    yield "retry: 2000\n\n"
    last_version, last_sent = None, time.monotonic()
    while time.monotonic() < deadline:
        waiter = broker().waiter(workshop_id)
        state = _read_state(workshop_id)
        if state is None:
            yield _event("gone", {})
            return
        version, phase = state
        if version != last_version:
            last_version, last_sent = version, time.monotonic()
            yield _event("version", {"version": version, "phase": phase})
            # Under a room's load changes arrive every few milliseconds: one event per
            # short interval lets the screen redraw a burst at once instead of chasing it.
            time.sleep(settle)
        elif time.monotonic() - last_sent >= heartbeat:
            last_sent = time.monotonic()
            yield _event("ping", {})
        waiter.wait(poll)


@bp.get("/<code>/events")
@access.runs_workshop
def events(workshop):
    workshop_id = workshop.id
    db.session.close()
    stream = stream_with_context(_changes(workshop_id, current_app.config))
    response = Response(stream, mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
