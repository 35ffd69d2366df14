"""The OpenAPI document: served, offline docs page, and fuzzed against the app.

Schemathesis generates requests from the document (bounded in examples per operation)
and checks that no response is a 5xx and every response matches what the document says:
status codes, content type, headers, and body schema. The report schemas are strict, so
a report field the document does not describe fails here.
"""
from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import ARTICLE, PAGE

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance, response_schema_conformance]


def test_document_lists_every_endpoint(client):
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"/v1/analyze", "/v1/analyze/batch", "/v1/lexicons", "/v1/lexicons/{name}", "/v1/actors",
            "/v1/profiles", "/v1/profiles/{name}", "/healthz", "/readyz", "/v1/articles", "/v1/articles/{article_id}",
            "/v1/trends", "/v1/metrics"} <= set(document["paths"])
    assert set(document["paths"]["/v1/profiles/{name}"]) >= {"get", "put", "delete"}
    assert "article text 200,000 characters" in document["info"]["description"]  # the limits in force
    assert document["components"]["schemas"]["Error"]["properties"].keys() >= {"code", "message", "details", "request_id"}


def test_docs_page_works_offline(client):
    page = client.get("/docs").get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(not asset.startswith(("http:", "https:", "//")) for asset in assets)
    for asset in assets:
        response = client.get("/" + asset)
        assert response.status_code == 200 and len(response.data) > 1000


def test_real_report_matches_the_document(api_schema, client):
    """A full report with every kind of finding, validated against the documented schema."""
    operation = api_schema["/v1/analyze"]["POST"]
    requests = [
        ({"text": ARTICLE, "title": "Strikes hit Idlib", "outlet": "Reuters", "published_at": "2024-03-05"}, {}),
        ({"text": ARTICLE.replace("Tuesday", "Tuesday 🔥")}, {"offsets": "utf16", "sentences": "false", "paragraph_text": "false"}),
        ({"html": PAGE, "profile": {"actors": [{"id": "sohr", "side": "monitors"}]}}, {}),
    ]
    for body, query in requests:
        case = operation.Case(body=body, query=query)
        response = case.call(app=client.application)
        assert response.status_code == 200
        case.validate_response(response, checks=CHECKS)


def test_stored_article_responses_match_the_document(api_schema, client):
    """Real stores, lists, reads and trends (fuzzing seldom gets an English article through)."""
    article = {"outlet": "reuters", "published_at": "2024-03-05", "title": "Strikes hit Idlib", "text": ARTICLE}
    calls = [
        ("/v1/articles", "POST", {"body": article}, 201),
        ("/v1/articles", "POST", {"body": article}, 200),
        ("/v1/articles", "POST", {"body": [{**article, "id": "x"}, {"outlet": "ap", "published_at": "2024-03-06", "html": PAGE}, {}]}, 200),
        ("/v1/articles", "GET", {"query": {"limit": 1}}, 200),
        ("/v1/articles/{article_id}", "GET", {"path_parameters": {"article_id": 1}}, 200),
        ("/v1/trends", "GET", {"query": {"metric": "actor_sentiment", "actor": "russia", "interval": "day"}}, 200),
        ("/v1/trends", "GET", {"query": {"metric": "balance_index", "format": "csv"}}, 200),
        ("/v1/metrics", "GET", {}, 200),
        ("/v1/articles/{article_id}", "DELETE", {"path_parameters": {"article_id": 1}}, 204),
    ]
    for path, method, arguments, status in calls:
        case = api_schema[path][method].Case(**arguments)
        response = case.call(app=client.application)
        assert response.status_code == status, (path, method, response.text[:300])
        case.validate_response(response, checks=CHECKS)


@pytest.fixture
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


# Every documented operation; test_every_operation_is_fuzzed keeps this list complete.
OPERATIONS = [
    ("POST", "/v1/analyze"), ("POST", "/v1/analyze/batch"), ("GET", "/v1/lexicons"), ("GET", "/v1/lexicons/{name}"),
    ("GET", "/v1/actors"), ("GET", "/v1/profiles"), ("POST", "/v1/profiles"), ("GET", "/v1/profiles/{name}"),
    ("PUT", "/v1/profiles/{name}"), ("DELETE", "/v1/profiles/{name}"), ("GET", "/healthz"), ("GET", "/readyz"),
    ("GET", "/v1/articles"), ("POST", "/v1/articles"), ("GET", "/v1/articles/{article_id}"), ("DELETE", "/v1/articles/{article_id}"),
    ("GET", "/v1/trends"), ("GET", "/v1/metrics"),
    ("GET", "/v1/compare"), ("GET", "/v1/stories"), ("GET", "/v1/stories/{story_id}/compare"),
    ("POST", "/v1/jobs"), ("GET", "/v1/jobs/{job_id}"), ("DELETE", "/v1/jobs/{job_id}"), ("GET", "/v1/jobs/{job_id}/results"),
]


def test_every_operation_is_fuzzed(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert sorted((method.upper(), path) for path, item in paths.items() for method in item if method != "parameters") == sorted(OPERATIONS)


@pytest.mark.parametrize("method, path", OPERATIONS)
def test_fuzz_documented_operation(api_schema, app, method, path):
    operation = api_schema[path][method]

    # schemathesis's pytest plugin does not run under pytest 9, so hypothesis drives it here
    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def check(case):
        case.call_and_validate(app=app, checks=CHECKS)

    check()


STORAGE_OPERATIONS = [operation for operation in OPERATIONS if operation[1].startswith(("/v1/articles", "/v1/trends", "/v1/metrics", "/v1/compare", "/v1/stories"))]


@pytest.mark.parametrize("method, path", STORAGE_OPERATIONS)
def test_fuzz_storage_operation_on_postgresql(make_app, postgres_session_url, method, path):
    """PostgreSQL refuses what SQLite lets through (NUL characters, out-of-range values): fuzz it too."""
    app = make_app(database_url=postgres_session_url)
    operation = schemathesis.openapi.from_wsgi("/openapi.json", app)[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def check(case):
        case.call_and_validate(app=app, checks=CHECKS)

    try:
        check()
    finally:
        app.extensions["framing_db"].dispose()
