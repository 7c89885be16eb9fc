"""corpus/red_flags.yml: validated with `path:line` messages, published with the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from smabot.checks import check
from smabot.corpus import load_corpus
from smabot.errors import CorpusError
from smabot.index import build_index, load_index, save_index
from smabot.redflags import parse_red_flags

from .conftest import CORPUS
from .test_cli import smabot

GOOD = """\
groups:
  not: [not, "no", cant]
treatments:
  lumbar_puncture: [spinraza, lumbar puncture]
flags:
  - id: breathing
    level: emergency
    description: Struggling to breathe.
    sources: [https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/]
    phrasings:
      - "{not} breathe"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "red_flags.yml"
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [str(p) for p in parse_red_flags(path)[1]]


def test_the_bundled_red_flags_are_valid() -> None:
    data, problems = parse_red_flags(CORPUS / "red_flags.yml")
    assert problems == [] and data is not None
    assert {f["level"] for f in data["flags"]} == {"emergency", "urgent", "sign"}
    assert all(f["sources"] for f in data["flags"])


def test_a_small_valid_file(tmp_path: Path) -> None:
    data, problems = parse_red_flags(write(tmp_path, GOOD))
    assert problems == [] and data is not None and data["groups"]["not"] == ["not", "no", "cant"]


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("level: emergency", "level: severe"), 7, "'level' must be one of"),
        (('"{not} breathe"', '"{nope} breathe"'), 11, "unknown group {nope}"),
        (('[not, "no", cant]', "[not, no, cant]"), 2, "must be a non-empty list of words"),
        (("sources: [https", "sources: [ftp"), 9, "is not an http(s) address"),
        (("    phrasings:", "    after: [gene_therapy]\n    phrasings:"), 10, "'after' must list"),
        (("description: Struggling to breathe.", "descripton: x"), 8, "unknown field"),
        (("- id: breathing", "- id: Breathing Now"), 6, "needs an 'id'"),
        (
            ("  - id: breathing", "  - id: breathing\n    measure: {name: pulse, at_least: 3}"),
            7,
            "'measure' needs a name",
        ),
        (("flags:", "flags: [\n"), 7, "not valid YAML"),
    ],
)
def test_mistakes_are_reported_at_their_line(
    tmp_path: Path, change: tuple[str, str], line: int, words: str
) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    found = messages(path)
    assert any(m.startswith(f"{path}:{line}:") and words in m for m in found), found


def test_a_flag_id_used_twice(tmp_path: Path) -> None:
    flag = GOOD.split("flags:\n", 1)[1]
    path = write(tmp_path, GOOD + flag)
    assert any(":12:" in m and "used twice" in m for m in messages(path))


def test_smabot_check_reports_red_flag_errors_and_exits_1(corpus_copy: Path) -> None:
    flags = corpus_copy / "red_flags.yml"
    flags.write_text(flags.read_text().replace("level: urgent", "level: soon", 1))
    result = smabot("check", "--corpus", str(corpus_copy))
    assert result.returncode == 1
    assert f"{flags}:" in result.stdout and "'level' must be one of" in result.stdout
    with pytest.raises(CorpusError):
        load_corpus(corpus_copy)


def test_a_corpus_without_red_flags_uses_the_bundled_ones_and_says_so(
    corpus_copy: Path,
) -> None:
    (corpus_copy / "red_flags.yml").unlink()
    assert any("bundled red flags" in str(p) for p in check(corpus_copy))
    assert load_corpus(corpus_copy).red_flags == load_corpus(CORPUS).red_flags


def test_red_flags_are_published_with_the_index(corpus_copy: Path, tmp_path: Path) -> None:
    index = build_index(load_corpus(corpus_copy))
    save_index(index, tmp_path / "index")
    flags = corpus_copy / "red_flags.yml"
    # an edit after publishing changes the corpus hash; the served build keeps what was reviewed
    flags.write_text(flags.read_text().replace("level: urgent", "level: soon", 1))
    assert load_index(tmp_path / "index").red_flags == index.red_flags
