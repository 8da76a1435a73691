"""Phone form posts for Dream, Design and Destiny, without JavaScript: post, then redirect."""

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _

from ai_workshop.contributions import design, destiny, dreams, own, votes
from ai_workshop.contributions.forms import (
    ActionProposalForm,
    CommitmentForm,
    DotsForm,
    DreamForm,
    PropositionForm,
)
from ai_workshop.contributions.tense import tense_hint
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.models import Vote
from ai_workshop.phone.screens import design_context, destiny_context, dream_context
from ai_workshop.phone.views import _render_home
from ai_workshop.web import access
from ai_workshop.web.forms import ConfirmForm

bp = Blueprint("contribute", __name__, url_prefix="/p")


def _home(workshop, anchor: str = "", sent: str | None = None):
    """Back to the phone page; `sent` tells its script which draft is now stored."""
    return redirect(url_for("phone.home", code=workshop.code, sent=sent) + anchor)


def _save(
    workshop, participant, form, overrides: dict, action, thanks: str, anchor: str, sent: str
):
    if not form.validate_on_submit():
        return _render_home(workshop, participant, status=422, **overrides)
    try:
        _item, created = action(workshop, participant, form.fields())
    except DomainError as error:
        flash(error.message, "error")
        return _render_home(workshop, participant, status=error.status, **overrides)
    db.session.commit()
    flash(thanks if created else _("That was already saved."), "success")
    return _home(workshop, anchor, sent)


@bp.post("/<code>/dreams")
@access.phone
def dream(workshop, participant):
    form = DreamForm()
    context = dream_context(workshop, participant, form)
    return _save(workshop, participant, form, context, dreams.submit_dream,
                 _("Your dream is on the wall."), "#my-dreams", "dream")  # fmt: skip


@bp.post("/<code>/propositions")
@access.phone
def proposition(workshop, participant):
    form = PropositionForm()
    context = design_context(workshop, participant, form)
    response = _save(workshop, participant, form, context,
                     design.submit_proposition, _("Your proposition is in."), "#my-propositions", "proposition")  # fmt: skip
    hint = tense_hint(form.text.data or "")
    if hint and response.status_code == 302:
        flash(hint, "info")
    return response


@bp.post("/<code>/actions")
@access.phone
def action(workshop, participant):
    form = ActionProposalForm()
    context = destiny_context(workshop, participant, action_form=form)
    return _save(workshop, participant, form, context, destiny.propose_action,
                 _("Your action is on the board, with you on its team."), "#actions", "action")  # fmt: skip


@bp.post("/<code>/commitments")
@access.phone
def commitment(workshop, participant):
    form = CommitmentForm()
    context = destiny_context(workshop, participant, commitment_form=form)
    return _save(workshop, participant, form, context, destiny.submit_commitment,
                 _("Thank you. It is on the wall."), "#my-commitments", "commitment")  # fmt: skip


@bp.post("/<code>/actions/<int:action_id>/volunteer/<int:joining>")
@access.phone
def volunteer(workshop, participant, action_id: int, joining: int):
    try:
        destiny.volunteer(
            workshop, destiny.action_of(workshop, action_id), participant, bool(joining)
        )
    except DomainError as error:
        flash(error.message, "error")
        return _home(workshop, "#actions")
    db.session.commit()
    flash(_("You are on the team.") if joining else _("You left the team."), "success")
    return _home(workshop, "#actions")


_ANCHORS = {
    "dreams": "#my-dreams",
    "propositions": "#my-propositions",
    "actions": "#actions",
    "commitments": "#my-commitments",
}


@bp.post("/<code>/mine/<any(dreams, propositions, actions, commitments):kind>/<int:item_id>/delete")
@access.phone
def delete_mine(workshop, participant, kind: str, item_id: int):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        own.delete_own(workshop, participant, kind, item_id)
        db.session.commit()
        flash(_("Deleted."), "success")
    except DomainError as error:
        flash(error.message, "error")
    return _home(workshop, _ANCHORS[kind])


@bp.post("/<code>/votes/<int:vote_id>")
@access.phone
def dots(workshop, participant, vote_id: int):
    form = DotsForm()
    vote = db.session.get(Vote, vote_id)
    if vote is None or vote.workshop_id != workshop.id or not form.validate_on_submit():
        flash(_("That vote is not open."), "error")
        return _home(workshop)
    try:
        votes.set_dots(workshop, vote, participant, form.option_id.data, form.dots.data)
    except DomainError as error:
        flash(error.message, "error")
        return _home(workshop, "#vote")
    db.session.commit()
    return _home(workshop, "#vote")
