"""Read-only views of the theme board for the board page, the projector and phones."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Story, Theme, Workshop
from .services import themes_of
from .snapshots import last_snapshot


@dataclass
class ThemeCard:
    theme: Theme
    stories: list[Story]
    strengths: list[str]
    quote: Story | None


def _stories(workshop: Workshop) -> list[Story]:
    return list(
        db.session.scalars(
            select(Story)
            .where(Story.workshop_id == workshop.id)
            .options(selectinload(Story.participant))
            .order_by(Story.id)
        )
    )


def _top_strengths(stories: list[Story], limit: int = 3) -> list[str]:
    counts = Counter(name for story in stories for name in story.strength_names)
    return [name for name, _count in counts.most_common(limit)]


def _quote(theme: Theme, stories: list[Story]) -> Story | None:
    """The representative story if its teller allows quoting, else the first that does."""
    quotable = [story for story in stories if story.on_projector]
    for story in quotable:
        if story.id == theme.representative_story_id:
            return story
    return quotable[0] if quotable else None


def theme_cards(workshop: Workshop) -> list[ThemeCard]:
    by_theme: dict[int, list[Story]] = {}
    for story in _stories(workshop):
        if story.theme_id is not None and not story.parked:
            by_theme.setdefault(story.theme_id, []).append(story)
    cards = []
    for theme in themes_of(workshop):
        members = sorted(
            by_theme.get(theme.id, []), key=lambda s: (s.id != theme.representative_story_id, s.id)
        )
        cards.append(
            ThemeCard(
                theme, members, theme.strengths or _top_strengths(members), _quote(theme, members)
            )
        )
    return cards


def board(workshop: Workshop) -> dict:
    stories = _stories(workshop)
    snapshot = last_snapshot(workshop)
    return {
        "cards": theme_cards(workshop),
        "unassigned": [s for s in stories if s.theme_id is None and not s.parked],
        "parked": [s for s in stories if s.parked],
        "undo_label": snapshot.label if snapshot else None,
        "themes_by_id": {theme.id: theme for theme in themes_of(workshop)},
    }
