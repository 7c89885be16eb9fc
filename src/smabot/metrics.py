"""Prometheus metrics: requests, answers, latency, the served index and store errors.

With several workers, `smabot serve` points PROMETHEUS_MULTIPROC_DIR at a fresh folder before
they start, and `/metrics` sums every worker's files (prometheus-client's multiprocess mode).
"""

from __future__ import annotations

import os
import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter("smabot_requests", "HTTP requests by route and status.", ["route", "status"])
ANSWERS = Counter(
    "smabot_answers", "Answers by status (answered, no_answer, emergency…).", ["status"]
)
LATENCY = Histogram(
    "smabot_request_seconds",
    "Time from request to the end of the response, by route.",
    ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
)
INDEX = Gauge(
    "smabot_index_served",
    "1 for the index version this process serves (0 for versions it served before).",
    ["version"],
    multiprocess_mode="liveall",
)
STORE_ERRORS = Counter(
    "smabot_store_errors",
    "Failed operations on a store: records, shared builds, rate limits.",
    ["store"],
)


def serve_index(version: str, previous: str | None = None) -> None:
    """Record that this process now serves `version`."""
    if previous and previous != version:
        INDEX.labels(previous).set(0)
    INDEX.labels(version).set(1)


def exposition() -> tuple[bytes, str]:
    """The metrics in Prometheus's text format, summed over workers when there are several."""
    registry = REGISTRY
    if os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return generate_latest(registry), CONTENT_TYPE_LATEST


class Metrics:
    """Counts every HTTP request by its route template (never the raw path) and times it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server sends if the app raises before responding

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = getattr(scope.get("route"), "path", None) or _static_or_other(scope["path"])
            REQUESTS.labels(route, str(status)).inc()
            LATENCY.labels(route).observe(time.perf_counter() - started)


# Answered before routing (429, 413, 408, CORS preflight) but still worth their own label.
_API_PATHS = frozenset({"/api/ask", "/api/feedback", "/api/admin/reindex"})


def _static_or_other(path: str) -> str:
    # unmatched paths are not labels of their own: a scanner would create thousands
    if path in _API_PATHS:
        return path
    return "/static" if path.startswith("/static/") else "other"
