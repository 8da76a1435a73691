"""Server-Sent Events for the projector and console: "the workshop changed", with the new
stories drawn in where the screen can insert them (live/pushed.py), else "refetch"."""

import json
import time

from flask import Blueprint, Response, current_app, request, stream_with_context
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import Row, exists, select

from ai_workshop.domain_errors import TooManyRequests
from ai_workshop.extensions import db
from ai_workshop.live import broker
from ai_workshop.live.pushed import SCREENS, push_for, pushes_to, rooms
from ai_workshop.models import CoFacilitator, Facilitator, Workshop
from ai_workshop.web import access
from ai_workshop.web.ratelimit import release_slot, take_slot

STREAMS = "live-streams"
# How often an open stream checks that its viewer still runs the workshop (a co-facilitator
# removed, a logout everywhere): they stop receiving within this long.
ACCESS_CHECK_SECONDS = 5.0

bp = Blueprint("live", __name__, url_prefix="/live")


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


def _changes(room: tuple[int, str], config: dict, viewer: tuple[int, int], screen: str):
    try:
        yield from _events_for(room, config, viewer, screen)
    finally:
        release_slot(str(viewer[0]), STREAMS)


def _version_event(workshop: Row, previous: int | None, screen: str, after_id: int):
    """(the event for a new version, the newest story id it covers, whether the screen will
    refetch). When only arrivals happened since `previous`, the new stories go drawn in."""
    payload = {"version": workshop.version, "phase": workshop.phase}
    push = None
    arrivals_only = previous is not None and workshop.redraw_version <= previous
    if screen and arrivals_only and pushes_to(workshop, screen):
        push = push_for(workshop, screen, after_id)
    if push is None:
        return _event("version", payload), workshop.newest, True
    payload |= {"previous": previous, "newest": push.newest, "items": push.items}
    payload |= {"counts": push.counts, "labels": push.labels}
    return _event("version", payload), push.newest, False


def _events_for(room: tuple[int, str], config: dict, viewer: tuple[int, int], screen: str = ""):
    """room: the workshop's id and join code."""
    poll, heartbeat = config["LIVE_POLL_SECONDS"], config["LIVE_HEARTBEAT_SECONDS"]
    coalesce, refetch_every = config["LIVE_COALESCE_SECONDS"], config["LIVE_REFETCH_SECONDS"]
    deadline = time.monotonic() + config["LIVE_STREAM_MAX_SECONDS"]
    yield "retry: 2000\n\n"
    workshop_id, view = room[0], rooms().of(*room)
    last_version, last_sent = None, time.monotonic()
    last_event = last_refetch = -refetch_every
    last_story = 0
    checked = time.monotonic()
    while time.monotonic() < deadline:
        if time.monotonic() - checked >= config.get(
            "LIVE_ACCESS_CHECK_SECONDS", ACCESS_CHECK_SECONDS
        ):
            checked = time.monotonic()
            if not _still_runs(workshop_id, *viewer):
                yield _event("denied", {})
                return
        waiter, woke = broker().waiter(workshop_id), time.monotonic()
        # Idle, a change goes out at once. Under a room's load changes arrive every few
        # milliseconds: within `coalesce` of the last event the stream waits out the rest
        # before it reads, and sends what gathered as one event.
        gather = coalesce - (time.monotonic() - last_event)
        if gather > 0:
            time.sleep(gather)
        state = view.state(not_before=woke)
        if state is None:
            yield _event("gone", {})
            return
        if state.version != last_version:
            event, last_story, refetch = _version_event(state, last_version, screen, last_story)
            # A screen that refetches its whole panel does so at most every `refetch_every`.
            wait = refetch_every - (time.monotonic() - last_refetch) if refetch else 0
            if wait > 0:
                time.sleep(wait)
                state = view.state(not_before=time.monotonic()) or state
                event = _event("version", {"version": state.version, "phase": state.phase})
                last_story = state.newest if screen else 0
            if refetch:
                last_refetch = time.monotonic()
            last_version = state.version
            last_sent = last_event = time.monotonic()
            yield event
        elif time.monotonic() - last_sent >= heartbeat:
            last_sent = time.monotonic()
            yield _event("ping", {})
        waiter.wait(poll)


@bp.get("/<code>/events")
@access.runs_workshop
def events(workshop):
    viewer = (current_user.id, current_user.session_epoch)
    room = (workshop.id, workshop.code)
    config = current_app.config
    wait = take_slot(
        str(viewer[0]), STREAMS, config["LIVE_STREAMS_PER_USER"], config["LIVE_STREAM_MAX_SECONDS"]
    )
    if wait is not None:
        raise TooManyRequests(_("Too many live screens open at once. Close a few tabs."), wait)
    db.session.close()
    screen = request.args.get("screen", "")
    screen = screen if screen in SCREENS and config["LIVE_PUSH"] else ""
    stream = stream_with_context(_changes(room, current_app.config, viewer, screen))
    response = Response(stream, mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
