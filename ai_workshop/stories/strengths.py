"""Strength names: tidy the teller's own words and map them onto the chip vocabulary."""

import re
from functools import lru_cache

from ai_workshop.text import clean_line

STRENGTH_MAX = 40
STRENGTHS_MIN = 1
STRENGTHS_MAX = 4


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """A comparison key that ignores case, punctuation and a trailing plural 's'."""
    words = re.findall(r"[\w]+", name.lower())
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


def split_free_text(raw: str | None) -> list[str]:
    """'patience, humour; kept promises' -> ['patience', 'humour', 'kept promises'];
    Japanese and Arabic commas and semicolons separate too."""
    parts = re.split(r"[,;\n、，،؛]+", raw or "")
    return [clean_line(part) for part in parts if clean_line(part)]


@lru_cache(maxsize=64)
def _vocabulary_keys(vocabulary: tuple[str, ...]) -> dict[str, str]:
    return {_key(term): term for term in vocabulary}


def canonical_strengths(names: list[str], vocabulary: list[str]) -> list[str]:
    """Vocabulary spelling where a name matches a chip; duplicates dropped, order kept."""
    by_key = _vocabulary_keys(tuple(vocabulary))
    result: list[str] = []
    seen: set[str] = set()
    for name in names:
        cleaned = clean_line(name)
        canonical = by_key.get(_key(cleaned), cleaned.lower())
        if canonical and _key(canonical) not in seen:
            seen.add(_key(canonical))
            result.append(canonical)
    return result
