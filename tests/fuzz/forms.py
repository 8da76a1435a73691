"""Posting hostile values into every field of an HTML form, one field at a time."""

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from .hostile import FUZZ, HOSTILE_TEXT, SCRIPT, assert_handled, hostile_text

# What a form may answer: the page again (200, or 401/404/409/413/422 with a message),
# a redirect after success, or a 400 for a button whose hidden value was tampered with.
FORM_STATUSES = {200, 201, 204, 302, 303, 400, 401, 403, 404, 409, 413, 422}


def _with(valid: dict, field: str, value) -> MultiDict:
    """The valid form with one field replaced; a list value repeats the key."""
    data = MultiDict()
    for key, item in valid.items():
        if key != field:
            data.setlist(key, item if isinstance(item, list) else [item])
    data.setlist(field, value if isinstance(value, list) else [value])
    return data


def post_every_hostile_value(post: Callable, valid: Callable[[], dict]) -> int:
    """Each listed hostile value into each field, then a repeated key per field.

    `valid()` gives a fresh valid form each time (a new client_id, or every post after the
    first would be an idempotent retry); `post(data)` sends it and returns the response.
    """
    sent = 0
    for field in sorted(valid()) + ["unexpected_field"]:
        for value in HOSTILE_TEXT + [[valid().get(field, "x"), SCRIPT]]:
            assert_handled(post(_with(valid(), field, value)), FORM_STATUSES)
            sent += 1
    return sent


def post_generated_values(post: Callable, valid: Callable[[], dict]) -> None:
    """Hypothesis picks the field and the text."""

    @FUZZ
    @given(field=st.sampled_from(sorted(valid())), value=hostile_text)
    def send(field, value):
        assert_handled(post(_with(valid(), field, value)), FORM_STATUSES)

    send()
