"""The HTTP contract through TestClient: answers, errors, health, sources, docs."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

ANSWER_KEYS = {
    "question",
    "status",
    "message",
    "passages",
    "disclaimer",
    "index_version",
    "red_flag",
    "suggestions",
    "answered_part",
}
PASSAGE_KEYS = {"id", "text", "score", "highlights", "citation"}
CITATION_KEYS = {"source_id", "title", "publisher", "url", "section", "last_updated", "kind"}


def test_ask_returns_the_answer_contract(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "What are the side effects of Spinraza?"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == ANSWER_KEYS
    assert body["status"] == "answered" and body["message"] is None
    assert 1 <= len(body["passages"]) <= 3
    for passage in body["passages"]:
        assert set(passage) == PASSAGE_KEYS
        assert set(passage["citation"]) == CITATION_KEYS
        for start, end in passage["highlights"]:
            assert 0 <= start < end <= len(passage["text"])
    assert "not medical advice" in body["disclaimer"]


def test_top_k_and_history_are_honoured(client: TestClient) -> None:
    body = client.post(
        "/api/ask",
        json={
            "question": "what about zolgensma?",
            "top_k": 1,
            "history": ["What are the side effects of Spinraza?"],
        },
    ).json()
    assert body["status"] == "answered" and len(body["passages"]) == 1


def test_no_answer_and_emergency(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "Best pizza in town?"}).json()
    assert body["status"] == "no_answer" and body["passages"] == []
    assert "care team" in body["message"]
    body = client.post("/api/ask", json={"question": "my baby is not breathing"}).json()
    assert body["status"] == "emergency" and "emergency" in body["message"]


def test_an_emergency_and_health_checks_never_wait_behind_answers(
    client: TestClient, app: FastAPI
) -> None:
    release = threading.Event()
    busy = app.state.answering.submit(release.wait, 60)  # a long answer holds the thread
    try:
        assert client.get("/healthz").status_code == 200
        blue = {"question": "she's gone blue and isn't breathing"}
        emergency = client.post("/api/ask", json=blue)
        assert emergency.json()["status"] == "emergency"
        assert not busy.done()  # answered while every other question waited its turn
    finally:
        release.set()
    assert busy.result(timeout=10)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({}, "'question' is required"),
        ({"question": ""}, "the question is empty"),
        ({"question": "   \n "}, "the question is empty"),
        # no-break, ideographic and zero-width spaces: nothing to read, nothing to store
        ({"question": "\u00a0\u200b\u3000\ufeff"}, "the question is empty"),
        ({"question": "x" * 501}, "at most 500 characters"),
        ({"question": 42}, "'question'"),
        ({"question": ["a"]}, "'question'"),
        ({"question": "ok?", "top_k": 0}, "'top_k'"),
        ({"question": "ok?", "top_k": 11}, "'top_k'"),
        ({"question": "ok?", "top_k": "3"}, "'top_k'"),
        ({"question": "ok?", "history": "not a list"}, "'history'"),
        ({"question": "ok?", "history": ["q"] * 11}, "'history'"),
        ({"question": "ok?", "history": [3]}, "'history.0'"),
        ({"question": "ok?", "surprise": True}, "'surprise'"),
        ([1, 2], "body"),
    ],
)
def test_bad_input_gets_a_clear_4xx(client: TestClient, payload: Any, expected: str) -> None:
    response = client.post("/api/ask", json=payload)
    assert response.status_code == 422
    assert expected in response.json()["error"]


def test_invalid_json_oversized_body_and_wrong_method(client: TestClient) -> None:
    response = client.post(
        "/api/ask", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422 and "not valid JSON" in response.json()["error"]
    big = b'{"question": "' + b"a" * 17000 + b'"}'
    response = client.post("/api/ask", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "16384 bytes" in response.json()["error"]
    assert client.get("/api/ask").status_code == 405
    assert client.get("/nowhere").status_code == 404


def test_health_sources_and_docs(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok", health
    assert health["passages"] > 40 and health["index_version"]
    sources = client.get("/api/sources").json()
    assert len(sources) == 5 and sum(s["passages"] for s in sources) == health["passages"]
    assert {"id", "title", "publisher", "url", "last_updated", "kind", "reviewed"} <= set(
        sources[0]
    )
    assert client.get("/docs").status_code == 200
    assert "/api/ask" in client.get("/openapi.json").json()["paths"]


def test_feedback_is_stored_and_bad_feedback_refused(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    ok = {"question": "cost? mail a@b.org", "passage_ids": ["x#y-1"], "helpful": True}
    response = client.post("/api/feedback", json=ok)
    assert response.status_code == 202 and response.content == b""
    assert app.state.store.feedback()[-1]["question"] == "cost? mail [email]"
    for bad in (
        {**ok, "helpful": "yes"},
        {**ok, "question": " "},
        {**ok, "passage_ids": "x"},
        {**ok, "passage_ids": ["p"] * 11},
        {"question": "q"},
    ):
        response = client.post("/api/feedback", json=bad)
        assert response.status_code == 422 and response.json()["error"]
    assert "set-cookie" not in response.headers


def test_cors_for_public_routes_and_allowed_origins_only(tmp_path, index) -> None:  # type: ignore[no-untyped-def]
    from smabot.api import create_app
    from smabot.settings import Settings

    settings = Settings(db=tmp_path / "db.sqlite3", allowed_origins="https://charity.example")
    client = TestClient(create_app(settings, index=index))
    preflight = {"Access-Control-Request-Method": "POST"}
    allowed = client.options("/api/ask", headers={"Origin": "https://charity.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "https://charity.example"
    other = client.options("/api/ask", headers={"Origin": "https://elsewhere.example", **preflight})
    assert "access-control-allow-origin" not in other.headers
    page = client.get("/embed")
    assert (
        "frame-ancestors 'self' https://charity.example" in page.headers["content-security-policy"]
    )
    assert "frame-ancestors 'none'" in client.get("/").headers["content-security-policy"]
    assert client.get("/widget.js").headers["content-type"].startswith("text/javascript")


def test_embed_page_takes_its_settings_from_the_address(client: TestClient) -> None:
    page = client.get(
        "/embed", params={"title": "<b>Ask us</b>", "accent": "red", "helpline": "0800"}
    )
    assert page.status_code == 200
    assert 'data-title="&lt;b&gt;Ask us&lt;/b&gt;"' in page.text
    assert "data-accent" not in page.text and 'data-helpline="0800"' in page.text
    assert client.get("/embed", params={"title": "x" * 200}).status_code == 422


def test_rate_limit_answers_429_with_retry_after(tmp_path, index) -> None:  # type: ignore[no-untyped-def]
    from smabot.api import create_app
    from smabot.settings import Settings

    settings = Settings(db=tmp_path / "db.sqlite3", rate_limit_per_minute=2)
    client = TestClient(create_app(settings, index=index))
    ask = {"question": "How is Zolgensma given?"}
    origin = {"Origin": "https://charity.example"}
    assert client.post("/api/ask", json=ask, headers=origin).status_code == 200
    assert client.post("/api/ask", json=ask, headers=origin).status_code == 200
    limited = client.post("/api/ask", json=ask, headers=origin)
    assert limited.status_code == 429 and "wait" in limited.json()["error"]
    # a moving window: the next question is allowed a minute after the oldest one counted
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert limited.headers["access-control-allow-origin"] == "*"  # the widget can read it
    assert client.get("/healthz").status_code == 200  # only questions and feedback are limited


def test_an_emergency_past_the_rate_limit_still_gets_its_message(tmp_path, index) -> None:  # type: ignore[no-untyped-def]
    from smabot.api import create_app
    from smabot.settings import Settings

    settings = Settings(db=tmp_path / "db.sqlite3", rate_limit_per_minute=1, locale="en-GB")
    client = TestClient(create_app(settings, index=index))
    assert client.post("/api/ask", json={"question": "How is Zolgensma given?"}).status_code == 200
    ordinary = client.post("/api/ask", json={"question": "How long is the Zolgensma drip?"})
    assert ordinary.status_code == 429
    for question in ["my baby is not breathing properly", "his eyes have gone yellow"]:
        urgent = client.post("/api/ask", json={"question": question})
        assert urgent.status_code == 200, urgent.text
        body = urgent.json()
        assert body["status"] == "emergency" and "999" in body["message"]
        assert body["red_flag"]["call"] == "999"
    # the limit still holds for everything else
    assert client.post("/api/ask", json={"question": "Is Evrysdi a liquid?"}).status_code == 429


def test_an_emergency_in_a_question_refused_for_its_form_still_gets_its_message(
    client: TestClient,
) -> None:
    story = "We have been on this journey a long time. " * 14
    long_one = story + "Right now she is struggling to breathe and her lips are blue."
    assert len(long_one) > 500
    response = client.post("/api/ask", json={"question": long_one})
    assert response.status_code == 200 and response.json()["status"] == "emergency"
    wrong_field = client.post("/api/ask", json={"question": "he is fitting", "top_k": "x"})
    assert wrong_field.status_code == 200 and wrong_field.json()["status"] == "emergency"
    plain = client.post("/api/ask", json={"question": story + "How is it given?"})
    assert plain.status_code == 422
    # however long, within the body's 16 KB: the red flag comes at the end of 15,000 letters
    longest = story * 26 + "Right now she is struggling to breathe and her lips are blue."
    assert 15_000 < len(longest.encode()) < 16 * 1024
    response = client.post("/api/ask", json={"question": longest})
    assert response.status_code == 200 and response.json()["status"] == "emergency"
    # a lone surrogate (a broken client) is refused as text, never a 500, emergency or not
    for question, status in [
        ("she is not breathing", 200),  # the lexicon's
        ("The hospital rang and said his liver tests are very high and he has to come in", 200),
        ("How is it given?", 422),
    ]:
        raw = f'{{"question": "{question} \\ud800"}}'.encode()
        response = client.post(
            "/api/ask", content=raw, headers={"content-type": "application/json"}
        )
        assert response.status_code == status, response.text


def test_the_emergency_answer_names_the_flag_and_the_callers_number(client: TestClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "she is having a seizure", "locale": "en-US"}
    ).json()
    assert body["status"] == "emergency" and "911" in body["message"]
    assert body["red_flag"] == {
        "level": "emergency",
        "flag": "seizure",
        "description": body["red_flag"]["description"],
        "call": "911",
    }
    urgent = client.post("/api/ask", json={"question": "her skin looks yellow"}).json()
    assert urgent["red_flag"]["level"] == "urgent" and urgent["red_flag"]["call"] is None
    assert "care team" in urgent["message"]
    bad = client.post("/api/ask", json={"question": "what is spinraza", "locale": "<script>"})
    assert bad.status_code == 422


def test_a_slow_body_gets_408(tmp_path, index) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from smabot.middleware import BodyLimit

    sent: list[dict[str, object]] = []

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        raise AssertionError("the app must not run")

    async def receive():  # type: ignore[no-untyped-def]
        await asyncio.sleep(5)
        return {"type": "http.request", "body": b"{}"}

    async def send(message):  # type: ignore[no-untyped-def]
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/ask", "headers": []}
    asyncio.run(BodyLimit(app, 16384, timeout=0.05)(scope, receive, send))
    assert sent[0]["status"] == 408
