"""The facilitator's controls for Dream, Design and Destiny: votes, choices, moderation."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectMultipleField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, NumberRange

from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.contributions.forms import ActionEditForm, OpenVoteForm
from ai_workshop.db.ids import ID_MAX, parse_id
from ai_workshop.extensions import db
from ai_workshop.models import Action, Dream, Proposition, Vote
from ai_workshop.text import clean_text
from ai_workshop.web import access
from ai_workshop.web.answers import FormPage
from ai_workshop.web.forms import AppForm, at_most
from ai_workshop.web.write_views import finds, write_view
from ai_workshop.workshops.trace import action_chain
from ai_workshop.workshops.views import TO_CONSOLE, bp, to_console


class ToggleForm(AppForm):
    value = HiddenField(validators=[DataRequired(), at_most(20)])


class HideOrShowForm(AppForm):
    value = HiddenField(validators=[DataRequired(), at_most(20), AnyOf(("hide", "show"))])


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


def _owned(model, workshop, item_id: int):
    item = db.session.get(model, item_id)
    if item is None or item.workshop_id != workshop.id:
        abort(404)
    return item


@bp.post("/<code>/votes")
@access.runs_workshop
@write_view(
    OpenVoteForm,
    to_console(_l("Check the vote settings: 1 to 20 dots.")),
)
def open_vote(workshop, form):
    votes.open_vote(
        workshop, form.target.data, form.dots.data, form.cap.data, hidden=form.hidden.data == "1"
    )


@bp.post("/<code>/votes/<int:vote_id>/close")
@access.runs_workshop
@write_view(None, TO_CONSOLE)
def close_vote(workshop, vote_id: int):
    votes.close_vote(workshop, _owned(Vote, workshop, vote_id))


@bp.post("/<code>/votes/<int:vote_id>/reveal")
@access.runs_workshop
@write_view(ToggleForm, TO_CONSOLE)
def reveal_vote(workshop, vote_id: int, form):
    votes.reveal(workshop, _owned(Vote, workshop, vote_id), form.value.data == "1")


@bp.post("/<code>/design-themes")
@access.runs_workshop
@write_view(ChooseThemesForm, TO_CONSOLE)
def choose_design_themes(workshop, form):
    dreams.choose_themes(workshop, form.theme_ids.data or [])


@bp.post("/<code>/dreams/<int:dream_id>/moderate")
@access.runs_workshop
@write_view(HideOrShowForm, TO_CONSOLE)
def moderate_dream(workshop, dream_id: int, form):
    dreams.set_dream_hidden(workshop, _owned(Dream, workshop, dream_id), form.value.data == "hide")


@bp.post("/<code>/propositions/<int:proposition_id>/moderate")
@access.runs_workshop
@write_view(HideOrShowForm, TO_CONSOLE)
def moderate_proposition(workshop, proposition_id: int, form):
    proposition = _owned(Proposition, workshop, proposition_id)
    design.set_proposition_hidden(workshop, proposition, form.value.data == "hide")


@bp.post("/<code>/propositions/<int:proposition_id>/edit")
@access.runs_workshop
@write_view(
    TextForm,
    to_console(_l("A proposition needs text, at most 400 characters.")),
)
def edit_proposition(workshop, proposition_id: int, form):
    design.edit_proposition(workshop, _owned(Proposition, workshop, proposition_id), form.text.data)


@bp.post("/<code>/propositions/<int:proposition_id>/merge")
@access.runs_workshop
@write_view(MergeForm, TO_CONSOLE)
def merge_proposition(workshop, proposition_id: int, form):
    source = _owned(Proposition, workshop, proposition_id)
    design.merge_propositions(workshop, source, _owned(Proposition, workshop, form.into.data))


@bp.post("/<code>/actions/<int:action_id>/moderate")
@access.runs_workshop
@write_view(HideOrShowForm, TO_CONSOLE)
def moderate_action(workshop, action_id: int, form):
    destiny.set_action_hidden(
        workshop, _owned(Action, workshop, action_id), form.value.data == "hide"
    )


def _action_form(workshop, action) -> ActionEditForm:
    form = ActionEditForm(obj=action if request.method == "GET" else None)
    form.proposition_id.choices = [("", _("None"))] + [
        (p.id, p.text[:90]) for p in design.propositions_of(workshop, visible_only=True)
    ]
    form.theme_id.choices = [("", _("None"))] + [
        (t.id, t.name) for t in dreams.chosen_themes(workshop)
    ]
    return form


def _action_page(write, status: int):
    action = write.values["action"]
    return render_template(
        "workshops/action.html",
        workshop=write.workshop,
        action=action,
        form=write.form,
        chain=action_chain(action),
    ), status


@bp.route("/<code>/actions/<int:action_id>", methods=["GET", "POST"])
@access.runs_workshop
@finds(action=destiny.action_of)
@write_view(_action_form, FormPage(_action_page))
def action_detail(workshop, action, form):
    """Edit every field of an action, and see the chain back to the stories it grew from."""
    fields = form.fields()
    fields.pop("client_id", None)
    destiny.update_action(workshop, action, fields)
    return (
        _("Action saved."),
        url_for("workshops.action_detail", code=workshop.code, action_id=action.id),
    )
