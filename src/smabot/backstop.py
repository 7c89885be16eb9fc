"""A second look learned from the vignette sets: red flags the lexicon has no phrasing for.

The lexicon (red_flags.yml) reads a message like a nurse and says which flag it found, but a
caregiver's words outrun any list: before tuning, independent sets lost about one red flag in
twenty to phrasings nobody had listed. The backstop is a logistic regression over word and
character n-grams, trained on every reviewed tuning set (red flags against their near-misses),
the project's ordinary questions and the editors' curated questions. It only speaks when the
lexicon found nothing and the cheap pre-check saw a word the lexicon relies on, and its alert
says no phrasing matched.

`smabot train-backstop` retrains it from the repo's sets and writes `backstop.npz` (plain arrays,
no pickle, with a fingerprint of what it learned from); `tests/test_backstop.py` fails when the
committed model is stale.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import mmh3
import numpy as np
from scipy.special import expit

if TYPE_CHECKING:
    import scipy.sparse as sp

from smabot.curated import read_curated
from smabot.errors import CorpusError, SmabotError
from smabot.text import utf8_safe

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
# An alarm stands down when one passage holds this share of the message in coverage and focus
# (smabot.answer): no red flag only the backstop catches in the 154 reviewed sets comes above
# 0.6; three of ten false alarms on the question sets ("is he too old for zolgensma now?") do.
ANSWERED_QUESTION = 0.7
# Regularisation: C 1, 4 and 16 scored within 0.003 of each other on the held-out sets.
STRENGTH = 4.0
_FEATURES = 2**18
# scikit-learn's HashingVectorizer, word (1, 2)-grams and char_wb (3, 5)-grams, lower-cased,
# without importing scikit-learn: that costs every process 0.9 s, and answering needs only this
# (tests/test_backstop.py checks both give the same columns and counts)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")


def word_grams(text: str) -> list[str]:
    """The message's words and word pairs, lower-cased."""
    words = _TOKEN.findall(text.lower())
    return words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]


def char_grams(text: str) -> list[str]:
    """Three to five letters of each word, the word padded with a space on either side."""
    grams = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(3, 6):
            grams += [padded[i : i + n] for i in range(max(1, len(padded) - n + 1))]
            if len(padded) <= n:  # a short word counts once, not once per length
                break
    return grams


def _hashed(grams: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """Columns (sorted) and counts of the n-grams, hashed as HashingVectorizer hashes them."""
    counts = Counter(_bucket(g) for g in grams)
    columns = np.array(sorted(counts), dtype=np.int64)
    return columns, np.array([counts[c] for c in columns.tolist()], dtype=np.float64)


@dataclass(frozen=True)
class Example:
    """One training message: is it a red flag now, and how serious."""

    text: str
    flag: bool
    emergency: bool = False


@dataclass(frozen=True)
class Verdict:
    """What the backstop makes of one message."""

    probability: float  # how much it reads like a red flag happening now, 0 to 1
    level: Literal["emergency", "urgent"]
    words: list[tuple[str, float]]  # words and word pairs that pushed towards a red flag


@dataclass(frozen=True)
class Backstop:
    """The learned model: inverse document frequencies and two linear scorers."""

    word_idf: np.ndarray
    char_idf: np.ndarray
    flag_coef: np.ndarray
    flag_intercept: float
    level_coef: np.ndarray
    level_intercept: float
    fingerprint: str  # of the examples it learned from (`fingerprint`)

    def judge(self, text: str, words: int = 5) -> Verdict:
        """Probability, level and strongest words, from one reading of the message."""
        columns, values = self._row(text)
        flag = values * self.flag_coef[columns]
        emergency = _sigmoid(values @ self.level_coef[columns] + self.level_intercept)
        weight = dict(zip(columns.tolist(), flag.tolist(), strict=True))
        grams = word_grams(utf8_safe(text))
        pushed = {gram: weight.get(_bucket(gram), 0.0) for gram in grams}
        strongest = sorted(((g, w) for g, w in pushed.items() if w > 0), key=lambda p: -p[1])
        return Verdict(
            _sigmoid(float(flag.sum()) + self.flag_intercept),
            "emergency" if emergency >= EMERGENCY_FROM else "urgent",
            strongest[:words],
        )

    def probability(self, text: str) -> float:
        """How much the message reads like a red flag happening now (0 to 1)."""
        columns, values = self._row(text)
        return _sigmoid(values @ self.flag_coef[columns] + self.flag_intercept)

    def _row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One message's feature columns and values: `_features`'s arithmetic, for one row."""
        text = utf8_safe(text)
        columns, values = [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
        for grams, idf, offset in (
            (word_grams, self.word_idf, 0),
            (char_grams, self.char_idf, _FEATURES),
        ):
            indices, counts = _hashed(grams(text))
            weighted = (1.0 + np.log(counts)) * idf[indices]
            norm = float(np.sqrt(weighted @ weighted))
            if norm:
                columns.append(offset + indices)
                values.append(weighted / norm)
        return np.concatenate(columns), np.concatenate(values)


def _bucket(gram: str) -> int:
    """The column HashingVectorizer puts an n-gram in (signed MurmurHash3, seed 0)."""
    h = mmh3.hash(gram.encode("utf-8"), 0, signed=True)
    # abs(-2**31) overflows scikit-learn's int32: it defines the column as this instead
    return (2**31 - 1 - (_FEATURES - 1)) % _FEATURES if h == -(2**31) else abs(h) % _FEATURES


def _sigmoid(value: float) -> float:
    return float(expit(value))


def _counts(grams: Callable[[str], list[str]], texts: Sequence[str]) -> sp.csr_matrix:
    import scipy.sparse as sp  # training only: answering reads one row (`Backstop._row`)

    rows = [_hashed(grams(utf8_safe(t))) for t in texts]
    counts = sp.csr_matrix(
        (
            np.concatenate([np.zeros(0), *(c for _, c in rows)]),
            np.concatenate([np.zeros(0, np.int64), *(i for i, _ in rows)]),
            np.cumsum([0, *(len(i) for i, _ in rows)]),
        ),
        shape=(len(texts), _FEATURES),
    )
    counts.data = 1.0 + np.log(counts.data)  # the tenth "very" says less than the first
    return counts


def _features(texts: Sequence[str], word_idf: np.ndarray, char_idf: np.ndarray) -> sp.csr_matrix:
    import scipy.sparse as sp

    return sp.csr_matrix(
        sp.hstack([_weighted(word_grams, texts, word_idf), _weighted(char_grams, texts, char_idf)])
    )


def _weighted(
    grams: Callable[[str], list[str]], texts: Sequence[str], idf: np.ndarray
) -> sp.csr_matrix:
    import scipy.sparse as sp

    counts = _counts(grams, texts)
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
    from sklearn.linear_model import LogisticRegression

    texts = [e.text for e in examples]
    word_idf = _idf(_counts(word_grams, texts))
    char_idf = _idf(_counts(char_grams, texts))
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
        fingerprint(examples),
    )


def fingerprint(examples: Sequence[Example]) -> str:
    """A digest of the examples, in any order: the committed model's must match the repo's."""
    rows = sorted(f"{e.flag:d}{e.emergency:d}{e.text}" for e in examples)
    return hashlib.sha256("\n".join(rows).encode("utf-8", "replace")).hexdigest()


def save(backstop: Backstop, path: Path = MODEL_PATH) -> None:
    """Write the model as plain float32 arrays, all at once (a reader never sees half a file)."""
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as out:
        np.savez_compressed(
            out,
            word_idf=backstop.word_idf.astype(np.float32),
            char_idf=backstop.char_idf.astype(np.float32),
            flag_coef=backstop.flag_coef.astype(np.float32),
            level_coef=backstop.level_coef.astype(np.float32),
            intercepts=np.array([backstop.flag_intercept, backstop.level_intercept]),
            fingerprint=np.array(backstop.fingerprint),
        )
    os.replace(partial, path)


def load(path: Path | None = None) -> Backstop:
    """Read a model `save` wrote (arrays only; nothing in the file is executed)."""
    return _load(path or MODEL_PATH)


_SHAPES = {
    "word_idf": (_FEATURES,),
    "char_idf": (_FEATURES,),
    "flag_coef": (2 * _FEATURES,),
    "level_coef": (2 * _FEATURES,),
    "intercepts": (2,),
    "fingerprint": (),
}


_RETRAIN = "run smabot train-backstop"


@lru_cache(maxsize=4)
def _load(path: Path) -> Backstop:
    try:
        with path.open("rb") as file:  # ours to close, whatever np.load makes of its bytes
            data = np.load(file, allow_pickle=False)
            if not isinstance(data, np.lib.npyio.NpzFile):
                raise ValueError("one array, not an archive of them")
            with data:
                arrays = {name: data[name] for name in _SHAPES}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise SmabotError(
            f"{path}: not a backstop model ({exc}); run smabot train-backstop"
        ) from exc
    wrong = [n for n, shape in _SHAPES.items() if arrays[n].shape != shape]
    if wrong:
        raise SmabotError(
            f"{path}: {', '.join(wrong)} of the wrong size; run smabot train-backstop"
        )
    numbers = {n: a.astype(np.float64) for n, a in arrays.items() if n != "fingerprint"}
    for array in numbers.values():
        array.flags.writeable = False  # one copy serves every request: none may change it
    flag_intercept, level_intercept = (float(v) for v in numbers["intercepts"])
    return Backstop(
        numbers["word_idf"],
        numbers["char_idf"],
        numbers["flag_coef"],
        flag_intercept,
        numbers["level_coef"],
        level_intercept,
        str(arrays["fingerprint"]),
    )


def examples_from(
    vignette_files: Iterable[Path], question_files: Iterable[Path], curated_from: Path | None = None
) -> list[Example]:
    """Tuning vignettes (never a test split), ordinary questions and the editors' curated
    questions of the corpus at `curated_from` as the examples to learn."""
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
    if curated_from is not None:
        # the chat offers these as follow-ups: "zolgensma infusion time" must never read as an
        # emergency (it did, at 0.79, before the backstop learned them)
        sections, problems = read_curated(curated_from)
        if problems:  # a broken file would silently teach it none of them
            raise CorpusError(problems)
        examples += [
            Example(question, False)
            for headings in sections.values()
            for questions in headings.values()
            for question in questions
        ]
    return examples


# The project's ordinary questions it learns as no red flag (never the collected test split).
QUESTION_FILES = (
    "tests/eval/collected/train.jsonl",
    "tests/eval/caregivers.jsonl",
    "corpus/questions/regression.jsonl",
)


def repo_examples(root: Path, sets_from: Path | None = None) -> list[Example]:
    """The examples `smabot train-backstop` learns from: the repo's questions, and the tuning
    sets of `sets_from` (another checkout, for a held-out measure) or of the repo itself."""
    return examples_from(
        sorted(((sets_from or root) / "tests" / "safety").glob("*.jsonl")),
        [root / name for name in QUESTION_FILES if (root / name).exists()],
        root / "corpus",
    )
