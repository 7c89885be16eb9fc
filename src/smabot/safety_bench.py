"""The red-flag check's cost on ordinary questions: with its cheap pre-check and without."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from smabot import backstop
from smabot.corpus import load_corpus
from smabot.safety import Detector
from smabot.settings import bundled_dir

QUESTION_FILES = ("corpus/questions", "tests/eval", "tests/eval/collected")
# Ordinary questions come from the project's files; when there are fewer than asked for, each
# is asked again the way caregivers also write it.
VARIANTS = ("{}", "Hi, {}", "{} Thanks.", "{}", "quick question: {}")


@dataclass
class SafetyBench:
    """p50/p99 of the red-flag step per question, and how much the pre-check saves."""

    questions: int
    passed_pre_check: float  # share of questions the heavy part ran for
    flagged: int  # ordinary questions flagged (false alarms)
    p50_ms: float
    p99_ms: float
    always_heavy_p50_ms: float
    always_heavy_p99_ms: float
    speedup_p50: float


def ordinary_questions(count: int) -> list[str]:
    """Answerable and uncovered questions from the project's files, varied up to `count`."""
    found: list[str] = []
    for folder in QUESTION_FILES:
        for path in sorted(Path(folder).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                if row.get("expect") in ("answer", "no_answer") and row.get("question"):
                    found.append(row["question"])
    if not found:
        raise ValueError("no ordinary questions found: run smabot bench from the repo root")
    return [
        VARIANTS[i // len(found) % len(VARIANTS)].format(found[i % len(found)])
        for i in range(count)
    ]


def measure_safety(count: int = 1000) -> SafetyBench:
    """Time the red-flag step on `count` ordinary questions, both ways, in the same run."""
    detector = Detector(load_corpus(bundled_dir("corpus")).red_flags, backstop.load())
    questions = ordinary_questions(count)
    for question in questions:  # warm the caches both ways use (spelling, word frequencies)
        detector.detect(question)
    ours, heavy, flagged = [], [], 0
    for question in questions:
        t0 = time.perf_counter()
        alert = detector.detect(question)
        t1 = time.perf_counter()
        detector.examine(question)
        t2 = time.perf_counter()
        ours.append((t1 - t0) * 1000)
        heavy.append((t2 - t1) * 1000)
        flagged += alert is not None
    passed = sum(detector.might_flag(q) for q in questions) / len(questions)
    p50, p50_heavy = statistics.median(ours), statistics.median(heavy)
    return SafetyBench(
        questions=len(questions),
        passed_pre_check=round(passed, 3),
        flagged=flagged,
        p50_ms=round(p50, 4),
        p99_ms=round(float(np.percentile(ours, 99)), 4),
        always_heavy_p50_ms=round(p50_heavy, 4),
        always_heavy_p99_ms=round(float(np.percentile(heavy, 99)), 4),
        speedup_p50=round(p50_heavy / p50, 1),
    )


def render_safety(result: SafetyBench) -> str:
    """Lines for a terminal."""
    return (
        f"red-flag check over {result.questions:,} ordinary questions: "
        f"p50 {result.p50_ms} ms, p99 {result.p99_ms} ms "
        f"(heavy part on every question: p50 {result.always_heavy_p50_ms} ms, "
        f"p99 {result.always_heavy_p99_ms} ms; {result.speedup_p50}× at p50); "
        f"{result.passed_pre_check:.0%} passed the pre-check; {result.flagged} flagged"
    )
