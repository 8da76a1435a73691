"""Traceability: from an action back to the proposition, the theme and the stories."""

from dataclasses import dataclass, field

from sqlalchemy import select

from ai_workshop.extensions import db
from ai_workshop.models import Story


@dataclass
class Chain:
    proposition: object | None
    theme: object | None
    stories: list = field(default_factory=list)


def action_chain(action) -> Chain:
    theme = action.theme or (action.proposition.theme if action.proposition else None)
    stories = []
    if theme is not None:
        stories = list(
            db.session.scalars(
                select(Story)
                .where(Story.theme_id == theme.id, Story.parked.is_(False))
                .order_by(Story.id)
            )
        )
    return Chain(proposition=action.proposition, theme=theme, stories=stories)
