"""The facilitator's side: workshop list, creation, settings, the console and its controls."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.phases import PHASES
from ai_workshop.stories.masking import personal_data_labels
from ai_workshop.stories.queries import console_stories, parked_count
from ai_workshop.stories.services import correct_text, set_hidden, set_parked
from ai_workshop.web import access
from ai_workshop.web.netinfo import phones_can_reach_server, public_base_url
from ai_workshop.web.responses import from_script
from ai_workshop.workshops.console_data import phase_panel
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
def new():
    form = NewWorkshopForm()
    if form.validate_on_submit():
        workshop = create_workshop(current_user, form.template.data, name=form.name.data)
        db.session.commit()
        flash(
            _("Workshop created. Check the topic and questions, then open the console."), "success"
        )
        return redirect(url_for("workshops.settings", code=workshop.code))
    status = 422 if form.errors else 200
    return render_template("workshops/new.html", form=form, templates=TEMPLATES), status


@bp.route("/<code>/settings", methods=["GET", "POST"])
@access.runs_workshop
def settings(workshop):
    form = SettingsForm()
    if request.method == "GET":
        form.fill_from(workshop)
    elif form.validate_on_submit():
        update_settings(workshop, form.settings())
        db.session.commit()
        flash(_("Settings saved."), "success")
        return redirect(url_for("workshops.console", code=workshop.code))
    status = 422 if form.errors else 200
    return render_template("workshops/settings.html", workshop=workshop, form=form), status


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
        **phase_panel(workshop),
    }


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


@bp.get("/<code>/console/panel")
@access.runs_workshop
def console_panel(workshop):
    """The live part of the console, refetched whenever the workshop changes."""
    return render_template("workshops/_console_panel.html", **_console_context(workshop))


def _back_to_console(workshop):
    """Background posts from the console's script need no page; plain forms get one."""
    if from_script():
        return "", 204
    return redirect(url_for("workshops.console", code=workshop.code))


@bp.post("/<code>/phase")
@access.runs_workshop
def change_phase(workshop):
    form = PhaseForm()
    if not form.validate_on_submit():
        abort(400, _("Choose one of the phases."))
    set_phase(workshop, form.phase.data)
    db.session.commit()
    return _back_to_console(workshop)


@bp.post("/<code>/timer")
@access.runs_workshop
def timer(workshop):
    form = TimerForm()
    if not form.validate_on_submit():
        abort(400, _("The timer needs a number of minutes between 1 and 240."))
    control_timer(workshop, form.action.data, (form.minutes.data or 1) * 60)
    db.session.commit()
    return _back_to_console(workshop)


def story_of(workshop, story_id: int) -> Story:
    story = db.session.get(Story, story_id)
    if story is None or story.workshop_id != workshop.id:
        abort(404, _("That story does not exist."))
    return story


@bp.post("/<code>/stories/<int:story_id>/moderate")
@access.runs_workshop
def moderate(workshop, story_id: int):
    story = story_of(workshop, story_id)
    form = ModerateForm()
    if not form.validate_on_submit():
        abort(400, _("Unknown moderation action."))
    action = form.action.data
    if action in ("hide", "show"):
        set_hidden(story, action == "hide")
    else:
        set_parked(story, action == "park")
    db.session.commit()
    return _back_to_console(workshop)


@bp.route("/<code>/stories/<int:story_id>/edit", methods=["GET", "POST"])
@access.runs_workshop
def correct(workshop, story_id: int):
    story = story_of(workshop, story_id)
    form = CorrectStoryForm()
    if request.method == "GET":
        form.headline.data, form.story.data = story.headline, story.body
        form.made_possible.data, form.wish.data = story.made_possible, story.wish
    elif form.validate_on_submit():
        correct_text(
            story,
            {
                "headline": form.headline.data,
                "body": form.story.data,
                "made_possible": form.made_possible.data,
                "wish": form.wish.data,
            },
        )
        db.session.commit()
        flash(_("Story corrected."), "success")
        return _back_to_console(workshop)
    status = 422 if form.errors else 200
    return render_template(
        "workshops/correct.html", workshop=workshop, story=story, form=form
    ), status
