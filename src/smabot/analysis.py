"""One analyser for passages and questions: fold, tokenise, synonyms, stopwords, stem."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import Stemmer

_STOPWORDS_TEXT = resources.files("smabot").joinpath("stopwords.txt").read_text("utf-8")
# Changes whenever tokens may change (bump the number for code changes; the stopword list is
# hashed in), so a saved index built by another analyser is refused and rebuilt.
ANALYZER_VERSION = "2." + hashlib.sha256(_STOPWORDS_TEXT.encode()).hexdigest()[:8]

# Words keep inner apostrophes ("won't", "child's") and decimals ("2.125").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:[.,]\d+)*")
# Unicode punctuation that Python's \w splitting does not fold by itself.
# Letters NFKD does not take apart ("sarı", "głowy"): a family's first language folds too.
_FOLD = str.maketrans(
    {"×": "x", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
    | {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}
)

STOPWORDS = frozenset(
    word
    for line in _STOPWORDS_TEXT.splitlines()
    if not line.startswith("#")
    for word in line.split()
)


@dataclass(frozen=True)
class Token:
    """An index term and the span of the original text it came from."""

    term: str
    start: int
    end: int


@lru_cache(maxsize=1 << 18)  # words are Zipf-distributed: a cache saves most of the work
def fold(word: str) -> str:
    """Lower-case, accent-free, punctuation-normalised form of a word."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> Iterable[tuple[str, int, int]]:
    """Folded words of text with their character spans."""
    for match in _WORD.finditer(text):
        yield fold(match.group()), match.start(), match.end()


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The Snowball (English) stem of a folded word."""
    return str(_stemmer().stemWord(word))


class Analyzer:
    """Turns text into index terms; the same instance serves the index and the questions."""

    def __init__(self, synonym_groups: Iterable[list[str]] = ()) -> None:
        # phrase (tuple of stems) -> canonical terms; longest phrases are tried first
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in synonym_groups:
            canonical = tuple(self._stems(group[0]))
            for entry in group:
                phrase = tuple(self._stems(entry))
                if phrase:
                    self._phrases.setdefault(phrase, canonical)
        # the longest phrase starting with each stem, so most words skip phrase matching
        self._starts: dict[str, int] = {}
        for phrase in self._phrases:
            self._starts[phrase[0]] = max(self._starts.get(phrase[0], 0), len(phrase))

    @staticmethod
    def _stems(text: str) -> list[str]:
        return [stem(w) for w, _, _ in words(text)]

    def tokens(self, text: str, correct: Callable[[str], str] | None = None) -> list[Token]:
        """Index terms of text with spans; `correct` may replace a folded word before stemming."""
        return [Token(term, start, end) for term, start, end in self._analyse(text, correct)]

    def terms(self, text: str, correct: Callable[[str], str] | None = None) -> list[str]:
        """Index terms of text, in order."""
        return [term for term, _, _ in self._analyse(text, correct)]

    def _analyse(
        self, text: str, correct: Callable[[str], str] | None
    ) -> list[tuple[str, int, int]]:
        read = [(correct(w) if correct else w, w, start, end) for w, start, end in words(text)]
        raw = [(stem(c), w, c, start, end) for c, w, start, end in read]
        out: list[tuple[str, int, int]] = []
        starts, i = self._starts, 0
        while i < len(raw):
            longest = starts.get(raw[i][0], 0)
            for size in range(min(longest, len(raw) - i), 0, -1):
                canonical = self._phrases.get(tuple(r[0] for r in raw[i : i + size]))
                if canonical is not None:
                    start, end = raw[i][3], raw[i + size - 1][4]
                    out += [(term, start, end) for term in canonical]
                    i += size
                    break
            else:
                # "pls" is read as "please", a stopword as its reading
                term, word, read_as, start, end = raw[i]
                if not {word, read_as, term} & STOPWORDS:
                    out.append((term, start, end))
                i += 1
        return out
