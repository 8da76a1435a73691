"""What a live event carries besides the version: the stories new since the stream's last
event, drawn as the screen draws them, and the counts beside them, so the projector and
console insert them at once instead of refetching their whole panel (they still do, now and
then, to catch up on the rest).

The newest stories of a workshop are read once per version by whichever stream of the
process asks first, and shared by every stream of the process (RecentStories); each story is
drawn once per process and language (stories/drawn.py).
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext as _n
from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.orm import joinedload

from ai_workshop.extensions import db
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
# What a stream reads of its workshop at each change: a row, not the whole workshop.
STATE = select(
    Workshop.id,
    Workshop.code,
    Workshop.version,
    Workshop.redraw_version,
    Workshop.phase,
    Workshop.themes_shown,
    Workshop.table_count,
    Workshop.language,
).where(Workshop.id == bindparam("workshop_id"))
# The counts a pushing screen shows beside the stories, as it counts them: every story but
# the parking lot's (from the index on both), everyone who joined.
COUNTS = select(
    select(func.count(Story.id)).where(_IN_ROOM, Story.parked.is_(False)).scalar_subquery(),
    select(func.count(Participant.id))
    .where(Participant.workshop_id == bindparam("workshop_id"))
    .scalar_subquery(),
)
_ARRIVED = (
    select(Story)
    .where(_IN_ROOM, Story.id > bindparam("after_id"))
    .options(joinedload(Story.participant))
    .order_by(Story.id)
    .limit(MOST_PUSHED + 1)
)
_NEWEST = (
    select(Story)
    .where(_IN_ROOM)
    .options(joinedload(Story.participant))
    .order_by(Story.id.desc())
    .limit(MOST_PUSHED)
)
_LATEST = select(func.max(Story.id)).where(_IN_ROOM)


def read_state(workshop_id: int) -> Row | None:
    """The workshop as a live stream needs it; None once it has been deleted."""
    return db.session.execute(STATE, {"workshop_id": workshop_id}).first()


@dataclass(frozen=True)
class Push:
    """What one event carries: the items to insert, the newest story id they cover, counts."""

    items: list[dict]
    newest: int
    counts: dict[str, int]
    labels: dict[str, str]


def latest_story_id(workshop_id: int) -> int:
    return db.session.scalar(_LATEST, {"workshop_id": workshop_id}) or 0


def pushes_to(workshop: Row, screen: str) -> bool:
    """Only Discovery's stories wall and feed take single stories; other screens refetch."""
    if workshop.phase != "discover":
        return False
    if screen == "projector":
        return not workshop.themes_shown and not workshop.table_count
    return screen == "console"


class RecentStories:
    """One workshop's newest stories and counts, as this process last read them."""

    def __init__(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        self.version = 0
        self.stories: list[Story] = []  # oldest first, at most MOST_PUSHED
        # Every story of the workshop with a greater id is in self.stories; None: not read.
        self.complete_after: int | None = None
        self.counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def since(self, workshop: Row, after_id: int) -> tuple[list[Story], dict] | None:
        """(the stories with a greater id than after_id, the counts) as of the workshop's
        version or later; None when more arrived than are kept."""
        with self._lock:
            if workshop.version > self.version:
                if workshop.redraw_version > self.version:
                    # An edit, a hide, a deletion: what is kept may be stale.
                    self.complete_after = None
                self._read(workshop.version)
            if self.complete_after is None or after_id < self.complete_after:
                return None
            return [story for story in self.stories if story.id > after_id], dict(self.counts)

    def _read(self, version: int) -> None:
        where = {"workshop_id": self.workshop_id}
        arrived = None
        if self.complete_after is not None:
            newest = self.stories[-1].id if self.stories else self.complete_after
            arrived = list(db.session.scalars(_ARRIVED, where | {"after_id": newest}))
        if arrived is None or len(arrived) > MOST_PUSHED:
            newest_first = list(db.session.scalars(_NEWEST, where))
            self.stories = newest_first[::-1]
            full = len(newest_first) == MOST_PUSHED
            self.complete_after = newest_first[-1].id - 1 if full else 0
        else:
            kept = (self.stories + arrived)[-MOST_PUSHED:]
            if len(kept) < len(self.stories) + len(arrived):
                self.complete_after = kept[0].id - 1
            self.stories = kept
        # Counted afresh: on PostgreSQL a story can commit after one with a greater id.
        stories, joined = db.session.execute(COUNTS, where).one()
        self.counts = {"stories": stories, "joined": joined}
        self.version = version
        db.session.close()


class Rooms:
    """RecentStories by workshop, for this process (one per app: app.extensions)."""

    def __init__(self, kept: int = ROOMS_KEPT) -> None:
        self.kept = kept
        self._lock = threading.Lock()
        self._rooms: OrderedDict[tuple[int, str], RecentStories] = OrderedDict()

    def of(self, workshop: Row) -> RecentStories:
        """By id and join code: SQLite may give a deleted workshop's id to the next one."""
        key = (workshop.id, workshop.code)
        with self._lock:
            room = self._rooms.get(key)
            if room is None:
                room = self._rooms[key] = RecentStories(workshop.id)
                while len(self._rooms) > self.kept:
                    self._rooms.popitem(last=False)
            self._rooms.move_to_end(key)
            return room


def rooms() -> Rooms:
    return current_app.extensions.setdefault("aiw_recent_stories", Rooms())


def push_for(workshop: Row, screen: str, after_id: int) -> Push | None:
    """The push that brings the screen from after_id to the workshop's version; None when it
    must refetch instead (too many new stories)."""
    found = rooms().of(workshop).since(workshop, after_id)
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
