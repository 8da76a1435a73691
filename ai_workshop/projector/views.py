"""The projector: one big, live screen per phase, read from the back of the room."""

from flask import Blueprint, render_template
from flask_login import login_required

from ..board.queries import theme_summaries
from ..clock import utcnow
from ..netinfo import public_base_url
from ..stories.queries import strengths_cloud, ticker_stories
from ..workshops.access import workshop_to_run
from ..workshops.services import participant_count, story_count
from .screens import phase_screen

bp = Blueprint("projector", __name__, url_prefix="/projector")


@bp.before_request
@login_required
def require_login():
    """The projector runs on the facilitator's laptop."""


def _panel_context(workshop) -> dict:
    context = {
        "workshop": workshop,
        "joined": participant_count(workshop),
        "join_base": public_base_url(),
        "timer": workshop.timer_snapshot(utcnow()),
    }
    if workshop.phase == "discover" and workshop.themes_shown:
        context.update(cards=theme_summaries(workshop), story_total=story_count(workshop))
    elif workshop.phase == "discover":
        context.update(
            story_total=story_count(workshop),
            ticker=ticker_stories(workshop),
            cloud=strengths_cloud(workshop),
        )
    else:
        context.update(phase_screen(workshop))
    return context


@bp.get("/<code>")
def show(code: str):
    workshop = workshop_to_run(code)
    return render_template("projector/show.html", **_panel_context(workshop))


@bp.get("/<code>/panel")
def panel(code: str):
    workshop = workshop_to_run(code)
    return render_template("projector/_panel.html", **_panel_context(workshop))
