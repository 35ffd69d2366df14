"""``GET /v1/trends`` and ``GET /v1/metrics`` over articles stored through the API."""
from __future__ import annotations

import csv
import io

import pytest

from tests.api.conftest import ARTICLE, WHITE_HELMETS_ARTICLE, authorised


@pytest.fixture
def client(make_app, database_url):
    app = make_app(database_url=database_url)
    client = authorised(app)
    articles = [
        {"id": "r1", "outlet": "reuters", "published_at": "2024-03-04", "text": ARTICLE},
        {"id": "r2", "outlet": "reuters", "published_at": "2024-03-10T23:00:00Z", "text": WHITE_HELMETS_ARTICLE},
        {"id": "r3", "outlet": "reuters", "published_at": "2024-04-02", "text": ARTICLE},
        {"id": "a1", "outlet": "ap", "published_at": "2024-03-11", "text": WHITE_HELMETS_ARTICLE},
    ]
    assert client.post("/v1/articles", json=articles).get_json()["succeeded"] == 4
    yield client
    app.extensions["framing_db"].dispose()


def test_weekly_series_per_outlet(client):
    body = client.get("/v1/trends?metric=attributions_per_1000&interval=week").get_json()
    assert body["metric"] == "attributions_per_1000" and body["actor"] is None
    series = {line["outlet"]: [(p["period"], p["articles"]) for p in line["points"]] for line in body["series"]}
    assert series == {"ap": [("2024-03-11", 1)], "reuters": [("2024-03-04", 2), ("2024-04-01", 1)]}


def test_fill_adds_the_weeks_without_articles(client):
    body = client.get("/v1/trends?metric=words&interval=week&outlet=reuters&fill=true").get_json()
    points = [(p["period"], p["articles"], p["value"]) for p in body["series"][0]["points"]]
    assert [period for period, _n, _v in points] == ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25", "2024-04-01"]
    assert [(n, v is None) for _p, n, v in points[1:4]] == [(0, True)] * 3
    rows = list(csv.reader(io.StringIO(client.get("/v1/trends?metric=words&interval=week&outlet=reuters&fill=true&format=csv").get_data(as_text=True))))
    assert rows[2] == ["reuters", "2024-03-11", "", "0"]


def test_fill_over_an_absurd_range_is_a_clear_error(client):
    response = client.get("/v1/trends?metric=words&interval=day&fill=true&from=1900-01-01")
    assert response.status_code == 422 and response.get_json()["code"] == "too_many_periods"


def test_from_after_to_is_a_clear_error(client):
    response = client.get("/v1/trends?metric=words&from=2024-05-01&to=2024-03-01")
    assert response.status_code == 422 and "from" in response.get_json()["details"]


def test_fill_at_the_end_of_the_calendar_is_not_a_server_error(client):
    response = client.get("/v1/trends?metric=words&interval=week&fill=true&from=9999-12-01&to=9999-12-31")
    assert response.status_code == 200


def test_actor_metric_needs_an_actor(client):
    missing = client.get("/v1/trends?metric=actor_sentiment")
    assert missing.status_code == 422 and missing.get_json()["code"] == "actor_required"
    body = client.get("/v1/trends?metric=actor_sentiment&actor=russia&outlet=reuters,ap").get_json()
    assert [line["outlet"] for line in body["series"]] == ["ap", "reuters"]
    assert [point["articles"] for point in body["series"][1]["points"]] == [2, 1]
    assert -1 <= body["series"][1]["points"][0]["value"] <= 1
    observatory = client.get("/v1/trends?metric=actor_citations&actor=sohr").get_json()
    assert [line["outlet"] for line in observatory["series"]] == ["reuters"]  # the White Helmets story never names it
    assert [(point["period"], point["value"]) for point in observatory["series"][0]["points"]] == [("2024-03-01", 1.0), ("2024-04-01", 1.0)]


@pytest.mark.parametrize("how", [{"query_string": {"format": "csv"}}, {"headers": {"Accept": "text/csv"}}])
def test_csv(client, how):
    query = {"metric": "sentiment", "from": "2024-03-01", "to": "2024-03-31"}
    response = client.get("/v1/trends", query_string={**query, **how.get("query_string", {})}, headers=how.get("headers"))
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(row["outlet"], row["period"], row["articles"]) for row in rows] == [("ap", "2024-03-01", "1"), ("reuters", "2024-03-01", "2")]


def test_other_analyzer_versions_are_asked_for_by_name(client):
    body = client.get("/v1/trends?metric=words&analyzer_version=0.0.1%2Bother").get_json()
    assert body["series"] == [] and body["analyzer_version"] == "0.0.1+other"


def test_metrics_lists_what_trends_accepts(client):
    body = client.get("/v1/metrics").get_json()
    names = {metric["name"]: metric for metric in body["metrics"]}
    assert names["actor_sentiment"]["needs_actor"] and names["actor_sentiment"]["table"] == "article_actor_metrics"
    assert not names["hedged_attribution_rate"]["needs_actor"]
    assert body["stored_versions"] == [{"analyzer_version": body["analyzer_version"], "articles": 4}]
    unknown = client.get("/v1/trends?metric=nonsense")
    assert unknown.status_code == 422 and "metric" in unknown.get_json()["details"]
