"""Cluster stories into themes from three views of each story: its strengths, what made it
possible and the story itself. Up to CONSENSUS_LIMIT stories, four clustering methods vote
(see consensus.py); beyond that, Ward alone keeps a big room fast. Deterministic: the same
stories always give the same themes."""

from collections import Counter

import numpy as np

from ai_workshop.themes.consensus import BaggedConsensus
from ai_workshop.themes.embedders import MULTILINGUAL, STATIC, TFIDF, get_embedder
from ai_workshop.themes.naming import (
    distinctive_strengths,
    proper_nouns,
    theme_names,
    unique_names,
)
from ai_workshop.themes.strengths import (
    MULTILINGUAL_MATCH,
    STATIC_MATCH,
    map_to_vocabulary,
    strength_matrix,
)
from ai_workshop.themes.text import content_words
from ai_workshop.themes.tfidf import tfidf_vectors
from ai_workshop.themes.types import StoryInput, Suggestion, ThemeResult

MIN_STORIES = 8
K_RANGE = (3, 12)
# A room's stories rarely hold more than 8 themes a facilitator can name; a summit of
# hundreds may hold more, so the automatic k may rise by one theme per 30 stories past 240.
ROOM_THEMES, STORIES_PER_EXTRA_THEME = 8, 30
# Nor does it make themes of fewer than three stories on average.
MIN_AVERAGE_THEME = 3
CONSENSUS_LIMIT = 400
# Each view is normalised, so these weights are each view's share of a story's vector.
# Chosen by cross-validation over the project's own labelled sets (docs/benchmarks.md).
WEIGHTS = {"strengths": 1.0, "made_possible": 1.0, "story": 1.0}
REFINE_ROUNDS = 5
NAMING_STORIES = 30
SECONDARY_RATIO = 0.9  # a second theme within 90% of the first one's fit
SECONDARY_FLOOR = 0.35


def story_texts(stories: list[StoryInput]) -> dict[str, list[str]]:
    return {
        "made_possible": [story.made_possible for story in stories],
        "story": [f"{story.headline}. {story.story}" for story in stories],
    }


def _strength_reader(engine: str) -> tuple:
    """The vectors and bars that map a teller's own strength words onto the chips: the
    static ones (English, always installed; the bars were measured on them), or, in a room
    read by the multilingual engine, that engine's, which read the room's language."""
    if engine == MULTILINGUAL:
        return get_embedder(MULTILINGUAL), MULTILINGUAL_MATCH
    return get_embedder(STATIC), STATIC_MATCH


def embed_stories(stories: list[StoryInput], engine: str = STATIC) -> dict[str, np.ndarray]:
    """The per-story vectors an app can store and hand back, so each story embeds once."""
    embedder = get_embedder(engine)
    return {field: embedder.embed(texts) for field, texts in story_texts(stories).items()}


def _centred(vectors: np.ndarray) -> np.ndarray:
    """Remove what all stories share (the domain's common direction), then renormalise."""
    present = np.linalg.norm(vectors, axis=1) > 0
    if present.sum() < 2:
        return vectors
    shifted = vectors - vectors[present].mean(axis=0)
    shifted[~present] = 0
    norms = np.linalg.norm(shifted, axis=1, keepdims=True)
    return shifted / np.where(norms == 0, 1, norms)


def _block(matrix: np.ndarray, weight: float) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return weight * matrix / np.where(norms == 0, 1, norms)


def story_views(
    stories: list[StoryInput], per_story: list[list[str]], engine: str, vectors: dict | None
) -> list[np.ndarray]:
    """The weighted views the clustering sees; a view no story fills (no chips, say) is left out."""
    _terms, strengths = strength_matrix(per_story)
    # A strength few stories name says more than one that nearly every story names.
    strengths = strengths * (np.log(len(stories) / np.maximum(strengths.sum(axis=0), 1)) + 1)
    if engine == TFIDF:
        texts = story_texts(stories)
        text_blocks = {field: tfidf_vectors(texts[field]) for field in texts}
    else:
        text_blocks = vectors if vectors is not None else embed_stories(stories, engine)
        text_blocks = {field: _centred(matrix) for field, matrix in text_blocks.items()}
    blocks = {"strengths": strengths, **text_blocks}
    return [
        _block(blocks[name], weight)
        for name, weight in WEIGHTS.items()
        if weight > 0 and np.linalg.norm(blocks[name], axis=1).any()
    ]


def _refine(features: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """A few spherical k-means steps from the hierarchical clusters' centres."""
    for _ in range(REFINE_ROUNDS):
        centres = _centres(features, labels, k)
        new_labels = np.argmax(features @ centres.T, axis=1)
        if np.array_equal(new_labels, labels) or len(set(new_labels)) < k:
            break
        labels = new_labels
    return labels


def _centres(features: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    centres = np.vstack([features[labels == cluster].mean(axis=0) for cluster in range(k)])
    norms = np.linalg.norm(centres, axis=1, keepdims=True)
    return centres / np.where(norms == 0, 1, norms)


def _labels_for(tree: np.ndarray, features: np.ndarray, k: int) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster  # see suggest_themes

    labels = fcluster(tree, t=k, criterion="maxclust") - 1
    k_found = len(set(labels))
    return _refine(features, labels, k_found)


def k_candidates(n: int) -> range:
    high = min(
        K_RANGE[1],
        max(ROOM_THEMES, n // STORIES_PER_EXTRA_THEME),
        max(K_RANGE[0], n // MIN_AVERAGE_THEME),
    )
    return range(K_RANGE[0], high + 1)


def cosine_distances(features: np.ndarray) -> np.ndarray:
    distances = np.clip(1.0 - features @ features.T, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    return distances


def _silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette: how much closer stories sit to their own theme than to the nearest
    other one (-1..1)."""
    clusters = np.unique(labels)
    if len(clusters) < 2:
        return -2.0
    member = (labels[:, None] == clusters[None, :]).astype(distances.dtype)
    sizes = member.sum(axis=0)
    mean_to = distances @ member / sizes  # each story's mean distance to each theme
    own = member.astype(bool)
    own_size = sizes[np.argmax(own, axis=1)]
    within = (mean_to[own] * own_size) / np.maximum(own_size - 1, 1)
    nearest_other = np.where(own, np.inf, mean_to).min(axis=1)
    scores = (nearest_other - within) / np.maximum(np.maximum(within, nearest_other), 1e-12)
    scores[own_size == 1] = 0.0  # a story alone in its theme scores 0, as is customary
    return float(scores.mean())


def choose_k(tree: np.ndarray, features: np.ndarray) -> int:
    """The k with the best silhouette (cosine) for Ward's clusters: the big-room path."""
    distances = cosine_distances(features)
    scores = {
        k: _silhouette(distances, _labels_for(tree, features, k))
        for k in k_candidates(len(features))
    }
    return max(scores, key=lambda k: (scores[k], -k))


def _consensus_labels(views: list[np.ndarray], k: int | None) -> tuple[np.ndarray, np.ndarray]:
    consensus = BaggedConsensus(views, most_themes=max(k or 0, K_RANGE[1]))
    if k:
        return consensus.labels(k)[0], consensus.features
    # k is the one whose four clusterings separate the stories best on average: one
    # clustering's silhouette over a few dozen stories is too noisy to choose by.
    distances = cosine_distances(consensus.features)
    scores = {
        candidate: float(np.mean([_silhouette(distances, v) for v in consensus.votes(candidate)]))
        for candidate in k_candidates(consensus.n)
    }
    best = max(scores, key=lambda candidate: (scores[candidate], -candidate))
    return consensus.labels(best)[0], consensus.features


def _ward_labels(views: list[np.ndarray], k: int | None) -> tuple[np.ndarray, np.ndarray]:
    from scipy.cluster.hierarchy import linkage  # see suggest_themes

    features = _block(np.hstack(views), 1.0)
    tree = linkage(features, method="ward")
    return _labels_for(tree, features, k or choose_k(tree, features)), features


def _describe(
    labels: np.ndarray,
    features: np.ndarray,
    per_story: list[list[str]],
    stories: list[StoryInput],
) -> list[ThemeResult]:
    k = int(labels.max()) + 1
    centres = _centres(features, labels, k)
    fit = features @ centres.T
    totals = Counter(term for names in per_story for term in names)
    themes, alternatives = [], []
    for cluster in range(k):
        members = [int(i) for i in np.flatnonzero(labels == cluster)]
        members.sort(key=lambda index: (-fit[index, cluster], index))
        strengths = distinctive_strengths(members, per_story, totals)
        # Only words a teller allowed to be shown may become a name the room sees; the
        # theme's most central stories are enough to find its words.
        # Only the central half of the theme may name it: a story that sits at its edge (or
        # belongs elsewhere) must not give it a name its other stories contradict.
        central = members[: max(3, (len(members) + 1) // 2)]
        quotable = [i for i in central if stories[i].quotable][:NAMING_STORIES]
        words = Counter(
            word
            for i in quotable
            for word in set(content_words(f"{stories[i].made_possible} {stories[i].story}"))
        )
        names = theme_names(
            [(stories[i].made_possible, float(fit[i, cluster])) for i in quotable],
            [(stories[i].headline, float(fit[i, cluster])) for i in quotable],
            words,
            len(quotable),
            strengths,
            cluster,
            proper_nouns(
                [
                    f"{s.headline}. {s.story} {s.made_possible}"
                    for s in (stories[i] for i in members)
                ]
            ),
        )
        alternatives.append(names)
        themes.append(
            ThemeResult(
                name=names[0],
                strengths=strengths,
                members=members,
                representative=members[0] if members else None,
                cohesion=round(float(np.clip(fit[members, cluster].mean(), 0, 1)), 3),
            )
        )
    _add_secondary(themes, fit, labels)
    order = sorted(range(k), key=lambda c: (-len(themes[c].members), themes[c].members[0]))
    themes = [themes[c] for c in order]
    unique = unique_names([t.name for t in themes], [alternatives[c] for c in order])
    for theme, name in zip(themes, unique, strict=True):
        theme.name = name
    return themes


def _add_secondary(themes: list[ThemeResult], fit: np.ndarray, labels: np.ndarray) -> None:
    if fit.shape[1] < 2:
        return
    for index, primary in enumerate(labels):
        ranked = np.argsort(-fit[index])
        second = int(ranked[1]) if ranked[0] == primary else int(ranked[0])
        best, other = fit[index, primary], fit[index, second]
        if other >= SECONDARY_FLOOR and other >= SECONDARY_RATIO * best:
            themes[second].secondary.append(index)


def suggest_themes(
    stories: list[StoryInput],
    k: int | None = None,
    engine: str = STATIC,
    vocabulary: list[str] | tuple[str, ...] = (),
    vectors: dict[str, np.ndarray] | None = None,
) -> Suggestion:
    """Themes for these stories; with fewer than MIN_STORIES it declines and says why."""
    n = len(stories)
    if n < MIN_STORIES:
        return Suggestion(
            themes=[],
            engine=engine,
            too_few=True,
            message=f"{n} stories are too few to suggest themes: group them by hand, "
            f"or wait for at least {MIN_STORIES}.",
        )
    per_story = map_to_vocabulary(
        [list(story.strengths) for story in stories], list(vocabulary), *_strength_reader(engine)
    )
    views = story_views(stories, per_story, engine, vectors)
    chosen = max(2, min(int(k), n // 2)) if k else None
    # SciPy and scikit-learn are imported inside the functions: they take about a second to
    # import, which a server restarted mid-session must not spend before it answers again.
    cluster = _consensus_labels if n <= CONSENSUS_LIMIT else _ward_labels
    labels, features = cluster(views, chosen)
    themes = _describe(labels, features, per_story, stories)
    return Suggestion(themes=themes, engine=engine, k=len(themes))
