"""A story's values checked by the story form's rules, without building the form.

The JSON API's busiest write checks hundreds of stories a second, and building a WTForms
form for each (a field object per entry of the table, bound and filtered) took a seventh of
a worker's time. The rules here are read from the same field table (fields.py) and the
same limits (strengths.py) as the form's; tests/unit/test_story_check.py holds the two to
the same fields and the same messages for the same input.
"""

import uuid

from flask_babel import gettext as _

from ai_workshop.stories.fields import (
    CHOICE,
    LINE,
    STORY_FIELDS,
    STRENGTHS,
    StoryField,
    blank_inapplicable,
)
from ai_workshop.stories.strengths import (
    STRENGTH_MAX,
    STRENGTHS_MAX,
    STRENGTHS_MIN,
    canonical_strengths,
)
from ai_workshop.text import clean_line, clean_text

CLIENT_ID_MAX = 64


def check_story(values: dict, vocabulary: list[str]) -> tuple[dict, dict[str, list[str]]]:
    """(the story's fields, {}) when the values pass, else ({}, messages by field).

    `values` holds text by field name (absent or None: not sent) and `strengths` as a list
    of names, from the vocabulary or the teller's own words.
    """
    errors: dict[str, list[str]] = {}
    fields = {"client_id": _client_id(values.get("client_id"), errors)}
    for spec in STORY_FIELDS:
        if spec.kind == STRENGTHS:
            fields[spec.name] = _strengths(values.get(spec.name) or [], vocabulary, errors, spec)
        elif spec.kind == CHOICE:
            fields[spec.name] = _choice(spec, values.get(spec.name), errors)
        else:
            fields[spec.name] = _text(spec, values.get(spec.name), errors)
    if errors:
        return {}, errors
    return blank_inapplicable(fields), {}


def _client_id(raw: str | None, errors: dict) -> str:
    if not raw:
        return str(uuid.uuid4())  # as the form does: a page drawn without one gets its own
    problems = []
    if len(raw) > CLIENT_ID_MAX:
        problems.append(_("Keep this to %(max)d characters or fewer.", max=CLIENT_ID_MAX))
    try:
        client_id = str(uuid.UUID(raw))
    except ValueError:
        problems.append(_("This form is out of date: reload the page."))
        client_id = raw
    if problems:
        errors["client_id"] = problems
    return client_id


def _text(spec: StoryField, raw: str | None, errors: dict) -> str:
    text = (clean_line if spec.kind == LINE else clean_text)(raw)
    if spec.required:
        if not text.strip():
            errors[spec.name] = [str(spec.missing)]
            return text
    elif raw is None or not raw.strip():
        return text  # optional and left empty: nothing to check
    if not _within(spec, len(text)):
        errors[spec.name] = [_length_message(spec, len(text))]
    return text


def _within(spec: StoryField, length: int) -> bool:
    return length >= spec.min_length and length <= spec.max_length


def _length_message(spec: StoryField, length: int) -> str:
    if spec.wrong_length:
        limits = {"min": spec.min_length, "max": spec.max_length, "length": length}
        return str(spec.wrong_length) % limits
    if spec.min_length > 0:
        return _(
            "Between %(min)d and %(max)d characters, please.",
            min=spec.min_length,
            max=spec.max_length,
        )
    return _("Keep this to %(max)d characters or fewer.", max=spec.max_length)


def _choice(spec: StoryField, raw: str | None, errors: dict) -> str:
    value = spec.default if raw is None else raw
    if value not in {choice.value for choice in spec.choices}:
        errors[spec.name] = [str(spec.invalid) if spec.invalid else _("Choose one of the options.")]
    return value


def _strengths(names: list[str], vocabulary: list[str], errors: dict, spec: StoryField):
    chosen = [clean_line(name) for name in names if name in vocabulary]
    typed = [name for name in names if name not in vocabulary]
    if any(name not in vocabulary for name in chosen):
        errors[spec.name] = [_("Pick strengths from the list, or type your own below.")]
        return []
    strengths = canonical_strengths(chosen + typed, vocabulary)
    if len(strengths) < STRENGTHS_MIN:
        errors[spec.name] = [_("Pick at least one strength the story shows.")]
    elif len(strengths) > STRENGTHS_MAX:
        errors[spec.name] = [_("Pick at most %(n)d strengths.", n=STRENGTHS_MAX)]
    elif any(len(name) > STRENGTH_MAX for name in strengths):
        errors[spec.name] = [_("Keep each strength under %(n)d characters.", n=STRENGTH_MAX)]
    return strengths
