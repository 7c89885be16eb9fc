"""Spelling tolerance: slips are corrected to words the articles use, real words never are."""

from __future__ import annotations

import pytest

from smabot.answer import Answerer
from smabot.index import Index
from smabot.spelling import Speller, sound_key


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


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wat", "what"),
        ("hw", "how"),
        ("u", "you"),
        ("appt", "appointment"),
        ("pred", "prednisolone"),
        ("cos", "because"),
        ("hrs", "hours"),
    ],
)
def test_text_message_spellings_are_read_as_their_words(
    index: Index, typed: str, meant: str
) -> None:
    # too short for a slip to be measured: without the list they would stay as typed
    assert index.speller.correct(typed) == meant


@pytest.mark.parametrize("word", ["asthma", "pizza", "vaccine", "wheelchair", "seizure", "cat"])
def test_real_words_are_never_corrected(index: Index, word: str) -> None:
    assert index.speller.correct(word) == word


def test_words_the_articles_use_are_left_alone(index: Index) -> None:
    assert index.speller.correct("sedative") == "sedative"
    assert index.speller.correct("xq") == "xq"  # too short to guess


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("breevin", "breathing"), ("injecshun", "injection"), ("bladda", "bladder")],
)
def test_a_word_spelt_by_ear_sounds_like_its_word(typed: str, meant: str) -> None:
    assert sound_key(typed) == sound_key(meant)


def test_spelling_by_ear_is_corrected_but_one_slip_wins() -> None:
    words = ["puncture", "pusher", "swelling", "suckling", "bladder", "bloody"]
    speller = Speller(words, skeletons=True)
    assert speller.correct("punksher") == "puncture"  # two slips from "pusher", sounds the same
    assert speller.correct("swekling") == "swelling"  # one slip beats "suckling"'s sound
    assert speller.correct("bladda") == "bladder"  # nearer in letters than "bloody"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("appoinntment", "appointment"), ("suuddenly", "suddenly"), ("caregivres", "caregivers")],
)
def test_a_slip_of_an_everyday_word_the_articles_never_use_is_that_word(
    index: Index, typed: str, meant: str
) -> None:
    assert index.speller.correct(typed) == meant
    assert Speller(["appointed"]).correct(typed) == typed  # only the index's speller reads English


@pytest.mark.parametrize("word", ["nappy", "ibuprofen", "scoliosis", "physio"])
def test_a_word_english_knows_is_never_read_as_another(index: Index, word: str) -> None:
    # rare but real: they name what the articles may not cover ("nappy" is not "happy")
    assert index.speller.correct(word) == word


def test_one_slip_from_an_everyday_word_beats_two_from_a_vocabulary_word() -> None:
    words = ["cyanosed", "convulsant", "fitting"]
    assert Speller(words).correct("dianosed") == "cyanosed"  # without English, the near word
    speller = Speller(words, english=True)
    assert speller.correct("dianosed") == "diagnosed"
    assert speller.correct("conultant") == "consultant"
    assert speller.correct("cianosed") == "cyanosed"  # no everyday word is one slip away
    assert speller.correct("fiting") == "fitting"  # one slip from the vocabulary word still wins
    # also over a vocabulary word people type every day: "coghing" is no "costing"
    assert Speller(["costing"], english=True).correct("coghing") == "coughing"


def test_an_able_word_is_the_word_it_is_made_from_where_the_articles_use_that() -> None:
    speller = Speller(["cure", "treat", "forget"], known_stems=["cure", "treat", "forget"])
    assert speller.correct("curable") == "cure"  # the stemmer keeps "curabl" apart from "cure"
    assert speller.correct("treatable") == "treat"
    assert speller.correct("forgettable") == "forget"
    assert speller.correct("washable") == "washable"  # the articles never say "wash"


def test_is_sma_curable_is_answered_by_the_passage_on_a_cure(index: Index) -> None:
    answer = Answerer(index).ask("Is SMA curable?")
    assert answer.status == "answered"
    assert "no cure for SMA" in answer.passages[0].text
