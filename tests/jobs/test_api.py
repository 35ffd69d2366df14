"""``/v1/jobs`` without a broker: the jobs run on a thread of the server, with the same state.
Starting and cancelling send a write key (tests/api/test_auth.py checks they need one)."""
from __future__ import annotations

import time

import pytest

from api.app import create_app
from api.config import Settings
from tests.api.conftest import ARTICLE, WHITE_HELMETS_ARTICLE, authorised

GERMAN = "Die Regierung hat am Montag neue Maßnahmen beschlossen, sagte ein Sprecher in Berlin zu den Plänen."


@pytest.fixture
def client(database_url):
    app = create_app(Settings(database_url=database_url))
    yield authorised(app, "write")
    app.extensions["framing_jobs"].close()
    app.extensions["framing_db"].dispose()


def finished(client, location: str) -> dict:
    for _ in range(300):
        body = client.get(location).get_json()
        if body["state"] != "running":
            return body
        time.sleep(0.1)
    raise AssertionError(f"job still running: {body}")


def test_an_analysis_job_keeps_every_report_and_every_failure(client):
    items = [{"text": ARTICLE, "title": "Strikes hit Idlib"}, {"text": GERMAN}, {"title": "no text"}, "not an object",
             {"text": WHITE_HELMETS_ARTICLE, "profile": "syria-2015"}]
    response = client.post("/v1/jobs", json={"kind": "analyze", "items": items})
    assert response.status_code == 202
    body = response.get_json()
    assert body["state"] in ("running", "done") and body["counts"]["total"] == 5
    job = finished(client, response.headers["Location"])
    assert job["state"] == "done" and job["counts"] == {"total": 5, "done": 2, "failed": 3, "cancelled": 0, "left": 0}
    assert [(failure["where"], failure["error"]["code"]) for failure in job["failures"]] == [
        ("item 1", "unsupported_language"), ("item 2", "validation_error"), ("item 3", "validation_error")]
    results = client.get(job["results"]).get_json()["items"]
    assert [item["status"] for item in results] == ["done", "failed", "failed", "failed", "done"]
    report = results[0]["report"]
    assert report["title"]["text"] == "Strikes hit Idlib" and report["offsets"] == "codepoint"
    assert any(attribution["source"] and attribution["source"]["text"] == "the Syrian Observatory for Human Rights"
               for paragraph in report["paragraphs"] for attribution in paragraph["attributions"])
    assert results[4]["report"]["analyzer"]["profile"]["name"] == "syria-2015"
    assert results[0]["key"].startswith("sha256:")


def test_an_ingest_job_stores_the_articles_once(client):
    articles = [{"id": f"ap-{number}", "outlet": "ap", "published_at": f"2024-03-1{number}", "text": ARTICLE} for number in range(3)]
    articles.append({"id": "ap-1", "outlet": "ap", "published_at": "2024-03-11", "text": ARTICLE})  # the same article twice
    articles.append({"outlet": "ap", "published_at": "yesterday", "text": ARTICLE})
    job = finished(client, client.post("/v1/jobs", json={"kind": "ingest", "items": articles}).headers["Location"])
    assert job["counts"] == {"total": 5, "done": 4, "failed": 1, "cancelled": 0, "left": 0}
    results = client.get(job["results"] + "?limit=2").get_json()
    assert [item["outcome"] for item in results["items"]] == ["created", "created"] and results["next_after"] == 1
    rest = client.get(job["results"] + f"?after={results['next_after']}").get_json()
    assert [item["outcome"] for item in rest["items"][:2]] == ["created", "unchanged"] and rest["next_after"] is None
    listed = client.get("/v1/articles?total=true").get_json()
    assert listed["total"] == 3 and {item["key"] for item in listed["items"]} == {"id:ap-0", "id:ap-1", "id:ap-2"}
    assert {item["id"] for item in listed["items"]} == {item["article_id"] for item in results["items"] + rest["items"][:2]}
    trend = client.get("/v1/trends?metric=words&interval=day").get_json()
    assert [point["articles"] for point in trend["series"][0]["points"]] == [1, 1, 1]


# Wire-style copy (paraphrased) naming a person no gazetteer lists: recognised by title and
# name (`person:todd_akin`), then by surname, with his party from "(R-Mo.)".
AKIN_ARTICLES = [
    {"id": "akin-1", "outlet": "ap", "published_at": "2012-08-20",
     "text": "Rep. Todd Akin (R-Mo.) said on Monday that he would stay in the Senate race. Akin told reporters that "
             "the party's leaders were wrong to ask him to quit.\n\nHouse Republicans said the remarks had hurt the party."},
    {"id": "akin-2", "outlet": "ap", "published_at": "2012-08-21",
     "text": "Rep. Todd Akin (R-Mo.) apologised again on Tuesday, but said he would not leave the race, according to his campaign."},
    {"id": "akin-3", "outlet": "reuters", "published_at": "2012-08-21",
     "text": "Republican leaders said on Tuesday that they would not spend money on the race in Missouri."},
]


def test_an_ingest_job_keeps_actor_trends_for_people_recognised_by_name(client):
    """Reports from actor recognition name people no list holds (`person:todd_akin`) and give
    actors `kind`, `names` and `affiliation`; the metric rows and the aggregates take the id
    as they took gazetteer ids, so an actor's trend and the article filter find him."""
    job = finished(client, client.post("/v1/jobs", json={"kind": "ingest", "items": AKIN_ARTICLES}).headers["Location"])
    assert job["counts"]["done"] == 3, job["failures"]
    first = client.get(f"/v1/articles/{client.get(job['results']).get_json()['items'][0]['article_id']}").get_json()
    akin = next(actor for actor in first["report"]["document"]["actors"] if actor["actor"] == "person:todd_akin")
    assert (akin["kind"], akin["mentions"], akin["affiliation"]["actor"]) == ("person", 2, "republican_party")
    trend = client.get("/v1/trends?metric=actor_mentions&actor=person:todd_akin&interval=day").get_json()
    assert [(series["outlet"], [(point["period"], point["value"], point["articles"]) for point in series["points"]])
            for series in trend["series"]] == [("ap", [("2012-08-20", 2.0, 1), ("2012-08-21", 1.0, 1)])]
    cited = client.get("/v1/trends?metric=actor_citations&actor=person:todd_akin&interval=month").get_json()
    assert [point["value"] for point in cited["series"][0]["points"]] == [1.5]  # "said", "told"; then "said"
    mentioning = client.get("/v1/articles?actor=person:todd_akin").get_json()["items"]
    assert sorted(item["key"] for item in mentioning) == ["id:akin-1", "id:akin-2"]


def test_deleting_a_job_cancels_what_is_left_and_removes_it(client):
    """A job is cancelled as it runs: the items the thread has not reached are `cancelled`,
    what is done stays done (its articles stored), and the job answers 404 from then on."""
    articles = [{"id": f"ap-{number}", "outlet": "ap", "published_at": "2024-03-11", "text": ARTICLE.replace("12", str(number + 20))}
                for number in range(250)]  # chunks of 100, 100 and 50, run one after another
    location = client.post("/v1/jobs", json={"kind": "ingest", "items": articles}).headers["Location"]
    deleted = client.delete(location)
    assert deleted.status_code == 200
    ended = deleted.get_json()
    counts = ended["counts"]
    assert ended["state"] == "cancelled" and counts["cancelled"] > 0 and counts["left"] == 0
    assert counts["done"] + counts["cancelled"] == 250 and counts["done"] % 100 == 0  # whole chunks, written in one transaction each
    for gone in (client.get(location), client.get(location + "/results"), client.delete(location)):
        assert (gone.status_code, gone.get_json()["code"]) == (404, "job_not_found")
    assert client.get("/v1/articles?total=true").get_json()["total"] == counts["done"]


def test_deleting_a_finished_job_removes_its_reports(client):
    job = finished(client, client.post("/v1/jobs", json={"kind": "analyze", "items": [{"text": ARTICLE}]}).headers["Location"])
    deleted = client.delete(f"/v1/jobs/{job['id']}").get_json()
    assert deleted["state"] == "done" and deleted["counts"]["done"] == 1
    assert client.get(job["results"]).status_code == 404


def test_unknown_jobs_and_bad_requests(client):
    for response in (client.get("/v1/jobs/nope"), client.delete("/v1/jobs/nope"), client.get("/v1/jobs/nope/results")):
        assert (response.status_code, response.get_json()["code"]) == (404, "job_not_found")
    bad = client.post("/v1/jobs", json={"kind": "translate", "items": [{"text": ARTICLE}]})
    assert (bad.status_code, bad.get_json()["code"]) == (422, "validation_error")
    empty = client.post("/v1/jobs", json={"kind": "analyze", "items": []})
    assert empty.status_code == 422
