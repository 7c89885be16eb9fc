"""A second look learned from the vignette sets: red flags the lexicon has no phrasing for.

The lexicon (red_flags.yml) reads a message like a nurse and says which flag it found, but a
caregiver's words outrun any list: before tuning, independent sets lost about one red flag in
twenty to phrasings nobody had listed. The backstop is a logistic regression over word and
character n-grams, trained on every reviewed tuning set (red flags against their near-misses and
the project's ordinary questions). It only speaks when the lexicon found nothing and the cheap
pre-check saw a word the lexicon relies on, and its alert says no phrasing matched.

`smabot safety-train` retrains it from the repo's sets and writes `backstop.npz` (plain arrays,
no pickle); `tests/test_backstop.py` fails when the committed model is stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils import murmurhash3_32

MODEL_PATH = Path(__file__).with_name("backstop.npz")
FLAG = "unlisted-warning-sign"
DESCRIPTION = (
    "Reads like the red flags in smabot's reviewed examples, though no listed phrasing matched"
)
# Chosen on the 24 sets written after the model's first training data, held out by set
# (tests/safety/backstop_heldout.py): at 0.6 the older lexicon with the backstop caught 0.991
# of their red flags against 0.952 alone, near-miss false alarms 0.071 against 0.067, and none
# of 1,000 ordinary questions (0.5 flagged three).
THRESHOLD = 0.6
# Where the lexicon found phrasings and its context set each aside (negated, over, "what if",
# someone else), the backstop must be this sure: on near-misses written against the lexicon
# ("he hasnt vomited since yesterday morning") it alarmed on 0.195 at 0.6 everywhere, 0.167 so.
SURE = 0.9
# A flagged message reads as an emergency from this probability on: a call that was not needed
# costs less than waiting for the care team (0.3 kept 0.97 of held-out emergencies emergencies).
EMERGENCY_FROM = 0.3
# Regularisation: C 1, 4 and 16 scored within 0.003 of each other on the held-out sets.
STRENGTH = 4.0
_FEATURES = 2**18
_WORDS = HashingVectorizer(
    ngram_range=(1, 2), n_features=_FEATURES, alternate_sign=False, norm=None
)
_CHARS = HashingVectorizer(
    analyzer="char_wb", ngram_range=(3, 5), n_features=_FEATURES, alternate_sign=False, norm=None
)


@dataclass(frozen=True)
class Example:
    """One training message: is it a red flag now, and how serious."""

    text: str
    flag: bool
    emergency: bool = False


@dataclass(frozen=True)
class Backstop:
    """The learned model: inverse document frequencies and two linear scorers."""

    word_idf: np.ndarray
    char_idf: np.ndarray
    flag_coef: np.ndarray
    flag_intercept: float
    level_coef: np.ndarray
    level_intercept: float

    def probability(self, text: str) -> float:
        """How much the message reads like a red flag happening now (0 to 1)."""
        return _sigmoid(self._score(text, self.flag_coef) + self.flag_intercept)

    def level(self, text: str) -> Literal["emergency", "urgent"]:
        """Call now, or contact the care team now."""
        emergency = _sigmoid(self._score(text, self.level_coef) + self.level_intercept)
        return "emergency" if emergency >= EMERGENCY_FROM else "urgent"

    def strongest(self, text: str, count: int = 5) -> list[tuple[str, float]]:
        """The message's words and word pairs that pushed hardest towards a red flag."""
        row = self._features([text]).toarray()[0] * self.flag_coef
        parts = {gram: float(row[_bucket(gram)]) for gram in _WORDS.build_analyzer()(text)}
        return sorted(parts.items(), key=lambda item: -item[1])[:count]

    def _score(self, text: str, coef: np.ndarray) -> float:
        """One message's features times `coef`: `_features`'s arithmetic, for one row."""
        total = 0.0
        for vectorizer, idf, offset in (
            (_WORDS, self.word_idf, 0),
            (_CHARS, self.char_idf, _FEATURES),
        ):
            counts = vectorizer.transform([text])
            values = (1.0 + np.log(counts.data)) * idf[counts.indices]
            norm = float(np.sqrt(values @ values))
            if norm:
                total += float(values @ coef[offset + counts.indices]) / norm
        return total

    def _features(self, texts: Sequence[str]) -> sp.csr_matrix:
        return _features(texts, self.word_idf, self.char_idf)


def _bucket(gram: str) -> int:
    """The column HashingVectorizer puts an n-gram in."""
    return int(abs(murmurhash3_32(gram, positive=False))) % _FEATURES


def _sigmoid(value: float) -> float:
    return float(1.0 / (1.0 + np.exp(-value)))


def _counts(vectorizer: HashingVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    counts = sp.csr_matrix(vectorizer.transform(texts), dtype=np.float64)
    counts.data = 1.0 + np.log(counts.data)  # the tenth "very" says less than the first
    return counts


def _features(texts: Sequence[str], word_idf: np.ndarray, char_idf: np.ndarray) -> sp.csr_matrix:
    return sp.csr_matrix(
        sp.hstack([_weighted(_WORDS, texts, word_idf), _weighted(_CHARS, texts, char_idf)])
    )


def _weighted(
    vectorizer: HashingVectorizer, texts: Sequence[str], idf: np.ndarray
) -> sp.csr_matrix:
    counts = _counts(vectorizer, texts)
    counts.data *= idf[counts.indices]
    # each row to unit length, by hand: scikit-learn's normalize checks its input at a cost
    # greater than the arithmetic, and a caregiver's question is one row
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ counts)


def _idf(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency, as scikit-learn's TfidfTransformer computes it."""
    documents = counts.shape[0]
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.asarray(np.log((1 + documents) / (1 + frequency)) + 1.0)


def train(examples: Sequence[Example]) -> Backstop:
    """Fit both scorers on the examples (deterministic: the same examples give the same model)."""
    texts = [e.text for e in examples]
    word_idf = _idf(_counts(_WORDS, texts))
    char_idf = _idf(_counts(_CHARS, texts))
    features = _features(texts, word_idf, char_idf)
    labels = np.array([e.flag for e in examples])
    model = LogisticRegression(C=STRENGTH, max_iter=5000, class_weight="balanced")
    model.fit(features, labels)
    flagged = features[np.flatnonzero(labels)]
    serious = np.array([e.emergency for e in examples if e.flag])
    if len(set(serious)) == 2:
        level = LogisticRegression(C=STRENGTH, max_iter=5000, class_weight="balanced")
        level.fit(flagged, serious)
        level_coef, level_intercept = level.coef_[0], float(level.intercept_[0])
    else:  # every red flag at one level: that level, whatever the words
        level_coef = np.zeros(features.shape[1])
        level_intercept = 10.0 if serious.all() else -10.0
    return Backstop(
        word_idf,
        char_idf,
        model.coef_[0],
        float(model.intercept_[0]),
        level_coef,
        level_intercept,
    )


def save(backstop: Backstop, path: Path = MODEL_PATH) -> None:
    """Write the model as plain float32 arrays."""
    with path.open("wb") as out:
        np.savez_compressed(
            out,
            word_idf=backstop.word_idf.astype(np.float32),
            char_idf=backstop.char_idf.astype(np.float32),
            flag_coef=backstop.flag_coef.astype(np.float32),
            level_coef=backstop.level_coef.astype(np.float32),
            intercepts=np.array([backstop.flag_intercept, backstop.level_intercept]),
        )


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> Backstop:
    """Read a model `save` wrote (arrays only; nothing in the file is executed)."""
    with np.load(path, allow_pickle=False) as data:
        flag_intercept, level_intercept = (float(v) for v in data["intercepts"])
        return Backstop(
            data["word_idf"].astype(np.float64),
            data["char_idf"].astype(np.float64),
            data["flag_coef"].astype(np.float64),
            flag_intercept,
            data["level_coef"].astype(np.float64),
            level_intercept,
        )


def examples_from(vignette_files: Iterable[Path], question_files: Iterable[Path]) -> list[Example]:
    """Tuning vignettes (never a test split) and ordinary questions as the examples to learn."""
    from smabot.evaluate import jsonl_rows
    from smabot.safety_eval import load_vignettes

    examples = [
        Example(v.text, v.flag, v.level == "emergency")
        for path in vignette_files
        for v in load_vignettes(path)
        if v.split != "test"  # the frozen half judges the model, never trains it
    ]
    for path in question_files:
        for _, row in jsonl_rows(path):
            ordinary = isinstance(row, dict) and row.get("expect") in ("answer", "no_answer")
            if ordinary and isinstance(row.get("question"), str):
                examples.append(Example(row["question"], False))
    return examples


def repo_examples(root: Path) -> list[Example]:
    """The examples `smabot train-backstop` learns from, in a checkout of the repo."""
    questions = ["tests/eval/collected/train.jsonl", "tests/eval/caregivers.jsonl"]
    questions.append("corpus/questions/regression.jsonl")
    return examples_from(
        sorted((root / "tests" / "safety").glob("*.jsonl")),
        [root / name for name in questions if (root / name).exists()],
    )
