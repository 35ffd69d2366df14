"""Framing metrics over time, one series per outlet: ``GET /v1/trends`` without the web.

Every query reads the per-day and per-month aggregates (``framing.store.rollups``),
filters on one ``analyzer_version`` (figures from different analyzers are never averaged
together), and adds them up by outlet and period: a period's mean is the sum of its rows'
totals over the sum of their counts, exactly the mean over its articles. A period is named by its first
day (weeks start on Monday, as ISO weeks and PostgreSQL's ``date_trunc`` do); periods
without articles are left out rather than reported as zero. The only difference between
SQLite and PostgreSQL is how a day becomes its period, kept in :func:`period_start`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import TIMESTAMP, ColumnElement, Float, case, cast, func, literal_column, select
from sqlalchemy.orm import Session

from framing.store.models import ActorRollup, ArticleActorMetrics, ArticleMetrics, OutletRollup
from framing.store.rollups import DAY, covering

INTERVALS = ("day", "week", "month")


@dataclass(frozen=True)
class Metric:
    name: str
    description: str
    table: type  # the per-article table the metric is defined over
    value: ColumnElement  # an aggregate over the aggregate rows of one outlet and period

    @property
    def needs_actor(self) -> bool:
        return self.table is ArticleActorMetrics


def _mean(name: str) -> ColumnElement:
    columns = OutletRollup.__table__.c
    return func.sum(columns[f"{name}_sum"]) / func.nullif(func.sum(columns[f"{name}_n"]), 0)


def _per_article(column) -> ColumnElement:
    return cast(func.sum(column), Float) / func.nullif(func.sum(ActorRollup.articles), 0)


_ARTICLE_MEANS = {
    "hedged_attribution_rate": "Hedged attributions / attributions (articles with attributions).",
    "attributions_per_1000": "Attributions per 1,000 words.",
    "loaded_authorial_per_1000": "Loaded terms in the writer's own voice per 1,000 words.",
    "loaded_quoted_per_1000": "Loaded terms inside quotations per 1,000 words.",
    "hedges_per_1000": "Hedges per 1,000 words.",
    "anonymous_share": "Anonymous citations / citations (articles citing anyone).",
    "direct_quote_share": "Citations that are direct or mostly quoted / citations.",
    "balance_index": "Evenness of citations over sides, 0 (one side) to 1 (even).",
    "flesch_reading_ease": "Flesch reading ease of the body (higher is easier).",
    "flesch_kincaid_grade": "Flesch-Kincaid grade level of the body.",
    "sentiment": "Mean VADER compound over body paragraphs, -1 to 1.",
    "words": "Words in the body.",
}

METRICS: dict[str, Metric] = {
    **{
        name: Metric(name, f"{description} Mean over the period's articles.", ArticleMetrics, _mean(name))
        for name, description in _ARTICLE_MEANS.items()
    },
    "actor_sentiment": Metric(
        "actor_sentiment", "Sentiment toward the actor, -1 to 1: mean over every mention in the period (articles weighted by mentions).",
        ArticleActorMetrics,
        case((func.sum(ActorRollup.sentiment_articles) > 0,
              func.sum(ActorRollup.sentiment_weighted) / func.nullif(func.sum(ActorRollup.mentions), 0))),
    ),
    "actor_mentions": Metric(
        "actor_mentions", "Mentions of the actor per article that mentions it.", ArticleActorMetrics,
        _per_article(ActorRollup.mentions)),
    "actor_citations": Metric(
        "actor_citations", "Times the actor is cited as a source, per article that mentions it.", ArticleActorMetrics,
        _per_article(ActorRollup.cited)),
}


@dataclass(frozen=True)
class Point:
    period: date
    value: float | None
    articles: int


@dataclass(frozen=True)
class Series:
    outlet: str
    points: list[Point]


def period_start(day, interval: str, dialect: str) -> ColumnElement:
    """The first day of the period holding ``day`` (a date column).

    Interval and format strings are literals, not parameters: PostgreSQL matches a
    ``GROUP BY`` expression to the selected one only if they are written identically.
    """
    if interval == "day":
        return day
    if dialect == "postgresql":
        return func.date_trunc(literal_column(f"'{interval}'"), cast(day, TIMESTAMP))
    if interval == "week":
        return func.date(day, literal_column("'weekday 0'"), literal_column("'-6 days'"))
    return func.strftime(literal_column("'%Y-%m-01'"), day)


def trend(session: Session, metric: Metric, *, analyzer_version: str, interval: str, outlets: list[str] | None = None,
          actor: str | None = None, since: date | None = None, until: date | None = None) -> list[Series]:
    """``since`` and ``until`` are inclusive days (UTC)."""
    table = ActorRollup if metric.needs_actor else OutletRollup
    period = period_start(table.day, interval, session.get_bind().dialect.name).label("period")
    query = (
        select(table.outlet, period, metric.value.label("value"), func.sum(table.articles).label("articles"))
        .where(table.analyzer_version == analyzer_version)
        .group_by(table.outlet, period)
        .order_by(table.outlet, period)
    )
    if metric.needs_actor:
        query = query.where(table.actor == actor)
    if outlets:
        query = query.where(table.outlet.in_(outlets))
    if interval == "month":  # whole months from month rows, the partial ones at the ends from day rows
        query = query.where(covering(table, since, until))
    else:
        query = query.where(table.span == DAY, *[condition for condition in (
            table.day >= since if since else None, table.day <= until if until else None) if condition is not None])
    series: dict[str, list[Point]] = defaultdict(list)
    for outlet, start, value, articles in session.execute(query):
        series[outlet].append(Point(_as_date(start), None if value is None else round(float(value), 4), int(articles)))
    return [Series(outlet, points) for outlet, points in series.items()]


def period_of(day: date, interval: str) -> date:
    """The first day of the period holding ``day``, as :func:`period_start` computes it in SQL."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def next_period(start: date, interval: str) -> date | None:
    """The first day of the period after ``start``'s, or None past the calendar's end (9999)."""
    try:
        if interval == "week":
            return start + timedelta(days=7)
        if interval == "month":
            return date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start + timedelta(days=1)
    except (OverflowError, ValueError):
        return None


MAX_FILLED_PERIODS = 5000  # about 14 years of days: more is a mistaken range, not a chart
MAX_FILLED_POINTS = 100_000  # over all series: 20 outlets of 5,000 days, or 400 outlets of 20 years of weeks


class TooManyPeriods(ValueError):
    """Filling gaps would produce more periods than any chart shows."""


def with_empty_periods(series: list[Series], interval: str, since: date | None = None, until: date | None = None,
                       outlets: list[str] | None = None) -> list[Series]:
    """Every period of one common range for each series, a period without articles as
    ``value=None, articles=0``.

    A dashboard drawing lines needs to tell "no coverage that week" from "no change", and
    a spreadsheet needs aligned rows: every series runs from ``since`` (or the earliest
    period of any series) to ``until`` (or the latest), and each of ``outlets`` that has no
    articles in the range gets a series of empty periods.
    """
    lines = {line.outlet: line for line in series}
    for outlet in outlets or ():
        lines.setdefault(outlet, Series(outlet, []))
    periods = [point.period for line in series for point in line.points]
    if not periods and not (since and until):
        return [line for line in lines.values() if line.points]
    first = period_of(since, interval) if since else min(periods)
    last = period_of(until, interval) if until else max(periods)
    calendar: list[date] = []
    period: date | None = first
    while period is not None and period <= last:
        if len(calendar) >= MAX_FILLED_PERIODS:
            raise TooManyPeriods(f"filling gaps would give more than {MAX_FILLED_PERIODS} {interval}s per series; narrow from/to or use a longer interval")
        calendar.append(period)
        period = next_period(period, interval)
    if len(calendar) * len(lines) > MAX_FILLED_POINTS:
        raise TooManyPeriods(f"filling gaps would give {len(calendar) * len(lines):,} points, more than {MAX_FILLED_POINTS:,}; "
                             "ask for fewer outlets, a narrower from/to or a longer interval")
    filled = []
    for outlet in sorted(lines):
        known = {point.period: point for point in lines[outlet].points}
        filled.append(Series(outlet, [known.get(day) or Point(day, None, 0) for day in calendar]))
    return filled


def _as_date(start) -> date:
    """PostgreSQL returns a date or a timestamp, SQLite a 'YYYY-MM-DD' string."""
    if isinstance(start, datetime):
        return start.date()
    return start if isinstance(start, date) else date.fromisoformat(start)
