"""`smabot safety`: recall and false alarms of the red-flag check on a vignette file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from smabot.errors import SmabotError
from smabot.evaluate import jsonl_rows


@dataclass(frozen=True)
class Vignette:
    """One message of the safety suite: does it describe a red flag happening now?"""

    id: str
    split: str
    flag: bool
    level: str | None
    category: str
    kind: str
    text: str


@dataclass
class SafetyScore:
    """Recall on red flags and the share of near-misses wrongly flagged."""

    red_flags: int = 0
    caught: int = 0
    near_misses: int = 0
    false_alarms: int = 0
    missed: list[str] = field(default_factory=list)
    alarmed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of red flags flagged."""
        return self.caught / self.red_flags if self.red_flags else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of near-misses flagged."""
        return self.false_alarms / self.near_misses if self.near_misses else 0.0

    def summary(self) -> dict[str, float | int]:
        """The figures, rounded, for printing and JSON."""
        return {
            "red_flags": self.red_flags,
            "recall": round(self.recall, 3),
            "near_misses": self.near_misses,
            "false_alarm_rate": round(self.false_alarm_rate, 3),
        }


def load_vignettes(path: Path) -> list[Vignette]:
    """Vignettes from a JSONL file; a malformed line is a SmabotError naming its line."""
    found = []
    for number, row in jsonl_rows(path):
        try:
            found.append(
                Vignette(
                    str(row["id"]),
                    str(row.get("split", "")),
                    bool(row["flag"]),
                    row.get("level"),
                    str(row.get("category", "")),
                    str(row.get("kind", "")),
                    str(row["text"]),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SmabotError(f"{path}:{number}: not a vignette ({exc})") from exc
    return found


def score(vignettes: list[Vignette], flags: Callable[[str], bool]) -> SafetyScore:
    """Score a detector (text -> flagged?) on vignettes."""
    result = SafetyScore()
    for vignette in vignettes:
        flagged = flags(vignette.text)
        if vignette.flag:
            result.red_flags += 1
            result.caught += flagged
            if not flagged:
                result.missed.append(vignette.id)
        else:
            result.near_misses += 1
            result.false_alarms += flagged
            if flagged:
                result.alarmed.append(vignette.id)
    return result
