"""Admin routes, present only when SMABOT_ADMIN_TOKEN is set: re-index from the corpus on disk."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import deque
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse

from smabot.errors import CorpusError, SmabotError
from smabot.live import LiveAnswerer
from smabot.publish import GateRefused, rebuild
from smabot.settings import Settings
from smabot.shared_builds import SharedBuildsError

log = logging.getLogger("smabot")
# Failed attempts allowed per client, and from everyone together, in a rolling minute.
MAX_FAILURES_PER_CLIENT = 5
MAX_FAILURES = 30
WINDOW_S = 60.0


class Throttle:
    """Counts failed admin attempts; past the limits, attempts are refused without a check."""

    def __init__(self) -> None:
        self.failures: dict[str, deque[float]] = {}
        self.everyone: deque[float] = deque()
        self.lock = threading.Lock()

    def blocked(self, client: str, now: float) -> float:
        """Seconds this client must wait before another attempt (0 when it may try)."""
        with self.lock:
            for times in (self.failures.get(client, deque()), self.everyone):
                while times and now - times[0] > WINDOW_S:
                    times.popleft()
            mine = self.failures.get(client, deque())
            if len(mine) >= MAX_FAILURES_PER_CLIENT:
                return WINDOW_S - (now - mine[0])
            if len(self.everyone) >= MAX_FAILURES:
                return WINDOW_S - (now - self.everyone[0])
            return 0.0

    def failed(self, client: str, now: float) -> None:
        """Record a failed attempt."""
        with self.lock:
            self.failures.setdefault(client, deque()).append(now)
            self.everyone.append(now)
            if len(self.failures) > 10_000:  # forget the oldest clients first
                self.failures.pop(next(iter(self.failures)))


def admin_router(settings: Settings, live: LiveAnswerer) -> APIRouter:
    """POST /api/admin/reindex, behind a bearer token compared in constant time."""
    expected = f"Bearer {settings.admin_token}".encode()
    one_at_a_time = threading.Lock()
    throttle = Throttle()

    def authorised(request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        shown = client if settings.log_client_ip else "a client"
        now = time.monotonic()
        wait = throttle.blocked(client, now)
        if wait > 0:
            log.warning("smabot: admin: too many failed attempts from %s; refused", shown)
            raise HTTPException(
                429,
                "too many failed attempts; try again later",
                headers={"retry-after": str(max(1, round(wait)))},
            )
        given = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(given, expected):
            throttle.failed(client, now)
            # the log names what happened, never what was sent
            log.warning("smabot: admin: refused a request from %s: wrong or missing token", shown)
            raise HTTPException(
                401,
                "a valid 'Authorization: Bearer <token>' header is required",
                headers={"www-authenticate": "Bearer"},
            )

    router = APIRouter(prefix="/api/admin", dependencies=[Depends(authorised)])

    @router.post("/reindex", response_model=None)
    def reindex() -> dict[str, Any] | JSONResponse:
        """Rebuild from the corpus on disk and serve it; a bad corpus leaves the old index."""
        if not one_at_a_time.acquire(blocking=False):
            return JSONResponse({"error": "a re-index is already running"}, status_code=409)
        try:
            published = rebuild(settings)
        except CorpusError as exc:
            return JSONResponse(
                {
                    "error": "the corpus has problems; nothing was published",
                    "problems": [str(p) for p in exc.problems],
                },
                status_code=422,
            )
        except GateRefused as exc:
            return JSONResponse(
                {
                    "error": f"the quality gate refused the new index: {exc}",
                    "worse": exc.result.worse,
                },
                status_code=422,
            )
        except SharedBuildsError as exc:  # PostgreSQL down: no replica may serve it alone
            return JSONResponse(
                {"error": f"{exc}; nothing was published, try again when it is back"},
                status_code=503,
                headers={"retry-after": "30"},
            )
        except SmabotError as exc:  # a broken gate question file, an unreadable folder
            return JSONResponse({"error": f"{exc}; nothing was published"}, status_code=422)
        finally:
            one_at_a_time.release()
        live.swap(published.index, published.build)
        index = published.index
        return {
            "index_version": index.version,
            "passages": len(index.passages),
            "built_at": index.params.built_at,
            "gate": published.gate.figures,
        }

    return router
