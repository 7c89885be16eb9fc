"""Score a question file (../shared/eval format) through the same path as the HTTP API."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from smabot.answer import Answerer
from smabot.errors import SmabotError
from smabot.models import AskRequest

# (payload) -> (HTTP status code, JSON body)
Ask = Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]
EXPECTS = ("answer", "no_answer", "emergency", "invalid")
_QUOTES = str.maketrans("’‘“”", "''\"\"")


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
    per_topic_hit_at_3: dict[str, float] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)  # one per question, in order

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
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise SmabotError(f"{path}:{number}: not valid JSON: {exc.msg}") from exc


def load_questions(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL question file, refusing malformed lines with path:line messages."""
    questions = []
    for number, item in jsonl_rows(path):
        if not isinstance(item, dict) or item.get("expect") not in EXPECTS:
            raise SmabotError(f"{path}:{number}: needs an 'expect' of {', '.join(EXPECTS)}")
        if item["expect"] == "answer" and not item.get("gold"):
            raise SmabotError(f"{path}:{number}: an 'answer' question needs 'gold' phrases")
        questions.append(item)
    return questions


def evaluate(questions: list[dict[str, Any]], ask: Ask) -> Report:
    """Ask every question and score the answers."""
    ranks: list[int | None] = []
    topic_hits: dict[str, list[bool]] = defaultdict(list)
    correct: dict[str, list[bool]] = defaultdict(list)
    results: list[dict[str, Any]] = []
    for item in questions:
        payload: dict[str, Any] = {"question": item.get("question")}
        if item.get("history"):
            payload["history"] = item["history"]
        code, body = ask(payload)
        expect = item["expect"]
        rank = None
        if expect == "answer":
            rank = _first_hit(body, item["gold"]) if code == 200 else None
            ranks.append(rank)
            topic_hits[item.get("topic", "other")].append(rank is not None and rank <= 3)
            ok = rank == 1
        elif expect == "invalid":
            ok = 400 <= code < 500
            correct[expect].append(ok)
        else:
            ok = code == 200 and body.get("status") == expect
            correct[expect].append(ok)
        results.append({**_outcome(item, code, body), "ok": ok, "rank": rank})
    return Report(
        hit_at_1=_mean([r == 1 for r in ranks]),
        hit_at_3=_mean([r is not None and r <= 3 for r in ranks]),
        mrr_at_5=_mean([1 / r if r is not None and r <= 5 else 0.0 for r in ranks]),
        no_answer_accuracy=_mean(correct["no_answer"]),
        emergency_recall=_mean(correct["emergency"]),
        invalid_rejected=_mean(correct["invalid"]),
        count=len(questions),
        per_topic_hit_at_3={t: _mean(v) for t, v in sorted(topic_hits.items())},
        misses=[r for r in results if not r["ok"]],
        results=results,
    )


def _first_hit(body: dict[str, Any], gold: list[str]) -> int | None:
    if body.get("status") != "answered":
        return None
    wanted = [normalise(g) for g in gold]
    for rank, passage in enumerate(body.get("passages", []), 1):
        text = normalise(passage.get("text", ""))
        if any(g in text for g in wanted):
            return rank
    return None


def _outcome(item: dict[str, Any], code: int, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item.get("id"),
        "question": item.get("question"),
        "expect": item["expect"],
        "http": code,
        "status": body.get("status"),
        "got": [p.get("id") for p in body.get("passages", [])],
    }


def _mean(values: list[Any]) -> float:
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
