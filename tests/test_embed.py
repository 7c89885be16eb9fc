"""The sentence model in NumPy gives sentence-transformers' own vectors; meaning builds on it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from smabot.embed import DIMENSIONS, encoder, model_folder
from smabot.errors import SmabotError

REFERENCE = Path(__file__).parent / "embed" / "reference.json"


def test_it_gives_sentence_transformers_vectors() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    ours = encoder().encode(reference["texts"])
    for text, mine, theirs in zip(reference["texts"], ours, reference["vectors"], strict=True):
        assert np.abs(mine - np.array(theirs)).max() < 1e-5, text[:40]


def test_a_text_gets_the_same_vector_alone_as_in_a_padded_batch() -> None:
    texts = ["Is Spinraza given by injection?", "ok", "How long does the Zolgensma infusion take?"]
    together = encoder().encode(texts)
    for text, vector in zip(texts, together, strict=True):
        assert np.abs(encoder().encode([text])[0] - vector).max() < 1e-5
    assert together.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


def test_no_texts_are_no_vectors() -> None:
    assert encoder().encode([]).shape == (0, DIMENSIONS)


def test_a_missing_model_says_how_to_install_it() -> None:
    with pytest.raises(SmabotError, match="make install"):
        model_folder("no_such_model_package")
