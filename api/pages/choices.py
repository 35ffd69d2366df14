"""What the pages' selectors offer, read through the store functions the JSON API uses.

The outlets are those with articles analysed by the current analyzer version: the ones a
trend or comparison can show. They come from ``framing.store.trends`` (one series per
outlet of the ``words`` metric, summed), so no query of the pages' own reads the tables.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from framing.store.trends import METRICS, trend
from framing.store.versions import current_analyzer_version


def stored_outlets(session: Session, analyzer_version: str | None = None) -> list[tuple[str, int]]:
    """``(outlet, articles)`` pairs, most articles first."""
    series = trend(session, METRICS["words"], analyzer_version=analyzer_version or current_analyzer_version(), interval="month")
    counts = [(line.outlet, sum(point.articles for point in line.points)) for line in series]
    return sorted(counts, key=lambda pair: (-pair[1], pair[0]))
