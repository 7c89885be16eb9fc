"""The quality gate before publishing an index, and what changes between two indexes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from smabot import meaning
from smabot.answer import Answerer
from smabot.evaluate import (
    EvalQuestion,
    Outcome,
    Report,
    answerer_asker,
    evaluate,
    load_questions,
)
from smabot.index import Index


@dataclass
class GateResult:
    """Whether a new index may be published, and why not."""

    figures: dict[str, float | int]
    reasons: list[str] = field(default_factory=list)
    worse: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when nothing refuses the new index."""
        return not self.reasons


def regression_questions(folder: Path | None) -> list[EvalQuestion]:
    """Every question of the *.jsonl files in the folder (none when it is missing)."""
    if folder is None or not folder.is_dir():
        return []
    return [q for path in sorted(folder.glob("*.jsonl")) for q in load_questions(path)]


def score(index: Index, questions: list[EvalQuestion]) -> Report:
    """Evaluate questions against an index, in process."""
    # the corpus's own questions, an editor's: encoded once per machine, not at every publish
    meaning.editors_vectors(
        [t for q in questions for t in (q.question, *q.history_texts()) if isinstance(t, str)]
    )
    return evaluate(questions, answerer_asker(Answerer(index)))


def check(
    new: Index, old: Index | None, questions: list[EvalQuestion], min_hit_at_3: float
) -> GateResult:
    """Refuse a new index whose hit@3 is under the floor or that misses an emergency."""
    report = score(new, questions)
    result = GateResult(report.figures())
    if not questions:
        return result
    if report.hit_at_3 < min_hit_at_3:
        result.reasons.append(f"hit@3 is {report.hit_at_3:.2f}, under the floor {min_hit_at_3:.2f}")
    missed = [r for r in report.results if r.expect == "emergency" and not r.ok]
    if missed:
        result.reasons.append(f"{len(missed)} emergency question(s) not recognised")
    if old is not None:
        before = score(old, questions).results
        result.worse = [
            _describe(b, a) for b, a in zip(before, report.results, strict=True) if _worse(b, a)
        ]
    else:
        result.worse = [_describe(None, r) for r in report.results if not r.ok]
    return result


def changes(new: Index, old: Index, questions: list[EvalQuestion]) -> list[str]:
    """Questions whose answer (status or passages) differs between the old and new index."""
    old_answerer, new_answerer = Answerer(old), Answerer(new)
    lines = []
    for item in questions:
        if item.expect == "invalid":
            continue
        question, history = str(item.question), item.history_texts()
        a = old_answerer.ask(question, history)
        b = new_answerer.ask(question, history)
        before = [a.status, *(p.id for p in a.passages)]
        after = [b.status, *(p.id for p in b.passages)]
        if before != after:
            lines.append(
                f"{item.id} {question!r}\n"
                f"    before: {', '.join(before)}\n    after:  {', '.join(after)}"
            )
    return lines


def _worse(before: Outcome, after: Outcome) -> bool:
    if before.expect == "answer":
        old_rank, new_rank = before.rank or 99, after.rank or 99
        return new_rank > old_rank and new_rank > 1
    return before.ok and not after.ok


def _describe(before: Outcome | None, after: Outcome) -> str:
    def state(r: Outcome) -> str:
        if r.expect == "answer":
            return f"rank {r.rank}" if r.rank else f"missed ({r.status})"
        return "right" if r.ok else f"wrong ({r.status})"

    was = f"{state(before)} -> " if before else ""
    return f"{after.id} {after.question!r}: {was}{state(after)}"
