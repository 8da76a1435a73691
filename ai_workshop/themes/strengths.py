"""Strengths as features: chips count most; the teller's own words map onto the nearest chip."""

import re

import numpy as np

# A free-text strength counts as a chip when it is clearly close ('kept my promise' and
# 'keeping promises': 0.70), or fairly close and far closer than any other chip
# ('teamwork' and 'collaboration': 0.29, twice the runner-up). Measured on static vectors.
CLEAR_MATCH = 0.45
FAIR_MATCH, MARGIN = 0.27, 1.8
STATIC_MATCH = (CLEAR_MATCH, FAIR_MATCH, MARGIN)
# The multilingual encoder reads other languages' strengths ("trabajo en equipo" and
# "colaboración": 0.47, where the English static vectors give 0.25), but it rates every pair
# higher ("humour" and "empathy": 0.46), so its bars are higher and its margin narrower.
# Chosen among four on the project's sets told in German and Spanish (docs/benchmarks.md).
MULTILINGUAL_MATCH = (0.75, 0.60, 1.15)


def _key(name: str) -> str:
    words = re.findall(r"\w+", name.lower())
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


def map_to_vocabulary(
    per_story: list[list[str]],
    vocabulary: list[str],
    embedder=None,
    bars: tuple[float, float, float] = STATIC_MATCH,
) -> list[list[str]]:
    """'kept my promise' -> 'keeping promises' when the chip is close enough in meaning.

    Every distinct free-text name is embedded once, in one batch, for the whole set.
    """
    vocabulary = [str(term) for term in vocabulary]  # a template's chips are lazy translations
    by_key = {_key(term): term for term in vocabulary}
    unmatched = sorted({name for names in per_story for name in names if _key(name) not in by_key})
    nearest = {}
    clear, fair, margin = bars
    if unmatched and vocabulary and embedder is not None:
        similarity = embedder.embed(unmatched) @ embedder.embed(list(vocabulary)).T
        for row, name in enumerate(unmatched):
            ranked = np.argsort(-similarity[row])
            best = similarity[row, ranked[0]]
            runner_up = similarity[row, ranked[1]] if len(ranked) > 1 else 0.0
            if best >= clear or (best >= fair and best >= margin * runner_up):
                nearest[name] = vocabulary[int(ranked[0])]
    return [_mapped(names, by_key, nearest) for names in per_story]


def _mapped(names: list[str], by_key: dict, nearest: dict) -> list[str]:
    mapped = []
    for name in names:
        term = by_key.get(_key(name)) or nearest.get(name) or name.lower().strip()
        if term and term not in mapped:
            mapped.append(term)
    return mapped


def strength_matrix(per_story: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """Rows: stories; columns: every strength named; 1 where the story names it."""
    terms = sorted({term for names in per_story for term in names})
    column = {term: index for index, term in enumerate(terms)}
    matrix = np.zeros((len(per_story), len(terms)), dtype=np.float32)
    for row, names in enumerate(per_story):
        for term in names:
            matrix[row, column[term]] = 1.0
    return terms, matrix
