"""Consensus clustering: four different clusterings of the same stories vote, and stories that
land together in most of them form a theme.

Each method fails on a different kind of room (Ward on uneven theme sizes, spectral on thin
neighbourhoods, rank fusion when one view is noise), so their agreement holds up on rooms no
single method was tuned for. Everything is deterministic.
"""

import numpy as np


def normalised(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def rank_similarity(views: list[np.ndarray]) -> np.ndarray:
    """Each view's cosine similarities turned into per-story ranks (0..1), then averaged, so a
    view with wide similarities cannot drown one with narrow ones."""
    from scipy.stats import rankdata

    n = len(views[0])
    fused = np.zeros((n, n))
    for view in views:
        # Tied similarities (stories with the same chips) share their mean rank: ranking ties
        # by position would let rounding noise decide which story looks closer.
        fused += (rankdata(view @ view.T, axis=1, method="average") - 1) / max(n - 1, 1)
    fused /= len(views)
    return (fused + fused.T) / 2


def neighbour_graph(similarity: np.ndarray, neighbours: int) -> np.ndarray:
    """Keep each story's nearest neighbours only, symmetrically: spectral clustering's input."""
    n = len(similarity)
    masked = similarity.astype(float).copy()
    np.fill_diagonal(masked, -np.inf)
    nearest = np.argsort(-masked, axis=1, kind="stable")[:, : min(neighbours, n - 1)]
    graph = np.zeros((n, n))
    rows = np.arange(n)[:, None]
    graph[rows, nearest] = np.maximum(similarity[rows, nearest], 0) + 1e-6
    return np.maximum(graph, graph.T)


def _cut(tree: np.ndarray, k: int) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster

    return fcluster(tree, t=k, criterion="maxclust") - 1


def _average_linkage(similarity: np.ndarray, k: int) -> np.ndarray:
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    return _cut(linkage(squareform(distance, checks=False), method="average"), k)


class SpectralEmbedding:
    """A graph's normalised spectral embedding, decomposed once and reused for every k."""

    def __init__(self, graph: np.ndarray, most: int) -> None:
        from scipy.linalg import eigh

        degree = graph.sum(axis=1)
        self.inverse_root = 1.0 / np.sqrt(np.where(degree > 0, degree, 1.0))
        normalised_graph = graph * self.inverse_root[:, None] * self.inverse_root[None, :]
        n = len(graph)
        most = min(most, n)
        _values, vectors = eigh(normalised_graph, subset_by_index=[n - most, n - 1], driver="evr")
        self.vectors = vectors[:, ::-1]  # leading eigenvector first

    def labels(self, k: int) -> np.ndarray:
        """Each story assigned by a pivoted QR of the k-dimensional embedding: no random
        restarts, so the result is deterministic."""
        from scipy.linalg import qr, svd

        embedding = self.vectors[:, :k] * self.inverse_root[:, None]
        embedding /= np.maximum(np.linalg.norm(embedding, axis=1, keepdims=True), 1e-12)
        _q, _r, pivots = qr(embedding.T, pivoting=True)
        left, _s, right = svd(embedding[pivots[:k], :].T)
        return np.abs(embedding @ (left @ right)).argmax(axis=1)


class Consensus:
    """The pieces every k shares, computed once; labels(k) then costs four cheap clusterings."""

    def __init__(self, views: list[np.ndarray], most_themes: int = 12) -> None:
        from scipy.cluster.hierarchy import linkage

        self.views = [normalised(view) for view in views]
        self.features = normalised(np.hstack(self.views))
        self.n = len(self.features)
        self.ranks = rank_similarity(self.views)
        self.ward_tree = linkage(self.features, method="ward")
        self._rank_tree = None
        # Each story's neighbourhood grows with the room, so the graphs are the same for
        # every k and each is decomposed once.
        neighbours = int(np.clip(round(np.sqrt(self.n)), 5, 30))
        cosine = self.features @ self.features.T
        self.cosine_spectrum = SpectralEmbedding(neighbour_graph(cosine, neighbours), most_themes)
        self.rank_spectrum = SpectralEmbedding(neighbour_graph(self.ranks, neighbours), most_themes)

    def _rank_average(self, k: int) -> np.ndarray:
        if self._rank_tree is None:
            from scipy.cluster.hierarchy import linkage
            from scipy.spatial.distance import squareform

            distance = np.clip(1.0 - self.ranks, 0.0, None)
            np.fill_diagonal(distance, 0.0)
            self._rank_tree = linkage(squareform(distance, checks=False), method="average")
        return _cut(self._rank_tree, k)

    def votes(self, k: int) -> list[np.ndarray]:
        return [
            _cut(self.ward_tree, k),
            self.cosine_spectrum.labels(k),
            self._rank_average(k),
            self.rank_spectrum.labels(k),
        ]

    def agreement(self, k: int) -> np.ndarray:
        """How often each pair of stories lands in the same theme, 0..1."""
        together = np.zeros((self.n, self.n))
        for labels in self.votes(k):
            together += labels[:, None] == labels[None, :]
        return together / 4

    def labels(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        agreement = self.agreement(k)
        return _compact(_average_linkage(agreement, k)), agreement


class BaggedConsensus:
    """Consensus over many 80% samples of the room, each sample's agreement averaged over the
    pairs it holds. One odd story, or a tie broken one way, then moves a single vote among
    dozens instead of the whole grouping (bagging gained 0.02-0.04 mean ARI on the project's sets)."""

    MOST_SAMPLES, FEWEST_SAMPLES = 32, 8
    # Samples shrink as the room grows, so 400 stories still group in about a second.
    STORY_SAMPLES = 3200
    SHARE = 0.8

    def __init__(self, views: list[np.ndarray], most_themes: int = 12) -> None:
        self.views = views
        self.most_themes = most_themes
        self.features = normalised(np.hstack([normalised(view) for view in views]))
        self.n = len(self.features)
        self._full: Consensus | None = None
        size = max(2, int(self.n * self.SHARE))
        count = int(np.clip(self.STORY_SAMPLES // self.n, self.FEWEST_SAMPLES, self.MOST_SAMPLES))
        # Fixed seeds: the same stories always give the same themes.
        self.samples = [
            np.sort(np.random.default_rng(1000 + seed).choice(self.n, size=size, replace=False))
            for seed in range(count)
        ]
        self.parts = [
            Consensus([view[sample] for view in views], most_themes) for sample in self.samples
        ]

    def votes(self, k: int) -> list[np.ndarray]:
        """The whole room's four clusterings: what the automatic k is chosen by."""
        if self._full is None:
            self._full = Consensus(self.views, self.most_themes)
        return self._full.votes(k)

    def agreement(self, k: int) -> np.ndarray:
        together = np.zeros((self.n, self.n))
        seen = np.zeros((self.n, self.n))
        for sample, part in zip(self.samples, self.parts, strict=True):
            pairs = np.ix_(sample, sample)
            together[pairs] += part.agreement(k)
            seen[pairs] += 1
        return together / np.maximum(seen, 1)

    def labels(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        agreement = self.agreement(k)
        return _compact(_average_linkage(agreement, k)), agreement


def _compact(labels: np.ndarray) -> np.ndarray:
    """Number clusters 0..k-1 in order of first appearance."""
    mapping: dict[int, int] = {}
    return np.array([mapping.setdefault(int(label), len(mapping)) for label in labels])
