"""API endpoints for Dream, Design and Destiny, with the conventions of stories:
bearer token, client_id idempotency (201 then 200), JSON errors."""

from flask import jsonify
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ai_workshop.api.limits import limit_writes
from ai_workshop.api.payloads import json_object
from ai_workshop.api.views import bp
from ai_workshop.contributions import design, destiny, dreams, own, votes
from ai_workshop.contributions.forms import (
    ActionProposalForm,
    CommitmentForm,
    DreamForm,
    PropositionForm,
)
from ai_workshop.contributions.tense import future_words, tense_hint
from ai_workshop.db.engine import reads_first, start_writing
from ai_workshop.extensions import db
from ai_workshop.models import Vote
from ai_workshop.web import access
from ai_workshop.web.json_errors import ApiError


def _form(form_class, payload: dict):
    """Fill a page form from JSON: text and numbers only, then the form's own rules."""
    wrong = {key: [_("Must be text or a number.")] for key, value in payload.items()
             if value is not None and not isinstance(value, str | int) or isinstance(value, bool)}  # fmt: skip
    if wrong:
        raise ApiError(422, "validation_failed", _("Some fields have the wrong type."), wrong)
    if not payload.get("client_id"):
        raise ApiError(
            422,
            "validation_failed",
            _("Send a client_id."),
            {"client_id": [_("Send a UUID that identifies this submission.")]},
        )
    formdata = MultiDict([(key, str(value)) for key, value in payload.items() if value is not None])
    form = form_class(formdata=formdata, meta={"csrf": False})
    for name in ("theme_id", "proposition_id"):
        if name in form._fields:
            form[name].choices = []
    if not form.validate():
        fields = {
            key: [str(message) for message in messages] for key, messages in form.errors.items()
        }
        raise ApiError(422, "validation_failed", _("Some fields need another look."), fields)
    return form.fields()


def _created(item, created: bool, **extra):
    response = jsonify({"id": item.id, "client_id": item.client_id, "created": created, **extra})
    response.status_code = 201 if created else 200
    return response


def _contribute(workshop, participant, form_class, service):
    limit_writes(participant)
    fields = _form(form_class, json_object())
    start_writing()
    item, created = service(workshop, participant, fields)
    db.session.commit()
    return item, created


# Each posts with reads_first: the room and the token are looked up before the write lock.
@bp.post("/workshops/<code>/dreams")
@reads_first
@access.api_participant
def create_dream(workshop, participant):
    return _created(*_contribute(workshop, participant, DreamForm, dreams.submit_dream))


@bp.post("/workshops/<code>/propositions")
@reads_first
@access.api_participant
def create_proposition(workshop, participant):
    item, created = _contribute(workshop, participant, PropositionForm, design.submit_proposition)
    found, hint = (
        future_words(item.text, workshop.language),
        tense_hint(item.text, workshop.language),
    )
    return _created(item, created, future_words=found, hint=hint)


@bp.post("/workshops/<code>/actions")
@reads_first
@access.api_participant
def create_action(workshop, participant):
    return _created(*_contribute(workshop, participant, ActionProposalForm, destiny.propose_action))


@bp.post("/workshops/<code>/commitments")
@reads_first
@access.api_participant
def create_commitment(workshop, participant):
    return _created(*_contribute(workshop, participant, CommitmentForm, destiny.submit_commitment))


@bp.delete("/workshops/<code>/<any(dreams, propositions, actions, commitments):kind>/<int:item_id>")
@access.api_participant
def delete_contribution(workshop, participant, kind: str, item_id: int):
    """The participant's own dream, proposition, action or commitment, deleted for good."""
    limit_writes(participant)
    own.delete_own(workshop, participant, kind, item_id)
    db.session.commit()
    return "", 204


def _volunteer(workshop, participant, action_id: int, joining: bool):
    limit_writes(participant)
    action = destiny.action_of(workshop, action_id)
    destiny.volunteer(workshop, action, participant, joining)
    db.session.commit()
    return jsonify(
        {"action_id": action.id, "volunteering": joining, "team_size": len(action.volunteers)}
    )


@bp.put("/workshops/<code>/actions/<int:action_id>/volunteer")
@access.api_participant
def join_action(workshop, participant, action_id: int):
    return _volunteer(workshop, participant, action_id, True)


@bp.delete("/workshops/<code>/actions/<int:action_id>/volunteer")
@access.api_participant
def leave_action(workshop, participant, action_id: int):
    return _volunteer(workshop, participant, action_id, False)


def _vote_body(workshop, vote, participant, mine=None, options=None) -> dict:
    mine = votes.my_dots(vote, participant) if mine is None else mine
    options = votes.options_for(workshop, vote.target) if options is None else options
    return {
        "id": vote.id,
        "target": vote.target,
        "open": vote.is_open,
        "dots_per_person": vote.dots_per_person,
        "max_per_option": vote.max_per_option,
        "dots_left": vote.dots_per_person - sum(mine.values()),
        "options": [
            {"id": option.id, "label": option.label, "my_dots": mine.get(option.id, 0)}
            for option in options
        ],
    }


@bp.get("/workshops/<code>/vote")
@access.api_participant
def current_vote(workshop, participant):
    vote = votes.current_vote(workshop)
    if vote is None:
        raise ApiError(404, "not_found", _("No vote has been opened yet."))
    return jsonify(_vote_body(workshop, vote, participant))


@bp.put("/workshops/<code>/votes/<int:vote_id>/options/<int:option_id>")
@reads_first
@access.api_participant
def set_dots(workshop, participant, vote_id: int, option_id: int):
    """Put exactly this many dots on one option: repeating the call changes nothing."""
    limit_writes(participant)
    vote = db.session.get(Vote, vote_id)
    if vote is None or vote.workshop_id != workshop.id:
        raise ApiError(404, "not_found", _("No such vote."))
    dots = json_object().get("dots")
    if not isinstance(dots, int) or isinstance(dots, bool):
        raise ApiError(
            422,
            "validation_failed",
            _("Send the number of dots."),
            {"dots": [_("Must be a whole number.")]},
        )
    start_writing()
    mine, options = votes.set_dots(workshop, vote, participant, option_id, dots)
    db.session.commit()
    return jsonify(_vote_body(workshop, vote, participant, mine, options))
