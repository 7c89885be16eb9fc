"""The curated corpus: Markdown sources with YAML front matter, loaded and checked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from smabot.curated import read_curated
from smabot.errors import CorpusError, Problem
from smabot.redflags import FILE_NAME, parse_red_flags, red_flags_path

KINDS = (
    "charity",
    "regulator_label",
    "consumer_health",
    "clinic_marketing",
    "ai_generated",
    "other",
)
REQUIRED = ("id", "title", "publisher", "url", "last_updated", "kind", "reviewed", "corrections")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    """One article: its metadata and its verbatim Markdown body."""

    id: str
    title: str
    publisher: str
    url: str
    last_updated: str
    kind: str
    reviewed: str
    corrections: tuple[str, ...]
    body: str
    path: Path
    body_line: int  # 1-based line of the file where the body starts


@dataclass(frozen=True)
class Corpus:
    """Every source plus the editor-owned language data."""

    root: Path
    sources: tuple[Source, ...]
    synonyms: dict[str, list[list[str]]] = field(default_factory=dict)
    red_flags: dict[str, Any] = field(default_factory=dict)
    curated: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return next(s for s in self.sources if s.id == source_id)


def source_files(root: Path) -> list[Path]:
    """The Markdown sources of a corpus folder, in a stable order."""
    return sorted((root / "sources").glob("*.md"))


def load_corpus(root: Path) -> Corpus:
    """Load a corpus folder, raising CorpusError with every problem when it is not usable."""
    sources, problems = _read_sources(root)
    synonyms, syn_problems = _read_synonyms(root / "synonyms.yml")
    red_flags, flag_problems = parse_red_flags(red_flags_path(root))
    curated, curated_problems = read_curated(root)
    everything = problems + syn_problems + flag_problems + curated_problems
    errors = [p for p in everything if p.severity == "error"]
    if errors or red_flags is None:
        raise CorpusError(errors)
    return Corpus(root, tuple(sources), synonyms, red_flags, curated)


def check_corpus(root: Path) -> list[Problem]:
    """Every problem (errors and warnings) in a corpus folder."""
    _, problems = _read_sources(root)
    _, syn_problems = _read_synonyms(root / "synonyms.yml")
    _, flag_problems = parse_red_flags(red_flags_path(root))
    flag_problems += read_curated(root)[1]
    if not (root / FILE_NAME).exists():
        flag_problems.append(
            Problem(root, 0, f"no {FILE_NAME}: the bundled red flags are used", "warning")
        )
    return problems + syn_problems + flag_problems


def _read_sources(root: Path) -> tuple[list[Source], list[Problem]]:
    if not (root / "sources").is_dir():
        return [], [Problem(root, 0, "no sources/ folder in the corpus")]
    files = source_files(root)
    if not files:
        return [], [Problem(root / "sources", 0, "no .md sources in the corpus")]
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in files:
        source, found = parse_source(path)
        problems += found
        if source is None:
            continue
        if source.id in seen:
            problems.append(
                Problem(path, 2, f"id {source.id!r} is already used by {seen[source.id]}")
            )
            continue
        seen[source.id] = path
        sources.append(source)
    return sources, problems


def parse_source(path: Path) -> tuple[Source | None, list[Problem]]:
    """Parse one source file; returns the source (None when unusable) and its problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(path, 0, f"cannot read the file: {exc}")]
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(path, 1, "the file must start with '---' and YAML front matter")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Problem(path, 1, "the front matter has no closing '---'")]
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date, "2026-02-30"
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        return None, [Problem(path, line, f"front matter is not valid YAML: {exc}")]
    if not isinstance(meta, dict):
        return None, [Problem(path, 2, "front matter must be a mapping of fields")]

    def line_of(key: str) -> int:
        for i in range(1, end):
            if lines[i].startswith(f"{key}:"):
                return i + 1
        return 1

    problems = _check_meta(path, meta, line_of)
    body = "\n".join(lines[end + 1 :])
    body_line = end + 2
    if not body.strip():
        problems.append(Problem(path, body_line, "the body is empty"))
    elif not _HEADING.search(body):
        problems.append(Problem(path, body_line, "the body has no Markdown heading ('## ...')"))
    if any(p.severity == "error" for p in problems):
        return None, problems
    source = Source(
        id=meta["id"],
        title=meta["title"],
        publisher=meta["publisher"],
        url=meta["url"],
        last_updated=_date_text(meta["last_updated"]),
        kind=meta["kind"],
        reviewed=_date_text(meta["reviewed"]),
        corrections=tuple(meta["corrections"] or ()),
        body=body,
        path=path,
        body_line=body_line,
    )
    return source, problems


def _date_text(value: Any) -> str:
    return "" if value in (None, "") else str(value)


def _check_meta(path: Path, meta: dict[str, Any], line_of: Any) -> list[Problem]:
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(path, line_of(key), message))

    for key in REQUIRED:
        if key not in meta:
            bad(key, f"front matter is missing the field {key!r}")
    for key in ("id", "title", "publisher", "url", "kind"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            bad(key, f"{key!r} must be a non-empty text")
    if isinstance(meta.get("id"), str) and meta["id"] and not _SLUG.match(meta["id"]):
        bad("id", f"id {meta['id']!r} must be a slug: lower-case letters, digits and '-'")
    if isinstance(meta.get("url"), str) and meta["url"] and not _URL.match(meta["url"]):
        bad("url", f"url {meta['url']!r} is not a well-formed http(s) address")
    if isinstance(meta.get("kind"), str) and meta["kind"] and meta["kind"] not in KINDS:
        bad("kind", f"kind {meta['kind']!r} is not one of {', '.join(KINDS)}")
    for key, may_be_empty in (("last_updated", True), ("reviewed", False)):
        if key in meta:
            message = _date_problem(meta[key], may_be_empty)
            if message:
                bad(key, f"{key!r} {message}")
    corrections = meta.get("corrections")
    if (
        "corrections" in meta
        and corrections is not None
        and not (isinstance(corrections, list) and all(isinstance(c, str) for c in corrections))
    ):
        bad("corrections", "'corrections' must be a list of texts (one per capture fix)")
    return problems


def _date_problem(value: Any, may_be_empty: bool) -> str | None:
    if value in (None, ""):
        return None if may_be_empty else "must be a date (YYYY-MM-DD)"
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value))
        except ValueError:
            return f"is not a date in the form YYYY-MM-DD: {value!r}"
    if value > dt.date.today():
        return f"is in the future: {value.isoformat()}"
    return None


def _read_synonyms(path: Path) -> tuple[dict[str, list[list[str]]], list[Problem]]:
    if not path.exists():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, ValueError) as exc:  # and bytes that are not UTF-8, a bad date
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return {}, [Problem(path, line, f"not valid YAML: {exc}")]
    if not isinstance(data, dict):
        return {}, [Problem(path, 1, "must be a mapping of group names to lists of synonym lists")]
    groups: dict[str, list[list[str]]] = {}
    problems: list[Problem] = []
    for name, entries in data.items():
        ok = isinstance(entries, list) and all(
            isinstance(e, list) and len(e) >= 2 and all(isinstance(w, str) and w.strip() for w in e)
            for e in entries
        )
        if not ok:
            problems.append(
                Problem(
                    path, 1, f"{name!r} must be a list of lists of two or more words or phrases"
                )
            )
            continue
        groups[str(name)] = entries
    return groups, problems
