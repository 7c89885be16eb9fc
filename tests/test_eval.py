"""The evaluation: scoring rules on a toy case, and the dev questions as a regression guard."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from smabot.evaluate import EvalQuestion, app_asker, evaluate, load_questions, normalise

from .conftest import DEV_QUESTIONS, ROOT, needs_shared


def test_scoring_follows_the_rules() -> None:
    answers = {
        "a": (200, {"status": "answered", "passages": [{"text": "x"}, {"text": "It’s  Here"}]}),
        "b": (200, {"status": "emergency", "passages": [{"text": "it's here"}]}),
        "c": (200, {"status": "no_answer", "passages": []}),
        "d": (422, {"error": "empty"}),
    }

    def ask(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return answers[payload["question"]]

    questions = [
        EvalQuestion.model_validate(row)
        for row in [
            {"question": "a", "expect": "answer", "gold": ["it's here"], "topic": "cost"},
            {"question": "b", "expect": "answer", "gold": ["it's here"], "topic": "cost"},
            {"question": "c", "expect": "no_answer"},
            {"question": "d", "expect": "invalid"},
            {"question": "b", "expect": "emergency"},
        ]
    ]
    report = evaluate(questions, ask)
    assert report.hit_at_1 == 0 and report.hit_at_3 == 0.5 and report.mrr_at_5 == 0.25
    assert report.no_answer_accuracy == report.invalid_rejected == report.emergency_recall == 1
    assert report.per_topic_hit_at_3 == {"cost": 0.5}
    assert normalise(" A\n  “B” ") == 'a "b"'


def test_a_refusal_is_reached_when_a_question_offered_instead_answers_it() -> None:
    answers = {
        "refused": {"status": "no_answer", "passages": [], "suggestions": ["far", "near"]},
        "lost": {"status": "no_answer", "passages": [], "suggestions": ["far"]},
        "uncovered": {"status": "no_answer", "passages": [], "suggestions": ["far"]},
        "bare": {"status": "no_answer", "passages": [], "suggestions": []},
        "near": {"status": "answered", "passages": [{"text": "x"}, {"text": "Gold here"}]},
        "far": {"status": "answered", "passages": [{"text": "other"}]},
    }
    sent: list[dict[str, Any]] = []

    def ask(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        sent.append(payload)
        return 200, answers[payload["question"]]

    rows = [
        {"question": "refused", "history": ["before"], "expect": "answer", "gold": ["gold here"]},
        {"question": "lost", "expect": "answer", "gold": ["gold here"]},
        {"question": "uncovered", "expect": "no_answer"},
        {"question": "bare", "expect": "no_answer"},
    ]
    report = evaluate([EvalQuestion.model_validate(row) for row in rows], ask)
    assert report.hit_at_3 == 0  # a refusal is a miss, whatever it offers
    assert report.reached_by_suggestion == 0.5 and report.suggested_when_uncovered == 0.5
    # a suggestion is asked as the chat asks a tapped one: after the conversation so far
    assert {"question": "near", "history": ["before", "refused"]} in sent


def test_an_invalid_row_is_sent_exactly_as_written() -> None:
    row = EvalQuestion.model_validate({"question": "ok", "history": None, "expect": "invalid"})
    assert row.payload() == {"question": "ok", "history": None}
    assert EvalQuestion.model_validate({"question": 5, "expect": "invalid"}).payload() == {
        "question": 5
    }


def answered_as_emergency(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.id for r in report.results if r.expect == "answer" and r.status == "emergency"]


@needs_shared
def test_dev_questions_meet_the_bar(app: FastAPI) -> None:
    report = evaluate(load_questions(DEV_QUESTIONS), app_asker(app))
    figures = report.figures()
    assert figures["hit_at_3"] >= 0.95, report.misses
    assert figures["hit_at_1"] >= 0.80, report.misses
    assert figures["no_answer_accuracy"] >= 0.90
    assert figures["emergency_recall"] == 1.0
    assert figures["invalid_rejected"] == 1.0
    assert figures["count"] == 47
    assert answered_as_emergency(report) == []


@pytest.mark.parametrize(
    ("name", "floors"),
    [
        # caregivers' own words, written before tuning (issue 5): guards against regressions
        (
            "tests/eval/caregivers.jsonl",
            {"hit_at_1": 0.68, "hit_at_3": 0.82, "no_answer_accuracy": 0.7},
        ),
        # the quality gate's questions, shipped with the corpus
        (
            "corpus/questions/regression.jsonl",
            {"hit_at_1": 0.7, "hit_at_3": 0.85, "no_answer_accuracy": 1.0},
        ),
        # the collected train split (issue 11): what intents and "not covered" were tuned on
        (
            "tests/eval/collected/train.jsonl",
            {"hit_at_1": 0.74, "hit_at_3": 0.83, "no_answer_accuracy": 0.84},
        ),
        # its frozen test split, never tuned on: a floor under the figures measured once
        (
            "tests/eval/collected/test.jsonl",
            {"hit_at_1": 0.64, "hit_at_3": 0.7, "no_answer_accuracy": 0.84},
        ),
    ],
)
def test_own_question_sets_stay_above_their_floors(
    app: FastAPI, name: str, floors: dict[str, float]
) -> None:
    report = evaluate(load_questions(ROOT / name), app_asker(app))
    figures = report.figures()
    for key, floor in floors.items():
        assert figures[key] >= floor, (key, figures, report.misses)
    assert figures["emergency_recall"] == 1.0 and figures["invalid_rejected"] == 1.0
    assert answered_as_emergency(report) == []


def test_reworded_train_questions_stay_above_their_floors(app: FastAPI) -> None:
    # the train split reworded by helpers (two paraphrases each, one short, one with a sentence
    # of context): how answers hold when caregivers put the same question another way
    report = evaluate(load_questions(ROOT / "tests/eval/paraphrased/train.jsonl"), app_asker(app))
    figures = report.figures()
    floors = {"hit_at_1": 0.69, "hit_at_3": 0.76, "no_answer_accuracy": 0.83}
    for key, floor in floors.items():
        assert figures[key] >= floor, (key, figures)
    # the backstop learns no paraphrase; 6 of the 668 read as red flags when it came
    # ("Spinraza keeps coming up whenever I read about SMA..."), 8 of 888 later: never more
    # than one in a hundred
    alarms = [r.id for r in report.results if r.status == "emergency"]
    assert len(alarms) <= len(report.results) // 100, alarms
