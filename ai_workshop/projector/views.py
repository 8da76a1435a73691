"""The projector: one big, live screen per phase, read from the back of the room."""

from flask import Blueprint, render_template

from ai_workshop.clock import utcnow
from ai_workshop.participants.table_overview import spotlight_of
from ai_workshop.phases.registry import phase_of
from ai_workshop.web import access
from ai_workshop.web.language import in_workshop_language
from ai_workshop.web.netinfo import public_base_url
from ai_workshop.workshops.services import participant_count

bp = Blueprint("projector", __name__, url_prefix="/projector")


def _panel_context(workshop) -> dict:
    return {
        "workshop": workshop,
        "joined": participant_count(workshop),
        "join_base": public_base_url(),
        "timer": workshop.timer_snapshot(utcnow()),
        "spotlight": spotlight_of(workshop),
        **phase_of(workshop.phase).context("projector", workshop),
    }


@bp.get("/<code>")
@access.runs_workshop
@in_workshop_language
def show(workshop):
    return render_template("projector/show.html", **_panel_context(workshop))


@bp.get("/<code>/panel")
@access.runs_workshop
@in_workshop_language
def panel(workshop):
    return render_template("projector/_panel.html", **_panel_context(workshop))
