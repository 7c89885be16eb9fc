"""The HTTP API and pages: create_app(settings) -> FastAPI. Routes stay thin."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from smabot import __version__
from smabot.admin import admin_router
from smabot.answer import Answer
from smabot.assets import StaticAssets
from smabot.index import Index
from smabot.live import LiveAnswerer
from smabot.metrics import ANSWERS, Metrics, exposition
from smabot.middleware import (
    BodyLimit,
    Limiter,
    PublicCORS,
    RateLimit,
    SecurityHeaders,
    quiet_access_log,
)
from smabot.models import (
    ERRORS,
    AskRequest,
    FeedbackRequest,
    Health,
    Ready,
    SourceOut,
)
from smabot.pages import pages_router
from smabot.publish import open_published
from smabot.settings import Settings
from smabot.shared_builds import shared_builds
from smabot.store import Store
from smabot.text import utf8_safe

MAX_BODY_BYTES = 16 * 1024
ANSWER_JSON = TypeAdapter(Answer)


def create_app(
    settings: Settings | None = None, index: Index | None = None, build: Path | None = None
) -> FastAPI:
    """The smabot web app over the settings' published index (or an index given directly)."""
    settings = settings or Settings()
    if index is None:  # the newest good published build; never a build over it
        index, build = open_published(settings)
    live = LiveAnswerer(
        index,
        settings.index_dir(),
        settings.locale,
        build,
        shared=shared_builds(settings.db),
        sync_seconds=settings.sync_seconds,
    )
    limiter = Limiter(settings.rate_limit_per_minute, settings.rate_limit_storage)
    web = settings.web_dir()
    # Answering costs 10-30 ms of CPU, most of it the sentence encoding: one thread answers
    # in turn, so health checks and pages never wait behind questions (on the event loop, a
    # burst of 200 made /healthz take 19 s). A second reads each question for red flags first
    # (about 1 ms), so an emergency waits behind that reading only, never behind answers.
    # They live as long as the app, never shut down with a lifespan: an app may be started
    # again (the tests' clients), and an idle thread costs nothing.
    triage = ThreadPoolExecutor(1, thread_name_prefix="smabot-triage")
    answering = ThreadPoolExecutor(1, thread_name_prefix="smabot-answer")
    quiet_access_log(settings.log_client_ip)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        live.start()
        app.state.store.start_expiry()  # retention runs at start and hourly
        yield
        live.stop()
        app.state.store.stop_expiry()
        app.state.store.flush()  # nothing caregivers told us is dropped at shutdown

    app = FastAPI(
        title="smabot",
        version=__version__,
        description="Answers SMA caregivers' questions with cited, verbatim passages.",
        lifespan=lifespan,
    )
    app.state.live = live
    app.state.store = Store(
        settings.db, settings.retention_days, known=lambda: live.current.index.words
    )
    app.state.glossary = load_glossary(settings.corpus_dir())
    app.state.triage, app.state.answering = triage, answering
    # added innermost first: the body limit runs inside CORS, security headers wrap everything
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES, timeout=settings.body_timeout_seconds)
    app.add_middleware(RateLimit, limiter=limiter)
    app.add_middleware(PublicCORS, origins=settings.origins())
    app.add_middleware(SecurityHeaders)
    app.add_middleware(Metrics)
    app.add_middleware(GZipMiddleware, minimum_size=500)  # outermost: text goes out compressed
    app.mount("/static", StaticAssets(web / "static"), name="static")  # fingerprinted names
    app.include_router(pages_router(web, settings.origins(), settings.locale))
    if settings.admin_token:
        app.include_router(admin_router(settings, live))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        # A question refused for its form (too long, a wrong field) still gets the emergency
        # message when it describes one: safety comes before every refusal.
        question = exc.body.get("question") if isinstance(exc.body, dict) else None
        if request.url.path == "/api/ask" and isinstance(question, str) and question.strip():
            # a lone surrogate (refused above as text) can neither be read nor sent back
            question = utf8_safe(question)
            # all of it: the body's cap bounds it (a red flag at the end of 16 KB, 0.1 s)
            emergency = live.current.emergency(question)
            if emergency is not None:
                ANSWERS.labels(emergency.status).inc()
                return Response(ANSWER_JSON.dump_json(emergency), media_type="application/json")
        return JSONResponse({"error": _describe(exc.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI's "error parsing the body": bytes that aren't JSON
            return JSONResponse({"error": "the body is not valid JSON"}, status_code=422)
        return JSONResponse(
            {"error": str(exc.detail)},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.post("/api/ask", response_model=Answer, responses=ERRORS)
    async def ask(request: AskRequest, http: Request) -> Response:
        """Answer a question with cited passages from the published articles."""
        answerer = live.current
        retry_after = http.scope.get("state", {}).get("retry_after")
        if retry_after:  # over the rate limit: only an emergency is answered (without passages)
            emergency = answerer.emergency(request.question, request.locale)
            if emergency is None:
                ANSWERS.labels("rate_limited").inc()
                return JSONResponse(
                    {"error": "too many questions in a short time; please wait a moment"},
                    status_code=429,
                    headers={"retry-after": str(retry_after)},
                )
            ANSWERS.labels(emergency.status).inc()
            return Response(ANSWER_JSON.dump_json(emergency), media_type="application/json")
        loop = asyncio.get_running_loop()
        asked = partial(
            answerer.ask, request.question, request.history, request.top_k, request.locale
        )
        if await loop.run_in_executor(triage, answerer.emergency, request.question) is not None:
            answer = await loop.run_in_executor(triage, asked)  # ahead of every other answer
        else:
            answer = await loop.run_in_executor(answering, asked)
        ANSWERS.labels(answer.status).inc()
        # queued, written by its own thread; a message answered only in part is a gap too
        if answer.status == "no_answer" or answer.answered_part:
            app.state.store.add_unanswered(request.question)
        # serialised straight from the dataclass by pydantic-core (response_model documents it)
        return Response(ANSWER_JSON.dump_json(answer), media_type="application/json")

    @app.post("/api/feedback", status_code=202, response_class=Response, responses=ERRORS)
    async def feedback(request: FeedbackRequest) -> Response:
        """Queue a record of whether an answer helped (redacted before it is stored)."""
        # 202: queued, not yet written; a write that fails later is logged and shown by /readyz
        app.state.store.add_feedback(request.question, request.passage_ids, request.helpful)
        return Response(status_code=202)

    @app.get("/api/sources", response_model=list[SourceOut])
    def sources() -> list[dict[str, Any]]:
        """Every source of the served index, with its metadata and passage count."""
        return list(live.current.index.sources.values())

    @app.get("/api/glossary", response_model=dict[str, str])
    def glossary() -> dict[str, str]:
        """Plain-language definitions of terms that appear in passages."""
        return dict(app.state.glossary)

    store: Store = app.state.store

    def problems() -> list[str]:
        return live.problems() + store.problems() + limiter.problems()

    @app.get("/healthz", response_model=Health)
    def health() -> dict[str, Any]:
        """Liveness: 200 while this process answers; `status` is "ok" only when all is well."""
        served = live.current.index
        found = problems()
        return {
            "status": "degraded" if found else "ok",
            "index_version": served.version,
            "passages": len(served.passages),
            "built_at": served.params.built_at,
            "problems": found,
        }

    @app.get("/readyz", response_model=Ready, responses={503: {"model": Ready}})
    def ready() -> JSONResponse:
        """Readiness: 503 only when this process cannot answer from the published index.

        A store, PostgreSQL or Redis that is down is "degraded" (200, with the reasons): every
        replica meets the same outage at once, and taking them all out would stop the answers.
        """
        blocking, found = live.index_problems(), problems()
        status = "not ready" if blocking else "degraded" if found else "ready"
        return JSONResponse(
            {"status": status, "problems": found}, status_code=503 if blocking else 200
        )

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        """Counters and latencies in Prometheus's text format (no questions, no addresses)."""
        body, media_type = exposition()
        return Response(body, media_type=media_type)

    return app


def load_glossary(corpus: Path) -> dict[str, str]:
    """The corpus's glossary.yml as {term: definition}; empty when absent or malformed."""
    try:
        data = yaml.safe_load((corpus / "glossary.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, ValueError):  # ValueError: not UTF-8, a bad date
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v.strip() for k, v in data.items() if isinstance(v, str) and v.strip()}


def _describe(errors: Any) -> str:
    """Plain words for pydantic's validation errors."""
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        kind = error.get("type", "")
        if kind == "json_invalid":
            parts.append("the body is not valid JSON")
        elif kind == "missing":
            parts.append(f"'{where}' is required")
        else:
            parts.append(f"'{where}': {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"
