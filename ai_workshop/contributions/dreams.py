"""Dream statements, and choosing which themes the room carries into Design."""

from flask_babel import gettext as _
from sqlalchemy import select

from ..domain_errors import ValidationFailed
from ..extensions import db
from ..live import mark_changed
from ..models import Dream, Theme, Vote, Workshop
from .once import create_once, require_phase
from .votes import tally

DREAM_MAX = 400
CHOSEN_BY_DEFAULT = 3


def _theme_or_none(workshop: Workshop, theme_id: int | None) -> int | None:
    if theme_id is None:
        return None
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.workshop_id != workshop.id:
        raise ValidationFailed(_("Choose one of the themes."), {"theme_id": [_("Unknown theme.")]})
    return theme.id


def submit_dream(workshop: Workshop, participant, fields: dict):
    def build():
        require_phase(workshop, "dream")
        return Dream(text=fields["text"], theme_id=_theme_or_none(workshop, fields.get("theme_id")))

    return create_once(Dream, workshop, participant, fields["client_id"], build)


def dreams_of(workshop: Workshop, include_hidden: bool = True) -> list[Dream]:
    query = select(Dream).where(Dream.workshop_id == workshop.id)
    if not include_hidden:
        query = query.where(Dream.hidden.is_(False))
    return list(db.session.scalars(query.order_by(Dream.id.desc())))


def set_dream_hidden(workshop: Workshop, dream: Dream, hidden: bool) -> None:
    dream.hidden = hidden
    mark_changed(workshop)


def suggested_choice(workshop: Workshop) -> list[int]:
    """The top themes by the latest vote on themes (ties at the cut included), else none."""
    vote = db.session.scalar(
        select(Vote)
        .where(Vote.workshop_id == workshop.id, Vote.target == "themes")
        .order_by(Vote.id.desc())
        .limit(1)
    )
    if vote is None:
        return []
    return [
        row.option.id
        for row in tally(workshop, vote)
        if row.dots > 0 and row.rank <= CHOSEN_BY_DEFAULT
    ]


def choose_themes(workshop: Workshop, theme_ids: list[int]) -> None:
    themes = db.session.scalars(select(Theme).where(Theme.workshop_id == workshop.id))
    for theme in themes:
        theme.chosen = theme.id in set(theme_ids)
    mark_changed(workshop)


def chosen_themes(workshop: Workshop) -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme)
            .where(Theme.workshop_id == workshop.id, Theme.chosen.is_(True))
            .order_by(Theme.position, Theme.id)
        )
    )
