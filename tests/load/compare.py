"""Load smabot and a trivial FastAPI endpoint with wrk in the same run, and compare them.

    python tests/load/compare.py [--workers 2] [--connections 50] [--seconds 30] [--json]

Both servers run on this machine's loopback only; wrk (Debian's package) shares the cores.
While wrk loads smabot, one client times /healthz and an emergency question beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parents[2]
QUESTION_FILES = [ROOT / "tests/eval/caregivers.jsonl", ROOT / "corpus/questions/regression.jsonl"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx2.post(url, json={"question": "warm up"}, timeout=2).status_code < 500:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not come up within {seconds} s")


def lua_script(folder: Path) -> Path:
    """A wrk script that POSTs a random real question each time, numbered so that each is new:
    caregivers rarely ask the same words twice, and a repeated question skips its encoding."""
    bodies = []
    for path in QUESTION_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["expect"] != "invalid":
                question = json.dumps(item["question"], ensure_ascii=False)[:-1]  # open quote
                rest = json.dumps(item.get("history", []), ensure_ascii=False)
                bodies.append((f'{{"question": {question}', f'", "history": {rest}}}'))
    table = ",\n".join(f"{{[==[{a}]==], [==[{b}]==]}}" for a, b in bodies)
    script = folder / "ask.lua"
    script.write_text(
        f'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
        f"local bodies = {{\n{table}\n}}\n"
        # wrk's threads each run this script: a thread's id keeps their numbers apart
        "local threads = 0\n"
        "function setup(thread)\n  threads = threads + 1\n  thread:set('id', threads)\nend\n"
        "local n = 0\n"
        "request = function()\n"
        "  n = n + 1\n"
        "  local b = bodies[math.random(#bodies)]\n"
        "  local body = b[1] .. ' (' .. id .. '.' .. n .. ')' .. b[2]\n"
        "  return wrk.format(nil, '/api/ask', nil, body)\nend\n",
        encoding="utf-8",
    )
    return script


def wrk(url: str, script: Path, connections: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout

    def number(pattern: str) -> float:
        match = re.search(pattern, out)
        return float(match.group(1)) if match else 0.0

    def ms(label: str) -> float:
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        if not match:
            return 0.0
        return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), "
        r"timeout (\d+)",
        out,
    )
    errors = number(r"Non-2xx or 3xx responses: (\d+)")
    errors += sum(int(g) for g in socket_errors.groups()) if socket_errors else 0
    return {
        "requests_per_s": number(r"Requests/sec:\s+([\d.]+)"),
        "p50_ms": ms("50%"),
        "p99_ms": ms("99%"),
        "errors": errors,
        "requests": number(r"(\d+) requests in"),
    }


def probe(url: str, seconds: int) -> dict[str, float]:
    """While wrk loads smabot: median ms for /healthz and for an emergency, five times a second."""
    health, emergency = [], []
    deadline = time.monotonic() + seconds - 2
    time.sleep(2)  # wrk's connections open first
    while time.monotonic() < deadline:
        start = time.perf_counter()
        httpx2.get(f"{url}/healthz", timeout=60)
        health.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        body = {"question": "my baby has gone blue and is not breathing"}
        if httpx2.post(f"{url}/api/ask", json=body, timeout=60).json()["status"] != "emergency":
            raise SystemExit("the probe's emergency was not answered as one")
        emergency.append((time.perf_counter() - start) * 1000)
        time.sleep(0.2)
    return {
        "healthz_median_ms": statistics.median(health),
        "emergency_median_ms": statistics.median(emergency),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="smabot-load-"))
    env = {
        **os.environ,
        "SMABOT_RATE_LIMIT_PER_MINUTE": "0",
        "SMABOT_DB": str(folder / "db"),
        "SMABOT_INDEX": str(folder / "index"),
        "SMABOT_CORPUS": str(ROOT / "corpus"),
    }
    smabot_port, trivial_port = free_port(), free_port()
    servers = {
        "trivial FastAPI": [
            sys.executable,
            "-m",
            "uvicorn",
            "tests.load.trivial:app",
            "--port",
            str(trivial_port),
            "--workers",
            str(args.workers),
        ],
        "smabot /api/ask": [
            sys.executable,
            "-m",
            "smabot.cli",
            "serve",
            "--port",
            str(smabot_port),
            "--workers",
            str(args.workers),
        ],
    }
    ports = {"trivial FastAPI": trivial_port, "smabot /api/ask": smabot_port}
    logs = {name: open(folder / f"{i}.log", "w") for i, name in enumerate(servers)}  # noqa: SIM115
    processes = {
        name: subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=logs[name], stderr=subprocess.STDOUT)
        for name, cmd in servers.items()
    }
    results = {}
    try:
        script = lua_script(folder)
        for name, port in ports.items():
            url = f"http://127.0.0.1:{port}"
            wait_until_up(f"{url}/api/ask")
            wrk(url, script, args.connections, 3)  # warm-up
            if name == "smabot /api/ask":
                with ThreadPoolExecutor(1) as beside:
                    waits = beside.submit(probe, url, args.seconds)
                    results[name] = wrk(url, script, args.connections, args.seconds)
                    results[name] |= waits.result()
            else:
                results[name] = wrk(url, script, args.connections, args.seconds)
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(timeout=30)
    trivial, smabot = results["trivial FastAPI"], results["smabot /api/ask"]
    summary = {
        "workers": args.workers,
        "connections": args.connections,
        "seconds": args.seconds,
        **{k: v for k, v in results.items()},
        "throughput_ratio": round(smabot["requests_per_s"] / trivial["requests_per_s"], 3),
        "p99_ratio": round(smabot["p99_ms"] / trivial["p99_ms"], 3),
    }
    if args.json:
        print(json.dumps(summary))
        return 0
    print(f"wrk, {args.connections} connections, {args.seconds} s, {args.workers} workers each")
    print("| endpoint | requests/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|")
    for name, r in results.items():
        print(
            f"| {name} | {r['requests_per_s']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} "
            f"| {int(r['errors'])} |"
        )
    print(f"smabot / trivial: throughput {summary['throughput_ratio']}, p99 {summary['p99_ratio']}")
    print(
        f"beside the load: /healthz {smabot['healthz_median_ms']:.0f} ms, an emergency "
        f"{smabot['emergency_median_ms']:.0f} ms (medians)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
