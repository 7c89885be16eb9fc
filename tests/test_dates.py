"""Dates of the month read against the day a message says it is."""

import pytest

from smabot.dates import relative_dates


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("infusion on the 1st, todays the 11th", "infusion 10 days ago, todays the 11th"),
        ("reaction on 3rd feb, its 10th march now", "reaction 37 days ago, its 10th march now"),
        ("the fit was on the 9th, its the 9th today", "the fit was today, its the 9th today"),
        # a later day may be next week's appointment; "her 5th dose" is no date
        ("today is the 9th, spinraza on the 12th?", "today is the 9th, spinraza on the 12th?"),
        ("her 5th dose, today is the 9th", "her 5th dose, today is the 9th"),
        # without today's date nothing is rewritten
        ("infusion on the 1st and she is yellow", "infusion on the 1st and she is yellow"),
    ],
)
def test_relative_dates(text: str, read: str) -> None:
    assert relative_dates(text) == read
