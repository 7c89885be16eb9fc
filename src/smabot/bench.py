"""`smabot bench`: smabot's retrieval against plain rank-bm25 on synthetic corpora, same run."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rank_bm25 import BM25Plus
from tqdm import tqdm
from wordfreq import top_n_list

from smabot.answer import Answerer
from smabot.chunking import Passage, split
from smabot.corpus import load_corpus
from smabot.index import DELTA, K1, B, index_passages, indexed_text, load_index, save_index
from smabot.settings import bundled_dir
from smabot.text import sentence_spans

QUESTION_FILES = ("corpus/questions", "tests/eval")


@dataclass
class SizeResult:
    """The figures for one corpus size (the keys `smabot bench --json` prints)."""

    passages: int
    build_s: float
    load_s: float
    index_mb: float
    peak_rss_mb: float
    smabot_p50_ms: float
    smabot_p95_ms: float
    smabot_p99_ms: float
    rank_bm25_p50_ms: float
    rank_bm25_p95_ms: float
    speedup_p50: float
    identical_top10: bool
    # the whole answer path (retrieval, re-ranking of the candidates, no-answer rule, highlights)
    answer_p50_ms: float
    answer_p95_ms: float


def corpus_sentences() -> list[str]:
    """Real sentences of the bundled corpus, mixed into the synthetic passages."""
    sentences = []
    for source in load_corpus(bundled_dir("corpus")).sources:
        for passage in split(source):
            sentences += [passage.text[s:e] for s, e in sentence_spans(passage.text)]
    return [s for s in sentences if len(s.split()) >= 5]


def synthetic_passages(
    count: int, seed: int = 7
) -> tuple[list[Passage], dict[str, dict[str, Any]]]:
    """Passages of 30-150 words: everyday English drawn by word frequency, plus real sentences."""
    rng = random.Random(seed)
    vocabulary = top_n_list("en", 30000)
    cumulative = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(vocabulary))))
    real = corpus_sentences()
    sources = {
        f"synthetic-{i}": {
            "id": f"synthetic-{i}",
            "title": f"Synthetic article {i}",
            "publisher": "smabot bench",
            "url": "https://example.org",
            "last_updated": "",
            "kind": "other",
            "reviewed": "",
            "passages": 0,
        }
        for i in range(max(1, count // 20))
    }
    passages = []
    for n in range(count):
        parts = [rng.choice(real)]
        target = rng.randint(30, 150)
        while sum(len(p.split()) for p in parts) < target:
            words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(8, 20))
            parts.append(" ".join(words).capitalize() + ".")
        rng.shuffle(parts)
        text = " ".join(parts)
        source = f"synthetic-{n % len(sources)}"
        passages.append(
            Passage(f"{source}#p-{n}", source, (f"Section {n % 7}",), text, 0, len(text))
        )
    return passages, sources


def query_texts(count: int, seed: int = 11) -> list[str]:
    """Real caregivers' questions from the project's files, then short synthetic ones."""
    texts = []
    for folder in QUESTION_FILES:
        for path in sorted(Path(folder).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                question = json.loads(line).get("question", "") if line.strip() else ""
                if question.strip() and len(question) <= 500:
                    texts.append(question)
    rng = random.Random(seed)
    words = top_n_list("en", 5000)
    while len(texts) < count:
        texts.append(" ".join(rng.sample(words, rng.randint(2, 6))))
    rng.shuffle(texts)
    return texts[:count]


def measure(size: int, queries: int, progress: bool) -> SizeResult:
    """Build both on the same passages and time the same queries (run in its own process)."""
    passages, sources = synthetic_passages(size)
    started = time.perf_counter()
    corpus = load_corpus(bundled_dir("corpus"))
    index = index_passages(passages, sources, corpus.synonyms, f"bench-{size}", corpus.red_flags)
    build_s = time.perf_counter() - started
    folder = Path(tempfile.mkdtemp(prefix="smabot-bench-"))
    try:
        build = save_index(index, folder)
        index_mb = sum(f.stat().st_size for f in build.iterdir()) / 2**20
        started = time.perf_counter()
        load_index(folder)
        load_s = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    documents = [
        index.analyzer.terms(indexed_text(sources[p.source_id]["title"], p)) for p in passages
    ]
    plain = BM25Plus(documents, k1=K1, b=B, delta=DELTA)
    texts = query_texts(queries)
    analysed = [index.analyzer.terms(q) for q in texts]
    ours, theirs, identical = [], [], True
    for terms in tqdm(analysed, desc=f"{size} passages", disable=not progress, leave=False):
        weights: dict[str, float] = {}
        for term in terms:
            weights[term] = weights.get(term, 0.0) + 1.0
        t0 = time.perf_counter()
        hits = index.search(weights, limit=10)
        t1 = time.perf_counter()
        scores = plain.get_scores(terms)
        top = np.argsort(-scores, kind="stable")[:10]
        t2 = time.perf_counter()
        ours.append((t1 - t0) * 1000)
        theirs.append((t2 - t1) * 1000)
        identical &= [h.position for h in hits] == [int(i) for i in top]
    answerer = Answerer(index)
    answers = []
    for text in texts:
        t0 = time.perf_counter()
        answerer.ask(text)
        answers.append((time.perf_counter() - t0) * 1000)
    p50, p50_plain = statistics.median(ours), statistics.median(theirs)
    return SizeResult(
        passages=size,
        build_s=round(build_s, 2),
        load_s=round(load_s, 2),
        index_mb=round(index_mb, 1),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        smabot_p50_ms=round(p50, 3),
        smabot_p95_ms=round(_pct(ours, 95), 3),
        smabot_p99_ms=round(_pct(ours, 99), 3),
        rank_bm25_p50_ms=round(p50_plain, 3),
        rank_bm25_p95_ms=round(_pct(theirs, 95), 3),
        speedup_p50=round(p50_plain / p50, 1),
        identical_top10=identical,
        answer_p50_ms=round(statistics.median(answers), 3),
        answer_p95_ms=round(_pct(answers, 95), 3),
    )


def _pct(values: list[float], percent: int) -> float:
    return float(np.percentile(values, percent))


def run(sizes: list[int], queries: int, progress: bool) -> list[SizeResult]:
    """Each size in a fresh process, so its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    results = []
    for size in sizes:
        with ProcessPoolExecutor(1, mp_context=context, initializer=_thread_lock) as pool:
            results.append(pool.submit(measure, size, queries, progress).result())
    return results


def _thread_lock() -> None:
    # tqdm's default lock is a multiprocessing one, which leaks semaphores in a spawned child
    tqdm.set_lock(threading.RLock())


def render(results: list[SizeResult]) -> str:
    """A table for a terminal."""
    head = (
        "passages",
        "build s",
        "load s",
        "index MB",
        "peak MB",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "bm25 p50",
        "bm25 p95",
        "speed-up",
        "top-10 same",
        "answer p50",
        "answer p95",
    )
    rows = [head] + [
        (
            f"{r.passages:,}",
            f"{r.build_s}",
            f"{r.load_s}",
            f"{r.index_mb}",
            f"{r.peak_rss_mb}",
            f"{r.smabot_p50_ms}",
            f"{r.smabot_p95_ms}",
            f"{r.smabot_p99_ms}",
            f"{r.rank_bm25_p50_ms}",
            f"{r.rank_bm25_p95_ms}",
            f"{r.speedup_p50}×",
            "yes" if r.identical_top10 else "NO",
            f"{r.answer_p50_ms}",
            f"{r.answer_p95_ms}",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join(
        "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def as_json(results: list[SizeResult]) -> str:
    """The figures as `smabot bench --json` prints them."""
    return json.dumps([asdict(r) for r in results])


def progress_wanted(json_output: bool) -> bool:
    """A progress bar only for a person at a terminal."""
    return not json_output and sys.stderr.isatty()
