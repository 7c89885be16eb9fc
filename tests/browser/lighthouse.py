"""`make lighthouse`: Lighthouse (mobile) on a running `smabot serve`, three runs, the medians.

Not part of `make test`: it needs npm's lighthouse@12 (fetched by npx) and takes a minute.
Fails when accessibility < 100, best practices < 95 or performance < 95.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 3
BARS = {"accessibility": 100, "best-practices": 95, "performance": 95}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def lighthouse(url: str, out: Path) -> dict[str, int]:
    """One Lighthouse run; each category's score out of 100."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            *("npx", "--yes", "lighthouse@12", url, "--form-factor=mobile"),
            "--screenEmulation.mobile",
            "--only-categories=accessibility,best-practices,performance",
            "--chrome-flags=--headless=new --no-sandbox",
            *("--output=json", f"--output-path={out}", "--quiet"),
        ],
        check=True,
        env=env,
    )
    report = json.loads(out.read_text())
    return {k: round(v["score"] * 100) for k, v in report["categories"].items()}


def main() -> int:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "smabot"), "serve", "--port", str(port)], cwd=ROOT
    )
    try:
        wait_for(url + "healthz")
        with tempfile.TemporaryDirectory() as folder:
            runs = [lighthouse(url, Path(folder) / f"run{i}.json") for i in range(RUNS)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    for i, scores in enumerate(runs, 1):
        print(f"run {i}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
    medians = {k: statistics.median(run[k] for run in runs) for k in BARS}
    print("median: " + ", ".join(f"{k} {v:g}" for k, v in medians.items()))
    short = [f"{k} {medians[k]:g} < {bar}" for k, bar in BARS.items() if medians[k] < bar]
    if short:
        print("below the bar: " + "; ".join(short), file=sys.stderr)
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
