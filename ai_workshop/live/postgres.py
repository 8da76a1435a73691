"""Live announcements across worker processes through PostgreSQL LISTEN/NOTIFY.

NOTIFY is transactional: the commit that stores a change also sends it, and a rolled-back
transaction sends nothing, so every worker hears exactly of what was stored. Each worker
keeps one listening connection in a background thread (a greenlet under gevent); it
reconnects after a failure and then wakes every stream to re-read, since anything may have
changed while it was away.
"""

import json
import logging
import threading
import time

import psycopg
from flask import current_app
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from ..extensions import db

CHANNEL = "aiw_live"
RECONNECT_SECONDS = 1.0
log = logging.getLogger(__name__)


def channel_wanted(config) -> bool:
    """LIVE_CHANNEL: "auto" (PostgreSQL when the database is), "postgres" or "local"."""
    setting = config["LIVE_CHANNEL"]
    on_postgres = config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
    return setting == "postgres" or (setting == "auto" and on_postgres)


def libpq_dsn(database_uri: str) -> str:
    return make_url(database_uri).set(drivername="postgresql").render_as_string(hide_password=False)


def payload_of(change) -> str:
    return json.dumps({"w": change.workshop_id, "c": change.code, "s": change.stage})


def change_from(payload: str):
    from . import Change

    data = json.loads(payload)
    return Change(int(data["w"]), str(data["c"]), bool(data["s"]))


class Listener:
    """One LISTEN connection per process, started by the first request the process serves."""

    def __init__(self, app) -> None:
        self.app = app
        self.dsn = libpq_dsn(app.config["SQLALCHEMY_DATABASE_URI"])
        self.listening = threading.Event()
        self._started = False
        self._lock = threading.Lock()

    def ensure_started(self) -> None:
        if self._started:
            return
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="aiw-live-listener", daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                self._listen()
            except Exception as error:  # noqa: BLE001  (any failure: reconnect, never die)
                log.warning("live channel lost (%s); reconnecting", error)
            self.listening.clear()
            time.sleep(RECONNECT_SECONDS)

    def _listen(self) -> None:
        from . import announce

        with psycopg.connect(self.dsn, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self.listening.set()
            self.app.extensions["aiw_live"].publish_all()
            self.app.extensions["aiw_stage"].forget_all()
            for note in connection.notifies():
                try:
                    announce(self.app, change_from(note.payload))
                except (ValueError, KeyError, TypeError):
                    log.warning("ignored a malformed live notification")


def _notify_before_commit(session) -> None:
    """Queue one NOTIFY per changed workshop inside the transaction that stores the change."""
    from . import pending_changes

    if "aiw_channel" not in current_app.extensions:
        return
    for change in pending_changes(session):
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": payload_of(change)},
        )


def init_postgres_channel(app) -> None:
    if not channel_wanted(app.config):
        return
    listener = Listener(app)
    app.extensions["aiw_channel"] = listener
    app.before_request(listener.ensure_started)
    if not event.contains(db.session, "before_commit", _notify_before_commit):
        event.listen(db.session, "before_commit", _notify_before_commit)
