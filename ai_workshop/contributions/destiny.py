"""Destiny: actions with owners and dates, action teams, and personal commitments."""

from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.contributions.once import create_once, require_phase
from ai_workshop.domain_errors import NotFound, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Action, ActionVolunteer, Commitment, Proposition, Theme, Workshop
from ai_workshop.models.action import ACTION_STATUSES, COMMITMENT_KINDS

ACTION_FIELDS = (
    "title", "theme_id", "proposition_id", "strength", "purpose", "owner", "first_step",
    "start_date", "due_date", "help_needed", "success_measure", "baseline", "target",
    "review_date", "status",
)  # fmt: skip


def _check_links(workshop: Workshop, fields: dict) -> None:
    """An action serves a theme or proposition of this workshop; the theme follows the proposition."""
    proposition_id, theme_id = fields.get("proposition_id"), fields.get("theme_id")
    if proposition_id:
        proposition = db.session.get(Proposition, proposition_id)
        if proposition is None or proposition.workshop_id != workshop.id:
            raise ValidationFailed(
                _("Choose one of the propositions."),
                {"proposition_id": [_("Unknown proposition.")]},
            )
        fields["theme_id"] = proposition.theme_id
    elif theme_id:
        theme = db.session.get(Theme, theme_id)
        if theme is None or theme.workshop_id != workshop.id:
            raise ValidationFailed(
                _("Choose one of the themes."), {"theme_id": [_("Unknown theme.")]}
            )
    if fields.get("status", "not_started") not in ACTION_STATUSES:
        raise ValidationFailed(_("Unknown status."), {"status": [_("Unknown status.")]})
    start, due = fields.get("start_date"), fields.get("due_date")
    if start and due and due < start:
        raise ValidationFailed(
            _("The due date comes before the start date."),
            {"due_date": [_("Before the start date.")]},
        )


def _apply(action: Action, fields: dict) -> None:
    for name in ACTION_FIELDS:
        if name in fields:
            value = fields[name]
            keeps_none = name.endswith(("_id", "_date"))
            setattr(action, name, value if value is not None or keeps_none else "")


def propose_action(workshop: Workshop, participant, fields: dict):
    def build():
        require_phase(workshop, "destiny")
        _check_links(workshop, fields)
        action = Action()
        _apply(action, fields)
        return action

    action, created = create_once(Action, workshop, participant, fields["client_id"], build)
    if created:
        volunteer(workshop, action, participant, True)  # whoever proposes it is on the team
    return action, created


def update_action(workshop: Workshop, action: Action, fields: dict) -> None:
    _check_links(workshop, fields)
    _apply(action, fields)
    mark_changed(workshop, content=True)


def set_action_hidden(workshop: Workshop, action: Action, hidden: bool) -> None:
    action.hidden = hidden
    mark_changed(workshop, content=True)


def volunteer(workshop: Workshop, action: Action, participant, joining: bool) -> bool:
    """Join or leave an action team; idempotent. Returns whether the person is now on it."""
    require_phase(workshop, "destiny")
    row = db.session.scalar(
        select(ActionVolunteer).where(
            ActionVolunteer.action_id == action.id, ActionVolunteer.participant_id == participant.id
        )
    )
    if joining and row is None:
        db.session.add(ActionVolunteer(action_id=action.id, participant_id=participant.id))
    elif not joining and row is not None:
        db.session.delete(row)
    db.session.flush()
    db.session.expire(action, ["volunteers"])
    mark_changed(workshop)
    return joining


def submit_commitment(workshop: Workshop, participant, fields: dict):
    def build():
        require_phase(workshop, "destiny")
        if fields.get("kind") not in COMMITMENT_KINDS:
            raise ValidationFailed(
                _("Choose commitment, offer or request."), {"kind": [_("Unknown kind.")]}
            )
        return Commitment(
            kind=fields["kind"], text=fields["text"], consent=fields.get("consent") or "anonymous"
        )

    return create_once(Commitment, workshop, participant, fields["client_id"], build)


def actions_of(workshop: Workshop, include_hidden: bool = True) -> list[Action]:
    query = select(Action).where(Action.workshop_id == workshop.id)
    if not include_hidden:
        query = query.where(Action.hidden.is_(False))
    return list(db.session.scalars(query.order_by(Action.id)))


def commitments_of(workshop: Workshop, participant=None) -> list[Commitment]:
    """The room's commitments, newest first; only this participant's when one is given."""
    query = select(Commitment).where(Commitment.workshop_id == workshop.id)
    if participant is not None:
        query = query.where(Commitment.participant_id == participant.id)
    return list(db.session.scalars(query.order_by(Commitment.id.desc())))


def action_of(workshop: Workshop, action_id: int) -> Action:
    action = db.session.get(Action, action_id)
    if action is None or action.workshop_id != workshop.id:
        raise NotFound(_("That action does not exist."))
    return action
