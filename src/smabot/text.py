"""Sentence spans, slugs and safe text: small text helpers shared across smabot."""

from __future__ import annotations

import re
import unicodedata

_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
# A sentence ends at . ! or ? (and any closing quote or bracket) before white space and a capital,
# digit or opening quote; the abbreviations below end with a full stop but not a sentence.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_ABBREVIATIONS = {"vs", "e.g", "i.e", "dr", "mr", "mrs", "ms", "no", "approx", "etc", "st", "fig"}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in text; each line of a list is a sentence of its own."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        marker = _LIST_MARKER.match(line)
        start = marker.end() if marker else len(line) - len(line.lstrip())
        for match in _BOUNDARY.finditer(line, start):
            word = line[: match.start()].rsplit(None, 1)[-1].rstrip(".").lower()
            if word in _ABBREVIATIONS:
                continue
            _add(spans, line, line_start, start, match.start())
            start = match.end()
        _add(spans, line, line_start, start, len(line))
    return spans


def _add(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def word_count(text: str) -> int:
    """Words as a reader counts them (runs of non-space characters, list markers excluded)."""
    return sum(1 for w in text.split() if w not in {"-", "*", "+", "•"})


def slugify(text: str) -> str:
    """A lower-case ASCII slug of text."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


# trafilatura's Markdown escapes characters ("\\<img", "\\*"); caregivers would see the backslash.
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def unescape_markdown(text: str) -> str:
    """Markdown text with backslash escapes removed: "\\<img" -> "<img"."""
    return MARKDOWN_ESCAPE.sub(r"\1", text)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text without control characters or bidi overrides, safe to print to a terminal."""
    return _CONTROL.sub("", text)


def utf8_safe(text: str) -> str:
    """The text as UTF-8 can hold it: a lone surrogate from a broken client becomes "?"."""
    return text.encode("utf-8", "replace").decode("utf-8")
