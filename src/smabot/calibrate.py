"""Choose the no-answer threshold on some question files and check it on others."""

from __future__ import annotations

from dataclasses import dataclass

from smabot.answer import Answerer
from smabot.evaluate import EvalQuestion


@dataclass(frozen=True)
class Decision:
    """How much of one question the best passage covers, and whether it should be answered."""

    id: str
    coverage: float
    answerable: bool


@dataclass(frozen=True)
class Calibration:
    """The chosen threshold and how well it separates each set."""

    threshold: float
    tune_accuracy: float
    check_accuracy: float


def decisions(answerer: Answerer, questions: list[EvalQuestion]) -> list[Decision]:
    """Best-passage coverage of every answer / no_answer question (emergencies aside)."""
    found = []
    for item in questions:
        question = item.question if isinstance(item.question, str) else ""
        if item.expect in ("answer", "no_answer") and question.strip():
            coverage = answerer.best_coverage(question, item.history_texts())
            found.append(Decision(item.id, coverage, item.expect == "answer"))
    return found


def accuracy(rows: list[Decision], threshold: float) -> float:
    """Share of questions decided right: answerable ones kept, unanswerable ones refused.

    Every question counts once, as in `smabot eval`, so the threshold follows the mix of
    questions caregivers actually ask rather than over-refusing for a rare class.
    """
    right = [(r.coverage >= threshold) == r.answerable for r in rows]
    return sum(right) / len(right) if right else 1.0


def halves(rows: list[Decision]) -> tuple[list[Decision], list[Decision]]:
    """Two folds, alternating within answerable and unanswerable questions so both get each."""
    first: list[Decision] = []
    second: list[Decision] = []
    for answerable in (True, False):
        group = [r for r in rows if r.answerable == answerable]
        first += group[0::2]
        second += group[1::2]
    return first, second


def calibrate(tune: list[Decision], check: list[Decision]) -> Calibration:
    """The threshold (0.05 steps) best on the tune set, the middle of the best when tied."""
    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    scores = [accuracy(tune, t) for t in grid]
    best = [t for t, s in zip(grid, scores, strict=True) if s == max(scores)]
    threshold = best[len(best) // 2]
    return Calibration(threshold, max(scores), accuracy(check, threshold))
