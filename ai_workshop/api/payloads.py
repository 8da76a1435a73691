"""Turning JSON bodies into validated story fields, with the phone form's own rules."""

import re

from flask import request
from flask_babel import gettext as _

from ai_workshop.models import Story, Workshop
from ai_workshop.stories.fields import STORY_FIELDS, STRENGTHS, stored_values
from ai_workshop.stories.story_check import check_story
from ai_workshop.web.json_errors import ApiError

_SURROGATE = re.compile("[\ud800-\udfff]")
# What a client sends as text; strengths come as a list of names.
TEXT_KEYS = ("client_id", *(field.name for field in STORY_FIELDS if field.kind != STRENGTHS))
KEYS = ("client_id", *(field.name for field in STORY_FIELDS))


def json_object() -> dict:
    try:
        payload = request.get_json(silent=True)
    except RecursionError:  # nested thousands deep: no request of ours looks like that
        payload = None
    if not isinstance(payload, dict):
        raise ApiError(
            400, "bad_request", _("Send a JSON object with Content-Type: application/json.")
        )
    if _has_lone_surrogate(payload):
        # JSON may escape half of a UTF-16 pair ("\ud800"), which is no character at all: it
        # cannot be stored or shown, and no keyboard types it, so the request is refused
        # rather than guessed at. (Control characters are another matter: see text.py.)
        raise ApiError(
            400,
            "bad_request",
            _("Send text as valid Unicode: the JSON has a lone surrogate escape such as \\ud800."),
        )
    return payload


def _has_lone_surrogate(payload) -> bool:
    """Walked without recursion: a body nested a thousand deep must not overflow the stack."""
    pending = [payload]
    while pending:
        value = pending.pop()
        if isinstance(value, str) and _SURROGATE.search(value):
            return True
        if isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
    return False


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
    return {"client_id": story.client_id} | stored_values(story)


def story_fields(workshop: Workshop, payload: dict, current: Story | None = None) -> dict:
    """Validate a full story (POST) or a partial one merged onto the current story (PATCH)."""
    errors = _type_errors(payload)
    if current is None and not payload.get("client_id"):
        errors.setdefault("client_id", [_("Send a UUID that identifies this submission.")])
    if errors:
        raise ApiError(422, "validation_failed", _("Some fields have the wrong type."), errors)
    values = _story_values(current) if current is not None else {}
    values.update({key: value for key, value in payload.items() if key in KEYS})
    fields, problems = check_story(values, workshop.strengths_vocabulary)
    if problems:
        raise ApiError(422, "validation_failed", _("Some fields need another look."), problems)
    return fields


def table_number_of(workshop, value, key: str = "number") -> int:
    """A table number from JSON, or a 422 that names the field."""
    if isinstance(value, bool) or not isinstance(value, int) or not workshop.has_table(value):
        if not workshop.table_count:
            message = _("This workshop has no tables.")
        else:
            message = _("Choose a table from 1 to %(max)d.", max=workshop.table_count)
        raise ApiError(422, "validation_failed", message, {key: [message]})
    return value


def mix_group_of(workshop, value) -> str | None:
    """The joining person's max-mix group, required where the workshop asks for one."""
    groups = workshop.mix_groups or []
    if not groups:
        return None
    if value not in groups:
        message = _("Choose your group, so that every table mixes them.")
        raise ApiError(422, "validation_failed", message, {"group": [message]})
    return value
