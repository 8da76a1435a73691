"""The default engine (MiniLM in NumPy) on every labelled set the project wrote (bench/data):
each domain and style stays above the floor measured for it, above the strength chips on their
own, and level with or above Ward on the same MiniLM vectors."""

import json
from pathlib import Path

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from ai_workshop.themes import StoryInput, suggest_themes
from ai_workshop.themes.embedders import MINILM
from ai_workshop.themes.engine import _centred, embed_stories
from ai_workshop.themes.strengths import strength_matrix
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS

CHIPS = [str(term) for term in CUSTOMER_SERVICE_STRENGTHS]

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
# ARI / NMI with the true k, measured 2026-11-30 (docs/benchmarks.md), less a margin for
# numeric noise; a change that loses real quality on any set falls below its floor. Close
# calls move with the CPU's floating point: ai_stories measured 0.56 on one machine and 0.49
# on another (2026-12-01), where stories_software rose from 0.38 to 0.46.
FLOORS = {
    "ai_stories": (0.46, 0.66),
    "stories_contact_centre": (0.30, 0.48),
    "stories_council": (0.42, 0.60),
    "stories_school": (0.20, 0.43),
    "stories_software": (0.32, 0.53),
}
# The engine may trail Ward on its own vectors by this much on one set (measured: it leads on
# every set, by 0.01 on contact_centre); a change that costs more is a regression.
BASELINE_MARGIN = 0.03
_VECTORS: dict[str, dict] = {}


@pytest.fixture(scope="module", autouse=True)
def _forget_vectors():
    yield
    _VECTORS.clear()


def load(name: str):
    data = json.loads((DATA / f"{name}.json").read_text())
    stories = [
        StoryInput(s["headline"], s["story"], s["made_possible"], tuple(s["strengths"]))
        for s in data["stories"]
    ]
    vocabulary = data.get("vocabulary") or CHIPS
    return stories, [s["theme"] for s in data["stories"]], vocabulary


def vectors(name: str, stories) -> dict:
    """Each set is embedded once per module (about 2 s a set), as the app stores vectors."""
    if name not in _VECTORS:
        _VECTORS[name] = embed_stories(stories, MINILM)
    return _VECTORS[name]


def engine_labels(name, stories, vocabulary, k):
    result = suggest_themes(
        stories, k=k, engine=MINILM, vocabulary=vocabulary, vectors=vectors(name, stories)
    )
    labels = np.full(len(stories), -1)
    for number, theme in enumerate(result.themes):
        labels[theme.members] = number
    return labels, result


def ward_ari(features, truth, k) -> float:
    return adjusted_rand_score(
        truth, fcluster(linkage(features, method="ward"), t=k, criterion="maxclust")
    )


def unit(matrix):
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_set_stays_above_its_floor_and_both_baselines(name):
    stories, truth, vocabulary = load(name)
    k = len(set(truth))
    labels, _result = engine_labels(name, stories, vocabulary, k)
    ari, nmi = adjusted_rand_score(truth, labels), normalized_mutual_info_score(truth, labels)
    floor_ari, floor_nmi = FLOORS[name]
    assert ari >= floor_ari and nmi >= floor_nmi

    _terms, chips = strength_matrix([[n.lower() for n in s.strengths] for s in stories])
    assert ari > ward_ari(chips, truth, k)
    text = vectors(name, stories)
    minilm = np.hstack([unit(chips), _centred(text["made_possible"]), _centred(text["story"])])
    assert ari >= ward_ari(minilm, truth, k) - BASELINE_MARGIN


def test_the_automatic_k_lands_within_one_of_the_truth_on_most_sets():
    """Measured 2026-12-01: within one on every set but contact_centre (8 for 6 themes)
    (docs/benchmarks.md)."""
    near = 0
    for name in FLOORS:
        stories, truth, vocabulary = load(name)
        _labels, result = engine_labels(name, stories, vocabulary, None)
        near += abs(result.k - len(set(truth))) <= 1
    assert near >= 4


def test_every_set_is_written_as_documented():
    for name in [name for name in FLOORS if name != "ai_stories"]:
        data = json.loads((DATA / f"{name}.json").read_text())
        themes = [s["theme"] for s in data["stories"]]
        assert set(themes) == set(data["themes"])
        assert len({themes.count(t) for t in set(themes)}) == 1  # balanced themes
        assert all(1 <= len(s["strengths"]) <= 4 for s in data["stories"])
