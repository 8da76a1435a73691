"""Read-only views of the theme board for the board page, the projector and phones."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ai_workshop.board.services import themes_of
from ai_workshop.board.snapshots import last_snapshot
from ai_workshop.extensions import db
from ai_workshop.models import Story, StoryStrength, Theme, Workshop


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


@dataclass
class ThemeSummary:
    """What the projector, phones and console show of a theme, without loading its stories."""

    theme: Theme
    count: int
    strengths: list[str]
    quote: Story | None


def theme_summaries(workshop: Workshop, with_quotes: bool = True) -> list[ThemeSummary]:
    """Counts, top strengths and (unless phones ask) a quote per theme in a few aggregate
    queries.

    A summit's themes hold thousands of stories and these screens redraw several times a
    second, so they must not load every story as theme_cards() (for the board) does.
    """
    themes = themes_of(workshop)
    members = (Story.workshop_id == workshop.id, Story.theme_id.is_not(None), ~Story.parked)
    counts = dict(
        db.session.execute(
            select(Story.theme_id, func.count(Story.id)).where(*members).group_by(Story.theme_id)
        ).all()
    )
    named: dict[int, Counter] = {}
    for theme_id, name, uses in db.session.execute(
        select(Story.theme_id, StoryStrength.name, func.count(StoryStrength.id))
        .join(StoryStrength, StoryStrength.story_id == Story.id)
        .where(*members)
        .group_by(Story.theme_id, StoryStrength.name)
    ):
        named.setdefault(theme_id, Counter())[name] = uses
    quotes = _quotes(themes, members) if with_quotes else {}
    return [
        ThemeSummary(
            theme,
            counts.get(theme.id, 0),
            theme.strengths
            or [name for name, _count in sorted(named.get(theme.id, Counter()).items(),
                                                key=lambda item: (-item[1], item[0]))[:3]],
            quotes.get(theme.id),
        )
        for theme in themes
    ]  # fmt: skip


def _quotes(themes: list[Theme], members: tuple) -> dict[int, Story]:
    """The representative story if it may be shown, else the theme's first that may."""
    showable = (*members, Story.consent != "private", ~Story.hidden)
    first = select(Story.theme_id, func.min(Story.id)).where(*showable).group_by(Story.theme_id)
    candidates = {theme_id: story_id for theme_id, story_id in db.session.execute(first)}
    wanted = set(candidates.values()) | {
        theme.representative_story_id for theme in themes if theme.representative_story_id
    }
    stories = {
        story.id: story
        for story in db.session.scalars(
            select(Story).where(Story.id.in_(wanted)).options(selectinload(Story.participant))
        )
    }
    quotes = {}
    for theme in themes:
        representative = stories.get(theme.representative_story_id)
        if (
            representative is not None
            and representative.theme_id == theme.id
            and (representative.on_projector)
        ):
            quotes[theme.id] = representative
        elif theme.id in candidates:
            quotes[theme.id] = stories[candidates[theme.id]]
    return quotes


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
