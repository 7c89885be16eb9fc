"""Publishing: the check and the quality gate refuse bad corpora; the old index keeps serving."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from smabot.errors import CorpusError
from smabot.index import Index, current_build, load_index, load_published, save_index
from smabot.live import LiveAnswerer
from smabot.publish import GateRefused, rebuild
from smabot.settings import Settings


def settings_for(corpus: Path, tmp_path: Path) -> Settings:
    return Settings(corpus=corpus, index=tmp_path / "idx", db=tmp_path / "db.sqlite3")


def test_a_broken_source_is_refused_and_the_old_index_stays(
    corpus_copy: Path, tmp_path: Path
) -> None:
    settings = settings_for(corpus_copy, tmp_path)
    first = rebuild(settings)
    assert first.gate.passed and first.gate.figures["count"] >= 20
    source = corpus_copy / "sources" / "smauk-nusinersen-faqs.md"
    source.write_text(source.read_text().replace("kind: charity", "kind: blogpost"))
    with pytest.raises(CorpusError) as refused:
        rebuild(settings)
    assert "kind 'blogpost'" in str(refused.value)
    assert current_build(tmp_path / "idx") == first.build
    assert load_index(tmp_path / "idx").version == first.index.version


def test_a_corpus_that_answers_worse_is_refused_unless_forced(
    corpus_copy: Path, tmp_path: Path
) -> None:
    settings = settings_for(corpus_copy, tmp_path)
    first = rebuild(settings)
    (corpus_copy / "sources" / "smauk-nusinersen-faqs.md").unlink()
    (corpus_copy / "sources" / "healthline-zolgensma-dosage.md").unlink()
    with pytest.raises(GateRefused) as refused:
        rebuild(settings)
    result = refused.value.result
    assert any("under the floor" in reason for reason in result.reasons)
    assert any("r02" in line and "rank 1 -> missed" in line for line in result.worse)
    assert current_build(tmp_path / "idx") == first.build
    forced = rebuild(settings, force=True)
    assert current_build(tmp_path / "idx") == forced.build != first.build


def test_diff_lists_changed_answers(corpus_copy: Path, tmp_path: Path) -> None:
    settings = settings_for(corpus_copy, tmp_path)
    rebuild(settings)
    source = corpus_copy / "sources" / "healthline-sma-infusion-therapy.md"
    source.write_text(
        source.read_text().replace("## How much does SMA infusion therapy cost?\n", "## Costs\n")
    )
    published = rebuild(settings, diff=True)
    # the section's passage has a new id (and its editors' questions, listed under the old
    # heading, no longer reach it): the gate's cost question now gets another answer
    (change,) = [c for c in published.changes if c.startswith("r12 ")]
    before, after = change.split("after:")
    assert "#how-much-does-sma-infusion-therapy-cost-1" in before
    assert "#how-much-does-sma-infusion-therapy-cost-1" not in after


def test_the_watch_keeps_going_when_current_is_unreadable(index: Index, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    build = save_index(index, folder)
    live = LiveAnswerer(index, folder, "", build, poll_seconds=0.05)
    (folder / "CURRENT").unlink()
    (folder / "CURRENT").mkdir()  # reading it fails
    live.start()
    try:
        time.sleep(0.3)
        assert live._thread is not None and live._thread.is_alive()
        assert live.problems() == ["nothing is published in the index folder"]
        (folder / "CURRENT").rmdir()
        newer = save_index(index, folder)
        deadline = time.monotonic() + 5
        while live.served_build != newer.name:
            assert time.monotonic() < deadline, "the watch stopped"
            time.sleep(0.05)
        assert live.problems() == []
    finally:
        live.stop()


def test_a_current_pointer_that_is_not_text_falls_back_to_a_published_build(
    index: Index, tmp_path: Path
) -> None:
    folder = tmp_path / "idx"
    build = save_index(index, folder)
    (folder / "CURRENT").write_bytes(b"\xff\xfe")  # was a UnicodeDecodeError, a traceback
    assert load_published(folder)[1] == build


def test_after_an_upgrade_builds_of_the_old_version_are_replaced_through_the_gate(
    corpus_copy: Path, tmp_path: Path, index: Index
) -> None:
    from smabot.errors import NothingPublishedError
    from smabot.publish import open_published

    settings = settings_for(corpus_copy, tmp_path)
    old = save_index(index, tmp_path / "idx")
    params = old / "params.json"
    data = json.loads(params.read_text())
    data["format"] = 1  # as an earlier smabot wrote it
    params.write_text(json.dumps(data))
    _, build = open_published(settings)
    assert build != old and current_build(tmp_path / "idx") == build
    # a corrupt build of this version is not replaced silently: `smabot index` is the way
    weights = build / "weights.npz"
    weights.write_bytes(weights.read_bytes()[:100])
    (old / "params.json").unlink()
    with pytest.raises(NothingPublishedError):
        open_published(settings)
