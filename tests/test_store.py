"""The SQLite feedback store and its redaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from smabot.store import Store, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to jo.bloggs+sma@nhs.net please", "write to [email] please"),
        ("call +44 7700 900123 tonight", "call [phone] tonight"),
        ("or (555) 123-4567", "or [phone]"),
        ("NHS number 9434765919", "NHS number [id]"),
        ("ref 123456", "ref [number]"),
        (
            "she is 3, born 2021, 1.1 x 10^14 vg, 13/22 patients",
            "she is 3, born [date], 1.1 x 10^14 vg, 13/22 patients",
        ),
    ],
)
def test_redaction(text: str, expected: str | None) -> None:
    assert redact(text) == (expected if expected is not None else text)


def test_feedback_is_created_on_first_use_and_redacted(tmp_path: Path) -> None:
    store = Store(tmp_path / "sub" / "smabot.sqlite3")
    store.add_feedback("is it ok? me@example.com", ["a#b-1", "c#d-2"], helpful=False)
    (record,) = store.feedback()
    assert record["question"] == "is it ok? [email]"
    assert record["passage_ids"] == ["a#b-1", "c#d-2"] and record["helpful"] is False
    with sqlite3.connect(tmp_path / "sub" / "smabot.sqlite3") as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(feedback)")]
    assert "ip" not in " ".join(columns)


def test_queued_writes_from_many_threads_all_land(tmp_path: Path) -> None:
    import threading

    store = Store(tmp_path / "db.sqlite3")
    threads = [
        threading.Thread(target=lambda i=i: [store.add_unanswered(f"q{i}-{j}") for j in range(50)])
        for i in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.unanswered()) == 200  # reads wait for the queue to drain


def test_a_file_from_before_migrations_is_migrated_and_keeps_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:  # the schema smabot wrote before it had migrations
        db.executescript(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, "
            "question TEXT NOT NULL, passage_ids TEXT NOT NULL, helpful INTEGER NOT NULL);"
            "CREATE TABLE unanswered (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, "
            "question TEXT NOT NULL);"
            "INSERT INTO unanswered (created_at, question) VALUES ('2999-01-01T00:00:00', 'kept?');"
        )
    store = Store(path)
    store.add_unanswered("new one")
    assert [r["question"] for r in store.unanswered()] == ["kept?", "new one"]
    with sqlite3.connect(path) as db:
        versions = [row[0] for row in db.execute("SELECT version FROM schema_migrations")]
    assert versions == ["0001_records"]
    Store(path).unanswered()  # a second start applies nothing twice


def test_an_unreadable_store_says_why_in_one_line(tmp_path: Path) -> None:
    from smabot.store import StoreError

    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(StoreError, match="cannot read the records in"):
        Store(folder).unanswered()  # a folder where the file should be


def test_lost_records_are_retried_then_reported_for_a_while_not_for_ever(tmp_path: Path) -> None:
    import time

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    store = Store(blocker / "db.sqlite3")
    store.RETRY_DELAYS_S, store.LOSS_REPORTED_S, store.PROBE_EVERY_S = (0.05,), 0.5, 0.0
    store.add_unanswered("lost while the disk was away")
    store.flush()
    assert store.lost == 1
    assert any("could not be stored" in p for p in store.problems())
    blocker.unlink()  # the outage ends
    blocker.mkdir()
    time.sleep(0.6)
    assert store.problems() == []  # ready again: the loss was news, not a state
    store.add_unanswered("after")
    assert [r["question"] for r in store.unanswered()] == ["after"]


def _first_use(path: Path, barrier: object, results: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    results.put(Store(path).problems())  # type: ignore[attr-defined]


def test_processes_starting_together_migrate_a_new_file_once(tmp_path: Path) -> None:
    import multiprocessing

    context = multiprocessing.get_context("fork")  # what `smabot serve --workers N` amounts to
    for trial in range(3):
        path = tmp_path / f"fresh-{trial}.sqlite3"
        barrier, results = context.Barrier(6), context.Queue()
        workers = [
            context.Process(target=_first_use, args=(path, barrier, results)) for _ in range(6)
        ]
        for worker in workers:
            worker.start()
        found = [results.get(timeout=30) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        assert found == [[]] * 6  # no "UNIQUE constraint failed", no "database is locked"
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT count(*) FROM schema_migrations").fetchone() == (1,)
