"""Closeness in meaning: what each passage answers, saved with its build, used to answer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from smabot import gate, meaning
from smabot.answer import Answerer
from smabot.bench import synthetic_passages
from smabot.corpus import load_corpus
from smabot.evaluate import EvalQuestion
from smabot.index import MEANING_FILE, Index, index_passages, load_build, save_index
from smabot.meaning import Meaning, asks_of

from .conftest import CORPUS


def test_a_question_is_nearest_the_section_that_answers_it_in_other_words(index: Index) -> None:
    # "set us back" is what it costs, in words no article uses
    close = index.meaning.closeness("How much does the gene therapy set us back?")
    nearest = index.passages[int(np.argmax(close))]
    assert "cost" in " ".join(nearest.section).lower()


def test_each_passage_answers_its_heading_and_its_curated_questions(index: Index) -> None:
    asks = asks_of(index.passages, index.curated)
    assert len(asks) == len(index.passages)
    for passage, texts in zip(index.passages, asks, strict=True):
        assert texts == [" › ".join(passage.section), *index.curated.get(passage.id, [])]
    # a passage is as close to one of its own questions as a text can be
    position, question = next(
        (i, index.curated[p.id][0]) for i, p in enumerate(index.passages) if p.id in index.curated
    )
    assert index.meaning.closeness(question)[position] > 0.999


def test_a_build_keeps_its_vectors_and_a_damaged_file_costs_only_time(
    index: Index, tmp_path: Path
) -> None:
    build = save_index(index, tmp_path / "idx")
    loaded = load_build(build)
    assert set(loaded.known_vectors) == set(index.meaning.vectors)
    question = "Can my son still go swimming after the lumbar puncture?"
    expected = index.meaning.closeness(question)
    assert np.allclose(loaded.meaning.closeness(question), expected, atol=1e-6)
    np.savez(build / MEANING_FILE, model=np.array("another model"), texts=[], vectors=[])
    assert load_build(build).known_vectors == {}  # another model's vectors are not used
    (build / MEANING_FILE).write_bytes(b"PK\x03\x04 not a zip")
    damaged = load_build(build)
    assert damaged.known_vectors == {}
    assert np.allclose(damaged.meaning.closeness(question), expected, atol=1e-5)
    (build / MEANING_FILE).unlink()  # a build made before meaning.npz existed
    assert np.allclose(load_build(build).meaning.closeness(question), expected, atol=1e-5)


def test_a_benchmark_build_encodes_nothing(index: Index, tmp_path: Path) -> None:
    passages, sources = synthetic_passages(200)
    corpus = load_corpus(CORPUS)
    big = index_passages(passages, sources, corpus.synonyms, "bench-200", corpus.red_flags)
    build = save_index(big, tmp_path / "idx")
    assert not (build / MEANING_FILE).exists()


def test_words_the_articles_never_use_are_answered_by_what_they_mean(index: Index) -> None:
    answerer = Answerer(index)
    question = "How much does the gene therapy set us back?"
    query = answerer.query(question)
    ranked = answerer._candidates(query, 3)
    assert not answerer.covers(ranked[0][1], query)  # the words rule alone refuses it
    answer = answerer.ask(question)
    assert answer.status == "answered"
    assert any("cost" in p.citation.section.lower() for p in answer.passages)


def test_what_the_articles_do_not_cover_is_still_not_covered(index: Index) -> None:
    answerer = Answerer(index)
    for question in ("Can Spinraza be used during IVF?", "Is my baby's eczema cream safe?"):
        assert answerer.ask(question).status == "no_answer", question


def test_the_next_process_reads_encoded_texts_back_and_a_damaged_store_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(meaning, "_encoded", {})  # as a new process: nothing encoded yet
    asks = [["Who pays for the taxi to clinic?"], ["Parking › Blue badges"]]
    first = Meaning(asks, {})
    stored = meaning._stored(["Who pays for the taxi to clinic?", "never encoded"])
    assert set(stored) == {"Who pays for the taxi to clinic?"}
    assert np.array_equal(stored["Who pays for the taxi to clinic?"], first.vectors[asks[0][0]])
    meaning.cache_file().write_bytes(b"not a database")
    monkeypatch.setattr(meaning, "_encoded", {})
    again = Meaning(asks, {})
    for text in ("Who pays for the taxi to clinic?", "Parking › Blue badges"):
        assert np.allclose(again.vectors[text], first.vectors[text], atol=1e-6)


def test_the_gates_questions_are_encoded_once_per_machine_and_a_caregivers_never(
    index: Index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(meaning, "_encoded", {})
    gate_question = "Which day of the week is the Spinraza clinic open, for the gate?"
    caregivers = "Is there parking near the clinic for a wheelchair van tonight?"
    gate.score(index, [EvalQuestion(id="g1", question=gate_question, expect="no_answer")])
    Answerer(index).ask(caregivers)
    stored = meaning._stored([gate_question, caregivers])
    assert set(stored) == {gate_question}  # the corpus's own question, not the caregiver's
    # what an editor wrote is read back, not encoded again, when it is asked
    assert meaning.vector(gate_question) is meaning._encoded[gate_question]
