"""The analyser shared by passages and questions."""

from __future__ import annotations

from smabot.analysis import Analyzer, fold

SYNONYMS = [
    ["nusinersen", "spinraza"],
    ["lumbar puncture", "spinal tap", "lp"],
    ["vomit", "throw up", "threw up"],
]


def test_fold_handles_quotes_dashes_times_and_accents() -> None:
    assert fold("It’s") == "it's"
    assert fold("×") == "x"
    assert fold("Café—NAÏVE") == "cafe-naive"


def test_the_same_terms_for_curly_and_straight_text() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("Zolgensma’s dose – 1.1 × 10^14") == analyzer.terms(
        "zolgensma's dose - 1.1 x 10^14"
    )


def test_stopwords_are_dropped_and_words_stemmed() -> None:
    assert Analyzer().terms("What are the most common side effects?") == [
        "common",
        "side",
        "effect",
    ]
    assert Analyzer().terms("vomiting injections infusions") == ["vomit", "inject", "infus"]


def test_synonyms_work_in_both_directions_and_for_phrases() -> None:
    analyzer = Analyzer(SYNONYMS)
    assert analyzer.terms("Spinraza") == analyzer.terms("nusinersen") == ["nusinersen"]
    assert analyzer.terms("a spinal tap") == analyzer.terms("lumbar puncture")
    assert analyzer.terms("he threw up") == ["vomit"]
    assert analyzer.terms("SPINAL TAPS") == ["lumbar", "punctur"]


def test_token_spans_point_into_the_original_text() -> None:
    text = "My son’s spinal tap, then he THREW UP."
    for token in Analyzer(SYNONYMS).tokens(text):
        assert text[token.start : token.end].strip()
    spans = [text[t.start : t.end] for t in Analyzer(SYNONYMS).tokens(text)]
    assert spans == ["son’s", "spinal tap", "spinal tap", "THREW UP"]


def test_corrector_is_applied_before_stemming() -> None:
    fixes = {"nusinersin": "nusinersen"}
    terms = Analyzer(SYNONYMS).terms("nusinersin dose", lambda w: fixes.get(w, w))
    assert terms == ["nusinersen", "dose"]


def test_a_word_read_as_a_stopword_is_dropped_as_one() -> None:
    # "pls" is read as "please", and a phone's "cant" is "can't"
    texting = {"pls": "please"}
    assert Analyzer().terms("why cant it be a pill pls", lambda w: texting.get(w, w)) == ["pill"]
