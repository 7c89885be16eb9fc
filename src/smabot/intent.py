"""What a question asks for (how it works, how it is given, side effects, cost...) and what each
section is about, from one list of cue phrases (intents.yml), so ranking can prefer the passage
that answers the question asked over one that merely shares its words."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from smabot.analysis import fold


@dataclass(frozen=True)
class Intents:
    """Named cue patterns: which intents a piece of text expresses."""

    patterns: Mapping[str, tuple[re.Pattern[str], ...]]

    @cached_property
    def _any(self) -> dict[str, re.Pattern[str]]:
        # one alternation per intent: one scan of the text per intent, not one per cue
        return {
            name: re.compile("|".join(f"(?:{c.pattern})" for c in cues))
            for name, cues in self.patterns.items()
        }

    def of(self, text: str) -> frozenset[str]:
        """The intents whose cues occur in the text."""
        folded = fold(text).replace("’", "'")
        return frozenset(name for name, cue in self._any.items() if cue.search(folded))

    def cue_words(
        self, text: str, intents: Collection[str] | None = None
    ) -> dict[str, frozenset[str]]:
        """Each stretch of text that is a cue, with the intents it is a cue of.

        `intents`, when the caller already has `of(text)`, saves scanning the text again.
        """
        folded = fold(text).replace("’", "'")
        found_in = self.of(text) if intents is None else intents
        found: dict[str, set[str]] = {}
        for name, cues in self.patterns.items():
            if name not in found_in:
                continue  # most questions hold one or two intents: skip the others' cues
            for cue in cues:
                for match in cue.finditer(folded):
                    found.setdefault(match.group(0), set()).add(name)
        return {words: frozenset(names) for words, names in found.items()}

    def of_section(self, headings: Iterable[str], questions: Iterable[str]) -> frozenset[str]:
        """A section's intents: those of its heading and of the questions its editors listed."""
        heading = self.of(" ".join(headings))
        return heading | self.of(" ".join(questions))


@lru_cache(maxsize=1)
def load_intents() -> Intents:
    """The cue phrases shipped with smabot (src/smabot/intents.yml)."""
    text = resources.files("smabot").joinpath("intents.yml").read_text("utf-8")
    return parse_intents(yaml.safe_load(text) or {})


def parse_intents(data: Mapping[str, object]) -> Intents:
    """Intents from parsed YAML; a cue that is not text (an unquoted ": " makes it a mapping)
    is refused by name rather than compiled from its Python form."""
    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    for name, cues in data.items():
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            raise ValueError(f"intents.yml: {name!r} must be a list of cues, each text (quote it)")
        patterns[str(name)] = tuple(re.compile(c) for c in cues)
    return Intents(patterns)
