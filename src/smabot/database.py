"""Where records and shared builds live: one SQLite file, or PostgreSQL for a fleet."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import psycopg
from psycopg.conninfo import conninfo_to_dict

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CONNECT_TIMEOUT_S = 3
# A held lock, a stuck server or a silent network must not hang a health probe, the writer or a
# shutdown: every statement and every lock wait is bounded, and dead peers are noticed.
_PG_OPTIONS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "options": "-c statement_timeout=5000 -c lock_timeout=2000",
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}
# Any number, the same in every replica: one replica migrates at a time.
_MIGRATION_LOCK = 7_461_001


class Cursor(Protocol):
    """What both drivers' cursors give us."""

    def fetchall(self) -> list[Any]: ...

    def fetchone(self) -> Any: ...


class Connection(Protocol):
    """What both drivers' connections give us."""

    def execute(self, sql: Any, params: Any = ..., /) -> Cursor: ...


class Database:
    """Connections to one SQLite file or one PostgreSQL database, migrated on first use.

    Statements are written once with `?` placeholders; PostgreSQL gets `%s`. Every `connect()`
    is one transaction: committed when the block ends, rolled back on an error.
    """

    def __init__(self, target: str | Path) -> None:
        text = str(target)
        self.postgres = text.startswith(("postgresql://", "postgres://"))
        self.target = text
        self.errors: tuple[type[Exception], ...] = (
            (psycopg.Error, OSError) if self.postgres else (sqlite3.Error, OSError)
        )
        self._migrated = False
        self._migrating = threading.Lock()  # the writer, expiry and probe threads start together

    def __str__(self) -> str:
        """Where the records are, without a password."""
        if not self.postgres:
            return self.target
        try:
            parts = conninfo_to_dict(self.target)
        except psycopg.Error:
            return "postgresql://(unreadable address)"
        host, port, name = parts.get("host", ""), parts.get("port", ""), parts.get("dbname", "")
        return f"postgresql://{host}{':' if port else ''}{port}/{name}"

    def sql(self, statement: str) -> str:
        """The statement with this driver's placeholders."""
        return statement.replace("?", "%s") if self.postgres else statement

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """One transaction on a fresh connection, the schema migrated first."""
        if self.postgres:
            with psycopg.connect(self.target, **_PG_OPTIONS) as pg:
                if not self._migrated:
                    with self._migrating:
                        self._migrate_postgres(pg)
                yield pg
            return
        path = Path(self.target)
        if not self._migrated:
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=10)
        try:
            if not self._migrated:
                with self._migrating:
                    _when_unlocked(lambda: connection.execute("PRAGMA journal_mode=WAL"))
                    _when_unlocked(lambda: self._migrate_sqlite(connection))
            connection.execute("PRAGMA synchronous=NORMAL")
            with connection:
                yield connection
        finally:
            connection.close()

    def _migrate_postgres(self, pg: psycopg.Connection[Any]) -> None:
        with pg.transaction():
            pg.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            pg.execute(_VERSIONS)
            done = {row[0] for row in pg.execute("SELECT version FROM schema_migrations")}
            for version, script in pending("postgres", done):
                pg.execute(script.encode())  # no parameters: several statements are allowed
                pg.execute(_RECORD, (version, _now()))
        self._migrated = True

    def _migrate_sqlite(self, connection: sqlite3.Connection) -> None:
        # BEGIN IMMEDIATE takes the file's write lock: one process migrates, the others wait and
        # then find the versions recorded (a first `smabot serve --workers N` starts them at once)
        level = connection.isolation_level
        connection.isolation_level = None
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(_VERSIONS)
            done = {row[0] for row in connection.execute("SELECT version FROM schema_migrations")}
            for version, script in pending("sqlite", done):
                for statement in _statements(script):
                    connection.execute(statement)
                # OR IGNORE: should two processes still meet here, the scripts are idempotent
                connection.execute(
                    _RECORD.replace("INSERT", "INSERT OR IGNORE").replace("%s", "?"),
                    (version, _now()),
                )
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.isolation_level = level
        self._migrated = True


def _when_unlocked(step: Callable[[], object], seconds: float = 10.0) -> None:
    """Run a first-use step, waiting out other processes doing the same.

    Switching to WAL and upgrading a read to a write report "database is locked" at once, without
    SQLite's busy timeout, when several processes open a new file together.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration script, one at a time (inside one transaction)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""


_VERSIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
)
_RECORD = "INSERT INTO schema_migrations (version, applied_at) VALUES (%s, %s)"


def reason(exc: BaseException) -> str:
    """The first line of a driver's error (psycopg adds hints on further lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def pending(kind: str, done: set[str]) -> list[tuple[str, str]]:
    """The migration scripts of one kind not yet applied, in order, as (version, SQL)."""
    scripts = sorted((MIGRATIONS / kind).glob("*.sql"))
    return [(s.stem, s.read_text(encoding="utf-8")) for s in scripts if s.stem not in done]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
