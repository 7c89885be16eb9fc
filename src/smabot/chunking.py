"""Split a source into section-aware passages whose offsets map back to the body exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smabot.corpus import Source
from smabot.text import sentence_spans, slugify, word_count

MIN_WORDS = 30
MAX_WORDS = 150
_HEADING = re.compile(r"^(#{1,6}) +(.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


@dataclass(frozen=True)
class Passage:
    """A run of one section's text: body[start:end] of its source."""

    id: str
    source_id: str
    section: tuple[str, ...]
    text: str
    start: int
    end: int


@dataclass
class _Block:
    kind: str  # "heading", "para" or "list"
    start: int
    end: int
    level: int = 0
    title: str = ""


def split(source: Source) -> list[Passage]:
    """The passages of a source, in reading order."""
    body = source.body
    passages: list[Passage] = []
    used: dict[str, int] = {}
    for section, units in _sections(_blocks(body)):
        for start, end in _pack(body, units):
            stem = f"{source.id}#{slugify(section[-1]) if section else 'intro'}"
            used[stem] = used.get(stem, 0) + 1
            passages.append(
                Passage(
                    id=f"{stem}-{used[stem]}",
                    source_id=source.id,
                    section=section,
                    text=body[start:end],
                    start=start,
                    end=end,
                )
            )
    return passages


def _blocks(body: str) -> list[_Block]:
    blocks: list[_Block] = []
    pos = 0
    for line in body.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        heading = _HEADING.match(line)
        if heading:
            blocks.append(_Block("heading", start, end, len(heading.group(1)), heading.group(2)))
            continue
        kind = "list" if _LIST_ITEM.match(line) else "para"
        last = blocks[-1] if blocks else None
        # consecutive lines of one kind (no blank line between) form one block
        if last and last.kind == kind and body[last.end : start] == "\n":
            last.end = end
        else:
            blocks.append(_Block(kind, start, end))
    return blocks


def _sections(blocks: list[_Block]) -> list[tuple[tuple[str, ...], list[tuple[int, int]]]]:
    """Group blocks by heading path into units; a list stays with the paragraph before it."""
    sections: list[tuple[tuple[str, ...], list[tuple[int, int]]]] = []
    path: list[tuple[int, str]] = []
    units: list[tuple[int, int]] = []
    previous: _Block | None = None

    def close() -> None:
        if units:
            sections.append((tuple(title for _, title in path), list(units)))
            units.clear()

    for block in blocks:
        if block.kind == "heading":
            close()
            path = [(lvl, t) for lvl, t in path if lvl < block.level] + [(block.level, block.title)]
        elif block.kind == "list" and units and previous is not None and previous.kind == "para":
            units[-1] = (units[-1][0], block.end)
        else:
            units.append((block.start, block.end))
        previous = block
    close()
    return sections


def _pack(body: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join units into passages of about MIN..MAX words, splitting long ones at sentences."""
    pieces: list[tuple[int, int]] = []
    for start, end in units:
        if word_count(body[start:end]) <= MAX_WORDS:
            pieces.append((start, end))
        else:
            pieces += [(start + s, start + e) for s, e in sentence_spans(body[start:end])]
    spans: list[tuple[int, int]] = []
    for start, end in pieces:
        if spans:
            joined = word_count(body[spans[-1][0] : end])
            current = word_count(body[spans[-1][0] : spans[-1][1]])
            if joined <= MAX_WORDS or (current < MIN_WORDS and joined <= MAX_WORDS + MIN_WORDS):
                spans[-1] = (spans[-1][0], end)
                continue
        spans.append((start, end))
    # a short tail joins the passage before it when that stays near the limit
    if (
        len(spans) > 1
        and word_count(body[spans[-1][0] : spans[-1][1]]) < MIN_WORDS
        and word_count(body[spans[-2][0] : spans[-1][1]]) <= MAX_WORDS + MIN_WORDS
    ):
        spans[-2:] = [(spans[-2][0], spans[-1][1])]
    return spans
