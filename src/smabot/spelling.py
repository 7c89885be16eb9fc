"""Spelling tolerance: map a mistyped question word to a word the articles use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import top_n_list

from smabot.analysis import stem
from smabot.frequency import zipf

# A word at least this common in English (Zipf scale) is a real word, never "corrected":
# "asthma" must stay "asthma" even though the articles never use it.
REAL_WORD_ZIPF = 3.0
MIN_LENGTH = 4
# Long words tolerate more slips ("evrisdy" for "evrysdi" is two); short ones fewer.
MIN_SIMILARITY = 80.0
MIN_SIMILARITY_LONG = 70.0
LONG_WORD = 7
# "-able" words this long are read as the word they are made from ("curable", not "table")
MIN_ABLE_WORD = 7


# Text-message spellings, too short for a slip to be measured: read as the words they stand for.
TEXTING = {
    "nd": "and",
    "bby": "baby",
    "bub": "baby",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "rn": "now",
    "cnt": "cant",
    "dnt": "dont",
    "wnt": "wont",
    "nt": "not",
    "wat": "what",
    "wot": "what",
    "wut": "what",
    "wht": "what",
    "hw": "how",
    "wen": "when",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "enuf": "enough",
    "r": "are",
    "thru": "through",
    "b4": "before",
    "shud": "should",
    "wud": "would",
    "cud": "could",
    "yr": "year",
    "yrs": "years",
    "hr": "hour",
    "hrs": "hours",
    "mins": "minutes",
    "wk": "week",
    "wks": "weeks",
    # caregivers' clinic shorthand
    "appt": "appointment",
    "appts": "appointments",
    "meds": "medicines",
    "pred": "prednisolone",
    "hosp": "hospital",
    "bloods": "blood",
}


class Speller:
    """Corrects words that are neither in the index vocabulary nor common English."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        known_stems: Iterable[str] = (),
        similarity: tuple[float, float] = (MIN_SIMILARITY, MIN_SIMILARITY_LONG),
        real_word_zipf: float = REAL_WORD_ZIPF,
        skeletons: bool = False,
        sounds_like_zipf: float | None = None,
        english: bool = False,
    ) -> None:
        self._vocabulary = sorted({w for w in vocabulary if len(w) >= MIN_LENGTH - 1})
        self._known_stems = set(known_stems)
        self._similarity = similarity
        self._real_word_zipf = real_word_zipf
        # Texting drops vowels ("hdache", "brthing"): a word whose consonants are those of
        # exactly one vocabulary word, in order, is that word.
        by_skeleton: dict[str, set[str]] = {}
        if skeletons:
            for word in self._vocabulary:
                if len(word) >= MIN_SKELETON_WORD:
                    by_skeleton.setdefault(skeleton(word), set()).add(word)
        self._skeletons = {k: next(iter(v)) for k, v in by_skeleton.items() if len(v) == 1}
        # Spelling by ear ("breevin", "injecshun", "bladda"): vocabulary words by their sound
        self._sounds: dict[str, list[str]] = {}
        if skeletons:
            for word in self._vocabulary:
                key = sound_key(word)
                if len(key) >= MIN_SOUND_KEY:
                    self._sounds.setdefault(key, []).append(word)
        # Autocorrect swaps a word for a real one a vowel away ("seizing" -> "sizing"): a real
        # word up to this common is also read as the one vocabulary word with the same
        # consonants and one vowel (or doubled letter) more or less.
        self._sounds_like_zipf = sounds_like_zipf
        # A slip of an everyday word the vocabulary lacks ("appoinntment", "suuddenly") is that
        # word: not a rare one that names something the articles do not cover, and not a
        # vocabulary word two slips away
        self._english = english
        if english:
            _english_by_length()  # built once per process, now rather than on a caregiver's slip
        self._by_consonants: dict[str, list[str]] = {}
        if sounds_like_zipf is not None:
            for word in self._vocabulary:
                if len(word) >= MIN_SOUND_WORD:
                    self._by_consonants.setdefault(skeleton(word), []).append(word)

    def correct(self, word: str) -> str:
        """The vocabulary word closest to `word`, or `word` itself when it needs no correction."""
        return self._correct(word)[0]

    def by_ear(self, word: str) -> bool:
        """Whether `word` is corrected only by its sound ("breevin"), not by a letter slip."""
        return self._correct(word)[1]

    @lru_cache(maxsize=4096)  # noqa: B019 - a speller lives as long as its index
    def _correct(self, word: str) -> tuple[str, bool]:
        if word in TEXTING:
            return TEXTING[word], False
        if stem(word) in self._known_stems or len(word) < MIN_LENGTH or not word.isalpha():
            return word, False
        if base := self._made_from(word):
            return base, False
        if zipf(word) >= self._real_word_zipf:
            return self.sounds_like(word), False
        by_sound = self._by_sound(word) if len(word) >= MIN_SOUND_WORD else None
        cutoff = self._similarity[1] if len(word) >= LONG_WORD else self._similarity[0]
        # Optimal string alignment counts a swap of two letters ("steriods") as one slip.
        matches = process.extract(
            word,
            self._vocabulary,
            scorer=OSA.normalized_similarity,
            score_cutoff=cutoff / 100 - 1e-6,  # 4 of 5 letters right is 0.8, not 0.79999
            limit=5,
        )
        # On a tie, the word that starts the same way: "steriods" is "steroid", not "serious".
        best = max(
            matches, key=lambda m: (round(m[1], 3), _shared_prefix(word, m[0])), default=None
        )
        # one slip ("swekling") outranks a word that sounds alike ("suckling"); the sound
        # outranks two slips ("punksher" is "puncture", not "pusher"), and is heard (by ear
        # alone) only where the slips say otherwise
        if by_sound is not None and not any(OSA.distance(word, m[0]) <= 1 for m in matches):
            return by_sound, best is None or by_sound != best[0]
        if best is None:
            found = self._by_skeleton(word)
            everyday = self._english and found == word and english_word(word)
            return everyday or found, False
        # one slip from an everyday word beats two from a vocabulary word ("coghing" is
        # "coughing", not "costing"); looked up only when it could win
        if self._english and OSA.distance(word, best[0]) > 1 and (everyday := english_word(word)):
            return everyday, False
        return str(best[0]), False

    def _made_from(self, word: str) -> str | None:
        """The word the articles use that an "-able" word is made from: "curable" is "cure"
        ("no cure for SMA"), "treatable" is "treat". The stemmer keeps "curabl" apart."""
        if len(word) < MIN_ABLE_WORD or not word.endswith(("able", "ible")):
            return None
        root = word[:-4]
        bases = [root, root + "e"]
        if root[-1] == root[-2]:
            bases.append(root[:-1])  # "forgettable"
        return next((base for base in bases if stem(base) in self._known_stems), None)

    def sounds_like(self, word: str) -> str:
        """The vocabulary word a real word may have been autocorrected from, else the word."""
        if (
            self._sounds_like_zipf is None
            or len(word) < MIN_SOUND_WORD
            or zipf(word) >= self._sounds_like_zipf
        ):
            return word
        near = [
            w
            for w in self._by_consonants.get(skeleton(word), ())
            if abs(len(w) - len(word)) == 1 and OSA.distance(word, w) == 1
        ]
        return near[0] if len(near) == 1 else word

    def _by_sound(self, word: str) -> str | None:
        """The vocabulary word that sounds like `word` and is nearest in letters, if one is."""
        found = self._sounds.get(sound_key(word), [])
        near = sorted(((OSA.normalized_similarity(word, w), w) for w in found), reverse=True)
        if not near or (len(near) > 1 and near[0][0] == near[1][0]):
            return None  # "bladda" is "bladder", not "bloody"; a tie is no answer
        return near[0][1]

    def _by_skeleton(self, word: str) -> str:
        found = self._skeletons.get(skeleton(word))
        if found is None or len(skeleton(word)) < MIN_SKELETON or not _in_order(word, found):
            return word
        return found


MIN_SOUND_WORD = 5
# Everyday English a slip is read back to: the commonest words, as long as a slip is told apart
ENGLISH_WORDS = 40_000
MIN_ENGLISH_SLIP = 5


@lru_cache(maxsize=1)
def _english_by_length() -> dict[int, list[str]]:
    words: dict[int, list[str]] = {}
    for word in top_n_list("en", ENGLISH_WORDS):  # commonest first
        if word.isalpha() and zipf(word) >= REAL_WORD_ZIPF:
            words.setdefault(len(word), []).append(word)
    return words


@lru_cache(maxsize=4096)
def english_word(word: str) -> str | None:
    """The commonest everyday English word one slip from `word` (a letter added, dropped,
    changed or two swapped), or None; only for words English does not know at all."""
    if len(word) < MIN_ENGLISH_SLIP or zipf(word) > 0:
        return None
    by_length = _english_by_length()
    near = [
        candidate
        for size in (len(word) - 1, len(word), len(word) + 1)
        for candidate in by_length.get(size, ())
        if OSA.distance(word, candidate, score_cutoff=1) <= 1
    ]
    return max(near, key=zipf, default=None)


# A shorter key is too many words' sound ("VlV": "yellow", "allow", "yellowy")
MIN_SOUND_KEY = 4


MIN_SKELETON_WORD = 6
MIN_SKELETON = 4
_VOWELS = frozenset("aeiouy")


def skeleton(word: str) -> str:
    """The first letter and the consonants after it, doubles once: "headache" -> "hdch"."""
    letters = [word[0]] + [c for c in word[1:] if c not in _VOWELS]
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


# How English is spelt by ear, in order: what sounds alike is written alike.
_SOUNDS = [
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"ture"), "xur"),  # "puncture", "punkcher"
    (re.compile(r"t?ch|sh|[tcs]i(?=[aeiou])"), "x"),  # "injection", "injecshun"
    (re.compile(r"ough"), "of"),  # "coughing", "coffing"
    (re.compile(r"ph|th|gh(?=[^aeiou]|$)|v"), "f"),  # "breathing", "breeving", "cough"
    (re.compile(r"ck|q|c(?![eiy])"), "k"),
    (re.compile(r"c|z"), "s"),
    (re.compile(r"(?<=n)g$"), ""),  # "breathin"
    (re.compile(r"(?<=[^aeiou])e(s?)$"), r"\1"),  # a silent e: "minutes", "minits"
    (re.compile(r"(?<=[aeiou])r(?![aeiou])"), ""),  # "bladder", "bladda"
    (re.compile(r"(?<=.)h"), ""),
    (re.compile(r"(?<=[aeiou])w(?![aeiou])"), ""),  # "yellow", "yello"
    (re.compile(r"[aeiouy]+"), "V"),
    (re.compile(r"(.)\1+"), r"\1"),
]


def sound_key(word: str) -> str:
    """What a word sounds like, roughly: "breevin" and "breathing" both give "brVfVn"."""
    for pattern, replacement in _SOUNDS:
        word = pattern.sub(replacement, word)
    return word


def _in_order(short: str, long: str) -> bool:
    """Whether every letter of `short` appears in `long`, in order (only letters dropped)."""
    rest = iter(long)
    return all(c in rest for c in short)


def _shared_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
