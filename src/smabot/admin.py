"""Admin routes, present only when SMABOT_ADMIN_TOKEN is set: re-index from the corpus on disk."""

from __future__ import annotations

import hmac
import threading
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse

from smabot.errors import CorpusError
from smabot.live import LiveAnswerer
from smabot.publish import GateRefused, rebuild
from smabot.settings import Settings


def admin_router(settings: Settings, live: LiveAnswerer) -> APIRouter:
    """POST /api/admin/reindex, behind a bearer token compared in constant time."""
    expected = f"Bearer {settings.admin_token}".encode()
    one_at_a_time = threading.Lock()

    def authorised(request: Request) -> None:
        given = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(given, expected):
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
        finally:
            one_at_a_time.release()
        live.swap(published.index)
        index = published.index
        return {
            "index_version": index.version,
            "passages": len(index.passages),
            "built_at": index.params.built_at,
            "gate": published.gate.figures,
        }

    return router
