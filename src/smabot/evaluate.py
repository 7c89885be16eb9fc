"""Score a question file (../shared/eval format) through the same path as the HTTP API."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError, model_validator

from smabot.answer import Answerer
from smabot.errors import SmabotError
from smabot.models import AskRequest

# (payload) -> (HTTP status code, JSON body)
Ask = Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]
Expect = Literal["answer", "no_answer", "emergency", "invalid"]
EXPECTS = get_args(Expect)
_QUOTES = str.maketrans("’‘“”", "''\"\"")


class EvalQuestion(BaseModel):
    """One line of a question file (format of ../shared/eval/README.md)."""

    # other fields (split, notes) are the collectors' own: kept, not used
    model_config = ConfigDict(extra="allow", frozen=True)

    id: str = "?"
    # JSON values, not str: `invalid` questions send what the API must refuse (null, numbers)
    question: JsonValue = None
    history: JsonValue = None
    topic: str = "other"
    expect: Expect
    gold: list[str] = []
    # complete judgments (tests/eval/collected): every passage that answers, and where from
    answers: list[str] = []
    source_name: str = ""
    source_url: str = ""

    @model_validator(mode="after")
    def _well_formed(self) -> EvalQuestion:
        if self.expect == "answer" and not self.gold:
            raise ValueError("an 'answer' question needs 'gold' phrases")
        if any(not phrase.strip() for phrase in self.gold):
            raise ValueError("a blank 'gold' phrase would match every passage")
        if self.expect != "invalid":  # only `invalid` rows may send what the API refuses
            if not isinstance(self.question, str):
                raise ValueError("'question' must be text (only an 'invalid' row may differ)")
            history = self.history
            if history is not None and not (
                isinstance(history, list) and all(isinstance(h, str) for h in history)
            ):
                raise ValueError("'history' must be a list of earlier questions, as text")
        return self

    def payload(self) -> dict[str, Any]:
        """The request body the API is sent for this question, exactly as the file gives it."""
        body: dict[str, Any] = {"question": self.question}
        if "history" in self.model_fields_set:
            body["history"] = self.history
        return body

    def history_texts(self) -> list[str]:
        """The earlier questions as text, for asking an Answerer directly."""
        return [str(h) for h in self.history] if isinstance(self.history, list) else []


@dataclass(frozen=True)
class Outcome:
    """What happened to one question: the response and whether it was right."""

    id: str
    question: str
    expect: Expect
    http: int
    status: str | None
    got: list[str]
    ok: bool
    rank: int | None  # for `answer`: rank of the first passage holding a gold phrase


@dataclass
class Report:
    """The figures of one evaluation run and what went wrong."""

    hit_at_1: float
    hit_at_3: float
    mrr_at_5: float
    no_answer_accuracy: float
    emergency_recall: float
    invalid_rejected: float
    count: int
    # of the answerable questions refused, the share one of the questions offered instead
    # (`suggestions`) answers, a gold phrase in its first three passages: one tap away
    reached_by_suggestion: float = 1.0
    # of the uncovered questions rightly refused, the share offered questions at all
    suggested_when_uncovered: float = 0.0
    per_topic_hit_at_3: dict[str, float] = field(default_factory=dict)
    misses: list[Outcome] = field(default_factory=list)
    results: list[Outcome] = field(default_factory=list)  # one per question, in order

    def figures(self) -> dict[str, float | int]:
        """The headline figures, as `smabot eval --json` prints them."""
        keys = (
            "hit_at_1",
            "hit_at_3",
            "mrr_at_5",
            "no_answer_accuracy",
            "emergency_recall",
            "invalid_rejected",
            "count",
            "reached_by_suggestion",
            "suggested_when_uncovered",
        )
        return {k: getattr(self, k) for k in keys}


def normalise(text: str) -> str:
    """Fold case, straighten curly quotes and collapse white space, as the scoring rules say."""
    text = text.translate(_QUOTES)
    return re.sub(r"\s+", " ", text.casefold()).strip()


def jsonl_rows(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) of each non-blank line; SmabotError with path:line if bad."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SmabotError(f"{path}: cannot read: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise SmabotError(f"{path}:{number}: not valid JSON: {exc.msg}") from exc
        except ValueError as exc:  # NaN or Infinity: JSON has no such numbers
            raise SmabotError(f"{path}:{number}: not valid JSON: {exc}") from exc
        except RecursionError as exc:
            raise SmabotError(f"{path}:{number}: not valid JSON: nested too deeply") from exc


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSONL question file, refusing malformed lines with path:line messages."""
    questions = []
    for number, item in jsonl_rows(path):
        try:
            questions.append(EvalQuestion.model_validate(item))
        except ValidationError as exc:
            problem = exc.errors()[0]
            field = ".".join(str(part) for part in problem["loc"][:3])  # never a kilobyte path
            message = problem["msg"].removeprefix("Value error, ")
            if problem["type"] == "model_type":
                message = "needs a JSON object with 'question' and 'expect'"
            raise SmabotError(f"{path}:{number}: {field + ': ' if field else ''}{message}") from exc
    return questions


def evaluate(questions: list[EvalQuestion], ask: Ask) -> Report:
    """Ask every question and score the answers."""
    ranks: list[int | None] = []
    topic_hits: dict[str, list[bool]] = defaultdict(list)
    correct: dict[str, list[bool]] = defaultdict(list)
    results: list[Outcome] = []
    reached: list[bool] = []  # per answerable question refused
    suggested: list[bool] = []  # per uncovered question rightly refused
    for item in questions:
        code, body = ask(item.payload())
        rank = None
        refused = code == 200 and body.get("status") == "no_answer"
        offered = [str(s) for s in body.get("suggestions", [])] if refused else []
        if item.expect == "answer":
            rank = _first_hit(body, item.gold) if code == 200 else None
            ranks.append(rank)
            if refused:
                asked = [*item.history_texts(), str(item.question)]  # as the chat sends a tap
                reached.append(any(_reaches(ask, s, asked, item.gold) for s in offered))
            topic_hits[item.topic].append(rank is not None and rank <= 3)
            ok = rank == 1
        elif item.expect == "invalid":
            ok = 400 <= code < 500
            correct[item.expect].append(ok)
        else:
            ok = code == 200 and body.get("status") == item.expect
            correct[item.expect].append(ok)
            if ok and refused:
                suggested.append(bool(offered))
        got = [str(p.get("id")) for p in body.get("passages", [])]
        results.append(
            Outcome(
                item.id, str(item.question), item.expect, code, body.get("status"), got, ok, rank
            )
        )
    return Report(
        hit_at_1=_mean([r == 1 for r in ranks]),
        hit_at_3=_mean([r is not None and r <= 3 for r in ranks]),
        mrr_at_5=_mean([1 / r if r is not None and r <= 5 else 0.0 for r in ranks]),
        no_answer_accuracy=_mean(correct["no_answer"]),
        emergency_recall=_mean(correct["emergency"]),
        invalid_rejected=_mean(correct["invalid"]),
        count=len(questions),
        reached_by_suggestion=_mean(reached),
        suggested_when_uncovered=_mean(suggested) if suggested else 0.0,
        per_topic_hit_at_3={t: _mean(v) for t, v in sorted(topic_hits.items())},
        misses=[r for r in results if not r.ok],
        results=results,
    )


def _reaches(ask: Ask, suggestion: str, history: list[str], gold: list[str]) -> bool:
    """Whether the suggestion, asked next, answers with a gold phrase in its first three."""
    code, body = ask({"question": suggestion, "history": history[-10:]})
    rank = _first_hit(body, gold) if code == 200 else None
    return rank is not None and rank <= 3


def _first_hit(body: dict[str, Any], gold: list[str]) -> int | None:
    if body.get("status") != "answered":
        return None
    wanted = [normalise(g) for g in gold]
    for rank, passage in enumerate(body.get("passages", []), 1):
        text = normalise(passage.get("text", ""))
        if any(g in text for g in wanted):
            return rank
    return None


def _mean(values: list[bool] | list[float]) -> float:
    return round(sum(float(v) for v in values) / len(values), 4) if values else 1.0


def answerer_asker(answerer: Answerer) -> Ask:
    """Ask an Answerer directly, validating the payload exactly as the API does."""

    def ask(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        try:
            request = AskRequest.model_validate(payload)
        except ValidationError as exc:
            return 422, {"error": str(exc)}
        return 200, asdict(answerer.ask(request.question, request.history, request.top_k))

    return ask


def app_asker(app: Any) -> Ask:
    """Ask through the real FastAPI app, in process, exactly as an HTTP client would."""
    from fastapi.testclient import TestClient

    client = TestClient(app, raise_server_exceptions=False)

    def ask(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        response = client.post("/api/ask", json=payload)
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, {}

    return ask
