"""The large-corpus scoring path (numpy, many postings) against rank-bm25's own scores."""

from __future__ import annotations

import numpy as np
from rank_bm25 import BM25Plus

from smabot.bench import query_texts, synthetic_passages
from smabot.index import DELTA, K1, B, index_passages, indexed_text
from smabot.weights import SMALL_QUERY

from .conftest import CORPUS


def test_the_numpy_path_gives_rank_bm25s_scores_and_order() -> None:
    from smabot.corpus import load_corpus

    passages, sources = synthetic_passages(3000)
    corpus = load_corpus(CORPUS)
    index = index_passages(passages, sources, corpus.synonyms, "large-path", corpus.red_flags)
    documents = [
        index.analyzer.terms(indexed_text(sources[p.source_id]["title"], p)) for p in passages
    ]
    reference = BM25Plus(documents, k1=K1, b=B, delta=DELTA)
    matrix = index.weights.matrix
    large = 0
    for text in query_texts(200):
        terms = index.analyzer.terms(text)
        weights: dict[str, float] = {}
        for term in terms:
            weights[term] = weights.get(term, 0.0) + 1.0
        rows = [index.weights.row[t] for t in weights if t in index.weights.row]
        postings = sum(int(matrix.indptr[r + 1] - matrix.indptr[r]) for r in rows)
        if postings <= SMALL_QUERY:
            continue  # the plain-Python path has its own test (test_index.py)
        large += 1
        expected = np.asarray(reference.get_scores(terms))
        scored = index.weights.search(weights, 10)
        assert np.allclose(scored.scores, expected[scored.positions], atol=1e-9)
        assert list(scored.positions) == list(np.argsort(-expected, kind="stable")[:10])
    assert large >= 20, f"only {large} queries reached the numpy path"
