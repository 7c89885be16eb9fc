"""Passages: sections, sentence boundaries, lists, sizes, stable ids and exact offsets."""

from __future__ import annotations

import re

from smabot.chunking import MAX_WORDS, MIN_WORDS, split
from smabot.corpus import load_corpus, parse_source
from smabot.text import sentence_spans, word_count

from .conftest import CORPUS, WriteSource


def _all_passages():  # type: ignore[no-untyped-def]
    corpus = load_corpus(CORPUS)
    return [(s, p) for s in corpus.sources for p in split(s)]


def test_offsets_map_back_to_the_body_exactly() -> None:
    for source, passage in _all_passages():
        assert source.body[passage.start : passage.end] == passage.text


def test_no_passage_crosses_a_section() -> None:
    for source, passage in _all_passages():
        assert not re.search(r"^#{1,6} ", passage.text, re.MULTILINE)
        headings = re.findall(r"^(#{1,6}) (.+)$", source.body[: passage.start], re.MULTILINE)
        path: list[tuple[int, str]] = []
        for hashes, title in headings:
            path = [(lvl, t) for lvl, t in path if lvl < len(hashes)] + [(len(hashes), title)]
        assert passage.section == tuple(t for _, t in path)


def test_passages_end_on_sentence_boundaries_and_keep_lists_with_their_intro() -> None:
    for source, passage in _all_passages():
        last_line = passage.text.rstrip().split("\n")[-1]
        is_item = re.match(r"^\s*(-|\d+\.) ", last_line)
        assert is_item or passage.text.rstrip()[-1] in ".?!:)*™", passage.id
        if re.match(r"^\s*(-|\d+\.) ", passage.text):
            # a passage may open with a list only where the list opens its section
            before = source.body[: passage.start].rstrip().split("\n")[-1]
            assert before.startswith("#"), passage.id


def test_intro_sentence_and_its_list_share_a_passage() -> None:
    texts = [re.sub(r"\s+", " ", p.text) for _, p in _all_passages()]
    assert any(
        "Loading doses take place: - On the first day of treatment, day 0" in t for t in texts
    )
    assert any("Very common: may affect more than 1 in 10 people - Back pain" in t for t in texts)


def test_passage_sizes() -> None:
    sizes = [word_count(p.text) for _, p in _all_passages()]
    within = [MIN_WORDS <= n <= MAX_WORDS for n in sizes]
    assert sum(within) / len(sizes) >= 0.7
    assert max(sizes) <= MAX_WORDS + MIN_WORDS


def test_ids_are_stable_unique_and_readable() -> None:
    first = [p.id for _, p in _all_passages()]
    assert first == [p.id for _, p in _all_passages()]
    assert len(set(first)) == len(first)
    assert "smauk-nusinersen-faqs#what-if-a-dose-is-missed-1" in first


def test_long_paragraph_is_split_at_sentences(write_source: WriteSource) -> None:
    sentence = "The treatment centre will explain each step of the procedure to you. "
    path = write_source(body="## Long\n\n" + sentence * 40)
    source, problems = parse_source(path)
    assert source is not None and not problems
    passages = split(source)
    assert len(passages) > 1
    for passage in passages:
        assert word_count(passage.text) <= MAX_WORDS
        assert passage.text.endswith("you.")


def test_sentence_spans_skip_abbreviations_and_split_lists() -> None:
    text = "59% achieved vs. 0% in the cohort. Next one!\n- item one\n- item two"
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["59% achieved vs. 0% in the cohort.", "Next one!", "item one", "item two"]
