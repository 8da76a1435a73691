"""The live-update channel: what changed, and waking whoever watches it.

Writers call mark_changed(); once the transaction commits, the streams of this process that
watch that workshop wake at once, and phones' cached stage is dropped when the stage changed.
With several worker processes on PostgreSQL the same announcement reaches the other workers
through LISTEN/NOTIFY, sent with the version bump just after the commit (see postgres.py);
on SQLite, through a datagram to each sibling worker's socket (see siblings.py). Streams also re-read the version every
LIVE_POLL_SECONDS, so a change from a process outside the channel (the CLI) still arrives.
"""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import event

from ai_workshop.extensions import db
from ai_workshop.live.broker import LocalBroker
from ai_workshop.live.stage import StageCache
from ai_workshop.live.stage_watch import StageWatch

_TOUCHED_KEY = "aiw_touched_workshops"


@dataclass(frozen=True)
class Change:
    workshop_id: int
    code: str
    stage: bool
    arrival: bool = False

    def after(self, earlier: "Change | None") -> "Change":
        """This change joined with an earlier one not yet announced: a stage change stays
        one, and the two are an arrival only if both were."""
        if earlier is None:
            return self
        return Change(
            self.workshop_id,
            self.code,
            self.stage or earlier.stage,
            self.arrival and earlier.arrival,
        )


def mark_changed(
    workshop, stage: bool = False, content: bool = False, arrival: bool = False
) -> None:
    """Bump the workshop's version and announce it after commit.

    stage=True when phones must redraw too: a phase, timer, vote or settings change.
    content=True when an item phones list was edited or hidden in place, which their
    content version (phases/live_content.py) would not otherwise notice.
    arrival=True when the change only adds (a new story, someone joining): screens that take
    pushed stories insert it (live/pushed.py); any other change makes them redraw.
    On PostgreSQL with the channel the bump waits for the commit (see postgres.py).
    """
    if content:
        workshop.bump_content_edits()
    if "aiw_channel" not in current_app.extensions:
        workshop.bump_version(arrival=arrival)
    touched = db.session.info.setdefault(_TOUCHED_KEY, {})
    change = Change(workshop.id, workshop.code, stage, arrival)
    touched[workshop.id] = change.after(touched.get(workshop.id))


def broker() -> LocalBroker:
    return current_app.extensions["aiw_live"]


def stage_cache() -> StageCache:
    return current_app.extensions["aiw_stage"]


def announce(app, change: Change) -> None:
    """Tell this process's streams, stage cache and held phones; also called by the channel
    listener."""
    app.extensions["aiw_live"].publish(change.workshop_id)
    _announce_stage(app, change)


def _announce_stage(app, change: Change) -> None:
    if change.stage:
        app.extensions["aiw_stage"].forget(change.code)
        app.extensions["aiw_stage_watch"].poke(change.code)


def _after_commit(session) -> None:
    touched = session.info.pop(_TOUCHED_KEY, None)
    if touched:
        app = current_app._get_current_object()
        channel = app.extensions.get("aiw_channel")
        if channel is not None:
            # The version is bumped by the announcer, after this: the streams here would
            # read nothing new yet. Its notification wakes them, in this process too.
            channel.bump_and_notify(touched.values())
            for change in touched.values():
                _announce_stage(app, change)
            return
        siblings = app.extensions.get("aiw_siblings")
        if siblings is not None:
            siblings.tell(touched.values())
        for change in touched.values():
            announce(app, change)


def _after_rollback(session) -> None:
    session.info.pop(_TOUCHED_KEY, None)


def init_live(app, load_stage, state_json) -> None:
    """load_stage(code) reads a room's stage from the database into the stage cache;
    state_json(stage) is the body phones receive."""
    from ai_workshop.live.postgres import init_postgres_channel
    from ai_workshop.live.reader import init_live_reader
    from ai_workshop.live.shortcut import StatePollShortcut
    from ai_workshop.live.siblings import init_siblings

    app.extensions["aiw_live"] = LocalBroker()
    cache = app.extensions["aiw_stage"] = StageCache(
        app.config["STAGE_CACHE_SECONDS"], app.config["CONTENT_SETTLE_SECONDS"]
    )
    watch = app.extensions["aiw_stage_watch"] = StageWatch(
        app, cache, load_stage, recheck_seconds=app.config["STAGE_CACHE_SECONDS"] / 2
    )
    app.wsgi_app = StatePollShortcut(
        app.wsgi_app,
        cache,
        watch,
        longest_wait=app.config["PHONE_HOLD_SECONDS"],
        state_json=state_json,
    )
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_rollback", _after_rollback)
    init_postgres_channel(app)
    init_live_reader(app)
    init_siblings(app)
