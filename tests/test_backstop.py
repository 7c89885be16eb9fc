"""The learned backstop: fresh, faithful to its training arithmetic, and a second look only."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from smabot import backstop
from smabot.cli import main
from smabot.curated import read_curated
from smabot.errors import SmabotError
from smabot.evaluate import jsonl_rows
from smabot.safety import Detector
from smabot.safety_eval import load_vignettes

from .conftest import CORPUS, ROOT

# Red flags a review helper wrote against the lexicon (never in a tuning set, never trained on)
# that no listed phrasing catches: the backstop's job.
UNLISTED = [
    "She has tolerated nothing all day and is getting very sleepy",
    "The hospital rang and said his liver tests are very high and he has to come in today",
    "Puffiness round his eyes and lips after the new antibiotic and he's coughing",
    "During the infusion he started finding it difficult to swallow and his voice sounds funny",
    "Since he fell this morning he really doesn't know us, keeps staring past me",
]


def test_the_committed_model_learned_from_the_repo_s_sets_as_they_are() -> None:
    # fails when a tuning set was added or changed without `smabot train-backstop`
    assert backstop.load().fingerprint == backstop.fingerprint(backstop.repo_examples(ROOT))


def test_retraining_gives_the_committed_model() -> None:
    retrained = backstop.train(backstop.repo_examples(ROOT))
    committed = backstop.load()
    sample = [v.text for v in load_vignettes(ROOT / "tests/safety/vignettes.jsonl")]
    for text in sample[::5] + UNLISTED:
        assert committed.probability(text) == pytest.approx(retrained.probability(text), abs=0.01)


def test_one_message_is_scored_as_the_training_arithmetic_scores_it() -> None:
    model = backstop.load()
    texts = [*UNLISTED, "What are the side effects of Spinraza?", "", "!!!", "a", "é 😀 é"]
    features = backstop._features(texts, model.word_idf, model.char_idf)
    batch = features @ model.flag_coef + model.flag_intercept
    for text, score in zip(texts, batch, strict=True):
        expected = 1 / (1 + np.exp(-score))
        assert model.probability(text) == pytest.approx(expected, abs=1e-9)
        assert model.judge(text).probability == pytest.approx(expected, abs=1e-9)


def test_its_n_grams_land_in_scikit_learns_hashed_columns() -> None:
    # answering hashes without scikit-learn; the model was fitted on HashingVectorizer's columns
    from sklearn.feature_extraction.text import HashingVectorizer

    words = HashingVectorizer(ngram_range=(1, 2), n_features=2**18, alternate_sign=False)
    chars = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), n_features=2**18, alternate_sign=False
    )
    texts = [vignette.text for vignette in load_vignettes(ROOT / "tests/safety/tuning_extra.jsonl")]
    texts += ["", "a", "ab", "  two   spaces\t\nand tabs ", "ÉLAN naïve İstanbul", "😀 ok", "x" * 9]
    for text in texts:
        for grams, vectorizer in ((backstop.word_grams, words), (backstop.char_grams, chars)):
            expected = vectorizer.set_params(norm=None).transform([text])
            expected.sum_duplicates()
            columns, counts = backstop._hashed(grams(text))
            assert columns.tolist() == expected.indices.tolist(), (text, grams.__name__)
            assert counts.tolist() == expected.data.tolist(), (text, grams.__name__)


def test_its_words_are_the_message_s_and_push_towards_a_flag() -> None:
    verdict = backstop.load().judge(UNLISTED[1])
    assert verdict.words and all(w > 0 and g in UNLISTED[1].lower() for g, w in verdict.words)
    assert [w for _, w in verdict.words] == sorted((w for _, w in verdict.words), reverse=True)


def test_it_catches_red_flags_no_phrasing_lists(detector: Detector, production: Detector) -> None:
    for text in UNLISTED:
        assert detector.detect(text) is None
        alert = production.detect(text)
        assert alert is not None and alert.flag == backstop.FLAG
        assert alert.phrase and alert.phrase in text.lower()


def test_what_the_lexicon_catches_it_names_itself(production: Detector) -> None:
    alert = production.detect("my baby is not breathing")
    assert alert is not None and alert.flag != backstop.FLAG and alert.level == "emergency"


def test_it_flags_no_ordinary_question(production: Detector) -> None:
    # the collected test split was never trained on; the others are negatives it learned
    files = ["tests/eval/collected/test.jsonl", "tests/eval/collected/train.jsonl"]
    files += ["tests/eval/caregivers.jsonl", "corpus/questions/regression.jsonl"]
    questions = {
        str(row["id"]): row["question"]
        for name in files
        for _, row in jsonl_rows(ROOT / name)
        if row["expect"] in ("answer", "no_answer") and isinstance(row["question"], str)
    }
    assert len(questions) > 500
    flagged = {i for i, q in questions.items() if production.detect(q) is not None}
    # a forum post whose two judges called it not covered, which the lexicon reads as its
    # urgent severe-headache flag ("...a spinal tap twice... Is it possible that she is
    # experiencing severe headaches"): a flag written from NHS guidance, so it is kept
    assert flagged <= {"r8-007"}, flagged


def test_no_follow_up_the_chat_offers_reads_as_an_emergency(production: Detector) -> None:
    # "zolgensma infusion time" scored 0.79 before the editors' questions were learned
    sections, _ = read_curated(CORPUS)
    offered = [q for headings in sections.values() for qs in headings.values() for q in qs]
    assert len(offered) > 600
    assert [q for q in offered if production.detect(q) is not None] == []


def test_a_sure_backstop_is_needed_to_overrule_the_lexicon_s_context(
    production: Detector,
) -> None:
    # the lexicon reads the negation; the backstop, a bag of words, scores it 0.76
    text = "He is not having any difficulty breathing"
    assert backstop.THRESHOLD <= backstop.load().probability(text) < backstop.SURE
    assert production.detect(text) is None


def test_the_test_half_never_trains_it(tmp_path: Path) -> None:
    rows = [
        {"id": "x-1", "split": "tune", "text": "lips blue now", "flag": True, "level": "emergency"},
        {"id": "x-2", "split": "test", "text": "held out", "flag": True, "level": "urgent"},
        {"id": "x-3", "split": "tune", "text": "what are the signs?", "flag": False},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    examples = backstop.examples_from([path], [])
    assert [e.text for e in examples] == ["lips blue now", "what are the signs?"]
    assert examples[0].emergency and not examples[1].flag


def test_the_model_file_holds_arrays_only() -> None:
    with np.load(backstop.MODEL_PATH, allow_pickle=False) as data:
        names = {"word_idf", "char_idf", "flag_coef", "level_coef", "intercepts", "fingerprint"}
        assert set(data.files) == names


def test_train_backstop_writes_a_model_it_can_load(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    safety = tmp_path / "tests" / "safety"
    safety.mkdir(parents=True)
    rows = [
        {"id": f"r-{i}", "split": "tune", "text": text, "flag": flag, "level": "emergency"}
        for i, (text, flag) in enumerate(
            [
                ("her lips are blue now", True),
                ("she is not breathing", True),
                ("what are the side effects?", False),
                ("how is it given?", False),
            ]
        )
    ]
    (safety / "tuning_tiny.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    out = tmp_path / "model.npz"
    assert main(["train-backstop", "--repo", str(tmp_path), "--out", str(out)]) == 0
    assert "learned from 2 red flags and 2 others" in capsys.readouterr().out
    model = backstop.load(out)
    assert model.probability("her lips are blue now") > model.probability("how is it given?")
    assert model.judge("how is it given?").level == "emergency"  # its only red flags' level


def test_train_backstop_without_sets_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["train-backstop", "--repo", str(tmp_path)]) == 1
    assert "no red flags and near-misses to learn from" in capsys.readouterr().out
    (tmp_path / "tests" / "safety").mkdir(parents=True)
    (tmp_path / "tests" / "safety" / "tuning_bad.jsonl").write_text("{not json\n")
    assert main(["train-backstop", "--repo", str(tmp_path)]) == 1
    assert "tuning_bad.jsonl:1: not valid JSON" in capsys.readouterr().err


def test_train_backstop_refuses_a_broken_curated_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # trained anyway, it would silently learn none of the follow-ups the chat offers
    (tmp_path / "tests" / "safety").mkdir(parents=True)
    vignettes = ROOT / "tests" / "safety" / "vignettes.jsonl"
    (tmp_path / "tests" / "safety" / "vignettes.jsonl").write_text(vignettes.read_text())
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "section_questions.yml").write_text('x:\n  "H":\n    - [unclosed\n')
    out = tmp_path / "model.npz"
    assert main(["train-backstop", "--repo", str(tmp_path), "--out", str(out)]) == 1
    assert "section_questions.yml:4: not valid YAML" in capsys.readouterr().err
    assert not out.exists()


def test_the_api_puts_the_backstop_s_emergency_first(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": UNLISTED[0]}).json()
    assert body["status"] == "emergency" and body["red_flag"]["flag"] == backstop.FLAG
    assert body["message"].startswith("This sounds like an emergency")


def test_smabot_safety_reports_with_and_without_the_backstop(capsys) -> None:  # type: ignore[no-untyped-def]
    vignettes = str(ROOT / "tests/safety/vignettes.jsonl")
    assert main(["safety", vignettes, "--split", "test", "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert main(["safety", vignettes, "--split", "test", "--json", "--without-backstop"]) == 0
    alone = json.loads(capsys.readouterr().out)
    assert both["recall"] == 1.0 and both["missed"] == []
    assert alone["recall"] < 1.0 and alone["missed"]


def test_a_broken_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SmabotError, match=r"not a backstop model.*run smabot train-backstop"):
        backstop.load(tmp_path / "missing.npz")
    (tmp_path / "corrupt.npz").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(SmabotError, match="not a backstop model"):
        backstop.load(tmp_path / "corrupt.npz")
    small = tmp_path / "small.npz"
    arrays = {name: np.zeros(3) for name in ("word_idf", "char_idf", "flag_coef", "level_coef")}
    np.savez(small, intercepts=np.zeros(2), fingerprint=np.array("x"), **arrays)
    with pytest.raises(SmabotError, match="word_idf, char_idf, flag_coef, level_coef of the wrong"):
        backstop.load(small)


def test_the_served_model_cannot_be_changed_in_place() -> None:
    with pytest.raises(ValueError, match="read-only"):
        backstop.load().flag_coef[0] = 1.0


def test_train_backstop_into_a_missing_folder_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "nowhere" / "model.npz"
    assert main(["train-backstop", "--repo", str(ROOT), "--out", str(out)]) == 1
    assert "no such folder to write the model in" in capsys.readouterr().err
