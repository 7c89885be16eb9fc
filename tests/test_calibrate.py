"""Choosing the no-answer threshold on one half of the questions and checking it on the other."""

from __future__ import annotations

from smabot.calibrate import Decision, accuracy, calibrate, halves
from smabot.tuning import TUNING

from .conftest import ROOT
from .test_cli import smabot


def rows(*pairs: tuple[float, bool]) -> list[Decision]:
    return [Decision(str(i), c, a) for i, (c, a) in enumerate(pairs)]


def test_accuracy_and_the_chosen_threshold() -> None:
    tune = rows((0.9, True), (0.7, True), (0.5, True), (0.2, False), (0.1, False))
    assert accuracy(tune, 0.3) == 1.0 and accuracy(tune, 0.6) == 0.8
    result = calibrate(tune, rows((0.45, True), (0.25, False)))
    assert 0.2 < result.threshold <= 0.5 and result.tune_accuracy == 1.0
    assert result.check_accuracy == 1.0


def test_halves_share_both_kinds_of_question() -> None:
    first, second = halves(rows((0.9, True), (0.8, True), (0.1, False), (0.2, False)))
    assert [r.answerable for r in first] == [True, False]
    assert [r.answerable for r in second] == [True, False]


def test_the_cli_reports_both_folds() -> None:
    regression = ROOT / "corpus" / "questions" / "regression.jsonl"
    result = smabot("calibrate", str(regression), str(ROOT / "tests/eval/caregivers.jsonl"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("tuned on half") == 2
    assert f"smabot uses {TUNING.min_coverage}" in result.stdout
