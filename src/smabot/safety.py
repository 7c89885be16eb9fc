"""Emergency and urgent-care detection in caregivers' words, with negation and the past."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smabot.analysis import fold

_EU = {
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
    "IE",
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
}
_NUMBERS = {"GB": "999", "UK": "999", "US": "911", "CN": "120"}

# Each rule: (level, pattern). "emergency" means call the emergency number now; "urgent" means a
# red flag after these treatments that needs a doctor at once.
_RULES: list[tuple[str, str]] = [
    (
        "emergency",
        r"(can'?t|cannot|can not|unable to|struggling to|hard to|trouble|difficulty|"
        r"problems?|labou?red|stopped|isn'?t|not|struggle) ?(to )?breath(e|ing)?",
    ),
    ("emergency", r"(short|out) of breath|gasping|choking|breathless"),
    (
        "emergency",
        r"(lips?|face|skin|mouth|tongue)( \w+){0,3} (blue|gr[ae]y|purple)|"
        r"(blue|gr[ae]y|purple) (lips?|face|skin)|turn(ed|ing)? blue",
    ),
    (
        "emergency",
        r"unconscious|unresponsive|not responding|won'?t respond|not waking|"
        r"(won'?t|can'?t|cannot|doesn'?t|isn'?t|not|will not) (wake|waking)|"
        r"passed out|collapsed|fainted",
    ),
    (
        "emergency",
        r"seizures?|convuls\w*|(is|was|keeps?|started) fitting|(having|had|has) (a )?fits?",
    ),
    (
        "emergency",
        r"bleed\w*( \w+){0,10} (won'?t|will not|doesn'?t|does not|can'?t|not) stop\w*|"
        r"bleed\w* (a lot|loads|badly|so much|everywhere)|"
        r"(won'?t|doesn'?t|not) stop(ped)? bleeding|(lot|lots) of( \w+)? bleeding|"
        r"(heavy|heavily|severe|uncontrolled|pouring) ?bleed\w*|bleed\w* heavily",
    ),
    (
        "emergency",
        r"swell\w* (of |in )?(the |his |her )?(face|lips?|tongue|throat)|"
        r"(face|lips?|tongue|throat)( \w+){0,2} swell\w*|anaphyla\w*",
    ),
    (
        "emergency",
        r"(call|ring|phone|dial) (an? )?(ambulance|911|999|112)|"
        r"(go|take \w+|going) to (the )?(er|a ?& ?e|emergency)\b|emergency (room|department)",
    ),
    ("urgent", r"yellow\w*( \w+){0,3} (skin|eyes?)|(skin|eyes?)( \w+){0,3} yellow\w*|jaundice\w*"),
    ("urgent", r"stiff neck|neck is stiff|neck (\w+ )?stiff"),
    (
        "urgent",
        r"(severe|worst|terrible|unbearable|excruciating) headache|"
        r"headache( \w+){0,3} (won'?t|doesn'?t|not) (go away|stop)",
    ),
    (
        "urgent",
        r"(numb|numbness|tingling|can'?t feel|cannot feel)( \w+){0,4} (legs?|feet|foot|arms?)|"
        r"(legs?|feet|arms?)( \w+){0,3} (numb|weak|floppy)|(new|sudden) (numbness|weakness)",
    ),
    (
        "urgent",
        r"vomit\w* blood|blood in (his |her |the )?(vomit|stool|urine|poo|pee)|"
        r"(dark|brown|cola) (urine|pee)|black (stool|poo)",
    ),
]
_COMPILED = [(level, re.compile(rf"\b(?:{pattern})\b")) for level, pattern in _RULES]
# One pass over the whole question first: most questions match no rule at all.
_ANY = re.compile("|".join(rf"\b(?:{pattern})\b" for _, pattern in _RULES))
_NEGATION = re.compile(
    r"\b(no|not|never|without|isn'?t|aren'?t|wasn'?t|doesn'?t|didn'?t|"
    r"hasn'?t|hasnt|haven'?t|none|nor|free of|denies)\b( \w+){0,3} ?$"
)
_PAST = re.compile(
    r"\b(last (year|month|week|summer|winter|spring|autumn)|years? ago|months? ago|"
    r"weeks? ago|used to|in the past|history of|as a baby|once had|previously|"
    r"back in \d{4}|when (she|he|they) (was|were) (younger|little|a baby))\b"
)
# Asking about signs in general is a request for information, not a description of now.
_ASKING_ABOUT = re.compile(
    r"\b(what (are|is) the signs?|signs? of|symptoms? of|what if|"
    r"how (do|would|can) (i|we) (know|tell)|risks? of|chance of)\b"
)
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\bbut\b|\bhowever\b")


@dataclass(frozen=True)
class Finding:
    """An emergency or urgent red flag found in a question."""

    level: str  # "emergency" or "urgent"
    phrase: str


def detect(question: str) -> Finding | None:
    """The most serious red flag the question describes as happening now, if any."""
    text = fold(question).replace("’", "'")
    if not _ANY.search(text):
        return None
    found: list[Finding] = []
    for clause in _SENTENCES.split(text):
        if not clause or _PAST.search(clause):
            continue
        for level, pattern in _COMPILED:
            for match in pattern.finditer(clause):
                if _NEGATION.search(clause[: match.start()]):
                    continue
                if _ASKING_ABOUT.search(clause[: match.start()]):
                    continue
                found.append(Finding(level, match.group()))
    if not found:
        return None
    return next((f for f in found if f.level == "emergency"), found[0])


def emergency_number(locale: str) -> str | None:
    """The emergency number for a locale such as 'en-GB', 'US' or 'de_DE'; None when unknown."""
    region = re.split(r"[-_]", locale.strip())[-1].upper() if locale.strip() else ""
    if region in _NUMBERS:
        return _NUMBERS[region]
    return "112" if region in _EU else None


def message(finding: Finding, locale: str) -> str:
    """What the person should do now, first thing in the answer."""
    number = emergency_number(locale)
    call = f"call {number}" if number else "call your local emergency number"
    if finding.level == "emergency":
        return (
            f"This sounds like an emergency. {call.capitalize()} now. "
            "Do not wait for an answer here."
        )
    return (
        f"This can be a sign that needs a doctor straight away. Contact your care team now; "
        f"if you cannot reach them, or things get worse, {call}."
    )
