"""One question in, one typed Answer out: safety, retrieval, no-answer decision, highlights."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

import numpy as np

from smabot import answerable, backstop, meaning, safety
from smabot.analysis import fold
from smabot.chunking import Passage
from smabot.frequency import zipf
from smabot.index import Hit, Index
from smabot.intent import load_intents
from smabot.question_field import QuestionField, QuestionMatch
from smabot.tuning import TUNING, Tuning

DISCLAIMER = (
    "smabot shows passages from published articles, word for word, each with its source and the "
    "kind of source it is. "
    "It is not medical advice: check with your care team before acting on anything here."
)
NO_ANSWER = (
    "The articles smabot answers from don't cover this question. Please ask your care "
    "team (your doctor, nurse or neuromuscular centre): they know your situation."
)
# Sources a caregiver can lean on most come first when two passages score alike.
AUTHORITY = {"regulator_label": 2, "charity": 2, "consumer_health": 1}
_CONTINUES = re.compile(r"^\W*(and|but|also|so|or|what about|how about|same|then)\b", re.I)
# "no fever and no trouble breathing, is a sore back normal?" asks about the back: a clause that
# opens with a negation says what is not the matter, so its words are not the question's topic.
_NEGATED = re.compile(
    r"(?:^|(?<=[,;.!?])|\band\b|\bbut\b)\s*(?:no|without|never)\b[^,;.!?]*", re.IGNORECASE
)
# A forum's label for its question ("Quick question: what is SMA?"): chat filler, not a topic.
_LABEL = re.compile(
    r"^\W*(?:(?:a|one|another|quick|silly|simple|stupid|dumb|random|general|genuine|honest)\s)?"
    r"(?:question|q|query)\s*[:\-–]\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # "shouldn't" is one word
_PHRASE = re.compile(r"[^\W\d_]+(?:[\s'’-][^\W\d_]+)*")
# A sentence ends at ".", "?" or "!" before a space: not inside "0.2 mg", not after "vs." or "e.g."
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_ABBREVIATION = re.compile(r"\b(?:vs|e\.g|i\.e|etc|approx|dr|mr|mrs|ms|st)\.$", re.I)
# A message of several questions: its sentences that ask (end in "?"), each divided where a
# clause opens with a question word ("what is SMA and how does it affect the body?"), never at
# "who" or "when", which open a relative clause as often ("my son, who has a shunt"); what a
# caregiver adds in brackets is context, not a question of its own
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_QUESTION_WORD = r"(?:how|what|why|where|is|are|does|do|can|will|should)\b"
_CLAUSES = re.compile(
    rf",\s*(?:and\s+|or\s+)?(?={_QUESTION_WORD})|\s+and\s+(?={_QUESTION_WORD})", re.I
)
# a part must ask on its own: "Through insurance?" after a question only narrows it
_ASKS = re.compile(rf"^\W*(?:(?:and|or|but|so)\s+)?(?:who\b|when\b|which\b|{_QUESTION_WORD})", re.I)
# "If I have children, are they at risk?" is one question: its condition is part of it
_CONDITION = re.compile(r"^\W*(?:if|when|once|although|though|because|since)\b", re.I)


def _any(term: str) -> bool:
    return True


def _named(text: str, start: int) -> bool:
    """Whether the word at `start` is written as a name: capitalised, not opening a sentence."""
    before = text[:start].rstrip()
    return text[start].isupper() and bool(before) and before[-1] not in ".?!:"


def sentences(text: str) -> list[str]:
    """The text's sentences, in order."""
    found: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if found and _ABBREVIATION.search(found[-1]):
            found[-1] += " " + piece
        elif piece:
            found.append(piece)
    return found


def asked_and_context(message: str) -> tuple[str, str]:
    """A message's sentences that ask (end in "?") and the others; (message, "") when all or
    none of them ask."""
    said = sentences(message)
    asked = [s for s in said if s.endswith("?")]
    if not asked or len(asked) == len(said):
        return message, ""
    return " ".join(asked), " ".join(s for s in said if not s.endswith("?"))


# Who told the caregiver and how they feel ("our geneticist brought up Zolgensma today", "I
# feel clueless"): in a message's context such a word is a circumstance, never what is asked,
# however rare it is (everyday ones, "doctor" or "worried", never count as rare anyway; a
# neurologist or a consultant is read as the articles' "doctor", corpus/synonyms.yml).
_CIRCUMSTANCES = (
    "geneticist physio physiotherapist therapist midwife surgeon dietitian dietician "
    "pulmonologist anxious terrified overwhelmed devastated heartbroken clueless gutted "
    "exhausted frightened panicking stressed shocked useless petrified frantic helpless numb"
)
# What a question asks by its form ("how fast", "how often", "once it is done", "why", "is that
# normal?"): a section about it answers without repeating the question's words. Asking for a
# cost, a definition or a comparison names a topic ("Medicaid", "type 2"), which the passage
# must hold (all intents: paraphrased train answered three uncovered questions).
_ASKED_BY_FORM = frozenset(
    {
        "mechanism",
        "administration",
        "frequency",
        "duration",
        "reason",
        "before",
        "on_the_day",
        "after",
        "side_effects",
    }
)
_GLOSS = re.compile(r"\([^()]*\)")  # round brackets only: square ones name a subject
# a place the context names: "We moved to Canada. Will the government pay for it here?"
_HERE = re.compile(r"\b(here|there)\b", re.I)
_POINTS_BACK = re.compile(r"\b(it|its|it's|it’s|this|that|they|them|those|these)\b", re.I)


@dataclass(frozen=True)
class Citation:
    """Where a passage comes from."""

    source_id: str
    title: str
    publisher: str
    url: str
    section: str
    last_updated: str
    kind: str


@dataclass(frozen=True)
class AnswerPassage:
    """A verbatim passage; highlights are [start, end) character ranges of its best sentences."""

    id: str
    text: str
    score: float
    highlights: list[tuple[int, int]]
    citation: Citation


@dataclass(frozen=True)
class RedFlag:
    """The red flag behind an emergency answer, and the number to call (None when unknown)."""

    level: Literal["emergency", "urgent"]
    flag: str
    description: str
    call: str | None


@dataclass(frozen=True)
class Answer:
    """What smabot says to one question."""

    question: str
    status: Literal["answered", "no_answer", "emergency"]
    message: str | None
    passages: list[AnswerPassage]
    disclaimer: str
    index_version: str
    red_flag: RedFlag | None = None
    # answered: questions the top passage's section also answers, as the editors wrote them;
    # no_answer: the editors' questions nearest in meaning to the one asked, and those of the
    # sections that nearly answered it (`Answerer.nearby`)
    suggestions: list[str] = dataclasses.field(default_factory=list)
    # of a message of several questions, the one the passages answer when they answer only it
    answered_part: str | None = None


@dataclass(frozen=True)
class Query:
    """Weighted index terms for a question and how informative each one is."""

    weights: dict[str, float]
    info: dict[str, float]
    # terms an answer must hold (most of their weight): the topic a follow-up carries over
    required: frozenset[str] = frozenset()
    # what the question asks for: how it works, how it is given, side effects... (intents.yml)
    intents: frozenset[str] = frozenset()
    # terms of the question's own cue phrases ("how does ... work"), with the intents they cue
    cues: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    # passage position -> the editors' question for its section most like this one
    matches: Mapping[int, QuestionMatch] = dataclasses.field(default_factory=dict)
    # the question without the circumstances its context tells, which the no-answer rule may
    # weigh instead, at a higher bar (None when the context tells none)
    decision: Query | None = None
    # per passage position: how close in meaning the message is to what it answers
    closeness: np.ndarray | None = None
    follow_up: bool = False  # the conversation has earlier questions
    # what the message names that no article discusses: "ibuprofen", "Canada", "a shunt"
    unknown: frozenset[str] = frozenset()

    @cached_property
    def mass(self) -> dict[str, float]:
        """Each term's share of the question: its weight times how informative it is."""
        return {t: self.info[t] * w for t, w in self.weights.items()}

    @cached_property
    def total(self) -> float:
        """The question's whole informative weight."""
        return sum(self.mass.values())


@dataclass(frozen=True)
class Decided:
    """The best passages of a question the answer model decides on, and its features."""

    passages: list[Passage]
    features: dict[str, float]


def _cues(query: Query, term: str, intents: frozenset[str]) -> bool:
    """Whether the term is a word of the question's cue for one of these intents ("fast")."""
    return bool(query.cues.get(term, frozenset()) & intents)


def _commonest_form(word: str, stem: str) -> float:
    """How common a word is in English as its commonest form: "hoped" is as common as "hope"."""
    return max(zipf(form) for form in (word, stem, stem + "e"))


def english_weight(word: str) -> float:
    """Down-weights words that are common in everyday English ("soon", "put", "normal").

    A small corpus gives such words a high IDF by chance; general English frequency says they
    carry little of what a question is about. Words rarer than Zipf 4 keep their full weight.
    """
    if any(c.isdigit() for c in word):
        return 0.3
    return min(1.0, max(0.1, (6.0 - zipf(word)) / 2.0))


class Answerer:
    """Answers questions from one index; the API, CLI and eval all go through `ask`."""

    def __init__(self, index: Index, locale: str = "", tuning: Tuning = TUNING) -> None:
        self.index = index
        self.tuning = tuning
        self.locale = locale
        self.safety = safety.Detector(index.red_flags, backstop.load())
        # the API reads a message for red flags before it answers it: read once, not twice
        self._detect = lru_cache(maxsize=256)(self.safety.detect)
        self.question_field = QuestionField(index)
        self.model = answerable.load()
        self._drugs = {
            t for group in index.synonyms.get("drugs", []) for t in index.analyzer.terms(group[0])
        }
        # the condition every article is about: named in nearly every passage, it narrows
        # nothing, so it is a question's subject only when asked what it is
        self._condition = set(index.analyzer.terms("SMA spinal muscular atrophy"))
        self._circumstances = set(index.analyzer.terms(_CIRCUMSTANCES))
        self._drug_words = set(
            index.analyzer.terms("drug medicine medication treatment therapy treat use")
        )
        # medicines a source is about (its title names them): the others are only mentioned
        titled = {
            t for source in index.sources.values() for t in index.analyzer.terms(source["title"])
        }
        self._sourced_drugs = self._drugs & titled
        self._about = [
            frozenset(
                index.analyzer.terms(
                    " ".join(
                        [
                            index.sources[p.source_id]["title"],
                            *p.section,
                            *index.curated.get(p.id, []),
                        ]
                    )
                )
            )
            for p in index.passages
        ]
        self.intents = load_intents()
        # what each heading asks ("What is SMA infusion therapy?"), read once, not per question
        self._heading_intents = [self.intents.of(" ".join(p.section[-1:])) for p in index.passages]
        self._section_intents = [
            self.intents.of_section(p.section[-1:], index.curated.get(p.id, []))
            for p in index.passages
        ]
        # What the question may ask for that no section is about: storage, travel, the
        # condition itself... Until an editor adds a section (or lists such a question on
        # one), asking for it is not covered, however many other words match.
        self._unanswered_intents = frozenset(self.intents.patterns).difference(
            *self._section_intents
        )

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        top_k: int = 3,
        locale: str | None = None,
    ) -> Answer:
        """Answer one question, with earlier questions of the conversation as context."""
        emergency = self.emergency(question, locale)
        query = self.query(question, history)
        if emergency is not None and self._asks_what_a_section_is_about(
            emergency, self.query(question) if history else query
        ):
            emergency = None
        passages = self._passages(query, top_k)
        version = self.index.version
        if emergency is not None:  # the emergency card, and passages only for the whole message
            return dataclasses.replace(emergency, passages=passages)
        part = None if passages else self._covered_part(question, history, query, top_k)
        if part:
            passages = part[2]
        if passages:
            suggestions = self.suggestions(question, passages[0].id)
            return Answer(
                question,
                "answered",
                None,
                passages,
                DISCLAIMER,
                version,
                None,
                suggestions,
                part[0].strip() if part else None,
            )
        nearby = [text for _, text in self.nearby(question, query)]
        return Answer(
            question, "no_answer", NO_ANSWER, passages, DISCLAIMER, version, suggestions=nearby
        )

    def answered_part(
        self, question: str, history: Sequence[str] = (), top_k: int = 3
    ) -> tuple[str, list[str]] | None:
        """The part of a message of several questions that answers it when no passage covers
        it whole: the first part one covers, with the parts before it as its history."""
        whole = self.query(question, history)
        if self._passages(whole, top_k):
            return None
        found = self._covered_part(question, history, whole, top_k)
        return (found[0], found[1]) if found else None

    def _covered_part(
        self, question: str, history: Sequence[str], whole: Query, top_k: int
    ) -> tuple[str, list[str], list[AnswerPassage]] | None:
        if whole.intents & self._unanswered_intents:
            return None  # it asks for something no section is about: not answered in part
        parts = [
            clause
            for sentence in sentences(_ASIDE.sub(" ", question))
            if sentence.endswith("?")
            for clause in ([sentence] if _CONDITION.match(sentence) else _CLAUSES.split(sentence))
            if _ASKS.match(clause)
        ]
        if len(parts) < 2:
            return None
        for i, part in enumerate(parts):
            # the parts before are one earlier question: as several they would push the
            # conversation's own out of the three a question reads
            earlier = [*history, " ".join(parts[:i])] if i else list(history)
            if passages := self._passages(self.query(part, earlier), top_k):
                return part, earlier, passages
        return None

    def _asks_what_a_section_is_about(self, emergency: Answer, query: Query) -> bool:
        """Whether the backstop's alarm is on a question one section answers nearly whole.

        The backstop reads n-grams, and "is he too old for zolgensma now?" shares "now" and
        "old" with red flags. Of the 204 red flags in the reviewed sets that only it catches,
        none has a passage holding 0.6 of it in both coverage and focus; a question the
        articles answer that closely asks for information, not help now.
        """
        if emergency.red_flag is None or emergency.red_flag.flag != backstop.FLAG:
            return False  # the lexicon's phrasings always stand
        hits = self._ranked(query, 1) if query.weights else []
        if not hits:
            return False
        hit = hits[0][1]
        bar = backstop.ANSWERED_QUESTION
        return self.held(hit, query) >= bar and self.focus(hit, query) >= bar

    def suggestions(self, question: str, passage_id: str, limit: int = 3) -> list[str]:
        """Curated questions of a passage's section, other than the one just asked."""
        asked = set(self.index.analyzer.terms(question))
        found = []
        for curated in self.index.curated.get(passage_id, []):
            terms = self.question_field.terms_of[curated]  # analysed once, with the index
            if len(terms & asked) < 0.6 * max(1, len(terms)):  # not the same question again
                found.append(curated)
        return found[:limit]

    def nearby(
        self, question: str, query: Query | None = None, limit: int = 3
    ) -> list[tuple[Passage, str]]:
        """Curated questions for one no passage answers, with their passage, one per section:
        those close in meaning to it, then those of the sections that nearly answered it (the
        best-ranked), each the nearest of its section's. Asked in other words than the
        articles', it is one tap away; asked what they never cover, the caregiver sees what
        they do."""
        owners, texts, matrix = self._curated_vectors
        if not texts:
            return []
        cosines = matrix @ meaning.vector(question)
        found: dict[str, tuple[Passage, str]] = {}  # by passage id: its nearest question
        for i in np.argsort(-cosines, kind="stable"):
            if len(found) == limit or cosines[i] < self.tuning.nearby_closeness:
                break
            if owners[i].id not in found and all(texts[i] != t for _, t in found.values()):
                found[owners[i].id] = (owners[i], texts[i])
        query = self.query(question) if query is None else query
        for _, hit in self._candidates(query, limit):
            if len(found) == limit:
                break
            rows = [i for i, owner in enumerate(owners) if owner.id == hit.passage.id]
            if hit.passage.id in found or not rows:
                continue
            best = max(rows, key=lambda i: cosines[i])
            offered = all(texts[best] != t for _, t in found.values())
            if offered and cosines[best] >= self.tuning.nearby_floor:
                found[hit.passage.id] = (owners[best], texts[best])
        return list(found.values())

    @cached_property
    def _curated_vectors(self) -> tuple[list[Passage], list[str], np.ndarray]:
        """Every curated question with its passage, and their vectors, row by row."""
        by_id = {p.id: p for p in self.index.passages}
        pairs = [(by_id[pid], q) for pid, qs in self.index.curated.items() for q in qs]
        vectors = self.index.meaning.vectors
        matrix = np.stack([vectors[q] for _, q in pairs]) if pairs else np.zeros((0, 1))
        return [p for p, _ in pairs], [q for _, q in pairs], matrix

    def emergency(self, question: str, locale: str | None = None) -> Answer | None:
        """The emergency answer, without passages, when the question carries a red flag."""
        alert = self._detect(question)
        if alert is None:
            return None
        locale = self.locale if locale is None else locale
        red_flag = RedFlag(
            alert.level, alert.flag, alert.description, safety.emergency_number(locale)
        )
        message = safety.message(alert, locale)
        version = self.index.version
        return Answer(question, "emergency", message, [], DISCLAIMER, version, red_flag)

    def query(self, question: str, history: Sequence[str] = ()) -> Query:
        """The question's terms, completed from history when it is a follow-up."""
        weights: dict[str, float] = {}
        info: dict[str, float] = {}
        message = question = _LABEL.sub("", question)
        question, context = asked_and_context(message)
        # "Spinraza (generic name: nusinersen): what is it?": a gloss, not what is asked
        question = _GLOSS.sub(" ", question)
        # what it asks for is read after the slips, as its words are: "symptms of SMA" asks for
        # the condition as "symptoms of SMA" does
        asked = self.spelled(question)
        own = self.intents.of(asked)
        unknown = self._add_terms(_NEGATED.sub(" ", question), 1.0, weights, info, _any)
        asked_terms = set(weights)
        told: set[str] = set()
        if context:
            # "My daughter may start nusinersen soon. Are there side effects?": the sentence
            # that asks is the question; the others tell its circumstances, and weigh less.
            # A medicine the context names is the one asked about, unless the question names
            # its own ("She was on Spinraza. What are Zolgensma's side effects?").
            asked_drug = bool(weights.keys() & self._drugs)
            specific = self._add_terms(
                _NEGATED.sub(" ", context),
                self.tuning.context_weight,
                weights,
                info,
                lambda term: not (asked_drug and term in self._drugs),
                subject=False,
            )
            for term in weights.keys() & self._drugs:
                weights[term] = 1.0
            if _POINTS_BACK.search(question) and not asked_drug:
                # "The doctor mentioned TMA. How serious is it?": "it" is the rare thing named
                told_of = _NEGATED.sub(" ", context)  # "no TMA signs" names nothing asked about
                # "The nurse mentioned SMA. What is it?" asks what the condition is; "How
                # serious is it?" after "my son has SMA" asks about the son
                defines = "definition" in own
                for token in self.index.analyzer.tokens(told_of, self.index.speller.correct):
                    surface = fold(told_of[token.start : token.end])
                    if (
                        token.term in weights
                        and (defines or token.term not in self._condition)
                        and self.index.has_term(token.term)
                        and zipf(surface) < self.tuning.named_zipf
                    ):
                        weights[token.term] = 1.0
            told = (set(weights) - asked_terms - self._drugs - self._condition) - specific
            # the context's rare word is what is asked about only when the question points
            # back to it; otherwise it is an aside ("How does Zolgensma work? My father-in-law
            # reckons it rewrites his DNA."). The repo's train sets: 2 more answered, none fewer
            # refused (reviews outside the repo: 4 more answered, 3 fewer refused).
            if _POINTS_BACK.search(question) or _HERE.search(question):
                unknown |= specific
        names_drug = any(t in self._drugs for t in weights)
        topic = sum(info[t] for t in weights if t not in self._drugs)
        # A follow-up borrows what it leaves out: the medicine when it names none; the topic
        # when it opens like a follow-up ("and for adults?", "what about Zolgensma?"), points
        # back ("how long does it take?") or has almost no words of its own.
        borrows_topic = bool(
            _CONTINUES.match(question)
            or (_POINTS_BACK.search(question) and not names_drug)
            or topic < self.tuning.min_own_topic
        )
        # "and for evrysdi?" only switches the medicine: the last question's topic is this
        # question's whole topic, at full weight, so a passage must hold it to be an answer.
        switches_medicine = names_drug and all(t in self._drugs for t in weights)
        for age, earlier in enumerate(reversed(history[-3:])):
            self._add_terms(
                earlier,
                1.0 if switches_medicine and age == 0 else self.tuning.history_weight / (age + 1),
                weights,
                info,
                lambda term: (not names_drug) if term in self._drugs else borrows_topic,
                subject=False,
            )
        required: frozenset[str] = frozenset()
        if switches_medicine and history:
            before = set(weights)
            last = self.index.analyzer.terms(history[-1])
            required = frozenset(t for t in last if t in before and t not in self._drugs)
        intents = own
        if borrows_topic and history and not intents:  # "and for evrysdi?" asks the same thing
            intents = self.intents.of(self.spelled(history[-1]))
        if context:  # "She takes other medicines too. Can she have Evrysdi?" is not covered
            intents |= self.intents.of(self.spelled(message)) & self._unanswered_intents
        cues: dict[str, frozenset[str]] = {}
        for words, names in self.intents.cue_words(asked, own).items():
            for term in self.index.analyzer.terms(words):
                cues[term] = cues.get(term, frozenset()) | names
        # what the message means, unless its question names its own medicine: "She was on
        # Spinraza. What are Zolgensma's side effects?" means Zolgensma's, as its words do
        names_own = context and not borrows_topic and bool(asked_terms & self._drugs)
        meant = question if names_own else message
        if history and not names_drug:
            # a follow-up means what it asks of the earlier question's subject: "how long does
            # it take?" after "how is zolgensma given?" asks Zolgensma's, not Spinraza's. One
            # that names its medicine ("what about zolgensma?") means that one alone.
            meant = f"{history[-1]} {meant}"
        closeness = self.index.meaning.closeness(meant)
        query = Query(
            weights,
            info,
            required,
            intents,
            cues,
            closeness=closeness,
            follow_up=bool(history),
            unknown=frozenset(unknown),
        )
        query = dataclasses.replace(query, matches=self.question_field.matches(weights, query.mass))
        names_subject = names_drug or bool(weights.keys() & self._condition and "definition" in own)
        if told and own and names_subject:
            # Asked what a medicine is, how it is given, its side effects..., the context's
            # words tell the caregiver's circumstances ("our consultant brought it up today",
            # "I'm nervous"): they help rank, and a passage may answer the question without
            # them, with the medicine and a rare word or a name the context gives ("a shunt",
            # "Canada"), if it holds that much more of it (`min_share_alone`). So is "what is
            # it?" about the condition a context names. A question that does not say what it
            # asks ("Our insurance denied Spinraza. What can we do?") asks about its context:
            # the context counts.
            kept = {t: 0.0 if t in told else i for t, i in info.items()}
            decision = Query(weights, kept, required, intents, cues)
            matches = self.question_field.reweighed(query.matches, decision.mass)
            query = dataclasses.replace(
                query, decision=dataclasses.replace(decision, matches=matches)
            )
        return query

    def spelled(self, text: str) -> str:
        """The text with each mistyped word replaced by the word the spelling tolerance reads."""
        return _WORD.sub(lambda m: self.index.speller.correct(fold(m.group(0))), text)

    def _add_terms(
        self,
        text: str,
        weight: float,
        weights: dict[str, float],
        info: dict[str, float],
        wanted: Callable[[str], bool],
        subject: bool = True,
    ) -> set[str]:
        """Adds the text's terms at a weight; returns those that name something the articles
        never discuss ("ibuprofen", "shunt")."""
        specific: set[str] = set()
        for token in self.index.analyzer.tokens(text, self.index.speller.correct):
            if token.term in weights or not wanted(token.term):
                continue
            weights[token.term] = weight
            surface = fold(text[token.start : token.end])
            # a possessive weighs as its word: "the world's" is as everyday as "the world"
            surface = surface.removesuffix("'s")
            if surface.isalpha():  # a slip weighs as the word it stands for ("beffore": little)
                surface = self.index.speller.correct(surface)
            info[token.term] = self.index.idf(token.term) * english_weight(surface)
            words = _PHRASE.fullmatch(surface) is not None  # "flu jab" is words, "07700" not
            if not words and not self.index.has_term(token.term):
                # a number no article holds (a phone number, a weight, a date) names no subject
                info[token.term] = 0.0
            elif (
                not self.index.has_term(token.term)
                and (subject or token.term not in self._circumstances)
                and words
                and len(surface) >= 4
                and _commonest_form(surface, token.term) < self.tuning.specific_zipf
            ):
                specific.add(token.term)
                if subject:  # a word of the question itself, not of the circumstances it tells
                    info[token.term] = (
                        self.index.idf(token.term) * self.tuning.unknown_specific_factor
                    )
            elif not self.index.has_term(token.term) and _named(text, token.start):
                specific.add(token.term)  # a place or a body no article names: "Canada", "HSE"
        return specific

    def nearest(self, question: str, limit: int = 3) -> list[tuple[Hit, float]]:
        """The best-ranked passages for a question and their coverage, before any cut-off."""
        query = self.query(question)
        if not query.weights:
            return []
        ranked = self._ranked(query, limit)[:limit]
        return [(hit, self.held(hit, query)) for _, hit in ranked]

    def best_coverage(self, question: str, history: Sequence[str] = ()) -> float:
        """Coverage of the question by its best passage, the figure the no-answer rule uses."""
        query = self.query(question, history)
        hits = self._ranked(query, 3) if query.weights else []
        return self.held(hits[0][1], query) if hits else 0.0

    def coverage(self, hit: Hit, query: Query) -> float:
        """Share of the question's own informative weight that a passage contains.

        A question its section's editors listed counts as held: asked "is my child eligible?",
        the section they linked "Is my child eligible for Spinraza?" to answers it, even though
        its text says "acceptable".
        """
        found = sum(query.mass[t] for t in hit.matched)
        held = found / query.total if query.total else 0.0
        match = query.matches.get(hit.position)
        return max(held, match.coverage) if match else held

    def focus(self, hit: Hit, query: Query) -> float:
        """Share of the question's informative weight in what a passage is about."""
        about = self._about[hit.position]
        asks = self._section_intents[hit.position]
        found = sum(
            mass
            if t in about or _cues(query, t, asks)
            else self.tuning.text_only_share * mass
            if t in hit.matched
            else 0.0
            for t, mass in query.mass.items()
        )
        return found / query.total if query.total else 0.0

    def answers(self, ranked: list[tuple[float, Hit]], query: Query) -> bool:
        """Whether the best passage answers the question (the rules' vetoes, then the model)."""
        if self.veto(ranked, query):
            return False
        return self.model.probability(self.features(ranked, query)) >= answerable.THRESHOLD

    def veto(self, ranked: list[tuple[float, Hit]], query: Query) -> str:
        """Why the rules refuse, whatever the model says; empty when they do not."""
        if uncovered := query.intents & self._unanswered_intents:
            return f"asks for {', '.join(sorted(uncovered))}, which no section is about"
        if query.unknown and not self.covers(ranked[0][1], query):
            # a thing the articles never discuss is asked about: a passage close in meaning
            # ("Will the government pay for Zolgensma here?" after "We moved to Canada")
            # answers another question, so only the words rule may find it held
            return f"names {', '.join(sorted(query.unknown))}, which no article discusses"
        if not self._says_of_drug(ranked[0][1], query):
            return (
                "asks about a medicine no article is about, and what this passage says of it "
                "does not hold the question"
            )
        return ""

    def covers(self, hit: Hit, query: Query) -> bool:
        """The words rule: the passage holds enough of the question, about what was asked."""
        return self._words_rule(query, *self._figures(hit, query))

    def _figures(self, hit: Hit, query: Query) -> tuple[float, float, float, float]:
        """Coverage and focus of the passage, for the whole message and for its question
        alone, without the circumstances its context tells (the same when it tells none)."""
        held, focus = self.held(hit, query), self.focus(hit, query)
        alone = query.decision
        if alone is None:
            return held, focus, held, focus
        return held, focus, self.held(hit, alone), self.focus(hit, alone)

    def _words_rule(
        self, query: Query, held: float, focus: float, held_alone: float, focus_alone: float
    ) -> bool:
        tuning, share = self.tuning, self.tuning.min_share_alone
        if held >= tuning.min_coverage and focus >= tuning.min_focus:
            return True
        # its question alone must be held well
        return query.decision is not None and held_alone >= share and focus_alone >= share

    def features(self, ranked: list[tuple[float, Hit]], query: Query) -> dict[str, float]:
        """What the answer model weighs of the best passage and the question (answerable.py)."""
        hit = ranked[0][1]
        close = query.closeness if query.closeness is not None else np.zeros(1, np.float32)
        second, best = np.sort(close)[-2:] if len(close) > 1 else (close.max(), close.max())
        held, focus, held_alone, focus_alone = self._figures(hit, query)
        total = query.total or 1.0
        return {
            "lexical rule": float(self._words_rule(query, held, focus, held_alone, focus_alone)),
            "closeness": float(close[hit.position]),
            "best closeness": float(best),
            "closeness lead": float(best - second),
            "mean closeness": float(close.mean()),
            "coverage": held,
            "focus": focus,
            "coverage alone": max(held, held_alone),
            "focus alone": max(focus, focus_alone),
            "unknown words": sum(m for t, m in query.mass.items() if not self.index.has_term(t))
            / total,
            "context": float(query.decision is not None),
            "follow-up": float(query.follow_up),
            "bm25": math.log1p(hit.score),
            "terms": float(min(len(query.weights), 20)),
        }

    def _says_of_drug(self, hit: Hit, query: Query) -> bool:
        """Whether a passage says what is asked of a medicine no source is about.

        No article is about Evrysdi: passages name it in passing ("oral therapies, such as
        risdiplam (Evrysdi), are taken by mouth"). Asked its dose or how it works, such a
        passage answers only if what it says of that medicine (the sentences and the editors'
        questions that name it) holds the question; words that ask by their form ("how does it
        work?") count only where that, or the section's heading, asks the same. A source about
        it turns this off.
        """
        asked = {t for t in query.weights if t in self._drugs} - self._sourced_drugs
        if len(asked) != 1:
            return True
        (drug,) = asked
        said: set[str] = set()
        saying: list[str] = []  # what is said of it: "taken by mouth" asks how it is given
        text = hit.passage.text
        for start, end, terms in self.index.sentences_of(hit.position):
            if drug in terms:
                said |= terms
                saying.append(text[start:end])
        for curated in self.index.curated.get(hit.passage.id, []):
            if drug in (terms := self.question_field.terms_of[curated]):
                said |= terms
                saying.append(curated)
        # "what is this medicine used for?" names the medicine twice: the rest is what is asked
        rest = {
            t: mass
            for t, mass in (query.decision or query).mass.items()
            if t not in self._drugs and t not in self._drug_words
        }
        asks = self._heading_intents[hit.position].union(
            *(self.intents.of(words) for words in saying)
        )
        held = sum(mass for t, mass in rest.items() if t in said or _cues(query, t, asks))
        return held >= self.tuning.min_coverage * sum(rest.values())

    def held(self, hit: Hit, query: Query) -> float:
        """Coverage as the no-answer rule counts it: the words that ask how long, how often,
        how it is given or what follows ("how fast does it work?") are held by a section about
        that, which answers them with "within weeks", not with "fast"."""
        asks = self._section_intents[hit.position] & _ASKED_BY_FORM
        cued = sum(
            mass for t, mass in query.mass.items() if t not in hit.matched and _cues(query, t, asks)
        )
        return min(1.0, self.coverage(hit, query) + (cued / query.total if query.total else 0.0))

    def decided(self, question: str, history: Sequence[str] = ()) -> Decided | None:
        """The passages the answer model decides on and its features, None when the rules
        decide alone (no passage, or a veto): what `smabot train-answerable` learns from."""
        query = self.query(question, history)
        hits = self._candidates(query, 3)
        if not hits or hits[0][0] <= 0 or self.veto(hits, query):
            return None
        return Decided([h.passage for _, h in hits[:3]], self.features(hits, query))

    def _candidates(self, query: Query, top_k: int) -> list[tuple[float, Hit]]:
        if not query.weights:
            return []
        hits = self._ranked(query, top_k)
        if query.required:  # "and for evrysdi?" after side effects: evrysdi's side effects
            hits = [(s, h) for s, h in hits if self._holds_required(h, query)]
        return hits

    def _passages(self, query: Query, top_k: int) -> list[AnswerPassage]:
        hits = self._candidates(query, top_k)
        if not hits or hits[0][0] <= 0 or not self.answers(hits, query):
            return []
        best = hits[0][0]
        chosen: list[tuple[float, Hit]] = []
        for score, hit in hits:
            if len(chosen) == top_k or score < self.tuning.min_relative_score * best:
                break
            if any(self._near_duplicate(hit, other) for _, other in chosen):
                continue
            chosen.append((score, hit))
        return [self._answer_passage(score, hit, query) for score, hit in chosen]

    def _ranked(self, query: Query, top_k: int) -> list[tuple[float, Hit]]:
        """BM25's best passages, re-ranked; the window is wide enough for what reranking moves."""
        hits = self.index.search(query.weights, max(self.tuning.rerank_window, 3 * top_k))
        return self._rerank(hits, query)

    def _rerank(self, hits: list[Hit], query: Query) -> list[tuple[float, Hit]]:
        asked = {t for t in query.weights if t in self._drugs}
        ranked = [(math.prod(self.factors(hit, query, asked).values()), hit) for hit in hits]
        ranked.sort(key=lambda pair: -pair[0])
        return ranked

    def factors(self, hit: Hit, query: Query, asked: set[str]) -> dict[str, float]:
        """Each part of a passage's score; the score is their product (`smabot ask --explain`)."""
        about = self._drugs & self._terms(hit)
        kind = self.index.sources[hit.passage.source_id]["kind"]
        match = query.matches.get(hit.position)
        tuning = self.tuning
        return {
            "bm25": hit.score,
            "other medicine": (
                tuning.other_drug_factor if asked and about and not asked & about else 1.0
            ),
            # BM25 rewards repeating one word; a passage that holds more of what was asked wins.
            "coverage": self.coverage(hit, query) ** 0.5,
            "source kind": 1 + tuning.authority_step * AUTHORITY.get(kind, 0),
            # its section's editors listed a question like this one
            "curated question": (
                1 + tuning.question_weight * match.share_of_best * match.coverage if match else 1.0
            ),
            "intent": self._intent_factor(hit.position, query),
            # close in meaning to what its section answers (meaning.py)
            "meaning": math.exp(tuning.closeness_weight * self._closeness(hit, query)),
        }

    @staticmethod
    def _closeness(hit: Hit, query: Query) -> float:
        close = query.closeness
        return float(close[hit.position]) if close is not None else 0.0

    def explain(
        self, question: str, history: Sequence[str] = (), top_k: int = 3
    ) -> list[dict[str, object]]:
        """Why the best passages rank as they do (each factor, coverage and focus), and for
        the first, why it is an answer or not (a rule's veto, or the model's parts)."""
        query = self.query(question, history)
        hits = self._candidates(query, top_k)
        asked = {t for t in query.weights if t in self._drugs}
        rows: list[dict[str, object]] = []
        for score, hit in hits[:top_k]:
            row = {
                "id": hit.passage.id,
                "score": score,
                "factors": self.factors(hit, query, asked),
                "coverage": self.held(hit, query),
                "focus": self.focus(hit, query),
            }
            if query.decision:  # the question alone, without its context's circumstances
                row["alone"] = (self.held(hit, query.decision), self.focus(hit, query.decision))
            rows.append(row)
        if rows:
            features = self.features(hits, query)
            rows[0]["decision"] = {
                "veto": self.veto(hits, query),
                "probability": self.model.probability(features),
                "parts": self.model.parts(features),
            }
        return rows

    def asks_uncovered(self, question: str, history: Sequence[str] = ()) -> list[str]:
        """What the question asks for that no section is about (storage, travel...)."""
        return sorted(self.query(question, history).intents & self._unanswered_intents)

    def _intent_factor(self, position: int, query: Query) -> float:
        """How much a passage's section matches what the question asks for."""
        section = self._section_intents[position]
        if query.intents & section:
            return 1 + self.tuning.intent_weight
        if query.intents and section:  # asked how it works, this section says when it starts
            return self.tuning.other_intent_factor
        return 1.0

    def _holds_required(self, hit: Hit, query: Query) -> bool:
        mass = {t: query.info[t] for t in query.required}
        about = self._about[hit.position]
        held = sum(m for t, m in mass.items() if t in hit.matched or t in about)
        return held >= self.tuning.min_coverage * sum(mass.values())

    def _terms(self, hit: Hit) -> frozenset[str]:
        return self.index.terms_of(hit.position)

    def _near_duplicate(self, hit: Hit, other: Hit) -> bool:
        a, b = self._terms(hit), self._terms(other)
        return len(a & b) / max(1, len(a | b)) >= self.tuning.duplicate_jaccard

    def _answer_passage(self, score: float, hit: Hit, query: Query) -> AnswerPassage:
        passage = hit.passage
        source = self.index.sources[passage.source_id]
        citation = Citation(
            source_id=source["id"],
            title=source["title"],
            publisher=source["publisher"],
            url=source["url"],
            section=" › ".join(passage.section),
            kind=source["kind"],
            last_updated=source["last_updated"],
        )
        return AnswerPassage(
            passage.id,
            passage.text,
            round(score, 4),
            self.highlights(hit.position, query),
            citation,
        )

    def highlights(self, position: int, query: Query) -> list[tuple[int, int]]:
        """Spans of the one or two sentences of a passage that carry most of the query's weight."""
        scored = []
        for start, end, terms in self.index.sentences_of(position):
            weight = sum(query.info[t] * w for t, w in query.weights.items() if t in terms)
            if weight > 0:
                scored.append((weight, start, end))
        scored.sort(key=lambda s: -s[0])
        best = [s for s in scored[:2] if s[0] >= 0.75 * scored[0][0]] if scored else []
        return sorted((start, end) for _, start, end in best)
