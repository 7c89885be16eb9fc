"""Request and response models of the HTTP API (they feed the OpenAPI docs)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

MAX_QUESTION_CHARS = 500
MAX_HISTORY = 10


# Marks that take no space, which a phone or a copy-paste leaves: zero-width space, non-joiner,
# joiner, word joiner, byte-order mark (the schema's pattern names the same)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def is_blank(text: str) -> bool:
    """Nothing to read: spaces of any script, and invisible marks."""
    return not text.translate(_INVISIBLE).strip()


def _not_blank(value: str) -> str:
    if is_blank(value):
        raise ValueError("the question is empty")
    return value


Question = Annotated[str, StringConstraints(max_length=MAX_QUESTION_CHARS)]
# The check is a validator (for a plain-words error); the schema states it for clients too.
NonBlankQuestion = Annotated[
    Question,
    AfterValidator(_not_blank),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_QUESTION_CHARS,
            "pattern": r"[^\s\u200b-\u200d\u2060\ufeff]",
        }
    ),
]


def _whole_number(value: object) -> object:
    """JSON's 3.0 is the integer 3; any other float, or a string, stays wrong."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


TopK = Annotated[int, BeforeValidator(_whole_number)]


class AskRequest(BaseModel):
    """A caregiver's question, the earlier questions of the conversation, and how many passages."""

    model_config = ConfigDict(extra="forbid", strict=True)

    question: NonBlankQuestion = Field(description="The question, 1 to 500 characters.")
    history: list[Question] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description="Earlier questions, oldest first (at most 10).",
    )
    top_k: TopK = Field(default=3, ge=1, le=10, description="Passages to return, 1 to 10.")
    locale: str | None = Field(
        default=None,
        max_length=35,
        pattern=r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$",
        description="Where the caregiver is, for the emergency number (en-GB, US, de-DE); "
        "the server's SMABOT_LOCALE when absent.",
    )


class FeedbackRequest(BaseModel):
    """Whether the passages shown for a question helped."""

    model_config = ConfigDict(extra="forbid", strict=True)

    question: NonBlankQuestion = Field(description="The question that was answered.")
    passage_ids: list[Annotated[str, StringConstraints(max_length=300)]] = Field(
        max_length=10, description="Ids of the passages shown (at most 10)."
    )
    helpful: bool = Field(description="Whether the answer helped.")


class Health(BaseModel):
    """Liveness and what is being served."""

    status: str
    index_version: str
    passages: int
    built_at: str
    problems: list[str]


class Ready(BaseModel):
    """Readiness: "ready", "degraded" (answering; a store or service is down) or "not ready"."""

    status: str
    problems: list[str]


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


class ErrorOut(BaseModel):
    """What was wrong with a request, in plain words."""

    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "The body is over 16 KB."},
    422: {"model": ErrorOut, "description": "The body is not valid JSON or a field is wrong."},
    429: {"model": ErrorOut, "description": "Too many requests from this client; see Retry-After."},
}
