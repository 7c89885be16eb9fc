"""Spelling tolerance: map a mistyped question word to a word the articles use."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process
from wordfreq import zipf_frequency

from smabot.analysis import stem

# A word at least this common in English (Zipf scale) is a real word, never "corrected":
# "asthma" must stay "asthma" even though the articles never use it.
REAL_WORD_ZIPF = 3.0
MIN_LENGTH = 4
MIN_SIMILARITY = 80.0


class Speller:
    """Corrects words that are neither in the index vocabulary nor common English."""

    def __init__(self, vocabulary: Iterable[str], known_stems: Iterable[str] = ()) -> None:
        self._vocabulary = sorted({w for w in vocabulary if len(w) >= MIN_LENGTH - 1})
        self._known_stems = set(known_stems)

    @lru_cache(maxsize=4096)  # noqa: B019 - a speller lives as long as its index
    def correct(self, word: str) -> str:
        """The vocabulary word closest to `word`, or `word` itself when it needs no correction."""
        if (
            stem(word) in self._known_stems
            or len(word) < MIN_LENGTH
            or not word.isalpha()
            or zipf_frequency(word, "en") >= REAL_WORD_ZIPF
        ):
            return word
        match = process.extractOne(
            word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY
        )
        return str(match[0]) if match else word
