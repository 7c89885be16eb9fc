"""Build, save, load and search the BM25 index of passages."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import math
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from smabot.analysis import ANALYZER_VERSION, Analyzer, words
from smabot.chunking import Passage, split
from smabot.corpus import Corpus, source_files
from smabot.curated import FILE_NAME as CURATED_FILE
from smabot.curated import by_passage
from smabot.embed import DIMENSIONS, MODEL
from smabot.errors import IndexMismatchError, NothingPublishedError, OtherVersionError
from smabot.meaning import Meaning, asks_of
from smabot.redflags import red_flags_path
from smabot.spelling import Speller
from smabot.text import sentence_spans
from smabot.weights import Weights

INDEX_FORMAT = 5  # 5: each build carries checksums.json
# BM25+ rather than rank-bm25's default BM25Okapi: Okapi's IDF is zero for a term in half the
# passages and negative above that (rank_bm25 issues #29, #39, #43), so on a small corpus
# "zolgensma" or "liver" could stop counting. BM25+ uses log((N+1)/df) > 0 and a lower bound
# (delta) on a matching term's weight in long passages. k1 is the usual value; b 0.5 (not 0.75)
# scored better on all three question sets (README, "Answer quality"): passages here are short.
K1 = 1.2
B = 0.5
DELTA = 0.5
PASSAGE_CACHE = 20_000
_FILES = (
    "params.json",
    "passages.json",
    "sources.json",
    "vocabulary.json",
    "synonyms.json",
    "red_flags.json",
    "curated.json",
)


@dataclass(frozen=True)
class Params:
    """What the saved index was built from and with."""

    format: int
    analyzer: str
    variant: str
    k1: float
    b: float
    delta: float
    corpus_hash: str
    built_at: str
    passages: int
    vocabulary: int

    @cached_property
    def version(self) -> str:
        """A short id of the index content: equal content, equal version."""
        stable = {k: v for k, v in asdict(self).items() if k != "built_at"}
        return hashlib.sha256(json.dumps(stable, sort_keys=True).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Hit:
    """A passage found for a query, with its score and the query terms it contains."""

    position: int  # in Index.passages
    passage: Passage
    score: float
    matched: frozenset[str]


@dataclass
class Index:
    """Passages, their sources and the BM25+ weights over them."""

    params: Params
    passages: list[Passage]
    sources: dict[str, dict[str, Any]]
    weights: Weights
    synonyms: dict[str, list[list[str]]]
    surface: list[str]  # the words as written in passages, for spelling tolerance
    red_flags: dict[str, Any]  # red_flags.yml as validated data, published with the passages
    curated: dict[str, list[str]] = field(default_factory=dict)  # passage id -> its questions
    # sentence vectors of what passages answer, as a build saved them (meaning.npz)
    known_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    analyzer: Analyzer = field(init=False)
    speller: Speller = field(init=False)

    def __post_init__(self) -> None:
        self.analyzer = Analyzer(g for groups in self.synonyms.values() for g in groups)
        self.speller = Speller(self.surface, self.weights.terms, english=True)
        self._terms: dict[int, frozenset[str]] = {}
        self._sentences: dict[int, tuple[tuple[int, int, frozenset[str]], ...]] = {}

    @property
    def version(self) -> str:
        """The index version shown to clients."""
        return self.params.version

    @cached_property
    def meaning(self) -> Meaning:
        """How close a question is in meaning to each passage (vectors encoded once)."""
        return Meaning(asks_of(self.passages, self.curated), self.known_vectors)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word the passages use, folded: never mistaken for a caregiver's name."""
        return frozenset(self.surface)

    def idf(self, term: str) -> float:
        """BM25+ IDF of a term; a term no passage has counts as rare as one only one passage has."""
        row = self.weights.row.get(term)
        return float(self.weights.idf[row]) if row is not None else math.log(len(self.passages) + 1)

    def has_term(self, term: str) -> bool:
        """Whether any passage contains the term."""
        return term in self.weights.row

    def terms_of(self, position: int) -> frozenset[str]:
        """The terms of one passage (remembered: the same passages answer many questions)."""
        terms = self._terms.get(position)
        if terms is None:
            terms = frozenset(self.weights.terms_of(position))
            self._remember(self._terms, position, terms)
        return terms

    def sentences_of(self, position: int) -> tuple[tuple[int, int, frozenset[str]], ...]:
        """(start, end, terms) of each sentence of a passage's text, for highlighting."""
        sentences = self._sentences.get(position)
        if sentences is None:
            text = self.passages[position].text
            sentences = tuple(
                (start, end, frozenset(self.analyzer.terms(text[start:end])))
                for start, end in sentence_spans(text)
            )
            self._remember(self._sentences, position, sentences)
        return sentences

    @staticmethod
    def _remember(cache: dict[int, Any], position: int, value: Any) -> None:
        if len(cache) >= PASSAGE_CACHE:
            cache.clear()  # a simple bound; it refills with the passages people ask about
        cache[position] = value

    def search(self, weights: dict[str, float], limit: int = 20) -> list[Hit]:
        """The best passages for weighted query terms, scored exactly as rank-bm25's BM25+."""
        scored = self.weights.search(weights, min(limit, len(self.passages)))
        asked = weights.keys()
        # plain ints and floats once (tolist), not one numpy scalar conversion per hit
        return [
            Hit(i, self.passages[i], score, frozenset(asked & self.terms_of(i)))
            for i, score in zip(scored.positions.tolist(), scored.scores.tolist(), strict=True)
        ]


def indexed_text(title: str, passage: Passage) -> str:
    """A passage is indexed with its source title and heading path, which name its subject."""
    return "\n".join([title, *passage.section, passage.text])


def corpus_hash(root: Path) -> str:
    """A hash of everything in the corpus folder that changes the index."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}:{ANALYZER_VERSION}:{K1}:{B}:{DELTA}".encode())
    extra = [root / "synonyms.yml", red_flags_path(root), root / CURATED_FILE]
    for path in [*source_files(root), *extra]:
        if path.exists():
            digest.update(path.name.encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_index(corpus: Corpus) -> Index:
    """Split every source into passages and index them."""
    passages = [p for source in corpus.sources for p in split(source)]
    sources: dict[str, dict[str, Any]] = {
        s.id: {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "url": s.url,
            "last_updated": s.last_updated,
            "kind": s.kind,
            "reviewed": s.reviewed,
            "passages": sum(1 for p in passages if p.source_id == s.id),
        }
        for s in corpus.sources
    }
    index = index_passages(
        passages, sources, corpus.synonyms, corpus_hash(corpus.root), corpus.red_flags
    )
    index.curated = by_passage(corpus.curated, passages)
    _ = index.meaning  # encoded now, so that saving the build keeps its vectors
    return index


def index_passages(
    passages: list[Passage],
    sources: dict[str, dict[str, Any]],
    synonyms: dict[str, list[list[str]]],
    content_hash: str,
    red_flags: dict[str, Any],
) -> Index:
    """Analyse passages and compute their BM25+ weights (also used by the benchmark)."""
    analyzer = Analyzer(g for groups in synonyms.values() for g in groups)
    texts = [indexed_text(sources[p.source_id]["title"], p) for p in passages]
    weights = Weights.from_documents([analyzer.terms(t) for t in texts], K1, B, DELTA)
    surface = {w for text in texts for w, _, _ in words(text)}
    surface |= {
        w for groups in synonyms.values() for g in groups for e in g for w, _, _ in words(e)
    }
    params = Params(
        format=INDEX_FORMAT,
        analyzer=ANALYZER_VERSION,
        variant="BM25Plus",
        k1=K1,
        b=B,
        delta=DELTA,
        corpus_hash=content_hash,
        built_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        passages=len(passages),
        vocabulary=len(weights.terms),
    )
    return Index(params, passages, sources, weights, synonyms, sorted(surface), red_flags)


CURRENT = "CURRENT"
MEANING_FILE = "meaning.npz"
# every file a build is read from (the sentence vectors are derived and may be encoded again)
_CHECKED = (*_FILES, "weights.npz")
CHECKSUMS = "checksums.json"
KEEP_BUILDS = 3


def save_index(index: Index, out: Path, point: bool = True) -> Path:
    """Write the index as a new build folder, then point CURRENT at it in one atomic rename.

    A server watching `out` never sees a half-written index: the build is complete before the
    pointer moves, and the previous builds stay on disk for requests still using them.
    """
    builds = out / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    with _lock(out):
        name = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}-{index.version}"
        tmp = builds / f".{name}.tmp"
        tmp.mkdir()
        documents = {
            "params.json": asdict(index.params),
            "passages.json": [asdict(p) for p in index.passages],
            "sources.json": index.sources,
            "vocabulary.json": {"terms": index.weights.terms, "surface": index.surface},
            "synonyms.json": index.synonyms,
            "red_flags.json": index.red_flags,
            "curated.json": index.curated,
        }
        for file_name, data in documents.items():
            (tmp / file_name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        index.weights.save(tmp)
        _write_checksums(tmp)
        # encoded at build: a build made for a benchmark has none
        if "meaning" in index.__dict__ and (vectors := index.meaning.vectors):
            np.savez(
                tmp / MEANING_FILE,
                model=np.array(MODEL),
                texts=np.array(list(vectors), dtype=str),
                vectors=np.stack(list(vectors.values())),
            )
        tmp.rename(builds / name)
        if point:  # else the caller publishes it later (point_current), or drops it
            _point_current(out, name)
    return builds / name


BUILD_NAME = re.compile(r"^\d{8}T\d{12}-[0-9a-f]{12}$")  # <UTC time>-<version>, as save_index


def adopt_build(out: Path, name: str, unpack: Callable[[Path], None]) -> Path:
    """Publish a build made elsewhere: `unpack` fills a temporary folder, then CURRENT moves.

    The build is loaded before the pointer moves, so a damaged copy is never published here, and
    a name that is not a build's ("../../.ssh") never becomes a path.
    """
    if not BUILD_NAME.match(name):
        raise IndexMismatchError(f"{name[:80]!r} is not the name of an smabot build")
    builds = out / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    with _lock(out):
        if not (builds / name).is_dir():
            tmp = builds / f".{name}.{os.getpid()}.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            try:
                unpack(tmp)
                load_build(tmp)  # refuses a damaged or other-version build
                tmp.rename(builds / name)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        _point_current(out, name)
    return builds / name


def point_current(out: Path, name: str) -> None:
    """Point CURRENT back at a build already in `out` (one writer at a time)."""
    with _lock(out):
        _point_current(out, name)


def _point_current(out: Path, name: str) -> None:
    """Point CURRENT at a build in one atomic rename, then drop the oldest builds."""
    pointer = out / f".{CURRENT}.{os.getpid()}.tmp"
    pointer.write_text(name + "\n", encoding="utf-8")
    os.replace(pointer, out / CURRENT)
    _prune(out / "builds", keep=name)


@contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One writer at a time per index folder, across processes."""
    with open(out / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune(builds: Path, keep: str) -> None:
    old = sorted((p for p in builds.iterdir() if p.is_dir() and p.name != keep), reverse=True)
    for path in old[KEEP_BUILDS - 1 :]:
        shutil.rmtree(path, ignore_errors=True)


def current_build(folder: Path) -> Path | None:
    """The build folder that `folder/CURRENT` points at, if any."""
    try:
        name = (folder / CURRENT).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):  # a damaged pointer points nowhere
        return None
    return folder / "builds" / name if name else None


def load_index(folder: Path, expected_hash: str | None = None) -> Index:
    """Load the current build of an index folder; refuse a foreign or stale one."""
    return load_build(current_build(folder) or folder, expected_hash)


def load_build(build: Path, expected_hash: str | None = None) -> Index:
    """Load one build folder; anything wrong with it is an IndexMismatchError, never a crash."""
    folder = build
    _check_version(build)
    missing = [name for name in (*_CHECKED, CHECKSUMS) if not (build / name).is_file()]
    if missing:
        raise IndexMismatchError(f"{folder}: not an smabot index (missing {', '.join(missing)})")
    raw = _checked_bytes(build)
    try:
        data = {name: json.loads(raw[name]) for name in _FILES}
        params = Params(**data["params.json"])
        vocabulary = data["vocabulary.json"]
        weights = (
            Weights.load(build, vocabulary["terms"]) if params.format == INDEX_FORMAT else None
        )
    except Exception as exc:  # truncated arrays raise BadZipFile, EOFError, KeyError, …
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise IndexMismatchError(f"{folder}: unreadable index ({reason})") from exc
    if weights is None or params.format != INDEX_FORMAT or params.analyzer != ANALYZER_VERSION:
        raise IndexMismatchError(f"{folder}: index built by another smabot version")
    if expected_hash is not None and params.corpus_hash != expected_hash:
        raise IndexMismatchError(f"{folder}: index was built from a different corpus")
    passages = [Passage(**{**p, "section": tuple(p["section"])}) for p in data["passages.json"]]
    return Index(
        params,
        passages,
        data["sources.json"],
        weights,
        data["synonyms.json"],
        vocabulary["surface"],
        data["red_flags.json"],
        data["curated.json"],
        _known_vectors(build / MEANING_FILE),
    )


def _write_checksums(build: Path) -> None:
    """Each file's SHA-256, so a build changed after it was made is never served as it is."""
    sums = {name: hashlib.sha256((build / name).read_bytes()).hexdigest() for name in _CHECKED}
    (build / CHECKSUMS).write_text(json.dumps(sums, indent=1), encoding="utf-8")


def _checked_bytes(build: Path) -> dict[str, bytes]:
    """Each file's bytes, read once; refused when they are not those the build was made with
    (edited by hand, damaged)."""
    try:
        sums = json.loads((build / CHECKSUMS).read_text(encoding="utf-8"))
        raw = {name: (build / name).read_bytes() for name in _CHECKED}
        changed = [n for n in _CHECKED if sums[n] != hashlib.sha256(raw[n]).hexdigest()]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexMismatchError(f"{build}: unreadable {CHECKSUMS} ({exc})") from exc
    if changed:
        raise IndexMismatchError(
            f"{build}: {', '.join(changed)} changed after the build (checksums differ)"
        )
    return raw


def _known_vectors(path: Path) -> dict[str, np.ndarray]:
    """A build's saved sentence vectors; none (encoded again) when absent or unreadable."""
    try:
        # opened here: np.load leaves its own file open when the archive is damaged
        with path.open("rb") as file, np.load(file) as saved:
            model, texts, vectors = str(saved["model"]), saved["texts"].tolist(), saved["vectors"]
    except Exception:  # absent (an older build), truncated (BadZipFile, EOFError), not ours
        return {}  # the vectors are derived data: encoded again
    if model != MODEL or vectors.shape != (len(texts), DIMENSIONS):
        return {}  # another model's vectors, or damaged ones
    return dict(zip(texts, vectors, strict=True))


def _check_version(build: Path) -> None:
    """Refuse a build made by another smabot version before reading anything else of it."""
    try:
        params = json.loads((build / "params.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # not readable at all: the checks that follow say what is wrong
    if not isinstance(params, dict):
        return
    if params.get("format") != INDEX_FORMAT or params.get("analyzer") != ANALYZER_VERSION:
        raise OtherVersionError(f"{build}: index built by another smabot version")


def published_builds(folder: Path) -> list[Path]:
    """Every published build of an index folder, newest first."""
    builds = folder / "builds"
    if not builds.is_dir():
        return []
    found = [p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(found, key=lambda p: p.name, reverse=True)


def load_published(folder: Path) -> tuple[Index, Path]:
    """The build CURRENT names, else the newest published build that loads, and its folder.

    Never builds: only `smabot index` and the admin re-index publish (through check and gate).
    """
    current = current_build(folder)
    candidates = [current] if current is not None else []
    candidates += [b for b in published_builds(folder) if b != current]
    problems: list[IndexMismatchError] = []
    for build in candidates:
        try:
            return load_build(build), build
        except IndexMismatchError as exc:
            problems.append(exc)
    detail = f": {problems[0]}" if problems else ""
    other_versions_only = all(isinstance(p, OtherVersionError) for p in problems)
    raise NothingPublishedError(f"{folder}: no published index loads{detail}", other_versions_only)
