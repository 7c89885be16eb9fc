"""Compare smabot's hand-written ConText step with medspaCy's ConText on the safety vignettes.

A script, not a pytest test. medspaCy must stay out of the project's own venv, so it runs in a
venv of its own (no spaCy model is downloaded: medspacy.load() starts from a blank English
pipeline, with medspaCy's tokenizer, PyRuSH sentence splitter and ConText with default rules):

    python3 -m venv /work/medspacy-venv
    /work/medspacy-venv/bin/pip install medspacy
    /work/medspacy-venv/bin/pip install -e /work/main
    /work/medspacy-venv/bin/python /work/main/tests/safety/compare_context.py

Three variants of the same detector (pre-check, read, findings, decide), differing only in the
context modifiers handed to Detector.decide: smabot.context.modifiers (hand-written), medspaCy's
ConText over every finding as a span (is_negated, is_historical, is_hypothetical, is_family become
inner modifiers of that finding), and none at all. Prints recall, false-alarm rate and the median
time per message (the whole detection; every message of a split timed REPEATS times after the
scoring pass, which warms the caches), misses and false alarms by kind, and the medspaCy rules
behind the messages where the two context steps disagree.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections import Counter
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import medspacy
from loguru import logger

from smabot import context
from smabot.corpus import load_corpus
from smabot.safety import Detector, Finding
from smabot.safety_eval import Vignette, load_vignettes, score

ROOT = Path(__file__).resolve().parents[2]
VIGNETTES = ROOT / "tests" / "safety" / "vignettes.jsonl"
EXTRA = ROOT / "tests" / "safety" / "tuning_extra.jsonl"
SPLITS = ("tune", "test")
REPEATS = 3
GROUP = "medspacy_spans"
# medspaCy's span attributes and the smabot category each one stands for (is_uncertain has none:
# smabot keeps an uncertain red flag a red flag).
ATTRIBUTES = {
    "is_negated": context.NEGATED,
    "is_historical": context.HISTORICAL,
    "is_hypothetical": context.HYPOTHETICAL,
    "is_family": context.OTHER,
}
Context = Callable[[str, list[Finding]], list[context.Modifier]]
Judged = tuple[Finding, set[str], list[str]]


class MedspacyContext:
    """medspaCy's ConText (default rules) over smabot's findings, as smabot Modifiers."""

    def __init__(self) -> None:
        logger.disable("PyRuSH")  # it logs every sentence at DEBUG: noise, and slow
        enable = ["medspacy_tokenizer", "medspacy_pyrush", "medspacy_context"]
        self.nlp = medspacy.load(medspacy_enable=enable)
        # A span group, not doc.ents: findings overlap ("not breathing" in "not breathing well").
        self.nlp.get_pipe("medspacy_context").input_span_type = "group"
        self.nlp.get_pipe("medspacy_context").span_group_name = GROUP

    def run(self, text: str, findings: list[Finding]) -> tuple[list[Judged], list[str]]:
        """Each finding with its categories and the rules (CATEGORY:literal) that modified it,
        and every rule that matched in the text, modifying a finding or not."""
        doc = self.nlp.make_doc(text)
        spans = [doc.char_span(f.start, f.end, f.flag, alignment_mode="expand") for f in findings]
        doc.spans[GROUP] = [s for s in spans if s is not None]
        for _, pipe in self.nlp.pipeline:
            doc = pipe(doc)
        found = []
        for finding, span in zip(findings, spans, strict=True):
            if span is None:
                continue
            categories = {c for a, c in ATTRIBUTES.items() if getattr(span._, a)}
            rules = [f"{m.category}:{m.rule.literal}" for m in span._.modifiers]
            found.append((finding, categories, rules))
        graph = doc._.context_graph
        return found, [f"{m.category}:{m.rule.literal}" for m in graph.modifiers]

    def modifiers(self, text: str, findings: list[Finding]) -> list[context.Modifier]:
        """Inner modifiers: each applies to its own finding only."""
        return [
            context.Modifier(c, f.start, f.end, f.start, f.end, inner=True)
            for f, categories, _ in self.run(text, findings)[0]
            for c in sorted(categories)
        ]


def detector_with(detector: Detector, how: Context) -> Callable[[str], bool]:
    """Detector.detect with its context step replaced: is the message flagged?"""

    def flagged(text: str) -> bool:
        if not detector.might_flag(text):
            return False
        reading = detector.read(text)
        findings = detector.findings(reading)
        return detector.decide(reading, findings, how(reading.text, findings)) is not None

    return flagged


def p50_ms(flagged: Callable[[str], bool], vignettes: list[Vignette]) -> float:
    """Median wall time of one message's detection, in milliseconds."""
    times = []
    for _ in range(REPEATS):
        for vignette in vignettes:
            start = time.perf_counter()
            flagged(vignette.text)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def by_kind(ids: list[str], kinds: dict[str, str]) -> str:
    counts = Counter(kinds[i] for i in ids)
    return ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "-"


def print_rules(title: str, counts: Counter[str]) -> None:
    top = ", ".join(f"{rule} x{n}" for rule, n in counts.most_common(8)) or "none"
    print(f"    {title}: {top}")


def main() -> None:
    every = load_vignettes(VIGNETTES)
    if EXTRA.exists():
        every += [dataclasses.replace(v, split="tune") for v in load_vignettes(EXTRA)]
    kinds = {v.id: v.kind for v in every}
    texts = {v.id: v.text for v in every}
    print(f"medspacy {version('medspacy')}, spacy {version('spacy')}; vignettes {len(every)}")
    print(f"(tuning_extra.jsonl {'included' if EXTRA.exists() else 'absent'})\n")

    detector = Detector(load_corpus(ROOT / "corpus").red_flags)
    medspacy_context = MedspacyContext()
    variants: dict[str, Context] = {
        "hand-written": lambda text, _: context.modifiers(text),
        "medspaCy ConText": medspacy_context.modifiers,
        "none": lambda text, _: [],
    }
    cols = f"{'red':>5}{'recall':>8}{'near':>6}{'FA rate':>9}{'p50 ms':>9}"
    header = f"{'variant':<18}{'split':<6}{cols}"
    print(header)
    print("-" * len(header))
    wrong: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
    for name, how in variants.items():
        flagged = detector_with(detector, how)
        for split in SPLITS:
            part = [v for v in every if v.split == split]
            result = score(part, flagged)  # also the warm-up pass
            ms = p50_ms(flagged, part)
            wrong.setdefault(name, {})[split] = (result.missed, result.alarmed)
            s = result.summary()
            print(
                f"{name:<18}{split:<6}{s['red_flags']:>5}{s['recall']:>8.3f}"
                f"{s['near_misses']:>6}{s['false_alarm_rate']:>9.3f}{ms:>9.2f}"
            )

    print("\nmisses and false alarms by kind")
    for name, splits in wrong.items():
        for split, (missed, alarmed) in splits.items():
            print(f"  {name:<18}{split:<5} missed: {by_kind(missed, kinds)}")
            print(f"  {'':<18}{'':<5} alarmed: {by_kind(alarmed, kinds)}")

    print("\nwhere hand-written and medspaCy ConText differ (both splits)")
    hand: dict[str, set[str]] = {"missed": set(), "alarmed": set()}
    med: dict[str, set[str]] = {"missed": set(), "alarmed": set()}
    for split in SPLITS:
        for i, kind in enumerate(("missed", "alarmed")):
            hand[kind] |= set(wrong["hand-written"][split][i])
            med[kind] |= set(wrong["medspaCy ConText"][split][i])
    groups = {
        "medspaCy misses, hand-written catches": sorted(med["missed"] - hand["missed"]),
        "medspaCy false alarms, hand-written quiet": sorted(med["alarmed"] - hand["alarmed"]),
        "hand-written misses, medspaCy catches": sorted(hand["missed"] - med["missed"]),
        "hand-written false alarms, medspaCy quiet": sorted(hand["alarmed"] - med["alarmed"]),
    }
    for title, ids in groups.items():
        print(f"  {title}: {len(ids)} ({by_kind(ids, kinds)})")
        if ids:
            print(f"    ids: {' '.join(ids)}")
        on_findings: Counter[str] = Counter()
        anywhere: Counter[str] = Counter()
        for vid in ids:
            reading = detector.read(texts[vid])
            runs, matched = medspacy_context.run(reading.text, detector.findings(reading))
            # count a rule once per message, however many findings it modified
            on_findings.update({rule for _, _, rules in runs for rule in rules})
            anywhere.update(set(matched))
        print_rules("medspaCy rules on findings", on_findings)
        print_rules("medspaCy rules anywhere in message", anywhere)


if __name__ == "__main__":
    main()
