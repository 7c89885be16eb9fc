"""Learning to rank against today's rule, cross-validated by source on train (issue 11, item 2).

Not part of the test suite. Run it in the project's venv (scikit-learn came with the safety
backstop):

    .venv/bin/python tests/eval/rank_experiment.py --C 1.0 [--test]

For the BM25 candidates of every question (the same window `Answerer` re-ranks) it builds
today's named features: BM25+ over the indexed passage and, separately, over its text, heading
path and source title (rank-bm25 scores, one model per field); coverage; focus; the curated
question match; intent match and mismatch; closeness in meaning (`meaning.py`); the medicine
asked about against the passage's; source kind. A
logistic regression over them replaces `Answerer._rerank`'s order inside the real answer path
(the no-answer rule unchanged), so the figures are those of `smabot eval`. It is fitted on four
fifths of train's sources and scored on the fifth, five times, then on all of train for dev,
caregivers, the regression set and (with --test, once) the frozen test split.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from smabot.answer import AUTHORITY, Answerer, Query
from smabot.corpus import load_corpus
from smabot.evaluate import (
    EvalQuestion,
    Outcome,
    answerer_asker,
    evaluate,
    load_questions,
    normalise,
)
from smabot.index import DELTA, K1, B, Hit, build_index
from smabot.weights import Weights

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "train": ROOT / "tests/eval/collected/train.jsonl",
    "dev": ROOT.parent / "shared" / "eval" / "dev.jsonl",
    "caregivers": ROOT / "tests/eval/caregivers.jsonl",
    "regression": ROOT / "corpus/questions/regression.jsonl",
}
FEATURES = (
    "log_bm25",
    "bm25_share_of_best",
    "bm25_text",
    "bm25_heading",
    "bm25_title",
    "coverage",
    "focus",
    "curated_question",
    "intent_match",
    "intent_other",
    "closeness",
    "same_medicine",
    "other_medicine",
    "authority",
    "marketing_or_ai",
)
Row = list[float]


class Features:
    """Named features of a question's candidates, over the bundled corpus."""

    def __init__(self, answerer: Answerer) -> None:
        self.answerer = answerer
        index = answerer.index
        terms = index.analyzer.terms
        fields = {
            "text": [terms(p.text) for p in index.passages],
            "heading": [terms(" ".join(p.section)) for p in index.passages],
            "title": [terms(index.sources[p.source_id]["title"]) for p in index.passages],
        }
        self.fields = {
            name: Weights.from_documents(docs, K1, B, DELTA) for name, docs in fields.items()
        }

    def _field(self, name: str, query: Query, position: int) -> float:
        weights = self.fields[name]
        column = weights.matrix.getcol(position)
        score = 0.0
        for term, w in query.weights.items():
            row = weights.row.get(term)
            if row is not None:
                value = column[row, 0]
                score += w * (value if value else weights.idf[row] * weights.delta)
        return score

    def rows(self, hits: list[Hit], query: Query) -> list[Row]:
        """One feature row per candidate."""
        a = self.answerer
        index = a.index
        asked = {t for t in query.weights if t in a._drugs}
        best = max((h.score for h in hits), default=1.0) or 1.0
        rows = []
        for hit in hits:
            about = a._drugs & a._terms(hit)
            kind = index.sources[hit.passage.source_id]["kind"]
            match = query.matches.get(hit.position)
            rows.append(
                [
                    math.log1p(max(hit.score, 0.0)),
                    hit.score / best,
                    math.log1p(self._field("text", query, hit.position)),
                    math.log1p(self._field("heading", query, hit.position)),
                    math.log1p(self._field("title", query, hit.position)),
                    a.coverage(hit, query),
                    a.focus(hit, query),
                    match.share_of_best * match.coverage if match else 0.0,
                    float(bool(query.intents & a._section_intents[hit.position])),
                    float(a._intent_factor(hit.position, query) < 1),
                    a._closeness(hit, query),
                    float(bool(asked and about & asked)),
                    float(bool(asked and about and not about & asked)),
                    AUTHORITY.get(kind, 0),
                    float(kind in ("clinic_marketing", "ai_generated")),
                ]
            )
        return rows


def relevant(question: EvalQuestion, hit: Hit) -> bool:
    """Whether a passage answers: listed in `answers`, else it holds a gold phrase."""
    if question.answers:
        return hit.passage.id in question.answers
    text = normalise(hit.passage.text)
    return any(normalise(g) in text for g in question.gold)


def training_rows(features: Features, questions: list[EvalQuestion]) -> tuple[list[Row], list[int]]:
    """Feature rows and relevance labels of every answerable question's candidates."""
    a = features.answerer
    rows: list[Row] = []
    labels: list[int] = []
    for question in questions:
        if question.expect != "answer":
            continue
        query = a.query(str(question.question), question.history_texts())
        if not query.weights:
            continue
        hits = a.index.search(query.weights, a.tuning.rerank_window)
        rows += features.rows(hits, query)
        labels += [int(relevant(question, h)) for h in hits]
    return rows, labels


class Model:
    """Standardised features times coefficients: what a runtime ranker would save as JSON."""

    def __init__(self, rows: list[Row], labels: list[int], c: float) -> None:
        scaler = StandardScaler().fit(rows)
        fitted = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        fitted.fit(scaler.transform(rows), labels)
        scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
        self.coef = fitted.coef_[0] / scale
        self.intercept = float(fitted.intercept_[0] - (scaler.mean_ * self.coef).sum())

    def named(self) -> dict[str, float]:
        """Coefficients by feature name (in raw feature units)."""
        return {n: round(float(c), 3) for n, c in zip(FEATURES, self.coef, strict=True)}

    def score(self, row: Row) -> float:
        """Log-odds that a candidate answers."""
        return self.intercept + float(np.dot(self.coef, row))


def install(features: Features, model: Model | None) -> Answerer:
    """An Answerer whose re-ranking is the model's (None: today's rule)."""
    a = features.answerer
    if model is None:
        return a
    ranker = Answerer(a.index)

    def rerank(hits: list[Hit], query: Query) -> list[tuple[float, Hit]]:
        rows = features.rows(hits, query)
        # a positive score that keeps the order, so MIN_RELATIVE_SCORE keeps its meaning
        ranked = [(1 / (1 + math.exp(-model.score(r))), h) for r, h in zip(rows, hits, strict=True)]
        ranked.sort(key=lambda pair: -pair[0])
        return ranked

    ranker._rerank = rerank  # type: ignore[method-assign]
    return ranker


def figures(answerer: Answerer, questions: list[EvalQuestion]) -> tuple[float, ...]:
    """hit@1, hit@3, MRR@5 and no-answer accuracy through the real answer path."""
    r = evaluate(questions, answerer_asker(answerer))
    return r.hit_at_1, r.hit_at_3, r.mrr_at_5, r.no_answer_accuracy


def pooled(answerer: Answerer, questions: list[EvalQuestion]) -> list[Outcome]:
    """Per-question results, to pool the held-out folds."""
    return evaluate(questions, answerer_asker(answerer)).results


def summarise(results: list[Outcome]) -> tuple[float, ...]:
    """hit@1, hit@3, MRR@5, no-answer accuracy of pooled per-question results."""
    ranks = [r.rank for r in results if r.expect == "answer"]
    refusals = [r.ok for r in results if r.expect == "no_answer"]

    def mean(values: list[float]) -> float:
        return round(sum(values) / len(values), 3) if values else 1.0

    return (
        mean([float(r == 1) for r in ranks]),
        mean([float(r is not None and r <= 3) for r in ranks]),
        mean([1 / r if r is not None and r <= 5 else 0.0 for r in ranks]),
        mean([float(ok) for ok in refusals]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--C", type=float, nargs="+", default=[1.0], help="regularisation")
    parser.add_argument("--test", action="store_true", help="also score the frozen test split")
    args = parser.parse_args()
    features = Features(Answerer(build_index(load_corpus(ROOT / "corpus"))))
    sets = {name: load_questions(path) for name, path in SETS.items() if path.exists()}
    train = sets["train"]
    groups = sorted({q.source_name for q in train})
    folds = [set(groups[i::5]) for i in range(5)]
    rule: list[Outcome] = []
    for fold in folds:
        rule += pooled(install(features, None), [q for q in train if q.source_name in fold])
    print("train 5-fold by source, rule   h1/h3/mrr/na", summarise(rule))
    for c in args.C:
        learned: list[Outcome] = []
        for fold in folds:
            rows, labels = training_rows(features, [q for q in train if q.source_name not in fold])
            model = Model(rows, labels, c)
            held = [q for q in train if q.source_name in fold]
            learned += pooled(install(features, model), held)
        print(f"train 5-fold by source, C={c:<5} h1/h3/mrr/na", summarise(learned))
    model = Model(*training_rows(features, train), args.C[0])
    print(f"coefficients (C={args.C[0]}):", model.named())
    if args.test:
        sets["test"] = load_questions(ROOT / "tests/eval/collected/test.jsonl")
    for name, questions in sets.items():
        if name == "train":
            continue
        print(f"{name:>10} rule  ", figures(install(features, None), questions))
        print(f"{name:>10} model ", figures(install(features, model), questions))


if __name__ == "__main__":
    main()
