"""API endpoints for a summit's self-chosen teams in Design and Destiny: the teams (themes
carried forward) with their members' count, and joining one."""

from flask import jsonify
from flask_babel import gettext as _

from ai_workshop.api.limits import limit_writes
from ai_workshop.api.payloads import json_object
from ai_workshop.api.views import bp
from ai_workshop.db.engine import reads_first, start_writing
from ai_workshop.extensions import db
from ai_workshop.participants.teams import join_team, teams, teams_on
from ai_workshop.web import access
from ai_workshop.web.json_errors import ApiError


def teams_json(workshop, participant) -> dict:
    listed = teams(workshop) if workshop.table_count else []
    return {
        "open": teams_on(workshop),
        "mine": next(
            (team.theme.id for team in listed if team.theme.id == participant.team_theme_id), None
        ),
        "teams": [
            {"theme_id": team.theme.id, "name": team.theme.name, "members": team.members}
            for team in listed
        ],
    }


@bp.get("/workshops/<code>/team")
@access.api_participant
def my_team(workshop, participant):
    return jsonify(teams_json(workshop, participant))


@bp.put("/workshops/<code>/team")
@reads_first
@access.api_participant
def choose_team(workshop, participant):
    limit_writes(participant)
    theme_id = json_object().get("theme_id")
    if isinstance(theme_id, bool) or not isinstance(theme_id, int):
        message = _("Choose a team.")
        raise ApiError(422, "validation_failed", message, {"theme_id": [message]})
    start_writing()
    join_team(workshop, participant, theme_id)
    db.session.commit()
    return jsonify(teams_json(workshop, participant))
