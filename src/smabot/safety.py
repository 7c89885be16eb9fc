"""Red flags in caregivers' words: the reviewed lexicon, typos, numbers and context.

`Detector(red_flags).detect(question)` runs in three steps. A cheap pre-check asks whether any
word of the question is (or is a misspelling of) a word the lexicon relies on; most questions stop
there. Otherwise the question is normalised, its words matched against every flag's phrasings
(a few small words may stand between them) and its numbers read (measures.py). Last, each
finding's context decides whether it counts: negated, over, hypothetical, a general question,
or about other people (context.py); then combinations, treatments and thresholds (red_flags.yml).
When the lexicon finds nothing in a question that passed the pre-check, a model learned from the
vignette sets takes a second look (backstop.py).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from wordfreq import top_n_list

from smabot import backstop, context
from smabot.analysis import fold
from smabot.dates import relative_dates, relative_days
from smabot.frequency import zipf
from smabot.measures import FIT_WORDS, HAS_HEAT, Measure, feed_shares, measures, spelled_numbers
from smabot.segment import MAX_LENGTH, MIN_LENGTH, segment
from smabot.spelling import TEXTING, Speller

# Small words that may stand between the words of a phrasing: "lips blue" matches "her lips are
# looking really blue". Content words never may, so "not … breathing" does not match "not having
# any difficulty breathing" (which is a negated "difficulty breathing").
FILLERS = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "my",
        "our",
        "your",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "im",
        "hes",
        "shes",
        "theyre",
        "really",
        "very",
        "so",
        "too",
        "quite",
        "bit",
        "little",
        "kind",
        "kinda",
        # a voice note's hesitations: "my tongue's swelling I can hardly talk um it started…"
        "um",
        "umm",
        "uh",
        "erm",
        "sort",
        "of",
        "like",
        "all",
        "at",
        "just",
        "even",
        "more",
        "much",
        "look",
        "looks",
        "looking",
        "looked",
        "seem",
        "seems",
        "seemed",
        "getting",
        "got",
        "get",
        "gone",
        "go",
        "going",
        "went",
        "turn",
        "turns",
        "turned",
        "turning",
        "become",
        "becomes",
        "became",
        "becoming",
        "to",
        "properly",
        "normally",
        "noticeably",
        "visibly",
        "well",
        "right",
        "suddenly",
        "newly",
        "still",
        "currently",
        "completely",
        "totally",
        "slightly",
        "keep",
        "keeps",
        "kept",
        "started",
        "starting",
        "start",
        "has",
        "have",
        "had",
        "having",
        "feel",
        "feels",
        "felt",
        "feeling",
        "able",
        "any",
        "and",
        "or",
        "it",
        "up",
        "as",
        "that",
        "which",
        "both",
    ]
)
# Words a reading is named by (measures.py), kept as written
READING_WORDS = frozenset(
    {"saturation", "saturations", "temperature", "temperatures", "oximeter", "thermometer"}
)
_LINE_GOES_ON = re.compile(r"[ \t]*\n[ \t]*(?=[a-z])")
MAX_GAP = 3
# `...` in a phrasing stands for up to this many words of the same sentence.
WILDCARD_WORDS = 8
# Stricter than the answer engine's spelling: a misread word here raises a false alarm
# ("sedated" must not become "desated"), while real slips stay within one or two edits.
SPELLING_SIMILARITY = (80.0, 75.0)
# Typos are rare on the web (Zipf < 2: "brething" 0, "vomitting" 1.5); real words a caregiver
# may use are not ("rehydration" 2.3, "sedated" 2.8), so those are never "corrected".
REAL_WORD_ZIPF = 2.0
# A real word up to this common may be an autocorrected or voice-typed one that sounds like a
# lexicon word ("sizing" for "seizing", Zipf 3.2): read so only inside a phrasing of several
# words, never as a single-word finding.
SOUNDS_LIKE_ZIPF = 4.0
# A time phrase this close after a treatment dates the treatment, not a finding:
# "she had zolgensma 3 weeks ago and now her eyes are yellow".
DATING_CHARS = 40
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# "spinraza last tuesday": up to a week ago
_DAYS |= dict.fromkeys(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"], 7)
_DAYS |= {"sunday": 7}
_DATING = re.compile(
    r"\b(?:(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple of|"
    r"several) (?P<u>day|week|month|year)s? (?P<w>ago|after|since|post|back)|"
    r"(?P<w2>last) (?P<u2>week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))\b"
)
# "the headache from last week's dose", "he had his last one 3 days ago": a dose named by its
# time is of the treatment the message names, even when that is named as the next one ("…for
# the next Spinraza").
_DOSE = re.compile(
    r"\b(?:last|latest|recent|most recent|yesterdays|todays|this mornings|last weeks|"
    r"this weeks|last nights) (?:dose|treatment|session)\b|"
    r"\b(?:had|has had|have had) (?:his|her|their|my) last one\b|"
    # the dose now, after an earlier one: "Spinraza 4 months ago was fine. This one was
    # yesterday…", "This time, 24h after, …"
    r"\bthis (?:one|time)\b(?= (?:was|, \d+ ?h(?:ours?|rs?)? after)\b)"
)
_FITS = re.compile(rf"\b(?:{FIT_WORDS})\b")
_SATS = re.compile(r"\b(?:sats?|saturations?|oxygen|oximeter|pulse ox\w*)\b")
_FUTURE_AFTER = re.compile(r"^ (?:\w+ ){0,2}(?:next|due|tomorrow|booked|coming up)\b")
_FUTURE = re.compile(r"\b(?:next|upcoming|future|tomorrows?|due)\b(?: \w+)?\s*$")
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORD_NUMBERS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "few": 3}
_WORD_NUMBERS |= {"couple of": 2, "several": 4}
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
# Run-together words split per message, at most: a panicked message has one or two.
MAX_SPLITS = 4
_BEFORE_TOKENS = [
    (re.compile(r"['’‘`´]"), ""),
    # "38 point 9", "38point6" are 38.9 and 38.6
    (re.compile(r"(?<!\d)(\d{2,3}) ?point ?(\d{1,2})\b"), r"\1.\2"),
    (re.compile(r"\b(\d+) and a half (hours?|hrs?|days?|minutes?|mins?)\b"), r"\1.5 \2"),
    # a spaced dash ends a clause: "call back if it isn't better in 72 hours - it's been 4 days"
    (re.compile(r" [-–—]+ "), " – "),
    (re.compile(r"\ba ?(?:&|\+|and|n) ?e\b"), " ae "),
    (re.compile(r"\bspo2\b"), " sats "),
    # "if, hypothetically, he had a fit": the aside does not end the "if"
    (re.compile(r" ?, ?(hypothetically|theoretically|say|god forbid) ?, ?"), r" \1 "),
    # "0 wet nappies 10hrs" counts none: no wet nappies
    (
        re.compile(
            r"\b(?:0|zero) (?=(?:wet )?(?:nappies|nappys|diapers|wees|pees)\b (?:in |for )?"
            r"(?:[89]|\d\d) ?(?:h|hrs?|hours?)\b)"
        ),
        "no ",
    ),
    (re.compile(r"\bo2\b"), " oxygen "),
    (re.compile(r"℃"), "°c"),
    (re.compile(r"℉"), "°f"),
    # clinical negation by prefix: "anicteric" is "not icteric" (not jaundiced)
    (re.compile(r"\banicteric\b"), "not icteric"),
    # "hed ache", not "hed" alone: that is "he'd" without its apostrophe
    (re.compile(r"\bhed ?a(?:ch|k)e"), "headache"),
    # Scots "a wee bit", "my wee lad" are small, not urine ("a wee one" and "a wee while" stay:
    # "she did a wee one hour ago", "hasn't done a wee while at nursery")
    (re.compile(r"\bwee (bit|lad|lass|boy|girl|man)\b"), r"little \1"),
    # autocorrect's "breeding" for breathing: "my boy breeding so fast he cant talk" (not "our
    # rabbits are breeding")
    (re.compile(r"(?<!are )(?<!were )\bbreeding\b"), "breathing"),
    # "a fit of the giggles" is no fit
    (re.compile(r"\bfits? of (?:the )?(giggles|laughing|laughter|coughing|temper)"), r"bout of \1"),
    # clinical shorthand for a past history: "Hx febrile convulsion 2022"
    (re.compile(r"\b(?:hx|h/o)\b"), "history of"),
    # "ana flaxis", "anafalaxis": anaphylaxis however it is spelt
    (re.compile(r"\bana ?(?:f|ph)\w*(?:axis|axsis|laxis)\b"), "anaphylaxis"),
    # a missing space after a negation: "hes notwaking up"
    (
        re.compile(
            r"\b(not|cant|dont|wont|isnt)(?=(?:waking|breathing|moving|feeding|eating|drinking|"
            r"responding|stopping|wet|weeing)\b)"
        ),
        r"\1 ",
    ),
    # South Asian words for a headache, as typed in English messages
    (re.compile(r"\bsir (?:dard|dukh|dukhda)\b"), "headache"),
    (re.compile(r"\b(his|her|my|the|our|their) hed\b"), r"\1 head"),
    # a pain score: "headache 9/10" reads "9 out of 10"
    (re.compile(r"\b(\d{1,2}) ?/ ?10\b"), r" \1 out of 10 "),
    # a whole message of two words: "baby fitting" (not "is my baby fitting in the car seat")
    (
        re.compile(
            r"^\W*((?:my )?(?:baby|son|daughter|child|he|she|hes|shes|niece|nephew|grandson|"
            r"granddaughter)(?: is)?) fitting\W*$"
        ),
        r"\1 fitting now",
    ),
    # …or "fitting" and a cry for help: "Fitting, help", "fitting!! please help", "FITTING. now."
    (re.compile(r"^\W*fitting\W*(?:(?:please |pls |plz )?help|now)\W*$"), "fitting now help"),
    # "sings of" is only ever "signs of"; autocorrect makes a fit a fist
    (re.compile(r"\b(?:sings|sighns|singns) (of|to)\b"), r"signs \1"),
    (
        re.compile(r"\b(having|had) a fist\b(?![ -]?(?:full|sized?|fight|bump|pump|clenched))"),
        r"\1 a fit",
    ),
]
# Text-message spellings of words the lexicon uses: the answer speller's, and these.
_SHORTHAND = {
    **TEXTING,
    "saturometer": "oximeter",  # learners' and translators' words for the sats probe
    "saturimeter": "oximeter",
    "respiration": "breathing",
    "pipi": "wee",
    "n": "and",
    "v": "very",
    # common misspellings a fuzzy match cannot reach without also "correcting" real words
    "feal": "feel",
    "sines": "signs",
    "tite": "tight",
    "cnat": "cant",
    "bleu": "blue",
    "blod": "blood",
    "broozes": "bruises",
    "tung": "tongue",
    "num": "numb",
    "weasing": "wheezing",
    "wheesing": "wheezing",
    "mins": "minutes",
}
# A clock time ("21:42") stays one token, so two of them can say how long a fit has lasted.
_TOKEN = re.compile(r"\d{1,2}:\d{2}(?!\d)|\d+(?:[.,]\d+)?|[a-z]+|[.!?;\n,°%–]")
_ALERT_LEVELS = ("emergency", "urgent")
# a recurrence said as a fear or a question, or about someone else, is not one
_UNSAID = frozenset({context.HYPOTHETICAL, context.NEGATED, context.OTHER, context.FIGURATIVE})
# A sign that is back: "last week his lips went blue and now they are blue again". What it
# says is back was then and is now, so the earlier telling counts, if it is in the same
# sentence or the one before ("his colour has come back", "now she's chatting again" are no
# recurrence: they name a recovery or something else).
_RECURS = re.compile(
    r"\b(?:(?:its|it is) happening again|doing (?:it|that|this) again|"
    r"(?:its|it is) back(?= [.!?]| again| now| tonight| today|$)|"
    r"(?:theyre|they are) back(?= [.!?]|$| and\b)|"
    r"having (?:one|another|it|them) again|"
    # "the nurse has stopped it but he's getting worse": stopping it did not end it
    r"(?:but|and) (?:hes|shes|theyre|he is|she is|they are) (?:still |now |only )?"
    r"(?:getting|got|gotten) worse(?! at\b)|"
    r"(?P<sign>blue|grey|gray|yellow|swollen|swelling|fitting|jerking|twitching|shaking|floppy|"
    r"bleeding|vomiting|grunting|struggling|seizing|dusky|purple|wheezing|wheezy) again)\b"
)
_SENTENCE_BREAK = re.compile(r" [.!?;\n] ")
# "I'm worried it's happening again because she seems tired": a fear, not a report
_FEARED = re.compile(
    r"\b(?:worried|worry|scared|afraid|frightened|fear|terrified|hope|hoping|if|whether|in case)"
    r"(?: \w+){0,2} $"
)
_CLAUSE_BREAK = re.compile(r" [,.;!?] | and | but | now ")
# Numbers that may be a reading (39.2, 100.8 °F, 88 %) send a question past the pre-check.
_READING = re.compile(
    r"\d[.,]\d|\d point \d|\b\d\d\d? ?[cf]\b|[°%℃℉]|\d ?/ ?10\b|\d:\d\d|\d ?(?:ml|mls|oz)\b|"
    rf"\bbreaths\b|\bplatelets?\b|\brr ?\d|\bresp\w* rate|\b{HAS_HEAT} \d|\b(?:sp)?o2 ?\d\d"
)
_SPOKEN_NUMBER = re.compile(r"\b(?:point|thirty|forty|eighty|ninety|hundred)\b")
# …and so do shares of the usual feeds ("she's taken about a third today").
_SHARES = frozenset(["third", "thirds", "quarter", "quarters", "fifth", "tenth", "half"])
# What may stand between a negation (the lexicon's {not} group) and the finding it cuts short:
# "isnt really breathing fast"
_NEGATION_GAP = frozenset(
    ["really", "even", "been", "be", "seem", "seems", "to", "actually", "so", "very", "that"]
)
# A `...` never ends on a negation: "his skin isnt yellow" is no "{eyes} ... {yellow}"
_NEGATIONS = frozenset(
    [
        "not",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "doesnt",
        "dont",
        "didnt",
        "hasnt",
        "havent",
        "never",
    ]
)
# Words a rewrite before reading turns into the lexicon's ("having a fist" is a fit).
_REWRITTEN = frozenset(["fist"])


@dataclass(frozen=True)
class Alert:
    """The most serious red flag a question describes as happening now."""

    level: Literal["emergency", "urgent"]
    flag: str
    description: str
    phrase: str


@dataclass(frozen=True)
class Finding:
    """A flag's phrasing or measure found at [start, end) of the normalised text."""

    flag: str
    start: int
    end: int
    measured: float | None = None


@dataclass(frozen=True)
class _Slot:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    wildcard: bool = False

    def matches(self, word: str) -> bool:
        return word in self.exact or word.startswith(self.prefixes)


@dataclass(frozen=True)
class _Flag:
    id: str
    level: str
    description: str
    phrasings: tuple[tuple[_Slot, ...], ...]
    measure: dict[str, Any] | None
    requires: tuple[str, ...]
    after: tuple[str, ...]
    within_days: int | None
    counts_if_resolved: bool
    past_counts: bool  # a sign about the past ("febrile fits before")

    def excluded_by(self, kinds: set[str]) -> bool:
        """Whether a finding of this flag with these context categories does not count."""
        ignored = {context.RESOLVED} if self.counts_if_resolved else set()
        if self.past_counts:
            ignored |= {context.RESOLVED, context.HISTORICAL}
        return bool(kinds - ignored)

    def safe(self, value: float) -> bool:
        """Whether a measured value is on the safe side of this flag's threshold."""
        assert self.measure is not None
        if "below" in self.measure:
            return value >= float(self.measure["below"])
        return value < float(self.measure["at_least"])


@dataclass
class _Reading:
    """A question as the detector reads it: normalised text, words and their offsets."""

    text: str
    words: list[str]
    offsets: list[int] = field(default_factory=list)
    second: list[str] = field(default_factory=list)  # corrections of rare real words
    # words only a spelling by ear gave ("Torrie" heard as "tarry"): never a finding alone
    heard: frozenset[str] = frozenset()


class Detector:
    """Finds red flags in questions with a red-flag lexicon (red_flags.yml as plain data)."""

    def __init__(self, data: dict[str, Any], learned: backstop.Backstop | None = None) -> None:
        self.learned = learned  # the backstop's second look, when the lexicon found nothing
        groups = {name: tuple(words) for name, words in data["groups"].items()}
        self._negation_gap = _NEGATION_GAP | set(groups.get("not", ()))
        self.flags = [_compile_flag(f, groups) for f in data["flags"]]
        self._by_id = {f.id: f for f in self.flags}
        self._sats_flags = frozenset(
            f.id for f in self.flags if (f.measure or {}).get("name") == "oxygen_saturation"
        )
        self.treatments = {
            name: [tuple(entry.split()) for entry in entries]
            for name, entries in data["treatments"].items()
        }
        # each treatment's names by their first word: a message is read once, not once per name
        self._treatment_starts: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, entries in self.treatments.items():
            for entry in entries:
                self._treatment_starts.setdefault(entry[0], []).append((name, entry))
        words = {w for f in self.flags for p in f.phrasings for s in p for w in s.exact}
        prefixes = {x for f in self.flags for p in f.phrasings for s in p for x in s.prefixes}
        # A phrasing can only match where its rarest slot does: those words are the anchors.
        rarest = [_rarest(p) for f in self.flags for p in f.phrasings]
        self._anchors = frozenset(w for slot in rarest for w in slot.exact)
        self._anchor_prefixes = tuple(sorted({x for slot in rarest for x in slot.prefixes}))
        spelled = words | {w for p in prefixes for w in english_words_starting(p)}
        spelled |= {w for entries in self.treatments.values() for e in entries for w in e}
        spelled |= FILLERS  # "realy" must still stand between "breathing" and "fast"
        spelled |= READING_WORDS  # "saturations are 88" is no "situations"
        spelled |= {"rousable", "rouseable"}  # "not rousable" must not become "not unrousable"
        # first-language words match as written: "urin" must not become "urina", and "ilong"
        # stays "ilong" (never "long", never split)
        self._as_written = frozenset(data.get("as_written", ()))
        spelled -= self._as_written
        self._spelled = frozenset(spelled)
        self._speller = Speller(
            spelled, similarity=SPELLING_SIMILARITY, real_word_zipf=REAL_WORD_ZIPF, skeletons=True
        )
        # A slip can make a rare real word ("weaker" -> "waker"): its correction is kept as an
        # alternative, trusted only inside a phrasing of several words ("legs are waker").
        self._second = Speller(
            spelled,
            similarity=SPELLING_SIMILARITY,
            real_word_zipf=3.0,
            sounds_like_zipf=SOUNDS_LIKE_ZIPF,
        )
        self.is_trigger = lru_cache(maxsize=1 << 16)(self._is_trigger)
        self._unrun = lru_cache(maxsize=1 << 16)(self._run_together)
        # Phrasings by their first word, so a question is matched only against those it can start
        self._by_first: dict[str, list[tuple[str, tuple[_Slot, ...]]]] = {}
        self._by_prefix: list[tuple[str, str, tuple[_Slot, ...]]] = []
        for flag in self.flags:
            for slots in flag.phrasings:
                for word in slots[0].exact:
                    self._by_first.setdefault(word, []).append((flag.id, slots))
                for prefix in slots[0].prefixes:
                    self._by_prefix.append((prefix, flag.id, slots))
        self._starts_with = lru_cache(maxsize=1 << 16)(self._phrasings_starting)

    def _phrasings_starting(self, word: str) -> tuple[tuple[str, tuple[_Slot, ...]], ...]:
        found = list(self._by_first.get(word, ()))
        found += [(flag_id, slots) for p, flag_id, slots in self._by_prefix if word.startswith(p)]
        return tuple(found)

    def _starting(self, word: str, second: str) -> Iterable[tuple[str, tuple[_Slot, ...]]]:
        """Phrasings whose first slot may match here, through the word or its correction."""
        found = self._starts_with(word)
        if second != word:
            found = found + tuple(p for p in self._starts_with(second) if p not in found)
        return found

    def _is_trigger(self, word: str) -> bool:
        def anchor(w: str) -> bool:
            return w in self._anchors or w.startswith(self._anchor_prefixes)

        # "sizing" (autocorrected "seizing") may start a phrasing of several words
        return (
            anchor(word)
            or anchor(self._speller.correct(word))
            or anchor(self._second.sounds_like(word))
        )

    def might_flag(self, question: str) -> bool:
        """The cheap pre-check: does any word look like a word the lexicon relies on?"""
        folded = fold(question)
        words = re.findall(r"[a-z]+", folded)
        # a reading said in words counts too: "thirty eight point four after the spinraza"
        spoken = _SPOKEN_NUMBER.search(folded) and _READING.search(spelled_numbers(folded))
        if (
            _READING.search(folded)
            or spoken
            or any(w in _SHARES or w in _REWRITTEN or self.is_trigger(w) for w in words)
        ):
            return True
        # only then the dearer look inside words typed without spaces
        return any(self.is_trigger(p) for pieces in self._split(words).values() for p in pieces)

    def _split(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Words typed without spaces, split: at most a few a message, so none costs much."""
        tried = [w for w in dict.fromkeys(words) if self._may_be_run_together(w)]
        found = {w: self._unrun(w) for w in tried[:MAX_SPLITS]}
        return {w: pieces for w, pieces in found.items() if pieces}

    def _may_be_run_together(self, word: str) -> bool:
        return (
            MIN_LENGTH <= len(word) <= MAX_LENGTH
            and word.isalpha()
            and word not in self._spelled
            and word not in self._as_written
            and zipf(word) < 2.0
        )

    def _run_together(self, word: str) -> tuple[str, ...] | None:
        """The words of one typed without spaces, when it is no word and no typo of one."""
        if self._speller.correct(word) != word:
            return None
        pieces = segment(word, lambda w: w in self._spelled)
        return tuple(pieces) if pieces else None

    def detect(self, question: str) -> Alert | None:
        """The most serious red flag the question describes as happening now, if any."""
        return self.examine(question) if self.might_flag(question) else None

    def examine(self, question: str) -> Alert | None:
        """The heavy part, for a question the pre-check let through: lexicon, then backstop."""
        reading = self.read(question)
        findings = self.findings(reading)
        modifiers = context.modifiers(reading.text)
        alert = self.decide(reading, findings, modifiers)
        if alert is not None or self.learned is None:
            return alert
        # The lexicon reads negation, the past and "what if" where n-grams cannot: when its
        # context set every phrasing aside ("he hasn't vomited since yesterday"), only a sure
        # backstop overrules it.
        set_aside = bool(findings) and all(
            context.categories(modifiers, f.start, f.end) for f in findings
        )
        if self.learned.probability(question) < (
            backstop.SURE if set_aside else backstop.THRESHOLD
        ):
            return None
        verdict = self.learned.judge(question, words=1)  # rare: an alert's level and words
        phrase = verdict.words[0][0] if verdict.words else ""
        return Alert(verdict.level, backstop.FLAG, backstop.DESCRIPTION, phrase)

    def _spell(self, word: str) -> tuple[str, bool]:
        """A lexicon word for a caregiver's spelling (SMS forms, dropped g's, then typos), and
        whether only its sound gave it."""
        if not word.isalpha() or word in self._as_written:
            return word, False
        word = _SHORTHAND.get(word, word)
        if word.endswith("in") and word + "g" in self._spelled:  # "breathin", "throwin"
            return word + "g", False
        return self._speller.correct(word), self._speller.by_ear(word)

    def read(self, question: str) -> _Reading:
        """Normalise: fold case and accents, drop apostrophes, correct misspelt words."""
        # a message broken over lines mid-sentence ("and her tongue\nis swelling") reads as one
        # line; a line that starts with a capital, a bullet or a number stays a line of its own
        text = fold(_LINE_GOES_ON.sub(" ", question))
        text = spelled_numbers(text)
        for pattern, replacement in _BEFORE_TOKENS:
            text = pattern.sub(replacement, text)
        text = relative_days(relative_dates(text))  # "on the 2nd … today's the 9th": 7 days ago
        tokens = _TOKEN.findall(text)
        split = self._split(tokens)
        words: list[str] = []
        heard: set[str] = set()
        for token in tokens:
            # "22nd" is a date, not "22 and"
            if token in _ORDINALS and words and words[-1].isdigit():
                words.append(token)
                continue
            # typed without spaces in a panic: "shecantbreathe"
            for typed in split.get(token, (token,)):
                spelled, by_ear = self._spell(typed)
                words.append(spelled)
                if by_ear:
                    heard.add(spelled)
        words = _without_repeats(words)
        offsets, at = [], 0
        for word in words:
            offsets.append(at)
            at += len(word) + 1
        second = [
            self._second.correct(w) if w.isalpha() and w not in self._as_written else w
            for w in words
        ]
        heard -= set(tokens)  # "seizure" typed as well is a seizure
        return _Reading(" ".join(words), words, offsets, second, frozenset(heard))

    def findings(self, reading: _Reading) -> list[Finding]:
        """Every phrasing and measure of every flag in the question, before context."""
        found = []
        words, second = reading.words, reading.second or reading.words
        for first, word in enumerate(words):
            for flag_id, slots in self._starting(word, second[first]):
                # a rare real word's correction, or a word heard by its sound, counts only
                # inside phrasings of several words
                if len(slots) == 1 and (not slots[0].matches(word) or word in reading.heard):
                    continue
                last = _match_rest(slots, 1, words, first + 1, second)
                # …and only word for word: "Zazie is well today" is no "seizure … today"
                if word in reading.heard and last is not None and last - first >= len(slots):
                    continue
                if last is not None:
                    end = reading.offsets[last] + len(words[last])
                    found.append(Finding(flag_id, reading.offsets[first], end))
        for measure in _sentence_measures(reading.text):
            for flag in self.flags:
                if flag.measure and flag.measure["name"] == measure.name:
                    found.append(Finding(flag.id, measure.start, measure.end, measure.value))
        return found

    def decide(
        self,
        reading: _Reading,
        findings: Iterable[Finding],
        modifiers: list[context.Modifier],
    ) -> Alert | None:
        """Apply context, thresholds, treatments and combinations; the most serious flag wins."""
        mentions = [
            m for m in self._treatment_mentions(reading) if not _never_had(reading.text, m[1], m[2])
        ]
        dated, days_since = _dating(reading.text, mentions)
        modifiers = [
            m
            for m in modifiers
            if not any(m.category == context.HISTORICAL and a <= m.start < b for a, b in dated)
        ]
        counted: dict[str, list[Finding]] = {}
        safe_values: set[str] = set()
        findings = list(findings)
        kinds = {f: context.categories(modifiers, f.start, f.end) for f in findings}
        for f in _brought_back(reading.text, findings, modifiers):
            kinds[f] -= {context.HISTORICAL, context.RESOLVED}
        for f in findings:
            if f.measured is not None:
                kinds[f] = self._reading_kinds(f, kinds[f], modifiers, reading.text)
        sats = [f for f in findings if f.measured is not None and f.flag in self._sats_flags]
        for f in _recovered(reading.text, sats, self._by_id, modifiers):
            kinds[f] |= {context.RESOLVED}
        # "isn't breathing fast" holds a negated "breathing fast": its "isn't breathing", which
        # overlaps it and is cut short by it, goes too ("can't feel … feet" holds its own).
        negated = [f for f in findings if context.NEGATED in kinds[f]]
        for finding in findings:
            flag = self._by_id[finding.flag]
            if flag.excluded_by(kinds[finding]):
                continue
            if any(
                n.flag == finding.flag
                and finding.start < n.start < finding.end < n.end
                # the negation and the longer finding right after it ("isnt really | breathing
                # fast"), not another phrasing that reuses a word ("cant feel his legs properly
                # and theyre weaker" keeps its "cant feel his legs")
                and all(
                    w in self._negation_gap for w in reading.text[finding.start : n.start].split()
                )
                for n in negated
            ):
                continue
            if finding.measured is not None and flag.safe(finding.measured):
                safe_values.add(flag.id)
                continue
            counted.setdefault(flag.id, []).append(finding)
        for flag_id in safe_values:  # "a temperature of 37.4" silences "has a temperature"
            if not any(f.measured is not None for f in counted.get(flag_id, [])):
                counted.pop(flag_id, None)
        alerts = []
        for flag in self.flags:
            own = counted.get(flag.id, [])
            if flag.level not in _ALERT_LEVELS or (not own and (flag.phrasings or flag.measure)):
                continue
            if not all(r in counted for r in flag.requires):
                continue
            if flag.after and not self._after(flag, mentions, days_since):
                continue
            where = own[0] if own else counted[flag.requires[0]][0]
            alerts.append((_ALERT_LEVELS.index(flag.level), where.start, flag, where))
        if not alerts:
            return None
        _, _, flag, where = min(alerts, key=lambda a: (a[0], a[1]))
        phrase = reading.text[where.start : where.end]
        return Alert(flag.level, flag.id, flag.description, phrase)  # type: ignore[arg-type]

    def _reading_kinds(
        self, finding: Finding, kinds: set[str], modifiers: list[context.Modifier], text: str
    ) -> set[str]:
        """A reading's context: only a negation in its own clause negates it."""
        if (self._by_id[finding.flag].measure or {}).get("name") == "hours_dry":
            return kinds - {context.NEGATED}  # "haven't passed urine for 13 hours" is the reading
        negations = [
            m
            for m in modifiers
            # only those whose scope reaches it: "…can't get a sentence out, sats 89 and the
            # cough assist isn't shifting anything" is a reading of 89
            if m.category == context.NEGATED
            and m.scope_start < finding.end
            and finding.start < m.scope_end
        ]
        if any(finding.start <= m.start < finding.end for m in negations):
            return kinds | {context.NEGATED}  # "sats never dropped below 92"
        if negations and all(
            m.end <= finding.start and _CLAUSE_BREAK.search(text, m.end, finding.start)
            for m in negations
        ):
            return kinds - {context.NEGATED}  # "can't look down, fever 38.8"
        return kinds

    def _treatment_mentions(self, reading: _Reading) -> list[tuple[str, int, int]]:
        found = []
        words = reading.words
        for i, word in enumerate(words):
            for name, entry in self._treatment_starts.get(word, ()):
                if tuple(words[i : i + len(entry)]) == entry:
                    last = i + len(entry) - 1
                    found.append(
                        (name, reading.offsets[i], reading.offsets[last] + len(words[last]))
                    )
        named = {name for name, _, _ in found}
        for dose in _DOSE.finditer(reading.text):
            found += [(name, dose.start(), dose.end()) for name in sorted(named)]
        return found

    def _after(
        self, flag: _Flag, mentions: list[tuple[str, int, int]], days: dict[str, float]
    ) -> bool:
        named = {name for name, _, _ in mentions} & set(flag.after)
        if not named:
            return False
        if flag.within_days is None:
            return True
        # No stated time counts as recent: a caregiver writing now is usually writing soon after.
        return any(days.get(name, 0) <= flag.within_days for name in named)


@lru_cache(maxsize=1)
def _english() -> list[str]:
    """Everyday English words, sorted, for expanding `word*` into real words."""
    return sorted(w for w in top_n_list("en", 200_000) if w.isalpha())


def english_words_starting(prefix: str) -> list[str]:
    """The prefix and the English words that start with it (at most 40, most common first)."""
    words = _english()
    start = bisect.bisect_left(words, prefix)
    end = bisect.bisect_left(words, prefix + "{")  # "{" sorts after every letter
    found = sorted(words[start:end], key=lambda w: -zipf(w))[:40]
    return [prefix, *found]


def _rarest(slots: tuple[_Slot, ...]) -> _Slot:
    """The slot whose most everyday word is least everyday: the cheapest one to look for."""
    real = [s for s in slots if not s.wildcard]

    def commonest(slot: _Slot) -> float:
        forms = [*slot.exact, *(p + "ing" for p in slot.prefixes)]
        return max(zipf(w) for w in forms)

    return min(real, key=commonest)


def _compile_flag(flag: dict[str, Any], groups: dict[str, tuple[str, ...]]) -> _Flag:
    return _Flag(
        id=flag["id"],
        level=flag["level"],
        description=" ".join(flag["description"].split()),
        phrasings=tuple(_compile_phrasing(p, groups) for p in flag.get("phrasings") or []),
        measure=flag.get("measure"),
        requires=tuple(flag.get("requires") or ()),
        after=tuple(flag.get("after") or ()),
        within_days=flag.get("within_days"),
        counts_if_resolved=bool(flag.get("counts_if_resolved", False)),
        past_counts=bool(flag.get("past_counts", False)),
    )


def _compile_phrasing(text: str, groups: dict[str, tuple[str, ...]]) -> tuple[_Slot, ...]:
    slots = []
    for raw in fold(text).replace("'", "").split():
        if raw == "...":
            slots.append(_Slot(frozenset(), (), wildcard=True))
            continue
        group = re.search(r"\{([a-z_]+)\}", raw)
        alternatives = (
            [raw[: group.start()] + w + raw[group.end() :] for w in groups[group[1]]]
            if group
            else [raw]
        )
        exact = frozenset(a for a in alternatives if not a.endswith("*"))
        prefixes = tuple(a[:-1] for a in alternatives if a.endswith("*"))
        slots.append(_Slot(exact, prefixes))
    return tuple(slots)


# "has never had an injection into his spine", "no procedures or spinal injections": a treatment
# named as not had is no treatment to be after
_NEVER_HAD = re.compile(
    r"\b(?:never|no|not|hasnt|havent|hadnt)(?: (?:had|have|has|been|given|any|an|a|ever|got|or|"
    r"procedures?|into (?:his|her|their|the) (?:spine|back)|lumbar|punctures?|spinal|taps?|lps?|"
    r"injections?|jabs?|needles?|[a-z]+ or))* $"
)
# …and the treatment is the end of what is said, not a word about it ("never had a spinraza
# reaction like this", "no LP problems last time", "hasn't had an LP since March")
_NEVER_HAD_END = re.compile(r"(?: (?:or|and|into|injections?|punctures?|taps?)\b| [,.;!?]|$)")


def _brought_back(
    text: str, findings: list[Finding], modifiers: list[context.Modifier]
) -> list[Finding]:
    """Findings a later "…again" or "it's back" says are happening now, though told as past."""
    ends = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    recurs = [
        m
        for m in _RECURS.finditer(text)
        if not context.categories(modifiers, m.start(), m.end()) & _UNSAID
        and not _FEARED.search(text, max(0, m.start() - 40), m.start())
    ]
    return [
        f
        for f in findings
        if any(
            f.end <= r.start()
            and bisect.bisect(ends, r.start()) - bisect.bisect(ends, f.start) <= 1
            # "blue again" brings back what was blue, not a fit
            and (not r["sign"] or r["sign"][:4] in text[f.start : f.end])
            for r in recurs
        )
    ]


def _never_had(text: str, start: int, end: int) -> bool:
    """Whether the treatment named at [start, end) is said not to have been had."""
    return bool(
        _NEVER_HAD.search(text, max(0, start - 60), start) and _NEVER_HAD_END.match(text, end)
    )


def _match_rest(
    slots: tuple[_Slot, ...], i: int, words: list[str], at: int, second: list[str]
) -> int | None:
    """The last word position when slots[i:] match from `at` on, else None."""
    if i == len(slots):
        return at - 1
    slot = slots[i]

    def fits(position: int) -> bool:
        return slot.matches(words[position]) or slot.matches(second[position])

    if slot.wildcard:  # any words of the same sentence, the fewest that let the rest match
        for skip in range(WILDCARD_WORDS + 1):
            if at + skip > len(words) or (skip and not words[at + skip - 1].isalnum()):
                return None
            if skip and words[at + skip - 1] in _NEGATIONS:
                continue  # "skin isnt yellow", but "eyes are not white they are yellow"
            last = _match_rest(slots, i + 1, words, at + skip, second)
            if last is not None:
                return last
        return None
    # a small word that fits the slot may also be one to skip: "blood in {child} {wee}" reads
    # "blood in my brothers wee" with "brothers" as the child, not "my"
    for _ in range(MAX_GAP + 1):
        if at >= len(words):
            return None
        if fits(at) and (last := _match_rest(slots, i + 1, words, at + 1, second)) is not None:
            return last
        if words[at] not in FILLERS and second[at] not in FILLERS:
            return None
        at += 1
    return None


# "how long can a baby go without a wet nappy?": the next sentence's hours are a dry spell
_DRY_QUESTION = re.compile(
    r"\b(?:without|no|not had|not done|hasnt had|hasnt done) (?:a |any )?(?:wet )?"
    r"(?:nappy|nappies|diaper|diapers|wee|pee|wet one)\b"
)


def _without_repeats(words: list[str]) -> list[str]:
    """A phrase typed twice in a panic read once: "wont wake up wont wake up" -> "wont wake up"."""
    for n in (4, 3, 2, 1):
        i = 0
        while i + 2 * n <= len(words):
            if words[i : i + n] == words[i + n : i + 2 * n] and any(
                w.isalpha() for w in words[i : i + n]
            ):
                del words[i + n : i + 2 * n]
            else:
                i += 1
    return words


_FEED_TAKEN = re.compile(
    r"\b(?:milk|feeds?|feeding|fed|bottles?|formula|drunk|drank|taken|took|had)\b"
)
_NOT_A_FEED = re.compile(
    r"\b(?:doses?|calpol|paracetamol|ibuprofen|evrysdi|risdiplam|pred\w*|medicines?|meds|"
    r"flush\w*|water|syringe|threw|vomit\w*|sick|sicked|spat)\b"
)


# A low reading told in the past and dated, then a safe one now: "yesterday his sats dropped to
# 90 during a cold, they did cough assist, now 97 and back home"
_FELL_TO = re.compile(r"\b(?:dropped|fell|dipped|went|was|were|got)\b")
# (besides the context rules' past times: "…in January", "two days ago", "last week")
_RECENT_PAST = re.compile(r"\b(?:yesterday|last night|on \w+day)\b")
_NOW_AGAIN = re.compile(r"\b(?:now|today|back|since)\b")
# …unless it keeps falling: "now 93 again, they keep bouncing", "every time we stop they fall"
_STILL_FALLING = re.compile(r"\b(?:again|keeps?|kept|every time|each time|bouncing|up and down)\b")
_OXYGEN_GIVEN = re.compile(
    r"\b(?:on|more|extra|started|increased|turned up|up) (?:the |her |his |their |some )?"
    r"(?:night )?(?:oxygen|o2|niv|bipap|cpap|vent\w*|flow|high flow)\b|"
    r"\b(?:oxygen|o2|flow) (?:up|on|increased)\b|\b(?:litres?|liters?|lpm|bag\w*)\b"
)


def _recovered(
    text: str,
    readings: list[Finding],
    flags: dict[str, _Flag],
    modifiers: list[context.Modifier],
) -> list[Finding]:
    """Low readings told in the past that a later safe reading, now, has replaced."""
    readings = sorted(readings, key=lambda f: f.start)
    low = [f for f in readings if not flags[f.flag].safe(f.measured or 0.0)]
    if not low or not flags[readings[-1].flag].safe(readings[-1].measured or 0.0):
        return []  # the last word is a low reading: "97 this morning, now 88"
    last = readings[-1]
    if not _NOW_AGAIN.search(text, max(0, last.start - 40), last.end + 20):
        return []
    if _STILL_FALLING.search(text, low[0].start):
        return []
    return [
        f
        for f in low
        if _FELL_TO.search(text, max(0, f.start - 15), f.end)
        and _dated(text, f.start - 60, f.end + 40, modifiers)
        # support given at home is no recovery: "dropped to 87, we put her on oxygen, now 93"
        and not _OXYGEN_GIVEN.search(text, f.end, last.end)
    ]


def _dated(text: str, start: int, end: int, modifiers: list[context.Modifier]) -> bool:
    """Whether a time in the past is said between start and end."""
    start = max(0, start)
    if _RECENT_PAST.search(text, start, end):
        return True
    return any(m.category == context.HISTORICAL and start <= m.start < end for m in modifiers)


def _sentence_measures(text: str) -> list[Measure]:
    """Measures read one sentence at a time, so a cue in one sentence can't lend itself."""
    found, start = [], 0
    fits = bool(_FITS.search(text))
    sats = bool(_SATS.search(text))
    # Punctuation is a token of its own ("39.2 tonight ." ): split there, never inside a number.
    dry_before = False
    spans = []
    for sentence in re.split(r"((?:^| )[.!?;\n](?= |$))", text):
        found += [
            Measure(m.name, m.value, m.start + start, m.end + start)
            for m in measures(sentence, fits, sats, dry_before)
        ]
        if re.search(r"[a-z]", sentence):  # not the punctuation between sentences
            dry_before = bool(_DRY_QUESTION.search(sentence))
            spans.append((start, start + len(sentence)))
        start += len(sentence)
    if not any(m.name == "feed_share" for m in found):
        # what was taken, then the usual in the next sentence: "she's had 20 ml since
        # midnight. Usually she takes 120 ml every 3 hours."
        for (a, _), (c, d) in itertools.pairwise(spans):
            if not _FEED_TAKEN.search(text, a, c) or _NOT_A_FEED.search(text, a, c):
                continue  # "Her Evrysdi dose is 3 ml. She usually has 150 ml." is no feed
            found += [
                Measure(m.name, m.value, m.start + a, m.end + a)
                for m in feed_shares(text[a:d])
                if m.start + a < c < m.end + a
            ]
    return found


def _dating(
    text: str, mentions: list[tuple[str, int, int]]
) -> tuple[set[tuple[int, int]], dict[str, float]]:
    """Time phrases that date a treatment ("zolgensma 3 weeks ago"), and days since each one."""
    dated: set[tuple[int, int]] = set()
    days_of: dict[tuple[str, int, int], float] = {}
    for match in _DATING.finditer(text):
        n, unit = match["n"] or "1", match["u"] or match["u2"]
        days = float((int(n) if n.isdigit() else _WORD_NUMBERS[n]) * _DAYS[unit])
        near = [
            (name, start, end)
            for name, start, end in mentions
            if (match["w"] != "after" and 0 <= match.start() - end <= DATING_CHARS)
            or (match["w"] == "after" and 0 <= start - match.end() <= DATING_CHARS)
        ]
        for mention in near:
            days_of[mention] = min(days_of.get(mention, days), days)
        if near:  # the phrase dates the treatment, not any finding around it
            ago = text.find("ago", match.start()) if match["w"] == "ago" else -1
            dated.add((match.start(), ago + 3 if ago >= 0 else match.end()))
    # The most recent mention counts; one with no date ("the injection site") is recent, one
    # still to come ("before her next spinraza") is not a treatment she has had.
    days_since: dict[str, float] = {}
    for mention in mentions:
        before, after = text[max(0, mention[1] - 25) : mention[1]], text[mention[2] :]
        if _FUTURE.search(before) or _FUTURE_AFTER.match(after):
            days_of.setdefault(mention, float("inf"))
        days = days_of.get(mention, 0.0)
        days_since[mention[0]] = min(days_since.get(mention[0], days), days)
    return dated, days_since


_NUMBERS = {"GB": "999", "UK": "999", "IE": "112", "US": "911", "CA": "911", "AU": "000"}
_NUMBERS |= {"NZ": "111", "CN": "120", "IN": "112", "ZA": "112"}
_EU = set(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "EU",
    ]
)


def emergency_number(locale: str) -> str | None:
    """The emergency number for a locale such as 'en-GB', 'US' or 'de_DE'; None when unknown."""
    region = re.split(r"[-_]", locale.strip())[-1].upper() if locale.strip() else ""
    if region in _NUMBERS:
        return _NUMBERS[region]
    return "112" if region in _EU else None


def message(alert: Alert, locale: str) -> str:
    """What the person should do now, first thing in the answer."""
    number = emergency_number(locale)
    call = f"call {number}" if number else "call your local emergency number"
    if alert.level == "emergency":
        return (
            f"This sounds like an emergency. {call.capitalize()} now. "
            "Do not wait for an answer here."
        )
    return (
        "This can be a sign that needs a doctor straight away. Contact your care team now; "
        f"if you cannot reach them, or things get worse, {call}."
    )
