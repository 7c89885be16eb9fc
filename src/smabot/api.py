"""The HTTP API and pages: create_app(settings) -> FastAPI. Routes stay thin."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from starlette.exceptions import HTTPException as StarletteHTTPException

from smabot import __version__
from smabot.answer import Answerer
from smabot.index import Index, ensure_index
from smabot.middleware import BodyLimit, PublicCORS, SecurityHeaders
from smabot.pages import pages_router
from smabot.settings import Settings
from smabot.store import Store

MAX_BODY_BYTES = 16 * 1024
MAX_QUESTION_CHARS = 500
MAX_HISTORY = 10


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("the question is empty")
    return value


Question = Annotated[str, StringConstraints(max_length=MAX_QUESTION_CHARS)]
NonBlankQuestion = Annotated[Question, AfterValidator(_not_blank)]


class AskRequest(BaseModel):
    """A caregiver's question, the earlier questions of the conversation, and how many passages."""

    model_config = ConfigDict(extra="forbid", strict=True)

    question: NonBlankQuestion = Field(description="The question, 1 to 500 characters.")
    history: list[Question] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description="Earlier questions, oldest first (at most 10).",
    )
    top_k: int = Field(default=3, ge=1, le=10, description="Passages to return, 1 to 10.")


class FeedbackRequest(BaseModel):
    """Whether the passages shown for a question helped."""

    model_config = ConfigDict(extra="forbid", strict=True)

    question: NonBlankQuestion = Field(description="The question that was answered.")
    passage_ids: list[Annotated[str, StringConstraints(max_length=300)]] = Field(
        max_length=10, description="Ids of the passages shown (at most 10)."
    )
    helpful: bool = Field(description="Whether the answer helped.")


class CitationOut(BaseModel):
    """Where a passage comes from."""

    source_id: str
    title: str
    publisher: str
    url: str
    section: str
    last_updated: str
    kind: str


class PassageOut(BaseModel):
    """A verbatim passage; highlights are [start, end) character ranges in text."""

    id: str
    text: str
    score: float
    highlights: list[tuple[int, int]]
    citation: CitationOut


class AnswerOut(BaseModel):
    """smabot's answer: status, an optional message to read first, and cited passages."""

    question: str
    status: str = Field(description="answered, no_answer or emergency")
    message: str | None
    passages: list[PassageOut]
    disclaimer: str
    index_version: str


class Health(BaseModel):
    """Liveness and what is being served."""

    status: str
    index_version: str
    passages: int
    built_at: str


class SourceOut(BaseModel):
    """One source of the corpus and how many passages it gave."""

    id: str
    title: str
    publisher: str
    url: str
    last_updated: str
    kind: str
    reviewed: str
    passages: int


def create_app(settings: Settings | None = None, index: Index | None = None) -> FastAPI:
    """The smabot web app over the settings' corpus (or an index given directly)."""
    settings = settings or Settings()
    index = index or ensure_index(settings.corpus_dir(), settings.index_dir())
    answerer = Answerer(index, settings.locale)
    web = settings.web_dir()

    app = FastAPI(
        title="smabot",
        version=__version__,
        description="Answers SMA caregivers' questions with cited, verbatim passages.",
    )
    app.state.answerer = answerer
    app.state.store = Store(settings.db)
    # added innermost first: the body limit runs inside CORS, security headers wrap everything
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(PublicCORS, origins=settings.origins())
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=web / "static"), name="static")
    app.include_router(pages_router(web, settings.origins()))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _describe(exc.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail)},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.post("/api/ask", response_model=AnswerOut)
    def ask(request: AskRequest) -> dict[str, Any]:
        """Answer a question with cited passages from the reviewed articles."""
        answer = app.state.answerer.ask(request.question, request.history, request.top_k)
        return asdict(answer)

    @app.post("/api/feedback", status_code=204, response_class=Response)
    def feedback(request: FeedbackRequest) -> Response:
        """Record whether an answer helped (the question is redacted before it is stored)."""
        app.state.store.add_feedback(request.question, request.passage_ids, request.helpful)
        return Response(status_code=204)

    @app.get("/api/sources", response_model=list[SourceOut])
    def sources() -> list[dict[str, Any]]:
        """Every source of the served index, with its metadata and passage count."""
        return list(app.state.answerer.index.sources.values())

    @app.get("/healthz", response_model=Health)
    def health() -> dict[str, Any]:
        """The served index's version, size and build time."""
        served: Index = app.state.answerer.index
        return {
            "status": "ok",
            "index_version": served.version,
            "passages": len(served.passages),
            "built_at": served.params.built_at,
        }

    return app


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
