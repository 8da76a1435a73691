"""The API's story check (story_check.py) answers as the phone's story form does: the same
fields for a story that passes, the same messages by field for one that does not."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from ai_workshop import create_app
from ai_workshop.stories.fields import STORY_FIELDS, STRENGTHS
from ai_workshop.stories.forms import StoryForm
from ai_workshop.stories.story_check import check_story
from tests.conftest import config_for_tests

VOCABULARY = ["Ownership", "Empathy", "Patience", "Clear communication", "Follow-through"]
TEXT_NAMES = [field.name for field in STORY_FIELDS if field.is_text]


@pytest.fixture(scope="module")
def request_context(tmp_path_factory):
    app = create_app(config_for_tests(f"sqlite:///{tmp_path_factory.mktemp('check')}/x.db"))
    with app.test_request_context():
        yield


def by_the_form(values: dict, vocabulary: list[str]):
    """What the phone's form makes of the same values: the API's way before story_check."""
    text_keys = ["client_id", *(f.name for f in STORY_FIELDS if f.kind != STRENGTHS)]
    formdata = MultiDict([(key, values[key]) for key in text_keys if values.get(key) is not None])
    strengths = values.get("strengths") or []
    formdata.setlist("strengths", [name for name in strengths if name in vocabulary])
    form = StoryForm(
        formdata=formdata,
        meta={"csrf": False},
        vocabulary=vocabulary,
        free_strengths=[name for name in strengths if name not in vocabulary],
    )
    if not form.validate():
        return {}, {key: [str(m) for m in messages] for key, messages in form.errors.items()}
    return form.story_fields(), {}


def same_answer(values: dict) -> None:
    fields, errors = check_story(values, VOCABULARY)
    form_fields, form_errors = by_the_form(values, VOCABULARY)
    assert errors == form_errors
    if "client_id" in fields and not values.get("client_id"):
        # Both make up a fresh id for a story sent without one.
        uuid.UUID(fields.pop("client_id"))
        uuid.UUID(form_fields.pop("client_id"))
    assert fields == form_fields


GOOD = {
    "client_id": "0b8f7c7e-0b5c-4d8e-9d25-3c8b5f1e2a11",
    "headline": "The refund that arrived before the call ended",
    "story": "A caller had waited three weeks; I owned it and fixed it on the line.",
    "strengths": ["Ownership"],
}

CASES = [
    GOOD,
    GOOD | {"client_id": "0B8F7C7E0B5C4D8E9D253C8B5F1E2A11"},  # stored in its one spelling
    GOOD | {"client_id": ""},
    GOOD | {"client_id": "not a uuid"},
    GOOD | {"client_id": "x" * 70},
    GOOD | {"headline": "  "},
    GOOD | {"headline": "ab"},
    GOOD | {"headline": "  a   b  "},
    GOOD | {"headline": "h" * 121},
    GOOD | {"headline": None},
    {key: value for key, value in GOOD.items() if key != "story"},
    GOOD | {"story": "short"},
    GOOD | {"story": "\x00\x01 " * 30},
    GOOD | {"story": "line one\r\n\r\nline two is a little longer"},
    GOOD | {"made_possible": ""},
    GOOD | {"made_possible": "   "},
    GOOD | {"made_possible": "m" * 1001},
    GOOD | {"wish": "w" * 1000},
    GOOD | {"whose": "partner", "partner_name": "Aiko"},
    GOOD | {"whose": "mine", "partner_name": "Aiko"},  # emptied: it does not apply
    GOOD | {"whose": "someone"},
    GOOD | {"whose": ""},
    GOOD | {"consent": "private"},
    GOOD | {"consent": "nope"},
    GOOD | {"partner_name": "p" * 41, "whose": "partner"},
    GOOD | {"strengths": []},
    GOOD | {"strengths": ["ownership", "Ownerships", "OWNERSHIP"]},
    GOOD | {"strengths": ["kept promises", "Empathy"]},
    GOOD | {"strengths": ["a", "b", "c", "d", "e"]},
    GOOD | {"strengths": ["s" * 41]},
    GOOD | {"strengths": ["s" * 40]},
    GOOD | {"headline": "abc", "story": "s" * 20, "partner_name": "p" * 40, "whose": "partner"},
    GOOD | {"headline": "h" * 120, "story": "s" * 19},
    GOOD | {"story": "s" * 4000, "made_possible": "m" * 1000},
    GOOD | {"strengths": ["  ", ""]},
    GOOD | {"strengths": [" Ownership "]},
    {"headline": "", "story": "", "strengths": [], "whose": "x", "consent": "y"},
]


@pytest.mark.parametrize("values", CASES)
def test_the_check_answers_as_the_form(request_context, values):
    same_answer(values)


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.dictionaries(
        st.sampled_from(TEXT_NAMES), st.one_of(st.none(), TEXT, st.text(max_size=1200))
    ),
    choices=st.fixed_dictionaries(
        {},
        optional={
            "whose": st.sampled_from(["mine", "partner", "", "other"]),
            "consent": st.sampled_from(["named", "anonymous", "private", "", "public"]),
        },
    ),
    strengths=st.lists(st.one_of(st.sampled_from(VOCABULARY), TEXT), max_size=6),
    client_id=st.one_of(st.just(GOOD["client_id"]), st.just(""), TEXT),
)
def test_the_check_answers_as_the_form_on_any_input(
    request_context, text, choices, strengths, client_id
):
    same_answer({"client_id": client_id, **text, **choices, "strengths": strengths})


def test_a_bad_story_is_refused_with_every_problem_named(request_context):
    fields, errors = check_story({"headline": "", "story": "x", "whose": "?"}, VOCABULARY)
    assert fields == {}
    assert set(errors) == {"headline", "story", "strengths", "whose"}
    assert errors["headline"] == ["Give your story a headline."]
