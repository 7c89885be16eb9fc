"""Words typed without spaces split back into words, and only those."""

import pytest

from smabot.segment import segment

LEXICON = {"spinraza", "epipen", "pred", "breathe", "wake", "up", "cant", "grey", "pain"}


@pytest.mark.parametrize(
    ("word", "words"),
    [
        ("shecantbreathe", ["she", "cant", "breathe"]),
        ("wontwakeup", ["wont", "wake", "up"]),  # "wakeup" is rare: the lexicon's two words
        ("gavetheepipen", ["gave", "the", "epipen"]),
        ("backpainsobad", ["back", "pain", "so", "bad"]),
    ],
)
def test_run_together_words_are_split(word: str, words: list[str]) -> None:
    assert segment(word, LEXICON.__contains__) == words


@pytest.mark.parametrize(
    "word",
    [
        "grandaughter",  # one slip from "granddaughter": a typo, not "gran daughter"
        "breathinng",  # a typo for the speller, not "breath in ng"
        "phototherapies",  # no word the lexicon knows in it
        "headache",  # a word already
        "short",
    ],
)
def test_words_and_typos_are_left_alone(word: str) -> None:
    assert segment(word, LEXICON.__contains__) is None
