"""The answer pipeline on the real corpus: statuses, follow-ups, highlights, citations."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from smabot.answer import Answer, Answerer
from smabot.checks import check
from smabot.corpus import load_corpus
from smabot.index import Index, build_index
from smabot.tuning import TUNING


@pytest.fixture(scope="module")
def answerer(index: Index) -> Answerer:
    return Answerer(index, locale="en-GB")


def retuned(answerer: Answerer, **changes: float) -> Answerer:
    """The same index answered with some tuning constants changed."""
    return Answerer(answerer.index, answerer.locale, dataclasses.replace(TUNING, **changes))


@pytest.mark.parametrize(
    "question",
    [
        "Can my dog take Spinraza for arthritis?",
        "What is the weather tomorrow?",
        "hello",
        "How do I treat eczema on my baby's face?",
    ],
)
def test_out_of_scope_gets_no_answer(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert answer.status == "no_answer" and answer.passages == []
    assert answer.message and "care team" in answer.message


def test_lay_words_and_typos_find_the_clinical_passage(answerer: Answerer) -> None:
    answer = answerer.ask("how long is the spinal tap for spinrazza")
    assert answer.status == "answered"
    assert any("lumbar puncture" in p.text for p in answer.passages)


def test_heading_words_find_passages_that_do_not_repeat_them(answerer: Answerer) -> None:
    answer = answerer.ask("thrombotic microangiopathy")
    assert answer.passages[0].citation.section.endswith(
        "Thrombotic Microangiopathy (TMA) (Updated 2024)"
    )


def test_emergency_comes_first_with_relevant_passages(answerer: Answerer) -> None:
    answer = answerer.ask("after his nusinersen injection he is bleeding and it won't stop")
    assert answer.status == "emergency"
    assert answer.message and answer.message.startswith("This sounds like an emergency. Call 999")
    assert any("bleeding" in p.text for p in answer.passages)


def test_a_refusal_offers_the_nearest_questions_the_articles_answer(answerer: Answerer) -> None:
    # put in other words than the articles': refused, and the editors' question is one tap away
    refused = answerer.ask("we want another baby, should the nurse know i'm on spinraza?")
    assert refused.status == "no_answer"
    assert "Should I tell the doctor if I'm pregnant before starting Spinraza?" in (
        refused.suggestions
    )
    sections = set()
    for offered in refused.suggestions:  # each is answered, each by a section of its own
        answer = answerer.ask(offered)
        assert answer.status == "answered"
        sections.add(answer.passages[0].id)
    assert len(sections) == len(refused.suggestions) <= 3


def test_a_refusal_offers_the_sections_that_nearly_answered_it(answerer: Answerer) -> None:
    # no editor's question is that close in meaning to "minimum gap", but the section ranked
    # first for it is about how often the injections are given: its question is offered
    gap = "minimum gap between nusinersen injections"
    refused = answerer.ask(gap)
    assert refused.status == "no_answer"
    assert "nusinersin injection schedule" in refused.suggestions
    ranked_away = retuned(answerer, nearby_floor=2.0).ask(gap).suggestions
    assert "nusinersin injection schedule" not in ranked_away
    tapped = answerer.ask("nusinersin injection schedule", [gap])
    assert tapped.passages[0].id == "smauk-nusinersen-faqs#how-often-are-the-injections-given-1"


def test_a_refusal_far_from_every_section_is_offered_nothing(answerer: Answerer) -> None:
    router = "how do I reset my wifi router"
    assert answerer.ask(router).suggestions == []
    assert answerer.ask("Can you recommend a good pizza place near the hospital?").suggestions == []
    # the closeness bar is what keeps them away: without it, three unrelated questions
    assert len(retuned(answerer, nearby_closeness=-1.0).ask(router).suggestions) == 3
    # and the floor keeps away the questions of the sections ranked best for it
    assert retuned(answerer, nearby_floor=-1.0).ask(router).suggestions
    assert answerer.ask("my baby is not breathing and her lips are blue").suggestions == []


def test_follow_up_borrows_the_topic_and_replaces_the_drug(answerer: Answerer) -> None:
    query = answerer.query("what about zolgensma?", ["What are the side effects of Spinraza?"])
    assert query.weights["zolgensma"] == 1.0
    assert "nusinersen" not in query.weights
    # the question only switches the medicine: the earlier topic is its whole topic
    assert query.weights["side"] == 1.0 and "side" in query.required
    own = answerer.query("how is zolgensma given?", ["What are the side effects of Spinraza?"])
    assert own.weights.get("side", 0) < 1 and not own.required  # its own topic leads


def test_a_follow_up_means_what_it_asks_of_the_earlier_questions_medicine(
    answerer: Answerer,
) -> None:
    # "how long does it take?" alone is nearest to Spinraza's appointment length; after
    # "how is zolgensma given?" it asks how long Zolgensma's infusion takes
    answer = answerer.ask("how long does it take?", ["how is zolgensma given?"])
    assert answer.status == "answered"
    assert all("zolgensma" in p.id for p in answer.passages), [p.id for p in answer.passages]


def test_a_question_with_its_own_topic_keeps_it(answerer: Answerer) -> None:
    query = answerer.query("How much does Zolgensma cost?", ["How is nusinersen given?"])
    assert set(query.weights) == {"zolgensma", "cost"}


def test_highlights_are_sentences_inside_the_text(answerer: Answerer) -> None:
    answer = answerer.ask("What if a dose of nusinersen is missed?")
    passage = answer.passages[0]
    assert passage.highlights
    for start, end in passage.highlights:
        assert 0 <= start < end <= len(passage.text)
    marked = " ".join(passage.text[s:e] for s, e in passage.highlights)
    assert "next dose should be administered as soon as possible" in marked


def test_citations_carry_the_source_metadata(answerer: Answerer) -> None:
    answer = answerer.ask("What is the Zolgensma dose per kilogram?", top_k=5)
    assert 1 <= len(answer.passages) <= 5
    citation = answer.passages[0].citation
    assert citation.publisher and citation.url.startswith("https://")
    assert citation.kind in {"consumer_health", "ai_generated", "charity", "clinic_marketing"}
    assert answer.index_version == answerer.index.version


def test_a_three_turn_conversation(answerer: Answerer) -> None:
    history: list[str] = []
    turns = [
        ("How is Zolgensma given?", "intravenous"),
        ("and how long does it take?", "60 minutes"),
        ("what about spinraza?", "length of time the treatment takes"),  # the newest topic
    ]
    for question, expected in turns:
        answer = answerer.ask(question, history)
        assert answer.status == "answered", question
        assert any(expected in p.text for p in answer.passages), (question, answer.passages)
        history.append(question)


def test_negated_clauses_are_not_the_topic(answerer: Answerer) -> None:
    query = answerer.query(
        "no fever and no trouble breathing, is a sore back normal after spinraza?"
    )
    assert "fever" not in query.weights and "pain" in query.weights
    answer = answerer.ask(
        "no fever and no trouble breathing, is a sore back normal after spinraza?"
    )
    assert answer.status == "answered" and "Back pain" in answer.passages[0].text


def test_an_unknown_specific_word_means_not_covered(answerer: Answerer) -> None:
    assert answerer.ask("what are the side effects of ibuprofen?").status == "no_answer"
    assert answerer.ask("what are the side effects of spinraza?").status == "answered"


def test_a_follow_up_that_switches_the_medicine_keeps_the_topic(index: Index) -> None:
    answerer = Answerer(index)
    history = ["What are the side effects of Spinraza?"]
    zolgensma = answerer.ask("and for zolgensma?", history)
    assert zolgensma.status == "answered"
    assert "liver" in zolgensma.passages[0].text.lower()  # Zolgensma's side effects
    # the articles say nothing of Evrysdi's side effects: not covered, not Evrysdi's dosing
    assert answerer.ask("and for evrysdi?", history).status == "no_answer"


def test_the_section_about_what_is_asked_ranks_first(answerer: Answerer) -> None:
    question = "how does the nusinersen treatment work?"
    assert answerer.query(question).intents == {"mechanism"}
    sections = [p.citation.section for p in answerer.ask(question).passages]
    assert sections[0] == "How does nusinersen work?"
    # words alone pick where it is given
    words_alone = retuned(
        answerer, intent_weight=0.0, other_intent_factor=1.0, closeness_weight=0.0
    )
    sections = [p.citation.section for p in words_alone.ask(question).passages]
    assert sections[0] == "Who gives the injection, and where?"


def test_a_follow_up_asks_for_what_the_last_question_asked(answerer: Answerer) -> None:
    query = answerer.query("and for evrysdi?", ["What are the side effects of Spinraza?"])
    assert query.intents == {"side_effects"}
    assert answerer.query("how is it given?", ["What are the side effects?"]).intents == {
        "administration"
    }


@pytest.mark.parametrize(
    "question", ["how do doctors diagnose it", "can a carrier parent pass it on?"]
)
def test_words_found_only_in_passing_are_not_an_answer(answerer: Answerer, question: str) -> None:
    # every word is in some passage, but no passage is about diagnosis or carriers
    assert answerer.ask(question).status == "no_answer"
    query = answerer.query(question)
    best = answerer.nearest(question, 1)[0][0]
    assert answerer.held(best, query) >= answerer.tuning.min_coverage
    assert answerer.focus(best, query) < answerer.tuning.min_focus


def test_a_question_about_what_a_section_covers_keeps_its_answer(answerer: Answerer) -> None:
    answer = answerer.ask("what are the side effects of nusinersen")
    assert answer.status == "answered"
    hit = answerer.index.search(answerer.query("side effects nusinersen").weights, 1)[0]
    assert answerer.focus(hit, answerer.query("side effects nusinersen")) == pytest.approx(1.0)


def test_the_words_saying_what_is_asked_are_about_a_section_of_that_intent(
    answerer: Answerer,
) -> None:
    # "administration" is how the question says what it asks, not a subject the articles skip
    question = "What is the administration method of Spinraza?"
    query = answerer.query(question)
    assert query.cues["give"] == {"administration"}  # administer ~ give (synonyms.yml)
    answer = answerer.ask(question)
    assert answer.status == "answered"
    assert answer.passages[0].citation.section == "How is nusinersen given?"


def test_a_cue_word_is_about_only_sections_of_its_intent(answerer: Answerer) -> None:
    query = answerer.query("What form does Zolgensma come in?")
    assert query.cues["form"] == {"administration"}
    hits = answerer.index.search(query.weights, 30)
    given = next(
        h
        for h in hits
        if "administration" in answerer._section_intents[h.position]
        and "form" not in answerer._about[h.position]
    )
    other = next(h for h in hits if "administration" not in answerer._section_intents[h.position])
    no_cues = dataclasses.replace(query, cues={})
    assert answerer.focus(given, query) > answerer.focus(given, no_cues)
    assert answerer.focus(other, query) == answerer.focus(other, no_cues)


@pytest.mark.parametrize("question", ["How is SMA diagnosed?"])
def test_how_a_subject_is_asked_about_does_not_make_it_covered(
    answerer: Answerer, question: str
) -> None:
    assert answerer.ask(question).status == "no_answer"
    # its words are in the best passage, but not in what that passage is about
    best = answerer.explain(question, top_k=1)[0]
    assert best["coverage"] >= TUNING.min_coverage  # type: ignore[operator]
    assert best["focus"] < TUNING.min_focus  # type: ignore[operator]


def test_candidates_beyond_bm25s_best_twelve_are_reranked(answerer: Answerer) -> None:
    # the section on why nusinersen goes into the spinal fluid is not among BM25's best 12 here
    question = "why can't nusinersen be given as a tablet or into a vein"

    def why_spinal(answer: Answer) -> bool:
        return bool(answer.passages) and "injected-into-the-spinal-fluid" in answer.passages[0].id

    assert why_spinal(answerer.ask(question))
    assert not why_spinal(retuned(answerer, rerank_window=12).ask(question))


def test_explain_gives_each_part_of_the_score_and_they_multiply_to_it(index) -> None:  # type: ignore[no-untyped-def]
    import math

    from smabot.answer import Answerer

    answerer = Answerer(index)
    ranked = answerer.explain("What are the side effects of Spinraza?")
    assert len(ranked) == 3
    first = ranked[0]
    factors = first["factors"]
    assert isinstance(factors, dict) and set(factors) >= {"bm25", "coverage", "intent"}
    assert math.isclose(math.prod(factors.values()), float(first["score"]))  # type: ignore[arg-type]
    answer = answerer.ask("What are the side effects of Spinraza?")
    assert answer.passages[0].id == first["id"]  # the explanation is of the answer shown
    assert [r["score"] for r in ranked] == sorted((r["score"] for r in ranked), reverse=True)  # type: ignore[type-var]


def test_a_number_no_article_holds_does_not_make_a_question_uncovered(answerer: Answerer) -> None:
    # a phone number typed after the question names no subject: the cost passage still answers
    answer = answerer.ask("How much does Zolgensma cost? call me on 07700 900123")
    assert answer.status == "answered"
    assert "cost" in answer.passages[0].citation.section.lower()


def test_a_question_its_section_lists_counts_as_covered(answerer: Answerer) -> None:
    # the section's text says "acceptable", its editors listed "Is my child eligible…?"
    answer = answerer.ask("is my son eligible for spinraza treatment")
    assert answer.status == "answered"
    assert "acceptable-for-nusinersen" in answer.passages[0].id
    query = answerer.query("is my son eligible for spinraza treatment")
    hits = {h.passage.id: h for _, h in answerer._ranked(query, 3)}
    hit = next(h for i, h in hits.items() if "acceptable-for-nusinersen" in i)
    held = sum(query.mass[t] for t in hit.matched) / query.total
    assert held < answerer.tuning.min_coverage <= answerer.coverage(hit, query)


def test_a_section_about_something_else_than_what_is_asked_ranks_lower(
    answerer: Answerer,
) -> None:
    # "how long does it take for Zolgensma to start working?" shares "work", not the question
    question = "how does zolgensma actually work"
    assert "mechanism" in answerer.ask(question).passages[0].id
    plain = retuned(answerer, other_intent_factor=1.0, closeness_weight=0.0)
    assert "start-working" in plain.ask(question).passages[0].id


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("how is nusinersen administered?", "how-is-nusinersen-given"),
        ("what are the alternatives to spinraza for sma?", "other-treatments"),
        ("how frequently are the spinraza injections?", "how-often"),
    ],
)
def test_a_caregivers_word_finds_the_articles_word(
    answerer: Answerer, question: str, section: str
) -> None:
    # corpus/synonyms.yml: administer ~ give, alternative ~ other treatment, frequently ~ often
    ids = [p.id for p in answerer.ask(question).passages]
    assert ids and any(section in i for i in ids[:3]), ids


@pytest.mark.parametrize(
    "question",
    [
        "How should Evrysdi be stored?",  # storage: no article says
        "What are the symptoms of SMA?",  # the condition: the articles are about its treatments
        "Could I be a carrier of SMA?",
        "Other medicines and Evrysdi",  # a leaflet's heading for interactions
        "Spinraza must not be given",  # and for contraindications
    ],
)
def test_asking_for_what_no_section_is_about_is_not_covered(
    answerer: Answerer, question: str
) -> None:
    assert answerer.asks_uncovered(question)
    assert answerer.ask(question).status == "no_answer"


def test_what_no_section_is_about_leaves_close_questions_answered(answerer: Answerer) -> None:
    # an insurance carrier is not a carrier of the gene; "all types of SMA" asks who it is for
    for question in [
        "Will my insurance carrier pay for Spinraza?",
        "Is Spinraza for all types of SMA?",
    ]:
        assert answerer.asks_uncovered(question) == []
        assert answerer.ask(question).status == "answered"


def test_check_warns_of_a_follow_up_that_reads_as_an_emergency(corpus_copy: Path) -> None:
    curated = corpus_copy / "section_questions.yml"
    heading = '  "What are the side effects of nusinersen?":\n'
    question = "My son stopped breathing after Spinraza, is that a side effect?"
    text = curated.read_text("utf-8")
    assert heading in text
    curated.write_text(text.replace(heading, heading + f"    - {question}\n"), "utf-8")
    warnings = [str(p) for p in check(corpus_copy) if "reads as an emergency" in str(p)]
    assert len(warnings) == 1 and question in warnings[0]


def test_a_question_an_editor_lists_makes_what_it_asks_for_covered(corpus_copy: Path) -> None:
    question = "How should Spinraza be stored?"
    assert Answerer(build_index(load_corpus(corpus_copy))).ask(question).status == "no_answer"
    curated = corpus_copy / "section_questions.yml"
    text = curated.read_text("utf-8")
    heading = '  "Where can I find more information?":\n'
    curated.write_text(text.replace(heading, heading + f"    - {question}\n"), "utf-8")
    answer = Answerer(build_index(load_corpus(corpus_copy))).ask(question)
    assert answer.status == "answered"
    assert answer.passages[0].id == "smauk-nusinersen-faqs#where-can-i-find-more-information-1"


def test_a_slip_of_an_everyday_word_weighs_as_that_word(answerer: Answerer) -> None:
    # a slip was a word no article uses and English does not know: it weighed double, as a
    # subject the articles do not cover, and the question was refused
    clean = answerer.ask("How long does the Spinraza appointment take?")
    slipped = answerer.ask("How long does the Spinraza appoinntment take?")
    assert clean.status == slipped.status == "answered"
    assert [p.id for p in slipped.passages] == [p.id for p in clean.passages]


def test_what_a_slipped_question_asks_for_is_read_after_the_slips(answerer: Answerer) -> None:
    # "symptms of SMA" escaped the cue "symptoms of SMA" and was answered with a passage
    assert answerer.spelled("What are the symptms of SMA?") == "what are the symptoms of sma?"
    for question in ("What are the symptoms of SMA?", "What are the symptms of SMA?"):
        assert answerer.ask(question).status == "no_answer"
        assert answerer.asks_uncovered(question) == ["condition"]


def test_a_message_of_several_questions_is_answered_by_a_part_that_is_covered(
    answerer: Answerer,
) -> None:
    message = "What is nusinersen, and will my son still be able to go to nursery and swim?"
    answer = answerer.ask(message)
    assert answer.status == "answered"
    assert answer.passages[0].id == "smauk-nusinersen-faqs#what-is-nusinersen-1"
    assert answer.answered_part == "What is nusinersen"
    # no passage covers the whole message (then there is no part to speak of)
    assert answerer.answered_part(message) == ("What is nusinersen", [])
    # a later part reads the earlier ones as one earlier question, after the conversation's
    later = "what about nursery? and swimming? how often are the injections given?"
    assert answerer.answered_part(later, ["Is Spinraza given in the back?"]) == (
        "how often are the injections given?",
        ["Is Spinraza given in the back?", "what about nursery?"],
    )
    # an emergency carries no passages for a part: the card stands alone
    urgent = "her lips are going blue, what is nusinersen, and will she be able to swim?"
    assert answerer.ask(urgent).status == "emergency" and not answerer.ask(urgent).passages


@pytest.mark.parametrize(
    "message",
    [
        # a condition is part of its question, not a question of its own
        "When we go camping in France, how often are the Spinraza injections given?",
        # what a caregiver puts in brackets is context, not a question
        "Is ballet ok for her? (she has Spinraza, how often are the injections given?)",
    ],
)
def test_only_parts_that_ask_on_their_own_are_answered_alone(
    answerer: Answerer, message: str
) -> None:
    assert answerer.answered_part(message) is None
    assert answerer.ask(message).status == "no_answer"


def test_the_sentences_around_a_question_are_its_context(answerer: Answerer) -> None:
    told = "My son starts nusinersen in the spring and I am nervous. What are the side effects?"
    answer = answerer.ask(told)
    assert answer.status == "answered"
    assert (
        answer.passages[0].id == "smauk-nusinersen-faqs#what-are-the-side-effects-of-nusinersen-1"
    )
    # the circumstances weigh less than the question in the ranking
    weights = answerer.query(told).weights
    assert weights["nervous"] == answerer.tuning.context_weight < weights["effect"] == 1.0
    # a word the articles never use is a subject not covered only where it is asked about
    assert answerer.ask("My grandson is poorly with SMA. How much does Zolgensma cost?").passages
    assert answerer.ask("Can my grandson have Zolgensma with ibuprofen?").status == "no_answer"


@pytest.mark.parametrize(
    ("message", "section"),
    [
        (
            "Our consultant brought up nusinersen as a treatment option today. What is it?",
            "sinostemcells-spinraza-treatment#what-is-spinraza-1",
        ),
        (
            "My daughter has just started nusinersen and I'm keeping a close eye on her. "
            "What side effects might happen while she's on it?",
            "smauk-nusinersen-faqs#what-are-the-side-effects-of-nusinersen-1",
        ),
        # who said it and how the caregiver feels are not what is asked, however rare the word
        (
            "Zolgensma came up when our nurse was talking about options and I felt clueless. "
            "What actually is it?",
            "healthline-zolgensma-dosage#about-zolgensma-1",
        ),
        (
            "Our neurologist brought up nusinersen as an option today. What is it?",
            "sinostemcells-spinraza-treatment#what-is-spinraza-1",
        ),
        (
            "The neurologist mentioned Spinraza at our appointment. How is it given?",
            "smauk-nusinersen-faqs#how-is-nusinersen-given-1",
        ),
        # the question alone is held at 0.57 by the passage that answers it
        (
            "Our daughter had Zolgensma five weeks ago and we cried happy tears when she held "
            "her head up. How fast do babies improve after the infusion?",
            "droracle-zolgensma-updates#speed-of-motor-function-improvement-1",
        ),
        # asked what the condition itself is, its name is the subject, as a medicine's is
        (
            "A doctor mentioned spinal muscular atrophy at the clinic today. What is it?",
            "sinostemcells-spinraza-treatment#what-is-spinraza-1",
        ),
        # an aside's rare word ("DNA", "screams") is what is asked about only when the
        # question points back to it
        (
            "How does Zolgensma work? My father-in-law reckons it rewrites his DNA.",
            "droracle-zolgensma-updates#mechanism-and-clinical-rationale-1",
        ),
        (
            "How is Spinraza given? Our lad is terrified of needles and screams the place down.",
            "smauk-nusinersen-faqs#how-is-nusinersen-given-1",
        ),
    ],
)
def test_the_circumstances_of_a_question_do_not_make_it_uncovered(
    answerer: Answerer, message: str, section: str
) -> None:
    # the context's words still rank, but no article needs to hold "consultant" or "today"
    answer = answerer.ask(message)
    assert answer.status == "answered"
    assert answer.passages[0].id == section
    query = answerer.query(message)
    assert query.decision is not None and query.decision.total < query.total


@pytest.mark.parametrize(
    "message",
    [
        # the question does not say what it asks: its context is what it asks about
        "He broke his leg last week. Can he still have Spinraza?",
        # without its context the question is held, but not well enough to leave it out
        "We're emigrating to Australia next year. Will the government there pay for Spinraza?",
        "We're flying to Florida two days after her Spinraza injection. Is it safe for her to fly?",
        # a place the context names as a name is a subject, however common the word
        "We just moved to Canada from the UK. Will the government pay for Zolgensma here?",
        # the condition is named in nearly every passage: only "what is it?" makes it the subject
        "I have spinal muscular atrophy and I'm thinking about becoming a parent. "
        "What should I know before having a child?",
    ],
)
def test_a_context_that_is_the_question_still_decides_whether_it_is_covered(
    answerer: Answerer, message: str
) -> None:
    assert answerer.ask(message).status == "no_answer"


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # caregivers' words for the articles' (`corpus/synonyms.yml`)
        (
            "Will he be asleep for the spinraza injections or awake?",
            "smauk-nusinersen-faqs#how-is-nusinersen-given-1",
        ),
        (
            "is zolgensma given once only or do they need boosters",
            "droracle-zolgensma-updates#current-fda-approved-indication-and-limitations-1",
        ),
        (
            "Roughly how much does Spinraza cost per year?",
            "healthline-sma-infusion-therapy#how-much-does-sma-infusion-therapy-cost-1",
        ),
        (
            "is zolgensma a one time thing or do they need top ups later",
            "droracle-zolgensma-updates#current-fda-approved-indication-and-limitations-1",
        ),
        (
            "our baby has a cold and a temp, will they still do the zolgensma infusion next week?",
            "droracle-zolgensma-updates#dosing-1",
        ),
        (
            "she has a runny nose and a bit of a temperature, will they still go ahead with the "
            "zolgensma?",
            "droracle-zolgensma-updates#dosing-1",
        ),
        # a grandson is a child: a word no article uses made the question uncovered
        (
            "My grandson has had 3 Spinraza injections in a month. I thought it was every few "
            "months, is that right?",
            "smauk-nusinersen-faqs#how-often-are-the-injections-given-1",
        ),
        # a neurologist is the doctor the leaflet means: the word no article uses refused it
        (
            "we want another baby, should the neurologist know i'm on spinraza?",
            "sinostemcells-spinraza-treatment#important-safety-information-1",
        ),
    ],
)
def test_lay_words_find_the_articles_words(answerer: Answerer, question: str, section: str) -> None:
    assert answerer.ask(question).passages[0].id == section


def test_a_why_question_finds_the_section_that_gives_the_reason(answerer: Answerer) -> None:
    # "why" is an intent: the section headed "Why is nusinersen injected into the spinal
    # fluid?" outranks the side effects that share the question's other words
    passages = [p.id for p in answerer.ask("Why does Spinraza have to go in the back?").passages]
    assert (
        "smauk-nusinersen-faqs#why-is-nusinersen-injected-into-the-spinal-fluid-1" in passages[:2]
    )


def test_a_forum_s_label_for_its_question_is_not_part_of_it(answerer: Answerer) -> None:
    plain = answerer.ask("What is SMA?")
    labelled = answerer.ask("Quick question: what is SMA?")
    assert labelled.status == "answered"
    assert [p.id for p in labelled.passages] == [p.id for p in plain.passages]


def test_a_gloss_in_brackets_is_not_what_is_asked(answerer: Answerer) -> None:
    # a charity's heading: "generic", a word no article uses, made it read as not covered
    answer = answerer.ask("Spinraza (generic name: nusinersen): What is it?")
    assert answer.passages[0].id == "smauk-nusinersen-faqs#what-is-nusinersen-1"


def test_a_cancelled_appointment_is_a_missed_dose(answerer: Answerer) -> None:
    asked = "What happens if our Spinraza appointment is cancelled on the day?"
    assert answerer.ask(asked).passages[0].id == "smauk-nusinersen-faqs#what-if-a-dose-is-missed-1"


def test_procedure_day_is_asked_for_by_its_wording(answerer: Answerer) -> None:
    # "happens" alone led to "What if a dose is missed?"; the day itself is the procedure
    told = "My son is starting Spinraza next week and I am nervous. What happens on the day?"
    assert answerer.ask(told).passages[0].id == "smauk-nusinersen-faqs#how-is-nusinersen-given-1"
    # as a phone types it: "wat" is a word wordfreq knows, so only the texting list reads it
    texted = "wat hapens on the day of the spinraza injecton"
    assert answerer.ask(texted).passages[0].id == "smauk-nusinersen-faqs#how-is-nusinersen-given-1"


def test_a_contraction_is_read_as_one_word(answerer: Answerer) -> None:
    # "shouldn't" is not "shouldn" mistyped: what it asks for is read as written
    assert answerer.asks_uncovered("When shouldn't Spinraza be used?") == ["contraindications"]
    assert answerer.ask("When shouldn't Spinraza be used?").status == "no_answer"


def test_a_message_asking_for_what_no_section_is_about_is_not_answered_in_part(
    answerer: Answerer,
) -> None:
    message = "What is Spinraza and how should I store it?"
    assert answerer.answered_part(message) is None
    assert answerer.ask(message).status == "no_answer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What are the side effects of Spinraza vs. Evrysdi?", 1),
        ("Is the dose 0.2 mg/kg? My son is 3.", 2),
        ("Does it help, e.g. with walking? We hope so!", 2),
        ("She has SMA. Is Spinraza given in the back? How often?", 3),
    ],
)
def test_a_sentence_ends_where_a_reader_would_end_it(text: str, expected: int) -> None:
    from smabot.answer import sentences

    assert len(sentences(text)) == expected


@pytest.mark.parametrize(
    "message",
    [
        "My son takes omeprazole and other medicines. Can he take Evrysdi?",
        "We were told Evrysdi has to be kept in the fridge. Why?",
        "I'd like to know the symptoms of SMA. Where do I start?",
    ],
)
def test_what_the_context_asks_for_that_no_section_is_about_is_still_not_covered(
    answerer: Answerer, message: str
) -> None:
    assert answerer.asks_uncovered(message)
    assert answerer.ask(message).status == "no_answer"


def test_a_medicine_the_context_names_does_not_join_the_one_asked_about(
    answerer: Answerer,
) -> None:
    switched = "She was on Spinraza for two years. What are the side effects of Zolgensma?"
    best = answerer.ask(switched).passages[0]
    assert "zolgensma" in best.id or "zolgensma" in best.citation.title.lower()


@pytest.mark.parametrize(
    ("question", "history", "section"),
    [
        # "how fast" asks how long, and a section about how long holds it without saying "fast"
        (
            "how fast does zolgensma work",
            [],
            "healthline-zolgensma-dosage#how-long-does-it-take-for-zolgensma-to-start-working-1",
        ),
        # "once it is done" asks what follows, which the monitoring section is about
        (
            "Our baby is having the gene therapy soon and I'm trying to plan for afterwards. What "
            "will happen once the Zolgensma infusion is done?",
            [],
            # the updates' monitoring after the infusion: its steroids or its troponin checks
            "droracle-zolgensma-updates#critical-corticosteroid-protocol-updated-february-2025-1"
            "|droracle-zolgensma-updates#elevated-troponin-i-updated-2025-1",
        ),
        # "is that normal?" about a symptom asks for side effects
        (
            "my daughter (4) has her 2nd loading dose of spinraza tomorow. last time she was sick "
            "in the car home and moaned about her back all evening. is that normal after the "
            "injection or should i be worried??",
            [],
            "smauk-nusinersen-faqs#what-are-the-side-effects-of-nusinersen-1",
        ),
    ],
)
def test_what_a_question_asks_by_its_form_is_held_by_a_section_about_it(
    answerer: Answerer, question: str, history: list[str], section: str
) -> None:
    answer = answerer.ask(question, history)
    assert answer.status == "answered"
    assert set(section.split("|")) & {p.id for p in answer.passages}


def test_a_topic_named_in_the_asking_words_must_still_be_held(answerer: Answerer) -> None:
    # cost words name a topic: a cost section does not hold "caregivers being paid"
    asked = (
        "Say caregivers need to be paid for their work. How would that be funded, would it come "
        "through insurance or from some other source?"
    )
    assert answerer.ask(asked).status == "no_answer"


def test_a_switched_medicine_keeps_a_topic_its_section_is_about(answerer: Answerer) -> None:
    # the age asked about is held by the eligibility section's curated questions, not its text
    history = ["Can my 5 year old with type 2 get Spinraza?"]
    answer = answerer.ask("what about zolgensma for him?", history)
    assert answer.status == "answered"
    assert answer.passages[0].citation.source_id.startswith("droracle-zolgensma")


def test_an_earlier_questions_rare_word_is_not_the_follow_ups_subject(
    answerer: Answerer,
) -> None:
    # "breastfeed" is no article's word; the follow-up asks about pregnancy, which one covers
    history = ["can I breastfeed while on spinraza"]
    answer = answerer.ask(
        "what about getting pregnant, is there anything I need to do before my next spinraza?",
        history,
    )
    assert answer.status == "answered"
    assert (
        answer.passages[0].id == "sinostemcells-spinraza-treatment#important-safety-information-1"
    )


def test_an_inflected_everyday_word_is_not_a_subject_the_articles_lack(answerer: Answerer) -> None:
    # "hoped" is rarer than "hope" in English: as a rare word it made the question uncovered
    asked = (
        "Our baby has had Spinraza since birth and now the team is suggesting Zolgensma as well. "
        "Do kids who already had Spinraza still benefit?"
    )
    assert answerer.ask(asked).status == "answered"


@pytest.mark.parametrize(
    "question",
    [
        "What about Evrysdi and pregnancy?",
        "What's the Evrysdi dose for a 5 year old?",
        "Can you switch from Spinraza to Evrysdi?",
        "what time of day should risdiplam be given",
        # a section whose editors ask what infusion therapy "actually does" says nothing of how
        # Evrysdi works: only its heading and what it says of Evrysdi tell what it answers
        "How does Evrysdi work?",
    ],
)
def test_a_medicine_named_in_passing_does_not_answer_what_is_asked_of_it(
    answerer: Answerer, question: str
) -> None:
    # no article is about Evrysdi: a passage that mentions it answers only what it says of it
    assert answerer.ask(question).status == "no_answer"


@pytest.mark.parametrize(
    "question",
    [
        "What is Evrysdi?",
        "How do you take Evrysdi?",
        "Is Evrysdi taken by mouth?",
        "Can adults have Evrysdi?",
        "What kind of medicine is Evrysdi?",
    ],
)
def test_what_the_articles_say_of_a_medicine_named_in_passing_answers(
    answerer: Answerer, question: str
) -> None:
    assert answerer.ask(question).status == "answered"


def test_a_journey_to_treatment_is_not_travel(answerer: Answerer) -> None:
    asked = (
        "who does the spinal injection? can our local district hospital do it or do we have to "
        "travel to the big one 2 hrs away"
    )
    assert answerer.asks_uncovered(asked) == []
    assert answerer.asks_uncovered("Can we travel abroad with Evrysdi?") == ["travel"]


def test_the_same_idea_asks_the_last_question_of_the_new_medicine(answerer: Answerer) -> None:
    answer = answerer.ask("and is zolgensma the same idea?", ["how does spinraza work"])
    assert answer.status == "answered"
    assert answer.passages[0].id == "droracle-zolgensma-updates#mechanism-and-clinical-rationale-1"


def test_a_vaccination_jab_is_not_the_spinraza_injection(answerer: Answerer) -> None:
    # "flu jab" is a vaccine, which no article covers; "the spinraza jab" is the injection
    assert answerer.ask("can a child with sma have the flu jab").status == "no_answer"
    assert answerer.ask("does the spinraza jab in the back hurt?").status == "answered"


def test_the_backstop_stands_down_on_a_question_a_section_answers(answerer: Answerer) -> None:
    # the learned backstop alarmed on "now", "old" and "too"; the lexicon's flags always stand
    asked = "my son is 2 and a half, is he too old for zolgensma now?"
    assert answerer.safety.detect(asked) is not None
    answer = answerer.ask(asked)
    assert answer.status == "answered"
    assert answer.passages[0].id == (
        "droracle-zolgensma-updates#current-fda-approved-indication-and-limitations-1"
    )
    for red_flag in ("Post-LP: fitting!", "cough assist not working grey"):  # only it catches these
        alert = answerer.safety.detect(red_flag)
        assert alert is not None and alert.flag == "unlisted-warning-sign"
        assert answerer.ask(red_flag).status == "emergency"


def test_it_in_a_question_is_the_rare_thing_its_context_names(answerer: Answerer) -> None:
    asked = (
        "The neuro team mentioned something called TMA as a risk after Zolgensma. "
        "How serious is that?"
    )
    answer = answerer.ask(asked)
    assert answer.status == "answered"
    assert answer.passages[0].id == (
        "droracle-zolgensma-updates#thrombotic-microangiopathy-tma-updated-2024-1"
    )
    # a rare word the context negates is not what "it" is, and never breaks the answer
    assert answerer.ask("No TMA signs so far and no fever. How serious is it?").status in (
        "answered",
        "no_answer",
    )


def test_what_is_it_after_a_context_that_names_the_condition_asks_what_the_condition_is(
    answerer: Answerer,
) -> None:
    answer = answerer.ask("The nurse mentioned SMA at our appointment today. What is it?")
    assert answer.status == "answered"
    # the passage that says what SMA is, not one that names SMA beside a lab result
    assert "SMA is a genetic neuromuscular disorder" in answer.passages[0].text


def test_side_effects_linked_with_a_medicine_are_its_side_effects(answerer: Answerer) -> None:
    # "linked with" relates two things, it names neither: no article needs to say it
    answer = answerer.ask("What side effects are linked with Spinraza?")
    assert answer.status == "answered"
    assert (
        answer.passages[0].id == "smauk-nusinersen-faqs#what-are-the-side-effects-of-nusinersen-1"
    )


def test_what_sort_of_treatment_asks_what_it_is(answerer: Answerer) -> None:
    answer = answerer.ask("What sort of treatment is Spinraza?")
    assert answer.status == "answered"
    assert answer.passages[0].id == "sinostemcells-spinraza-treatment#what-is-spinraza-1"


def test_where_to_read_more_asks_where_to_find_more_information(answerer: Answerer) -> None:
    answer = answerer.ask("Where can I read more about Spinraza?")
    assert answer.status == "answered"
    assert answer.passages[0].id == "smauk-nusinersen-faqs#where-can-i-find-more-information-1"


def test_a_possessive_weighs_as_its_word(answerer: Answerer) -> None:
    # "world's" is rarer in English than "world", but no more a subject of the question
    owned = answerer.query("Why is Zolgensma the world's most expensive drug?")
    plain = answerer.query("Why is Zolgensma the most expensive drug in the world?")
    assert owned.info["world"] == plain.info["world"]
    assert answerer.ask("How come Zolgensma is the world's most expensive drug?").status == (
        "answered"
    )
