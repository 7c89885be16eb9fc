"""A learned "not covered" decision against today's two thresholds (issue 11, item 5): not adopted.

Not part of the test suite. Run it in the project's venv (scikit-learn came with the safety
backstop):

    .venv/bin/python tests/eval/gate_experiment.py [--C 0.3] [--p 0.4 0.5 0.6]

`Answerer.covers` (coverage >= 0.4 and focus >= 0.49 on the best passage) is replaced by a
logistic regression over named features of the question and its best passage. It is fitted on
four fifths of train's sources plus the project's own caregivers' and regression sets, scored
on the fifth through the real answer path, five times; then fitted on all of them for dev.
"""

from __future__ import annotations

import argparse
import math

from rank_experiment import ROOT, SETS, pooled, summarise
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from smabot.answer import Answerer, Query
from smabot.corpus import load_corpus
from smabot.evaluate import EvalQuestion, load_questions
from smabot.index import Hit, build_index

FEATURES = (
    "coverage",
    "focus",
    "coverage_in_text",
    "curated_question",
    "share_no_article_uses",
    "asks_an_intent",
    "intent_factor",
    "log_words",
    "log_question_weight",
)


def features(a: Answerer, hit: Hit, query: Query, words: int) -> list[float]:
    """The named features of a question and its best passage."""
    total = query.total or 1.0
    match = query.matches.get(hit.position)
    return [
        a.coverage(hit, query),
        a.focus(hit, query),
        sum(query.mass[t] for t in hit.matched) / total,
        match.coverage if match else 0.0,
        sum(query.mass[t] for t in query.weights if not a.index.has_term(t)) / total,
        float(bool(query.intents)),
        a._intent_factor(hit.position, query),
        math.log1p(words),
        math.log1p(query.total),
    ]


class Gated(Answerer):
    """An Answerer whose "covers" is the model's probability against a cut-off."""

    model: tuple[StandardScaler, LogisticRegression] | None = None
    cut: float = 0.5
    words: int = 0

    def ask(self, question: str, history=(), top_k: int = 3, locale=None):  # type: ignore[no-untyped-def]
        """Remember the question's length for the features, then answer as usual."""
        self.words = len(question.split())
        return super().ask(question, history, top_k, locale)

    def covers(self, hit: Hit, query: Query) -> bool:
        """The model's decision (today's rule when none is fitted)."""
        if self.model is None:
            return super().covers(hit, query)
        scaler, fitted = self.model
        row = scaler.transform([features(self, hit, query, self.words)])
        return bool(fitted.predict_proba(row)[0, 1] >= self.cut)


def rows(a: Answerer, questions: list[EvalQuestion]) -> tuple[list[list[float]], list[int]]:
    """One row per answerable or uncovered question: its best passage's features, and the label."""
    xs, ys = [], []
    for q in questions:
        if q.expect not in ("answer", "no_answer"):
            continue
        query = a.query(str(q.question), q.history_texts())
        ranked = a._ranked(query, 3) if query.weights else []
        if not ranked:
            continue
        xs.append(features(a, ranked[0][1], query, len(str(q.question).split())))
        ys.append(int(q.expect == "answer"))
    return xs, ys


def fit(
    a: Answerer, questions: list[EvalQuestion], c: float
) -> tuple[StandardScaler, LogisticRegression]:
    """A standardised, class-balanced logistic regression."""
    xs, ys = rows(a, questions)
    scaler = StandardScaler().fit(xs)
    fitted = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    return scaler, fitted.fit(scaler.transform(xs), ys)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--C", type=float, default=0.3, help="regularisation")
    parser.add_argument("--p", type=float, nargs="+", default=[0.4, 0.5, 0.6], help="cut-offs")
    args = parser.parse_args()
    a = Gated(build_index(load_corpus(ROOT / "corpus")))
    sets = {name: load_questions(path) for name, path in SETS.items() if path.exists()}
    train, extra = sets["train"], sets["caregivers"] + sets["regression"]
    groups = sorted({q.source_name for q in train})
    folds = [set(groups[i::5]) for i in range(5)]
    print("train 5-fold by source, rule      h1/h3/mrr/na", summarise(pooled(a, train)))
    for cut in args.p:
        a.cut, held = cut, []
        for fold in folds:
            a.model = fit(a, [q for q in train if q.source_name not in fold] + extra, args.C)
            held += pooled(a, [q for q in train if q.source_name in fold])
        print(f"train 5-fold by source, p>={cut:<4}  h1/h3/mrr/na", summarise(held))
    a.model = fit(a, train + extra, args.C)
    named = zip(FEATURES, a.model[1].coef_[0], strict=True)
    print("standardised coefficients:", {n: round(float(c), 3) for n, c in named})
    if "dev" in sets:
        for cut in args.p:
            a.cut = cut
            print(f"dev, p>={cut:<4}  h1/h3/mrr/na", summarise(pooled(a, sets["dev"])))
        a.model = None
        print("dev, rule     h1/h3/mrr/na", summarise(pooled(a, sets["dev"])))


if __name__ == "__main__":
    main()
