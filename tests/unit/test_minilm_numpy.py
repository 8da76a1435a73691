"""MiniLM in NumPy gives the vectors sentence-transformers gives, without torch."""

from pathlib import Path

import numpy as np

from ai_workshop.themes.embedders import MINILM, available_engines, get_embedder

# Computed once with sentence-transformers 6.2.0 (torch, CPU) from the same wheel's model.
REFERENCE = Path(__file__).parent / "data" / "minilm_reference.npy"
TEXTS = [
    "Leaders trusting us to refund on the spot.",
    "Being allowed to decide without asking a manager.",
    "The printer on floor two jammed again, and nobody had the toner key for a whole afternoon.",
]


def test_numpy_minilm_matches_the_reference_model():
    assert MINILM in available_engines()
    vectors = get_embedder(MINILM).embed(TEXTS)
    reference = np.load(REFERENCE)
    agreement = np.sum(vectors * reference, axis=1)
    assert agreement.min() > 0.9999
    # and so it reads meaning: the two ways of saying "trusted to decide" sit together
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.1


def test_empty_texts_get_zero_vectors_and_batches_do_not_mix():
    embedder = get_embedder(MINILM)
    together = embedder.embed(["", TEXTS[0], "   ", TEXTS[2]])
    assert not together[0].any() and not together[2].any()
    alone = embedder.embed([TEXTS[2]])
    assert np.allclose(together[3], alone[0], atol=1e-5)
