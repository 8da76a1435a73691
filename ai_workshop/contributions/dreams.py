"""Dream statements, and choosing which themes the room carries into Design."""

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ai_workshop.contributions.once import require_phase, stored_id
from ai_workshop.contributions.votes import tally
from ai_workshop.db.insert_once import insert_once
from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Dream, Theme, Vote, Workshop

DREAM_MAX = 400
CHOSEN_BY_DEFAULT = 3


def _theme_or_none(workshop: Workshop, theme_id: int | None) -> int | None:
    if theme_id is None:
        return None
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.workshop_id != workshop.id:
        raise ValidationFailed(_("Choose one of the themes."), {"theme_id": [_("Unknown theme.")]})
    return theme.id


def submit_dream(workshop: Workshop, participant, fields: dict) -> tuple[Dream, bool]:
    """Stored once per client_id, in single statements: a room dreams all at once."""
    client_id = fields["client_id"]
    existing = stored_id(Dream, workshop, participant, client_id)
    if existing is None:
        require_phase(workshop, "dream")
        values = {
            "workshop_id": workshop.id,
            "participant_id": participant.id,
            "client_id": client_id,
            "text": fields["text"],
            "theme_id": _theme_or_none(workshop, fields.get("theme_id")),
        }
        new_id = insert_once(Dream, values, ("workshop_id", "client_id"))
        if new_id is not None:
            mark_changed(workshop)
            return Dream(id=new_id, client_id=client_id, text=fields["text"]), True
        existing = stored_id(Dream, workshop, participant, client_id)  # a concurrent retry
    return Dream(id=existing, client_id=client_id, text=fields["text"]), False


def dreams_of(
    workshop: Workshop, include_hidden: bool = True, limit: int | None = None
) -> list[Dream]:
    """Newest first; live screens ask for the newest few, not a summit's thousands."""
    query = select(Dream).where(Dream.workshop_id == workshop.id)
    if not include_hidden:
        query = query.where(Dream.hidden.is_(False))
    query = query.options(selectinload(Dream.theme)).order_by(Dream.id.desc()).limit(limit)
    return list(db.session.scalars(query))


def dream_count(workshop: Workshop) -> int:
    return db.session.scalar(select(func.count(Dream.id)).where(Dream.workshop_id == workshop.id))


def set_dream_hidden(workshop: Workshop, dream: Dream, hidden: bool) -> None:
    dream.hidden = hidden
    mark_changed(workshop, content=True)


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
