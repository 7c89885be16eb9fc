"""Learning to rank against today's hand-tuned ranking, cross-validated by source (issue 11).

Not part of the test suite (scikit-learn is not a smabot dependency). Run it in its own venv:

    python3 -m venv /tmp/rank-venv
    /tmp/rank-venv/bin/pip install scikit-learn -e .
    /tmp/rank-venv/bin/python tests/eval/rank_experiment.py --C 1.0 --test

For every BM25 candidate of every answerable question it builds named features (BM25 and its
share of the best, rank, coverage of the question overall and in the passage text, heading path
and title, medicine match and mismatch, source kind, best sentence, length), fits a logistic
regression on the train split after a 5-fold cross-validation grouped by source, and compares
hit@1, hit@3 and MRR@5 of its order with today's `Answerer._rerank` order and with plain BM25.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from smabot.answer import AUTHORITY, Answerer
from smabot.corpus import load_corpus
from smabot.evaluate import normalise
from smabot.index import Hit, build_index

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
FEATURES = (
    "bm25",
    "bm25_share_of_best",
    "rank",
    "log_rank",
    "coverage",
    "coverage_text",
    "coverage_heading",
    "coverage_title",
    "same_medicine",
    "other_medicine",
    "authority",
    "marketing_or_ai",
    "best_sentence",
    "length_100_words",
)
Row = list[float]
Scorer = Callable[[list[Hit], list[Row]], list[int]]


class Features:
    """Named features of a question's BM25 candidates, over the bundled corpus."""

    def __init__(self) -> None:
        self.index = build_index(load_corpus(ROOT / "corpus"))
        self.answerer = Answerer(self.index)
        terms = self.index.analyzer.terms
        self.titles = {sid: set(terms(s["title"])) for sid, s in self.index.sources.items()}
        self.headings = [set(terms(" ".join(p.section))) for p in self.index.passages]
        self.texts = [set(terms(p.text)) for p in self.index.passages]

    def of(self, question: dict[str, Any]) -> tuple[list[Hit], list[Row]]:
        """Candidates and their feature rows; each row ends with today's rank (not a feature)."""
        query = self.answerer.query(question["question"], question.get("history", []))
        hits = self.index.search(query.weights, 20) if query.weights else []
        if not hits:
            return [], []
        today = {h.position: i for i, (_, h) in enumerate(self.answerer._rerank(hits, query))}
        asked = {t for t in query.weights if t in self.answerer._drugs}

        def cover(terms: set[str]) -> float:
            found = sum(query.mass[t] for t in query.weights if t in terms)
            return found / query.total if query.total else 0.0

        rows = []
        for rank, hit in enumerate(hits):
            position, source = hit.position, hit.passage.source_id
            about = self.answerer._drugs & self.index.terms_of(position)
            kind = self.index.sources[source]["kind"]
            best = max(
                (
                    sum(query.info[t] * w for t, w in query.weights.items() if t in terms)
                    for _, _, terms in self.index.sentences_of(position)
                ),
                default=0.0,
            )
            rows.append(
                [
                    hit.score,
                    hit.score / hits[0].score,
                    rank,
                    math.log1p(rank),
                    self.answerer.coverage(hit, query),
                    cover(self.texts[position]),
                    cover(self.headings[position]),
                    cover(self.titles[source]),
                    float(bool(asked and about & asked)),
                    float(bool(asked and about and not about & asked)),
                    AUTHORITY.get(kind, 0),
                    float(kind in ("clinic_marketing", "ai_generated")),
                    best / query.total if query.total else 0.0,
                    len(hit.passage.text.split()) / 100,
                    today[position],
                ]
            )
        return hits, rows


def load(path: Path, group: str | None = None) -> list[dict[str, Any]]:
    """Answerable questions of a file, each with the group (source) it is split by."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["expect"] == "answer":
            found.append({**row, "group": group or row.get("source_name", path.name)})
    return found


def relevant(question: dict[str, Any], hit: Hit) -> bool:
    """Whether a passage answers: listed in `answers`, else it holds a gold phrase."""
    if question.get("answers"):
        return hit.passage.id in question["answers"]
    text = normalise(hit.passage.text)
    return any(normalise(g) in text for g in question.get("gold", []))


def figures(
    features: Features, questions: list[dict[str, Any]], scorer: Scorer
) -> tuple[float, float, float, int]:
    """hit@1, hit@3, MRR@5 and how many questions, for one way of ordering candidates."""
    hit1 = hit3 = mrr = 0.0
    for question in questions:
        hits, rows = features.of(question)
        if not hits:
            continue
        found = [relevant(question, hits[i]) for i in scorer(hits, rows)]
        hit1 += found[0]
        hit3 += any(found[:3])
        first = next((k for k, ok in enumerate(found[:5]) if ok), None)
        mrr += 1 / (first + 1) if first is not None else 0.0
    n = len(questions)
    return round(hit1 / n, 3), round(hit3 / n, 3), round(mrr / n, 3), n


def fit(features: Features, questions: list[dict[str, Any]], c: float) -> Scorer:
    """A logistic regression on the questions' candidates, as a way of ordering them."""
    rows, labels = [], []
    for question in questions:
        hits, found = features.of(question)
        rows += [r[:-1] for r in found]
        labels += [int(relevant(question, h)) for h in hits]
    scaler = StandardScaler().fit(rows)
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(scaler.transform(rows), labels)

    def order(hits: list[Hit], candidates: list[Row]) -> list[int]:
        scores = model.decision_function(scaler.transform(np.array([r[:-1] for r in candidates])))
        return [int(i) for i in np.argsort(-scores, kind="stable")]

    order.coefficients = dict(zip(FEATURES, model.coef_[0].round(2), strict=True))  # type: ignore[attr-defined]
    return order


def todays_order(hits: list[Hit], rows: list[Row]) -> list[int]:
    """Today's hand-tuned order (`Answerer._rerank`)."""
    return sorted(range(len(hits)), key=lambda i: rows[i][-1])


def bm25_order(hits: list[Hit], rows: list[Row]) -> list[int]:
    """Plain BM25+ order."""
    return list(range(len(hits)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation")
    parser.add_argument("--test", action="store_true", help="also score the frozen test split")
    args = parser.parse_args()
    features = Features()
    train = (
        load(ROOT / "tests/eval/collected/train.jsonl")
        + load(ROOT / "tests/eval/caregivers.jsonl", "caregivers")
        + load(ROOT / "corpus/questions/regression.jsonl", "regression")
    )

    ways: dict[str, Scorer] = {"today": todays_order, "bm25": bm25_order}
    groups = sorted({q["group"] for q in train})
    pooled: dict[str, list[tuple[float, float, float, int]]] = {"today": [], "model": []}
    for fold in (groups[i::5] for i in range(5)):
        held = [q for q in train if q["group"] in fold]
        model = fit(features, [q for q in train if q["group"] not in fold], args.C)
        pooled["today"].append(figures(features, held, ways["today"]))
        pooled["model"].append(figures(features, held, model))
    for name, parts in pooled.items():
        n = sum(p[3] for p in parts)
        mean = [round(sum(p[k] * p[3] for p in parts) / n, 3) for k in range(3)]
        print(f"train, cross-validated by source: {name:>6} hit@1/hit@3/MRR@5 {mean} (n={n})")
    model = fit(features, train, args.C)
    print("coefficients:", model.coefficients)  # type: ignore[attr-defined]
    if args.test:
        sets = {"test": load(ROOT / "tests/eval/collected/test.jsonl")}
        if DEV.exists():
            sets["dev"] = load(DEV, "dev")
        for name, questions in sets.items():
            for way, scorer in (*ways.items(), ("model", model)):
                print(
                    f"{name:>5} {way:>6} hit@1/hit@3/MRR@5/n", figures(features, questions, scorer)
                )


if __name__ == "__main__":
    main()
