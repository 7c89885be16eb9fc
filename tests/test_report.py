"""The gap report: unanswered questions grouped by wording, unhelpful passages, retention."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from smabot.report import group_questions, render
from smabot.store import Store

from .test_cli import smabot


def test_no_answers_are_recorded_redacted(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    client.post("/api/ask", json={"question": "pizza near the hospital? I'm on 07700 900123"})
    (last,) = app.state.store.unanswered()[-1:]
    assert last["question"] == "pizza near the hospital? I'm on [phone]"


def test_similar_wordings_are_grouped() -> None:
    groups = group_questions(
        [
            "Can my child get the flu jab?",
            "can my child get the flu jab",
            "flu jab for my child?",
            "Where do I park?",
            "What is the weather?",
        ]
    )
    assert groups[0].count == 3 and len(groups) == 3


def test_report_lists_gaps_and_unhelpful_passages(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3", retention_days=90)
    for question in ("Can my child get the flu jab?", "flu jab for my child?", "Parking?"):
        store.add_unanswered(question)
    store.add_feedback("q", ["a#x-1", "b#y-1"], helpful=False)
    store.add_feedback("q", ["a#x-1"], helpful=False)
    store.add_feedback("q", ["a#x-1"], helpful=True)
    text = render(store)
    assert "Unanswered questions: 3" in text
    assert "2  can my child get the flu jab" in text
    assert "2 of 3    a#x-1" in text
    result = smabot("report", "--since", "2999-01-01", env={"SMABOT_DB": str(store.path)})
    assert result.returncode == 0 and "Unanswered questions since 2999-01-01: 0" in result.stdout
    assert smabot("report", "--since", "yesterday").returncode == 2


def test_old_records_are_deleted(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3", retention_days=30)
    store.add_unanswered("recent question")
    store.flush()  # writes are queued to the store's writer thread
    with sqlite3.connect(store.path) as db:
        db.execute(
            "INSERT INTO unanswered (created_at, question) VALUES "
            "('2020-01-01T00:00:00+00:00', 'old question')"
        )
        db.execute(
            "INSERT INTO feedback (created_at, question, passage_ids, helpful) VALUES "
            "('2020-01-01T00:00:00+00:00', 'old', '[]', 0)"
        )
    store.expire()
    assert [r["question"] for r in store.unanswered()] == ["recent question"]
    assert store.feedback() == []


def test_suggest_names_the_sections_that_nearly_answered(tmp_path: Path) -> None:
    from smabot.answer import Answerer
    from smabot.corpus import load_corpus
    from smabot.index import build_index

    from .conftest import CORPUS

    store = Store(tmp_path / "db.sqlite3")
    store.add_unanswered("can my son have spinraza at home instead of hospital")
    answerer = Answerer(build_index(load_corpus(CORPUS)))
    text = render(store, suggest=answerer)
    assert "nearly (" in text and "section_questions.yml: - can my son have spinraza" in text


def test_suggest_names_the_questions_the_chat_offered_instead(tmp_path: Path) -> None:
    from smabot.answer import Answerer
    from smabot.corpus import load_corpus
    from smabot.index import build_index

    from .conftest import CORPUS

    store = Store(tmp_path / "db.sqlite3")
    store.add_unanswered("we want another baby, should the neurologist know i'm on spinraza?")
    answerer = Answerer(build_index(load_corpus(CORPUS)))
    text = render(store, suggest=answerer)
    # close in meaning, not in words: the section an editor may list it under
    offered = "offered in the chat: \"Should I tell the doctor if I'm pregnant before starting"
    assert (
        offered in text
        and "Spinraza?\", which sinostemcells-spinraza-treatment › 'Important" in text
    )


def test_a_message_answered_only_in_part_is_recorded_for_the_editors(  # type: ignore[no-untyped-def]
    client: TestClient, app
) -> None:
    several = "What is nusinersen, and will my son still be able to go to nursery and swim?"
    body = client.post("/api/ask", json={"question": several}).json()
    assert body["status"] == "answered" and body["answered_part"] == "What is nusinersen"
    (last,) = app.state.store.unanswered()[-1:]
    assert last["question"] == several
    whole = client.post("/api/ask", json={"question": "What is nusinersen?"}).json()
    assert whole["answered_part"] is None
    assert app.state.store.unanswered()[-1:] == [last]  # an answer in full is no gap
