"""Rebuild the index from the corpus and publish it, refusing what would make answers worse."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from smabot import checks, gate
from smabot.corpus import load_corpus
from smabot.errors import CorpusError, SmabotError
from smabot.index import Index, build_index, load_index, save_index
from smabot.settings import Settings


class GateRefused(SmabotError):
    """The new index scores under the quality gate; the old one keeps serving."""

    def __init__(self, result: gate.GateResult) -> None:
        self.result = result
        super().__init__("; ".join(result.reasons))


@dataclass
class Published:
    """What a rebuild produced."""

    index: Index
    gate: gate.GateResult
    build: Path | None
    changes: list[str] = field(default_factory=list)


def rebuild(
    settings: Settings, force: bool = False, diff: bool = False, dry_run: bool = False
) -> Published:
    """Check the corpus, build a new index, gate it against the served one, then publish it."""
    corpus_dir, index_dir = settings.corpus_dir(), settings.index_dir()
    errors = [
        p for p in checks.check(corpus_dir, settings.review_max_age_days) if p.severity == "error"
    ]
    if errors:
        raise CorpusError(errors)
    new = build_index(load_corpus(corpus_dir))
    try:
        old: Index | None = load_index(index_dir)
    except SmabotError:
        old = None
    questions = gate.regression_questions(settings.gate_dir())
    result = gate.check(new, old, questions, settings.gate_min_hit_at_3)
    changes = gate.changes(new, old, questions) if diff and old is not None else []
    if not result.passed and not force:
        raise GateRefused(result)
    build = None if dry_run else save_index(new, index_dir)
    return Published(new, result, build, changes)
