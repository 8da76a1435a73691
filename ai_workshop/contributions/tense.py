"""A gentle check that a provocative proposition is written in the present tense.

English only: its phrases are English words, some of them words of other languages too
("will" is German for "wants"), so rooms in other languages are not checked.
"""

import re

from flask_babel import gettext as _

# Future or conditional wording, and the phrasing that keeps a dream at arm's length.
PATTERNS = [
    r"\bwill\b",
    r"\bwon't\b",
    r"\b\w+'ll\b",
    r"\bshould\b",
    r"\bwould\b",
    r"\bcould\b",
    r"\bmight\b",
    r"\bgoing to\b",
    r"\bwe want to\b",
    r"\bwe hope\b",
    r"\bhopefully\b",
    r"\bwe need to\b",
    r"\bin the future\b",
    r"\bone day\b",
]
_COMPILED = re.compile("|".join(PATTERNS), re.IGNORECASE)


def future_words(text: str, language: str = "en") -> list[str]:
    """The future or conditional phrases found, in order, without repeats."""
    if language != "en":
        return []
    found = []
    for match in _COMPILED.finditer(text or ""):
        word = match.group().lower()
        if word not in found:
            found.append(word)
    return found


def tense_hint(text: str, language: str = "en") -> str | None:
    words = future_words(text, language)
    if not words:
        return None
    return _(
        "Try the present tense, as if it is already true: “we answer…” rather than "
        "“we will answer…”. Found: %(words)s.",
        words=", ".join(f"“{word}”" for word in words),
    )
