"""Dates of the month read against the day a message says it is: "on the 2nd … today is the 9th"."""

from __future__ import annotations

import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DAY = r"(?P<d>\d{1,2}) ?(?:st|nd|rd|th)\b"
# "today is the 9th", "todays the 11th", "its the 9th today", "today 20th", "its 10th march now"
_TODAY = re.compile(
    rf"\b(?:today is|todays|today|its now|its|it is)(?: the)? {_DAY}"
    rf"(?: (?:of )?(?P<m>{_MONTH}))?(?! (?:dose|day|birthday|time|week|month|injection))"
)
# "on the 2nd", "on 3rd feb", "1st march": a date, not "her 5th dose"
_DATE = re.compile(
    rf"\b(?:on (?:the )?{_DAY}(?: (?:of )?(?P<m>{_MONTH}))?|"
    rf"(?:the )?(?P<e>\d{{1,2}}) ?(?:st|nd|rd|th) (?:of )?(?P<n>{_MONTH}))\b"
)


def relative_dates(text: str) -> str:
    """Rewrite earlier dates as "N days ago" when the message says what today's date is.

    A caregiver writes "infusion on the 1st, today's the 11th"; the rules read "10 days ago",
    as they would have had the message said so. A later day of the month than today ("on the
    12th") may be next week's appointment, so it is left as written.
    """
    today = _TODAY.search(text)
    if today is None:
        return text
    day, month = int(today["d"]), _month(today["m"])

    def rewrite(match: re.Match[str]) -> str:
        if today.start() <= match.start() < today.end():
            return match.group()
        then = int(match["d"] or match["e"])
        then_month = _month(match["m"] or match["n"])
        months = (month - then_month) % 12 if month is not None and then_month is not None else 0
        days = months * 30 + day - then
        if days < 0 or not 1 <= then <= 31:
            return match.group()
        return "today" if days == 0 else f"{days} days ago"

    return _DATE.sub(rewrite, text)


def _month(name: str | None) -> int | None:
    return _MONTHS.index(name[:3]) if name else None
