"""How much the backstop adds on sets written after an older checkout: held out by set.

    git worktree add /tmp/older e5f2ee9
    .venv/bin/python tests/safety/backstop_heldout.py /tmp/older

Trains a backstop on the older checkout's tuning sets only (tune halves, and this repo's
ordinary and curated questions), then scores every set that checkout did not have with the older
lexicon alone, with the backstop beside it, and with the backstop only where the lexicon found
no phrasing at all. The older lexicon was never tuned on those sets either, so this is how the
detector meets messages nobody tuned for.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from smabot import backstop
from smabot.safety_eval import load_vignettes

ROOT = Path(__file__).resolve().parents[2]
# Runs inside the older checkout: its lexicon's verdict on each message, and whether it found
# any phrasing at all (pre-check passed, findings before context).
OLDER_LEXICON = """
import json, sys
from pathlib import Path
from smabot import context
from smabot.corpus import load_corpus
from smabot.safety import Detector
detector = Detector(load_corpus(Path("corpus")).red_flags)
out = {}
for text in json.load(open(sys.argv[1])):
    passed = detector.might_flag(text)
    reading = detector.read(text) if passed else None
    findings = detector.findings(reading) if reading else []
    modifiers = context.modifiers(reading.text) if reading else []
    set_aside = bool(findings) and all(
        context.categories(modifiers, f.start, f.end) for f in findings
    )
    out[text] = [detector.detect(text) is not None, passed, bool(findings), set_aside]
json.dump(out, open(sys.argv[2], "w"))
"""


def main(older: Path) -> None:
    """Print recall and false alarms of each way on the held-out sets, per threshold."""
    safety = ROOT / "tests" / "safety"
    known = {p.name for p in (older / "tests" / "safety").glob("*.jsonl")}
    held_out = [p for p in sorted(safety.glob("tuning_*.jsonl")) if p.name not in known]
    model = backstop.train(backstop.repo_examples(ROOT, sets_from=older))
    vignettes = [v for path in held_out for v in load_vignettes(path)]
    with tempfile.TemporaryDirectory() as tmp:
        texts, verdicts = Path(tmp) / "texts.json", Path(tmp) / "verdicts.json"
        texts.write_text(json.dumps([v.text for v in vignettes]))
        subprocess.run(
            [sys.executable, "-c", OLDER_LEXICON, str(texts), str(verdicts)],
            cwd=older,
            env={"PYTHONPATH": str(older / "src"), "PATH": "/usr/bin:/bin"},
            check=True,
        )
        older_says = json.loads(verdicts.read_text())
    flags = sum(v.flag for v in vignettes)
    print(f"{len(held_out)} held-out sets, {flags} red flags, {len(vignettes) - flags} others")
    ways = {
        "lexicon alone": lambda said, p, found, aside, t: said,
        "with backstop": lambda said, p, found, aside, t: said or p >= t,
        "backstop where no phrasing": lambda said, p, found, aside, t: (
            said or (p >= t and not found)
        ),
        "sure (0.9) where set aside": lambda said, p, found, aside, t: (
            said or p >= (0.9 if aside else t)
        ),
    }
    for threshold in (0.5, 0.6, 0.7):
        for name, way in ways.items():
            per_set: dict[str, list[int]] = {}  # set -> [caught, flags, alarmed, others]
            for path in held_out:
                for v in load_vignettes(path):
                    said, passed, found, aside = older_says[v.text]
                    p = model.probability(v.text) if passed else 0.0
                    hit = way(said, p, found, aside, threshold)
                    counts = per_set.setdefault(path.stem, [0, 0, 0, 0])
                    counts[0 if v.flag else 2] += hit
                    counts[1 if v.flag else 3] += 1
            total = [sum(c[i] for c in per_set.values()) for i in range(4)]
            recalls = sorted(c[0] / c[1] for c in per_set.values())
            alarms = sorted(c[2] / c[3] for c in per_set.values())
            print(
                f"threshold {threshold}  {name:28s} recall {total[0] / total[1]:.3f} "
                f"(sets {recalls[0]:.2f}-{recalls[-1]:.2f})  false alarms "
                f"{total[2] / total[3]:.3f} (sets {alarms[0]:.2f}-{alarms[-1]:.2f}, "
                f"median {statistics.median(alarms):.3f})"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
