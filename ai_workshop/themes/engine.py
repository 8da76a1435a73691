"""Cluster stories into 3-8 themes: strengths weigh most, then what made it possible,
then the story itself. Deterministic: the same stories always give the same themes."""

from collections import Counter

import numpy as np

from ai_workshop.themes.embedders import STATIC, TFIDF, get_embedder
from ai_workshop.themes.naming import distinctive_strengths, theme_name, unique_names
from ai_workshop.themes.strengths import map_to_vocabulary, strength_matrix
from ai_workshop.themes.tfidf import tfidf_vectors
from ai_workshop.themes.types import StoryInput, Suggestion, ThemeResult

MIN_STORIES = 8
K_RANGE = (3, 8)
# Each block is normalised, so these weights are each source's share of a story's vector.
WEIGHTS = {"strengths": 1.0, "made_possible": 0.9, "story": 0.8}
REFINE_ROUNDS = 5
SECONDARY_RATIO = 0.9  # a second theme within 90% of the first one's fit
SECONDARY_FLOOR = 0.35


def story_texts(stories: list[StoryInput]) -> dict[str, list[str]]:
    return {
        "made_possible": [story.made_possible for story in stories],
        "story": [f"{story.headline}. {story.story}" for story in stories],
    }


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


def feature_matrix(
    stories: list[StoryInput], per_story: list[list[str]], engine: str, vectors: dict | None
) -> np.ndarray:
    _terms, strengths = strength_matrix(per_story)
    # A strength few stories name says more than one that nearly every story names.
    strengths = strengths * (np.log(len(stories) / np.maximum(strengths.sum(axis=0), 1)) + 1)
    if engine == TFIDF:
        texts = story_texts(stories)
        text_blocks = {field: tfidf_vectors(texts[field]) for field in texts}
    else:
        text_blocks = vectors if vectors is not None else embed_stories(stories, engine)
        text_blocks = {field: _centred(matrix) for field, matrix in text_blocks.items()}
    features = np.hstack(
        [
            _block(strengths, WEIGHTS["strengths"]),
            _block(text_blocks["made_possible"], WEIGHTS["made_possible"]),
            _block(text_blocks["story"], WEIGHTS["story"]),
        ]
    )
    return _block(features, 1.0)


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


def choose_k(tree: np.ndarray, features: np.ndarray) -> int:
    """The k in 3-8 with the best silhouette (cosine), never more than a third of the stories."""
    from sklearn.metrics import silhouette_score  # see suggest_themes

    n = len(features)
    low, high = K_RANGE[0], min(K_RANGE[1], max(K_RANGE[0], n // 3))
    distances = np.clip(1.0 - features @ features.T, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    best_k, best_score = low, -2.0
    for k in range(low, high + 1):
        labels = _labels_for(tree, features, k)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(distances, labels, metric="precomputed")
        if score > best_score + 1e-9:
            best_k, best_score = k, score
    return best_k


def _describe(
    labels: np.ndarray, features: np.ndarray, per_story: list[list[str]]
) -> list[ThemeResult]:
    k = int(labels.max()) + 1
    centres = _centres(features, labels, k)
    fit = features @ centres.T
    totals = Counter(term for names in per_story for term in names)
    themes = []
    for cluster in range(k):
        members = [int(i) for i in np.flatnonzero(labels == cluster)]
        members.sort(key=lambda index: (-fit[index, cluster], index))
        strengths = distinctive_strengths(members, per_story, totals)
        themes.append(
            ThemeResult(
                name=theme_name(strengths, cluster),
                strengths=strengths,
                members=members,
                representative=members[0] if members else None,
                cohesion=round(float(np.clip(fit[members, cluster].mean(), 0, 1)), 3),
            )
        )
    _add_secondary(themes, fit, labels)
    themes.sort(key=lambda theme: (-len(theme.members), theme.members[0]))
    for theme, name in zip(
        themes, unique_names([t.name for t in themes], [t.strengths for t in themes]), strict=True
    ):
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
    # Strength names are mapped with the static vectors whatever the engine: the thresholds
    # were measured on them, and they are always installed.
    per_story = map_to_vocabulary(
        [list(story.strengths) for story in stories], list(vocabulary), get_embedder(STATIC)
    )
    features = feature_matrix(stories, per_story, engine, vectors)
    # Imported here: SciPy and scikit-learn take about a second to import, which a server
    # restarted mid-session must not spend before it answers again.
    from scipy.cluster.hierarchy import linkage

    tree = linkage(features, method="ward")
    chosen = max(2, min(int(k), n // 2)) if k else choose_k(tree, features)
    labels = _labels_for(tree, features, chosen)
    themes = _describe(labels, features, per_story)
    return Suggestion(themes=themes, engine=engine, k=len(themes))
