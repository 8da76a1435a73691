"""Every language's catalog is complete: each message the code and templates use today is
translated, with every plural form, nothing fuzzy, placeholders and markup kept."""

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from ai_workshop.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "ai_workshop" / "translations"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}
KEYWORDS |= {"pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3), "lazy_ngettext": (1, 2)}
KEYWORDS |= {"lazy_pgettext": ((1, "c"), 2)}
KEYWORDS |= {"N_": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")
TAG = re.compile(r"</?\w+[^>]*>")
TRANSLATED = [code for code in LANGUAGES if code != "en"]


@pytest.fixture(scope="module")
def used_messages() -> set[tuple[str, str | None]]:
    """The messages extracted from the code and templates now, as `make messages` does."""
    found = set()
    for subdir, method in (
        ("ai_workshop", ("**.py", "python")),
        ("templates", ("**.html", "jinja2")),
    ):
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / subdir, method_map=[method], keywords=KEYWORDS
        ):
            found.add((message[0] if isinstance(message, tuple) else message, context))
    return found


def catalog(code: str):
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as file:
        return read_po(file, locale=code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_in_use_is_translated(code, used_messages):
    messages = catalog(code)
    missing = sorted(
        (text, context)
        for text, context in used_messages
        if text and not _translated(messages.get(text, context=context))
    )
    assert not missing, f"{code}: {len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_nothing_fuzzy_and_every_plural_form_filled(code):
    messages = catalog(code)
    fuzzy = [message.id for message in messages if message.id and message.fuzzy]
    assert not fuzzy, f"{code}: fuzzy {fuzzy[:5]}"
    for message in messages:
        if message.id and message.pluralizable:
            assert len(message.string) == messages.num_plurals, message.id
            assert all(message.string), f"{code}: a plural form is empty for {message.id}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_and_markup_are_kept(code):
    problems = []
    for message in catalog(code):
        if not message.id or not _translated(message):
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            wanted = set(PLACEHOLDER.findall(source))
            if isinstance(message.id, tuple):
                wanted -= {"num"}  # a plural form may say "one" in words for n == 1
            if not wanted <= set(PLACEHOLDER.findall(string)):
                problems.append((source, string))
            if Counter(_tag_names(source)) != Counter(_tag_names(string)):
                problems.append((source, string))
            if set(PLACEHOLDER.findall(string)) - set(PLACEHOLDER.findall(source)):
                problems.append((source, string))
    assert not problems, f"{code}: {problems[:5]}"


def _tag_names(text: str) -> list[str]:
    return [re.match(r"</?(\w+)", tag).group(0) for tag in TAG.findall(text)]


def _translated(message) -> bool:
    if message is None:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(strings) and all(strings)
