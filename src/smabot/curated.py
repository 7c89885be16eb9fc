"""corpus/section_questions.yml: the questions each section answers, written by the editors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from smabot.errors import Problem

FILE_NAME = "section_questions.yml"
MAX_CHARS = 160


def read_curated(root: Path) -> tuple[dict[str, dict[str, list[str]]], list[Problem]]:
    """{source id: {heading: [questions]}} and every problem, as `path:line: message`."""
    path = root / FILE_NAME
    if not path.exists():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, ValueError) as exc:  # ValueError: not UTF-8, a bad date
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return {}, [Problem(path, line, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(data, dict):
        return {}, [Problem(path, 1, "must map source ids to {heading: [questions]}")]
    lines = path.read_text(encoding="utf-8").split("\n")
    found: dict[str, dict[str, list[str]]] = {}
    problems = []
    for source, sections in data.items():
        line = _line_of(lines, str(source))
        if not isinstance(sections, dict):
            problems.append(Problem(path, line, f"{source!r}: map each heading to questions"))
            continue
        for heading, questions in sections.items():
            at = _line_of(lines, str(heading), after=line)
            ok = isinstance(questions, list) and all(
                isinstance(q, str) and q.strip() and len(q) <= MAX_CHARS for q in questions
            )
            if not ok or not questions:
                problems.append(
                    Problem(path, at, f"{heading!r}: list questions of 1-{MAX_CHARS} characters")
                )
                continue
            found.setdefault(str(source), {})[str(heading)] = [q.strip() for q in questions]
    return found, problems


def _line_of(lines: list[str], key: str, after: int = 0) -> int:
    for number, line in enumerate(lines[after:], after + 1):
        if key in line and line.rstrip().endswith(":"):
            return number
    return max(after, 1)


def by_passage(curated: dict[str, dict[str, list[str]]], passages: Any) -> dict[str, list[str]]:
    """Each passage's curated questions: those of its source's section (its last heading)."""
    found = {}
    for passage in passages:
        heading = passage.section[-1] if passage.section else ""
        questions = curated.get(passage.source_id, {}).get(heading)
        if questions:
            found[passage.id] = list(questions)
    return found
