"""Nothing unchecked reaches a caregiver, whatever fails: real servers, real kills, real files."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import sqlite3
import time
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from smabot.api import create_app
from smabot.index import CURRENT, current_build
from smabot.settings import Settings

from .conftest import CORPUS
from .test_cli import server_process, smabot

QUESTIONS = [
    "How is Zolgensma given?",
    "What are the side effects of Spinraza?",
    "How often is nusinersen given?",
    "Why does my baby need steroids with the gene therapy?",
]


def workers(serve_pid: int) -> set[int]:
    """The uvicorn worker processes of a `smabot serve --workers N`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == serve_pid and b"spawn_main" in cmdline:
            found.add(int(entry.name))
    return found


def kill_a_worker(serve_pid: int) -> None:
    """kill -9 one worker and wait until the supervisor has started a new one."""
    before = workers(serve_pid)
    assert len(before) == 2, before
    victim = min(before)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while True:
        now = workers(serve_pid)
        if len(now) == 2 and victim not in now:
            return
        assert time.monotonic() < deadline, f"no worker replaced {victim}: {now}"
        time.sleep(0.2)


def answers(base: str, count: int) -> list[dict[str, object]]:
    """`count` answers from the server, whichever worker takes each."""
    found = []
    for i in range(count):
        response = httpx2.post(
            f"{base}/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]}, timeout=10
        )
        assert response.status_code == 200, response.text
        found.append(response.json())
    return found


def until(check: object, seconds: float, what: str) -> None:
    """Poll `check()` until it is true, failing after a deadline."""
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@pytest.fixture
def fleet_env(tmp_path: Path) -> dict[str, str]:
    return {"SMABOT_DB": str(tmp_path / "db.sqlite3"), "SMABOT_RATE_LIMIT_PER_MINUTE": "0"}


def test_a_refused_corpus_never_reaches_caregivers(
    corpus_copy: Path, tmp_path: Path, fleet_env: dict[str, str]
) -> None:
    args = ("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    with server_process(*args, "--workers", "2", env=fleet_env) as (base, process):
        good = httpx2.get(f"{base}/healthz", timeout=5).json()["index_version"]
        published = current_build(tmp_path / "idx")
        for name in ("smauk-nusinersen-faqs.md", "healthline-zolgensma-dosage.md"):
            (corpus_copy / "sources" / name).unlink()
        refused = smabot("index", *args)
        assert refused.returncode == 1, refused.stdout + refused.stderr
        asked = smabot("ask", "How is Zolgensma given?", "--json", *args)
        assert asked.returncode == 0 and json.loads(asked.stdout)["index_version"] == good
        kill_a_worker(process.pid)
        versions = {a["index_version"] for a in answers(base, 20)}
        assert versions == {good}
        assert current_build(tmp_path / "idx") == published  # nothing built over it
        ready = httpx2.get(f"{base}/readyz", timeout=5)
        assert ready.status_code == 200, ready.text


def test_a_truncated_build_keeps_answers_going_and_the_next_publish_lands(
    corpus_copy: Path, tmp_path: Path, fleet_env: dict[str, str]
) -> None:
    index = tmp_path / "idx"
    args = ("--corpus", str(corpus_copy), "--index", str(index))
    with server_process(*args, "--workers", "2", env=fleet_env) as (base, process):
        good = httpx2.get(f"{base}/healthz", timeout=5).json()["index_version"]
        # a newer build whose arrays were cut short becomes CURRENT
        build = current_build(index)
        assert build is not None
        bad = build.parent / f"{build.name[:8]}T999999999999-broken"
        shutil.copytree(build, bad)
        weights = bad / "weights.npz"
        weights.write_bytes(weights.read_bytes()[:200])
        (index / "next").write_text(bad.name + "\n")
        os.replace(index / "next", index / CURRENT)

        def degraded() -> bool:
            statuses = [httpx2.get(f"{base}/healthz", timeout=5).json() for _ in range(8)]
            return all(s["status"] != "ok" and s["problems"] for s in statuses)

        until(degraded, 10, "health still says ok with a truncated build as CURRENT")

        def unloadable() -> bool:
            ready = httpx2.get(f"{base}/readyz", timeout=5)
            return ready.status_code == 503 and "index not loadable" in ready.text

        until(unloadable, 5, "readiness does not say the published build is not loadable")
        assert {a["index_version"] for a in answers(base, 8)} == {good}
        # a worker that starts now falls back to the newest good build
        kill_a_worker(process.pid)
        assert {a["index_version"] for a in answers(base, 10)} == {good}
        # the recovery path works while CURRENT is bad, with one-line errors
        asked = smabot("ask", "How is Zolgensma given?", "--json", *args)
        assert asked.returncode == 0 and json.loads(asked.stdout)["index_version"] == good
        source = corpus_copy / "sources" / "smauk-nusinersen-faqs.md"
        source.write_text(source.read_text() + "\n## Parking\n\nCar park C is free for families.\n")
        started = time.monotonic()
        assert smabot("index", *args).returncode == 0
        new = json.loads(smabot("ask", "where can we park?", "--json", *args).stdout)
        assert new["index_version"] != good

        def everyone_switched() -> bool:
            seen = [httpx2.get(f"{base}/healthz", timeout=5).json() for _ in range(20)]
            return all(s["index_version"] == new["index_version"] for s in seen)

        until(everyone_switched, 8, "the new build did not reach caregivers within 8 s")
        assert time.monotonic() - started < 30
        assert httpx2.get(f"{base}/readyz", timeout=5).status_code == 200


def test_a_half_edited_source_is_refused_and_the_old_index_answers(
    corpus_copy: Path, tmp_path: Path
) -> None:
    args = ("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    assert smabot("index", *args).returncode == 0
    before = json.loads(smabot("ask", "How is Zolgensma given?", "--json", *args).stdout)
    source = corpus_copy / "sources" / "healthline-zolgensma-dosage.md"
    text = source.read_text()
    source.write_text(text.replace("---\n", "", 2)[: len(text) // 2])  # saved mid-edit
    refused = smabot("index", *args)
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert lines and all(line.startswith(str(corpus_copy)) for line in lines), lines
    after = json.loads(smabot("ask", "How is Zolgensma given?", "--json", *args).stdout)
    assert after["index_version"] == before["index_version"]


@pytest.mark.parametrize("token", ["   ", "zz", "short-token"])
def test_weak_admin_tokens_refuse_to_start(corpus_copy: Path, tmp_path: Path, token: str) -> None:
    args = ("serve", "--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    result = smabot(*args, "--port", "9", env={"SMABOT_ADMIN_TOKEN": token})
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("smabot: SMABOT_ADMIN_TOKEN: ") and "Traceback" not in result.stderr
    with pytest.raises(ValueError, match="admin_token"):
        Settings(admin_token=token)


def test_failed_admin_attempts_are_throttled_and_logged_without_the_token(
    app_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    token = "a-proper-token-of-32-characters!"
    client = TestClient(create_app(app_settings.model_copy(update={"admin_token": token})))
    caplog.set_level(logging.WARNING, logger="smabot")
    codes = [
        client.post("/api/admin/reindex", headers={"Authorization": f"Bearer guess{i}"}).status_code
        for i in range(7)
    ]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    blocked = client.post("/api/admin/reindex", headers={"Authorization": f"Bearer {token}"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "refused" in caplog.text and "guess" not in caplog.text and token not in caplog.text


def raw_request(base: str, data: bytes, pause: float = 0.0, chunks: int = 1) -> bytes:
    """Send bytes over a plain socket (in `chunks` pieces, `pause` s apart); the reply."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        size = max(1, len(data) // chunks)
        try:
            for start in range(0, len(data), size):
                sock.sendall(data[start : start + size])
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server hung up on us: read what it said
        reply = b""
        try:
            while chunk := sock.recv(65536):
                reply += chunk
        except ConnectionResetError:
            pass
        return reply


def test_http_abuse_meets_limits_and_an_emergency_still_gets_through(
    corpus_copy: Path, tmp_path: Path
) -> None:
    env = {
        "SMABOT_DB": str(tmp_path / "db.sqlite3"),
        "SMABOT_RATE_LIMIT_PER_MINUTE": "5",
        "SMABOT_BODY_TIMEOUT_SECONDS": "2",
    }
    args = ("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    with server_process(*args, env=env) as (base, _):
        huge = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\n"
        assert raw_request(base, huge).startswith(b"HTTP/1.1 431")
        unfinished = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000
        assert raw_request(base, unfinished).startswith(b"HTTP/1.1 431")
        # a whole header block in one read, just over 16 KB, and many headers each small
        whole = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 17_000 + b"\r\n\r\n"
        assert raw_request(base, whole).startswith(b"HTTP/1.1 431")
        many = b"".join(b"X-H%d: %s\r\n" % (i, b"b" * 1000) for i in range(40))
        crowded = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n"
        assert raw_request(base, crowded).startswith(b"HTTP/1.1 431")
        fine = (
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            + many[:12_000]
            + b"\r\n\r\n"
        )
        assert raw_request(base, fine).startswith(b"HTTP/1.1 200")
        body = b'{"question": "How is Zolgensma given?"}'
        trickled = (
            b"POST /api/ask HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        started = time.monotonic()
        reply = raw_request(base, trickled, pause=0.25, chunks=len(trickled) // 4)
        assert reply.startswith(b"HTTP/1.1 408"), reply[:80]
        assert time.monotonic() - started < 12
        # rotating X-Forwarded-For from a client that is not a trusted proxy changes nothing
        codes = [
            httpx2.post(
                f"{base}/api/ask",
                json={"question": "How is Zolgensma given?"},
                headers={"X-Forwarded-For": f"203.0.113.{i}"},
                timeout=10,
            ).status_code
            for i in range(8)
        ]
        assert codes.count(429) >= 3, codes
        emergency = httpx2.post(
            f"{base}/api/ask", json={"question": "she has stopped breathing"}, timeout=10
        )
        assert emergency.status_code == 200 and emergency.json()["status"] == "emergency"


IDENTIFYING = [
    "Amelia",
    "14/02/2022",
    "42 Wellington Road",
    "LS6 2AB",
    "RR8 123456",
    "jane dot doe at gmail dot com",
    "jane.doe",
    "0113 496 0000",
]


def test_nothing_identifying_is_stored(app_settings: Settings, tmp_path: Path) -> None:
    question = (
        "My daughter Amelia, born 14/02/2022, lives at 42 Wellington Road, Leeds LS6 2AB. Her "
        "hospital number is RR8 123456. Is there a wheelchair grant? Email jane dot doe at "
        "gmail dot com or ring 0113 496 0000"
    )
    with TestClient(create_app(app_settings)) as client:
        assert client.post("/api/ask", json={"question": question}).json()["status"] == (
            "no_answer"
        )
        feedback = {"question": question, "passage_ids": ["x"], "helpful": False}
        assert client.post("/api/feedback", json=feedback).status_code == 202
    stored = sqlite3.connect(app_settings.db).execute(
        "SELECT question FROM unanswered UNION ALL SELECT question FROM feedback"
    )
    texts = [row[0] for row in stored]
    assert len(texts) == 2
    for text in texts:
        assert "wheelchair grant" in text  # what was asked is kept
        for secret in IDENTIFYING:
            assert secret not in text, (secret, text)


def test_smabot_report_prints_no_escape_sequences(app_settings: Settings) -> None:
    with TestClient(create_app(app_settings)) as client:
        feedback = {
            "question": "is it \x1b[2Jsafe\x07?",
            "passage_ids": ["\x1b]0;owned\x07id", "\x1b[31mred"],
            "helpful": False,
        }
        assert client.post("/api/feedback", json=feedback).status_code == 202
        client.post("/api/ask", json={"question": "wheelchair \x1b[5m grant\u202e?"})
    result = smabot(
        "report",
        "--corpus",
        str(app_settings.corpus),
        "--index",
        str(app_settings.index),
        env={"SMABOT_DB": str(app_settings.db)},
    )
    assert result.returncode == 0 and "red" in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x07\u202e")


def test_an_unwritable_store_is_counted_and_shown_by_readiness(
    app_settings: Settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    settings = app_settings.model_copy(update={"db": blocker / "smabot.sqlite3"})
    with TestClient(create_app(settings)) as client:
        feedback = {"question": "was it clear?", "passage_ids": ["x"], "helpful": True}
        assert client.post("/api/feedback", json=feedback).status_code == 202
        client.app.state.store.flush()  # type: ignore[attr-defined]
        ready = client.get("/readyz")  # still answering: degraded, not out of rotation
        assert ready.status_code == 200 and ready.json()["status"] == "degraded"
        assert any("store not writable" in p for p in ready.json()["problems"])
        assert any("could not be stored" in p for p in ready.json()["problems"])
        assert (
            client.post("/api/ask", json={"question": "How is Zolgensma given?"}).status_code == 200
        )


def test_retention_runs_at_start_without_any_write(app_settings: Settings) -> None:
    with TestClient(create_app(app_settings)) as client:
        client.post("/api/ask", json={"question": "wheelchair grant?"})
        client.app.state.store.flush()  # type: ignore[attr-defined]
    db = sqlite3.connect(app_settings.db)
    db.execute("INSERT INTO unanswered (created_at, question) VALUES ('2001-01-01', 'old')")
    db.commit()
    with TestClient(create_app(app_settings)):
        until(
            lambda: (
                not sqlite3.connect(app_settings.db)
                .execute("SELECT 1 FROM unanswered WHERE question = 'old'")
                .fetchall()
            ),
            10,
            "an expired record outlived the start",
        )


@pytest.fixture
def app_settings(tmp_path: Path) -> Settings:
    folder = tmp_path / "app"
    shutil.copytree(CORPUS, folder / "corpus", ignore=shutil.ignore_patterns(".index"))
    return Settings(
        corpus=folder / "corpus",
        index=folder / "index",
        db=folder / "smabot.sqlite3",
        rate_limit_per_minute=0,
    )
