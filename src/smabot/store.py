"""The store of what caregivers tell us: feedback and unanswered questions, redacted."""

from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from smabot.database import Connection, Database, reason
from smabot.errors import SmabotError
from smabot.metrics import STORE_ERRORS
from smabot.redact import redact

log = logging.getLogger("smabot")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Store:
    """A SQLite file (the default) or a PostgreSQL database (`postgresql://…`); old records expire.

    Writes go through a queue to one writer thread, so a request only redacts and enqueues; reads
    wait for the queue to drain first. A failed write is retried a few times, then counted as
    lost (`/readyz` says so for the next ten minutes). Expiry runs at most once an hour per process.
    """

    EXPIRE_EVERY_S = 3600.0
    PROBE_EVERY_S = 5.0
    RETRY_DELAYS_S = (0.5, 1.0, 2.0)
    LOSS_REPORTED_S = 600.0

    def __init__(
        self,
        target: str | Path,
        retention_days: int = 90,
        known: Callable[[], Collection[str]] = frozenset,
    ) -> None:
        self.db = Database(target)
        self.path = target
        self.retention_days = retention_days
        self.known = known  # words of the articles: never taken for names
        self.lost = 0  # records that could not be written
        self._lost_at = float("-inf")
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
                self._write_batch(batch)
            except Exception as exc:  # nothing may end the writer: count the batch as lost
                self._count_lost(len(batch), f"{type(exc).__name__}: {exc}")
            finally:
                for _ in batch:
                    self._queue.task_done()

    def _write_batch(self, batch: list[tuple[str, tuple[object, ...]]]) -> None:
        """Write one batch, retrying a passing outage; keep serving whatever happens."""
        for delay in (*self.RETRY_DELAYS_S, None):
            try:
                with self.db.connect() as db:
                    for sql, params in batch:
                        db.execute(self.db.sql(sql), params)
                    self._expire(db)
                return
            except self.db.errors as exc:
                STORE_ERRORS.labels("records").inc()
                if delay is None:  # given up: say so in the log and /readyz
                    self._count_lost(len(batch), reason(exc))
                    return
                time.sleep(delay)

    def _count_lost(self, count: int, why: str) -> None:
        self.lost += count
        self._lost_at = time.monotonic()
        log.error("smabot: could not store %d record(s): %s", count, why)

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
        # a loss is news, not a state: after ten quiet minutes the replica is ready again
        if time.monotonic() - self._lost_at < self.LOSS_REPORTED_S:
            found.append(f"{self.lost} record(s) could not be stored since this process started")
        return found

    def _writable(self) -> str:
        try:
            with self.db.connect() as db:
                # a write that changes nothing: a read-only file or database fails it
                db.execute("DELETE FROM unanswered WHERE id < 0")
        except self.db.errors as exc:
            return f"store not writable: {self.db}: {reason(exc)}"
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
            except StoreError as exc:
                log.error("smabot: %s", exc)
            if self._stop.wait(self.EXPIRE_EVERY_S):
                return

    def add_feedback(self, question: str, passage_ids: Sequence[str], helpful: bool) -> None:
        """Record whether an answer helped; the question is redacted first."""
        self._enqueue(
            "INSERT INTO feedback (created_at, question, passage_ids, helpful) VALUES (?, ?, ?, ?)",
            (_now(), self._clean(question), json.dumps(list(passage_ids)), int(helpful)),
        )

    def add_unanswered(self, question: str) -> None:
        """Record a question the corpus could not answer; it is redacted first."""
        self._enqueue(
            "INSERT INTO unanswered (created_at, question) VALUES (?, ?)",
            (_now(), self._clean(question)),
        )

    def _clean(self, question: str) -> str:
        # PostgreSQL refuses NUL in text, and no control character helps an editor: drop them
        # before redaction, so one odd question cannot cost a batch of other people's records
        return redact(_CONTROL.sub(" ", question), self.known())

    def expire(self) -> None:
        """Delete records older than the retention period, now."""
        self.flush()
        self._expired_at = float("-inf")
        try:
            with self.db.connect() as db:
                self._expire(db)
        except self.db.errors as exc:
            STORE_ERRORS.labels("records").inc()
            raise StoreError(f"cannot delete expired records in {self.db}: {reason(exc)}") from exc

    def _expire(self, db: Connection, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if now - self._expired_at < self.EXPIRE_EVERY_S:
            return
        self._expired_at = now
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=self.retention_days)
        for table in ("feedback", "unanswered"):
            db.execute(self.db.sql(f"DELETE FROM {table} WHERE created_at < ?"), (_iso(cutoff),))

    def unanswered(self, since: str = "") -> list[dict[str, str]]:
        """Unanswered questions recorded since an ISO date (all when empty), oldest first."""
        rows = self._read(
            "SELECT created_at, question FROM unanswered WHERE created_at >= ? ORDER BY id", since
        )
        return [{"created_at": c, "question": q} for c, q in rows]

    def feedback(self, since: str = "") -> list[dict[str, object]]:
        """Feedback recorded since an ISO date (all when empty), oldest first."""
        rows = self._read(
            "SELECT created_at, question, passage_ids, helpful FROM feedback "
            "WHERE created_at >= ? ORDER BY id",
            since,
        )
        return [
            {"created_at": c, "question": q, "passage_ids": json.loads(p), "helpful": bool(h)}
            for c, q, p, h in rows
        ]

    def _read(self, sql: str, since: str) -> list[Any]:
        """Rows of a query, after every queued write; a store that can't be read says why."""
        self.flush()
        try:
            with self.db.connect() as db:
                return db.execute(self.db.sql(sql), (since,)).fetchall()
        except self.db.errors as exc:
            raise StoreError(f"cannot read the records in {self.db}: {reason(exc)}") from exc


class StoreError(SmabotError):
    """The records cannot be read."""


def _now() -> str:
    return _iso(dt.datetime.now(dt.UTC))


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
