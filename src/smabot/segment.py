"""Words typed without spaces, split back into words: "shecantbreathe" -> "she cant breathe"."""

from __future__ import annotations

from collections.abc import Callable

from smabot.frequency import zipf

# Only a word this long and unknown is tried: shorter ones are typos for the speller; longer
# ones are no message typed in a hurry, and would cost time a question must not.
MIN_LENGTH = 7
MAX_LENGTH = 30
# A split must find a lexicon word this long: "som no lent" (somnolent) finds only "no".
MIN_FOUND = 4
MAX_PIECES = 6
# A piece must be a word at least this common in English, or one the lexicon knows.
PIECE_ZIPF = 2.5
# Pieces shorter than three letters must be one of these ("breathinng" is no "breath in ng").
_SHORT = frozenset(
    {"a", "i", "to", "in", "on", "no", "so", "he", "up", "me", "my", "we", "is", "it", "at"}
    | {"be", "do", "go", "of", "or", "us", "am", "an", "as", "by", "if", "ok", "oh"}
)
# Each piece costs this much against its Zipf frequency: fewer, commoner words win.
PIECE_COST = 8.5
# A piece rarer than this that the lexicon knows as two words is split again.
RARE_ZIPF = 3.0
# A word one slip from an English word this common is a typo, not words run together.
TYPO_ZIPF = 3.0


def segment(word: str, known: Callable[[str], bool]) -> list[str] | None:
    """The likeliest split of a run-together word into known words, or None.

    Each piece scores its English frequency less a constant, so a split into fewer, commoner
    words wins ("hard to wake", not "hard tow ake"); `known` admits lexicon words such as drug
    names that English frequency does not ("spinraza last night").
    """
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isalpha() or _typo_of_a_word(word):
        return None
    # best[i]: the best (score, pieces) for word[:i]
    best: list[tuple[float, list[str]] | None] = [None] * (len(word) + 1)
    best[0] = (0.0, [])
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 20), end):
            before = best[start]
            piece = word[start:end]
            if before is None or len(before[1]) >= MAX_PIECES:
                continue
            if len(piece) < 3 and piece not in _SHORT:
                continue
            common = zipf(piece)
            if not (common >= PIECE_ZIPF or known(piece)):
                continue
            score = before[0] + max(common, PIECE_ZIPF) - PIECE_COST
            if best[end] is None or score > best[end][0]:  # type: ignore[index]
                best[end] = (score, [*before[1], piece])
    found = best[len(word)]
    if not found:
        return None
    pieces = [part for piece in found[1] for part in _lexicon_parts(piece, known)]
    # only worth it when it finds a word the lexicon knows: "photo therapy" finds none
    found_one = any(known(p) and len(p) >= MIN_FOUND for p in pieces)
    return pieces if len(pieces) > 1 and found_one else None


def _typo_of_a_word(word: str) -> bool:
    """One slip away from a common English word: "grandaughter" is no "gran daughter"."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    return any(zipf(e) >= TYPO_ZIPF for e in edits - {word})


def _lexicon_parts(piece: str, known: Callable[[str], bool]) -> list[str]:
    """A rare compound the lexicon knows as two words: "wakeup" -> "wake up"."""
    if known(piece) or zipf(piece) >= RARE_ZIPF:
        return [piece]
    for cut in range(2, len(piece) - 1):
        if known(piece[:cut]) and known(piece[cut:]):
            return [piece[:cut], piece[cut:]]
    return [piece]
