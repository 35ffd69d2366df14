"""The document says exactly what the server does: one test per kind of disagreement
schemathesis found (issue 13), each comparing the server with the document's own schema
as jsonschema-rs reads it (the validator schemathesis itself uses, with formats checked)."""
from __future__ import annotations

from urllib.parse import quote

import jsonschema_rs
import pytest

from tests.api.conftest import ARTICLE, SYRIA_PROFILE


def _document(client) -> dict:
    return client.get("/openapi.json").get_json()


def _parameter(document: dict, path: str, name: str) -> dict:
    return next(p["schema"] for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)


def _valid(schema: dict, value) -> bool:
    return jsonschema_rs.validator_for(schema, validate_formats=True).is_valid(value)


@pytest.mark.parametrize("value", ["", ",", " , ", "\t,\n", "reuters", " reuters , ap ", "reuters,,ap", "a\x00b", "Le Monde"])
@pytest.mark.parametrize("path, name", [("/v1/articles", "outlet"), ("/v1/trends", "outlet"), ("/v1/stories", "outlet")])
def test_a_list_of_names_is_refused_exactly_when_the_document_refuses_it(client, path, name, value):
    """Was: `outlet=` allowed by the document, refused by the server."""
    query = f"{name}={quote(value)}" + ("&metric=words" if path == "/v1/trends" else "")
    status = client.get(f"{path}?{query}").status_code
    assert (status == 200) == _valid(_parameter(_document(client), path, name), value), status


MOMENTS = ["", "2024-03-05", "2024-03-05T14:30:00Z", "2024-03-05t14:30:00.123456789+05:30", "2024-03-05T14:30:00",
           "20240305", "2024-02-30", "2024-03-05 14:30:00Z", "2016-12-31T23:59:60Z", "2016-12-31T22:59:60Z", "0000-02-29",
           "last Tuesday"]


@pytest.mark.parametrize("value", MOMENTS)
def test_published_at_is_accepted_exactly_when_the_document_accepts_it(client, value):
    """Was: `published_at: ""` allowed by the document (a plain string), refused by the server."""
    schema = _document(client)["components"]["schemas"]["AnalyzeRequest"]["properties"]["published_at"]
    response = client.post("/v1/analyze", json={"text": ARTICLE, "published_at": value})
    assert (response.status_code == 200) == _valid(schema, value), response.get_json().get("details")
    if response.status_code == 200:
        assert response.get_json()["metadata"]["published_at"] == value  # copied as written


@pytest.mark.parametrize("value", ["2024-03-05", "20240305", "2024-W10-2", "2024-02-30", "0000-01-01", "2024-3-5"])
def test_days_in_queries_are_read_as_the_document_writes_them(client, value):
    schema = _parameter(_document(client), "/v1/articles", "from")
    assert (client.get(f"/v1/articles?from={value}").status_code == 200) == _valid(schema, value)


def test_a_moment_the_document_allows_but_no_calendar_holds_is_its_own_refusal(writer):
    response = writer.post("/v1/articles", json={"outlet": "ap", "published_at": "0001-01-01T00:30:00+01:00", "text": ARTICLE})
    assert (response.status_code, response.get_json()["code"]) == (422, "date_out_of_range")


def test_the_limits_of_this_server_are_in_its_document(make_app):
    """Was: a batch longer than the limit allowed by the document (no maxItems), refused with 413."""
    app = make_app(max_batch_items=2, max_text_chars=5_000)
    client = app.test_client()
    schemas = _document(client)["components"]["schemas"]
    assert schemas["BatchRequest"]["properties"]["items"]["maxItems"] == 2 and schemas["ArticleInList"]["maxItems"] == 2
    assert schemas["AnalyzeRequest"]["properties"]["text"]["maxLength"] == 5_000 == schemas["ArticleIn"]["properties"]["text"]["maxLength"]
    assert client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE}] * 2}).status_code == 200
    assert client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE}] * 3}).get_json()["code"] == "batch_too_large"


def test_an_item_over_a_limit_fails_the_whole_batch(make_app):
    """Was: a text or title over its maxLength inside a batch answered 200, with the error in its place."""
    client = make_app(max_text_chars=len(ARTICLE)).test_client()
    too_long = client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE}, {"text": ARTICLE + "!"}]})
    assert (too_long.status_code, too_long.get_json()["code"]) == (413, "text_too_long") and "items.1.text" in too_long.get_json()["details"]
    long_title = client.post("/v1/analyze/batch", json={"items": [{"text": ARTICLE, "title": "T" * 1001}]})
    assert (long_title.status_code, long_title.get_json()["code"]) == (422, "validation_error")


@pytest.mark.parametrize("body", [{"text": ARTICLE, "html": "<p>x</p>"}, {"title": "Only a title"}])
def test_exactly_one_of_text_and_html_as_the_document_says(client, body):
    """Was: both or neither allowed by the document, refused by the server."""
    schema = {"oneOf": _document(client)["components"]["schemas"]["AnalyzeRequest"]["oneOf"]}
    assert not _valid(schema, body) and _valid(schema, {"text": ARTICLE})
    assert client.post("/v1/analyze", json=body).get_json()["code"] == "validation_error"


@pytest.mark.parametrize("key", ["Not A Slug", "x-schemathesis-additional", "atlantis"])
def test_a_side_for_an_unknown_actor_is_an_invalid_profile_not_an_invalid_request(writer, key):
    """Was: any key allowed by the document (OpenAPI 3.0 cannot restrict keys), refused as `validation_error`."""
    response = writer.post("/v1/profiles", json={"name": "syria", "sides": {key: "west"}})
    assert (response.status_code, response.get_json()["code"]) == (422, "invalid_profile")
    assert writer.post("/v1/profiles", json={"name": "syria", **SYRIA_PROFILE}).status_code == 201


def test_patterns_match_whole_values_as_the_document_does(client, writer):
    """Python's `$` accepts a final newline; the document's pattern does not, and neither does the server."""
    pattern = _document(client)["components"]["schemas"]["ProfileActor"]["properties"]["id"]
    assert not _valid(pattern, "hamas\n")
    response = writer.post("/v1/profiles", json={"name": "gaza", "actors": [{"id": "hamas\n", "name": "Hamas"}]})
    assert (response.status_code, response.get_json()["code"]) == (422, "validation_error")


@pytest.mark.parametrize("query, code", [
    ("/v1/trends?metric=words&from=2024-03-05&to=2024-03-01", "invalid_date_range"),
    ("/v1/compare?outlets=reuters", "outlet_count"),
    ("/v1/compare?outlets=reuters,reuters", "outlet_count"),
    ("/v1/compare?outlets=" + ",".join(f"o{n}" for n in range(11)), "outlet_count"),
    ("/v1/articles?cursor=abc", "invalid_cursor"),
])
def test_what_the_document_cannot_express_is_refused_with_its_own_code(client, query, code):
    """Was: `validation_error` for requests the document allows; schemathesis.toml accepts a 422
    for those only when its code is not `validation_error` (tests/api/schemathesis_checks.py)."""
    response = client.get(query)
    assert (response.status_code, response.get_json()["code"]) == (422, code)


@pytest.mark.parametrize("body", [{"description": "a\x00b"}, {"version": "v\x001"}])
def test_what_a_text_column_cannot_hold_is_refused_by_the_document(client, writer, body):
    """Was: a NUL in a stored profile's description, allowed by the document, a 500 on PostgreSQL."""
    schema = _document(client)["components"]["schemas"]["ProfileBody"]["properties"][next(iter(body))]
    assert not _valid(schema, next(iter(body.values())))
    writer.post("/v1/profiles", json={"name": "syria", **SYRIA_PROFILE})
    assert writer.put("/v1/profiles/syria", json={**SYRIA_PROFILE, **body}).get_json()["code"] == "validation_error"


def test_any_job_item_the_document_allows_is_a_failed_item_not_a_refusal(writer):
    """Was: `items: [null]` allowed by the document (items of any type), refused as `validation_error`."""
    schema = _document(writer)["components"]["schemas"]["JobRequest"]
    body = {"kind": "ingest", "items": [None, 7, [], {"\x00": 1}]}
    assert _valid(schema, body)
    response = writer.post("/v1/jobs", json=body)
    assert response.status_code == 202
    errors = [failure["error"] for failure in response.get_json()["failures"]]
    assert [error["code"] for error in errors] == ["validation_error"] * 4
    assert "\\u0000" in errors[3]["message"]  # stored as PostgreSQL can hold it, as the test on PostgreSQL checks


def test_a_deleted_job_is_gone(writer):
    """Was: `DELETE /v1/jobs/{id}` answered 200 and the job was still there (schemathesis's use-after-free)."""
    location = writer.post("/v1/jobs", json={"kind": "analyze", "items": [{"text": ARTICLE}]}).headers["Location"]
    assert writer.delete(location).status_code == 200
    assert writer.get(location).status_code == 404
    links = _document(writer)["paths"]["/v1/jobs"]["post"]["responses"]["202"]["links"]
    assert {link["operationId"] for link in links.values()} == {"get_job", "delete_job", "job_results"}
