"""Provocative propositions for the chosen themes: written by phones, shaped by the facilitator."""

from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.contributions.once import create_once, require_phase
from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Proposition, Theme, Workshop

PROPOSITION_MAX = 400


def _chosen_theme(workshop: Workshop, theme_id: int | None) -> Theme:
    theme = db.session.get(Theme, theme_id) if theme_id else None
    if theme is None or theme.workshop_id != workshop.id or not theme.chosen:
        raise ValidationFailed(
            _(
                "Choose one of the themes we carry into %(phase)s.",
                phase=workshop.label_of("design"),
            ),
            {"theme_id": [_("Choose a theme.")]},
        )
    return theme


def submit_proposition(workshop: Workshop, participant, fields: dict):
    def build():
        require_phase(workshop, "design")
        theme = _chosen_theme(workshop, fields.get("theme_id"))
        return Proposition(text=fields["text"], theme_id=theme.id)

    return create_once(Proposition, workshop, participant, fields["client_id"], build)


def propositions_of(workshop: Workshop, visible_only: bool = False) -> list[Proposition]:
    query = select(Proposition).where(Proposition.workshop_id == workshop.id)
    if visible_only:
        query = query.where(Proposition.hidden.is_(False), Proposition.merged_into_id.is_(None))
    return list(db.session.scalars(query.order_by(Proposition.id)))


def edit_proposition(workshop: Workshop, proposition: Proposition, text: str) -> None:
    proposition.text = text
    proposition.edited_by_facilitator = True
    mark_changed(workshop, content=True)


def set_proposition_hidden(workshop: Workshop, proposition: Proposition, hidden: bool) -> None:
    proposition.hidden = hidden
    mark_changed(workshop, content=True)


def merge_propositions(workshop: Workshop, source: Proposition, target: Proposition) -> None:
    """Two propositions say the same: keep the target, fold the source into it."""
    if source.id == target.id or target.merged_into_id is not None:
        raise ValidationFailed(_("Choose another proposition to merge into."))
    source.merged_into_id = target.id
    for other in db.session.scalars(
        select(Proposition).where(Proposition.merged_into_id == source.id)
    ):
        other.merged_into_id = target.id
    mark_changed(workshop, content=True)
