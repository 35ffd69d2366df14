"""Dates and date-times exactly as the OpenAPI formats ``date`` and ``date-time`` admit them.

Those formats are RFC 3339's ``full-date`` (``2024-03-05``) and ``date-time`` with its
offset (``2024-03-05T14:30:00Z``). Python's ``fromisoformat`` reads more (``20240305``,
``2024-W10-2``, a time without an offset) and less (year 0, a leap second); a client
that trusts the document must get neither surprise, so the text is matched here first
and only then handed to Python.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_DAY = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
_DAY_ONLY = re.compile(_DAY)
_MOMENT = re.compile(_DAY + r"(?:[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?")
_LEAP_YEAR = 2000  # year 0 of the proleptic calendar is a leap year, as 2000 is: its days are 2000's


class NotRfc3339(ValueError):
    """The text is not a date or date-time the document admits."""


def parse_day(text: str) -> date:
    """``YYYY-MM-DD``; a day of year 0 is read as the first day Python can hold (for filters,
    the same thing: before every stored article)."""
    match = _DAY_ONLY.fullmatch(text)
    if match is None:
        raise NotRfc3339("give a day as YYYY-MM-DD")
    found = _day_or_none(text, *(int(part) for part in match.groups()))
    return date.min if found is None else found


def parse_moment(text: str) -> datetime | None:
    """The moment in UTC (a date alone is its midnight UTC), or None when RFC 3339 admits it
    but it falls outside years 1 to 9999 in UTC (year 0, or 0001-01-01T00:30:00+01:00),
    which Python cannot hold.

    A leap second is admitted where RFC 3339 puts them, at 23:59:60 UTC, and read as the
    next second."""
    match = _MOMENT.fullmatch(text)
    if match is None:
        raise NotRfc3339("give a date (2024-03-05) or a date-time with its offset (2024-03-05T14:30:00Z)")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if hour is None:
        moment = _day_or_none(text, int(year), int(month), int(day))
        return None if moment is None else datetime.combine(moment, datetime.min.time(), timezone.utc)
    if int(hour) > 23 or int(minute) > 59 or int(second) > 60:
        raise NotRfc3339(f"{text!r} is not a time that exists")
    zone = timezone.utc if offset in "Zz" else _zone(offset, text)
    leap = second == "60"
    local = _day_or_none(text, int(year), int(month), int(day))
    if local is None:
        return None
    microseconds = int((fraction or ".0")[1:7].ljust(6, "0"))
    moment = datetime(local.year, local.month, local.day, int(hour), int(minute), 59 if leap else int(second), microseconds, zone)
    try:
        utc = moment.astimezone(timezone.utc)
        if leap and (utc.hour, utc.minute) != (23, 59):
            raise NotRfc3339(f"{text!r}: a leap second is 23:59:60 UTC")
        return utc + timedelta(seconds=1) if leap else utc
    except OverflowError:
        return None


def _day_or_none(text: str, year: int, month: int, day: int) -> date | None:
    try:
        if year == 0:
            date(_LEAP_YEAR, month, day)
            return None
        return date(year, month, day)
    except ValueError:
        raise NotRfc3339(f"{text!r} is not a day that exists") from None


def _zone(offset: str, text: str) -> timezone:
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if hours > 23 or minutes > 59:
        raise NotRfc3339(f"{text!r} has an offset that does not exist")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if offset[0] == "-" else delta)
