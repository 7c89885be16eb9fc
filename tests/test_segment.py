"""Words typed without spaces split back into words, and only those."""

import pytest

from smabot.corpus import load_corpus
from smabot.safety import MAX_SPLITS, Detector
from smabot.segment import segment

from .conftest import CORPUS

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


def test_a_word_longer_than_any_typed_in_a_hurry_is_not_tried() -> None:
    # a 30-letter bound keeps the split (and its one-slip check) cheap on any input
    assert segment("shecantbreathe" * 3, LEXICON.__contains__) is None


def test_a_message_has_only_a_few_words_split() -> None:
    detector = Detector(load_corpus(CORPUS).red_flags)
    words = ["shecantbreathe", "hecantbreathe", "shesgoinggrey", "hesgonegrey", "wontwakeup"]
    assert len(detector._split(words)) == MAX_SPLITS < len(words)
