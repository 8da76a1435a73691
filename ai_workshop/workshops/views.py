"""The facilitator's side: workshop list, creation, settings, the console and its controls."""

from flask import (
    Blueprint,
    abort,
    flash,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.participants.table_overview import behind, table_tiles
from ai_workshop.phases import PHASES
from ai_workshop.phases.registry import phase_of
from ai_workshop.plan.views import pdf_download
from ai_workshop.stories.masking import personal_data_labels
from ai_workshop.stories.queries import console_stories, parked_count
from ai_workshop.stories.services import correct_text, set_hidden, set_parked
from ai_workshop.web import access
from ai_workshop.web.answers import FormPage, ToastOrBackTo, page
from ai_workshop.web.language import in_workshop_language
from ai_workshop.web.netinfo import phones_can_reach_server, public_base_url
from ai_workshop.web.write_views import finds, write_view
from ai_workshop.workshops.forms import (
    CorrectStoryForm,
    ModerateForm,
    NewWorkshopForm,
    PhaseForm,
    SettingsForm,
    TimerForm,
)
from ai_workshop.workshops.services import (
    control_timer,
    create_workshop,
    participant_count,
    set_phase,
    story_count,
    update_settings,
    workshops_of,
)
from ai_workshop.workshops.sharing import shared_with
from ai_workshop.workshops.table_cards import CARD_SIZES, table_cards_html
from ai_workshop.workshops.template_library import TEMPLATES

bp = Blueprint("workshops", __name__, url_prefix="/workshops")


@bp.get("/")
@access.signed_in
def index():
    return render_template(
        "workshops/index.html",
        workshops=workshops_of(current_user),
        shared=shared_with(current_user),
        form=NewWorkshopForm(),
    )


@bp.route("/new", methods=["GET", "POST"])
@access.signed_in
@write_view(NewWorkshopForm, FormPage(page("workshops/new.html", templates=TEMPLATES)))
def new(form):
    workshop = create_workshop(
        current_user, form.template.data, language=form.language.data, name=form.name.data
    )
    return (
        _("Workshop created. Check the topic and questions, then open the console."),
        url_for("workshops.settings", code=workshop.code),
    )


def _settings_form(workshop) -> SettingsForm:
    form = SettingsForm()
    if request.method == "GET":
        form.fill_from(workshop)
    return form


@bp.route("/<code>/settings", methods=["GET", "POST"])
@access.runs_workshop
@write_view(_settings_form, FormPage(page("workshops/settings.html", "workshop")))
def settings(workshop, form):
    update_settings(workshop, form.settings())
    return _("Settings saved."), url_for("workshops.console", code=workshop.code)


def _console_context(workshop) -> dict:
    stories = console_stories(workshop)
    flagged = {story.id: labels for story in stories if (labels := personal_data_labels(story))}
    return {
        "workshop": workshop,
        "phases": PHASES,
        "stories": stories,
        "personal_data": flagged,
        "joined": participant_count(workshop),
        "story_total": story_count(workshop),
        "parked_total": parked_count(workshop),
        "moderate_form": ModerateForm(),
        **_tables_overview(workshop),
        **phase_of(workshop.phase).context("console", workshop),
    }


def _tables_overview(workshop) -> dict:
    if not workshop.table_count:
        return {"tables": [], "behind": set(), "unseated": 0}
    tiles, unseated = table_tiles(workshop)
    return {"tables": tiles, "behind": behind(tiles), "unseated": unseated}


@bp.get("/<code>/console")
@access.runs_workshop
def console(workshop):
    return render_template(
        "workshops/console.html",
        join_base=public_base_url(),
        reachable=phones_can_reach_server(),
        phase_form=PhaseForm(),
        timer_form=TimerForm(),
        **_console_context(workshop),
    )


@bp.get("/<code>/tables-<paper>.pdf")
@access.runs_workshop
@in_workshop_language
def table_cards(workshop, paper: str):
    """The round tables' cards to print, in the room's language, A4 or Letter."""
    if not workshop.table_count:
        abort(404, _("This workshop has no tables: set how many in its settings."))
    if paper not in CARD_SIZES:
        abort(400, _("Choose A4 or Letter."))
    return pdf_download(
        table_cards_html(workshop, paper), f"table-cards-{workshop.code}-{paper}.pdf"
    )


@bp.get("/<code>/console/panel")
@access.runs_workshop
def console_panel(workshop):
    """The live part of the console, refetched whenever the workshop changes."""
    return render_template("workshops/_console_panel.html", **_console_context(workshop))


def to_console(refusal=None) -> ToastOrBackTo:
    """The answer of the console's controls, posted by its script in the background or as
    plain forms; `refusal` is the message of the 400 for a form that does not validate."""
    return ToastOrBackTo("workshops.console", refusal=refusal)


TO_CONSOLE = to_console()


@bp.post("/<code>/phase")
@access.runs_workshop
@write_view(PhaseForm, to_console(_l("Choose one of the phases.")))
def change_phase(workshop, form):
    set_phase(workshop, form.phase.data)


@bp.post("/<code>/timer")
@access.runs_workshop
@write_view(
    TimerForm,
    to_console(_l("The timer needs a number of minutes between 1 and 240.")),
)
def timer(workshop, form):
    control_timer(workshop, form.action.data, (form.minutes.data or 1) * 60)


def story_of(workshop, story_id: int) -> Story:
    story = db.session.get(Story, story_id)
    if story is None or story.workshop_id != workshop.id:
        abort(404, _("That story does not exist."))
    return story


@bp.post("/<code>/stories/<int:story_id>/moderate")
@access.runs_workshop
@finds(story=story_of)
@write_view(ModerateForm, to_console(_l("Unknown moderation action.")))
def moderate(workshop, story, form):
    action = form.action.data
    if action in ("hide", "show"):
        set_hidden(story, action == "hide")
    else:
        set_parked(story, action == "park")


def _correction_form(workshop, story) -> CorrectStoryForm:
    form = CorrectStoryForm()
    if request.method == "GET":
        form.fill_from(story)
    return form


class _Corrected(FormPage):
    """The correction is a page of its own; once saved, back to the console as its controls
    go back (the message waits for the console's next page)."""

    def done(self, write, message: str):
        flash(message, "success")
        return TO_CONSOLE.done(write, None)


@bp.route("/<code>/stories/<int:story_id>/edit", methods=["GET", "POST"])
@access.runs_workshop
@finds(story=story_of)
@write_view(_correction_form, _Corrected(page("workshops/correct.html", "workshop", "story")))
def correct(workshop, story, form):
    correct_text(story, form.corrections())
    return _("Story corrected.")
