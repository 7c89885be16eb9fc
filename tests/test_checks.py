"""`smabot check`: furniture, passage sizes, review age, glossary; errors vs warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smabot.checks import check

from .conftest import CORPUS, RECENT, WriteSource
from .test_cli import smabot


def test_the_bundled_corpus_is_clean() -> None:
    assert check(CORPUS) == []


def test_furniture_and_reference_markers_are_errors(write_source: WriteSource) -> None:
    path = write_source(body="## A\n\nSkip to content\n\nMonitor liver function weekly 1\n\nGood.")
    messages = [str(p) for p in check(path.parents[1])]
    assert any(m.startswith(f"{path}:14:") and "Skip to content" in m for m in messages)
    assert any(m.startswith(f"{path}:16:") and "weekly 1" in m for m in messages)


def test_huge_passages_are_errors(write_source: WriteSource) -> None:
    path = write_source(body="## A\n\n" + " ".join(["word"] * 400) + ".")
    assert any("passage of 400 words" in str(p) for p in check(path.parents[1]))


def test_old_reviews_warn_but_do_not_fail(write_source: WriteSource) -> None:
    path = write_source()
    old = (dt.date.today() - dt.timedelta(days=500)).isoformat()
    path.write_text(path.read_text().replace(f"reviewed: '{RECENT}'", f"reviewed: '{old}'"))
    (problem,) = check(path.parents[1], review_max_age_days=365)
    assert problem.severity == "warning" and "500 days ago" in str(problem)
    result = smabot("check", "--corpus", str(path.parents[1]))
    assert result.returncode == 0 and "0 error(s), 1 warning(s)" in result.stdout
    assert check(path.parents[1], review_max_age_days=1000) == []


def test_glossary_must_be_one_line_definitions(write_source: WriteSource) -> None:
    path = write_source()
    (path.parents[1] / "glossary.yml").write_text("ULN: Upper limit of normal.\nAAV9:\n")
    problems = check(path.parents[1])
    assert len(problems) == 1, problems
    (problem,) = problems
    assert str(problem).startswith(f"{path.parents[1] / 'glossary.yml'}:2: 'AAV9' needs")


@pytest.mark.parametrize("damage", [b"ULN: 2026-02-30\n", b"\xff\xfe: [\n"])
def test_a_glossary_with_an_impossible_date_or_not_text_is_a_problem(
    write_source: WriteSource, damage: bytes
) -> None:
    path = write_source()
    (path.parents[1] / "glossary.yml").write_bytes(damage)
    (problem,) = check(path.parents[1])
    assert str(problem).startswith(f"{path.parents[1] / 'glossary.yml'}:1: not valid YAML")


def test_check_exits_1_on_errors(corpus_copy: Path) -> None:
    source = corpus_copy / "sources" / "smauk-nusinersen-faqs.md"
    source.write_text(source.read_text().replace("url: https://", "url: ftp://"))
    result = smabot("check", "--corpus", str(corpus_copy))
    assert result.returncode == 1 and f"{source}:5: url" in result.stdout


def test_markdown_escapes_left_by_an_import_are_errors(write_source: WriteSource) -> None:
    path = write_source(body="## A\n\nSee the \\<img\\> tag and 5 \\* 3 in the label.")
    (problem,) = check(path.parents[1])
    assert str(problem).startswith(f"{path}:14:") and "Markdown escape" in problem.message
