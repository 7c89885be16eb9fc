"""Redaction before anything a caregiver wrote is stored: who, where, when, which record, e-mail.

Health questions are personal data. What we keep must still show what was asked ("my daughter
[name] has a fever after her [date] injection"), so only identifying parts are replaced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection

from smabot.frequency import zipf

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_TLD = r"(?:com|org|net|edu|gov|info|io|me|co|uk|ie|us|ca|au|nz|de|fr|es|nl|it|in)"
_DOT = r"\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\bdot\b)\s*"
_AT = r"\s*(?:@|\(at\)|\[at\]|\{at\}|\bat\b)\s*"
_RULES: list[tuple[re.Pattern[str], str]] = [
    # e-mails in any spelling: jane.doe@x.com, "jane dot doe at gmail dot com", "jane @ x.com"
    (
        re.compile(rf"[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_TLD}\b", re.I),
        "[email]",
    ),
    (re.compile(r"[\w.+-]+\s*@\s*[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # record numbers: "NHS number 943 476 5919", "hospital no: RXH-123456", "MRN 00123"
    (
        re.compile(
            r"\b((?:nhs|hospital|hosp|mrn|patient|medical record|record|chi|case|unit)"
            r"(?:\s*(?:number|no\.?|num|#|id))?\s*(?:is|:|=|-)?\s*)"
            r"[a-z]{0,4}[-\s]?\d[\d\s-]{2,}\d\b",
            re.I,
        ),
        r"\1[id]",
    ),
    (re.compile(r"\b[A-Z]{1,4}-?\d{5,}\b"), "[id]"),
    # dates: 12/03/2021, 2021-03-12, 12th March 2021, March 12, 2021, March 2021
    (re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"), "[date]"),
    (
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+\d{{4}})?\b", re.I
        ),
        "[date]",
    ),
    (re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b", re.I), "[date]"),
    (re.compile(rf"\b{_MONTH}\.?\s+\d{{4}}\b", re.I), "[date]"),
    (
        re.compile(
            r"\b((?:born|dob|d\.o\.b\.?|date of birth|birthday)\s*(?:is|was|:|in|on)?\s*)"
            r"\d{4}\b",
            re.I,
        ),
        r"\1[date]",
    ),
    # street addresses: "14 Acacia Avenue", "221b Baker St."
    (
        re.compile(
            r"\b\d{1,5}[a-z]?,?\s+(?:[a-z'-]+\s+){0,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|"
            r"dr|close|way|court|ct|crescent|cres|place|pl|boulevard|blvd|terrace|gardens|grove|"
            r"park|square|sq|row|mews|walk|hill|view|rise)\b\.?",
            re.I,
        ),
        "[address]",
    ),
    # phone numbers (7+ digits with the usual separators) and any other long digit run
    (re.compile(r"(?<!\w)\+?\(?\d[\d\s().-]{5,}\d(?!\w)"), "[phone]"),
    (re.compile(r"\d{6,}"), "[number]"),
    # UK postcodes and US ZIP codes
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I), "[postcode]"),
    (re.compile(r"\b\d{5}(?:-\d{4})?\b"), "[postcode]"),
]
_RELATION = re.compile(
    r"\b((?:my|our|his|her|their)\s+(?:little\s+|baby\s+|eldest\s+|youngest\s+|twin\s+)?"
    r"(?:son|daughter|boy|girl|baby|child|kid|husband|wife|partner|grandson|granddaughter|"
    r"niece|nephew|brother|sister|twin|toddler|mum|mom|dad|father|mother|grandchild)s?,?\s+)"
    r"([\w'-]+)",
    re.I,
)
_CALLED = re.compile(
    r"\b((?:called|named|name is|names|name's|nickname is|this is|i'm|i am|dr|doctor|nurse|"
    r"mr|mrs|ms|miss|prof|professor)\.?\s+)([A-Z][\w'-]+)(\s+[A-Z][\w'-]+)?"
)
# Words that follow "my son …" and are not his name.
_FOLLOWS = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "have",
        "gets",
        "got",
        "keeps",
        "kept",
        "can",
        "cant",
        "could",
        "will",
        "wont",
        "would",
        "started",
        "starts",
        "seems",
        "seemed",
        "looks",
        "looked",
        "feels",
        "felt",
        "just",
        "also",
        "still",
        "who",
        "with",
        "and",
        "on",
        "after",
        "since",
        "does",
        "doesnt",
        "did",
        "didnt",
        "hasnt",
        "isnt",
        "wasnt",
        "went",
        "goes",
        "became",
        "becomes",
        "used",
        "needs",
        "needed",
        "takes",
        "took",
        "always",
        "never",
        "often",
        "sometimes",
        "really",
        "very",
        "now",
        "today",
        "yesterday",
        "aged",
        "age",
        "hes",
        "shes",
        "turned",
        "turns",
        "the",
        "a",
        "an",
        "to",
        "in",
        "of",
        "at",
        "for",
        "from",
        "been",
        "being",
        "not",
        "no",
        "so",
        "but",
        "or",
        "if",
        "when",
        "because",
    ]
)
_CAPITALISED = re.compile(r"(?<![\w'])([A-Z][a-z'-]{2,})\b")
# A capitalised word rarer than this in English, and not a word of the articles, is a name.
NAME_ZIPF = 3.0


def redact(text: str, known: Collection[str] = frozenset()) -> str:
    """Text with names, dates, places, record numbers, phones and e-mails replaced."""
    text = unicodedata.normalize("NFKC", text)  # full-width "＠", "１２" and the like
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    text = _RELATION.sub(_relation_name(known), text)
    text = _CALLED.sub(lambda m: m.group(1) + "[name]", text)
    return _CAPITALISED.sub(lambda m: _rare_name(m, text, known), text)


def _relation_name(known: Collection[str]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        word = match.group(2)
        lower = word.lower().replace("'", "")
        if word[:1].isupper() and word[1:].islower() and lower not in _FOLLOWS:
            return match.group(1) + "[name]"
        verb_like = lower.endswith(("ing", "ed")) or (
            lower.endswith("s") and zipf(lower[:-1]) >= 3.5
        )
        if lower in _FOLLOWS or lower in known or verb_like or zipf(lower) >= 5:
            return match.group(0)
        return match.group(1) + "[name]"

    return replace


def _rare_name(match: re.Match[str], text: str, known: Collection[str]) -> str:
    word = match.group(1)
    lower = word.lower().replace("'", "")
    if lower in known or zipf(lower) >= NAME_ZIPF:
        return word
    return "[name]"
