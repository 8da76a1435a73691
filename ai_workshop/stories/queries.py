"""Read-only views of a workshop's stories for the console, projector and phones."""

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Story, StoryStrength, Workshop

CLOUD_SIZE = 24
TICKER_SIZE = 6


def console_stories(workshop: Workshop) -> list[Story]:
    return list(
        db.session.scalars(
            select(Story)
            .where(Story.workshop_id == workshop.id)
            .options(selectinload(Story.participant))
            .order_by(Story.created_at.desc(), Story.id.desc())
        )
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
    names = db.session.scalars(
        select(StoryStrength.name)
        .join(Story)
        .where(Story.workshop_id == workshop.id, Story.parked.is_(False))
    )
    counts = Counter(names).most_common(limit)
    if not counts:
        return []
    top = counts[0][1]
    cloud = [
        {"name": name, "count": count, "step": _size_step(count, top)} for name, count in counts
    ]
    return sorted(cloud, key=lambda item: item["name"])
