"""`smabot import`: a saved page or text file becomes a new corpus source to review."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura
import yaml

from smabot.checks import suspected_furniture
from smabot.corpus import KINDS
from smabot.errors import SmabotError
from smabot.text import slugify, unescape_markdown

_BULLET = re.compile(r"^\s*[•·▪◦*]\s+")
_NUMBERED = re.compile(r"^\s+(\d+[.)])\s+")


@dataclass
class Imported:
    """The new source file and what the editor must still check."""

    path: Path
    review: list[str] = field(default_factory=list)


def import_article(
    path: Path,
    corpus: Path,
    url: str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    kind: str | None = None,
) -> Imported:
    """Write corpus/sources/<slug>.md from an .html, .htm, .txt or .md file; never overwrite."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise SmabotError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    suffix = path.suffix.lower()
    date = ""
    if suffix in (".html", ".htm"):
        body = trafilatura.extract(
            raw,
            url=url,
            output_format="markdown",
            include_formatting=True,
            include_links=False,
            include_images=False,
            favor_recall=True,
        )
        if not body:
            raise SmabotError(f"{path}: no article text found in the page")
        meta = trafilatura.extract_metadata(raw, default_url=url)
        if meta is not None:
            title = title or meta.title
            publisher = publisher or meta.sitename
            url = url or meta.url
            date = meta.date or ""
        body = _demote_headings(unescape_markdown(body), title)
    elif suffix in (".txt", ".md"):
        body = _strip_front_matter(raw) if suffix == ".md" else _text_to_markdown(raw)
        title = title or _first_heading(body) or path.stem.replace("-", " ").replace("_", " ")
    else:
        raise SmabotError(f"{path}: can import .html, .htm, .txt or .md files, not {suffix!r}")
    if kind is not None and kind not in KINDS:
        raise SmabotError(f"--kind {kind!r} is not one of {', '.join(KINDS)}")

    title = (title or "").strip()
    slug = slugify(title)[:60].strip("-") or slugify(path.stem) or "imported-article"
    target = corpus / "sources" / f"{slug}.md"
    if target.exists():
        raise SmabotError(
            f"{target} already exists: smabot never overwrites a source; "
            "pass another --title or edit that file instead"
        )
    if not re.search(r"^#{1,6} ", body, re.MULTILINE):
        body = f"## {title or 'Untitled'}\n\n{body}"
    meta_fields = {
        "id": slug,
        "title": title,
        "publisher": publisher or "",
        "url": url or "",
        "last_updated": date[:10],
        "kind": kind or "",
        "reviewed": "",
        "corrections": [],
    }
    header = yaml.safe_dump(meta_fields, sort_keys=False, allow_unicode=True, width=100)
    text = f"---\n{header}---\n\n{body.strip()}\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
        handle.write(text)
    return Imported(target, _review(meta_fields, text))


def _review(meta: Mapping[str, object], text: str) -> list[str]:
    notes = [
        f"fill in '{key}' (not found in the file)"
        for key in ("title", "publisher", "url", "kind")
        if not meta[key]
    ]
    if not meta["last_updated"]:
        notes.append("'last_updated': the page's own date, if it states one (else leave empty)")
    notes.append(
        "read the text against the page; remove page furniture, list each fix under "
        "'corrections', then set 'reviewed' to today's date"
    )
    body_start = text.index("\n---\n") + 5
    offset = text.count("\n", 0, body_start)
    for line, snippet in suspected_furniture(text[body_start:]):
        notes.append(f"line {offset + line}: looks like page furniture: {snippet[:70]!r}")
    return notes


def _demote_headings(markdown: str, title: str | None) -> str:
    """Page headings become ## and below; a first heading equal to the title is dropped."""
    lines = markdown.split("\n")
    if lines and title and lines[0].lstrip("# ").strip() == title.strip():
        lines = lines[1:]
    levels = [len(m.group(1)) for m in (re.match(r"^(#{1,6}) ", line) for line in lines) if m]
    shift = 2 - min(levels) if levels and min(levels) < 2 else 0
    out = []
    for line in lines:
        match = re.match(r"^(#{1,5}) (.*)$", line)
        out.append(f"{'#' * shift}{match.group(1)} {match.group(2)}" if match else line)
    return "\n".join(out).strip()


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4 :].strip()
    return text.strip()


def _first_heading(body: str) -> str | None:
    match = re.search(r"^#{1,6} (.+)$", body, re.MULTILINE)
    return match.group(1).strip() if match else None


def _text_to_markdown(text: str) -> str:
    """Plain text to Markdown: bullets become lists, short stand-alone questions headings."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    out = []
    for block in blocks:
        lines = block.split("\n")
        if len(lines) == 1 and _looks_like_heading(lines[0]):
            out.append(f"## {lines[0].strip()}")
            continue
        lines = [_NUMBERED.sub(r"\1 ", _BULLET.sub("- ", line)) for line in lines]
        out.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(out)


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= 14 and line.strip().endswith("?")) or (
        0 < len(words) <= 8
        and not re.search(r"[.,;:!]$", line.strip())
        and line.strip()[:1].isupper()
    )
