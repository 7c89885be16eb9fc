"""Curated questions as a retrieval field of their own: a caregiver's question is matched
against the questions editors wrote for each section (question entailment), not only against
the articles' wording."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from smabot.index import DELTA, K1, B, Index
from smabot.weights import Weights

# How many curated questions are looked at per question asked.
CANDIDATES = 10


@dataclass(frozen=True)
class QuestionMatch:
    """How well a passage's curated questions match the question asked."""

    share_of_best: float  # BM25+ of its best matching curated question / the best one's
    coverage: float  # the asked question's informative weight that curated question holds
    question: str


class QuestionField:
    """BM25+ over the curated questions, each pointing at its section's passages."""

    def __init__(self, index: Index) -> None:
        position = {p.id: i for i, p in enumerate(index.passages)}
        pointing: dict[str, list[int]] = {}  # a section's question points at all its passages
        for passage_id, questions in index.curated.items():
            for question in questions:
                pointing.setdefault(question, []).append(position[passage_id])
        self.questions = list(pointing.items())
        self.terms = [frozenset(index.analyzer.terms(q)) for q, _ in self.questions]
        self.terms_of = dict(zip((q for q, _ in self.questions), self.terms, strict=True))
        documents = [sorted(t) for t in self.terms]
        self.weights = Weights.from_documents(documents, K1, B, DELTA) if documents else None

    def matches(
        self, weights: dict[str, float], mass: dict[str, float]
    ) -> dict[int, QuestionMatch]:
        """Passage position -> its best curated-question match, for questions sharing a term."""
        if self.weights is None or not weights:
            return {}
        scored = self.weights.search(weights, CANDIDATES)
        total = sum(mass.values()) or 1.0
        found: dict[int, QuestionMatch] = {}
        best = 0.0
        for i, score in zip(scored.positions.tolist(), scored.scores.tolist(), strict=True):
            shared = self.terms[i] & weights.keys()
            if not shared:
                continue  # rank-bm25 gives non-matching documents a constant: not a match
            best = best or score
            question, positions = self.questions[i]
            match = QuestionMatch(
                score / best if best > 0 else 0.0, sum(mass[t] for t in shared) / total, question
            )
            for position in positions:
                if position not in found or found[position].share_of_best < match.share_of_best:
                    found[position] = match
        return found

    def reweighed(
        self, found: Mapping[int, QuestionMatch], mass: dict[str, float]
    ) -> dict[int, QuestionMatch]:
        """The same matches with each coverage taken from another weighing of the same terms
        (the question without its context's circumstances): no second search."""
        total = sum(mass.values()) or 1.0
        return {
            position: replace(
                match,
                coverage=sum(mass.get(t, 0.0) for t in self.terms_of[match.question]) / total,
            )
            for position, match in found.items()
        }
