"""The `smabot` command line: thin over the modules it calls."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
from dataclasses import asdict
from pathlib import Path

from smabot.answer import Answer, Answerer
from smabot.errors import CorpusError, SmabotError
from smabot.settings import Settings


def main(argv: list[str] | None = None) -> int:
    """Run one smabot command; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except SmabotError as exc:
        print(f"smabot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    updates = {k: getattr(args, k) for k in ("corpus", "index") if getattr(args, k, None)}
    return settings.model_copy(update=updates)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from smabot.api import create_app

    settings = _settings(args)
    host, port = args.host or settings.host, args.port or settings.port
    app = create_app(settings)
    print(
        f"smabot: serving {len(app.state.answerer.index.passages)} passages "
        f"on http://{host}:{port}",
        file=sys.stderr,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
    return 0


def _index(args: argparse.Namespace) -> int:
    from smabot.corpus import load_corpus
    from smabot.index import build_index, save_index

    settings = _settings(args)
    started = time.perf_counter()
    index = build_index(load_corpus(settings.corpus_dir()))
    out = args.out or settings.index_dir()
    save_index(index, out)
    seconds = time.perf_counter() - started
    print(
        f"{len(index.sources)} sources, {len(index.passages)} passages, "
        f"{index.params.vocabulary} terms in the vocabulary, {seconds:.2f} s"
    )
    print(f"index {index.version} written to {out}")
    return 0


def _answerer(args: argparse.Namespace) -> Answerer:
    from smabot.index import ensure_index

    settings = _settings(args)
    return Answerer(ensure_index(settings.corpus_dir(), settings.index_dir()), settings.locale)


def _ask(args: argparse.Namespace) -> int:
    question = args.question.strip()
    if not question:
        raise SmabotError("the question is empty")
    answer = _answerer(args).ask(question, args.history or [], args.top_k)
    if args.json:
        print(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
    else:
        print(render(answer, color=sys.stdout.isatty()))
    return 0


def render(answer: Answer, color: bool = False) -> str:
    """An answer as readable terminal text, highlights in bold when color is on."""
    lines: list[str] = []
    if answer.message:
        lines += [answer.message, ""]
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


def _eval(args: argparse.Namespace) -> int:
    from smabot.api import create_app
    from smabot.evaluate import app_asker, evaluate, load_questions

    questions = load_questions(args.file)
    settings = _settings(args)
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
        got = ", ".join(miss["got"]) or "no passages"
        print(
            f"  {miss['id']} [{miss['expect']}] {miss['question']!r}\n"
            f"      got HTTP {miss['http']} {miss['status']}: {got}"
        )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smabot", description="Answers SMA caregivers' questions from reviewed articles."
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

    index = command("index", _index, "Build the index from the corpus and save it.")
    index.add_argument("--out", type=Path, help="where to write the index (default: --index)")

    ask = command("ask", _ask, "Ask a question and print the cited passages.")
    ask.add_argument("question", help="the question, in quotes")
    ask.add_argument("--history", action="append", help="an earlier question (repeatable)")
    ask.add_argument("--top-k", type=int, default=3, choices=range(1, 11), metavar="1..10")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")

    evaluate = command("eval", _eval, "Score a question file (JSONL) through the API path.")
    evaluate.add_argument("file", type=Path, help="questions, one JSON object a line")
    evaluate.add_argument("--json", action="store_true", help="print only the figures, as JSON")
    return parser


if __name__ == "__main__":
    sys.exit(main())
