"""SQLite store of what caregivers tell us: feedback and unanswered questions, redacted."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import time
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
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
CREATE TABLE IF NOT EXISTS unanswered (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS unanswered_created ON unanswered (created_at);
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
    """One SQLite file, created on first use; one connection per call; old records expire.

    WAL mode lets several worker processes write without blocking readers, and expiry runs at
    most once an hour per process rather than on every write.
    """

    EXPIRE_EVERY_S = 3600.0

    def __init__(self, path: Path, retention_days: int = 90) -> None:
        self.path = path
        self.retention_days = retention_days
        self._ready = False
        self._expired_at = float("-inf")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            if not self._ready:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.executescript(_SCHEMA)
                self._ready = True
            connection.execute("PRAGMA synchronous=NORMAL")
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
            self._expire(db)

    def add_unanswered(self, question: str) -> None:
        """Record a question the corpus could not answer; it is redacted first."""
        with self._connect() as db:
            db.execute(
                "INSERT INTO unanswered (created_at, question) VALUES (?, ?)",
                (_now(), redact(question)),
            )
            self._expire(db)

    def expire(self) -> None:
        """Delete records older than the retention period, now."""
        self._expired_at = float("-inf")
        with self._connect() as db:
            self._expire(db)

    def _expire(self, db: sqlite3.Connection, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if now - self._expired_at < self.EXPIRE_EVERY_S:
            return
        self._expired_at = now
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=self.retention_days)
        for table in ("feedback", "unanswered"):
            db.execute(f"DELETE FROM {table} WHERE created_at < ?", (_iso(cutoff),))

    def unanswered(self, since: str = "") -> list[dict[str, str]]:
        """Unanswered questions recorded since an ISO date (all when empty), oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT created_at, question FROM unanswered WHERE created_at >= ? ORDER BY id",
                (since,),
            ).fetchall()
        return [{"created_at": c, "question": q} for c, q in rows]

    def feedback(self, since: str = "") -> list[dict[str, object]]:
        """Feedback recorded since an ISO date (all when empty), oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT created_at, question, passage_ids, helpful FROM feedback "
                "WHERE created_at >= ? ORDER BY id",
                (since,),
            ).fetchall()
        return [
            {"created_at": c, "question": q, "passage_ids": json.loads(p), "helpful": bool(h)}
            for c, q, p, h in rows
        ]


def _now() -> str:
    return _iso(dt.datetime.now(dt.UTC))


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
