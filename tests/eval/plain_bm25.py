"""The plain approach, for comparison: rank-bm25 over the articles split at blank lines.

Headings left out, lower-cased word tokens, BM25Okapi's defaults, the best three paragraphs
for every question (it never refuses), scored by the same rules as `smabot eval`.
Run from the repository root:

    .venv/bin/python tests/eval/plain_bm25.py tests/eval/collected/test.jsonl ...
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from rank_bm25 import BM25Okapi

from smabot.corpus import load_corpus
from smabot.evaluate import evaluate, load_questions

ROOT = Path(__file__).resolve().parents[2]


def tokens(text: str) -> list[str]:
    """Lower-cased words, as a first attempt would split them."""
    return re.findall(r"[a-z0-9]+", text.lower())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    paragraphs = [
        p.strip()
        for source in load_corpus(ROOT / "corpus").sources
        for p in re.split(r"\n\s*\n", source.body)
        if p.strip() and not p.strip().startswith("#")  # a heading alone answers nothing
    ]
    bm25 = BM25Okapi([tokens(p) for p in paragraphs])

    def ask(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        question = payload.get("question")
        if not isinstance(question, str) or not question.strip():
            return 422, {}
        scores = bm25.get_scores(tokens(question))
        best = sorted(range(len(paragraphs)), key=lambda i: -scores[i])[:3]
        return 200, {"status": "answered", "passages": [{"text": paragraphs[i]} for i in best]}

    for path in args.files:
        report = evaluate(load_questions(path), ask)
        print(path, json.dumps(report.figures()))


if __name__ == "__main__":
    main()
