"""One error family for smabot, mapped to HTTP and CLI messages at the edges."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class SmabotError(Exception):
    """Base of every error smabot raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in a corpus file."""

    path: Path
    line: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"


class CorpusError(SmabotError):
    """The corpus cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class IndexMismatchError(SmabotError):
    """A saved index is missing, foreign, or was built from another corpus."""


class OtherVersionError(IndexMismatchError):
    """A saved build was made by another smabot version (another index format or analyser)."""


class NothingPublishedError(IndexMismatchError):
    """No published build of an index folder can be loaded."""

    def __init__(self, message: str, other_versions_only: bool = False) -> None:
        super().__init__(message)
        self.other_versions_only = other_versions_only
