"""End to end through a real uvicorn server on a free port."""

from __future__ import annotations

import httpx2

from .conftest import LiveServer


def test_real_server_answers_with_cited_passages(live_server: LiveServer) -> None:
    response = httpx2.post(
        f"{live_server.url}/api/ask",
        timeout=10,
        json={"question": "What are the side effects of Spinraza?"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "answered"
    assert any("SPINRAZA" in p["text"] for p in body["passages"])
    assert all(p["citation"]["url"].startswith("https://") for p in body["passages"])


def test_real_server_refuses_an_oversized_streamed_body(live_server: LiveServer) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"a" * 1024

    response = httpx2.post(
        f"{live_server.url}/api/ask",
        content=chunks(),
        timeout=10,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
