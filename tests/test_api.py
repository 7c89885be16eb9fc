"""The HTTP contract through TestClient: answers, errors, health, sources, docs."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

ANSWER_KEYS = {"question", "status", "message", "passages", "disclaimer", "index_version"}
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


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({}, "'question' is required"),
        ({"question": ""}, "the question is empty"),
        ({"question": "   \n "}, "the question is empty"),
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
    assert health["status"] == "ok" and health["passages"] > 40 and health["index_version"]
    sources = client.get("/api/sources").json()
    assert len(sources) == 5 and sum(s["passages"] for s in sources) == health["passages"]
    assert {"id", "title", "publisher", "url", "last_updated", "kind", "reviewed"} <= set(
        sources[0]
    )
    assert client.get("/docs").status_code == 200
    assert "/api/ask" in client.get("/openapi.json").json()["paths"]
