"""How answers hold up when caregivers slip: one slip in each of a question's two longest words.

Not part of the test suite (a measurement). Each question of each file is asked clean and with
a seeded slip (two letters swapped, one dropped, doubled or changed) in its two longest words
of six letters or more, through the same path as `smabot eval`:

    .venv/bin/python tests/eval/slip_probe.py tests/eval/collected/train.jsonl ...
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from smabot.answer import Answerer
from smabot.corpus import load_corpus
from smabot.evaluate import EvalQuestion, Report, answerer_asker, evaluate, load_questions
from smabot.index import build_index

ROOT = Path(__file__).resolve().parents[2]


def slip(word: str, rng: random.Random) -> str:
    """One typing slip inside a word (never its first or last letter)."""
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(["swap", "drop", "double", "change"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]


def slipped(question: str, rng: random.Random) -> str:
    """The question with a slip in each of its two longest words of six letters or more."""
    # ties in length by the word itself: the order of a set changes from run to run
    words = sorted(set(re.findall(r"[A-Za-z]{6,}", question)), key=lambda w: (-len(w), w))
    for word in words[:2]:
        question = question.replace(word, slip(word, rng), 1)
    return question


def line(name: str, report: Report) -> str:
    """hit@1 / hit@3 / MRR@5 / no-answer and questions wrongly read as emergencies."""
    alarms = sum(1 for o in report.results if o.status == "emergency" and o.expect != "emergency")
    figures = (report.hit_at_1, report.hit_at_3, report.mrr_at_5, report.no_answer_accuracy)
    return f"{name:8s} " + "/".join(f"{f:.3f}" for f in figures) + f"  emergencies {alarms}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    ask = answerer_asker(Answerer(build_index(load_corpus(ROOT / "corpus"))))
    rng = random.Random(args.seed)
    for path in args.files:
        questions = load_questions(path)
        noisy = [
            EvalQuestion.model_validate(
                {**q.model_dump(exclude_unset=True), "question": slipped(str(q.question), rng)}
            )
            if q.expect in ("answer", "no_answer")
            else q
            for q in questions
        ]
        print(path.name)
        print(line("clean", evaluate(questions, ask)))
        print(line("slipped", evaluate(noisy, ask)))


if __name__ == "__main__":
    main()
