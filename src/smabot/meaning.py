"""How close in meaning a question is to what each passage answers.

What a passage answers is said by its section's heading path and the questions its editors
listed for it (`questions:`): short questions, like a caregiver's, so a sentence model
compares like with like. "Can my child keep going to nursery during treatment?" shares no
word with "Can my child go to school?", yet is about as close as two questions get.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from smabot.chunking import Passage
from smabot.embed import DIMENSIONS, MODEL, encoder

# one ask reads its message more than once (its history, the checks): a few recent ones
# suffice, and a server keeps no longer list of caregivers' questions than that
QUESTION_CACHE = 256
# What passages answer, encoded in this process, and on this machine (`cache_file`): a
# re-index, or another process's build, encodes only what changed
_encoded: dict[str, np.ndarray] = {}
_ENCODED_LIMIT = 50_000


def asks_of(passages: Sequence[Passage], curated: Mapping[str, list[str]]) -> list[list[str]]:
    """What each passage answers, as short texts: its heading path and its curated questions."""
    return [[" › ".join(p.section), *curated.get(p.id, [])] for p in passages]


class Meaning:
    """Each passage's closeness to a question: the best cosine of what it answers."""

    def __init__(self, asks: list[list[str]], known: Mapping[str, np.ndarray]) -> None:
        texts = sorted({text for texts in asks for text in texts})
        self.vectors = editors_vectors(texts, known)
        row = {t: i for i, t in enumerate(texts)}
        self._matrix = (
            np.stack([self.vectors[t] for t in texts]) if texts else np.zeros((0, DIMENSIONS))
        )
        # the rows of each passage, flat, for one maximum per passage (np.maximum.reduceat)
        self._rows = np.array([row[t] for texts in asks for t in texts], dtype=np.int64)
        self._starts = np.cumsum([0, *(len(t) for t in asks[:-1])]).astype(np.int64)
        self._passages = len(asks)

    def closeness(self, text: str) -> np.ndarray:
        """Per passage position, the cosine of the text with the nearest of what it answers."""
        if not self._passages:
            return np.zeros(0, np.float32)
        cosines = self._matrix @ vector(text)
        return np.asarray(np.maximum.reduceat(cosines[self._rows], self._starts))


def editors_vectors(
    texts: Sequence[str], known: Mapping[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """Vectors of texts editors wrote (headings, curated and gate questions), encoded once per
    machine: from `known`, this process, the machine cache, or the model. Never caregivers'."""
    known = known or {}
    found = {
        t: known[t] if t in known else _encoded[t] for t in texts if t in known or t in _encoded
    }
    found |= _stored([t for t in texts if t not in found])
    missing = sorted({t for t in texts if t not in found})
    if missing:
        encoded = dict(zip(missing, encoder().encode(missing), strict=True))
        _store(encoded)
        found |= encoded
    _remember(found)
    return found


def cache_file() -> Path:
    """The machine's store of encoded headings and curated questions (never caregivers')."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "smabot" / "sentence-vectors.sqlite3"


def _key(text: str) -> str:
    return hashlib.sha256(f"{MODEL}\0{text}".encode()).hexdigest()


def _stored(texts: list[str]) -> dict[str, np.ndarray]:
    """Vectors another process encoded; none when the cache is absent or unreadable."""
    if not texts:
        return {}
    try:
        with sqlite3.connect(cache_file(), timeout=5) as db:
            keys = {_key(t): t for t in texts}
            found: dict[str, np.ndarray] = {}
            rows = list(keys.items())
            for start in range(0, len(rows), 500):  # SQLite's limit on parameters
                chunk = [k for k, _ in rows[start : start + 500]]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
                ):
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (DIMENSIONS,):
                        found[keys[key]] = vector
            return found
    except (sqlite3.Error, OSError):
        return {}  # a speed-up only: encoding again gives the same vectors


def _store(vectors: Mapping[str, np.ndarray]) -> None:
    try:
        cache_file().parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(cache_file(), timeout=5) as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")
            db.executemany(
                "INSERT OR IGNORE INTO vectors VALUES (?, ?)",
                [(_key(t), v.astype(np.float32).tobytes()) for t, v in vectors.items()],
            )
    except (sqlite3.Error, OSError):
        pass  # read-only home, a full disk: the next build encodes again


def _remember(vectors: Mapping[str, np.ndarray]) -> None:
    if len(_encoded) + len(vectors) > _ENCODED_LIMIT:
        _encoded.clear()  # a simple bound: a corpus of 50,000 questions and headings
    _encoded.update(vectors)


@lru_cache(maxsize=QUESTION_CACHE)
def vector(text: str) -> np.ndarray:
    """The text's unit vector: its cosine with another is their dot product."""
    # a question is asked again as its follow-ups' history and by the checks: encode it once;
    # one an editor wrote (`smabot check` asks each curated question) is known already
    known = _encoded.get(text)
    return known if known is not None else np.asarray(encoder().encode([text])[0])
