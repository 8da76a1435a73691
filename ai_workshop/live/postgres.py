"""Live announcements across worker processes through PostgreSQL LISTEN/NOTIFY.

After a change commits, each process's announcer thread bumps the workshop's version and
sends the NOTIFY in one statement of its own: at once when it was idle, else for all the
changes since its last announcement, at most every ANNOUNCE_EVERY_SECONDS. Not
inside the transaction that stored the change: every story of a room updates the same
workshop row, and there that row's lock was held across round trips until the commit,
queueing every other writer behind it (measured: 52 of 60 connections waiting on it). A
rolled-back transaction announces nothing.

Each worker keeps one listening connection in a background thread (a greenlet under
gevent); it reconnects after a failure and then wakes every stream to re-read, since
anything may have changed while it was away.
"""

import json
import logging
import threading
import time

import psycopg
from flask import has_request_context
from sqlalchemy.engine import make_url

CHANNEL = "aiw_live"
BUMP_AND_NOTIFY = (
    "WITH bumped AS (UPDATE workshop SET version = version + 1, redraw_version = CASE WHEN "
    "%(arrival)s THEN redraw_version ELSE version + 1 END WHERE id = %(workshop_id)s "
    "RETURNING id) SELECT pg_notify(%(channel)s, %(payload)s) FROM bumped"
)
# Under a room's load, changes arriving within this interval of the last announcement share
# one bump: a room's stories come in bursts, and every bump updates the same row.
ANNOUNCE_EVERY_SECONDS = 0.02
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
    from ai_workshop.live import Change

    data = json.loads(payload)
    return Change(int(data["w"]), str(data["c"]), bool(data["s"]))


class Listener:
    """One LISTEN connection per process, started by the first request the process serves."""

    def __init__(self, app) -> None:
        self.app = app
        self.dsn = libpq_dsn(app.config["SQLALCHEMY_DATABASE_URI"])
        self._started = False
        self._lock = threading.Lock()
        self._pending: dict = {}
        self._announce_now = threading.Event()

    def ensure_started(self) -> None:
        if self._started:
            return
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="aiw-live-listener", daemon=True).start()
                threading.Thread(
                    target=self._announce_forever, name="aiw-live-announcer", daemon=True
                ).start()

    def bump_and_notify(self, changes) -> None:
        """Queue changes already stored; the announcer thread bumps and notifies shortly.

        Outside a request (the CLI, a script) there is no thread to wait for: at once.
        """
        if not has_request_context():
            with psycopg.connect(self.dsn, autocommit=True) as connection:
                self._announce(connection, changes)
            return
        self.ensure_started()
        with self._lock:
            for change in changes:
                self._pending[change.workshop_id] = change.after(
                    self._pending.get(change.workshop_id)
                )
        self._announce_now.set()

    def _announce_forever(self) -> None:
        connection, last = None, -ANNOUNCE_EVERY_SECONDS
        while True:
            self._announce_now.wait()
            time.sleep(max(0.0, ANNOUNCE_EVERY_SECONDS - (time.monotonic() - last)))
            self._announce_now.clear()
            last = time.monotonic()
            with self._lock:
                changes, self._pending = list(self._pending.values()), {}
            try:
                if connection is None or connection.closed:
                    connection = psycopg.connect(self.dsn, autocommit=True)
                self._announce(connection, changes)
            except Exception as error:  # noqa: BLE001  (the data is stored; only a redraw waits)
                log.warning("live announcement failed (%s); streams catch up on their poll", error)
                connection = None

    @staticmethod
    def _announce(connection, changes) -> None:
        for change in changes:
            connection.execute(
                BUMP_AND_NOTIFY,
                {"workshop_id": change.workshop_id, "channel": CHANNEL,
                 "arrival": change.arrival, "payload": payload_of(change)},
            )  # fmt: skip

    def _run(self) -> None:
        while True:
            try:
                self._listen()
            except Exception as error:  # noqa: BLE001  (any failure: reconnect, never die)
                log.warning("live channel lost (%s); reconnecting", error)
            time.sleep(RECONNECT_SECONDS)

    def _listen(self) -> None:
        from ai_workshop.live import announce

        with psycopg.connect(self.dsn, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self.app.extensions["aiw_live"].publish_all()
            self.app.extensions["aiw_stage"].forget_all()
            for note in connection.notifies():
                try:
                    announce(self.app, change_from(note.payload))
                except (ValueError, KeyError, TypeError):
                    log.warning("ignored a malformed live notification")


def init_postgres_channel(app) -> None:
    if not channel_wanted(app.config):
        return
    listener = Listener(app)
    app.extensions["aiw_channel"] = listener
    app.before_request(listener.ensure_started)
