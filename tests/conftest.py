"""Shared fixtures: the real corpus, tiny corpora in tmp_path, apps and a live server."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2
import hypothesis
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import ASGIApp

from smabot import backstop
from smabot.api import create_app
from smabot.corpus import load_corpus
from smabot.index import Index, build_index, save_index
from smabot.safety import Detector
from smabot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
# hypothesis keeps nothing in the checkout: `make test` leaves the working tree as it found it
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="smabot-hyp-"))
hypothesis.settings.register_profile("smabot", database=None)
hypothesis.settings.load_profile("smabot")
CORPUS = ROOT / "corpus"
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
# The repo's own question set, for tests that need real questions but not dev's figures.
OWN_QUESTIONS = ROOT / "tests" / "eval" / "caregivers.jsonl"
needs_shared = pytest.mark.skipif(
    not DEV_QUESTIONS.exists(),
    reason=f"{DEV_QUESTIONS} is not beside this checkout (CI has it); "
    "the repo's own question sets carry the guarantees",
)

RECENT = (dt.date.today() - dt.timedelta(days=30)).isoformat()
SOURCE_TEMPLATE = """\
---
id: {id}
title: {title}
publisher: Test Charity
url: https://example.org/{id}
last_updated: '2024-01-15'
kind: charity
reviewed: '{reviewed}'
corrections: []
---

{body}
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse two tests with one node id: pytest-xdist would run only one of them."""
    counts = Counter(item.nodeid for item in items)
    twice = sorted(nodeid for nodeid, count in counts.items() if count > 1)
    if twice:
        raise pytest.UsageError(f"tests share a node id, so xdist would drop some: {twice}")


@pytest.fixture(scope="session")
def index() -> Index:
    """The index of the bundled corpus, built once."""
    return build_index(load_corpus(CORPUS))


@pytest.fixture(scope="session")
def app(index: Index, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app over the bundled corpus."""
    folder = tmp_path_factory.mktemp("app")
    settings = Settings(
        corpus=CORPUS, index=folder / "index", db=folder / "smabot.sqlite3", rate_limit_per_minute=0
    )
    build = save_index(index, folder / "index")  # published, as `smabot index` would
    return create_app(settings, index=index, build=build)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    """An in-process client of the app."""
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns(".index"))
    return target


WriteSource = Callable[..., Path]


@pytest.fixture
def write_source(tmp_path: Path) -> WriteSource:
    """Write a source file into tmp_path/corpus/sources from a template and return its path."""

    def write(
        id: str = "test-source",
        title: str = "Test source",
        body: str = "## A\n\nA short passage of text that is long enough to stand alone.",
        text: str | None = None,
    ) -> Path:
        folder = tmp_path / "corpus" / "sources"
        folder.mkdir(parents=True, exist_ok=True)
        flags = folder.parent / "red_flags.yml"
        if not flags.exists():  # every corpus carries its reviewed red flags
            shutil.copy(CORPUS / "red_flags.yml", flags)
        path = folder / f"{id}.md"
        content = (
            text
            if text is not None
            else SOURCE_TEMPLATE.format(
                id=id, title=title, body=textwrap.dedent(body).strip(), reviewed=RECENT
            )
        )
        path.write_text(content, encoding="utf-8")
        return path

    return write


class LiveServer:
    """A real uvicorn server on a free port, in a background thread."""

    def __init__(self, app: ASGIApp) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[LiveServer]:
    """The app served by a real uvicorn on a free port."""
    with LiveServer(app) as server:
        yield server


def wait_for(url: str, seconds: float = 30) -> httpx2.Response:
    """Poll a URL until it answers 200, failing after a deadline."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            response = httpx2.get(url, timeout=2)
            if response.status_code == 200:
                return response
        except httpx2.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} did not answer within {seconds} s")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def detector() -> Detector:
    """The red-flag lexicon alone: most safety tests are about how it reads."""
    return Detector(load_corpus(CORPUS).red_flags)


@pytest.fixture(scope="session")
def production() -> Detector:
    """What caregivers meet: the lexicon, then the learned backstop."""
    return Detector(load_corpus(CORPUS).red_flags, backstop.load())
