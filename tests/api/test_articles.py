"""``/v1/articles`` on SQLite and PostgreSQL: store, list, read, delete."""
from __future__ import annotations

import pytest

from tests.api.conftest import ARTICLE, PAGE, WHITE_HELMETS_ARTICLE, authorised, spans

REUTERS = {"outlet": "reuters", "published_at": "2024-03-05T09:30:00Z", "url": "https://example.com/world/idlib?utm_source=x",
           "title": "Strikes hit Idlib", "text": ARTICLE}
AP = {"outlet": "ap", "published_at": "2024-03-12", "id": "ap-77", "text": WHITE_HELMETS_ARTICLE}


@pytest.fixture
def client(make_app, database_url):
    app = make_app(database_url=database_url)
    yield authorised(app)
    app.extensions["framing_db"].dispose()


def test_post_one_article_then_again(client):
    created = client.post("/v1/articles", json=REUTERS)
    assert created.status_code == 201
    body = created.get_json()
    assert (body["status"], body["revision"], body["key"]) == ("created", 1, "url:https://example.com/world/idlib")
    assert body["report"]["metadata"] == {"outlet": "reuters", "published_at": "2024-03-05T09:30:00+00:00", "url": REUTERS["url"]}
    assert all(span["text"] == ARTICLE[span["start"]:span["end"]] for paragraph in body["report"]["paragraphs"] for span in spans(paragraph))

    again = client.post("/v1/articles", json={**REUTERS, "url": "https://EXAMPLE.com/world/idlib/?utm_source=x"})
    assert again.status_code == 200 and again.get_json()["status"] == "updated"  # same page, URL written differently
    same = client.post("/v1/articles", json={**REUTERS, "url": "https://EXAMPLE.com/world/idlib/?utm_source=x"})
    assert (same.get_json()["id"], same.get_json()["status"]) == (body["id"], "unchanged")

    revised = client.post("/v1/articles", json={**REUTERS, "text": ARTICLE + "\n\nRussia said the strikes would go on."})
    assert revised.status_code == 200 and (revised.get_json()["status"], revised.get_json()["revision"]) == ("revised", 2)
    assert client.get("/v1/articles?total=true").get_json()["total"] == 1


GERMAN = "Die Regierung hat am Montag neue Maßnahmen beschlossen, sagte ein Sprecher in Berlin zu den Plänen."


def test_post_a_list_with_html_and_an_item_the_analysis_refuses(client):
    response = client.post("/v1/articles", json=[AP, {"outlet": "example", "published_at": "2024-03-06", "html": PAGE},
                                                  {**AP, "id": "de-1", "text": GERMAN}])
    assert response.status_code == 200
    body = response.get_json()
    assert (body["succeeded"], body["failed"]) == (2, 1)
    first, page, refused = body["items"]
    assert first["key"] == "id:ap-77" and first["status"] == "created"
    assert page["report"]["text"].startswith("Russian warplanes") and page["report"]["title"]["text"] == "Strikes hit Idlib"
    assert refused["error"]["code"] == "unsupported_language"


def test_a_list_with_an_item_the_document_does_not_allow_is_refused_whole(client):
    response = client.post("/v1/articles", json=[AP, {"outlet": "ap"}, {**AP, "surprise": 1}])
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error" and {"1.published_at", "2.surprise"} <= set(body["details"])
    assert client.get("/v1/articles?total=true").get_json()["total"] == 0


@pytest.mark.parametrize("body, status, code", [
    ({"outlet": "ap", "published_at": "2024-03-12"}, 422, "validation_error"),
    ({**AP, "published_at": "last Tuesday"}, 422, "validation_error"),
    ({**AP, "outlet": "a\x00b"}, 422, "validation_error"),
    ({**AP, "text": GERMAN}, 422, "unsupported_language"),
    ({**AP, "published_at": "2024-03-12T09:30:00"}, 422, "validation_error"),  # RFC 3339: a time needs its offset
    ({**AP, "published_at": "20240312"}, 422, "validation_error"),
    ({**AP, "published_at": "0001-01-01T00:30:00+01:00"}, 422, "date_out_of_range"),
    ("just a string", 422, "validation_error"),
    ([], 422, "validation_error"),
    ([AP] * 21, 413, "batch_too_large"),
])
def test_rejected_posts(client, body, status, code):
    response = client.post("/v1/articles", json=body)
    assert (response.status_code, response.get_json()["code"]) == (status, code)
    assert client.get("/v1/articles?total=true").get_json()["total"] == 0


def test_list_filters_and_cursor(client):
    for index in range(5):
        client.post("/v1/articles", json={**AP, "id": f"ap-{index}", "published_at": f"2024-03-1{index}"})
    client.post("/v1/articles", json=REUTERS)
    page = client.get("/v1/articles?outlet=ap&limit=2&total=true").get_json()
    assert page["total"] == 5 and [item["key"] for item in page["items"]] == ["id:ap-4", "id:ap-3"]
    second = client.get(f"/v1/articles?outlet=ap&limit=2&cursor={page['next_cursor']}").get_json()
    assert second["total"] is None  # counted only when asked
    third = client.get(f"/v1/articles?outlet=ap&limit=2&cursor={second['next_cursor']}").get_json()
    assert [item["key"] for item in second["items"] + third["items"]] == ["id:ap-2", "id:ap-1", "id:ap-0"]
    assert third["next_cursor"] is None
    assert client.get("/v1/articles?from=2024-03-11&to=2024-03-12&total=true").get_json()["total"] == 2
    assert [item["outlet"] for item in client.get("/v1/articles?actor=sohr").get_json()["items"]] == ["reuters"]
    assert client.get("/v1/articles?actor=russia&total=true").get_json()["total"] == 6
    assert client.get("/v1/articles?q=white%20helmets&outlet=ap,reuters&total=true").get_json()["total"] == 5
    bad = client.get("/v1/articles?cursor=abc")
    assert (bad.status_code, bad.get_json()["code"]) == (422, "invalid_cursor") and "cursor" in bad.get_json()["details"]


def test_read_and_delete(client):
    article_id = client.post("/v1/articles", json=REUTERS).get_json()["id"]
    stored = client.get(f"/v1/articles/{article_id}").get_json()
    assert stored["text"] == ARTICLE and stored["outlet"] == "reuters" and stored["published_at"] == "2024-03-05T09:30:00+00:00"
    assert stored["report"]["document"]["sourcing"]["citations"] >= 3 and stored["report"]["offsets"] == "codepoint"
    assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    for response in (client.get(f"/v1/articles/{article_id}"), client.delete(f"/v1/articles/{article_id}"), client.get("/v1/articles/99999999999")):
        assert response.status_code == 404 and response.get_json()["code"] == "article_not_found"
