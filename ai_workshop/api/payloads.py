"""Turning JSON bodies into validated story fields, with the phone form's own rules."""

from flask import request
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ..models import Story, Workshop
from ..stories.forms import StoryForm
from .errors import ApiError

TEXT_KEYS = ("client_id", "headline", "story", "made_possible", "wish", "whose", "consent")


def json_object() -> dict:
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise ApiError(
            400, "bad_request", _("Send a JSON object with Content-Type: application/json.")
        )
    return payload


def _type_errors(payload: dict) -> dict[str, list[str]]:
    errors = {}
    for key in TEXT_KEYS:
        if payload.get(key) is not None and not isinstance(payload[key], str):
            errors[key] = [_("Must be text.")]
    strengths = payload.get("strengths")
    if strengths is not None and (
        not isinstance(strengths, list) or not all(isinstance(item, str) for item in strengths)
    ):
        errors["strengths"] = [_("Must be a list of strength names.")]
    return errors


def _story_values(story: Story) -> dict:
    return {
        "client_id": story.client_id,
        "headline": story.headline,
        "story": story.body,
        "made_possible": story.made_possible,
        "wish": story.wish,
        "whose": story.whose,
        "consent": story.consent,
        "strengths": story.strength_names,
    }


def story_fields(workshop: Workshop, payload: dict, current: Story | None = None) -> dict:
    """Validate a full story (POST) or a partial one merged onto the current story (PATCH)."""
    errors = _type_errors(payload)
    if current is None and not payload.get("client_id"):
        errors.setdefault("client_id", [_("Send a UUID that identifies this submission.")])
    if errors:
        raise ApiError(422, "validation_failed", _("Some fields have the wrong type."), errors)
    values = _story_values(current) if current is not None else {}
    values.update(
        {key: value for key, value in payload.items() if key in TEXT_KEYS + ("strengths",)}
    )
    vocabulary = workshop.strengths_vocabulary
    strengths = values.get("strengths") or []
    formdata = MultiDict([(key, values[key]) for key in TEXT_KEYS if values.get(key) is not None])
    formdata.setlist("strengths", [name for name in strengths if name in vocabulary])
    form = StoryForm(
        formdata=formdata,
        meta={"csrf": False},
        vocabulary=vocabulary,
        free_strengths=[name for name in strengths if name not in vocabulary],
    )
    if not form.validate():
        fields = {
            key: [str(message) for message in messages] for key, messages in form.errors.items()
        }
        raise ApiError(422, "validation_failed", _("Some fields need another look."), fields)
    return form.story_fields()
