"""What a live event carries besides the version: the stories new since the stream's last
event, drawn as the screen draws them, and the counts beside them, so the projector and
console insert them at once instead of refetching their whole panel (they still do, now and
then, to catch up on the rest).

A room is read once for every stream of the process that woke before the read began
(RoomView.state), its newest stories once per version (RoomView.since); each story is drawn
once per process and language (stories/drawn.py).
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext as _n
from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.orm import joinedload

from ai_workshop.live.reader import live_read, live_rows
from ai_workshop.models import Participant, Story, Workshop
from ai_workshop.stories.drawn import story_card, ticker_line

SCREENS = ("projector", "console")
# More new stories than this since a stream's last event: its screen is better off refetching.
MOST_PUSHED = 60
# The projector's ticker shows this many headlines: older new ones are not drawn at all.
TICKER_SHOWN = 4
# Workshops whose newest stories a process keeps: one per live room, with room to spare.
ROOMS_KEPT = 64


_IN_ROOM = Story.workshop_id == bindparam("workshop_id")
# What a stream reads of its workshop at each change, in one statement: a row, not the whole
# workshop; the counts a pushing screen shows beside the stories, as it counts them (every
# story but the parking lot's, from the index on both; everyone who joined); the newest
# story's id, from which a refetching screen's next push starts.
STATE = select(
    Workshop.id,
    Workshop.code,
    Workshop.version,
    Workshop.redraw_version,
    Workshop.phase,
    Workshop.themes_shown,
    Workshop.table_count,
    Workshop.language,
    select(func.count(Story.id))
    .where(_IN_ROOM, Story.parked.is_(False))
    .scalar_subquery()
    .label("stories"),
    select(func.count(Participant.id))
    .where(Participant.workshop_id == bindparam("workshop_id"))
    .scalar_subquery()
    .label("joined"),
    select(func.coalesce(func.max(Story.id), 0)).where(_IN_ROOM).scalar_subquery().label("newest"),
).where(Workshop.id == bindparam("workshop_id"))
# Strengths in the same statement: a second one for them doubled the cost of a read.
_ARRIVED = (
    select(Story)
    .where(_IN_ROOM, Story.id > bindparam("after_id"))
    .options(joinedload(Story.participant), joinedload(Story.strengths))
    .order_by(Story.id)
    .limit(MOST_PUSHED + 1)
)
_NEWEST = (
    select(Story)
    .where(_IN_ROOM)
    .options(joinedload(Story.participant), joinedload(Story.strengths))
    .order_by(Story.id.desc())
    .limit(MOST_PUSHED)
)


def read_state(workshop_id: int) -> Row | None:
    """The workshop as a live stream needs it; None once it has been deleted."""
    found = live_rows(STATE, {"workshop_id": workshop_id})
    return found[0] if found else None


@dataclass(frozen=True)
class Push:
    """What one event carries: the items to insert, the newest story id they cover, counts."""

    items: list[dict]
    newest: int
    counts: dict[str, int]
    labels: dict[str, str]


def pushes_to(workshop: Row, screen: str) -> bool:
    """Only Discovery's stories wall and feed take single stories; other screens refetch."""
    if workshop.phase != "discover":
        return False
    if screen == "projector":
        return not workshop.themes_shown and not workshop.table_count
    return screen == "console"


class RoomView:
    """One workshop as this process last read it: its state, its newest stories."""

    def __init__(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        self._state: Row | None = None
        self._state_read_at = float("-inf")
        self._state_lock = threading.Lock()
        self.version = 0
        self.stories: list[Story] = []  # oldest first, at most MOST_PUSHED
        # Every story of the workshop with a greater id is in self.stories; None: not read.
        self.complete_after: int | None = None
        self._lock = threading.Lock()

    def state(self, not_before: float) -> Row | None:
        """The room's state (None once deleted) from a read that began at not_before or
        later: every stream woken by one change shares one read. A stream passes the moment
        it took its waiter (live/broker.py): a change announced before then is in the read."""
        with self._state_lock:
            if self._state_read_at < not_before:
                self._state_read_at = time.monotonic()
                self._state = read_state(self.workshop_id)
            return self._state

    def since(self, workshop: Row, after_id: int) -> tuple[list[Story], dict] | None:
        """(the stories with a greater id than after_id, the counts) as of the workshop's
        version or later; None when more arrived than are kept."""
        with self._lock:
            if workshop.version > self.version:
                if workshop.redraw_version > self.version:
                    # An edit, a hide, a deletion: what is kept may be stale.
                    self.complete_after = None
                self._read(workshop)
            if self.complete_after is None or after_id < self.complete_after:
                return None
            counts = {"stories": workshop.stories, "joined": workshop.joined}
            return [story for story in self.stories if story.id > after_id], counts

    def _read(self, workshop: Row) -> None:
        known = None
        if self.complete_after is not None:
            known = self.stories[-1].id if self.stories else self.complete_after
        if known is None or workshop.newest > known:  # else someone joined: no story to read
            self._read_stories(known)
        self.version = workshop.version

    def _read_stories(self, known: int | None) -> None:
        arrived, newest_first = live_read(partial(_new_stories, self.workshop_id, known))
        if arrived is None:
            self.stories = newest_first[::-1]
            full = len(newest_first) == MOST_PUSHED
            self.complete_after = newest_first[-1].id - 1 if full else 0
        else:
            kept = (self.stories + arrived)[-MOST_PUSHED:]
            if len(kept) < len(self.stories) + len(arrived):
                self.complete_after = kept[0].id - 1
            self.stories = kept


def _new_stories(workshop_id: int, known: int | None, session) -> tuple[list | None, list]:
    """(the stories after `known`, []) or, when that is unknown or more than are kept,
    (None, the newest stories, newest first)."""
    where = {"workshop_id": workshop_id}
    if known is not None:
        arrived = list(session.scalars(_ARRIVED, where | {"after_id": known}).unique())
        if len(arrived) <= MOST_PUSHED:
            return arrived, []
    return None, list(session.scalars(_NEWEST, where).unique())


class Rooms:
    """RoomView by workshop, for this process (one per app: app.extensions)."""

    def __init__(self, kept: int = ROOMS_KEPT) -> None:
        self.kept = kept
        self._lock = threading.Lock()
        self._rooms: OrderedDict[tuple[int, str], RoomView] = OrderedDict()

    def of(self, workshop_id: int, code: str) -> RoomView:
        """By id and join code: SQLite may give a deleted workshop's id to the next one."""
        key = (workshop_id, code)
        with self._lock:
            room = self._rooms.get(key)
            if room is None:
                room = self._rooms[key] = RoomView(workshop_id)
                while len(self._rooms) > self.kept:
                    self._rooms.popitem(last=False)
            self._rooms.move_to_end(key)
            return room


def rooms() -> Rooms:
    return current_app.extensions.setdefault("aiw_recent_stories", Rooms())


def push_for(workshop: Row, screen: str, after_id: int) -> Push | None:
    """The push that brings the screen from after_id to the workshop's version; None when it
    must refetch instead (too many new stories)."""
    found = rooms().of(workshop.id, workshop.code).since(workshop, after_id)
    if found is None:
        return None
    stories, counts = found
    newest = stories[-1].id if stories else after_id
    if screen == "projector":
        shown = [story for story in stories if story.on_projector][-TICKER_SHOWN:]
        with force_locale(workshop.language):
            items = [{"id": s.id, "into": "ticker", "html": str(ticker_line(s))} for s in shown]
            labels = {
                "stories": _n("story shared", "stories shared", counts["stories"]),
                "joined": _n("person here", "people here", counts["joined"]),
                "joined_footer": _("%(n)d joined", n=counts["joined"]),
            }
        return Push(items, newest, counts, labels)
    items = [{"id": s.id, "into": "feed", "html": str(story_card(s, workshop))} for s in stories]
    return Push(items, newest, counts, {})
