"""The projector: one big, live screen per phase, read from the back of the room."""

from flask import Blueprint, render_template

from ai_workshop.board.queries import theme_summaries
from ai_workshop.clock import utcnow
from ai_workshop.projector.screens import phase_screen
from ai_workshop.stories.queries import strengths_cloud, ticker_stories
from ai_workshop.web import access
from ai_workshop.web.netinfo import public_base_url
from ai_workshop.workshops.services import participant_count, story_count

bp = Blueprint("projector", __name__, url_prefix="/projector")


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
@access.runs_workshop
def show(workshop):
    return render_template("projector/show.html", **_panel_context(workshop))


@bp.get("/<code>/panel")
@access.runs_workshop
def panel(workshop):
    return render_template("projector/_panel.html", **_panel_context(workshop))
