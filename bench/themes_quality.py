"""Clustering quality per engine on labelled stories: ARI and NMI against the intended themes.

Usage: .venv/bin/python bench/themes_quality.py [--data bench/data/ai_stories.json]

Prints, for each engine and feature mix, the scores with the true number of themes given
and with the engine choosing it (3-8) itself.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ai_workshop.themes import engine as themes_engine  # noqa: E402
from ai_workshop.themes import suggest_themes  # noqa: E402
from ai_workshop.themes.embedders import available_engines  # noqa: E402
from ai_workshop.themes.types import StoryInput  # noqa: E402
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS  # noqa: E402

DATA = ROOT / "bench" / "data" / "ai_stories.json"
MIXES = {
    "full": {"strengths": 1.0, "made_possible": 0.9, "story": 0.8},
    "strengths only": {"strengths": 1.0, "made_possible": 0.0, "story": 0.0},
    "text only": {"strengths": 0.0, "made_possible": 0.9, "story": 0.8},
}


def load(path: Path) -> tuple[list[StoryInput], list[str]]:
    data = json.loads(path.read_text())
    stories = [
        StoryInput(s["headline"], s["story"], s["made_possible"], tuple(s["strengths"]))
        for s in data["stories"]
    ]
    return stories, [s["theme"] for s in data["stories"]]


def predicted_labels(result, n: int) -> np.ndarray:
    labels = np.full(n, -1)
    for number, theme in enumerate(result.themes):
        labels[theme.members] = number
    return labels


def score(stories, truth, engine: str, k: int | None) -> tuple[float, float, int, float]:
    started = time.perf_counter()
    result = suggest_themes(stories, k=k, engine=engine, vocabulary=CUSTOMER_SERVICE_STRENGTHS)
    elapsed = time.perf_counter() - started
    labels = predicted_labels(result, len(stories))
    return (
        adjusted_rand_score(truth, labels),
        normalized_mutual_info_score(truth, labels),
        result.k,
        elapsed,
    )


def resampled_ari(stories, truth, engine: str, k: int, rounds: int = 20, size: int = 60) -> float:
    """Mean ARI over random subsets: one 80-story set alone gives a noisy figure."""
    rng = np.random.default_rng(0)
    scores = []
    for _ in range(rounds):
        chosen = sorted(rng.choice(len(stories), size=size, replace=False))
        ari, _nmi, _k, _t = score(
            [stories[i] for i in chosen], [truth[i] for i in chosen], engine, k
        )
        scores.append(ari)
    return float(np.mean(scores))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    stories, truth = load(args.data)
    true_k = len(set(truth))
    print(f"{len(stories)} stories, {true_k} intended themes ({args.data.name})")
    print(
        f"{'engine':8} {'features':15} {'k':>3} {'ARI':>6} {'NMI':>6} {'auto k':>7} {'ARI':>6} "
        f"{'NMI':>6} {'ARI, 20 subsets of 60':>22}"
    )
    original = dict(themes_engine.WEIGHTS)
    for engine in available_engines():
        for mix, weights in MIXES.items():
            themes_engine.WEIGHTS.update(weights)
            ari, nmi, _k, _t = score(stories, truth, engine, true_k)
            auto_ari, auto_nmi, auto_k, _t = score(stories, truth, engine, None)
            resampled = resampled_ari(stories, truth, engine, true_k)
            print(
                f"{engine:8} {mix:15} {true_k:>3} {ari:6.3f} {nmi:6.3f} {auto_k:>7} {auto_ari:6.3f} "
                f"{auto_nmi:6.3f} {resampled:22.3f}"
            )
    themes_engine.WEIGHTS.update(original)


if __name__ == "__main__":
    main()
