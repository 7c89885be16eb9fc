"""/metrics, JSON logs, and what a fleet setting that cannot work says."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from fastapi.testclient import TestClient

from smabot.api import create_app
from smabot.cli import main
from smabot.index import Index, save_index
from smabot.middleware import Limiter
from smabot.server import JsonFormatter
from smabot.settings import Settings

from .fleet.conftest import free_port


def test_metrics_count_requests_by_route_answers_by_status_and_the_index(
    client: TestClient, index: Index
) -> None:
    client.post("/api/ask", json={"question": "How is Zolgensma given?"})
    client.get("/no/such/page/12345")
    text = client.get("/metrics").text
    assert 'smabot_requests_total{route="/api/ask",status="200"}' in text
    assert 'smabot_answers_total{status="answered"}' in text
    assert 'smabot_request_seconds_bucket{le="0.005",route="/api/ask"}' in text
    assert f'smabot_index_served{{version="{index.version}"}} 1.0' in text
    # unmatched paths are one label, never their own (not "12345": a timestamp may hold it)
    assert "/no/such/page" not in text
    assert 'route="other"' in text


def test_an_unreachable_redis_lets_questions_through_and_readiness_says_so(
    tmp_path: Path, index: Index
) -> None:
    storage = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    limiter = Limiter(1, storage)
    assert limiter.wait("198.51.100.1") == 0.0 and limiter.problems()
    settings = Settings(
        index=tmp_path / "index",
        db=tmp_path / "db.sqlite3",
        rate_limit_per_minute=1,
        rate_limit_storage=storage,
    )
    build = save_index(index, tmp_path / "index")  # published and served: only Redis is wrong
    client = TestClient(create_app(settings, index=index, build=build))
    asks = [client.post("/api/ask", json={"question": "How is Spinraza given?"}) for _ in range(3)]
    assert [r.status_code for r in asks] == [200, 200, 200]
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    assert any("rate-limit storage unreachable" in p for p in ready.json()["problems"])
    assert 'smabot_store_errors_total{store="rate_limits"}' in client.get("/metrics").text


def test_the_memory_limit_counts_each_client_in_a_moving_window() -> None:
    limiter = Limiter(2)
    assert [limiter.wait("a") for _ in range(2)] == [0.0, 0.0]
    assert 1 <= limiter.wait("a") <= 60 and limiter.wait("b") == 0.0


def test_a_malformed_database_address_is_refused_without_echoing_its_password(
    monkeypatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("SMABOT_DB", "postgresql://smabot:s3cr%ZZet@db.example/smabot")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "SMABOT_DB: is not a readable postgresql://" in err and "s3cr" not in err


def test_requests_refused_before_routing_keep_their_route_label(
    tmp_path: Path, index: Index
) -> None:
    settings = Settings(db=tmp_path / "db.sqlite3", rate_limit_per_minute=1)
    client = TestClient(create_app(settings, index=index))
    feedback = {"question": "clear?", "passage_ids": [], "helpful": True}
    assert [client.post("/api/feedback", json=feedback).status_code for _ in range(2)] == [202, 429]
    assert (
        'smabot_requests_total{route="/api/feedback",status="429"}' in client.get("/metrics").text
    )


def test_settings_that_cannot_work_get_one_line_each(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SMABOT_DB", "mysql://somewhere/smabot")
    monkeypatch.setenv("SMABOT_RATE_LIMIT_STORAGE", "mongodb://somewhere")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "SMABOT_DB: must be a SQLite file path or a postgresql://… address" in err
    assert "SMABOT_RATE_LIMIT_STORAGE: must be memory:// or a redis://" in err
    assert "Traceback" not in err


def test_json_logs_are_one_object_per_line() -> None:
    record = logging.LogRecord("smabot", logging.ERROR, __file__, 1, "lost %d", (2,), None)
    entry = json.loads(JsonFormatter().format(record))
    assert (
        entry["level"] == "error" and entry["message"] == "lost 2" and entry["logger"] == "smabot"
    )
