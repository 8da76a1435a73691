"""The live-update channel: who changed, and waking the streams that watch them.

Writers call mark_changed(); once the transaction commits, every stream waiting on
that workshop in this process wakes at once. Streams also re-read the version every
LIVE_POLL_SECONDS, so a change committed by another worker process still arrives.
"""

import threading

from flask import current_app
from sqlalchemy import event

from .extensions import db

_TOUCHED_KEY = "aiw_touched_workshops"


class LocalBroker:
    """Wakes waiting streams in this process; thread- and greenlet-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[int, threading.Event] = {}

    def waiter(self, workshop_id: int) -> threading.Event:
        """Take the event before reading state, so no publish slips in between."""
        with self._lock:
            return self._events.setdefault(workshop_id, threading.Event())

    def publish(self, workshop_id: int) -> None:
        with self._lock:
            waiting = self._events.pop(workshop_id, None)
        if waiting is not None:
            waiting.set()


def mark_changed(workshop) -> None:
    """Bump the workshop's version and announce it to streams after commit."""
    workshop.bump_version()
    db.session.info.setdefault(_TOUCHED_KEY, set()).add(workshop.id)


def broker() -> LocalBroker:
    return current_app.extensions["aiw_live"]


def _after_commit(session) -> None:
    touched = session.info.pop(_TOUCHED_KEY, None)
    if touched:
        live = broker()
        for workshop_id in touched:
            live.publish(workshop_id)


def _after_rollback(session) -> None:
    session.info.pop(_TOUCHED_KEY, None)


def init_live(app) -> None:
    app.extensions["aiw_live"] = LocalBroker()
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_rollback", _after_rollback)
