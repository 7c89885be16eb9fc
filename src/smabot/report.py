"""The editors' gap report: what caregivers asked that the corpus could not answer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from smabot.answer import Answerer
from smabot.curated import FILE_NAME as CURATED_FILE
from smabot.store import Store
from smabot.text import printable

# Two questions whose words overlap this much (rapidfuzz token_set_ratio) are one topic.
SIMILAR = 70.0


@dataclass
class Group:
    """Unanswered questions in similar words, most frequent wording first."""

    count: int
    wordings: list[str] = field(default_factory=list)


@dataclass
class PassageRating:
    """How caregivers rated one passage."""

    passage_id: str
    unhelpful: int
    rated: int


def group_questions(questions: list[str]) -> list[Group]:
    """Group questions by similar wording, largest group first."""
    groups: list[tuple[str, Group]] = []
    for text, count in Counter(_normal(q) for q in questions).most_common():
        for key, group in groups:
            if fuzz.token_set_ratio(text, key) >= SIMILAR:
                group.count += count
                group.wordings.append(text)
                break
        else:
            groups.append((text, Group(count, [text])))
    return sorted((g for _, g in groups), key=lambda g: -g.count)


def passage_ratings(feedback: list[dict[str, object]]) -> list[PassageRating]:
    """Passages most often marked unhelpful, with how often they were rated at all."""
    rated: Counter[str] = Counter()
    unhelpful: Counter[str] = Counter()
    for record in feedback:
        ids = record["passage_ids"]
        assert isinstance(ids, list)
        rated.update(ids)
        if not record["helpful"]:
            unhelpful.update(ids)
    return [PassageRating(pid, n, rated[pid]) for pid, n in unhelpful.most_common()]


def render(store: Store, since: str = "", limit: int = 20, suggest: Answerer | None = None) -> str:
    """The report as text for a terminal; with `suggest`, the sections that nearly answered."""
    store.expire()
    unanswered = store.unanswered(since)
    feedback = store.feedback(since)
    when = f" since {since}" if since else ""
    lines = [f"Unanswered questions{when}: {len(unanswered)}"]
    for group in group_questions([r["question"] for r in unanswered])[:limit]:
        lines.append(f"  {group.count:>4}  {group.wordings[0]}")
        lines += [f"        ~ {w}" for w in group.wordings[1:4]]
        if suggest is not None:
            lines += _nearly(suggest, group.wordings[0])
    ratings = passage_ratings(feedback)
    lines += ["", f"Passages marked not helpful{when} ({len(feedback)} ratings in all):"]
    lines += [f"  {r.unhelpful:>4} of {r.rated:<4} {r.passage_id}" for r in ratings[:limit]]
    if not ratings:
        lines.append("  none")
    # what caregivers typed (and passage ids they sent) reaches an editor's terminal
    return "\n".join(printable(line) for line in lines)


def _nearly(answerer: Answerer, question: str) -> list[str]:
    """Sections that nearly answered, as lines to paste into section_questions.yml: those
    sharing its words, then those whose questions the chat offered instead (`Answerer.nearby`)."""
    lines = []
    for hit, coverage in answerer.nearest(question, 3):
        heading = hit.passage.section[-1] if hit.passage.section else ""
        if not heading or coverage <= 0:
            continue
        lines.append(
            f"        nearly ({coverage:.0%} of it): {hit.passage.source_id} › {heading!r}"
            f"  → under it in {CURATED_FILE}: - {question}"
        )
    if not lines:
        lines.append("        nearly: no section shares its words")
    for passage, offered in answerer.nearby(question):
        lines.append(
            f"        offered in the chat: {offered!r}, which {passage.source_id}"
            f" › {' › '.join(passage.section[-1:])!r} answers"
        )
    return lines


def _normal(question: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'\[\]]", " ", question.casefold())).strip()
