"""Dates of the month read against the day a message says it is."""

import pytest

from smabot.dates import relative_dates, relative_days


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("infusion on the 1st, todays the 11th", "infusion 10 days ago, todays the 11th"),
        ("reaction on 3rd feb, its 10th march now", "reaction 35 days ago, its 10th march now"),
        ("the fit was on the 9th, its the 9th today", "the fit was today, its the 9th today"),
        # a later day may be next week's appointment; "her 5th dose" is no date
        ("today is the 9th, spinraza on the 12th?", "today is the 9th, spinraza on the 12th?"),
        ("her 5th dose, today is the 9th", "her 5th dose, today is the 9th"),
        ("on 20th dec, today is 5th jan", "16 days ago, today is 5th jan"),
        ("on the 31st jan, today is 1st feb", "yesterday, today is 1st feb"),
        ("today is 1st jan, on the 1st of feb", "today is 1st jan, on the 1st of feb"),
        (
            "on the 8th marks appeared, today is the 9th",
            "yesterday marks appeared, today is the 9th",
        ),
        # "its the 3rd night" is no date
        ("on the 1st, its the 3rd night of fever", "on the 1st, its the 3rd night of fever"),
        (
            "a rash on the 1st of next month, today is the 9th",
            "a rash on the 1st of next month, today is the 9th",
        ),
        # without today's date nothing is rewritten
        ("infusion on the 1st and she is yellow", "infusion on the 1st and she is yellow"),
    ],
)
def test_relative_dates(text: str, read: str) -> None:
    assert relative_dates(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("day 3 he was sick, now day 11", "8 days ago he was sick, now day 11"),
        ("days 4-10 fine, today is day 11", "yesterday fine, today is day 11"),
        # no day of the timeline is today: nothing to count from
        ("day 5 post zolgensma, eyes yellow", "day 5 post zolgensma, eyes yellow"),
        ("day 6 (today) his eyes look yellow", "day 6 (today) his eyes look yellow"),
    ],
)
def test_relative_days(text: str, read: str) -> None:
    assert relative_days(text) == read
