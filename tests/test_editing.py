"""The worked example of EDITING.md, run step by step against a live server under load."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2

from smabot.api import create_app
from smabot.settings import Settings

from .conftest import CORPUS, ROOT, LiveServer

NEW_QUESTION = "where can we park on treatment days?"
LOAD_QUESTIONS = ["What are the side effects of Spinraza?", NEW_QUESTION, "How is Zolgensma given?"]


def guide_commands() -> list[str]:
    text = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    example = text.split("## Worked example", 1)[1].split("\n## ", 1)[0]
    return [line.strip()[2:] for line in example.splitlines() if line.strip().startswith("$ ")]


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    args = shlex.split(command)
    assert args[0] == "smabot"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMABOT_")}
    return subprocess.run(
        [sys.executable, "-m", "smabot.cli", *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class Load:
    """Concurrent askers against a server, counting every failed request."""

    def __init__(self, url: str, clients: int = 4) -> None:
        self.url, self.failures, self.answers = url, [], 0
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._ask, args=(i,)) for i in range(clients)]

    def _ask(self, offset: int) -> None:
        with httpx2.Client(timeout=10) as client:
            for i in range(5000):  # bounded; stopped long before
                if self.stop.is_set():
                    return
                question = LOAD_QUESTIONS[(i + offset) % len(LOAD_QUESTIONS)]
                try:
                    response = client.post(f"{self.url}/api/ask", json={"question": question})
                    if response.status_code != 200:
                        self.failures.append(f"HTTP {response.status_code}")
                    self.answers += 1
                except httpx2.HTTPError as exc:
                    self.failures.append(repr(exc))

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def test_the_editing_guide_end_to_end(tmp_path: Path) -> None:
    commands = guide_commands()
    assert [c.split()[1] for c in commands] == ["import", "check", "check", "index", "ask"]
    shutil.copytree(CORPUS, tmp_path / "corpus", ignore=shutil.ignore_patterns(".index"))
    (tmp_path / "web" / "examples").mkdir(parents=True)
    shutil.copy(
        ROOT / "web" / "examples" / "travelling-to-treatment.html", tmp_path / "web" / "examples"
    )
    settings = Settings(
        corpus=tmp_path / "corpus",
        index=tmp_path / "corpus" / ".index",
        db=tmp_path / "smabot.sqlite3",
        rate_limit_per_minute=0,
    )
    app = create_app(settings)
    app.state.live.poll_seconds = 0.5

    with LiveServer(app) as server:
        before = httpx2.post(f"{server.url}/api/ask", json={"question": NEW_QUESTION}).json()
        assert before["status"] == "no_answer"

        imported = run(commands[0], tmp_path)
        assert imported.returncode == 0, imported.stderr
        assert "Share on Facebook" in imported.stdout
        source = tmp_path / "corpus" / "sources" / "travelling-to-treatment-days.md"

        first_check = run(commands[1], tmp_path)
        assert first_check.returncode == 1
        name = "corpus/sources/travelling-to-treatment-days.md"
        assert f"{name}:8: 'reviewed' must be a date" in first_check.stdout
        assert f"{name}:30: looks like page furniture" in first_check.stdout

        # step 3 of the guide: the editor's fixes
        text = source.read_text(encoding="utf-8").replace("\nShare on Facebook\n", "\n")
        text = text.replace("reviewed: ''", f"reviewed: '{dt.date.today().isoformat()}'")
        text = text.replace(
            "corrections: []", "corrections:\n- \"Removed page furniture: 'Share on Facebook'.\""
        )
        source.write_text(text, encoding="utf-8")
        assert run(commands[2], tmp_path).returncode == 0

        with Load(server.url) as load:
            time.sleep(0.5)
            published = run(commands[3], tmp_path)
            assert published.returncode == 0, published.stderr
            assert "published" in published.stdout and "answers that changed" in published.stdout
            switched_at = time.monotonic()
            while True:
                answer = httpx2.post(
                    f"{server.url}/api/ask", json={"question": NEW_QUESTION}, timeout=10
                ).json()
                if answer["status"] == "answered":
                    break
                assert time.monotonic() - switched_at < 5, "not served within 5 seconds"
                time.sleep(0.1)
            time.sleep(0.5)
        assert load.failures == [] and load.answers > 20
        assert "car park B" in answer["passages"][0]["text"]
        assert answer["passages"][0]["citation"]["publisher"] == "Example SMA Charity"

    asked = run(commands[4], tmp_path)
    assert asked.returncode == 0 and "car park B" in asked.stdout
