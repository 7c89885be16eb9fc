"""How common an English word is, on wordfreq's Zipf scale, read straight from its table."""

from __future__ import annotations

import math
from functools import cache

from wordfreq import freq_to_zipf, get_frequency_dict, zipf_frequency


@cache
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en")


def zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "en")`, to the hundredth, without its tokenizer for plain
    lowercase words: start-up reads 80,000 words' frequencies, and the tokenizer made that 1.8 s."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return zipf_frequency(word, "en")
    frequency = _frequencies().get(word)
    if frequency is None:
        return 0.0
    # wordfreq keeps three significant digits, then rounds the Zipf value to a hundredth
    leading_zeroes = math.floor(-math.log(frequency, 10))
    return round(freq_to_zipf(round(frequency, leading_zeroes + 3)), 2)
