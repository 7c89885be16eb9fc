"""Rebuild the index from the corpus and publish it, refusing what would make answers worse."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from smabot import checks, gate
from smabot.corpus import load_corpus
from smabot.errors import CorpusError, NothingPublishedError, SmabotError
from smabot.index import (
    Index,
    build_index,
    load_index,
    load_published,
    published_builds,
    save_index,
)
from smabot.settings import Settings

log = logging.getLogger("smabot")


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
        p
        for p in checks.check(corpus_dir, settings.review_max_age_days, warn_curated=False)
        if p.severity == "error"
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


def open_published(settings: Settings) -> tuple[Index, Path]:
    """The newest good published index and its build; never builds over a published one.

    `serve`, `ask`, `eval` and every worker start here. Only on a first run, when nothing was
    ever published, is the corpus published, through the same check and gate as `smabot index`.
    """
    index_dir = settings.index_dir()
    try:
        return load_published(index_dir)
    except NothingPublishedError as exc:
        if published_builds(index_dir) and not exc.other_versions_only:
            raise  # builds of this version exist but none loads: `smabot index` publishes one
    # a first run, or only builds of an earlier smabot version: publish, through check and gate
    log.warning("smabot: nothing published in %s yet: checking, building, gating", index_dir)
    published = rebuild(settings)
    assert published.build is not None
    return published.index, published.build
