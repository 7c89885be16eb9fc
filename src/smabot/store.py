"""SQLite store of what caregivers tell us: feedback and unanswered questions, redacted."""

from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import re
import sqlite3
import threading
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
log = logging.getLogger("smabot")
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
    """One SQLite file, created on first use; old records expire.

    Writes go through a queue to one writer thread, so a request only redacts and enqueues; reads
    wait for the queue to drain first. WAL mode lets several worker processes write without
    blocking readers, and expiry runs at most once an hour per process.
    """

    EXPIRE_EVERY_S = 3600.0

    def __init__(self, path: Path, retention_days: int = 90) -> None:
        self.path = path
        self.retention_days = retention_days
        self._ready = False
        self._expired_at = float("-inf")
        self._queue: queue.Queue[tuple[str, tuple[object, ...]]] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._lock = threading.Lock()

    def _enqueue(self, sql: str, params: tuple[object, ...]) -> None:
        with self._lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(
                    target=self._write, name="smabot-store", daemon=True
                )
                self._writer.start()
        self._queue.put((sql, params))

    def _write(self) -> None:
        while True:
            batch = [self._queue.get()]
            while not self._queue.empty() and len(batch) < 500:
                batch.append(self._queue.get_nowait())
            try:
                with self._connect() as db:
                    for sql, params in batch:
                        db.execute(sql, params)
                    self._expire(db)
            except sqlite3.Error as exc:  # keep serving; say so in the log
                log.error("smabot: could not store %d record(s): %s", len(batch), exc)
            finally:
                for _ in batch:
                    self._queue.task_done()

    def flush(self) -> None:
        """Wait until every queued record is written."""
        self._queue.join()

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
        self._enqueue(
            "INSERT INTO feedback (created_at, question, passage_ids, helpful) VALUES (?, ?, ?, ?)",
            (_now(), redact(question), json.dumps(list(passage_ids)), int(helpful)),
        )

    def add_unanswered(self, question: str) -> None:
        """Record a question the corpus could not answer; it is redacted first."""
        self._enqueue(
            "INSERT INTO unanswered (created_at, question) VALUES (?, ?)",
            (_now(), redact(question)),
        )

    def expire(self) -> None:
        """Delete records older than the retention period, now."""
        self.flush()
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
        self.flush()
        with self._connect() as db:
            rows = db.execute(
                "SELECT created_at, question FROM unanswered WHERE created_at >= ? ORDER BY id",
                (since,),
            ).fetchall()
        return [{"created_at": c, "question": q} for c, q in rows]

    def feedback(self, since: str = "") -> list[dict[str, object]]:
        """Feedback recorded since an ISO date (all when empty), oldest first."""
        self.flush()
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
