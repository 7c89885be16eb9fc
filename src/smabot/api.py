"""The HTTP API and pages: create_app(settings) -> FastAPI. Routes stay thin."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from smabot import __version__
from smabot.answer import Answerer
from smabot.index import Index, ensure_index
from smabot.settings import Settings

MAX_BODY_BYTES = 16 * 1024
MAX_QUESTION_CHARS = 500
MAX_HISTORY = 10

Question = Annotated[str, StringConstraints(max_length=MAX_QUESTION_CHARS)]


class AskRequest(BaseModel):
    """A caregiver's question, the earlier questions of the conversation, and how many passages."""

    model_config = ConfigDict(extra="forbid", strict=True)

    question: Question = Field(description="The question, 1 to 500 characters.")
    history: list[Question] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description="Earlier questions, oldest first (at most 10).",
    )
    top_k: int = Field(default=3, ge=1, le=10, description="Passages to return, 1 to 10.")

    @field_validator("question")
    @classmethod
    def not_blank(cls, value: str) -> str:
        """A question must have some text besides white space."""
        if not value.strip():
            raise ValueError("the question is empty")
        return value


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


class BodyLimit:
    """Refuse request bodies over a size with 413, reading at most that much into memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(self.limit)(scope, receive, send)
            return
        # A chunked body has no declared length: buffer it up to the limit, then replay it.
        body = b""
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _too_large(self.limit)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay([{"type": "http.request", "body": body}], receive), send)


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        if then is None:
            return {"type": "http.disconnect"}
        return await then()

    return receive


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"error": f"request body is larger than {limit} bytes"}, status_code=413)


def create_app(settings: Settings | None = None, index: Index | None = None) -> FastAPI:
    """The smabot web app over the settings' corpus (or an index given directly)."""
    settings = settings or Settings()
    index = index or ensure_index(settings.corpus_dir(), settings.index_dir())
    answerer = Answerer(index, settings.locale)
    web = settings.web_dir()
    templates = Jinja2Templates(directory=web / "templates")

    app = FastAPI(
        title="smabot",
        version=__version__,
        description="Answers SMA caregivers' questions with cited, verbatim passages.",
    )
    app.state.answerer = answerer
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.mount("/static", StaticFiles(directory=web / "static"), name="static")

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

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "index.html", {"title": "smabot"})

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
