"""The pieces each phase hands the plan: quotes that respect consent, themes, vote counts."""

from dataclasses import dataclass, field

from sqlalchemy import select

from ai_workshop.contributions import votes
from ai_workshop.extensions import db
from ai_workshop.models import Story, Vote, Workshop


@dataclass
class Quote:
    text: str
    by: str | None


@dataclass
class ThemeEntry:
    name: str
    count: int
    strengths: list[str]
    quotes: list[Quote]
    votes: int | None
    summary: str = ""  # the theme in words, as the board has it
    cited: list[Quote] = field(default_factory=list)  # the stories those words quote
    tables: list[int] = field(default_factory=list)  # at a summit: the tables it came from
    carried: bool = False  # the room chose it to dream and design on


def quote(story: Story) -> Quote:
    return Quote(text=story.headline, by=story.attribution)


def latest_tally(workshop: Workshop, target: str) -> dict[int, int]:
    """Dots per option in the workshop's latest vote on `target`; empty when none was held."""
    vote = db.session.scalar(
        select(Vote)
        .where(Vote.workshop_id == workshop.id, Vote.target == target)
        .order_by(Vote.id.desc())
        .limit(1)
    )
    return {} if vote is None else {row.option.id: row.dots for row in votes.tally(workshop, vote)}
