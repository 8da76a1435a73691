"""The facilitator's theme board: suggest, then shape the positive core by hand."""

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest

from ai_workshop.board import services
from ai_workshop.board.forms import (
    MergeForm,
    MoveForm,
    NameForm,
    SecondaryForm,
    SplitForm,
    SuggestForm,
    ToggleForm,
)
from ai_workshop.board.queries import board
from ai_workshop.domain_errors import DomainError, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.web import access
from ai_workshop.web.responses import from_script

bp = Blueprint("board", __name__, url_prefix="/board")


def _done(workshop, message: str | None = None):
    if from_script():
        return jsonify({"message": message}) if message else ("", 204)
    if message:
        flash(message, "success")
    return redirect(url_for("board.show", code=workshop.code))


def _failed(workshop, message: str, status: int):
    db.session.rollback()
    if from_script():
        return jsonify({"error": {"code": "invalid", "message": message}}), status
    flash(message, "error")
    return redirect(url_for("board.show", code=workshop.code))


def _form_error(form) -> str:
    return next((str(errors[0]) for errors in form.errors.values() if errors), _("Check the form."))


def board_action(form_class):
    """Shared shape of every board change: validate, act, commit once, answer."""

    def decorate(action):
        def view(workshop, **ids):
            form = form_class()
            if not form.validate_on_submit():
                return _failed(workshop, _form_error(form), 422)
            try:
                message = action(workshop, form, **ids)
            except DomainError as error:
                return _failed(workshop, error.message, error.status)
            db.session.commit()
            return _done(workshop, message)

        view.__name__ = action.__name__
        return view

    return decorate


def _context(workshop) -> dict:
    return {"workshop": workshop, **board(workshop), "suggest_form": SuggestForm()}


@bp.get("/<code>")
@access.runs_workshop
def show(workshop):
    return render_template("board/show.html", **_context(workshop))


@bp.get("/<code>/panel")
@access.runs_workshop
def panel(workshop):
    return render_template("board/_board.html", **_context(workshop))


@bp.post("/<code>/suggest")
@access.runs_workshop
@board_action(SuggestForm)
def suggest(workshop, form):
    return services.suggest(workshop, k=form.k.data)


@bp.post("/<code>/stories/<int:story_id>/move")
@access.runs_workshop
@board_action(MoveForm)
def move(workshop, form, story_id):
    services.move_story(workshop, services.story_of(workshop, story_id), form.target.data)


@bp.post("/<code>/stories/<int:story_id>/secondary")
@access.runs_workshop
@board_action(SecondaryForm)
def secondary(workshop, form, story_id):
    theme = (form.theme.data or "").strip()  # Optional() lets white space through
    theme_id = int(theme) if theme else None
    services.set_secondary(workshop, services.story_of(workshop, story_id), theme_id)


@bp.post("/<code>/themes")
@access.runs_workshop
@board_action(NameForm)
def create(workshop, form):
    services.create_theme(workshop, form.name.data)


@bp.post("/<code>/themes/<int:theme_id>/rename")
@access.runs_workshop
@board_action(NameForm)
def rename(workshop, form, theme_id):
    services.rename_theme(workshop, services.theme_of(workshop, theme_id), form.name.data)


@bp.post("/<code>/themes/<int:theme_id>/pin")
@access.runs_workshop
@board_action(ToggleForm)
def pin(workshop, form, theme_id):
    services.set_pinned(workshop, services.theme_of(workshop, theme_id), form.value.data == "1")


@bp.post("/<code>/themes/<int:theme_id>/delete")
@access.runs_workshop
@board_action(ToggleForm)
def delete(workshop, form, theme_id):
    services.delete_theme(workshop, services.theme_of(workshop, theme_id))


@bp.post("/<code>/themes/<int:theme_id>/merge")
@access.runs_workshop
@board_action(MergeForm)
def merge(workshop, form, theme_id):
    source = services.theme_of(workshop, theme_id)
    services.merge_themes(workshop, source, services.theme_of(workshop, form.into.data))


@bp.post("/<code>/split")
@access.runs_workshop
@board_action(SplitForm)
def split(workshop, form):
    stories = [services.story_of(workshop, story_id) for story_id in form.story_ids.data or []]
    services.split_theme(workshop, stories, form.name.data)


@bp.post("/<code>/undo")
@access.runs_workshop
@board_action(ToggleForm)
def undo(workshop, form):
    label = services.undo(workshop)
    if label is None:
        raise ValidationFailed(_("Nothing to undo."))
    return _("Undone: %(label)s", label=label)


@bp.post("/<code>/projector")
@access.runs_workshop
@board_action(ToggleForm)
def projector(workshop, form):
    services.show_on_projector(workshop, form.value.data == "1")


@bp.errorhandler(ValueError)
def bad_value(_error):
    # Answered through the app's own 400 page: an abort() raised here would be a 500.
    return current_app.handle_http_exception(BadRequest())
