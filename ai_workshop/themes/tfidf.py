"""The bag-of-words baseline: TF-IDF reduced with LSA, fitted on the stories at hand."""

import numpy as np

from ai_workshop.themes.text import content_text

LSA_DIMENSIONS = 100


def tfidf_vectors(texts: list[str]) -> np.ndarray:
    cleaned = [content_text(text) for text in texts]
    if not any(cleaned):
        return np.zeros((len(texts), 1), dtype=np.float32)
    # Imported here, not at start-up: see engine.suggest_themes.
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(cleaned)
    dimensions = min(LSA_DIMENSIONS, matrix.shape[0] - 1, matrix.shape[1] - 1)
    if dimensions >= 2:
        matrix = TruncatedSVD(n_components=dimensions, random_state=0).fit_transform(matrix)
    else:
        matrix = matrix.toarray()
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
