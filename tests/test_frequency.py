"""smabot.frequency reads wordfreq's table directly and must give what wordfreq gives."""

from __future__ import annotations

from wordfreq import top_n_list, zipf_frequency

from smabot.frequency import zipf


def test_zipf_equals_wordfreqs_for_common_words_slips_and_odd_forms() -> None:
    words = [*top_n_list("en", 50_000)[::5], "bladda", "steriods", "xqzt", "spinraza"]
    words += ["Spinraza", "can't", "café", "h2o", "mid-day", "", "ŽŽŽ", "naïve", "a"]
    assert [zipf(w) for w in words] == [zipf_frequency(w, "en") for w in words]
