"""Read-only views of a workshop's stories for the console, projector and phones."""

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ai_workshop.extensions import db
from ai_workshop.models import Story, StoryStrength, Workshop

CLOUD_SIZE = 24
TICKER_SIZE = 6
CONSOLE_FEED_SIZE = 30
MODERATED_FEED_SIZE = 200


def console_stories(workshop: Workshop, latest: int = CONSOLE_FEED_SIZE) -> list[Story]:
    """The newest stories, plus every hidden or parked one so the console's filters find them.

    A summit sends thousands of stories; the live feed stays a few dozen so each redraw is
    cheap, and the facilitator moderates what is arriving now.
    """
    newest = (
        select(Story.id)
        .where(Story.workshop_id == workshop.id)
        .order_by(Story.created_at.desc(), Story.id.desc())
        .limit(latest)
    )
    moderated = (
        select(Story.id)
        .where(
            Story.workshop_id == workshop.id, (Story.hidden.is_(True)) | (Story.parked.is_(True))
        )
        .order_by(Story.id.desc())
        .limit(MODERATED_FEED_SIZE)
    )
    ids = set(db.session.scalars(newest)) | set(db.session.scalars(moderated))
    return list(
        db.session.scalars(
            select(Story)
            .where(Story.id.in_(ids))
            .options(selectinload(Story.participant))
            .order_by(Story.created_at.desc(), Story.id.desc())
        )
    )


def parked_count(workshop: Workshop) -> int:
    return db.session.scalar(
        select(func.count(Story.id)).where(Story.workshop_id == workshop.id, Story.parked.is_(True))
    )


def ticker_stories(workshop: Workshop, limit: int = TICKER_SIZE) -> list[Story]:
    """Recent headlines the tellers allowed us to quote, minus moderated ones."""
    return list(
        db.session.scalars(
            select(Story)
            .where(
                Story.workshop_id == workshop.id,
                Story.consent != "private",
                Story.hidden.is_(False),
                Story.parked.is_(False),
            )
            .options(selectinload(Story.participant))
            .order_by(Story.created_at.desc(), Story.id.desc())
            .limit(limit)
        )
    )


def _size_step(count: int, top: int) -> int:
    """2 for the least named, 5 for the most; 3 for all when every count is equal."""
    if top <= 1:
        return 3
    return 2 + round(3 * (count - 1) / (top - 1))


def strengths_cloud(workshop: Workshop, limit: int = CLOUD_SIZE) -> list[dict]:
    """Most-named strengths with a 1-5 size step; private stories count, parked ones don't."""
    uses = func.count(StoryStrength.id)
    counts = db.session.execute(
        select(StoryStrength.name, uses)
        .join(Story)
        .where(Story.workshop_id == workshop.id, Story.parked.is_(False))
        .group_by(StoryStrength.name)
        .order_by(uses.desc(), StoryStrength.name)
        .limit(limit)
    ).all()
    if not counts:
        return []
    top = counts[0][1]
    cloud = [
        {"name": name, "count": count, "step": _size_step(count, top)} for name, count in counts
    ]
    return sorted(cloud, key=lambda item: item["name"])


def workshop_stories(workshop: Workshop) -> list[Story]:
    """Every story of the workshop in the order it arrived, for the plan."""
    return list(
        db.session.scalars(select(Story).where(Story.workshop_id == workshop.id).order_by(Story.id))
    )


# The phone's strength picker shows this many chips before "All strengths".
PICKER_FIRST = 8
# Counts per (workshop, version): every story bumps the version, so a hit is never stale,
# and a busy room's phones loading the page at once share one aggregate query.
_named_counts: dict[tuple, list[str]] = {}
_NAMED_COUNTS_KEPT = 256


def most_named_strengths(workshop: Workshop) -> list[str]:
    """The workshop's chip names that stories already named, most named first."""
    key = (workshop.id, workshop.code, workshop.version)
    cached = _named_counts.get(key)
    if cached is not None:
        return cached
    vocabulary = list(workshop.strengths_vocabulary)
    uses = func.count(StoryStrength.id)
    names = list(
        db.session.scalars(
            select(StoryStrength.name)
            .join(Story)
            .where(Story.workshop_id == workshop.id, StoryStrength.name.in_(vocabulary))
            .group_by(StoryStrength.name)
            .order_by(uses.desc(), StoryStrength.name)
        )
    )
    if len(_named_counts) >= _NAMED_COUNTS_KEPT:
        _named_counts.clear()
    _named_counts[key] = names
    return names


def picker_order(
    workshop: Workshop, chosen: list[str] | None = None, first: int = PICKER_FIRST
) -> tuple[list[str], list[str]]:
    """The chips shown at once and the rest, each in order: the most named, then the
    template's own order; a chip already chosen is always shown."""
    vocabulary = list(workshop.strengths_vocabulary)
    shown = list(dict.fromkeys(most_named_strengths(workshop) + vocabulary))[:first]
    shown += [name for name in vocabulary if name in (chosen or []) and name not in shown]
    rest = [name for name in vocabulary if name not in shown]
    return shown, rest
