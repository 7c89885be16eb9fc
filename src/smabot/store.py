"""SQLite store of what caregivers tell us: feedback and unanswered questions, redacted."""

from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from smabot.redact import redact

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


class Store:
    """One SQLite file, created on first use; old records expire.

    Writes go through a queue to one writer thread, so a request only redacts and enqueues; reads
    wait for the queue to drain first. WAL mode lets several worker processes write without
    blocking readers, and expiry runs at most once an hour per process.
    """

    EXPIRE_EVERY_S = 3600.0
    PROBE_EVERY_S = 5.0

    def __init__(
        self,
        path: Path,
        retention_days: int = 90,
        known: Callable[[], Collection[str]] = frozenset,
    ) -> None:
        self.path = path
        self.retention_days = retention_days
        self.known = known  # words of the articles: never taken for names
        self.lost = 0  # records that could not be written
        self._probe: tuple[float, str] = (float("-inf"), "")
        self._stop = threading.Event()
        self._expiry: threading.Thread | None = None
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
            except (sqlite3.Error, OSError) as exc:  # keep serving; say so in the log and /readyz
                self.lost += len(batch)
                log.error("smabot: could not store %d record(s): %s", len(batch), exc)
            finally:
                for _ in batch:
                    self._queue.task_done()

    def flush(self) -> None:
        """Wait until every queued record is written."""
        self._queue.join()

    def problems(self) -> list[str]:
        """Why records cannot be stored (empty when they can); probed at most every 5 s."""
        checked, problem = self._probe
        if time.monotonic() - checked >= self.PROBE_EVERY_S:
            problem = self._writable()
            self._probe = (time.monotonic(), problem)
        found = [problem] if problem else []
        if self.lost:
            found.append(f"{self.lost} record(s) could not be stored")
        return found

    def _writable(self) -> str:
        try:
            with self._connect() as db:
                db.execute("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")
                db.execute("DELETE FROM probe")
        except (sqlite3.Error, OSError) as exc:
            return f"store not writable: {self.path}: {exc}"
        return ""

    def start_expiry(self) -> None:
        """Delete expired records now, then every hour, whether or not anything is written."""
        if self._expiry is None:
            self._stop.clear()
            self._expiry = threading.Thread(target=self._expire_hourly, daemon=True)
            self._expiry.start()

    def stop_expiry(self) -> None:
        """Stop the hourly expiry."""
        self._stop.set()
        if self._expiry is not None:
            self._expiry.join(timeout=5)
            self._expiry = None

    def _expire_hourly(self) -> None:
        while True:
            try:
                self.expire()
            except (sqlite3.Error, OSError) as exc:
                log.error("smabot: could not delete expired records: %s", exc)
            if self._stop.wait(self.EXPIRE_EVERY_S):
                return

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
            (_now(), redact(question, self.known()), json.dumps(list(passage_ids)), int(helpful)),
        )

    def add_unanswered(self, question: str) -> None:
        """Record a question the corpus could not answer; it is redacted first."""
        self._enqueue(
            "INSERT INTO unanswered (created_at, question) VALUES (?, ?)",
            (_now(), redact(question, self.known())),
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
