"""The JSON API under /api/v1, used by the phone pages and by scripts."""

import json

from flask import Blueprint, current_app, jsonify, request, url_for
from flask_babel import gettext as _

from ai_workshop.api.limits import limit_joins, limit_writes
from ai_workshop.api.openapi import openapi_document
from ai_workshop.api.payloads import json_object, mix_group_of, story_fields, table_number_of
from ai_workshop.api.serializers import (
    personal_data_warnings,
    stage_etag,
    story_own,
    with_current_clock,
    workshop_public,
    workshop_state,
)
from ai_workshop.db.engine import reads_first, start_writing
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.live import stage_cache
from ai_workshop.live.stage import Stage
from ai_workshop.models.joincode import normalise_code
from ai_workshop.participants.services import DISPLAY_NAME_MAX, clean_display_name, join, seat
from ai_workshop.participants.tables import mixed_table
from ai_workshop.stories.services import (
    delete_own_story,
    own_stories,
    own_story,
    submit_story,
    update_own_story,
)
from ai_workshop.text import clean_line
from ai_workshop.web import access
from ai_workshop.web.code_guesses import workshop_for_code
from ai_workshop.web.json_errors import ApiError, domain_error_response

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(DomainError)
def handle_domain_error(error: DomainError):
    db.session.rollback()
    response, status = domain_error_response(error)
    if getattr(error, "retry_after", None):
        response.headers["Retry-After"] = str(error.retry_after)
    return response, status


@bp.get("/openapi.json")
@access.public
def openapi():
    return jsonify(openapi_document())


@bp.post("/join")
@reads_first
@access.public
def join_workshop():
    limit_joins()
    payload = json_object()
    code, name, group = payload.get("code"), payload.get("display_name"), payload.get("group")
    if not isinstance(code, str) or (name is not None and not isinstance(name, str)):
        raise ApiError(
            422,
            "validation_failed",
            _("Send the join code as text."),
            {"code": [_("Must be text.")]},
        )
    if name is not None and len(clean_line(name)) > DISPLAY_NAME_MAX:
        raise ApiError(
            422,
            "validation_failed",
            _("That name is too long."),
            {"display_name": [_("Keep your name under %(max)d characters.", max=DISPLAY_NAME_MAX)]},
        )
    workshop = workshop_for_code(code)
    table = payload.get("table")
    if table is not None:
        table = table_number_of(workshop, table, "table")
    group = mix_group_of(workshop, group)
    start_writing()
    participant, token = join(workshop, clean_display_name(name), group)
    # A table's card seats at that table; max-mix seats one who joined by the room's code.
    table = table if table is not None else mixed_table(workshop, group)
    if table is not None:
        seat(participant, workshop, table)
    db.session.commit()
    body = {
        "participant_token": token,
        "participant_id": participant.id,
        "display_name": participant.display_name,
        "table": participant.table_number,
        "workshop": workshop_public(workshop),
    }
    return jsonify(body), 201


@bp.get("/workshops/<code>")
@access.public
def workshop_detail(code: str):
    return jsonify(workshop_public(workshop_for_code(code)))


@bp.get("/workshops/<code>/state")
@access.public
def state(code: str):
    """Cheap to poll: the ETag names the room's stage, and an unchanged poll is a 304.

    Stories and votes do not change the stage, so under a room's load phones keep getting
    304s, most of them from the stage cache without a database read.
    """
    stage = stage_cache().get_or_load(normalise_code(code), load_stage)
    if stage.etag in request.if_none_match:
        return _not_modified(stage.etag)
    response = current_app.response_class(state_json(stage), mimetype="application/json")
    response.set_etag(stage.etag)
    response.headers["Cache-Control"] = "no-cache"
    return response


def state_json(stage: Stage) -> bytes:
    """The body phones receive: the remembered state with the clock brought up to now."""
    return json.dumps(with_current_clock(stage.body), separators=(",", ":")).encode()


def load_stage(code: str) -> Stage:
    """Read the room's stage from the database into the stage cache."""
    workshop = workshop_for_code(code)
    body = workshop_state(workshop)
    screen = stage_etag({**body, "content": ""})
    return stage_cache().remember(workshop.code, stage_etag(body), body, screen)


def _not_modified(etag: str):
    response = current_app.response_class(status=304)
    response.set_etag(etag)
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/workshops/<code>/stories")
@access.api_participant
def list_own_stories(workshop, participant):
    return jsonify({"stories": [story_own(story) for story in own_stories(participant)]})


@bp.post("/workshops/<code>/stories")
@reads_first
@access.api_participant
def create_story(workshop, participant):
    limit_writes(participant)
    fields = story_fields(workshop, json_object())
    start_writing()
    story_id, created = submit_story(workshop, participant, fields)
    db.session.commit()
    body = {
        "id": story_id,
        "client_id": fields["client_id"],
        "created": created,
        "personal_data": personal_data_warnings(fields),
    }
    response = jsonify(body)
    response.status_code = 201 if created else 200
    if created:
        response.headers["Location"] = url_for(
            "api.story_detail", code=workshop.code, story_id=story_id
        )
    return response


@bp.get("/workshops/<code>/stories/<int:story_id>")
@access.api_participant
def story_detail(workshop, participant, story_id: int):
    return jsonify(story_own(own_story(participant, story_id)))


@bp.patch("/workshops/<code>/stories/<int:story_id>")
@access.api_participant
def update_story(workshop, participant, story_id: int):
    limit_writes(participant)
    story = own_story(participant, story_id)
    fields = story_fields(workshop, json_object(), current=story)
    update_own_story(participant, story, fields)
    db.session.commit()
    return jsonify(story_own(story))


@bp.delete("/workshops/<code>/stories/<int:story_id>")
@access.api_participant
def remove_story(workshop, participant, story_id: int):
    limit_writes(participant)
    delete_own_story(participant, own_story(participant, story_id))
    db.session.commit()
    return "", 204
