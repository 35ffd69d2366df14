"""``GET /v1/compare`` over articles stored through the API, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
import schemathesis

from framing.store.compare import Selection, compare
from framing.store.stories import build_stories
from framing.store.versions import current_analyzer_version
from tests.api.conftest import authorised
from tests.api.test_openapi import CHECKS
from tests.store.conftest import fixture_records


@pytest.fixture
def client(make_app, database_url):
    app = make_app(database_url=database_url)
    client = authorised(app)
    articles = [{"id": r["id"], "outlet": r["outlet"], "published_at": r["published"], "title": r["title"], "text": r["text"]}
                for r in fixture_records()]
    assert client.post("/v1/articles", json=articles).get_json()["succeeded"] == len(articles)
    yield client
    app.extensions["framing_db"].dispose()


def test_outlets_side_by_side(client):
    response = client.get("/v1/compare?outlets=daily,wire&limit=5")
    assert response.status_code == 200
    body = response.get_json()
    assert body["analyzer_version"] == current_analyzer_version()
    assert (body["actor"], body["story"], body["from"], body["to"]) == (None, None, None, None)
    assert [outlet["outlet"] for outlet in body["outlets"]] == ["daily", "wire"]
    assert body["words"] == {"alpha0": 1000.0, "min_df": 2, "max_documents": 400}
    daily, wire = body["outlets"]
    assert daily["articles"] == wire["articles"] == 3
    assert daily["loaded_authorial_per_1000"] > wire["loaded_authorial_per_1000"]
    assert "brutal" in [term["term"] for term in daily["top_terms"]]
    assert all(len(outlet[key]) <= 5 for outlet in body["outlets"] for key in ("sources_by_side", "top_terms", "actors", "distinctive_words"))
    assert [word["word"] for word in wire["distinctive_words"]][:1] and all(word["z"] > 0 for word in wire["distinctive_words"])
    # the route adds nothing to what the library computes
    with client.application.extensions["framing_db"].session() as session:
        direct = compare(session, Selection(["daily", "wire"], current_analyzer_version()), limit=5)
    assert daily["hedged_attribution_rate"] == direct.outlets[0].hedged_attribution_rate
    assert [a["actor"] for a in daily["actors"]] == [a.actor for a in direct.outlets[0].actors]


def test_filters(client):
    russia = client.get("/v1/compare?outlets=wire,daily,post&actor=russia").get_json()
    assert all([actor["actor"] for actor in outlet["actors"]] in (["russia"], []) for outlet in russia["outlets"])
    assert russia["actor"] == "russia"
    january = client.get("/v1/compare?outlets=wire,daily&from=2016-01-05&to=2016-01-31").get_json()
    assert [outlet["articles"] for outlet in january["outlets"]] == [1, 2] and january["from"] == "2016-01-05"
    other = client.get("/v1/compare?outlets=wire,daily&analyzer_version=0.0.1%2Bother").get_json()
    assert [outlet["articles"] for outlet in other["outlets"]] == [0, 0]
    no_story = client.get("/v1/compare?outlets=wire,daily&story=999").get_json()
    assert [outlet["articles"] for outlet in no_story["outlets"]] == [0, 0]


@pytest.mark.parametrize("query", ["outlets=wire", "outlets=wire,wire", "outlets=" + ",".join(f"o{n}" for n in range(11)), "", "outlets=a,b&limit=0"])
def test_bad_queries(client, query):
    response = client.get(f"/v1/compare?{query}")
    assert response.status_code == 422
    assert set(response.get_json()["details"]) <= {"outlets", "limit"}


def test_real_responses_match_the_document(client):
    """Fuzzing seldom names stored outlets; these calls return full comparisons and stories."""
    with client.application.extensions["framing_db"].session() as session:
        build_stories(session, window_days=30, threshold=0.01)
    story = client.get("/v1/stories").get_json()["stories"][0]["id"]
    schema = schemathesis.openapi.from_wsgi("/openapi.json", client.application)
    calls = [
        ("/v1/compare", {"query": {"outlets": "wire,daily,post", "actor": "russia"}}),
        ("/v1/compare", {"query": {"outlets": "wire,post", "from": "2016-01-01", "to": "2016-12-31", "limit": 50}}),
        ("/v1/stories", {"query": {"min_outlets": 1}}),
        ("/v1/stories/{story_id}/compare", {"path_parameters": {"story_id": story}}),
    ]
    for path, arguments in calls:
        case = schema[path]["GET"].Case(**arguments)
        response = case.call(app=client.application)
        assert response.status_code == 200, (path, response.text[:300])
        case.validate_response(response, checks=CHECKS)
