"""Spelling tolerance: slips are corrected to words the articles use, real words never are."""

from __future__ import annotations

import pytest

from smabot.index import Index


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nusinersin", "nusinersen"),
        ("spinrazza", "spinraza"),
        ("zolgesma", "zolgensma"),
        ("evrisdy", "evrysdi"),
        ("steriods", "steroid"),
        ("efects", "effects"),
        ("damge", "damage"),
    ],
)
def test_slips_are_corrected(index: Index, typed: str, meant: str) -> None:
    assert index.speller.correct(typed) == meant


@pytest.mark.parametrize("word", ["asthma", "pizza", "vaccine", "wheelchair", "seizure", "cat"])
def test_real_words_are_never_corrected(index: Index, word: str) -> None:
    assert index.speller.correct(word) == word


def test_words_the_articles_use_are_left_alone(index: Index) -> None:
    assert index.speller.correct("sedative") == "sedative"
    assert index.speller.correct("xq") == "xq"  # too short to guess
