"""The baseline for the load script: a trivial FastAPI endpoint taking the same JSON body."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

app = FastAPI()


@app.post("/api/ask")
def ask(body: dict[str, Any]) -> dict[str, str]:
    """Answer nothing, as fast as FastAPI can."""
    return {"status": "ok", "question": str(body.get("question", ""))[:500]}
