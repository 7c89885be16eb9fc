"""Loading the corpus and the problems check_corpus reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smabot.corpus import KINDS, check_corpus, load_corpus
from smabot.errors import CorpusError

from .conftest import CORPUS, RECENT, WriteSource


def test_bundled_corpus_loads_with_every_field() -> None:
    corpus = load_corpus(CORPUS)
    assert len(corpus.sources) == 5
    for source in corpus.sources:
        assert source.kind in KINDS
        assert source.url.startswith("https://")
        assert source.reviewed
        assert source.body.lstrip().startswith("## ")
    assert {"drugs", "terms"} <= set(corpus.synonyms)
    assert not [p for p in check_corpus(CORPUS) if p.severity == "error"]


def test_capture_damage_is_repaired_and_recorded() -> None:
    corpus = load_corpus(CORPUS)
    dosage = corpus.source("healthline-zolgensma-dosage")
    assert "2 × 10^13" in dosage.body and "2 x 1013" not in dosage.body
    assert any("10^14" in c for c in dosage.corrections)
    oracle = corpus.source("droracle-zolgensma-updates")
    assert "Monitor at least weekly for first month\n" in oracle.body
    assert oracle.last_updated == "2025-12-10"
    for source in corpus.sources:
        assert source.corrections, source.id
        for furniture in (
            "Skip to content",
            "Share on Pinterest",
            "Free Consultation",
            "Have a follow-up question?",
            "Personalize",
        ):
            assert furniture not in source.body


def _messages(root: Path) -> list[str]:
    return [str(p) for p in check_corpus(root)]


@pytest.mark.parametrize(
    ("line", "replacement", "expected"),
    [
        ("kind: charity", "kind: blog", "kind 'blog' is not one of"),
        ("url: https://example.org/test-source", "url: example dot org", "not a well-formed"),
        (f"reviewed: '{RECENT}'", "reviewed: '2025-13-01'", "not a date in the form"),
        (
            f"reviewed: '{RECENT}'",
            f"reviewed: '{dt.date.today().year + 1}-01-01'",
            "is in the future",
        ),
        ("publisher: Test Charity\n", "", "missing the field 'publisher'"),
        ("id: test-source", "id: Not A Slug", "must be a slug"),
        ("corrections: []", "corrections: fixed it", "must be a list of texts"),
    ],
)
def test_front_matter_problems_name_file_and_line(
    write_source: WriteSource, line: str, replacement: str, expected: str
) -> None:
    path = write_source()
    path.write_text(path.read_text().replace(line, replacement))
    messages = _messages(path.parents[1])
    assert any(m.startswith(f"{path}:") and expected in m for m in messages), messages
    with pytest.raises(CorpusError):
        load_corpus(path.parents[1])


def test_line_numbers_point_at_the_field(write_source: WriteSource) -> None:
    path = write_source()
    path.write_text(path.read_text().replace("kind: charity", "kind: blog"))
    (problem,) = check_corpus(path.parents[1])
    assert problem.line == 7  # the 'kind:' line of the template


def test_duplicate_ids_empty_bodies_and_missing_front_matter(write_source: WriteSource) -> None:
    write_source(id="one")
    dup = write_source(id="two")
    dup.write_text(dup.read_text().replace("id: two", "id: one"))
    empty = write_source(id="three", body="")
    bare = write_source(id="four", text="Just text, no front matter.\n")
    headless = write_source(id="five", body="No heading at all.")
    messages = "\n".join(_messages(bare.parents[1]))
    assert f"{dup}:2: id 'one' is already used" in messages
    assert f"{empty}:" in messages and "the body is empty" in messages
    assert f"{bare}:1: the file must start with '---'" in messages
    assert f"{headless}:" in messages and "no Markdown heading" in messages


def test_bad_yaml_and_missing_sources(tmp_path: Path, write_source: WriteSource) -> None:
    assert "no sources/ folder" in _messages(tmp_path / "nowhere")[0]
    path = write_source(text="---\nid: [unclosed\n---\n\n## A\n\nText.\n")
    assert "front matter is not valid YAML" in _messages(path.parents[1])[0]


@pytest.mark.parametrize(
    "name", ["front matter", "synonyms.yml", "section_questions.yml", "red_flags.yml"]
)
@pytest.mark.parametrize("damage", [b"reviewed: 2026-02-30\n", b"\xff\xfe: [\n"])
def test_an_impossible_date_or_bytes_that_are_not_text_are_a_problem_not_a_crash(
    write_source: WriteSource, name: str, damage: bytes
) -> None:
    path = write_source()
    target = path if name == "front matter" else path.parents[1] / name
    if name == "front matter":  # the date in the article's own header
        target.write_bytes(target.read_bytes().replace(b"---\n", b"---\n" + damage, 1))
    else:
        target.write_bytes(damage)
    messages = _messages(path.parents[1])  # PyYAML raised ValueError here: a traceback
    assert any(m.startswith(f"{target}:") for m in messages), messages


def test_malformed_synonyms_are_reported(write_source: WriteSource) -> None:
    path = write_source()
    (path.parents[1] / "synonyms.yml").write_text("terms:\n  - [lonely]\n")
    assert any("synonyms.yml" in m and "two or more" in m for m in _messages(path.parents[1]))
