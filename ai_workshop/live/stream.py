"""Server-Sent Events for the projector and console: 'the workshop changed, refetch'."""

import json
import time

from flask import Blueprint, Response, current_app, stream_with_context
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import exists, select

from ai_workshop.domain_errors import TooManyRequests
from ai_workshop.extensions import db
from ai_workshop.live import broker
from ai_workshop.models import CoFacilitator, Facilitator, Workshop
from ai_workshop.web import access
from ai_workshop.web.ratelimit import release_slot, take_slot

STREAMS = "live-streams"
# How often an open stream checks that its viewer still runs the workshop (a co-facilitator
# removed, a logout everywhere): they stop receiving within this long.
ACCESS_CHECK_SECONDS = 5.0

bp = Blueprint("live", __name__, url_prefix="/live")


def _read_state(workshop_id: int) -> tuple[int, str] | None:
    """Read and release the connection at once: a stream must not pin a transaction.
    None once the workshop has been deleted."""
    row = db.session.execute(
        select(Workshop.version, Workshop.phase).where(Workshop.id == workshop_id)
    ).first()
    db.session.close()
    return None if row is None else (row.version, row.phase)


def _still_runs(workshop_id: int, facilitator_id: int, epoch: int) -> bool:
    """The viewer's session is still live and they own or co-facilitate the workshop."""
    owner = select(Workshop.id).where(
        Workshop.id == workshop_id, Workshop.facilitator_id == facilitator_id
    )
    shared = select(CoFacilitator.id).where(
        CoFacilitator.workshop_id == workshop_id, CoFacilitator.facilitator_id == facilitator_id
    )
    session_live = select(Facilitator.id).where(
        Facilitator.id == facilitator_id, Facilitator.session_epoch == epoch
    )
    allowed = db.session.execute(
        select(exists(session_live) & (exists(owner) | exists(shared)))
    ).scalar()
    db.session.close()
    return bool(allowed)


def _event(name: str, payload: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(payload)}\n\n"


def _changes(workshop_id: int, config: dict, viewer: tuple[int, int]):
    try:
        yield from _events_for(workshop_id, config, viewer)
    finally:
        release_slot(str(viewer[0]), STREAMS)


def _events_for(workshop_id: int, config: dict, viewer: tuple[int, int]):
    poll, heartbeat = config["LIVE_POLL_SECONDS"], config["LIVE_HEARTBEAT_SECONDS"]
    settle = config["LIVE_MIN_EVENT_SECONDS"]
    deadline = time.monotonic() + config["LIVE_STREAM_MAX_SECONDS"]
    yield "retry: 2000\n\n"
    last_version, last_sent = None, time.monotonic()
    checked = time.monotonic()
    while time.monotonic() < deadline:
        if time.monotonic() - checked >= config.get(
            "LIVE_ACCESS_CHECK_SECONDS", ACCESS_CHECK_SECONDS
        ):
            checked = time.monotonic()
            if not _still_runs(workshop_id, *viewer):
                yield _event("denied", {})
                return
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
    viewer = (current_user.id, current_user.session_epoch)
    config = current_app.config
    wait = take_slot(
        str(viewer[0]), STREAMS, config["LIVE_STREAMS_PER_USER"], config["LIVE_STREAM_MAX_SECONDS"]
    )
    if wait is not None:
        raise TooManyRequests(_("Too many live screens open at once. Close a few tabs."), wait)
    db.session.close()
    stream = stream_with_context(_changes(workshop_id, current_app.config, viewer))
    response = Response(stream, mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
