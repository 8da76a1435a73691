"""The theme engine on its own: determinism, small inputs, shape of the result, quality floors."""

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from ai_workshop.themes import StoryInput, suggest_themes
from ai_workshop.themes import engine as themes_engine
from ai_workshop.themes.embedders import get_embedder
from ai_workshop.themes.strengths import map_to_vocabulary
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "ai_stories.json"


@pytest.fixture(scope="module")
def labelled():
    stories = json.loads(DATA.read_text())["stories"]
    inputs = [
        StoryInput(s["headline"], s["story"], s["made_possible"], tuple(s["strengths"]))
        for s in stories
    ]
    return inputs, [s["theme"] for s in stories]


def labels_of(result, n):
    labels = np.full(n, -1)
    for number, theme in enumerate(result.themes):
        labels[theme.members] = number
    return labels


def test_same_stories_give_the_same_themes(labelled):
    stories, _truth = labelled
    first = suggest_themes(stories, vocabulary=CUSTOMER_SERVICE_STRENGTHS)
    second = suggest_themes(list(stories), vocabulary=CUSTOMER_SERVICE_STRENGTHS)
    assert [(t.name, t.members, t.secondary) for t in first.themes] == [
        (t.name, t.members, t.secondary) for t in second.themes
    ]


def test_fewer_than_eight_stories_are_not_clustered(labelled):
    stories, _truth = labelled
    result = suggest_themes(stories[:7])
    assert result.too_few and result.themes == []
    assert "too few" in result.message


def test_every_story_gets_exactly_one_primary_theme(labelled):
    stories, _truth = labelled
    result = suggest_themes(stories, vocabulary=CUSTOMER_SERVICE_STRENGTHS)
    members = sorted(index for theme in result.themes for index in theme.members)
    assert members == list(range(len(stories)))
    assert 3 <= result.k <= 8
    for theme in result.themes:
        assert theme.representative == theme.members[0]
        assert 0.0 <= theme.cohesion <= 1.0
        assert theme.name and theme.strengths
        assert not set(theme.secondary) & set(theme.members)
    assert len({theme.name for theme in result.themes}) == len(result.themes)


def test_the_number_of_themes_can_be_chosen(labelled):
    stories, _truth = labelled
    assert suggest_themes(stories, k=5).k == 5
    assert suggest_themes(stories[:10], k=8).k <= 5  # never more than half the stories


def test_free_text_strengths_map_onto_the_vocabulary():
    embedder = get_embedder("static")
    mapped = map_to_vocabulary(
        [["kept my promise", "Teamwork"], ["humour"], ["Patience"]],
        CUSTOMER_SERVICE_STRENGTHS,
        embedder,
    )
    assert mapped == [["keeping promises", "collaboration"], ["humour"], ["patience"]]


def quality(stories, truth, k=None, **weights):
    original = dict(themes_engine.WEIGHTS)
    themes_engine.WEIGHTS.update(weights)
    try:
        result = suggest_themes(stories, k=k, vocabulary=CUSTOMER_SERVICE_STRENGTHS)
    finally:
        themes_engine.WEIGHTS.update(original)
    labels = labels_of(result, len(stories))
    return adjusted_rand_score(truth, labels), normalized_mutual_info_score(truth, labels)


def test_quality_stays_above_the_measured_floor(labelled):
    """Measured 2026-11-30: ARI 0.55, NMI 0.73 with k=8; the automatic k (4 here, one of the
    two sets where it misses) 0.32 / 0.54 (see docs/benchmarks.md)."""
    stories, truth = labelled
    ari, nmi = quality(stories, truth, k=8)
    assert ari >= 0.5 and nmi >= 0.68
    auto_ari, auto_nmi = quality(stories, truth)
    assert auto_ari >= 0.28 and auto_nmi >= 0.5


def test_strengths_and_text_together_beat_either_alone(labelled):
    stories, truth = labelled
    both, _ = quality(stories, truth, k=8)
    strengths_only, _ = quality(stories, truth, k=8, made_possible=0.0, story=0.0)
    text_only, _ = quality(stories, truth, k=8, strengths=0.0)
    assert both > strengths_only + 0.1
    assert both > text_only + 0.1
