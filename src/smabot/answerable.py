"""Whether the best passage answers a question: a logistic regression over named features.

The lexical rule (`Answerer.covers`: enough of the question's words, in what the passage is
about) refuses questions put in words the articles never use, and answers some that only
share words. Beside it, the model weighs how close in meaning the question is to what the
passage answers (`meaning.py`). `smabot train-answerable` fits it on the repo's train sets
and writes `answerable.json`; `smabot ask --explain` shows each feature's part.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smabot.answer import Answerer
    from smabot.evaluate import EvalQuestion

MODEL_PATH = Path(__file__).with_name("answerable.json")
# the sets it learns from; never tests/eval/collected/test.jsonl (frozen, scored only)
TRAIN_FILES = (
    "tests/eval/collected/train.jsonl",
    "tests/eval/paraphrased/train.jsonl",
    "tests/eval/caregivers.jsonl",
    "corpus/questions/regression.jsonl",
)
FEATURES = (
    "lexical rule",  # 1 when the words rule holds (Answerer.covers)
    "closeness",  # cosine of the question with the nearest of what the passage answers
    "best closeness",  # the same for the closest passage of all
    "closeness lead",  # how far the closest passage stands above the next one
    "mean closeness",  # how near the question is to the articles at all
    "coverage",  # share of the question's informative weight the passage holds
    "focus",  # share held in what the passage is about
    "coverage alone",  # the same without the circumstances its context tells
    "focus alone",
    "unknown words",  # share of the question's weight in words no article uses
    "context",  # 1 when sentences beside the question tell its circumstances
    "follow-up",  # 1 when the conversation has earlier questions
    "bm25",  # log(1 + BM25+ score) of the passage
    "terms",  # the question's terms, at most 20
)
# answer when the model finds an answer more likely right than not
THRESHOLD = 0.5


@dataclass(frozen=True)
class Model:
    """Weights per feature and an intercept: the probability that answering is right."""

    weights: Mapping[str, float]
    intercept: float

    def parts(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each feature's part of the log-odds (`smabot ask --explain`)."""
        return {name: self.weights[name] * features[name] for name in FEATURES}

    def probability(self, features: Mapping[str, float]) -> float:
        """The probability that the passage answers the question."""
        return 1 / (1 + math.exp(-(self.intercept + sum(self.parts(features).values()))))


def train(examples: Sequence[tuple[Mapping[str, float], bool]]) -> Model:
    """Fit on (features, answering is right) pairs; deterministic (lbfgs, no sampling)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[f[name] for name in FEATURES] for f, _ in examples], dtype=float)
    y = np.array([right for _, right in examples], dtype=int)
    fitted = LogisticRegression(C=1.0, max_iter=10_000).fit(x, y)
    weights = dict(zip(FEATURES, (float(w) for w in fitted.coef_[0]), strict=True))
    return Model(weights, float(fitted.intercept_[0]))


def save(model: Model, path: Path = MODEL_PATH) -> None:
    """Write the model as JSON, one weight per named feature."""
    data = {"weights": dict(model.weights), "intercept": model.intercept}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def load(path: Path = MODEL_PATH) -> Model:
    """The committed model (or another file `save` wrote)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model({name: float(data["weights"][name]) for name in FEATURES}, data["intercept"])


def examples(
    answerer: Answerer, questions: Sequence[EvalQuestion]
) -> list[tuple[dict[str, float], bool]]:
    """(features, answering is right) for each question the model decides on.

    Answering is right when the question is answerable and a passage holding one of its gold
    phrases is among the three best; an unanswerable one is rightly refused.
    """
    from smabot.evaluate import normalise

    found = []
    for item in questions:
        if item.expect not in ("answer", "no_answer") or not isinstance(item.question, str):
            continue
        if answerer.emergency(item.question) is not None:
            continue  # the emergency card answers first, whatever the passages
        decided = answerer.decided(item.question, item.history_texts())
        if decided is None:
            continue
        gold = [normalise(g) for g in item.gold]
        held = any(g in normalise(p.text) for p in decided.passages for g in gold)
        found.append((decided.features, item.expect == "answer" and held))
    return found


def repo_examples(root: Path) -> list[tuple[dict[str, float], bool]]:
    """The training examples of the repo at `root`: its corpus, asked its train sets."""
    from smabot.answer import Answerer
    from smabot.corpus import load_corpus
    from smabot.evaluate import load_questions
    from smabot.index import build_index

    answerer = Answerer(build_index(load_corpus(root / "corpus")))
    questions = [q for name in TRAIN_FILES for q in load_questions(root / name)]
    return examples(answerer, questions)
