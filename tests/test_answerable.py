"""The model that decides whether to answer: learned from the train sets, explained by parts."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from smabot import answerable
from smabot.answer import Answerer
from smabot.cli import main
from smabot.index import Index

ROOT = Path(__file__).resolve().parents[1]


def _samples() -> list[dict[str, float]]:
    rng = random.Random(11)
    return [{name: rng.uniform(0, 1) for name in answerable.FEATURES} for _ in range(50)]


def test_retraining_gives_the_committed_model(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # fails when a train set, the corpus or a feature changed without `smabot train-answerable`
    out = tmp_path / "answerable.json"
    assert main(["train-answerable", "--repo", str(ROOT), "--out", str(out)]) == 0
    assert "learned from" in capsys.readouterr().out
    retrained, committed = answerable.load(out), answerable.load()
    for features in _samples():
        assert retrained.probability(features) == pytest.approx(
            committed.probability(features), abs=0.01
        )


def test_a_repo_without_its_sets_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["train-answerable", "--repo", str(tmp_path)]) == 1
    assert "not the repo's root" in capsys.readouterr().out


def test_the_probability_is_the_logistic_of_its_parts() -> None:
    model = answerable.load()
    for features in _samples():
        log_odds = model.intercept + sum(model.parts(features).values())
        assert model.probability(features) == pytest.approx(1 / (1 + math.exp(-log_odds)))


def test_it_never_learns_from_the_frozen_test_split() -> None:
    assert all("test" not in Path(name).stem for name in answerable.TRAIN_FILES)


def test_closeness_in_meaning_weighs_for_an_answer() -> None:
    weights = answerable.load().weights
    assert weights["closeness"] > 0 and weights["best closeness"] > 0


def test_explain_gives_the_decision_and_its_parts(index: Index) -> None:
    answerer = Answerer(index)
    decision = answerer.explain("How much does the gene therapy set us back?")[0]["decision"]
    assert isinstance(decision, dict) and not decision["veto"]
    assert decision["probability"] >= answerable.THRESHOLD
    assert set(decision["parts"]) == set(answerable.FEATURES)
    # a veto stands whatever the model says
    where = "We're emigrating to Australia next year. Will the government there pay for Spinraza?"
    vetoed = answerer.explain(where)[0]["decision"]
    assert isinstance(vetoed, dict) and "australia" in vetoed["veto"]
    assert answerer.ask(where).status == "no_answer"
