"""corpus/red_flags.yml: load and validate the reviewed red-flag lexicon, with line numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from smabot.analysis import fold
from smabot.errors import Problem
from smabot.settings import bundled_dir

FILE_NAME = "red_flags.yml"
LEVELS = ("emergency", "urgent", "sign")
MEASURES = (
    "temperature",
    "oxygen_saturation",
    "hours_dry",
    "seizure_minutes",
    "headache_score",
    "feed_share",
    "alt",
    "breaths_per_minute",
    "platelets",
)
FLAG_KEYS = {
    "id",
    "level",
    "description",
    "sources",
    "phrasings",
    "measure",
    "requires",
    "after",
    "within_days",
    "counts_if_resolved",
    "past_counts",
}
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_GROUP_REF = re.compile(r"\{([^{}]*)\}")
_URL = re.compile(r"^https?://\S+$")
# What a phrasing word may be: letters and digits, an optional trailing * (prefix), or {group}.
_PHRASE_WORD = re.compile(r"^(?:[a-z0-9]+\*?|\.\.\.|\{[a-z_]+\}|[a-z0-9]*\{[a-z_]+\}[a-z0-9]*)$")


class _Lines(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping key and list item."""


def _construct_mapping(loader: _Lines, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return mapping


def _construct_sequence(loader: _Lines, node: yaml.SequenceNode) -> list[Any]:
    items = LineList(loader.construct_sequence(node, deep=True))
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


class LineDict(dict[str, Any]):
    """A mapping that knows the line it and each of its keys start on."""

    line = 1
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list that knows the line of each item."""

    lines: list[int]


_Lines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Lines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def red_flags_path(corpus: Path) -> Path:
    """The corpus's red_flags.yml, else the bundled one: safety is never switched off."""
    own = corpus / FILE_NAME
    return own if own.exists() else bundled_dir("corpus") / FILE_NAME


def parse_red_flags(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The lexicon as plain data and every problem in it, each as `path:line: message`."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lines)
    except OSError as exc:
        return None, [Problem(path, 1, f"cannot read: {exc.strerror}")]
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: not UTF-8, a bad date
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return None, [Problem(path, line, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(raw, LineDict):
        return None, [Problem(path, 1, "must be a mapping with 'groups', 'treatments' and 'flags'")]
    problems: list[Problem] = []

    def problem(line: int, message: str, severity: str = "error") -> None:
        problems.append(Problem(path, line, message, severity))

    groups = _word_lists(raw, "groups", problem, single_words=True)
    treatments = _word_lists(raw, "treatments", problem, single_words=False)
    as_written = raw.get("as_written") or []
    if not isinstance(as_written, list) or not all(
        isinstance(w, str) and re.fullmatch(r"[a-z0-9]+", fold(w)) for w in as_written
    ):
        problem(raw.key_lines.get("as_written", 1), "'as_written' must be a list of single words")
        as_written = []
    flags = raw.get("flags")
    if not isinstance(flags, LineList) or not flags:
        problem(raw.key_lines.get("flags", 1), "'flags' must be a list of flags")
        return None, problems
    ids = [f.get("id") for f in flags if isinstance(f, dict)]
    for flag, line in zip(flags, flags.lines, strict=True):
        if not isinstance(flag, LineDict):
            problem(line, "each flag must be a mapping with id, level, description, sources")
            continue
        _check_flag(flag, groups, treatments, ids, problem)
    seen: set[str] = set()
    for flag, line in zip(flags, flags.lines, strict=True):
        flag_id = flag.get("id") if isinstance(flag, dict) else None
        if isinstance(flag_id, str) and flag_id in seen:
            problem(line, f"flag id {flag_id!r} is used twice")
        seen.add(str(flag_id))
    required = {r for f in flags if isinstance(f, dict) for r in f.get("requires") or []}
    for flag, line in zip(flags, flags.lines, strict=True):
        if (
            isinstance(flag, dict)
            and flag.get("level") == "sign"
            and flag.get("id") not in required
        ):
            problem(line, f"sign {flag.get('id')!r} is not required by any flag", "warning")
    if any(p.severity == "error" for p in problems):
        return None, problems
    data = {
        "reviewed": str(raw.get("reviewed", "")),
        "groups": {k: list(v) for k, v in groups.items()},
        "treatments": {k: list(v) for k, v in treatments.items()},
        "as_written": sorted(fold(w) for w in as_written),
        "flags": [_plain(f) for f in flags],
    }
    return data, problems


def _word_lists(raw: LineDict, key: str, problem: Any, single_words: bool) -> dict[str, list[str]]:
    """`groups` or `treatments`: name -> list of lower-case words (or phrases)."""
    value = raw.get(key) or LineDict()
    if not isinstance(value, LineDict):
        problem(raw.key_lines.get(key, 1), f"'{key}' must map names to lists of words")
        return {}
    found: dict[str, list[str]] = {}
    for name, words in value.items():
        line = value.key_lines.get(name, value.line)
        if not _SLUG.match(str(name)):
            problem(line, f"{key} name {name!r}: use lower-case letters, digits and _")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            hint = " (quote yes/no/on/off: YAML reads them as true/false)" if words else ""
            problem(line, f"{key} {name!r} must be a non-empty list of words{hint}")
            continue
        clean = [normal_text(w) for w in words]
        for word, original in zip(clean, words, strict=True):
            if not word or (single_words and " " in word):
                what = "one word" if single_words else "words"
                problem(line, f"{key} {name!r}: {original!r} must be {what}")
        found[str(name)] = [w for w in clean if w]
    return found


def _check_flag(
    flag: LineDict,
    groups: dict[str, list[str]],
    treatments: dict[str, list[str]],
    ids: list[Any],
    problem: Any,
) -> None:
    line = flag.line
    at = flag.key_lines.get
    flag_id = flag.get("id")
    name = repr(flag_id)
    if not isinstance(flag_id, str) or not _SLUG.match(flag_id):
        problem(at("id", line), "each flag needs an 'id' of lower-case letters, digits and -")
    for key in sorted(set(flag) - FLAG_KEYS):
        problem(at(key, line), f"flag {name}: unknown field {key!r}")
    if flag.get("level") not in LEVELS:
        problem(at("level", line), f"flag {name}: 'level' must be one of {', '.join(LEVELS)}")
    if not isinstance(flag.get("description"), str) or not flag["description"].strip():
        problem(at("description", line), f"flag {name}: needs a plain 'description'")
    sources = flag.get("sources")
    if not isinstance(sources, list) or not sources:
        problem(at("sources", line), f"flag {name}: list the public guidance under 'sources'")
    else:
        for url, url_line in zip(sources, getattr(sources, "lines", []), strict=False):
            if not isinstance(url, str) or not _URL.match(url):
                problem(url_line, f"flag {name}: source {url!r} is not an http(s) address")
    phrasings = flag.get("phrasings", [])
    if not isinstance(phrasings, list):
        problem(at("phrasings", line), f"flag {name}: 'phrasings' must be a list")
        phrasings = []
    seen: set[str] = set()
    for text, text_line in zip(phrasings, getattr(phrasings, "lines", []), strict=False):
        message = _phrasing_problem(text, groups)
        if message:
            problem(text_line, f"flag {name}: phrasing {text!r}: {message}")
        elif " ".join(str(text).lower().split()) in seen:
            problem(text_line, f"flag {name}: phrasing {text!r} is listed twice", "warning")
        seen.add(" ".join(str(text).lower().split()))
    measure = flag.get("measure")
    if measure is not None:
        _check_measure(measure, at("measure", line), name, problem)
    requires = flag.get("requires", [])
    if not isinstance(requires, list) or any(r not in ids or r == flag_id for r in requires):
        problem(at("requires", line), f"flag {name}: 'requires' must list other flags' ids")
    after = flag.get("after", [])
    if not isinstance(after, list) or any(t not in treatments for t in after):
        known = ", ".join(treatments) or "none"
        problem(at("after", line), f"flag {name}: 'after' must list treatments ({known})")
    days = flag.get("within_days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
        problem(at("within_days", line), f"flag {name}: 'within_days' must be a whole number ≥ 1")
    if days is not None and not after:
        problem(at("within_days", line), f"flag {name}: 'within_days' needs 'after'")
    for key in ("counts_if_resolved", "past_counts"):
        if not isinstance(flag.get(key, False), bool):
            problem(at(key, line), f"flag {name}: '{key}' is true or false")
    if not phrasings and measure is None and not requires:
        problem(line, f"flag {name}: needs 'phrasings', a 'measure' or 'requires'")


def _phrasing_problem(text: Any, groups: dict[str, list[str]]) -> str | None:
    if not isinstance(text, str) or not normal_text(text.replace("*", "").replace("{", "")):
        return "must be some words"
    for word in text.lower().split():
        if not _PHRASE_WORD.match(word):
            return f"{word!r} is not a word, word*, ... or {{group}}"
    unknown = [g for g in _GROUP_REF.findall(text) if g not in groups]
    if unknown:
        return f"unknown group {{{unknown[0]}}} (define it under 'groups')"
    return None


def _check_measure(measure: Any, line: int, name: str, problem: Any) -> None:
    if not isinstance(measure, dict) or measure.get("name") not in MEASURES:
        problem(line, f"flag {name}: 'measure' needs a name: {', '.join(MEASURES)}")
        return
    limits = [k for k in ("at_least", "below") if k in measure]
    extra = set(measure) - {"name", "at_least", "below"}
    if len(limits) != 1 or extra:
        problem(line, f"flag {name}: 'measure' takes a name and one of at_least / below")
        return
    value = measure[limits[0]]
    if not isinstance(value, int | float) or isinstance(value, bool):
        problem(line, f"flag {name}: the measure's threshold must be a number")


def _plain(value: Any) -> Any:
    """Line-aware YAML values as plain JSON-ready data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^a-z0-9*{}_ ]+")


def normal_text(text: str) -> str:
    """Lower-case words without apostrophes: "Can't  breathe!" -> "cant breathe"."""
    folded = _APOSTROPHES.sub("", fold(str(text)))
    return " ".join(_NON_WORD.sub(" ", folded).split())
