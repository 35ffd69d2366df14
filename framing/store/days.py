"""Whole UTC days as half-open time ranges, for the ``from``/``to`` filters of queries."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def end_of(day: date) -> datetime | None:
    """The first instant after ``day``; None after the last day a datetime can hold."""
    return None if day == date.max else start_of(day + timedelta(days=1))
