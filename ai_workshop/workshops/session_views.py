"""The facilitator's controls for Dream, Design and Destiny: votes, choices, moderation."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectMultipleField, TextAreaField
from wtforms.validators import DataRequired, NumberRange

from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.contributions.forms import ActionEditForm, OpenVoteForm
from ai_workshop.db.ids import ID_MAX, parse_id
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.models import Action, Dream, Proposition, Vote
from ai_workshop.text import clean_text
from ai_workshop.web import access
from ai_workshop.web.forms import AppForm, at_most
from ai_workshop.web.responses import from_script
from ai_workshop.workshops.trace import action_chain
from ai_workshop.workshops.views import bp


class ToggleForm(AppForm):
    value = HiddenField(validators=[DataRequired(), at_most(20)])


class ChooseThemesForm(AppForm):
    theme_ids = SelectMultipleField(
        coerce=parse_id,
        validate_choice=False,
        invalid_value_message=_l("Choose themes from the list."),
    )


class TextForm(AppForm):
    text = TextAreaField(filters=[clean_text], validators=[DataRequired(), at_most(400)])


class MergeForm(AppForm):
    into = IntegerField(validators=[DataRequired(), NumberRange(1, ID_MAX)])


def _answer(workshop, error: DomainError | None = None):
    """204 for the console's script, a redirect with a message for a plain form."""
    if error is not None:
        db.session.rollback()
        if from_script():
            return {"error": {"code": error.code, "message": error.message}}, error.status
        flash(error.message, "error")
    else:
        db.session.commit()
        if from_script():
            return "", 204
    return redirect(url_for("workshops.console", code=workshop.code))


def _run(workshop, action):
    try:
        action()
    except DomainError as error:
        return _answer(workshop, error)
    return _answer(workshop)


def _owned(model, workshop, item_id: int):
    item = db.session.get(model, item_id)
    if item is None or item.workshop_id != workshop.id:
        abort(404)
    return item


@bp.post("/<code>/votes")
@access.runs_workshop
def open_vote(workshop):
    form = OpenVoteForm()
    if not form.validate_on_submit():
        abort(400, _("Check the vote settings: 1 to 20 dots."))
    return _run(
        workshop,
        lambda: votes.open_vote(
            workshop,
            form.target.data,
            form.dots.data,
            form.cap.data,
            hidden=form.hidden.data == "1",
        ),
    )


@bp.post("/<code>/votes/<int:vote_id>/close")
@access.runs_workshop
def close_vote(workshop, vote_id: int):
    return _run(workshop, lambda: votes.close_vote(workshop, _owned(Vote, workshop, vote_id)))


@bp.post("/<code>/votes/<int:vote_id>/reveal")
@access.runs_workshop
def reveal_vote(workshop, vote_id: int):
    form = ToggleForm()
    if not form.validate_on_submit():
        abort(400)
    vote = _owned(Vote, workshop, vote_id)
    return _run(workshop, lambda: votes.reveal(workshop, vote, form.value.data == "1"))


@bp.post("/<code>/design-themes")
@access.runs_workshop
def choose_design_themes(workshop):
    form = ChooseThemesForm()
    if not form.validate_on_submit():
        abort(400)
    return _run(workshop, lambda: dreams.choose_themes(workshop, form.theme_ids.data or []))


def _hide_or_show(workshop, model, item_id: int, apply):
    """Shared shape of the hide/show buttons: `apply(workshop, item, hidden)`."""
    form = ToggleForm()
    if not form.validate_on_submit() or form.value.data not in ("hide", "show"):
        abort(400)
    item = _owned(model, workshop, item_id)
    return _run(workshop, lambda: apply(workshop, item, form.value.data == "hide"))


@bp.post("/<code>/dreams/<int:dream_id>/moderate")
@access.runs_workshop
def moderate_dream(workshop, dream_id: int):
    return _hide_or_show(workshop, Dream, dream_id, dreams.set_dream_hidden)


@bp.post("/<code>/propositions/<int:proposition_id>/moderate")
@access.runs_workshop
def moderate_proposition(workshop, proposition_id: int):
    return _hide_or_show(workshop, Proposition, proposition_id, design.set_proposition_hidden)


@bp.post("/<code>/propositions/<int:proposition_id>/edit")
@access.runs_workshop
def edit_proposition(workshop, proposition_id: int):
    form = TextForm()
    if not form.validate_on_submit():
        abort(400, _("A proposition needs text, at most 400 characters."))
    item = _owned(Proposition, workshop, proposition_id)
    return _run(workshop, lambda: design.edit_proposition(workshop, item, form.text.data))


@bp.post("/<code>/propositions/<int:proposition_id>/merge")
@access.runs_workshop
def merge_proposition(workshop, proposition_id: int):
    form = MergeForm()
    if not form.validate_on_submit():
        abort(400)
    source = _owned(Proposition, workshop, proposition_id)
    target = _owned(Proposition, workshop, form.into.data)
    return _run(workshop, lambda: design.merge_propositions(workshop, source, target))


@bp.post("/<code>/actions/<int:action_id>/moderate")
@access.runs_workshop
def moderate_action(workshop, action_id: int):
    return _hide_or_show(workshop, Action, action_id, destiny.set_action_hidden)


def _action_choices(workshop, form) -> None:
    form.proposition_id.choices = [("", _("None"))] + [
        (p.id, p.text[:90]) for p in design.propositions_of(workshop, visible_only=True)
    ]
    form.theme_id.choices = [("", _("None"))] + [
        (t.id, t.name) for t in dreams.chosen_themes(workshop)
    ]


@bp.route("/<code>/actions/<int:action_id>", methods=["GET", "POST"])
@access.runs_workshop
def action_detail(workshop, action_id: int):
    """Edit every field of an action, and see the chain back to the stories it grew from."""
    action = destiny.action_of(workshop, action_id)
    form = ActionEditForm(obj=action if request.method == "GET" else None)
    _action_choices(workshop, form)
    status = 200
    if form.validate_on_submit():
        fields = form.fields()
        fields.pop("client_id", None)
        try:
            destiny.update_action(workshop, action, fields)
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
            status = error.status
        else:
            db.session.commit()
            flash(_("Action saved."), "success")
            return redirect(
                url_for("workshops.action_detail", code=workshop.code, action_id=action.id)
            )
    status = 422 if form.errors else status
    return render_template(
        "workshops/action.html",
        workshop=workshop,
        action=action,
        form=form,
        chain=action_chain(action),
    ), status
