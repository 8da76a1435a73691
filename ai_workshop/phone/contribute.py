"""Phone form posts for Dream, Design and Destiny, without JavaScript: post, then redirect."""

from flask import Blueprint, flash, redirect, url_for
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
from ai_workshop.extensions import db
from ai_workshop.models import Vote
from ai_workshop.phases import design as design_phase
from ai_workshop.phases import destiny as destiny_phase
from ai_workshop.phases import dream as dream_phase
from ai_workshop.phone.home_page import OnHomePage
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.write_views import write_view

bp = Blueprint("contribute", __name__, url_prefix="/p")


def _thanks(created: bool, thanks: str) -> str:
    return thanks if created else _("That was already saved.")


def _sent_back(phase_module, form_name: str):
    """What the phone shows for a form sent back with its errors: its phase's screen, with
    that form in place of a blank one."""

    def context(workshop, participant, form) -> dict:
        return phase_module.phone(workshop, participant, **{form_name: form})

    return context


@bp.post("/<code>/dreams")
@access.phone
@write_view(
    DreamForm, OnHomePage("#my-dreams", _sent_back(dream_phase, "dream_form"), sent="dream")
)
def dream(workshop, participant, form):
    _item, created = dreams.submit_dream(workshop, participant, form.fields())
    return _thanks(created, _("Your dream is on the wall."))


class _WithTenseHint(OnHomePage):
    """A proposition is written as if already true: a hint follows the thanks when not."""

    def done(self, write, message):
        response = super().done(write, message)
        hint = tense_hint(write.form.text.data or "", write.workshop.language)
        if hint:
            flash(hint, "info")
        return response


@bp.post("/<code>/propositions")
@access.phone
@write_view(
    PropositionForm,
    _WithTenseHint(
        "#my-propositions", _sent_back(design_phase, "proposition_form"), sent="proposition"
    ),
)
def proposition(workshop, participant, form):
    _item, created = design.submit_proposition(workshop, participant, form.fields())
    return _thanks(created, _("Your proposition is in."))


@bp.post("/<code>/actions")
@access.phone
@write_view(
    ActionProposalForm,
    OnHomePage("#actions", _sent_back(destiny_phase, "action_form"), sent="action"),
)
def action(workshop, participant, form):
    _item, created = destiny.propose_action(workshop, participant, form.fields())
    return _thanks(created, _("Your action is on the board, with you on its team."))


@bp.post("/<code>/commitments")
@access.phone
@write_view(
    CommitmentForm,
    OnHomePage("#my-commitments", _sent_back(destiny_phase, "commitment_form"), sent="commitment"),
)
def commitment(workshop, participant, form):
    _item, created = destiny.submit_commitment(workshop, participant, form.fields())
    return _thanks(created, _("Thank you. It is on the wall."))


@bp.post("/<code>/actions/<int:action_id>/volunteer/<int:joining>")
@access.phone
@write_view(None, BackTo("phone.home", "#actions"))
def volunteer(workshop, participant, action_id: int, joining: int):
    destiny.volunteer(workshop, destiny.action_of(workshop, action_id), participant, bool(joining))
    return _("You are on the team.") if joining else _("You left the team.")


_ANCHORS = {
    "dreams": "#my-dreams",
    "propositions": "#my-propositions",
    "actions": "#actions",
    "commitments": "#my-commitments",
}


class _BackToTheirs(BackTo):
    """Back to the list the deleted item was in."""

    def url(self, write, anchor: str) -> str:
        return super().url(write, _ANCHORS[write.values["kind"]])


@bp.post("/<code>/mine/<any(dreams, propositions, actions, commitments):kind>/<int:item_id>/delete")
@access.phone
@write_view(ConfirmForm, _BackToTheirs("phone.home"))
def delete_mine(workshop, participant, kind: str, item_id: int, form):
    own.delete_own(workshop, participant, kind, item_id)
    return _("Deleted.")


class _DotsOnThisVote(DotsForm):
    """Dots for a vote of this workshop: any other vote is as wrong as a bad form."""

    def __init__(self, vote: Vote | None):
        super().__init__()
        self.vote = vote

    def validate(self, extra_validators=None) -> bool:
        return self.vote is not None and super().validate(extra_validators)


def _dots_form(workshop, vote_id: int, **_values) -> _DotsOnThisVote:
    vote = db.session.get(Vote, vote_id)
    return _DotsOnThisVote(vote if vote is not None and vote.workshop_id == workshop.id else None)


class _BackToVote(BackTo):
    def invalid(self, write):
        flash(_("That vote is not open."), "error")
        return redirect(url_for("phone.home", code=write.workshop.code))


@bp.post("/<code>/votes/<int:vote_id>")
@access.phone
@write_view(_dots_form, _BackToVote("phone.home", "#vote"))
def dots(workshop, participant, vote_id: int, form):
    votes.set_dots(workshop, form.vote, participant, form.option_id.data, form.dots.data)
