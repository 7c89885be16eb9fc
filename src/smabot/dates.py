"""Dates of the month read against the day a message says it is: "on the 2nd … today is the 9th"."""

from __future__ import annotations

import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS_IN = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_DAY = r"(?P<d>\d{1,2}) ?(?:st|nd|rd|th)\b"
# "today is the 9th", "todays the 11th", "its the 9th today", "its 10th march now"; the date
# must end its clause, so "its the 3rd night of fever" and "its 4th loading dose" are no dates
_TODAY = re.compile(
    rf"\b(?:today is|todays|today|its now|its|it is)(?: the)? {_DAY}"
    rf"(?: (?:of )?(?P<m>{_MONTH}))?(?: today| now)?(?= ?[,.;:!?)]| and\b| but\b| so\b|$)"
)
# "on the 2nd", "on 3rd feb", "1st march": a date, not "her 5th dose"
_DATE = re.compile(
    rf"\b(?:on (?:the )?{_DAY}(?: (?:of )?(?P<m>{_MONTH}))?|"
    rf"(?:the )?(?P<e>\d{{1,2}}) ?(?:st|nd|rd|th) (?:of )?(?P<n>{_MONTH}))"
    r"(?! (?:of )?next)"
)


def relative_dates(text: str) -> str:
    """Rewrite earlier dates as the rules read times ("yesterday", "N days ago") when the
    message says what today's date is.

    A caregiver writes "infusion on the 1st, today's the 11th"; the rules read "10 days ago",
    as they would have had the message said so. A date later than today ("on the 12th") may be
    next week's appointment, so it is left as written.
    """
    today = _TODAY.search(text)
    if today is None:
        return text
    now = _day_of_year(int(today["d"]), today["m"])

    def rewrite(match: re.Match[str]) -> str:
        if today.start() <= match.start() < today.end():
            return match.group()
        day = int(match["d"] or match["e"])
        month = match["m"] or match["n"]
        if not 1 <= day <= 31:
            return match.group()
        if month is None or today["m"] is None:  # the same month, as a caregiver means it
            days = int(today["d"]) - day
        else:
            days = now - _day_of_year(day, month)
            if days < -182:  # "on 20th dec" read on the 5th of January
                days += 365
        return _ago(days) if days >= 0 else match.group()

    return _DATE.sub(rewrite, text)


# "now day 11", "today is day 5", "day 6 (today)", "Now day 4:"
_TODAY_COUNT = re.compile(
    r"\b(?:(?:now|today|todays|today is|its|it is|were on|we are on)(?: on)? day (?P<a>\d{1,3})|"
    r"day (?P<b>\d{1,3}) \(?(?:today|now)\b)"
)
# "day 1", "days 4-10", "day 2-3": counted from the same treatment
_DAY_COUNT = re.compile(r"\bdays? (?P<d>\d{1,3})(?: ?(?:-|–|to) ?(?P<e>\d{1,3}))?\b")


def relative_days(text: str) -> str:
    """Rewrite earlier day counts ("day 3 … now day 11") as "N days ago".

    A timeline after a treatment counts days from it; what happened on an earlier day is over
    unless the message says it goes on, as "8 days ago" would be.
    """
    today = _TODAY_COUNT.search(text)
    if today is None:
        return text
    now = int(today["a"] or today["b"])

    def rewrite(match: re.Match[str]) -> str:
        if today.start() <= match.start() < today.end():
            return match.group()
        last = int(match["e"] or match["d"])
        return _ago(now - last) if last < now else match.group()

    return _DAY_COUNT.sub(rewrite, text)


def _ago(days: int) -> str:
    """A number of days back, as the rules read a time."""
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def _day_of_year(day: int, month: str | None) -> int:
    index = _MONTHS.index(month[:3]) if month else 0
    return sum(_DAYS_IN[:index]) + day
