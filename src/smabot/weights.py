"""BM25+ contributions precomputed as a sparse term × passage matrix, searched by postings.

rank-bm25 defines the scores: the matrix is filled from a rank_bm25.BM25Plus model (its IDF,
passage lengths and average length), and a query costs work proportional to the postings of its
terms instead of a Python loop over every passage.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Plus
from scipy import sparse

# Below this many postings a query is scored in plain Python, above it with numpy.
SMALL_QUERY = 2048


@dataclass(frozen=True)
class Scored:
    """Positions of the best passages, best first, and their scores."""

    positions: np.ndarray
    scores: np.ndarray


class Weights:
    """Row t holds idf·(δ + tf·(k1+1)/(k1·norm + tf)) of term t in each passage that has it."""

    def __init__(
        self, terms: list[str], matrix: sparse.csr_matrix, idf: np.ndarray, delta: float
    ) -> None:
        self.terms = terms
        self.row = {term: i for i, term in enumerate(terms)}
        self.matrix = matrix
        self.columns = matrix.tocsc()  # the terms of one passage, for near-duplicate checks
        self.idf = idf
        self.delta = delta

    @classmethod
    def from_documents(
        cls, documents: list[list[str]], k1: float, b: float, delta: float
    ) -> Weights:
        """Fill the matrix from rank-bm25's own model of these documents."""
        model = BM25Plus(documents, k1=k1, b=b, delta=delta)
        terms = sorted(model.idf)
        row = {term: i for i, term in enumerate(terms)}
        idf = np.array([model.idf[t] for t in terms])
        doc_len = np.asarray(model.doc_len, dtype=float)
        norm = k1 * (1 - b + b * doc_len / model.avgdl) if len(doc_len) else doc_len
        rows, cols, tfs = [], [], []
        for doc, freqs in enumerate(model.doc_freqs):
            for term, tf in freqs.items():
                rows.append(row[term])
                cols.append(doc)
                tfs.append(tf)
        r, c, tf = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(tfs)
        # the same expression, in the same order, as BM25Plus.get_scores
        values = idf[r] * (delta + (tf * (k1 + 1)) / (norm[c] + tf)) if len(r) else np.zeros(0)
        matrix = sparse.csr_matrix((values, (r, c)), shape=(len(terms), len(documents)))
        matrix.sort_indices()
        return cls(terms, matrix, idf, delta)

    @property
    def passages(self) -> int:
        """How many passages the matrix covers."""
        return int(self.matrix.shape[1])

    def search(self, weights: dict[str, float], limit: int) -> Scored:
        """The `limit` best passages for weighted terms, ties in passage order (as a stable sort).

        A passage without any query term scores the constant Σ w·idf·δ, as in rank-bm25; such
        passages only fill the list when fewer than `limit` passages match.
        """
        rows = [(self.row[t], w) for t, w in weights.items() if t in self.row]
        base = sum(w * self.idf[r] * self.delta for r, w in rows)
        indptr = self.matrix.indptr
        postings = sum(int(indptr[r + 1] - indptr[r]) for r, _ in rows)
        if postings <= SMALL_QUERY:
            top, scores, matched = self._search_small(rows, base, limit)
        else:
            top, scores, matched = self._search_large(rows, base, limit)
        if len(top) < limit:  # pad with non-matching passages in order, as rank-bm25's ties would
            taken = set(matched)
            rest = [i for i in range(min(self.passages, limit + len(taken))) if i not in taken]
            pad = rest[: limit - len(top)]
            top = np.concatenate([top, np.array(pad, dtype=np.int64)])
            scores = np.concatenate([scores, np.full(len(pad), base)])
        return Scored(top, scores)

    def _search_small(
        self, rows: list[tuple[int, float]], base: float, limit: int
    ) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """Plain Python for few postings: numpy's per-call overhead would dominate."""
        indptr, indices, data = self.matrix.indptr, self.matrix.indices, self.matrix.data
        acc: dict[int, float] = {}
        for r, w in rows:
            start, end = indptr[r], indptr[r + 1]
            constant = self.idf[r] * self.delta
            for i, value in zip(indices[start:end].tolist(), data[start:end].tolist(), strict=True):
                acc[i] = acc.get(i, base) + w * (value - constant)
        best = heapq.nsmallest(limit, acc.items(), key=lambda item: (-item[1], item[0]))
        return (
            np.array([i for i, _ in best], dtype=np.int64),
            np.array([v for _, v in best], dtype=float),
            list(acc),
        )

    def _search_large(
        self, rows: list[tuple[int, float]], base: float, limit: int
    ) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """Vectorised accumulation over a dense score array, top k by argpartition."""
        indptr, indices, data = self.matrix.indptr, self.matrix.indices, self.matrix.data
        scores = np.full(self.passages, base)
        matched = np.zeros(self.passages, dtype=bool)
        for r, w in rows:
            start, end = indptr[r], indptr[r + 1]
            scores[indices[start:end]] += w * (data[start:end] - self.idf[r] * self.delta)
            matched[indices[start:end]] = True
        candidates = np.flatnonzero(matched)
        k = min(limit, len(candidates))
        if not k:
            return np.zeros(0, dtype=np.int64), np.zeros(0), []
        ranked = scores[candidates]
        kth = ranked[np.argpartition(-ranked, k - 1)[k - 1]]
        # every passage tied with the k-th stays in, so ties go by position as in a stable sort
        top = candidates[ranked >= kth]
        top = top[np.lexsort((top, -scores[top]))][:k]
        return top, scores[top], candidates.tolist()

    def terms_of(self, position: int) -> set[str]:
        """Every term of one passage."""
        start, end = self.columns.indptr[position], self.columns.indptr[position + 1]
        return {self.terms[i] for i in self.columns.indices[start:end]}

    def save(self, folder: Path) -> None:
        """Write weights.npz (plain arrays, no pickle)."""
        np.savez(
            folder / "weights.npz",
            data=self.matrix.data,
            indices=self.matrix.indices,
            indptr=self.matrix.indptr,
            idf=self.idf,
            shape=np.array(self.matrix.shape, dtype=np.int64),
            delta=np.array([self.delta]),
        )

    @classmethod
    def load(cls, folder: Path, terms: list[str]) -> Weights:
        """Read weights.npz written by `save`."""
        # Opened here, not by np.load: np.load leaks its own handle when the archive is corrupt.
        with (
            open(folder / "weights.npz", "rb") as handle,
            np.load(handle, allow_pickle=False) as arrays,
        ):
            matrix = sparse.csr_matrix(
                (arrays["data"], arrays["indices"], arrays["indptr"]),
                shape=tuple(int(n) for n in arrays["shape"]),
            )
            return cls(terms, matrix, arrays["idf"], float(arrays["delta"][0]))
