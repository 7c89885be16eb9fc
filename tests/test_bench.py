"""`smabot bench` on small sizes: the figures it promises, and the same top-10 as rank-bm25."""

from __future__ import annotations

import json

from smabot.bench import synthetic_passages

from .test_cli import smabot

KEYS = {
    "passages",
    "build_s",
    "load_s",
    "index_mb",
    "peak_rss_mb",
    "smabot_p50_ms",
    "smabot_p95_ms",
    "smabot_p99_ms",
    "rank_bm25_p50_ms",
    "rank_bm25_p95_ms",
    "speedup_p50",
    "identical_top10",
    "answer_p50_ms",
    "answer_p95_ms",
}


def test_bench_json_reports_every_figure_per_size() -> None:
    result = smabot(
        "bench", "--passages", "200,600", "--queries", "25", "--safety-questions", "60", "--json"
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    rows = figures["retrieval"]
    assert [r["passages"] for r in rows] == [200, 600]
    safety = figures["safety"]
    assert safety["questions"] == 60 and safety["flagged"] == 0  # ordinary questions
    assert 0 < safety["p50_ms"] <= safety["p99_ms"]
    assert 0 < safety["passed_pre_check"] < 1  # the heavy part runs for some, not all
    for row in rows:
        assert set(row) >= KEYS
        assert row["identical_top10"] is True
        assert row["smabot_p50_ms"] > 0 and row["rank_bm25_p50_ms"] > 0
        assert 0 < row["answer_p50_ms"] <= row["answer_p95_ms"]
        assert row["peak_rss_mb"] > 0 and row["index_mb"] > 0


def test_synthetic_passages_are_realistic_and_repeatable() -> None:
    passages, sources = synthetic_passages(50)
    again, _ = synthetic_passages(50)
    assert passages == again
    lengths = [len(p.text.split()) for p in passages]
    assert min(lengths) >= 20 and max(lengths) <= 200
    assert all(p.source_id in sources for p in passages)


def test_bench_refuses_bad_sizes() -> None:
    assert smabot("bench", "--passages", "ten").returncode == 2
    assert smabot("bench", "--passages", "5").returncode == 2


def test_bench_can_time_the_red_flag_check_alone() -> None:
    result = smabot("bench", "--only", "safety", "--safety-questions", "40")
    assert result.returncode == 0, result.stderr
    assert "red-flag check over 40 ordinary questions" in result.stdout
    assert "passages" not in result.stdout.splitlines()[0]
