"""The `smabot` command line: thin over the modules it calls."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from smabot.answer import Answer, Answerer
from smabot.answerable import THRESHOLD
from smabot.errors import CorpusError, SmabotError
from smabot.models import is_blank
from smabot.settings import Settings
from smabot.tuning import TUNING


def main(argv: list[str] | None = None) -> int:
    """Run one smabot command; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # a reader that has gone is met here, not at exit
        return code
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except SmabotError as exc:
        print(f"smabot: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:  # a setting in the environment is wrong: one line each
        for error in exc.errors():
            where = "_".join(str(part) for part in error["loc"]).upper()
            message = str(error["msg"]).removeprefix("Value error, ")
            print(f"smabot: SMABOT_{where}: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `smabot eval FILE | head`: the reader has gone, so nothing is left to say. Output
        # still buffered would raise again at exit, so it goes nowhere (Python's signal docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    updates = {k: getattr(args, k) for k in ("corpus", "index") if getattr(args, k, None)}
    return settings.model_copy(update=updates)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from smabot.api import create_app
    from smabot.metrics import MULTIPROCESS_DIR
    from smabot.publish import open_published
    from smabot.server import server_options

    settings = _settings(args)
    host, port = args.host or settings.host, args.port or settings.port
    index, build = open_published(settings)
    print(
        f"smabot: serving {len(index.passages)} passages on http://{host}:{port}"
        f" with {args.workers} worker(s)",
        file=sys.stderr,
    )
    if args.workers > 1:
        # Worker processes build their app from the environment, so hand them these settings,
        # and a fresh folder where each worker's metrics are summed for /metrics.
        os.environ.update(settings.as_environment())
        own_metrics = MULTIPROCESS_DIR not in os.environ
        if own_metrics:
            os.environ[MULTIPROCESS_DIR] = tempfile.mkdtemp(prefix="smabot-metrics-")
        try:
            uvicorn.run(
                "smabot.api:create_app",
                factory=True,
                host=host,
                port=port,
                workers=args.workers,
                **server_options(settings),
            )
        finally:
            if own_metrics:
                shutil.rmtree(os.environ.pop(MULTIPROCESS_DIR), ignore_errors=True)
    else:
        app = create_app(settings, index, build)
        uvicorn.run(app, host=host, port=port, **server_options(settings))
    return 0


def _index(args: argparse.Namespace) -> int:
    from smabot.publish import GateRefused, rebuild

    settings = _settings(args)
    if args.out:
        settings = settings.model_copy(update={"index": args.out})
    started = time.perf_counter()
    try:
        published = rebuild(settings, force=args.force, diff=args.diff)
    except GateRefused as exc:
        print(
            "smabot: the quality gate refused the new index; the old one keeps serving:",
            file=sys.stderr,
        )
        for reason in exc.result.reasons:
            print(f"  - {reason}", file=sys.stderr)
        _print_list("questions that got worse", exc.result.worse, sys.stderr)
        print("Fix the corpus, or publish anyway with --force.", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    index = published.index
    print(
        f"{len(index.sources)} sources, {len(index.passages)} passages, "
        f"{index.params.vocabulary} terms in the vocabulary, {seconds:.2f} s"
    )
    figures = published.gate.figures
    if figures["count"]:
        print(
            f"quality gate: hit@3 {figures['hit_at_3']}, emergency recall "
            f"{figures['emergency_recall']} on {figures['count']} regression questions"
        )
    _print_list("questions that got worse", published.gate.worse, sys.stdout)
    if args.diff:
        _print_list("answers that changed", published.changes, sys.stdout, empty="none")
    print(f"index {index.version} published to {settings.index_dir()}")
    return 0


def _print_list(title: str, lines: list[str], stream: TextIO, empty: str = "") -> None:
    if lines or empty:
        print(f"{title}: {len(lines) or empty}", file=stream)
        for line in lines:
            print(f"  {line}", file=stream)


def _check(args: argparse.Namespace) -> int:
    from smabot.checks import check

    settings = _settings(args)
    problems = check(settings.corpus_dir(), settings.review_max_age_days)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s) in {settings.corpus_dir()}")
    return 1 if errors else 0


def _import(args: argparse.Namespace) -> int:
    from smabot.importer import import_article

    settings = _settings(args)
    result = import_article(
        args.path,
        settings.corpus_dir(),
        url=args.url,
        publisher=args.publisher,
        title=args.title,
        kind=args.kind,
    )
    print(f"wrote {result.path}")
    if result.review:
        print("review before indexing:")
        for line in result.review:
            print(f"  - {line}")
    print("then run `smabot check` and `smabot index`.")
    return 0


def _report(args: argparse.Namespace) -> int:
    from smabot.report import render
    from smabot.store import Store

    settings = _settings(args)
    answerer = _answerer(args) if args.suggest else None
    store = Store(settings.db, settings.retention_days)
    print(render(store, since=args.since or "", suggest=answerer))
    return 0


def _answerer(args: argparse.Namespace) -> Answerer:
    from smabot.publish import open_published

    settings = _settings(args)
    return Answerer(open_published(settings)[0], settings.locale)


def _ask(args: argparse.Namespace) -> int:
    question = args.question.strip()
    if is_blank(question):
        raise SmabotError("the question is empty")
    answerer = _answerer(args)
    answer = answerer.ask(question, args.history or [], args.top_k)
    if args.json:
        print(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
    else:
        print(render(answer, color=sys.stdout.isatty()))
    if args.explain:
        if answer.red_flag and (why := _explain_red_flag(answerer, question)):
            print(why)
        history = args.history or []
        if answer.answered_part and (part := answerer.answered_part(question, history, args.top_k)):
            print(f"\nno passage covers the whole message; its part {answer.answered_part!r} does")
            question, history = part
        print(explain(answerer.explain(question, history, args.top_k)))
        if uncovered := answerer.asks_uncovered(question, args.history or []):
            print(f"not covered: it asks about {', '.join(uncovered)}, which no section is about")
    return 0


def _explain_red_flag(answerer: Answerer, question: str) -> str:
    """Which red flag, and from what: a listed phrasing, or the backstop's strongest words."""
    from smabot import backstop

    alert = answerer.safety.detect(question)
    if alert is None:
        return ""
    if alert.flag != backstop.FLAG or answerer.safety.learned is None:
        return f"\nred flag: {alert.flag} ({alert.level}), from the phrasing {alert.phrase!r}"
    verdict = answerer.safety.learned.judge(question)
    words = ", ".join(repr(w) for w, _ in verdict.words) or "no single word"
    return (
        f"\nred flag: no listed phrasing matched; the backstop reads it as one "
        f"(probability {verdict.probability:.2f}, {verdict.level}), most for {words}"
    )


def explain(ranked: list[dict[str, Any]]) -> str:
    """The parts of each best passage's score (their product is the score), and why the
    first is an answer or not: a rule's veto, or each feature's part of the model's log-odds."""
    lines = [
        "",
        "why these passages (score = product of the factors; the words rule holds with "
        f"coverage >= {TUNING.min_coverage} and focus >= {TUNING.min_focus}, or both >= "
        f"{TUNING.min_share_alone} for the question alone, without its context's circumstances):",
    ]
    for number, row in enumerate(ranked, 1):
        parts = "  ".join(f"{name} {value:.3g}" for name, value in row["factors"].items())
        lines.append(f"{number}. {row['id']}  score {row['score']:.3g}")
        lines.append(f"   {parts}")
        line = f"   coverage {row['coverage']:.2f}  focus {row['focus']:.2f}"
        if "alone" in row:
            line += "  (the question alone: coverage {:.2f}  focus {:.2f})".format(*row["alone"])
        lines.append(line)
    if ranked:
        decision = ranked[0]["decision"]
        if decision["veto"]:
            lines.append(f"not an answer, whatever the model says: it {decision['veto']}")
        else:
            verdict = "an answer" if decision["probability"] >= THRESHOLD else "not an answer"
            lines.append(
                f"{verdict}: the model gives {decision['probability']:.2f} (answers from "
                f"{THRESHOLD}); each feature's part of its log-odds:"
            )
            weighed = sorted(decision["parts"].items(), key=lambda item: -abs(item[1]))
            lines.append("   " + "  ".join(f"{name} {part:+.2f}" for name, part in weighed))
    return "\n".join(lines)


def render(answer: Answer, color: bool = False) -> str:
    """An answer as readable terminal text, highlights in bold when color is on."""
    lines: list[str] = []
    if answer.message:
        lines += [answer.message, ""]
    if answer.answered_part:
        lines += [f"These passages answer part of your message: “{answer.answered_part}”.", ""]
    for number, passage in enumerate(answer.passages, 1):
        text = passage.text
        if color:
            for start, end in sorted(passage.highlights, reverse=True):
                text = f"{text[:start]}\033[1m{text[start:end]}\033[0m{text[end:]}"
        body = "\n".join(
            textwrap.fill(line, 88, initial_indent="   ", subsequent_indent="   ")
            for line in text.split("\n")
            if line.strip()
        )
        c = passage.citation
        updated = f", updated {c.last_updated}" if c.last_updated else ""
        lines += [
            f"[{number}]",
            body,
            f"   — {c.publisher}, “{c.title}”, {c.section or 'introduction'}{updated}",
            f"     {c.url}",
            "",
        ]
    lines.append(answer.disclaimer)
    return "\n".join(lines)


def _safety(args: argparse.Namespace) -> int:
    from smabot import backstop
    from smabot.corpus import load_corpus
    from smabot.safety import Detector
    from smabot.safety_eval import load_vignettes, score

    learned = None if args.without_backstop else backstop.load()
    detector = Detector(load_corpus(_settings(args).corpus_dir()).red_flags, learned)
    vignettes = [v for v in load_vignettes(args.file) if args.split in (None, v.split)]
    if not vignettes:
        print(f"{args.file}: no vignettes{f' in split {args.split!r}' if args.split else ''}")
        return 1
    result = score(vignettes, lambda text: detector.detect(text) is not None)
    if args.json:
        print(json.dumps(result.summary() | {"missed": result.missed, "alarmed": result.alarmed}))
        return 0
    for key, value in result.summary().items():
        print(f"{key:>16}: {value}")
    print(f"{'missed':>16}: {', '.join(result.missed) or 'none'}")
    print(f"{'false alarms':>16}: {', '.join(result.alarmed) or 'none'}")
    return 0


def _can_write_in(out: Path) -> bool:
    if not out.parent.is_dir():
        print(f"{out.parent}: no such folder to write the model in", file=sys.stderr)
        return False
    return True


def _train_backstop(args: argparse.Namespace) -> int:
    from smabot import backstop

    examples = backstop.repo_examples(args.repo)
    if not any(e.flag for e in examples) or all(e.flag for e in examples):
        print(f"{args.repo}: no red flags and near-misses to learn from (tests/safety/*.jsonl)")
        return 1
    out = args.out or backstop.MODEL_PATH
    if not _can_write_in(out):
        return 1
    backstop.save(backstop.train(examples), out)
    flags = sum(e.flag for e in examples)
    print(f"{out}: learned from {flags:,} red flags and {len(examples) - flags:,} others")
    return 0


def _train_answerable(args: argparse.Namespace) -> int:
    from smabot import answerable

    missing = [name for name in answerable.TRAIN_FILES if not (args.repo / name).is_file()]
    if missing or not (args.repo / "corpus").is_dir():
        print(f"{args.repo}: not the repo's root (missing {', '.join(missing) or 'corpus/'})")
        return 1
    out = args.out or answerable.MODEL_PATH
    if not _can_write_in(out):
        return 1
    examples = answerable.repo_examples(args.repo)
    answerable.save(answerable.train(examples), out)
    right = sum(r for _, r in examples)
    print(
        f"{out}: learned from {right:,} questions rightly answered, {len(examples) - right:,} not"
    )
    return 0


def _eval(args: argparse.Namespace) -> int:
    from smabot.api import create_app
    from smabot.evaluate import app_asker, evaluate, load_questions

    questions = load_questions(args.file)
    # the evaluation asks many questions at once from one client: no rate limit for it
    settings = _settings(args).model_copy(update={"rate_limit_per_minute": 0})
    report = evaluate(questions, app_asker(create_app(settings)))
    if args.json:
        print(json.dumps(report.figures()))
        return 0
    figures = report.figures()
    for key, value in figures.items():
        print(f"{key:>20}: {value}")
    print("\nhit@3 by topic:")
    for topic, value in report.per_topic_hit_at_3.items():
        print(f"{topic:>20}: {value}")
    print(f"\nmisses ({len(report.misses)}):")
    for miss in report.misses:
        got = ", ".join(miss.got) or "no passages"
        print(
            f"  {miss.id} [{miss.expect}] {miss.question!r}\n"
            f"      got HTTP {miss.http} {miss.status}: {got}"
        )
    return 0


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from exc


def _calibrate(args: argparse.Namespace) -> int:
    from smabot.calibrate import calibrate, decisions, halves
    from smabot.evaluate import load_questions

    answerer = _answerer(args)
    rows = [d for path in args.files for d in decisions(answerer, load_questions(path))]
    first, second = halves(rows)
    for name, tune, check in (("A", first, second), ("B", second, first)):
        result = calibrate(tune, check)
        print(
            f"tuned on half {name} ({len(tune)} questions): threshold {result.threshold}, "
            f"accuracy {result.tune_accuracy:.3f} there, "
            f"{result.check_accuracy:.3f} on the other half"
        )
    print(f"smabot uses {TUNING.min_coverage} (smabot.tuning.Tuning.min_coverage)")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from smabot.bench import progress_wanted, render, run
    from smabot.safety_bench import measure_safety, render_safety

    retrieval = (
        []
        if args.only == "safety"
        else run(args.passages, args.queries, progress_wanted(args.json))
    )
    safety = None if args.only == "retrieval" else measure_safety(args.safety_questions)
    if args.json:
        figures = {"retrieval": [asdict(r) for r in retrieval]}
        print(json.dumps(figures | ({"safety": asdict(safety)} if safety else {})))
        return 0
    if retrieval:
        print(render(retrieval))
    if safety:
        print(render_safety(safety))
    return 0


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"sizes must be whole numbers: {text!r}") from exc
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError("each size must be at least 10 passages")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smabot",
        description="Answers SMA caregivers' questions from published articles, word for word.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run: object, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        sub.add_argument(
            "--corpus", type=Path, help="corpus folder (default SMABOT_CORPUS, else ./corpus)"
        )
        sub.add_argument(
            "--index",
            type=Path,
            help="index folder (default SMABOT_INDEX, else derived from the corpus)",
        )
        return sub

    serve = command("serve", _serve, "Serve the chat page and the API.")
    serve.add_argument("--host", help="address to listen on (default SMABOT_HOST, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default SMABOT_PORT, 8000)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        choices=range(1, 65),
        metavar="N",
        help="worker processes sharing one index (default 1)",
    )

    index = command(
        "index",
        _index,
        "Check the corpus, build the index, gate it and publish it to running servers.",
    )
    index.add_argument("--out", type=Path, help="where to write the index (default: --index)")
    index.add_argument(
        "--force",
        action="store_true",
        help="publish even when the quality gate refuses the new index",
    )
    index.add_argument(
        "--diff", action="store_true", help="list the regression questions whose answers change"
    )

    command("check", _check, "Check every source, synonyms.yml and glossary.yml.")

    imported = command(
        "import", _import, "Turn a saved HTML page, .txt or .md file into a new corpus source."
    )
    imported.add_argument("path", type=Path, help="the saved page or text file")
    imported.add_argument("--url", help="the page's address")
    imported.add_argument("--publisher", help="who published it")
    imported.add_argument("--title", help="its title")
    imported.add_argument(
        "--kind",
        help="charity, regulator_label, consumer_health, clinic_marketing, ai_generated or other",
    )

    calibrate = command(
        "calibrate",
        _calibrate,
        "Choose the no-answer threshold on half the questions and check it on the other half.",
    )
    calibrate.add_argument("files", type=Path, nargs="+", help="question files (JSONL)")

    report = command(
        "report", _report, "Most frequent unanswered questions and passages marked unhelpful."
    )
    report.add_argument("--since", type=_date, help="only records from this date (YYYY-MM-DD)")
    report.add_argument(
        "--suggest",
        action="store_true",
        help="for each unanswered question, the sections that nearly answered it",
    )

    bench = command(
        "bench",
        _bench,
        "Time retrieval against plain rank-bm25, and the red-flag check with and without its "
        "pre-check.",
    )
    bench.add_argument(
        "--passages",
        type=_sizes,
        default=[1000, 10000, 100000],
        help="corpus sizes, comma-separated (default 1000,10000,100000)",
    )
    bench.add_argument(
        "--queries",
        type=int,
        default=200,
        choices=range(1, 100001),
        metavar="N",
        help="queries per size (default 200)",
    )
    bench.add_argument(
        "--only", choices=("retrieval", "safety"), help="run one part (default: both)"
    )
    bench.add_argument(
        "--safety-questions",
        type=int,
        default=1000,
        choices=range(1, 100001),
        metavar="N",
        help="ordinary questions for the red-flag check's timing (default 1000)",
    )
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")

    ask = command("ask", _ask, "Ask a question and print the cited passages.")
    ask.add_argument("question", help="the question, in quotes")
    ask.add_argument("--history", action="append", help="an earlier question (repeatable)")
    ask.add_argument("--top-k", type=int, default=3, choices=range(1, 11), metavar="1..10")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument(
        "--explain", action="store_true", help="also print each part of the best passages' scores"
    )

    safety = command(
        "safety", _safety, "Recall and false alarms of the red-flag check on a vignette file."
    )
    safety.add_argument("file", type=Path, help="a JSONL file of vignettes (tests/safety/)")
    safety.add_argument("--split", help="only vignettes of this split (tune or test)")
    safety.add_argument("--json", action="store_true", help="print the figures as JSON")
    safety.add_argument(
        "--without-backstop", action="store_true", help="the lexicon alone, no learned second look"
    )

    trainings = (
        ("train-backstop", _train_backstop, "Retrain the red-flag backstop from the repo's sets."),
        (
            "train-answerable",
            _train_answerable,
            "Refit the model that decides whether to answer, from the repo's train sets.",
        ),
    )
    for name, run, summary in trainings:
        train = command(name, run, summary)
        train.add_argument(
            "--repo", type=Path, default=Path("."), help="the repo's root (default .)"
        )
        train.add_argument(
            "--out",
            type=Path,
            default=None,
            help="where to write the model (default: the one smabot uses)",
        )

    evaluate = command("eval", _eval, "Score a question file (JSONL) through the API path.")
    evaluate.add_argument("file", type=Path, help="questions, one JSON object a line")
    evaluate.add_argument("--json", action="store_true", help="print only the figures, as JSON")
    return parser


if __name__ == "__main__":
    sys.exit(main())
