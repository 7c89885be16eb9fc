"""Everything `smabot check` reports about a corpus, beyond what loading needs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from smabot.chunking import MAX_WORDS, split
from smabot.corpus import check_corpus, load_corpus, parse_source, source_files
from smabot.curated import FILE_NAME as CURATED_FILE
from smabot.errors import Problem
from smabot.text import MARKDOWN_ESCAPE, word_count

# Page furniture that captures and imports carry in: one list, used by check and import alike.
FURNITURE = [
    r"skip to (main )?content",
    r"share on (pinterest|facebook|twitter|x|linkedin|whatsapp)",
    r"getty images|shutterstock|istock|image credit",
    r"free consultation",
    r"fill out (my|our|the) (online )?form",
    r"have a follow-up question\??",
    r"subscribe to (any of )?(our|\w+'s) newsletters?|sign up for (our|the) newsletter",
    r"^personali[sz]e$",
    r"help us tailor your experience",
    r"accept (all )?cookies",
    r"cookie (policy|settings|preferences)",
    r"^advertisement$",
    r"^related (articles|stories)$",
    r"^(read|learn) more\W*$",
    r"click here",
    r"view editorial policy",
    r"^get more information$",
    r"^print this page$",
    r"^back to top$",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in FURNITURE), re.IGNORECASE)
# A trailing reference marker such as "… after infusion 1": a digit alone after a word.
_MARKER = re.compile(r"[a-z)\].] [1-9]$")
HUGE_PASSAGE_WORDS = 2 * MAX_WORDS


def check(root: Path, review_max_age_days: int = 365, warn_curated: bool = True) -> list[Problem]:
    """Errors and warnings for every source and language file of a corpus.

    `warn_curated=False` skips the curated-question check, which only warns and builds an index
    of its own: publishing, which builds one anyway and acts on errors only, does not need it.
    """
    problems = check_corpus(root)
    for path in source_files(root):
        problems += _furniture(path)
        source, _ = parse_source(path)
        if source is None:
            continue
        for passage in split(source):
            line = source.body_line + source.body.count("\n", 0, passage.start)
            words = word_count(passage.text)
            if words > HUGE_PASSAGE_WORDS:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"passage of {words} words: break it up "
                        f"with headings or paragraphs (at most {HUGE_PASSAGE_WORDS})",
                    )
                )
            elif words < 3:
                problems.append(
                    Problem(path, line, f"passage {passage.text!r} is nearly empty", "warning")
                )
        reviewed = dt.date.fromisoformat(source.reviewed)
        age = (dt.date.today() - reviewed).days
        if age > review_max_age_days:
            problems.append(
                Problem(
                    path,
                    _line_of(path, "reviewed"),
                    f"last reviewed {age} days ago: check it is still current "
                    "and update 'reviewed'",
                    "warning",
                )
            )
    problems += _glossary(root / "glossary.yml")
    if warn_curated and not any(p.severity == "error" for p in problems):
        problems += _curated(root)
    return problems


def _curated(root: Path) -> list[Problem]:
    """Each curated question names a real section, is answered by it and is no red flag."""
    from smabot.answer import Answerer
    from smabot.index import build_index

    corpus = load_corpus(root)
    if not corpus.curated:
        return []
    path = root / CURATED_FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    index = build_index(corpus)
    answerer = Answerer(index)
    problems = []
    for source_id, sections in corpus.curated.items():
        passages = [p for p in index.passages if p.source_id == source_id]
        for heading, questions in sections.items():
            line = next((n for n, t in enumerate(lines, 1) if heading in t), 1)
            own = {p.id for p in passages if p.section and p.section[-1] == heading}
            # questions of a removed article or a renamed heading match nothing: say so, but
            # never block a publish for them
            if not passages:
                problems.append(
                    Problem(
                        path, line, f"no source {source_id!r}: its questions are ignored", "warning"
                    )
                )
                continue
            if not own:
                problems.append(
                    Problem(
                        path, line, f"{source_id} has no heading {heading!r}: ignored", "warning"
                    )
                )
                continue
            for question in questions:
                alert = answerer.safety.detect(question)
                if alert is not None:  # offered as a follow-up, it would answer "call for help"
                    problems.append(
                        Problem(
                            path,
                            line,
                            f"{question!r} reads as an emergency ({alert.flag}): reword it",
                            "warning",
                        )
                    )
                shown = {hit.passage.id for hit, _ in answerer.nearest(question, 5)}
                if not own & shown:
                    problems.append(
                        Problem(
                            path,
                            line,
                            f"{question!r} does not find its own section {heading!r} "
                            "among the 5 best: "
                            "reword it, or list it under the section that answers it",
                            "warning",
                        )
                    )
    return problems


def suspected_furniture(body: str) -> list[tuple[int, str]]:
    """(1-based line, text) of lines that look like page furniture or reference markers."""
    found = []
    for number, line in enumerate(body.split("\n"), 1):
        text = line.strip()
        if text and (_FURNITURE.search(text) or _MARKER.search(text)):
            found.append((number, text))
    return found


def _furniture(path: Path) -> list[Problem]:
    """Furniture in a source's body, found even when its front matter has errors."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []  # check_corpus reports unreadable files
    closing = [i for i, line in enumerate(lines) if line.strip() == "---"][1:2]
    start = closing[0] + 1 if lines[:1] == ["---"] and closing else 0
    problems = [
        Problem(
            path,
            start + number,
            f"looks like page furniture or a reference marker, not article text: {text[:80]!r}",
        )
        for number, text in suspected_furniture("\n".join(lines[start:]))
    ]
    for number, line in enumerate(lines[start:], start + 1):
        escape = MARKDOWN_ESCAPE.search(line)
        if escape:
            problems.append(
                Problem(
                    path,
                    number,
                    f"Markdown escape {escape.group()!r} left by the import: caregivers would "
                    f"see the backslash; remove it",
                )
            )
    return problems


def _glossary(path: Path) -> list[Problem]:
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, ValueError) as exc:  # and bytes that are not UTF-8, a bad date
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return [Problem(path, line, f"not valid YAML: {exc}")]
    if not isinstance(data, dict):
        return [Problem(path, 1, "must map each term to a one-line definition")]
    problems = []
    for term, definition in data.items():
        line = _line_of(path, str(term))
        if not isinstance(definition, str) or not definition.strip():
            problems.append(Problem(path, line, f"{term!r} needs a one-line definition"))
        elif "\n" in definition.strip() or len(definition) > 240:
            problems.append(Problem(path, line, f"{term!r}: keep the definition to one line"))
    return problems


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1
