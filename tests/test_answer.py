"""The answer pipeline on the real corpus: statuses, follow-ups, highlights, citations."""

from __future__ import annotations

import pytest

from smabot import answer as answer_module
from smabot.answer import Answerer
from smabot.index import Index


@pytest.fixture(scope="module")
def answerer(index: Index) -> Answerer:
    return Answerer(index, locale="en-GB")


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


def test_follow_up_borrows_the_topic_and_replaces_the_drug(answerer: Answerer) -> None:
    query = answerer.query("what about zolgensma?", ["What are the side effects of Spinraza?"])
    assert query.weights["zolgensma"] == 1.0
    assert "nusinersen" not in query.weights
    # the question only switches the medicine: the earlier topic is its whole topic
    assert query.weights["side"] == 1.0 and "side" in query.required
    own = answerer.query("how is zolgensma given?", ["What are the side effects of Spinraza?"])
    assert own.weights.get("side", 0) < 1 and not own.required  # its own topic leads


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


def test_the_section_about_what_is_asked_ranks_first(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "how is nusinersen given to my son"
    assert answerer.query(question).intents == {"administration"}
    top = answerer.ask(question).passages[0]
    assert top.citation.section == "How is nusinersen given?"
    monkeypatch.setattr(answer_module, "INTENT_WEIGHT", 0.0)  # words alone pick a dosage passage
    assert answerer.ask(question).passages[0].citation.section != "How is nusinersen given?"


def test_a_follow_up_asks_for_what_the_last_question_asked(answerer: Answerer) -> None:
    query = answerer.query("and for evrysdi?", ["What are the side effects of Spinraza?"])
    assert query.intents == {"side_effects"}
    assert answerer.query("how is it given?", ["What are the side effects?"]).intents == {
        "administration"
    }


@pytest.mark.parametrize(
    "question", ["how do doctors diagnose it", "can a carrier parent pass it on?"]
)
def test_words_found_only_in_passing_are_not_an_answer(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    # every word is in some passage, but no passage is about diagnosis or carriers
    assert answerer.ask(question).status == "no_answer"
    monkeypatch.setattr(answer_module, "MIN_FOCUS", 0.0)
    assert answerer.ask(question).status == "answered"


def test_a_question_about_what_a_section_covers_keeps_its_answer(answerer: Answerer) -> None:
    answer = answerer.ask("what are the side effects of nusinersen")
    assert answer.status == "answered"
    hit = answerer.index.search(answerer.query("side effects nusinersen").weights, 1)[0]
    assert answerer.focus(hit, answerer.query("side effects nusinersen")) == pytest.approx(1.0)
