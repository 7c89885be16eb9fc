"""Rebuild the index from the corpus and publish it, refusing what would make answers worse."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from smabot import checks, gate
from smabot.corpus import load_corpus
from smabot.errors import CorpusError, NothingPublishedError, SmabotError
from smabot.index import (
    Index,
    build_index,
    current_build,
    load_index,
    load_published,
    point_current,
    published_builds,
    save_index,
)
from smabot.settings import Settings
from smabot.shared_builds import SharedBuildsError, shared_builds

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
    if dry_run:
        return Published(new, result, None, changes)
    shared = shared_builds(settings.db)
    if shared is None:
        return Published(new, result, save_index(new, index_dir), changes)
    # With a fleet, the build is stored in PostgreSQL before this machine serves it: no replica
    # serves a build the others cannot have, and no watcher sees it come and go.
    build = save_index(new, index_dir, point=False)
    try:
        shared.publish(build)
    except SharedBuildsError:
        if current_build(index_dir) is not None:
            shutil.rmtree(build, ignore_errors=True)
            raise
        point_current(index_dir, build.name)  # a first start: serve it here alone
        raise
    point_current(index_dir, build.name)
    return Published(new, result, build, changes)


def open_published(settings: Settings) -> tuple[Index, Path]:
    """The newest good published index and its build; never builds over a published one.

    `serve`, `ask`, `eval` and every worker start here. Only on a first run, when nothing was
    ever published, is the corpus published, through the same check and gate as `smabot index`.
    """
    index_dir = settings.index_dir()
    shared = shared_builds(settings.db)
    if shared is not None:
        try:  # the fleet's build first; without PostgreSQL, the last one cached here
            shared.sync(index_dir)
        except SmabotError as exc:
            log.error("smabot: serving the build cached in %s: %s", index_dir, exc)
    try:
        return load_published(index_dir)
    except NothingPublishedError as exc:
        if published_builds(index_dir) and not exc.other_versions_only:
            raise  # builds of this version exist but none loads: `smabot index` publishes one
    # a first run, or only builds of an earlier smabot version: publish, through check and gate
    log.warning("smabot: nothing published in %s yet: checking, building, gating", index_dir)
    try:
        published = rebuild(settings)
    except SharedBuildsError as exc:  # PostgreSQL down on a first run: serve this build alone
        log.error("smabot: %s", exc)
        return load_published(index_dir)
    assert published.build is not None
    return published.index, published.build
