"""`smabot import` from HTML (trafilatura), text and Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from smabot.corpus import parse_source
from smabot.errors import SmabotError
from smabot.importer import import_article

from .conftest import ROOT

EXAMPLE = ROOT / "web" / "examples" / "travelling-to-treatment.html"


def test_html_gets_metadata_headings_lists_and_review_notes(tmp_path: Path) -> None:
    result = import_article(EXAMPLE, tmp_path, url="https://example.org/t", kind="charity")
    text = result.path.read_text()
    assert result.path.name == "travelling-to-treatment-days.md"
    assert "publisher: Example SMA Charity" in text and "last_updated: '2025-03-04'" in text
    assert "## Where can families park?" in text and "- spare clothes" in text
    assert "Skip to content" not in text and "newsletter" not in text
    assert any("Share on Facebook" in note for note in result.review)
    assert any("'reviewed'" in note for note in result.review)
    _, problems = parse_source(result.path)
    assert [p.message for p in problems] == ["'reviewed' must be a date (YYYY-MM-DD)"]


def test_text_captures_become_markdown(tmp_path: Path) -> None:
    capture = tmp_path / "capture.txt"
    capture.write_text(
        "How is it given?\n\nIt is given as an infusion.\n\nBring:\n\n  • a toy\n  • a snack\n"
    )
    result = import_article(capture, tmp_path / "corpus", title="Infusion day")
    body = result.path.read_text().split("---\n\n", 1)[1]
    assert (
        body
        == "## How is it given?\n\nIt is given as an infusion.\n\nBring:\n\n- a toy\n- a snack\n"
    )
    assert any("fill in 'publisher'" in note for note in result.review)


def test_markdown_keeps_its_headings_and_nothing_is_overwritten(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Our guide\n\n## Part one\n\nSome text here.\n")
    first = import_article(page, tmp_path / "corpus")
    assert first.path.name == "our-guide.md"
    before = first.path.read_text()
    with pytest.raises(SmabotError, match="never overwrites"):
        import_article(page, tmp_path / "corpus")
    assert first.path.read_text() == before


def test_unsupported_files_and_kinds_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(SmabotError, match="can import"):
        import_article(tmp_path / "a.pdf", tmp_path)
    with pytest.raises(SmabotError, match="not one of"):
        import_article(EXAMPLE, tmp_path, kind="blog")
    with pytest.raises(SmabotError, match="cannot read"):
        import_article(tmp_path / "missing.html", tmp_path)


def test_markdown_escapes_from_trafilatura_never_reach_caregivers(tmp_path: Path) -> None:
    page = tmp_path / "escapes.html"
    page.write_text(
        "<html><head><title>Dosing notes</title></head><body><article><h1>Dosing notes</h1>"
        "<p>The label says 5 * 3 doses and uses the &lt;img&gt; tag in its table of "
        "<em>side_effects</em> [see below] for each child who needs them.</p>"
        "<p>Another paragraph, long enough for trafilatura to keep it as article text.</p>"
        "</article></body></html>"
    )
    result = import_article(page, tmp_path / "corpus", url="https://example.org/d")
    body = result.path.read_text().split("---", 2)[2]
    assert "<img>" in body and "5 * 3" in body
    assert "\\" not in body
