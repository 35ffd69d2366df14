from __future__ import annotations

from tests.api.conftest import ARTICLE, WHITE_HELMETS_ARTICLE


def test_item_errors_do_not_fail_the_batch(client):
    items = [
        {"text": ARTICLE, "outlet": "Reuters"},
        {"text": "   \n  "},
        {"text": "Der Minister sagte am Dienstag, dass die Gespräche bald wieder aufgenommen werden könnten, und die Regierung"},
        {"text": WHITE_HELMETS_ARTICLE, "profile": "not-stored"},
        {"text": WHITE_HELMETS_ARTICLE},
    ]
    response = client.post("/v1/analyze/batch?sentences=false", json={"items": items})
    assert response.status_code == 200
    batch = response.get_json()
    assert (batch["succeeded"], batch["failed"]) == (2, 3)
    results = batch["items"]
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4]
    assert [r["ok"] for r in results] == [True, False, False, False, True]
    assert results[0]["report"]["metadata"] == {"outlet": "Reuters"}
    assert "sentences" not in results[0]["report"]["paragraphs"][0]
    assert results[0]["report"]["paragraphs"][0]["attributions"][0]["source"]["text"] == "the Syrian Observatory for Human Rights"
    assert results[1]["error"]["code"] == "empty_text"
    assert results[2]["error"]["code"] == "unsupported_language"
    assert results[3]["error"]["code"] == "unknown_profile"
    assert results[4]["report"]["document"]["sourcing"]["citations"] == 2


def test_too_many_items(make_app):
    client = make_app(max_batch_items=2).test_client()
    response = client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE}] * 3})
    assert response.status_code == 413
    assert response.get_json()["code"] == "batch_too_large"


def test_too_much_text(make_app):
    client = make_app(max_batch_chars=len(ARTICLE) + 10).test_client()
    response = client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE}, {"text": ARTICLE}]})
    assert response.status_code == 413


def test_empty_or_malformed_batch(client):
    assert client.post("/v1/analyze/batch", json={"items": []}).status_code == 422
    response = client.post("/v1/analyze/batch", json={"items": ["just a string"]})
    assert response.status_code == 422
    assert "items.0._schema" in response.get_json()["details"]


def test_an_item_the_document_does_not_allow_fails_the_whole_batch(client):
    """The document describes every item; the server holds items to it, as it holds a single request."""
    response = client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE}, {"title": "No body"}, {"text": ARTICLE, "extra": 1}]})
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error" and {"items.1._schema", "items.2.extra"} <= set(body["details"])


def test_an_item_that_trips_a_bug_does_not_fail_the_others(client, monkeypatch):
    import api.routes.analyze as route

    real = route.run_analysis

    def flaky(request, options):
        if request["text"].startswith("The White Helmets"):
            raise IndexError("detector bug")
        return real(request, options)

    monkeypatch.setattr(route, "run_analysis", flaky)
    batch = client.post("/v1/analyze/batch", json={"items": [{"text": WHITE_HELMETS_ARTICLE}, {"text": ARTICLE}]}).get_json()
    assert [r["ok"] for r in batch["items"]] == [False, True]
    assert batch["items"][0]["error"]["code"] == "internal_error" and "detector" not in str(batch)
