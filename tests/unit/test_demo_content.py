"""The demo session exists in every language, shaped as the English one: the same stories,
dreams, propositions, actions and commitments, each written in its language, with the
language's own strength chips and the same people from start to finish."""

import json
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ai_workshop.demo.content import HERE, demo_languages
from ai_workshop.i18n import LANGUAGES
from ai_workshop.stories.fields import STORY_FIELDS
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS

TRANSLATIONS = Path(__file__).resolve().parents[2] / "ai_workshop" / "translations"
ENGLISH = json.loads((HERE / "en.json").read_text(encoding="utf-8"))
LIMITS = {field.name: field.max_length for field in STORY_FIELDS if field.is_text}
# The codes a translation keeps as they are: choices, offsets in days, links by position.
CODES = {"whose", "consent", "status", "kind", "proposition", "action", "teller_action", "progress"}
STORY_LISTS = ("stories", "extra_stories", "more_stories", "parked_stories")


def content(code: str) -> dict:
    return json.loads((HERE / f"{code}.json").read_text(encoding="utf-8"))


def strength_chips(code: str) -> set[str]:
    """The customer-service template's chips in this language, from its catalog."""
    if code == "en":
        return {str(term._args[0]) for term in CUSTOMER_SERVICE_STRENGTHS}
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as file:
        catalog = read_po(file, locale=code)
    return {catalog.get(term._args[0]).string for term in CUSTOMER_SERVICE_STRENGTHS}


def test_every_language_has_its_demo():
    assert set(demo_languages()) == set(LANGUAGES)


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_the_demo_is_shaped_as_the_english_one(code):
    translated = content(code)
    assert translated.keys() == ENGLISH.keys()
    for key in ENGLISH:
        if isinstance(ENGLISH[key], list):
            assert len(translated[key]) == len(ENGLISH[key]), key
    for key in ("actions", "commitments", "check_in_reports", "check_in_stories", *STORY_LISTS):
        for english, item in zip(ENGLISH[key], translated[key], strict=True):
            assert item.keys() == english.keys(), key
            for name, value in english.items():
                if name in CODES or name.endswith("_in_days"):
                    assert item[name] == value, (key, name)
                elif value is None or value == "":
                    assert item[name] == value, (key, name)  # an anonymous teller stays so
                elif isinstance(value, str) and name != "strength":
                    assert item[name].strip(), (key, name)
                    if name not in ("owner", "teller", "baseline", "target"):
                        assert item[name] != value, f"{key}.{name} left in English"
    assert [p is None for p in translated["participants"]] == [
        p is None for p in ENGLISH["participants"]
    ]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_stories_use_the_language_chips_and_fit_the_form(code):
    chips, english_chips = strength_chips(code), strength_chips("en")
    translated = content(code)
    for key in STORY_LISTS:
        for english, story in zip(ENGLISH[key], translated[key], strict=True):
            assert len(story["strengths"]) == len(english["strengths"])
            # A chip in English is a chip here; a teller's own words stay their own.
            assert sum(name in chips for name in story["strengths"]) == sum(
                name in english_chips for name in english["strengths"]
            ), (code, story["strengths"])
            for name, limit in LIMITS.items():
                assert len(story.get(name) or "") <= limit, (code, name)
            assert len(story["headline"]) >= 3 and len(story["story"]) >= 20
    for text in translated["dreams"] + translated["propositions"]:
        assert 10 <= len(text) <= 400
    for action in translated["actions"]:
        assert 3 <= len(action["title"]) <= 160
        assert action["strength"] in chips
        assert len(action["owner"]) <= 80 and len(action["success_measure"]) <= 200
        assert len(action["baseline"]) <= 80 and len(action["target"]) <= 80
    for commitment in translated["commitments"]:
        assert 3 <= len(commitment["text"]) <= 400


def cast(demo: dict) -> list:
    """Everyone named, in order of first appearance."""
    names = list(demo["participants"])
    names += [s.get("teller") for key in STORY_LISTS for s in demo[key]]
    names += [a["owner"] for a in demo["actions"]] + [c["teller"] for c in demo["commitments"]]
    return [name for name in dict.fromkeys(names) if name]


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_the_same_people_throughout(code):
    """Each English name becomes one name of the language, the same wherever it appears."""
    translated, english = content(code), ENGLISH
    renamed = dict(zip(cast(english), cast(translated), strict=True))
    assert len(set(renamed.values())) == len(renamed)
    pairs = [(english["participants"], translated["participants"])]
    for key in STORY_LISTS:
        pairs.append(
            ([s.get("teller") for s in english[key]], [s.get("teller") for s in translated[key]])
        )
    pairs.append(
        ([a["owner"] for a in english["actions"]], [a["owner"] for a in translated["actions"]])
    )
    pairs.append(
        (
            [c["teller"] for c in english["commitments"]],
            [c["teller"] for c in translated["commitments"]],
        )
    )
    for before, after in pairs:
        assert [renamed.get(name) for name in before] == after
