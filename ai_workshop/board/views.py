"""The facilitator's theme board: suggest, then shape the positive core by hand."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest

from ai_workshop.board import core_words, proposals, services, summaries
from ai_workshop.board.forms import (
    ApplySuggestionForm,
    MergeForm,
    MoveForm,
    NameForm,
    SecondaryForm,
    SplitForm,
    SuggestForm,
    ToggleForm,
    WordsForm,
)
from ai_workshop.board.queries import board
from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.web import access
from ai_workshop.web.answers import ToastOrBackTo
from ai_workshop.web.responses import from_script
from ai_workshop.web.write_views import write_view

bp = Blueprint("board", __name__, url_prefix="/board")


def _form_error(form) -> str:
    return next((str(errors[0]) for errors in form.errors.values() if errors), _("Check the form."))


class _ToBoard(ToastOrBackTo):
    """The board's script shows a refusal, a bad form's included, as a message."""

    def invalid(self, write):
        return self.failed(write, ValidationFailed(_form_error(write.form)))

    def error_code(self, error) -> str:
        return "invalid"

    def done(self, write, outcome):
        if isinstance(outcome, _ToPreview):  # the board has themes: show what would change
            if from_script():
                return {"redirect": outcome.url}
            return redirect(outcome.url)
        return super().done(write, outcome)


class _ToPreview:
    def __init__(self, url: str):
        self.url = url


class _Applied(_ToBoard):
    """Apply answers a plain form with the board page itself when it cannot apply: a bad
    form is a 400, a preview the board no longer matches a 409 with the new preview."""

    def invalid(self, write):
        return self.failed(write, _BadApply(_form_error(write.form)))

    def failed(self, write, error):
        if from_script():
            return super().failed(write, error)
        preview = getattr(error, "proposal", None)
        if preview is not None and (preview.refused or not preview.changed):
            preview = None
        return _page(write.workshop, error.status, notice=error.message, preview=preview)


class _BadApply(ValidationFailed):
    status = 400
    code = "bad_request"


TO_BOARD = _ToBoard("board.show")
APPLIED = _Applied("board.show")


def _context(workshop) -> dict:
    shown = board(workshop)
    words, core = core_words.positive_core_words(workshop, [card.theme for card in shown["cards"]])
    return {
        "workshop": workshop,
        **shown,
        "words": words,
        "core_words": core,
        "suggest_form": SuggestForm(),
    }


def _page(workshop, status: int = 200, *, notice: str | None = None, preview=None):
    context = _context(workshop)
    return render_template(
        "board/show.html",
        **context,
        notice=notice,
        preview=preview,
        preview_summary=proposals.summary(preview) if preview else "",
    ), status


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
@write_view(SuggestForm, TO_BOARD)
def suggest(workshop, form):
    """An empty board takes the suggestion at once; a board with themes previews it first."""
    if services.themes_of(workshop):
        return _ToPreview(url_for("board.preview", code=workshop.code, k=form.k.data))
    return proposals.suggest(workshop, k=form.k.data)


@bp.get("/<code>/suggest")
@access.runs_workshop
def preview(workshop):
    """What suggesting again would change, with Apply and Cancel; the board is not touched."""
    form = SuggestForm(request.args, meta={"csrf": False})
    if not form.validate():
        return _page(workshop, 400, notice=_form_error(form))
    proposal = proposals.propose(workshop, k=form.k.data)
    db.session.commit()  # only story vectors the engine had to compute, kept for Apply
    if proposal.refused:
        flash(proposal.message, "error")
        return redirect(url_for("board.show", code=workshop.code))
    if not proposal.changed:
        flash(_("The suggestion matches the board: nothing would change."), "success")
        return redirect(url_for("board.show", code=workshop.code))
    return _page(workshop, preview=proposal)


@bp.post("/<code>/suggest/apply")
@access.runs_workshop
@write_view(ApplySuggestionForm, APPLIED)
def apply_suggestion(workshop, form):
    return proposals.apply_previewed(
        workshop, form.k.data, form.fingerprint.data, form.engine.data or None
    )


@bp.post("/<code>/stories/<int:story_id>/move")
@access.runs_workshop
@write_view(MoveForm, TO_BOARD)
def move(workshop, form, story_id):
    services.move_story(workshop, services.story_of(workshop, story_id), form.target.data)


@bp.post("/<code>/stories/<int:story_id>/secondary")
@access.runs_workshop
@write_view(SecondaryForm, TO_BOARD)
def secondary(workshop, form, story_id):
    theme = (form.theme.data or "").strip()  # Optional() lets white space through
    theme_id = int(theme) if theme else None
    services.set_secondary(workshop, services.story_of(workshop, story_id), theme_id)


@bp.post("/<code>/themes")
@access.runs_workshop
@write_view(NameForm, TO_BOARD)
def create(workshop, form):
    services.create_theme(workshop, form.name.data)


@bp.post("/<code>/themes/<int:theme_id>/rename")
@access.runs_workshop
@write_view(NameForm, TO_BOARD)
def rename(workshop, form, theme_id):
    services.rename_theme(workshop, services.theme_of(workshop, theme_id), form.name.data)


@bp.post("/<code>/themes/<int:theme_id>/pin")
@access.runs_workshop
@write_view(ToggleForm, TO_BOARD)
def pin(workshop, form, theme_id):
    services.set_pinned(workshop, services.theme_of(workshop, theme_id), form.value.data == "1")


@bp.post("/<code>/themes/<int:theme_id>/delete")
@access.runs_workshop
@write_view(ToggleForm, TO_BOARD)
def delete(workshop, form, theme_id):
    services.delete_theme(workshop, services.theme_of(workshop, theme_id))


@bp.post("/<code>/themes/<int:theme_id>/merge")
@access.runs_workshop
@write_view(MergeForm, TO_BOARD)
def merge(workshop, form, theme_id):
    source = services.theme_of(workshop, theme_id)
    services.merge_themes(workshop, source, services.theme_of(workshop, form.into.data))


@bp.post("/<code>/split")
@access.runs_workshop
@write_view(SplitForm, TO_BOARD)
def split(workshop, form):
    stories = [services.story_of(workshop, story_id) for story_id in form.story_ids.data or []]
    services.split_theme(workshop, stories, form.name.data)


@bp.post("/<code>/themes/<int:theme_id>/summary")
@access.runs_workshop
@write_view(WordsForm, TO_BOARD)
def summary(workshop, form, theme_id):
    theme = services.theme_of(workshop, theme_id)
    summaries.edit_theme_summary(workshop, theme, form.text.data)
    return _("Saved the words for “%(name)s”.", name=theme.name)


@bp.post("/<code>/themes/<int:theme_id>/summary/suggested")
@access.runs_workshop
@write_view(ToggleForm, TO_BOARD)
def summary_suggested(workshop, form, theme_id):
    summaries.reset_theme_summary(workshop, services.theme_of(workshop, theme_id))


@bp.post("/<code>/core-summary")
@access.runs_workshop
@write_view(WordsForm, TO_BOARD)
def core_summary(workshop, form):
    summaries.edit_core_summary(workshop, form.text.data)
    return _("Saved the words for the positive core.")


@bp.post("/<code>/core-summary/suggested")
@access.runs_workshop
@write_view(ToggleForm, TO_BOARD)
def core_summary_suggested(workshop, form):
    summaries.reset_core_summary(workshop)


@bp.post("/<code>/undo")
@access.runs_workshop
@write_view(ToggleForm, TO_BOARD)
def undo(workshop, form):
    label = services.undo(workshop)
    if label is None:
        raise ValidationFailed(_("Nothing to undo."))
    return _("Undone: %(label)s", label=label)


@bp.post("/<code>/projector")
@access.runs_workshop
@write_view(ToggleForm, TO_BOARD)
def projector(workshop, form):
    services.show_on_projector(workshop, form.value.data == "1")


@bp.errorhandler(ValueError)
def bad_value(_error):
    # Answered through the app's own 400 page: an abort() raised here would be a 500.
    return current_app.handle_http_exception(BadRequest())
