"""Real caregivers' questions from public sources, split by source into train and a frozen test."""

from __future__ import annotations

import json

from smabot.chunking import split
from smabot.corpus import load_corpus
from smabot.evaluate import normalise

from .conftest import CORPUS, ROOT

FOLDER = ROOT / "tests" / "eval" / "collected"


def rows(name: str) -> list[dict[str, object]]:
    path = FOLDER / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_train_and_test_share_no_source() -> None:
    train, test = rows("train"), rows("test")
    assert len(train) + len(test) >= 741
    assert {r["source_name"] for r in train}.isdisjoint({r["source_name"] for r in test})
    assert all(str(r["source_url"]).startswith("http") for r in train + test)


def test_every_gold_phrase_is_in_the_passage_it_names() -> None:
    passages = {p.id: normalise(p.text) for s in load_corpus(CORPUS).sources for p in split(s)}
    for row in rows("train") + rows("test"):
        answers, gold = row["answers"], row["gold"]
        assert isinstance(answers, list) and isinstance(gold, list)
        if row["expect"] == "no_answer":
            assert not answers and not gold, row["id"]
            continue
        assert answers and all(a in passages for a in answers), row["id"]
        for phrase in gold:
            assert any(normalise(str(phrase)) in passages[a] for a in answers), (row["id"], phrase)


def test_every_answering_passage_holds_a_gold_phrase() -> None:
    # complete judgments: a passage listed as answering is one the scoring counts as a hit
    passages = {p.id: normalise(p.text) for s in load_corpus(CORPUS).sources for p in split(s)}
    for row in rows("train") + rows("test"):
        answers, gold = row["answers"], row["gold"]
        assert isinstance(answers, list) and isinstance(gold, list)
        phrases = [normalise(str(phrase)) for phrase in gold]
        for answer in answers:
            assert any(phrase in passages[answer] for phrase in phrases), (row["id"], answer)


def test_paraphrases_are_of_train_questions_and_keep_their_labels() -> None:
    # tests/eval/paraphrased: train questions reworded by helpers who never saw smabot answer;
    # tuning may use them, so none may come from the frozen test split
    train = {str(r["id"]): r for r in rows("train")}
    path = ROOT / "tests" / "eval" / "paraphrased" / "train.jsonl"
    paraphrased = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    assert len(paraphrased) == 2 * len(train)
    for row in paraphrased:
        original = train[row["paraphrase_of"]]
        assert row["question"] != original["question"], row["id"]
        for label in ("expect", "gold", "answers", "source_name"):
            assert row[label] == original[label], (row["id"], label)
