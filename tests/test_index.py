"""Index build, save, load, refusal of foreign artifacts, and BM25 behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Plus

from smabot.corpus import load_corpus
from smabot.errors import IndexMismatchError
from smabot.index import (
    DELTA,
    K1,
    B,
    Index,
    _write_checksums,
    build_index,
    indexed_text,
    load_index,
    load_published,
    save_index,
)

from .conftest import OWN_QUESTIONS, WriteSource


def test_save_and_load_round_trip(index: Index, tmp_path: Path) -> None:
    build = save_index(index, tmp_path / "idx")
    files = sorted(p.name for p in build.iterdir())
    assert files == [
        "checksums.json",
        "curated.json",
        "meaning.npz",
        "params.json",
        "passages.json",
        "red_flags.json",
        "sources.json",
        "synonyms.json",
        "vocabulary.json",
        "weights.npz",
    ]
    assert (tmp_path / "idx" / "CURRENT").read_text().strip() == build.name
    assert not list(tmp_path.rglob("*.pkl")) and not list(tmp_path.rglob(".*tmp"))
    loaded = load_index(tmp_path / "idx", index.params.corpus_hash)
    assert loaded.version == index.version
    assert loaded.passages == index.passages
    assert loaded.red_flags == index.red_flags
    params = json.loads((build / "params.json").read_text())
    assert params["variant"] == "BM25Plus" and params["k1"] == K1 and params["b"] == B


def test_refuses_index_of_another_corpus_or_version(index: Index, tmp_path: Path) -> None:
    build = save_index(index, tmp_path / "idx")
    with pytest.raises(IndexMismatchError, match="different corpus"):
        load_index(tmp_path / "idx", "0" * 64)
    params = json.loads((build / "params.json").read_text())
    params["format"] = 999
    (build / "params.json").write_text(json.dumps(params))
    with pytest.raises(IndexMismatchError, match="another smabot version"):
        load_index(tmp_path / "idx")
    with pytest.raises(IndexMismatchError, match="not an smabot index"):
        load_index(tmp_path / "empty")


def test_publishing_keeps_a_few_builds_and_moves_the_pointer(index: Index, tmp_path: Path) -> None:
    builds = [save_index(index, tmp_path / "idx") for _ in range(5)]
    assert (tmp_path / "idx" / "CURRENT").read_text().strip() == builds[-1].name
    assert sorted(p.name for p in (tmp_path / "idx" / "builds").iterdir()) == sorted(
        b.name for b in builds[-3:]
    )


def test_load_published_falls_back_past_a_corrupt_current(index: Index, tmp_path: Path) -> None:
    good = save_index(index, tmp_path / "idx")
    bad = save_index(index, tmp_path / "idx")
    weights = bad / "weights.npz"
    weights.write_bytes(weights.read_bytes()[:100])  # truncated arrays
    with pytest.raises(IndexMismatchError, match=r"weights\.npz changed after the build"):
        load_index(tmp_path / "idx")
    _write_checksums(bad)  # damaged before its checksums were taken: the reader still refuses
    with pytest.raises(IndexMismatchError, match="unreadable index"):
        load_index(tmp_path / "idx")
    loaded, build = load_published(tmp_path / "idx")
    assert build == good and loaded.version == index.version


def test_a_build_edited_after_it_was_made_is_never_served(index: Index, tmp_path: Path) -> None:
    good = save_index(index, tmp_path / "idx")
    edited = save_index(index, tmp_path / "idx")
    passages = json.loads((edited / "passages.json").read_text(encoding="utf-8"))
    passages[0]["text"] = "Not what the article says."  # still valid JSON: it loaded before
    (edited / "passages.json").write_text(json.dumps(passages), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match=r"passages\.json changed after the build"):
        load_index(tmp_path / "idx")
    assert load_published(tmp_path / "idx")[1] == good


def reference(index: Index) -> tuple[BM25Plus, list[list[str]]]:
    documents = [
        index.analyzer.terms(indexed_text(index.sources[p.source_id]["title"], p))
        for p in index.passages
    ]
    return BM25Plus(documents, k1=K1, b=B, delta=DELTA), documents


def test_scores_and_top_10_are_rank_bm25s_own(index: Index) -> None:
    model, _ = reference(index)
    lines = OWN_QUESTIONS.read_text().splitlines()
    questions = [json.loads(line)["question"] for line in lines]
    queries = [index.analyzer.terms(q) for q in questions if q.strip()] + [["unknownterm"], []]
    for terms in queries:
        expected = np.asarray(model.get_scores(terms))
        weights: dict[str, float] = {}
        for term in terms:  # rank-bm25 counts a repeated term twice
            weights[term] = weights.get(term, 0.0) + 1.0
        hits = index.search(weights, limit=len(index.passages))
        got = np.zeros(len(index.passages))
        got[[h.position for h in hits]] = [h.score for h in hits]
        assert np.allclose(got, expected, rtol=0, atol=1e-9), terms
        top10 = list(np.argsort(-expected, kind="stable")[:10])
        assert [h.position for h in index.search(weights, limit=10)] == top10, terms


def test_matched_terms_and_passage_terms(index: Index) -> None:
    _, documents = reference(index)
    hit = index.search({"liver": 1.0, "nosuchterm": 1.0}, limit=1)[0]
    assert hit.matched == frozenset({"liver"})
    assert index.terms_of(hit.position) == set(documents[hit.position])


def test_a_term_in_half_the_passages_still_counts(write_source: WriteSource) -> None:
    # BM25Okapi gives such a term an IDF of exactly zero; BM25+ must not.
    paths = [
        write_source(id=f"s{i}", body=f"## Part {i}\n\nThe {word} is checked every week.")
        for i, word in enumerate(["liver", "kidney", "liver", "kidney"])
    ]
    index = build_index(load_corpus(paths[0].parents[1]))
    with_liver = {p.id for i, p in enumerate(index.passages) if "liver" in index.terms_of(i)}
    assert len(with_liver) * 2 == len(index.passages)
    assert index.idf("liver") > 0
    hits = index.search({"liver": 1.0}, limit=4)
    assert {h.passage.id for h in hits[:2]} == with_liver
    assert hits[1].score > hits[2].score
