"""Trend queries on SQLite and PostgreSQL: periods, outlets, actors, versions."""
from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from statistics import mean

import pytest

from framing.store.articles import save
from framing.store.metrics import metrics_rows
from framing.store.trends import METRICS, trend
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
