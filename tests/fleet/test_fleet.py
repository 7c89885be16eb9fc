"""Two replicas behind nginx, sharing PostgreSQL and Redis: issue 13's bar, on real servers.

The tests run in file order: the last ones stop Redis and PostgreSQL.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx2
import psycopg

from .conftest import Postgres, Redis, Replica, served_version

PARKING = (
    "\n## Parking on treatment days\n\nFamilies coming for a loading dose can leave their car in"
    " the hospital multistorey without charge; show the appointment letter at the barrier.\n"
)


def ask(url: str, question: str, client: str = "") -> httpx2.Response:
    headers = {"x-forwarded-for": client} if client else {}
    return httpx2.post(f"{url}/api/ask", json={"question": question}, headers=headers, timeout=10)


def test_both_replicas_answer_through_the_balancer(
    balancer: str, replicas: tuple[Replica, Replica]
) -> None:
    a, b = replicas
    assert served_version(a.url) == served_version(b.url)  # B took A's first build, or A took B's
    answers = [ask(balancer, "How is Zolgensma given?", client=f"198.51.100.{n}") for n in (1, 2)]
    assert all(r.status_code == 200 and r.json()["status"] == "answered" for r in answers)


def test_a_build_published_from_a_reaches_b_and_b_answers_from_it(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas
    before = served_version(b.url)
    source = a.folder / "corpus" / "sources" / "smauk-nusinersen-faqs.md"
    source.write_text(source.read_text(encoding="utf-8") + PARKING, encoding="utf-8")
    began = time.monotonic()
    published = a.smabot("index")
    assert published.returncode == 0, published.stderr
    started = time.monotonic()
    while served_version(b.url) == before:
        assert time.monotonic() - started < 10, b.log()[-2000:]
        time.sleep(0.1)
    done = time.monotonic()
    print(
        f"\nfleet: `smabot index` on A took {started - began:.1f} s; B served the build"
        f" {done - started:.1f} s after it returned"
    )
    answer = ask(b.url, "Where can we park on treatment day?", client="198.51.100.3").json()
    assert answer["status"] == "answered"
    assert "multistorey" in answer["passages"][0]["text"]
    # both of A's workers swap too (each watches the folder every second)
    new = served_version(b.url)
    deadline = time.monotonic() + 5
    while {served_version(a.url) for _ in range(6)} != {new}:
        assert time.monotonic() < deadline, "one of A's workers kept the old build"
        time.sleep(0.2)


def test_feedback_sent_to_each_replica_lands_in_one_table(
    replicas: tuple[Replica, Replica], postgres: Postgres
) -> None:
    for replica in replicas:
        response = httpx2.post(
            f"{replica.url}/api/feedback",
            json={  # a NUL, which PostgreSQL refuses in text, must not cost this record or others
                "question": f"asked on replica {replica.name}\u0000",
                "passage_ids": [],
                "helpful": True,
            },
            headers={"x-forwarded-for": "198.51.100.4"},
            timeout=10,
        )
        assert response.status_code == 202
    deadline = time.monotonic() + 10
    while True:
        with psycopg.connect(postgres.url) as db:
            rows = {r[0].strip() for r in db.execute("SELECT question FROM feedback").fetchall()}
        if {"asked on replica a", "asked on replica b"} <= rows or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert {"asked on replica a", "asked on replica b"} <= rows
    assert all(
        httpx2.get(f"{r.url}/readyz", timeout=5).json()["status"] == "ready" for r in replicas
    )


def test_the_rate_limit_is_shared_by_the_replicas(replicas: tuple[Replica, Replica]) -> None:
    a, b = replicas
    statuses = [
        ask((a, b)[n % 2].url, "How is Zolgensma given?", client="203.0.113.9").status_code
        for n in range(16)
    ]
    # 10 a minute in all: each replica alone would allow all 8 of its own
    assert statuses.count(429) >= 5 and statuses[:10] == [200] * 10, statuses


def test_metrics_count_requests_answers_and_the_served_index(
    replicas: tuple[Replica, Replica],
) -> None:
    a, _ = replicas
    text = httpx2.get(f"{a.url}/metrics", timeout=5).text
    assert 'smabot_requests_total{route="/api/ask",status="200"}' in text
    assert 'smabot_answers_total{status="answered"}' in text
    assert "smabot_request_seconds_bucket" in text
    assert f'version="{served_version(a.url)}"' in text


def test_a_damaged_build_in_postgres_is_refused_and_the_last_good_one_keeps_serving(
    replicas: tuple[Replica, Replica], postgres: Postgres
) -> None:
    _, b = replicas
    version = served_version(b.url)
    rows = [  # (name, published_at, what replicas must say)
        ("29991231T000000000000-dddddddddddd", "2999-12-30", "is damaged"),
        ("../../../../tmp/smabot-escaped", "2999-12-31", "is not the name of an smabot build"),
    ]
    for name, published_at, says in rows:
        with psycopg.connect(postgres.url) as db:
            db.execute(
                "INSERT INTO builds (name, version, published_at, archive) "
                "VALUES (%s, 'damaged', %s, %s)",
                (name, published_at, b"not a build"),
            )
        deadline = time.monotonic() + 10
        while True:
            ready = httpx2.get(f"{b.url}/readyz", timeout=5)
            if any(says in p for p in ready.json()["problems"]):
                break
            assert time.monotonic() < deadline, f"{name} went unnoticed: {ready.json()}"
            time.sleep(0.2)
        assert ready.status_code == 200  # the last good build keeps serving: degraded
        assert served_version(b.url) == version
        assert ask(b.url, "How is Zolgensma given?", client="203.0.113.13").status_code == 200
    assert not Path("/tmp/smabot-escaped").exists()
    with psycopg.connect(postgres.url) as db:
        db.execute("DELETE FROM builds WHERE version = 'damaged'")
    deadline = time.monotonic() + 10
    while httpx2.get(f"{b.url}/readyz", timeout=5).json()["status"] != "ready":
        assert time.monotonic() < deadline, "readiness did not recover"
        time.sleep(0.2)


def test_with_redis_down_questions_go_on_and_readiness_says_so(
    replicas: tuple[Replica, Replica], redis: Redis
) -> None:
    _, b = replicas
    redis.process.terminate()
    redis.process.wait(timeout=10)
    answers = [ask(b.url, "How is Spinraza given?", client="203.0.113.10") for _ in range(3)]
    assert [r.status_code for r in answers] == [200] * 3
    ready = httpx2.get(f"{b.url}/readyz", timeout=5)  # degraded, still in rotation
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    assert "rate-limit storage" in " ".join(ready.json()["problems"])


def test_with_postgres_down_b_still_answers_and_is_not_ok(
    replicas: tuple[Replica, Replica], postgres: Postgres
) -> None:
    _, b = replicas
    postgres.stop()
    answer = ask(b.url, "What are the side effects of Spinraza?", client="203.0.113.11")
    assert answer.status_code == 200 and answer.json()["status"] == "answered"
    feedback = httpx2.post(
        f"{b.url}/api/feedback",
        json={"question": "while the database is down", "passage_ids": [], "helpful": False},
        timeout=10,
    )
    assert feedback.status_code == 202  # queued; retried, then counted as lost
    deadline = time.monotonic() + 15  # the store is probed at most every 5 s
    while True:
        health = httpx2.get(f"{b.url}/healthz", timeout=10).json()
        if any("postgresql://" in problem for problem in health["problems"]):
            break
        assert time.monotonic() < deadline, f"health does not name PostgreSQL: {health}"
        time.sleep(0.5)
    assert health["status"] == "degraded"
    ready = httpx2.get(f"{b.url}/readyz", timeout=10)  # every replica meets this at once:
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"  # keep them in
    assert ask(b.url, "How is Zolgensma given?", client="203.0.113.11").status_code == 200


def test_with_postgres_down_publishing_fails_cleanly_and_a_restart_serves_the_cache(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas  # PostgreSQL is still stopped (the test above)
    pointer = a.folder / "index" / "CURRENT"
    before = pointer.read_text()
    published = a.smabot("index")
    assert published.returncode == 1
    assert "published builds unreachable at postgresql://" in published.stderr
    assert "Traceback" not in published.stderr
    assert pointer.read_text() == before  # A goes back to the build the fleet has
    report = a.smabot("report")
    assert report.returncode == 1 and "records in postgresql://" in report.stderr
    assert "Traceback" not in report.stderr
    version = served_version(b.url)
    b.stop()
    b.start()  # a restart without PostgreSQL: the build cached in B's index folder
    assert served_version(b.url) == version
    assert (
        ask(b.url, "How is Zolgensma given?", client="203.0.113.12").json()["status"] == "answered"
    )
