"""``GET /v1/stories`` and ``GET /v1/stories/<id>/compare`` after a build, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import delete

from framing.store.models import Story
from framing.store.stories import build_stories
from tests.api.conftest import authorised
from tests.store.test_stories import RECORDS


@pytest.fixture
def client(make_app, database_url):
    app = make_app(database_url=database_url)
    client = authorised(app)
    articles = [{"id": r["id"], "outlet": r["outlet"], "published_at": r["published"], "title": r["title"], "text": r["text"]}
                for r in RECORDS]
    assert client.post("/v1/articles", json=articles).get_json()["succeeded"] == len(articles)
    with app.extensions["framing_db"].session() as session:
        session.execute(delete(Story))  # PostgreSQL tests share a schema, and its stories are not emptied between tests
        build_stories(session)
    yield client
    app.extensions["framing_db"].dispose()


def test_list_latest_first(client):
    body = client.get("/v1/stories").get_json()
    assert (body["total"], body["page"], body["page_size"]) == (3, 1, 50)
    latest = body["stories"][0]
    assert latest["outlets"] == ["post", "wire"] and "calama" in latest["terms"]
    assert [article["published_at"] for article in latest["articles"]] == ["2016-04-20T06:00:00+00:00", "2016-04-20T18:00:00+00:00"]
    assert latest["title"] in {article["title"] for article in latest["articles"]}
    assert client.get("/v1/stories?min_outlets=3").get_json()["total"] == 2
    assert client.get("/v1/stories?outlet=daily&from=2016-03-03&to=2016-03-03").get_json()["total"] == 2
    assert client.get("/v1/stories?page=2&page_size=2").get_json()["stories"][0]["outlets"] == ["daily", "post", "wire"]


def test_compare_a_storys_outlets(client):
    rates = next(story for story in client.get("/v1/stories").get_json()["stories"] if "inflation" in story["terms"])
    body = client.get(f"/v1/stories/{rates['id']}/compare?limit=3").get_json()
    assert body["story"] == rates
    comparison = body["comparison"]
    assert comparison["story"] == rates["id"]
    assert [outlet["outlet"] for outlet in comparison["outlets"]] == ["daily", "post", "wire"]
    assert [outlet["articles"] for outlet in comparison["outlets"]] == [1, 1, 1]
    two = client.get(f"/v1/stories/{rates['id']}/compare?outlets=wire,post").get_json()["comparison"]
    assert [outlet["outlet"] for outlet in two["outlets"]] == ["wire", "post"]


def test_unknown_story(client):
    response = client.get("/v1/stories/99999/compare")
    assert response.status_code == 404 and response.get_json()["code"] == "story_not_found"
    assert client.get("/v1/stories/99999999999/compare").status_code == 404
