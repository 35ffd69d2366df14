"""Trend queries on SQLite and PostgreSQL: periods, outlets, actors, versions."""
from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from statistics import mean

import pytest

from framing.store.articles import save
from framing.store.metrics import metrics_rows
from framing.store.trends import METRICS, Point, Series, TooManyPeriods, trend, with_empty_periods
from framing.store.versions import analyzer_version, current_analyzer_version



def _series(database, metric, **options):
    options.setdefault("analyzer_version", current_analyzer_version())
    with database.session() as session:
        return {line.outlet: [(point.period.isoformat(), point.value, point.articles) for point in line.points]
                for line in trend(session, METRICS[metric], **options)}


def test_monthly_means_per_outlet(database, stored):
    series = _series(database, "hedged_attribution_rate", interval="month")
    assert set(series) == {"wire", "daily", "post"}
    for outlet, points in series.items():
        for period, value, articles in points:
            rows = [metrics_rows(report).article for item, report in stored
                    if item.outlet == outlet and item.published_at.strftime("%Y-%m-01") == period]
            assert articles == len(rows)
            defined = [row["hedged_attribution_rate"] for row in rows if row["hedged_attribution_rate"] is not None]
            assert value == pytest.approx(mean(defined), abs=1e-4)
    assert [(period, articles) for period, _value, articles in series["wire"]] == [("2016-01-01", 2), ("2016-02-01", 1)]


def test_weeks_start_on_monday(database, stored):
    """Sunday 10 January belongs to the week of Monday 4 January, as in ISO weeks."""
    weeks = {outlet: [(period, articles) for period, _value, articles in points]
             for outlet, points in _series(database, "words", interval="week").items()}
    assert weeks["wire"] == [("2016-01-04", 2), ("2016-02-01", 1)]
    assert weeks["daily"] == [("2016-01-04", 1), ("2016-01-11", 1), ("2016-02-08", 1)]
    assert weeks["post"] == [("2016-01-25", 1), ("2016-02-08", 1)]


def test_days_are_utc_days(database, analysed):
    """23:30 in New York on 31 January is 1 February in UTC."""
    item, report = analysed[0]
    late = replace(item, key="id:late", published_at=datetime(2016, 1, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))).astimezone(timezone.utc))
    with database.session() as session:
        save(session, late, report)
    assert _series(database, "words", interval="day")["wire"][0][0] == "2016-02-01"
    assert _series(database, "words", interval="month")["wire"][0][0] == "2016-02-01"


def test_outlet_and_date_filters(database, stored):
    series = _series(database, "sentiment", interval="month", outlets=["wire", "post"], since=date(2016, 1, 10), until=date(2016, 1, 31))
    assert {outlet: [(p, n) for p, _v, n in points] for outlet, points in series.items()} == {
        "wire": [("2016-01-01", 1)], "post": [("2016-01-01", 1)]}


def test_actor_sentiment_weights_mentions(database, stored):
    series = _series(database, "actor_sentiment", interval="month", actor="russia")
    for outlet, points in series.items():
        for period, value, articles in points:
            actors = [actor for item, report in stored if item.outlet == outlet and item.published_at.strftime("%Y-%m-01") == period
                      for actor in report["document"]["actors"] if actor["actor"] == "russia"]
            assert articles == len(actors)
            expected = sum(a["mean_sentiment"] * a["mentions"] for a in actors) / sum(a["mentions"] for a in actors)
            assert value == pytest.approx(expected, abs=1e-4)
    mentioning = [item for item, report in stored if any(actor["actor"] == "russia" for actor in report["document"]["actors"])]
    assert sum(n for points in series.values() for _p, _v, n in points) == len(mentioning) >= 4


def test_versions_are_never_mixed(database, stored):
    item, report = stored[0]
    older = copy.deepcopy(report)
    older["analyzer"]["corpora"]["loaded_terms"] = "0.9.0"
    with database.session() as session:
        save(session, replace(item, key="id:older"), older)
    current = _series(database, "words", interval="month")
    assert current["wire"][0][2] == 2  # the older report is left out
    old = _series(database, "words", interval="month", analyzer_version=analyzer_version(older["analyzer"]))
    assert old == {"wire": [("2016-01-01", report["document"]["words"], 1)]}


def test_filled_series_have_every_period_and_mark_the_empty_ones(database, stored):
    with database.session() as session:
        raw = trend(session, METRICS["words"], analyzer_version=current_analyzer_version(), interval="week", outlets=["daily"])
    filled = with_empty_periods(raw, "week")
    points = filled[0].points
    assert points[0].period == raw[0].points[0].period and points[-1].period == raw[0].points[-1].period
    assert all((b.period - a.period).days == 7 for a, b in zip(points, points[1:]))
    assert [p for p in points if p.articles] == raw[0].points  # the stored periods are untouched
    assert all(p.value is None for p in points if not p.articles) and len(points) > len(raw[0].points)


def test_filling_runs_from_since_to_until_across_a_year_end():
    series = [Series("wire", [Point(date(2016, 1, 1), 2.5, 3)])]
    months = [p.period for p in with_empty_periods(series, "month", since=date(2015, 11, 20), until=date(2016, 2, 3))[0].points]
    assert months == [date(2015, 11, 1), date(2015, 12, 1), date(2016, 1, 1), date(2016, 2, 1)]
    days = with_empty_periods(series, "day", since=date(2015, 12, 31), until=date(2016, 1, 2))[0].points
    assert [(p.period.day, p.articles) for p in days] == [(31, 0), (1, 3), (2, 0)]


def test_filled_series_share_one_range_and_requested_outlets_without_articles_appear():
    series = [Series("wire", [Point(date(2016, 1, 1), 1.0, 2)]), Series("post", [Point(date(2016, 3, 1), 3.0, 1)])]
    filled = {line.outlet: [(p.period.month, p.articles) for p in line.points]
              for line in with_empty_periods(series, "month", outlets=["wire", "post", "daily"])}
    assert filled == {"wire": [(1, 2), (2, 0), (3, 0)], "post": [(1, 0), (2, 0), (3, 1)], "daily": [(1, 0), (2, 0), (3, 0)]}


def test_filling_stops_at_the_end_of_the_calendar():
    series = [Series("wire", [Point(date(9999, 12, 27), 1.0, 1)])]
    for interval in ("day", "week", "month"):
        points = with_empty_periods(series, interval, since=date(9999, 12, 1))[0].points
        assert points[-1].period <= date(9999, 12, 31)


def test_filling_refuses_an_absurd_range():
    series = [Series("wire", [Point(date(2016, 1, 1), 1.0, 1)])]
    with pytest.raises(TooManyPeriods):
        with_empty_periods(series, "day", since=date(1900, 1, 1))


def test_filling_refuses_too_many_points_over_all_series():
    series = [Series("wire", [Point(date(2010, 1, 1), 1.0, 1)])]
    outlets = [f"outlet{number}" for number in range(40)]
    with_empty_periods(series, "week", since=date(2010, 1, 1), until=date(2011, 1, 1), outlets=outlets)  # 41 x 53: fine
    with pytest.raises(TooManyPeriods):
        with_empty_periods(series, "day", since=date(2010, 1, 1), until=date(2019, 1, 1), outlets=outlets)
