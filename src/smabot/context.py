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

from smabot.context_rules import (
    FIGURATIVE,
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    OTHER,
    PSEUDO,
    RESOLVED,
    RULES,
    TERMINATORS,
    THEIR_CHILD,
)

__all__ = ["FIGURATIVE", "HISTORICAL", "HYPOTHETICAL", "NEGATED", "OTHER", "RESOLVED"]
__all__ += ["Modifier", "categories", "modifiers"]

# Forward scope of a negation, in words: "no fever, stiff neck or rash" is within it.
NEGATION_WORDS = 8
# Backward reach of a time phrase, in words: "had a fit two years ago".
HISTORY_WORDS = 10

# Where a scope may stop: (start, end, kind); "if she gets hives and her lips swell" crosses an
# "and" that a negation stops at, an instruction ("action plan: …, then call 911") a terminator.
_Stop = tuple[int, int, str]
SENTENCE, TERM, AND, JOIN, CLAUSE = "sentence", "terminator", "and", "joiner", "clause"
# A comma followed by a new subject starts a new clause: "no fever, she is breathing fast".
_NEW_SUBJECT = re.compile(
    r"^(?:he|she|they|i|we|it|its|hes|shes|theyre|im|ive|weve|id|his|her|my|our|their|"
    r"the baby|baby|babys)\b"
)
# A comma, then a reading or a part of the body with its verb, ends what a negation covers
# ("can't get a breath in, o2 was 88%", "no cough, the lips are blue", "no fever, sats 85"),
# but not an "if", a report or someone else's story ("if he gets a cold, breathing is harder").
_NEW_CLAUSE = re.compile(
    r"^(?:(?:the|his|her|their|my|our) )?(?:\w+ ){0,2}?\w+ (?:was|is|are|were|reads|reading|"
    r"looks?|looking|seems?|feels?|went|turned|gone|have gone|has gone|going|turning)\b|"
    r"^(?:sats|oxygen|temp|temperature|pulse|spo2|rr|breathing rate) \d|"
    # ", plus tiny red dots on her chest": another finding, not more of the negation
    r"^plus\b|"
    # "can't get comfortable, severe pain low back": a new finding
    r"^(?:severe|terrible|awful|excruciating|agonising|agonizing|unbearable) (?:pain|headache)\b|"
    # "doesn't want to eat, is floppy and cries weak": a new predicate of the same child
    r"^(?:is|seems|looks|looking) (?:very |really |so )?(?:floppy|limp|blue|grey|gray|pale|"
    r"sleepy|drowsy|yellow)\b"
)
# A sentence ends at a punctuation token of its own, never at the point of "38.5".
_SENTENCE_END = re.compile(r"(?:^| )([.!?;\n])(?= |$)")
_SENTENCE_SPLIT = re.compile(r"((?:^| )[.!?;\n](?= |$))")
# A reported instruction and what meets it may stand either side of a dash (safety.py reads a
# spaced dash as "–"): "call back if it isn't better in 72 hours – it's been 4 days and…"
_CLAUSE_SPLIT = re.compile(r"((?:^| )[.!?;\n–](?= |$))")
_PRESENT = re.compile(
    r"\b(?:is|are|am|hes|shes|theyre|im|keeps|keep|wont|cant|isnt|arent|doesnt|dont|"
    r"has been|have been|is still|are still)\b"
)
_JOINER = re.compile(r",|\b(?:and|so|plus)\b")
_PAST_GOES_ON = re.compile(
    r" (?:we|he|she|they|i|it|(?:his|her|their|my|our) \w+) "
    r"(?:had|was|were|did|gave|used|went|took|got|needed|called|rang|\w+ed)\b"
)
# A question that names nobody asks about SMA in general ("can zolgensma cause jaundice?",
# "what are common breathing problems?"); one that names the child describes them
# ("why is my baby breathing so fast?").
_QUESTION_START = re.compile(
    # after a greeting or an address: "doc, is it true that seizures are a side effect…?"
    r"^(?:(?:doc|doctor) ,? )?"
    r"(?:what|whats|why|how|which|when|who|is|are|can|could|does|do|will|would|has|"
    # "where do…" asks; "where the needle went in is red" says where
    r"where(?= (?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|to|s)\b)|"
    r"have|did|any|should (?:you|one|people|parents))\b"
)
# A reading, a day count or "still" ties a question to one child's here and now: "can a fever
# of 38.4 two days after spinraza just be from the procedure?", "is it normal the headache is
# still bad on day 4?"
_SPECIFIC = re.compile(
    r"\d[.,]\d|\d ?(?:°|%)|\bday \d+\b|\b\d+ out of 10\b|\bstill\b|"
    r"\b\d+ (?:hours?|days?|weeks?) (?:after|since|post|ago)\b"
)
# …and one that asks on after it ("swelling lips is allergy?", "the red dots, how they look?");
# not one that describes ("grunting every breath and ribs going in?")
_ASKS = re.compile(r"\b(?:what|how|which|why|or more|or not|means?)\b|\bis \w+ *$")
# A question may be dated by the fragment after it: "is normal the urine very dark like cola
# after zolgensma? 8 days after."
FRAGMENT_WORDS = 4
_PERSONAL = re.compile(
    r"\b(?:my|me|i|im|ive|id|we|our|us|he|him|his|hes|she|her|hers|shes|they|them|their|"
    r"theyre|this|these|mine)\b|"
    # "the baby", or "baby" without an article, is this one: "is it normal baby isn't breathing"
    r"\bthe (?:baby|child|little one|toddler)\b|(?<!a )(?<!any )\bbaby\b"
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


# Relatives whose "he" or "she" in the next clause is still them.
_GENDERED = {
    "male": re.compile(r"\b(?:nephew|uncle|dad|grandad|grandpa|guy|man|bloke)s?\b"),
    "female": re.compile(r"\b(?:niece|aunt|mum|mom|nan|nana|gran|grandma|granny|lady|woman)s?\b"),
}
# A relative reporting ("grandma says…") tells what she sees in the child.
_REPORTS = re.compile(
    r"\b(?:says|said|told us|told me|thinks|reckons|rang|rung|called|phoned|texted|messaged|"
    r"got (?:him|her|them|the baby|the kids)|(?:looking after|minding|babysitting) "
    r"(?:him|her|them|the baby))(?: me| us)?$"
)
# a cause given for what a nurse or teacher reports: "…because of the iron drops"
_EXPLAINED = re.compile(
    r"\b(?:because|cos|from|due to|nothing to worry|normal for|settled|fine|warmed up)\b"
)
# news a relative rang with may be their own: "my mum rang, her sats are 88 with her COPD"
_NEWS = re.compile(r"\b(?:rang|rung|called|phoned|texted|messaged)(?: me| us)?$")
_STRANGER = re.compile(r"(?:a|one|another|some) ")
# someone who can see the child (not a leaflet's "says")
_PERSON = re.compile(
    r"\b(?:nurse|doctor|consultant|gp|neurologist|physio|physiotherapist|dietitian|dietician|"
    r"pharmacist|paediatrician|pediatrician|specialist|midwife|health visitor|teacher|carer|"
    r"childminder|babysitter|nanny)\b"
)
# …saying how our child is now: "…says his temp is 38.9", "…said she's floppy"
_ABOUT_OURS = re.compile(
    r" (?:that )?(?:(?:he|she|they)(?: is| has| hasnt| isnt| cant| wont| keeps)|hes|shes|theyre|"
    r"(?:his|her|their) (?:temp|temperature|lips|eyes|skin|sats|breathing|wee|poo|nappy|neck|"
    r"face|tongue|legs|head))\b"
)
_THEIR_CHILD = re.compile(rf" {THEIR_CHILD}")
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
    r"\b(?:they|these|those) (?:\w+ )?(?:appeared|came up|came out|showed up|popped up)\b|"
    # the question asked in general, then owned: "how long should a nosebleed last? he's had
    # one for over half an hour now", "…a headache for a week after spinraza? mine gets worse"
    r"^(?:mine|his|hers|ours|theirs) (?:is|are|gets|has|keeps|does|just)\b"
    # …but not disowned ("ours are normal yellow", "ours is 4 weeks post, colour normal")
    r"(?! (?:all |totally |completely |perfectly )?(?:normal|fine|ok|okay|healthy)\b|"
    r" \d+ (?:days?|weeks?|months?|years?)(?: post| old)? , (?:\w+ ){0,2}(?:normal|fine|ok|okay|"
    r"well|good)\b)|"
    r"\b(?:hes|shes|he has|she has|theyve|they have) (?:had|got) (?:\w+ ){0,2}ones?\b"
    r"(?= (?:\S+ ){0,8}now\b)"
)
# "what does it mean if the spots don't fade? she has them right now": asked, and happening
_NOW_HERE = re.compile(
    r"(?<!not )(?<!nothing )(?<!nothings )(?<!none of it )\b(?:right now|just now|as we speak|"
    r"still going|still happening|happening now|"
    # help is on its way: "rescue 1122 is coming, what should we do till then?"
    r"(?:ambulance|paramedics|\d{3,5}) (?:is|are) (?:coming|on (?:its|the|their) way)|"
    r"until the ambulance (?:comes|arrives|gets here)|"
    r"doing it now|while i (?:was |am |m )?typing(?: this)?|as i (?:am |m )?typ(?:e|ing)|"
    # "is the grunting normal? she's doing it with every breath at the moment"
    r"(?<!isnt )(?<!not )(?<!wasnt )doing (?:it|that|this)(?: \w+){0,6} "
    r"(?:at the moment|currently))\b"
)
_CLAUSE_OR_COMMA = re.compile(r"((?:^| )[,:.!?;\n](?= |$))")
# A question asked about what is going on now: "what do I do if he's been fitting 6 minutes
# now?", "should I worry if she hasn't had a wet nappy since 6am?", "is it normal if his nose
# has been bleeding for 35 minutes?" (not "if he ever fits for more than 5 minutes")
_HAPPENING = re.compile(
    r"(?<!not )(?<!nothing )\b(?:"
    r"(?:minutes?|mins?|hours?|hrs?|seconds?|secs?) now|"
    r"since (?:this |last )?(?:morning|afternoon|evening|night|breakfast|lunch|lunchtime|tea|"
    r"teatime|dinner|supper|bedtime|midnight|midday|yesterday|(?:his|her|their|my) (?:nap|bath|"
    r"(?:\d{1,2} ?(?:am|pm) )?feed|last feed|bottle))|"
    r"since (?:about |around )?\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)?\b|"
    r"(?:for|in) the (?:last|past) (?:(?:\d+|few|couple of|two|three|ten|twenty) )?"
    r"(?:minutes?|mins?|hours?|hrs?)|"
    r"been (?:\w+ ){0,3}(?:for )?(?:about |over |nearly )?\d+ (?:minutes?|mins?)|"
    r"(?:\d+|a few|a couple of) (?:minutes?|mins?|hours?|hrs?) ago|(?:an|half an) hour ago|"
    r"(?:its|it is) (?:now )?\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)? now|"
    r"(?:started|began) at \d{1,2}(?:[:.]\d{2})?|"
    r"(?:has|hes|shes|she has|he has) just (?:had a (?:seizure|fit)|vomited|been sick|thrown up)|"
    # a reading or a hedged look, dated today: "should I worry if he's 38.6 tonight?", "if
    # she's a bit yellow today" (not "if she gets a fever tonight", a plan)
    r"(?:hes|shes|he is|she is|theyre|they are|im|i am) (?:\d+(?:[.,]\d+)?|(?:a bit|a little|"
    r"quite|slightly|still|looking) \w+) (?:today|tonight|this (?:morning|afternoon|evening))"
    r")\b"
)
# …or in the sentence after it: "…is that a fit? It started at 7.42 and it's 7.49 now"
_HAPPENING_NEXT = re.compile(
    r"^(?:and |so |but )?(?:it|this|that|its|thats)(?: has| had| all)? (?:started|began|came on|"
    r"happened|was|been going)\b(?: \w+){0,8}? (?:at \d|(?:about |around )?"
    r"(?:\d+|a few|a couple of) (?:minutes?|mins?|hours?|hrs?)"
    r"(?: ago| after (?:his|her|their|my|the)\b)|in the last \d+|going \d+)"
)
# "she's well at the moment: if her lips ever turned blue…", "…for our plan" stay plans
_EVER = re.compile(
    r"\b(?:ever|(?:well|fine|ok|okay|good) at the moment|for the future|just asking|"
    r"planning|plan|tomorrow|next week|later)\b"
)
# "is it possible to have a seizure after an LP? my son just had something like one"
_JUST_HAD = re.compile(
    r"\b(?:my|our) (?:son|daughter|baby|child|boy|girl|little one) (?:just |has just )?"
    r"(?:had|has had) (?:\w+ ){0,3}ones?\b"
)
# "call back if the headache isn't better in 72 hours - it's been 4 days and she's still…"
_CONFIRM_STILL = re.compile(
    r"^(?:and |but |well )?(?:(?:its been|it has been|its now|now)(?: \w+){0,8} still\b"
    r"(?! (?:fine|ok|okay|good|well|better|happy|normal|settled)))"
)
# "ring if she refuses feeds for more than a day – well it's now been 26 hours and she…"
_CONFIRM_TIME = re.compile(
    r"^(?:and |but |well |so )?(?:its|it has) (?:now )?been (?:over |more than )?"
    r"\d+ (?:hours?|hrs?|days?)\b(?! (?:and|but) (?:\w+ ){0,2}(?:fine|ok|okay|well|better)\b)"
)
# "last winter … sats going 85. Now he is well.": the past is over
_WELL_NOW = re.compile(
    r"\b(?:now|today|these days) (?:he|she|they|hes|shes|theyre|it|its)"
    r"(?: is| are| s)? (?:completely |totally |perfectly |absolutely )?"
    r"(?:well|fine|ok|okay|good|better|back to normal|recovered)\b|"
    # "…he's been completely fine since", "fine since", "no more episodes"
    r"\b(?:(?:hes|shes|he has|she has|theyve|they have|its|it has) been )?"
    r"(?:completely |totally |perfectly )?(?:fine|well|normal|settled) (?:ever )?since\b|"
    # "he hasn't had another one since"
    r"\b(?:hasnt|has not|havent|have not) had (?:another|a single|any more|any other)"
    r"(?: \w+){0,2} since\b(?! (?:until|till|but)\b)"
)
# The whole child well since, said in a sentence of its own: "He's been completely fine since."
_WELL_SINCE = re.compile(
    r"\b(?:hes|shes|he has|she has|theyve|they have|since then (?:he|she|they)(?: has| have)?) "
    r"been (?:completely |totally |perfectly |absolutely )?(?:fine|well|normal|himself|herself|"
    r"themselves)\b(?:(?! (?:until|till|but|except)\b)[^.!?])*\bsince\b|"
    r"^since then (?:hes|shes|he has|she has|theyve|they have) been (?:completely |totally )?"
    r"(?:fine|well|normal|himself|herself|themselves)\b"
)
# What a sentence before it must be to be closed: told in the past ("she vomited once on day 2"),
# never in the present or with a verb of how the child is ("her eyes look yellow today",
# "his wee has gone dark"), and never a verbless note ("skin and eyes yellow, wee dark")
_PAST_VERB = re.compile(r"\b(?:had|was|were|did|went|got|gave|took|came|\w+ed)\b")
_NOT_OVER = re.compile(
    rf"{_PRESENT.pattern}|\b(?:now|tonight|today|currently|still|this (?:morning|afternoon|"
    r"evening)|looks?|seems?|feels?|sounds?|(?:has|have) (?:gone|got|had|turned|become))\b"
)
_CAUSE = re.compile(r" (?:because|cos|coz|cause) ")
_NOW_IN_SENTENCE = re.compile(
    r"\b(?:now|tonight|today|currently|at the moment|this (?:morning|afternoon|evening)|again)\b"
)
# "not looking at anything and doesn't react": the second negation opens a clause of its own
_NEXT_NEGATION = re.compile(
    r" (?:and|but|or) (?:not|no|doesnt|dont|isnt|wont|cant|hasnt|havent|didnt|never)\b|"
    # "won't focus on me, hardly rousable": a list item of its own
    r" , (?:hardly|barely)\b"
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


# A relative the writer may be looking after: the patient when the message names a treatment
# or an SMA type and neither the writer's own child nor the writer as a patient ("my nephew Rory's
# nosebleed… He had Zolgensma 10 days ago"); someone else in "my nephew has epilepsy and had a
# fit" or "…can he visit my son?"
_RELATIVE = re.compile(
    r"my (?:nephew|niece|godson|goddaughter|cousin)s?\b"
    r"(?! (?:little )?(?:girl|boy|baby|son|daughter|child|kid)s?\b)"
)
_PATIENT_CONTEXT = re.compile(
    r"\b(?:spinraza|zolgensma|evrysdi|risdiplam|nusinersen|gene therapy|lumbar|lp|"
    r"spinal (?:injection|jab|tap)|sma ?[1-4]|sma type|type [1-4])\b"
)
_OWN_CHILD = re.compile(
    r"\b(?:my|our) (?:son|daughter|baby|child|little one|boy|girl|twins?|toddler|kids?|kiddo|lo|"
    r"ds|dd|sma)s?\b|\bmyself\b"
)


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
            if direction == "s":
                scope_end = _forward_end(text, end, stops, category, through_terms=True)
            if category == OTHER:
                if (
                    _RELATIVE.match(text, start)
                    and _PATIENT_CONTEXT.search(text)
                    and not _OWN_CHILD.search(text)
                ):
                    continue  # "my nephew Rory's nosebleed…": the writer is minding him
                scope_end = _same_person(text, match, scope_end, stops)
            inner = direction == "i"
            found.append(Modifier(category, start, end, scope_start, scope_end, inner))
    found += _general_questions(text) + _well_since(text)
    return _confirmed(text, _over_by_now(text, found))


def _same_person(text: str, trigger: re.Match[str], end: int, stops: list[_Stop]) -> int:
    """Carry another person's scope on while the clauses go on about them.

    "my dad has COPD and his sats run at 91 %": "his" is still the dad (a relative of the same
    gender); "…and our son's sats" or "she is…" about a grandad is someone else.
    """
    gender = next((g for g, words in _GENDERED.items() if words.search(trigger.group())), None)
    if gender is None:  # "my colleague says I stared": what they saw in me
        mine = (
            trigger.group().startswith("my ")
            and _REPORTS.search(trigger.group())
            and not _THEIR_CHILD.match(text, trigger.end())  # "my friend says her son is fitting"
        )
        # "the school nurse says his temp is 38.9": what the nurse sees in our child
        seen = (
            _REPORTS.search(trigger.group())
            and _PERSON.search(trigger.group())
            and _ABOUT_OURS.match(text, trigger.end())
            # …unless they explain it: "the nurse said her poo is black because of the iron"
            and not _EXPLAINED.search(text, trigger.end(), min(len(text), trigger.end() + 90))
        )
        return trigger.end() if mine or seen else end
    # "grandma says she's got spots": what she sees in our child; "a mum told us her son…" and
    # "a guy in my group says he couldn't feel his legs" are a stranger's story about their own
    stranger = _STRANGER.match(trigger.group()) and (
        _THEIR_CHILD.match(text, trigger.end()) or _FOLLOWS[gender].match(text, trigger.end())
    )
    after = trigger.end() + (len(" that") if text.startswith(" that", trigger.end()) else 0)
    own_news = _NEWS.search(trigger.group()) and _FOLLOWS[gender].match(text, after)
    if _REPORTS.search(trigger.group()) and not stranger and not own_news:
        return trigger.end()
    follows, other = _FOLLOWS[gender], _SOMEONE_ELSE[gender]
    switch = other.search(text, trigger.end(), end)  # "my mum says his face looks golden"
    if switch:
        return switch.start()
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
    sentences = _spans(text, _CLAUSE_SPLIT)
    # a question or "if" that says it is happening now is a report: "what do I do if he's
    # having one right now?"
    released = [(a, b) for a, b in sentences if _NOW_HERE.search(text, a, b)]
    asked_now = _asked_about_now(text, sentences)
    for (a, b), (c, d) in itertools.pairwise(sentences):
        following = text[c:d].strip()
        yes = _CONFIRM_YES.search(following)
        if yes and _NEGATION.search(following, max(0, yes.start() - 25), yes.end()):
            yes = None  # "nothing like that has happened"
        met_not = _CONFIRM_NOT.match(following) or _CONFIRM_STILL.match(following)
        yes = yes or _CONFIRM_TIME.match(following) or _NOW_HERE.search(following)
        yes = yes or _JUST_HAD.search(following)
        if yes or (met_not and _NEGATION.search(text, a, b)):
            released.append((a, b))
    return [
        m
        for m in found
        if not (m.category in (HYPOTHETICAL, OTHER) and any(a <= m.start < b for a, b in released))
        and not (m.category == HYPOTHETICAL and any(a <= m.start < b for a, b in asked_now))
    ]


def _asked_about_now(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses whose "if" or question asks about what is happening now, by the time it says.

    The time is said in the clause of the question, or in a clause after it when only commas or
    a colon stand between ("what do I do, he's been fitting for 7 minutes"), or the next
    sentence starts by timing it; "we've been reading since 6am, what if he fits?" dates the
    reading, and "ever", "plan" or "for the future" keep a question a plan.
    """
    clauses, start = [], 0
    for part in _CLAUSE_OR_COMMA.split(text):
        if part.strip() and not _CLAUSE_OR_COMMA.fullmatch(part):
            clauses.append((start, start + len(part)))
        start += len(part)
    found = []
    for i, (a, b) in enumerate(clauses):
        said = [(a, b)]
        for c, d in clauses[i + 1 :]:  # the clauses after it, up to the sentence's end
            if text[said[-1][1] : c].strip() not in (",", ":"):
                break
            said.append((c, d))
        # the end of the sentence after this one: "…? I want to know for the future"
        rest = next((d for c, d in sentences[1:] if c > b), len(text))
        if any(_HAPPENING.search(text, c, d) for c, d in said) and not _EVER.search(text, a, rest):
            found.append((a, b))
    found += [
        (a, b)
        for (a, b), (c, d) in itertools.pairwise(sentences)
        if _HAPPENING_NEXT.match(text[c:d].strip()) and not _EVER.search(text, a, d)
    ]
    return found


def _general_questions(text: str) -> list[Modifier]:
    """Sentences that ask about SMA in general, as modifiers over themselves."""
    found, start, general = [], 0, False
    parts = _SENTENCE_SPLIT.split(text)
    for i, sentence in enumerate(parts):
        words = sentence.strip()
        after = parts[i + 2].strip() if i + 2 < len(parts) else ""
        if len(after.split()) <= FRAGMENT_WORDS:  # "8 days after." dates the question
            words = f"{words} {after}"
        # a question that goes on asking: "what are the signs of allergy? swelling lips is
        # allergy?" (not "…? the jerking has gone on 7 minutes now?")
        asks_on = (
            general
            and i + 1 < len(parts)
            and "?" in parts[i + 1]
            and bool(_ASKS.search(words))
            and not re.search(r"\d", words)
            and not _NOW_IN_SENTENCE.search(words)
        )
        if (
            (_QUESTION_START.match(words) or asks_on)
            and not _PERSONAL.search(words)
            and not _SPECIFIC.search(words)
        ):
            end = start + len(sentence)
            found.append(Modifier(HYPOTHETICAL, start, end, start, end, inner=True))
            general = True
        elif words and i % 2 == 0:  # odd parts are the stops between sentences
            general = False
        start += len(sentence)
    return found


def _over_by_now(text: str, found: list[Modifier]) -> list[Modifier]:
    """A dated past whose sentence a later one closes ("…now he is well") covers all of it.

    "Last winter my son was in PICU with pneumonia, sats going 85. Now he is well.": the comma
    ends the past only when nothing later says it is over.
    """
    ends = [m.end(1) for m in _SENTENCE_END.finditer(text)] + [len(text)]
    over = []
    for m in found:
        if m.category == HISTORICAL:
            end = next(e for e in ends if e >= m.end)
            # …up to what is said to be now: "two years ago she had a fit and tonight she has
            # been fitting for 8 minutes. She's been doing well since."
            now = _NOW_IN_SENTENCE.search(text, m.end, end)
            end = now.start() if now else end
            if _WELL_NOW.search(text, end) and end > m.scope_end:
                m = Modifier(m.category, m.start, m.end, m.scope_start, end, m.inner)
        over.append(m)
    return over


def _well_since(text: str) -> list[Modifier]:
    """A later sentence that says the child has been well since closes the past told before it.

    "On Sunday he got a few hives … they faded within an hour. He's been completely fine since.":
    the sentences before it, back to one in the present or with no verb, are over.
    """
    spans = _spans(text, _SENTENCE_SPLIT)
    found = []
    for i, (a, b) in enumerate(spans[1:], 1):
        if not _WELL_SINCE.search(text[a:b].strip()) or re.search(
            r"\b(?:until|till|but|except|apart from|again)\b", text[a:b]
        ):
            continue
        begin = a
        for c, d in reversed(spans[:i]):
            if _NOT_OVER.search(text, c, d) or not _PAST_VERB.search(text, c, d):
                break
            begin = c
        if begin < a:
            found.append(Modifier(RESOLVED, a, b, begin, a))
    return found


def _spans(text: str, split: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each piece of text between the stops a splitting pattern captures."""
    spans, start = [], 0
    for part in split.split(text):
        if part.strip() and not split.fullmatch(part):
            spans.append((start, start + len(part)))
        start += len(part)
    return spans


def _stops(text: str) -> list[_Stop]:
    """(start, end, kind) of every boundary and terminator in the text."""
    stops = [(m.start(1), m.end(1), SENTENCE) for m in _SENTENCE_END.finditer(text)]
    stops += [(m.start(), m.end(), TERM) for m in _TERMINATORS.finditer(text)]
    for match in _JOINER.finditer(text):  # ", she …", "and my fingertips …"
        rest = text[match.end() :].lstrip()
        if _NEW_SUBJECT.match(rest):
            stops.append((match.start(), match.end(), AND if match.group() == "and" else JOIN))
        elif match.group() in (",", "and") and _NEW_CLAUSE.match(rest):
            stops.append((match.start(), match.end(), CLAUSE))
    return sorted(stops)


def _forward_end(
    text: str, end: int, stops: list[_Stop], category: str, through_terms: bool = False
) -> int:
    skip = {TERM} if through_terms else set()
    if category != NEGATED:
        skip.add(CLAUSE)
    if category == HYPOTHETICAL:  # "if she gets hives and her lips swell": both are the "if"
        skip.add(AND)
    limit = next(
        (
            a
            for a, b, kind in stops
            if a >= end
            and kind not in skip
            # "last month he had hives and we had to use the epipen": the past goes on
            and not (category == HISTORICAL and kind == AND and _PAST_GOES_ON.match(text, b))
        ),
        len(text),
    )
    if category == HISTORICAL:  # "back in march, no problems then, lips blue": the past ends
        comma = text.find(",", end, limit)
        limit = comma if comma >= 0 else limit
        # …and so does the present: "a fit last year and she is jerking again"
        present = _PRESENT.search(text, end, limit)
        limit = present.start() if present else limit
    if category == NEGATED:
        # "can't keep my head up because the headache is so bad": the cause is not negated
        cause = _CAUSE.search(text, end, limit)
        limit = cause.start() if cause else limit
        again = _NEXT_NEGATION.search(text, end, limit)
        limit = again.start() if again else limit
        words = text[end:limit].split(" ")
        limit = min(limit, end + len(" ".join(words[: NEGATION_WORDS + 1])))
    return limit


def _backward_start(text: str, start: int, stops: list[_Stop], category: str) -> int:
    # "it went away" looks back across "but" to the whole sentence; others stop at terminators.
    usable = [
        b for _, b, kind in stops if b <= start and (kind == SENTENCE or category != RESOLVED)
    ]
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
