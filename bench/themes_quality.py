"""Theme quality on labelled sets: the engine beside two baselines, per set.

Usage:
  .venv/bin/python bench/themes_quality.py                       # the project's own sets
  .venv/bin/python bench/themes_quality.py --extra DIR           # also the sets in DIR
  .venv/bin/python bench/themes_quality.py --engine static       # the quick fallback engine
  .venv/bin/python bench/themes_quality.py --language de         # the sets told in German

Own sets: every bench/data/*.json with labelled "stories". With --extra, a directory holding
validation_stories.json (labelled stories) and clinc150_test.csv (short texts in intents) is
scored too; nothing in the project reads such a directory at run time or in its tests.

Per story set, with the true number of themes given: the engine (ARI / NMI on the whole set,
then the mean and spread over 5 random 85% subsets), the engine choosing k itself, and two
baselines with Ward linkage: the strength chips alone (one-hot), and chips beside MiniLM
sentence vectors of "made possible" and the story (when MiniLM is installed). Text-only sets
(intents) are sampled 8 and 12 intents at a time over several seeds.
"""

import argparse
import csv
import json
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ai_workshop.themes import StoryInput, suggest_themes  # noqa: E402
from ai_workshop.themes.embedders import (  # noqa: E402
    MINILM,
    get_embedder,
    minilm_installed,
    preferred_engine,
)
from ai_workshop.themes.engine import embed_stories  # noqa: E402
from ai_workshop.themes.strengths import strength_matrix  # noqa: E402
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS  # noqa: E402

SUBSETS = 5
INTENT_SEEDS = 5


def own_sets(language: str | None = None) -> dict:
    """bench/data's sets, or their translations in bench/data/<language>/."""
    sets = {}
    folder = ROOT / "bench" / "data" / (language or "")
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text())
        stories = [
            StoryInput(s["headline"], s["story"], s["made_possible"], tuple(s["strengths"]))
            for s in data["stories"]
        ]
        vocabulary = data.get("vocabulary") or [str(term) for term in CUSTOMER_SERVICE_STRENGTHS]
        sets[path.stem] = (stories, [s["theme"] for s in data["stories"]], vocabulary)
    return sets


def validation_set(path: Path) -> tuple:
    data = json.loads(path.read_text())
    stories = [
        StoryInput(s["title"], s["story"], s["made_possible"], tuple(s["strengths"])) for s in data
    ]
    # The set's own chip list is in its .md; its stories use no chip outside it.
    vocabulary = sorted({name for s in data for name in s["strengths"]})
    return stories, [s["theme_id"] for s in data], vocabulary


def intent_samples(path: Path, intents: int, seeds: int) -> list[tuple]:
    rows = list(csv.DictReader(path.open()))
    categories = sorted({row["category"] for row in rows})
    samples = []
    for seed in range(seeds):
        chosen = set(random.Random(seed).sample(categories, intents))
        picked = [row for row in rows if row["category"] in chosen]
        stories = [StoryInput("", row["text"]) for row in picked]
        samples.append((stories, [row["category"] for row in picked]))
    return samples


def labels_of(result, n: int) -> np.ndarray:
    labels = np.full(n, -1)
    for number, theme in enumerate(result.themes):
        labels[theme.members] = number
    return labels


def engine_scores(stories, truth, vocabulary, engine, k, vectors=None):
    result = suggest_themes(stories, k=k, engine=engine, vocabulary=vocabulary, vectors=vectors)
    labels = labels_of(result, len(stories))
    return (
        adjusted_rand_score(truth, labels),
        normalized_mutual_info_score(truth, labels),
        result.k,
    )


def subset_scores(stories, truth, vocabulary, engine, k, vectors) -> list[float]:
    scores = []
    for seed in range(SUBSETS):
        rng = np.random.default_rng(seed)
        chosen = sorted(rng.choice(len(stories), size=int(len(stories) * 0.85), replace=False))
        ari, _nmi, _k = engine_scores(
            [stories[i] for i in chosen],
            [truth[i] for i in chosen],
            vocabulary,
            engine,
            k,
            None if vectors is None else {name: v[chosen] for name, v in vectors.items()},
        )
        scores.append(ari)
    return scores


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _centred(vectors: np.ndarray) -> np.ndarray:
    return _unit(vectors - vectors.mean(axis=0))


def ward_scores(features, truth, k):
    labels = fcluster(linkage(features, method="ward"), t=k, criterion="maxclust")
    return adjusted_rand_score(truth, labels), normalized_mutual_info_score(truth, labels)


def chips_baseline(stories, truth, k):
    _terms, chips = strength_matrix([[name.lower() for name in s.strengths] for s in stories])
    return ward_scores(chips, truth, k)


def minilm_baseline(stories, truth, k):
    if not minilm_installed():
        return None
    model = get_embedder(MINILM)
    _terms, chips = strength_matrix([[name.lower() for name in s.strengths] for s in stories])
    # Centred: without removing what every story shares, the common direction drowns the rest
    # (uncentred, this baseline scores 0.1-0.2 ARI lower on most sets).
    made_possible = _centred(model.embed([s.made_possible for s in stories]))
    story = _centred(model.embed([f"{s.headline}. {s.story}" for s in stories]))
    return ward_scores(np.hstack([_unit(chips), made_possible, story]), truth, k)


def pair(scores) -> str:
    return "—" if scores is None else f"{scores[0]:.2f} / {scores[1]:.2f}"


def story_set_row(name, stories, truth, vocabulary, engine) -> str:
    k = len(set(truth))
    # Each story is embedded once, as the app stores it; the time is the grouping's alone.
    vectors = None if engine == "tfidf" else embed_stories(stories, engine)
    started = time.perf_counter()
    ari, nmi, _k = engine_scores(stories, truth, vocabulary, engine, k, vectors)
    elapsed = time.perf_counter() - started
    subsets = subset_scores(stories, truth, vocabulary, engine, k, vectors)
    auto_ari, auto_nmi, auto_k = engine_scores(stories, truth, vocabulary, engine, None, vectors)
    return (
        f"| {name} | {len(stories)} / {k} | **{ari:.2f} / {nmi:.2f}** "
        f"| {statistics.mean(subsets):.2f} ± {statistics.stdev(subsets):.2f} "
        f"| {auto_k} ({auto_ari:.2f} / {auto_nmi:.2f}) "
        f"| {pair(chips_baseline(stories, truth, k))} | {pair(minilm_baseline(stories, truth, k))} "
        f"| {elapsed:.2f} s |"
    )


def intent_row(name, samples, engine) -> str:
    nmis, aris, ks = [], [], []
    for stories, truth in samples:
        vectors = None if engine == "tfidf" else embed_stories(stories, engine)
        ari, nmi, _k = engine_scores(stories, truth, (), engine, len(set(truth)), vectors)
        aris.append(ari)
        nmis.append(nmi)
        ks.append(engine_scores(stories, truth, (), engine, None, vectors)[2])
    return (
        f"| {name} | {len(samples)} samples | NMI {statistics.mean(nmis):.2f} "
        f"(min {min(nmis):.2f}), ARI {statistics.mean(aris):.2f} | auto k: {', '.join(map(str, ks))} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=Path, help="a directory of outside validation sets")
    parser.add_argument("--engine", default=None)
    parser.add_argument(
        "--language", default=None, help="the own sets translated, from bench/data/<language>/"
    )
    args = parser.parse_args()
    args.engine = args.engine or preferred_engine(args.language or "en")
    print(f"engine: {args.engine}\n")
    print(
        "| set | stories / themes | engine, true k | 5 subsets of 85% | automatic k "
        "| chips alone (Ward) | MiniLM on chips + made possible + story (Ward) | time |"
    )
    print("|---|---|---|---|---|---|---|---|")
    sets = own_sets(args.language)
    if args.extra and (args.extra / "validation_stories.json").exists():
        sets["validation (outside)"] = validation_set(args.extra / "validation_stories.json")
    for name, (stories, truth, vocabulary) in sets.items():
        print(story_set_row(name, stories, truth, vocabulary, args.engine), flush=True)
    if args.extra and (args.extra / "clinc150_test.csv").exists():
        print("\n| text only | samples | engine, true k | automatic k |\n|---|---|---|---|")
        for intents in (8, 12):
            samples = intent_samples(args.extra / "clinc150_test.csv", intents, INTENT_SEEDS)
            print(intent_row(f"{intents} intents", samples, args.engine), flush=True)


if __name__ == "__main__":
    main()
