"""POST /api/admin/reindex: token, refusals that keep the old index, and a live swap."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from smabot.api import create_app
from smabot.settings import Settings

TOKEN = "s3cret-token-of-24-chars"


def client_for(corpus: Path, tmp_path: Path, token: str = TOKEN) -> TestClient:
    settings = Settings(
        corpus=corpus, index=tmp_path / "idx", db=tmp_path / "db.sqlite3", admin_token=token
    )
    return TestClient(create_app(settings), raise_server_exceptions=False)


def test_admin_routes_do_not_exist_without_a_token(corpus_copy: Path, tmp_path: Path) -> None:
    client = client_for(corpus_copy, tmp_path, token="")
    assert client.post("/api/admin/reindex").status_code == 404


def test_a_wrong_token_is_refused_without_cors(corpus_copy: Path, tmp_path: Path) -> None:
    client = client_for(corpus_copy, tmp_path)
    assert client.post("/api/admin/reindex").status_code == 401
    wrong = client.post(
        "/api/admin/reindex",
        headers={"Authorization": "Bearer nope", "Origin": "https://charity.example"},
    )
    assert wrong.status_code == 401 and "access-control-allow-origin" not in wrong.headers


def test_reindex_swaps_and_a_broken_corpus_keeps_the_old_index(
    corpus_copy: Path, tmp_path: Path
) -> None:
    client = client_for(corpus_copy, tmp_path)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    version = client.get("/healthz").json()["index_version"]
    source = corpus_copy / "sources" / "smauk-nusinersen-faqs.md"
    original = source.read_text()
    source.write_text(
        original.replace(
            "---\n\n## What is nusinersen?", "---\n\n## What is nusinersen?\n\nShare on Pinterest\n"
        )
    )
    refused = client.post("/api/admin/reindex", headers=auth)
    assert refused.status_code == 422
    assert any("Share on Pinterest" in p for p in refused.json()["problems"])
    assert client.get("/healthz").json()["index_version"] == version

    source.write_text(
        original + "\n## Parking\n\nCar park C is free for families on treatment "
        "days at the neuromuscular centre.\n"
    )
    done = client.post("/api/admin/reindex", headers=auth)
    assert done.status_code == 200, done.text
    assert done.json()["index_version"] != version
    assert client.get("/healthz").json()["index_version"] == done.json()["index_version"]
    answer = client.post("/api/ask", json={"question": "is parking free on treatment days?"})
    assert "Car park C" in answer.json()["passages"][0]["text"]


def test_a_broken_gate_question_file_is_a_clear_refusal(corpus_copy: Path, tmp_path: Path) -> None:
    client = client_for(corpus_copy, tmp_path)
    version = client.get("/healthz").json()["index_version"]
    gate_file = corpus_copy / "questions" / "regression.jsonl"
    gate_file.write_text(gate_file.read_text() + '{"question": "x", "expect": "maybe"}\n')
    refused = client.post("/api/admin/reindex", headers={"Authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 422, refused.text
    assert "regression.jsonl" in refused.json()["error"]
    assert client.get("/healthz").json()["index_version"] == version


def test_reindex_with_postgresql_down_publishes_nothing_and_says_so(
    corpus_copy: Path,
    tmp_path: Path,
    index,  # type: ignore[no-untyped-def]
) -> None:
    from smabot.index import current_build, save_index

    from .fleet.conftest import free_port

    build = save_index(index, tmp_path / "idx")  # what this replica served before
    settings = Settings(
        corpus=corpus_copy,
        index=tmp_path / "idx",
        db=f"postgresql://smabot@127.0.0.1:{free_port()}/smabot",  # nothing listens there
        admin_token=TOKEN,
    )
    client = TestClient(create_app(settings, index=index, build=build))
    response = client.post("/api/admin/reindex", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 503 and response.headers["retry-after"] == "30"
    assert "published builds unreachable at postgresql://" in response.json()["error"]
    assert current_build(tmp_path / "idx") == build  # not served here alone either
    ask = client.post("/api/ask", json={"question": "How is Zolgensma given?"})
    assert ask.status_code == 200 and ask.json()["status"] == "answered"
