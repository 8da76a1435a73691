"""The demo's whole session (stories, dreams, propositions, actions, commitments, the plan's
words) as written in each language: a file per language, each written for its readers
rather than word for word, with names and places of its own."""

import json
from functools import cache
from pathlib import Path

from ai_workshop.i18n import DEFAULT_LANGUAGE

HERE = Path(__file__).resolve().parent

DemoContent = dict


def demo_languages() -> list[str]:
    return sorted(path.stem for path in HERE.glob("*.json"))


@cache
def demo_content(language: str) -> DemoContent:
    """The session in `language`; English where no file was written for it."""
    path = HERE / f"{language}.json"
    if not path.exists():
        path = HERE / f"{DEFAULT_LANGUAGE}.json"
    return json.loads(path.read_text(encoding="utf-8"))
