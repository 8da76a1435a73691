"""API endpoints for a summit's round tables, as the phone's table page uses them: the
phone's table (its people, interview rounds, host and harvest), choosing a table, offering
to host and recording the harvest."""

from flask import jsonify
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ai_workshop.api.limits import limit_writes
from ai_workshop.api.payloads import json_object, table_number_of
from ai_workshop.api.views import bp
from ai_workshop.db.engine import reads_first, start_writing
from ai_workshop.extensions import db
from ai_workshop.models.round_table import HARVEST_CAUSES
from ai_workshop.participants import tables
from ai_workshop.participants.pairs import interview_of
from ai_workshop.participants.services import seat
from ai_workshop.phone.forms import HarvestForm
from ai_workshop.web import access
from ai_workshop.web.json_errors import ApiError


def _person(person) -> dict:
    return {"id": person.id, "display_name": person.display_name}


def harvest_json(table) -> dict | None:
    if table is None:
        return None
    return {
        "causes": table.causes or [],
        "best_quote": table.quote,
        "wish": table.wish,
        "dream": table.dream,
        "done": table.harvest_done,
    }


def table_json(workshop, participant) -> dict:
    number = participant.table_number
    if not workshop.has_table(number):
        return {"number": None, "tables": workshop.table_count}
    people = tables.people_at(workshop, number)
    interview = interview_of(participant, people)
    table = tables.round_table(workshop, number)
    host = tables.host_of(table)
    return {
        "number": number,
        "tables": workshop.table_count,
        "people": [_person(person) for person in people],
        "interview": {
            "group": [person.id for person in interview.group],
            "rounds": [
                {"interviewer": one.interviewer.id, "teller": one.teller.id}
                for one in interview.rounds
            ],
            "minutes_each": workshop.interview_minutes,
        },
        "host": _person(host) if host else None,
        "nudge": table.nudge if table else "",
        "harvest": harvest_json(table),
    }


@bp.get("/workshops/<code>/table")
@access.api_participant
def my_table(workshop, participant):
    return jsonify(table_json(workshop, participant))


@bp.put("/workshops/<code>/table")
@reads_first
@access.api_participant
def choose_table(workshop, participant):
    limit_writes(participant)
    number = table_number_of(workshop, json_object().get("number"))
    start_writing()
    seat(participant, workshop, number)
    db.session.commit()
    return jsonify(table_json(workshop, participant))


@bp.post("/workshops/<code>/table/host")
@reads_first
@access.api_participant
def host_table(workshop, participant):
    limit_writes(participant)
    start_writing()
    tables.offer_to_host(workshop, participant)
    db.session.commit()
    return jsonify(table_json(workshop, participant))


def _harvest_form(payload: dict) -> HarvestForm:
    """The phone's harvest form, filled from JSON: causes as a list of {text, strengths}."""
    causes = payload.get("causes", [])
    if not isinstance(causes, list) or len(causes) > HARVEST_CAUSES:
        message = _("Send at most %(n)d causes, each with its text.", n=HARVEST_CAUSES)
        raise ApiError(422, "validation_failed", message, {"causes": [message]})
    pairs = []
    for number, cause in enumerate(causes, start=1):
        if not isinstance(cause, dict) or not isinstance(cause.get("text", ""), str):
            message = _("Send at most %(n)d causes, each with its text.", n=HARVEST_CAUSES)
            raise ApiError(422, "validation_failed", message, {"causes": [message]})
        strengths = cause.get("strengths") or []
        if not isinstance(strengths, list) or not all(isinstance(s, str) for s in strengths):
            message = _("Must be a list of strength names.")
            raise ApiError(422, "validation_failed", message, {"causes": [message]})
        pairs += [
            (f"cause_{number}", cause.get("text", "")),
            (f"strengths_{number}", ", ".join(strengths)),
        ]
    texts = {key: payload.get(key) for key in ("best_quote", "wish", "dream")}
    wrong = {
        key: [_("Must be text.")]
        for key, value in texts.items()
        if value is not None and not isinstance(value, str)
    }
    if wrong:
        raise ApiError(422, "validation_failed", _("Some fields have the wrong type."), wrong)
    pairs += [(key, value) for key, value in texts.items() if value]
    if payload.get("quote_agreed") is True:
        pairs.append(("quote_agreed", "y"))
    if payload.get("done") is True:
        pairs.append(("done", "1"))
    form = HarvestForm(formdata=MultiDict(pairs), meta={"csrf": False})
    if not form.validate():
        fields = {key: [str(m) for m in messages] for key, messages in form.errors.items()}
        raise ApiError(422, "validation_failed", _("Some fields need another look."), fields)
    return form


@bp.put("/workshops/<code>/table/harvest")
@reads_first
@access.api_participant
def save_harvest(workshop, participant):
    limit_writes(participant)
    form = _harvest_form(json_object())
    start_writing()
    tables.save_harvest(workshop, participant, form.fields())
    db.session.commit()
    return jsonify(table_json(workshop, participant))
