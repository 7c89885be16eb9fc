"""ConText for red flags: is a finding negated, over, hypothetical or about someone else?

After Harkema et al.'s ConText (and medspaCy's rules): modifier phrases scope forwards, backwards
or both over the words of their clause, until a terminator ("but", "and now", "since") or the end
of the sentence. A finding inside a modifier's scope takes its category, unless the modifier is
part of the finding itself ("not breathing").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

NEGATED, HISTORICAL, HYPOTHETICAL, OTHER, RESOLVED, FIGURATIVE = (
    "negated",
    "historical",
    "hypothetical",
    "other_person",
    "resolved",
    "figurative",
)
# Forward scope of a negation, in words: "no fever, stiff neck or rash" is within it.
NEGATION_WORDS = 8
# Backward reach of a time phrase, in words: "had a fit two years ago".
HISTORY_WORDS = 10

_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"couple of|several|many)"
)
_AGO = rf"{_NUM} (?:weeks?|months?|years?|yrs?) ago"
# Modifier phrases: (category, direction, regex). Directions: "f" forwards, "b" backwards.
RULES: list[tuple[str, str, str]] = [
    (
        NEGATED,
        "f",
        r"no|not|never|without|isnt|arent|wasnt|werent|doesnt|dont|didnt|hasnt|havent|hadnt|"
        r"wont|cant|none|nor|neither|denies|denied|free of|absence of|ruled out|nothing",
    ),
    (HISTORICAL, "fb", _AGO),
    (
        HISTORICAL,
        "fb",
        r"last (?:week|month|year|summer|winter|spring|autumn|fall|christmas|time)|"
        r"years? ago|months ago|in the past|used to|history of|previously|back then|"
        r"back in \w+|in \d{4}|as a (?:baby|newborn|toddler|child)|once had|at the time|"
        r"at \d+ (?:months?|years?|weeks?)(?: old)?|years before|long before|newborn|"
        r"in (?:his|her|their|my) first (?:week|month|year)s?|always (?:had|been|has|have)|"
        r"at the weekend|last weekend|(?:at|over) (?:christmas|easter|half term)|"
        r"(?:in|last) (?:january|february|march|april|may|june|july|august|september|october|"
        r"november|december)|turned out to be|"
        r"when (?:he|she|they|i|we) (?:was|were) (?:a baby|little|younger|small|tiny|born|"
        r"newborn|first diagnosed|diagnosed|\d+)|before (?:his|her|their|my) (?:\w+ )?diagnosis",
    ),
    # "last loading dose her site went red": what follows is then; "we ran out, last dose was
    # yesterday" still counts
    (
        HISTORICAL,
        "f",
        r"last (?:loading |maintenance )?(?:dose|injection|infusion|procedure|admission|course)",
    ),
    (
        HYPOTHETICAL,
        "f",
        r"if|in case|what if|whether|signs? of|symptoms? of|warning signs?|"
        r"what (?:are|is) the (?:signs?|symptoms?)|"
        r"how (?:do|would|will|can|could|should|to) (?:i|we|you|one|parents)? ?"
        r"(?:know|tell|spot|recognise|recognize|check)|"
        r"watch (?:out )?for|look(?:ing)? (?:out )?for|keep an eye (?:out )?for|"
        r"risks? of|chances? of|likely|likelihood|how (?:common|often|likely|rare)|"
        r"side effects? (?:like|such as|include|including|are)|"
        r"when (?:should|do|does|would|to|can|must|will)|"
        r"what (?:should|do|would|to)(?: (?:i|we|you))? do|"
        r"what happens|do (?:i|we) need to|should (?:i|we) worry|ever|in the event|plan for|"
        r"prevent|avoid|worry about|is there a risk|any risk|"
        r"(?:would|could|might|can|will|does|do) (?:a|an|any)|"
        r"what (?:are|is) (?:the )?(?:common|usual|typical|main|most common)",
    ),
    # Question frames govern the words inside them: "is a puffy face a side effect of…?",
    # "does evrysdi help with choking?", "what do petechiae look like?"
    (
        HYPOTHETICAL,
        "i",
        r"(?:can|could|does|do|did|will|would|might|may) (?:\w+ ){0,4}"
        r"(?:cause|causes|lead to|leads to|trigger|triggers|result in|give (?:you|them|him|her))"
        r"(?: \w+){0,6}|"
        r"(?:is|are|can|could) (?!(?:this|it|that|these|those|they|she|he)\b)(?:\w+ ){1,8}"
        r"(?:a |an )?(?:common |known |possible |normal |usual |rare )?side effects?|"
        r"(?:does|do|can|will|would|could|might) (?:\w+ ){1,3}"
        r"(?:help|improve|treat|affect|reduce|prevent|stop|change|increase|raise|lower)"
        r"(?: \w+){0,8}|"
        r"what (?:do|does|would|will) (?:\w+ ){1,4}look like|what counts as(?: \w+){0,4}|"
        r"(?:spotting|recognising|recognizing)(?: \w+){0,4}|"
        r"\w+ risks?\b",
    ),
    (
        OTHER,
        "f",
        r"some (?:children|kids|babies|patients|people|parents|adults)|"
        r"other (?:children|kids|babies|patients|parents|people|families)|"
        r"(?:i|we|ive|weve) (?:read|heard|saw|seen|have seen|have read|have heard)|"
        r"(?:in|during) (?:the )?"
        r"(?:trials?|stud(?:y|ies)|clinical trials?)|people (?:say|said|report)|"
        r"(?:has|have|was|were) been reported|reported in|the leaflet|the label|the website|"
        r"(?:children|kids|babies|people|patients|adults) with sma|"
        r"my (?:nephew|niece|cousin|friend|friends|neighbour|neighbor|colleague|uncle|aunt|mum|"
        r"mom|dad|nan|gran|grandma|grandad|grandpa|granny)s?\b|"
        r"(?:a|one|another) (?:boy|girl|child|kid) (?:in|at|from)|at (?:school|nursery)|"
        r"(?:the|a|another|one) (?:\w+ )?(?:baby|child|kid|boy|girl|patient|man|woman|lady) "
        r"(?:in|on|at|from|across) (?:the )?(?:next|other|same|opposite) "
        r"(?:bed|cot|bay|room|ward|cubicle)|next door|"
        r"anyone on here|anyone else|if anyone|not us|not mine|"
        r"in (?:his|her|their) class|"
        r"(?:babies|children|kids|people|patients) (?:often|usually|sometimes|can|may|might)|"
        r"(?:sheet|leaflet|letter|nurse|doctor|they|team|website|label|consultant|gp|neurologist|neuro|"
        r"physio|physiotherapist|dietitian|dietician|pharmacist|paediatrician|pediatrician|"
        r"specialist|ward|unit|hospital|grandma|grandad|granny|nan|midwife|health visitor) "
        r"(?:says|said|told us|told me|mentioned|lists|listed|warned|explained)",
    ),
    (
        RESOLVED,
        "b",
        r"(?:went|eased|settled|improved|cleared) with|"
        r"(?:it|that|this|which|they|bleeding|vomiting|rash|fever|headache) "
        r"(?:has |had |have |all )?(?:stopped|settled|eased|cleared|resolved|gone|went away|"
        r"passed|disappeared)|went away|gone away|cleared up|settled down|fine now|ok now|"
        r"okay now|better now|back to normal|all good now|fully recovered|recovered fully|"
        r"back to (?:him|her|them)sel(?:f|ves)|"
        r"was fine after|were fine after|no problems since|fine since|wore off|worn off|"
        r"then (?:it|he|she) was fine|"
        r"wears off|(?:has|have|had) stopped|stopped after|all sorted|sorted now|"
        r"(?:cleared|settled|treated|sorted) (?:up )?(?:with|by|after)|"
        r"(?:it|that|this|which|they) (?:has |had |have |all )?healed|"
        r"healed (?:up|completely|fully)|"
        r"(?:dealt with|handled|managed) it",
    ),
    (RESOLVED, "f", r"no more|no longer|(?:has|have|had )?stopped"),
    # an expected, explained state: "no drink since 7am because he's nil by mouth"
    (RESOLVED, "fb", r"nil by mouth|fasting for|fasted for|starved for"),
    # "fever-free", "seizure free": a negation that looks back (medspaCy's rule too)
    (NEGATED, "b", r"free|none of (?:it|them|that|those|these)|all (?:clear|negative|fine)"),
    # words of understanding, not symptoms: "a little confused by how…", "confused about the dose"
    (
        FIGURATIVE,
        "i",
        r"(?:confused|confusing|confusion) (?:by|about|over|as to|with|on|why|how|what|whether|"
        r"which|if)|(?:is|was|its|so|very|bit|little) confusing",
    ),
    # plans and kits are about what might happen: "an anaphylaxis plan", "a seizure rescue kit"
    (
        HYPOTHETICAL,
        "i",
        r"(?:\w+ ){1,2}(?:plan|plans|kit|pen|pens|training|protocol|action plan|first aid)",
    ),
]
# Phrases that look like a modifier but are not one: uncertainty keeps a red flag a red flag.
PSEUDO = (
    r"not sure|not certain|unsure|dont know|no idea|cant tell|dont think|not only|"
    r"not getting better|not improving|not usually|not normally|not like (?:him|her|them)|"
    r"not (?:him|her|them)self|not herself|not himself|no better|not stopping|not settling|"
    r"not interested|not moving at all|not answering|not responding|not waking|"
    r"see if|check if|checking if|wondering if|as if|if so|even if|not just|no matter|"
    r"not eating or drinking|cant stop|wont stop|doesnt stop|not stop|"
    r"without (?:stopping|a break|pausing|a pause|catching)|first ever|worst ever|best ever|"
    r"ever since|never ever|for ever|forever|sorry if|apologies if|"
    # a duration up to now, not a time in the past: "irritable for the last week"
    r"(?:for|over|during|in) the (?:last|past) (?:\w+ )?(?:\d+ )?\w+|"
    # asking whether something already there is explained: "can a fever of 38.4 … just be
    # from the procedure?"
    r"(?:can|could|would|might) (?:a|an|this|that|it|the)(?= (?:\S+ ){0,12}(?:just|only|simply) be)"
)
TERMINATORS = (
    r"but|however|although|though|except|yet|whereas|now|currently|today|tonight|"
    r"this (?:morning|afternoon|evening|week)|at the moment|right now|since|still|again|"
    r"anymore|suddenly|then|these days|lately|recently"
)
# A comma followed by a new subject starts a new clause: "no fever, she is breathing fast".
_NEW_SUBJECT = re.compile(
    r"^(?:he|she|they|i|we|it|its|hes|shes|theyre|im|ive|weve|id|his|her|my|our|their|"
    r"the baby|baby|babys)\b"
)
# A sentence ends at a punctuation token of its own, never at the point of "38.5".
_SENTENCE_END = re.compile(r"(?:^| )([.!?;\n])(?= |$)")
_SENTENCE_SPLIT = re.compile(r"((?:^| )[.!?;\n](?= |$))")
_PRESENT = re.compile(
    r"\b(?:is|are|am|hes|shes|theyre|im|keeps|keep|wont|cant|isnt|arent|doesnt|dont|"
    r"has been|have been|is still|are still)\b"
)
_JOINER = re.compile(r",|\b(?:and|so|plus)\b")
# A question that names nobody asks about SMA in general ("can zolgensma cause jaundice?",
# "what are common breathing problems?"); one that names the child describes them
# ("why is my baby breathing so fast?").
_QUESTION_START = re.compile(
    r"^(?:what|whats|why|how|which|when|where|who|is|are|can|could|does|do|will|would|has|"
    r"have|did|any|should (?:you|one|people|parents))\b"
)
# A reading, a day count or "still" ties a question to one child's here and now: "can a fever
# of 38.4 two days after spinraza just be from the procedure?", "is it normal the headache is
# still bad on day 4?"
_SPECIFIC = re.compile(r"\d[.,]\d|\d ?(?:°|%)|\bday \d+\b|\b\d+ out of 10\b|\bstill\b")
_PERSONAL = re.compile(
    r"\b(?:my|me|i|im|ive|id|we|our|us|he|him|his|hes|she|her|hers|shes|they|them|their|"
    r"theyre|this|these|mine)\b"
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


# Relatives whose "he" or "she" in the next clause is still them.
_GENDERED = {
    "male": re.compile(r"\b(?:nephew|uncle|dad|grandad|grandpa)s?\b"),
    "female": re.compile(r"\b(?:niece|aunt|mum|mom|nan|gran|grandma|granny)s?\b"),
}
_FOLLOWS = {
    "male": re.compile(r" ?(?:,|and|so|plus)? ?(?:and )?(?:he|his|hes|him)\b"),
    "female": re.compile(r" ?(?:,|and|so|plus)? ?(?:and )?(?:she|her|shes)\b"),
}
_CHILD = r"(?:my|our|the) (?:son|daughter|baby|child|boy|girl|little one|toddler)|we|i|im|ive"
_SOMEONE_ELSE = {
    "male": re.compile(rf"\b(?:she|her|shes|{_CHILD})\b"),
    "female": re.compile(rf"\b(?:he|his|hes|him|{_CHILD})\b"),
}
# "both are happening right now", "it's worse today", "they appeared this afternoon"
_CONFIRM_YES = re.compile(
    r"\b(?:both|all|it|that|this|they|these|those|which)(?: of (?:them|those|these))? "
    r"(?:are|is|has|have) (?:now |all |both |just )?(?:happening|happened|going on|the case)\b|"
    r"\b(?:its|thats|theyre|they are|it is) (?:now |all |already )?(?:happening|worse|"
    r"getting worse|got worse|spreading)\b|"
    r"\b(?:it|they|she|he|that) (?:has|have) (?:now |just )?(?:got|gotten|gone|become) worse\b|"
    r"\b(?:they|these|those) (?:\w+ )?(?:appeared|came up|came out|showed up|popped up)\b"
)
# "it doesn't", "she hasn't": a negated condition met
_CONFIRM_NOT = re.compile(
    r"(?:and |but |well )?(?:it|that|this|she|he|they) (?:doesnt|didnt|isnt|hasnt|havent|"
    r"wont|arent)\b(?! (?:\w+ )?(?:yet|at all))"
)
_NEGATION = re.compile(
    r"\b(?:not|no|doesnt|dont|isnt|wont|cant|hasnt|havent|didnt|never|nothing|none|neither)\b"
)


_RULES = [(category, direction, _compile(p)) for category, direction, p in RULES]
_PSEUDO = _compile(PSEUDO)
_TERMINATORS = _compile(TERMINATORS)


@dataclass(frozen=True)
class Modifier:
    """A context phrase at [start, end) of the text and the span of text it governs."""

    category: str
    start: int
    end: int
    scope_start: int
    scope_end: int
    inner: bool = False  # governs the words inside its own span (a question frame)


def modifiers(text: str) -> list[Modifier]:
    """Every context modifier in normalised text (tokens joined by single spaces)."""
    pseudo = [(m.start(), m.end()) for m in _PSEUDO.finditer(text)]
    stops = _stops(text)
    found = []
    for category, direction, pattern in _RULES:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(a <= start < b or a < end <= b for a, b in pseudo):
                continue
            forward = _forward_end(text, end, stops, category)
            backward = _backward_start(text, start, stops, category)
            scope_start = backward if "b" in direction else start
            scope_end = forward if "f" in direction else end
            if direction == "i":
                scope_start, scope_end = start, min(end, forward)
            if category == OTHER:
                scope_end = _same_person(text, match.group(), scope_end, stops)
            inner = direction == "i"
            found.append(Modifier(category, start, end, scope_start, scope_end, inner))
    return _confirmed(text, found + _general_questions(text))


def _same_person(text: str, trigger: str, end: int, stops: list[tuple[int, int, bool]]) -> int:
    """Carry another person's scope on while the clauses go on about them.

    "my dad has COPD and his sats run at 91 %": "his" is still the dad (a relative of the same
    gender); "…and our son's sats" or "she is…" about a grandad is someone else.
    """
    gender = next((g for g, words in _GENDERED.items() if words.search(trigger)), None)
    if gender is None:
        return end
    follows, other = _FOLLOWS[gender], _SOMEONE_ELSE[gender]
    while True:
        same = follows.match(text, end)
        if not same:
            return end
        further = _forward_end(text, same.end(), stops, OTHER)
        if further <= same.end():
            return end
        switch = other.search(text, same.end(), further)  # "…and she says his lips are blue"
        if switch:
            return switch.start()
        end = further


def _confirmed(text: str, found: list[Modifier]) -> list[Modifier]:
    """A reported instruction or question the next sentence says is now so counts.

    "the doctor said call 999 if his lips swell or he gets wheezy. both are happening right
    now": the condition is met, so its findings are neither hypothetical nor someone else's.
    "…if the headache doesn't improve lying down. it doesn't" confirms only a negated condition.
    """
    sentences, start = [], 0
    for part in _SENTENCE_SPLIT.split(text):
        if part.strip() and not _SENTENCE_END.fullmatch(part):
            sentences.append((start, start + len(part)))
        start += len(part)
    released: list[tuple[int, int]] = []
    for (a, b), (c, d) in itertools.pairwise(sentences):
        following = text[c:d].strip()
        yes = _CONFIRM_YES.search(following)
        if yes and _NEGATION.search(following, max(0, yes.start() - 25), yes.end()):
            yes = None  # "nothing like that has happened"
        if yes or (_CONFIRM_NOT.match(following) and _NEGATION.search(text, a, b)):
            released.append((a, b))
    if not released:
        return found
    return [
        m
        for m in found
        if m.category not in (HYPOTHETICAL, OTHER) or not any(a <= m.start < b for a, b in released)
    ]


def _general_questions(text: str) -> list[Modifier]:
    """Sentences that ask about SMA in general, as modifiers over themselves."""
    found, start = [], 0
    for sentence in _SENTENCE_SPLIT.split(text):
        words = sentence.strip()
        if (
            _QUESTION_START.match(words)
            and not _PERSONAL.search(words)
            and not _SPECIFIC.search(words)
        ):
            end = start + len(sentence)
            found.append(Modifier(HYPOTHETICAL, start, end, start, end, inner=True))
        start += len(sentence)
    return found


def _stops(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_sentence_end) of every boundary and terminator in the text."""
    stops = [(m.start(1), m.end(1), True) for m in _SENTENCE_END.finditer(text)]
    stops += [(m.start(), m.end(), False) for m in _TERMINATORS.finditer(text)]
    for match in _JOINER.finditer(text):  # ", she …", "and my fingertips …"
        if _NEW_SUBJECT.match(text[match.end() :].lstrip()):
            stops.append((match.start(), match.end(), False))
    return sorted(stops)


def _forward_end(text: str, end: int, stops: list[tuple[int, int, bool]], category: str) -> int:
    limit = next((a for a, _, _ in stops if a >= end), len(text))
    if category == HISTORICAL:  # "back in march, no problems then, lips blue": the past ends
        comma = text.find(",", end, limit)
        limit = comma if comma >= 0 else limit
        # …and so does the present: "a fit last year and she is jerking again"
        present = _PRESENT.search(text, end, limit)
        limit = present.start() if present else limit
    if category == NEGATED:
        words = text[end:limit].split(" ")
        limit = min(limit, end + len(" ".join(words[: NEGATION_WORDS + 1])))
    return limit


def _backward_start(
    text: str, start: int, stops: list[tuple[int, int, bool]], category: str
) -> int:
    # "it went away" looks back across "but" to the whole sentence; others stop at terminators.
    usable = [b for a, b, hard in stops if b <= start and (hard or category != RESOLVED)]
    begin = max(usable, default=0)
    if category == HISTORICAL:  # "a fit two years ago": the past reaches back a few words only
        words = text[begin:start].split(" ")
        begin = max(begin, start - len(" ".join(words[-HISTORY_WORDS - 1 :])))
    return begin


def categories(modifiers_: list[Modifier], start: int, end: int) -> set[str]:
    """Categories of the modifiers whose scope covers a finding at [start, end)."""
    return {
        m.category
        for m in modifiers_
        if m.scope_start <= start < m.scope_end
        and (m.inner or not (m.start < end and start < m.end))
    }
