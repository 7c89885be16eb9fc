"""Every CLI command, run as a real process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from .conftest import OWN_QUESTIONS, wait_for

# Commands run without --index or SMABOT_DB write here, never into the checkout.
_SCRATCH = Path(tempfile.mkdtemp(prefix="smabot-cli-"))
_DEFAULTS = {"SMABOT_DB": str(_SCRATCH / "db.sqlite3"), "SMABOT_INDEX": str(_SCRATCH / "index")}


def smabot(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smabot.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**_DEFAULTS, **os.environ, **(env or {})},
    )


def test_index_prints_counts_and_writes_the_artifact(corpus_copy: Path, tmp_path: Path) -> None:
    result = smabot("index", "--corpus", str(corpus_copy), "--out", str(tmp_path / "idx"))
    assert result.returncode == 0, result.stderr
    assert "5 sources" in result.stdout and "passages" in result.stdout
    assert "vocabulary" in result.stdout and " s" in result.stdout
    assert (tmp_path / "idx" / "CURRENT").exists()


def test_ask_prints_citations_and_json(corpus_copy: Path, tmp_path: Path) -> None:
    env = {"SMABOT_CORPUS": str(corpus_copy), "SMABOT_INDEX": str(tmp_path / "idx")}
    text = smabot("ask", "How often are Spinraza doses given?", env=env)
    assert text.returncode == 0, text.stderr
    assert "SMA UK" in text.stdout and "https://" in text.stdout
    assert "not medical advice" in text.stdout
    raw = smabot("ask", "and for adults?", "--history", "Can Spinraza be used?", "--json", env=env)
    assert json.loads(raw.stdout)["status"] in {"answered", "no_answer"}
    assert smabot("ask", "   ", env=env).returncode == 1
    explained = smabot("ask", "How is Zolgensma given?", "--explain", env=env).stdout
    assert "why these passages" in explained and "curated question" in explained
    assert "an answer: the model gives" in explained and "closeness +" in explained
    abroad = "We just moved to Canada from the UK. Will the government pay for Zolgensma here?"
    vetoed = smabot("ask", abroad, "--explain", env=env).stdout
    assert "not an answer, whatever the model says: it names canada" in vetoed
    several = "What is nusinersen, and will my son still be able to go to nursery and swim?"
    parted = smabot("ask", several, "--explain", env=env).stdout
    assert "its part 'What is nusinersen' does" in parted
    listed = smabot("ask", "her lips are going blue", "--explain", env=env).stdout
    assert "red flag: " in listed and "from the phrasing" in listed
    learned = "One damp nappy in 12 hours and he's really sleepy"
    unlisted = smabot("ask", learned, "--explain", env=env).stdout
    assert "no listed phrasing matched; the backstop reads it as one" in unlisted


def test_eval_prints_figures_and_misses(corpus_copy: Path, tmp_path: Path) -> None:
    args = ("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    figures = json.loads(smabot("eval", str(OWN_QUESTIONS), "--json", *args).stdout)
    assert set(figures) == {
        "hit_at_1",
        "hit_at_3",
        "mrr_at_5",
        "no_answer_accuracy",
        "emergency_recall",
        "invalid_rejected",
        "count",
        "reached_by_suggestion",
        "suggested_when_uncovered",
    }
    report = smabot("eval", str(OWN_QUESTIONS), *args).stdout
    assert "hit@3 by topic" in report and "misses" in report


def test_output_cut_short_by_its_reader_is_no_traceback(corpus_copy: Path, tmp_path: Path) -> None:
    # `smabot eval FILE | head -3`: the reader closes the pipe while smabot has more to write
    args = ("eval", str(OWN_QUESTIONS), "--corpus", str(corpus_copy), "--index", str(tmp_path))
    with subprocess.Popen(
        [sys.executable, "-m", "smabot.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**_DEFAULTS, **os.environ},
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # gone before smabot writes its first line
        errors = process.stderr.read().decode()
        assert process.wait(timeout=120) == 141
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_errors_are_clear_messages_not_tracebacks(write_source, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = write_source()
    broken.write_text(broken.read_text().replace("kind: charity", "kind: blog"))
    result = smabot("index", "--corpus", str(broken.parents[1]), "--out", str(tmp_path / "i"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{broken}:7: kind 'blog'")
    assert "Traceback" not in result.stderr
    missing = smabot("eval", str(tmp_path / "none.jsonl"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
    for line, says in [
        ('{"question": "x"}', "expect: Field required"),
        ('{"question": "x", "expect": "maybe"}', "expect: Input should be 'answer'"),
        ('{"question": "x", "expect": "answer"}', "an 'answer' question needs 'gold' phrases"),
        ("[1, 2]", "needs a JSON object with 'question' and 'expect'"),
        ('{"question": NaN, "expect": "invalid"}', "not valid JSON: NaN is not a JSON number"),
        ("[" * 5000, "not valid JSON"),
        ('{"question": 5, "expect": "answer", "gold": ["x"]}', "'question' must be text"),
        ('{"question": "x", "history": "y", "expect": "no_answer"}', "'history' must be a list"),
        ('{"question": "x", "expect": "answer", "gold": [" "]}', "a blank 'gold' phrase"),
    ]:
        (tmp_path / "bad.jsonl").write_text(line + "\n")
        bad = smabot("eval", str(tmp_path / "bad.jsonl"))
        assert bad.returncode == 1 and f"bad.jsonl:1: {says}" in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr
    assert smabot("nonsense").returncode == 2


@contextmanager
def serving(
    *args: str, env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[str]:
    """`smabot serve` as a real process on a free port; yields its base URL once it answers."""
    with server_process(*args, env=env, log=log) as (base, _):
        yield base


@contextmanager
def server_process(
    *args: str, env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`smabot serve` on a free port: its base URL and its process, once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "smabot.cli", "serve", "--port", str(port), *args],
        stdout=out,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
        env={**_DEFAULTS, **os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/healthz")
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=15)
        if log:
            out.close()  # type: ignore[union-attr]


def test_serve_answers_over_http(corpus_copy: Path, tmp_path: Path) -> None:
    with serving("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx")) as base:
        health = httpx2.get(f"{base}/healthz", timeout=5).json()
        assert health["passages"] > 40
        assert (tmp_path / "idx" / "CURRENT").exists()


def test_every_worker_switches_to_a_new_index_without_a_restart(
    corpus_copy: Path, tmp_path: Path
) -> None:
    args = ("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    env = {"SMABOT_DB": str(tmp_path / "db.sqlite3"), "SMABOT_RATE_LIMIT_PER_MINUTE": "0"}
    with serving(*args, "--workers", "2", env=env) as base:
        old = httpx2.get(f"{base}/healthz", timeout=5).json()["index_version"]
        source = corpus_copy / "sources" / "smauk-nusinersen-faqs.md"
        source.write_text(
            source.read_text() + "\n## Parking\n\nCar park C is free for families "
            "on treatment days.\n"
        )
        assert smabot("index", *args).returncode == 0
        deadline = time.monotonic() + 5
        streak = 0
        while streak < 20:  # twenty answers in a row from the new index, whichever worker
            version = httpx2.get(f"{base}/healthz", timeout=5).json()["index_version"]
            streak = streak + 1 if version != old else 0
            assert time.monotonic() < deadline, "the workers did not all switch within 5 s"


def test_access_log_never_shows_question_text_or_tokens(corpus_copy: Path, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    env = {
        "SMABOT_DB": str(tmp_path / "db.sqlite3"),
        "SMABOT_ADMIN_TOKEN": "tok-SECRET-42-long-enough",
    }
    args = ("--corpus", str(corpus_copy), "--index", str(tmp_path / "idx"))
    with serving(*args, env=env, log=log) as base:
        httpx2.post(f"{base}/api/ask", json={"question": "my son Tobias has a rash"}, timeout=10)
        httpx2.get(f"{base}/api/ask?question=Tobias+rash", timeout=10)
        httpx2.post(
            f"{base}/api/admin/reindex",
            timeout=30,
            headers={"Authorization": "Bearer tok-SECRET-42-long-enough"},
        )
    text = log.read_text()
    assert '"POST /api/ask HTTP/1.1" 200' in text and '"GET /api/ask HTTP/1.1" 405' in text
    assert "Tobias" not in text and "rash" not in text and "SECRET" not in text
    access = [line for line in text.splitlines() if "HTTP/1.1" in line]
    assert access and not any("127.0.0.1:" in line for line in access)  # no client address
