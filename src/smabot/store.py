"""SQLite store of what caregivers tell us: feedback, redacted before it is written."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    passage_ids TEXT NOT NULL,
    helpful INTEGER NOT NULL
);
"""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers: 7+ digits with the usual separators, optionally international.
_PHONE = re.compile(r"(?<!\w)\+?\(?\d[\d\s().-]{5,}\d(?!\w)")
_DIGITS = re.compile(r"\d{6,}")


def redact(text: str) -> str:
    """Text with email addresses, phone numbers and long digit runs replaced by placeholders."""
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub(
        lambda m: "[phone]" if sum(c.isdigit() for c in m.group()) >= 7 else m.group(), text
    )
    return _DIGITS.sub("[number]", text)


class Store:
    """Feedback in one SQLite file, created on first use; one connection per call."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            connection.executescript(_SCHEMA)
            with connection:
                yield connection
        finally:
            connection.close()

    def add_feedback(self, question: str, passage_ids: Sequence[str], helpful: bool) -> None:
        """Record whether an answer helped; the question is redacted first."""
        with self._connect() as db:
            db.execute(
                "INSERT INTO feedback (created_at, question, passage_ids, helpful) "
                "VALUES (?, ?, ?, ?)",
                (_now(), redact(question), json.dumps(list(passage_ids)), int(helpful)),
            )

    def feedback(self) -> list[dict[str, object]]:
        """Every feedback record, oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT created_at, question, passage_ids, helpful FROM feedback ORDER BY id"
            ).fetchall()
        return [
            {"created_at": c, "question": q, "passage_ids": json.loads(p), "helpful": bool(h)}
            for c, q, p, h in rows
        ]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
