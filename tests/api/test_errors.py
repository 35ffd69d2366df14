"""The one error shape, with the right status, for every way a request can go wrong."""
from __future__ import annotations

import logging

import pytest
from werkzeug.exceptions import abort

from api.errors import HTTP_CODES
from tests.api.conftest import ARTICLE


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.get_json()
    assert body["code"] == code and body["message"]
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


@pytest.mark.parametrize("body", [
    b'{"text": "unterminated',
    b'{"text": NaN}',
    b"[" * 5000 + b"]" * 5000,  # deeper than any parser should recurse
    b'{"text": "The minister said \\ud800 the talks would resume."}',  # a lone surrogate no response could encode
    b'{"text": "\xff\xfe"}',  # not UTF-8
])
def test_malformed_json_is_400(client, body):
    _error(client.post("/v1/analyze", data=body, content_type="application/json"), 400, "malformed_json")
    _error(client.post("/v1/analyze/batch", data=body, content_type="application/json"), 400, "malformed_json")


def test_body_over_the_limit_is_413(make_app):
    client = make_app(max_body_bytes=1000).test_client()
    _error(client.post("/v1/analyze", json={"text": ARTICLE * 5}), 413, "payload_too_large")


def test_wrong_content_type_is_415(client):
    _error(client.post("/v1/analyze", data=ARTICLE, content_type="text/plain"), 415, "unsupported_media_type")
    _error(client.post("/v1/analyze", data={"text": ARTICLE}), 415, "unsupported_media_type")


def test_unknown_route_is_404_and_wrong_method_405(client):
    _error(client.get("/v1/nothing-here"), 404, "not_found")
    response = client.get("/v1/analyze")
    _error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize("path", ["/v1/lexicons", "/v1/articles/7", "/v1/trends", "/v1/stories/1/compare", "/healthz"])
@pytest.mark.parametrize("method", ["PUT", "POST", "PATCH"])
def test_a_method_the_route_does_not_take_is_405_with_allow_even_without_a_body(client, method, path):
    response = client.open(path, method=method)  # no body, no content type: not a 415
    _error(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"] and method not in response.headers["Allow"]


@pytest.mark.parametrize("status", sorted(code for code in HTTP_CODES if code != 500))
def test_every_http_error_is_json(make_app, status):
    """Whatever status Flask or werkzeug raise (4xx, 501-505), the body is the error shape."""
    app = make_app()
    app.add_url_rule("/v1/raise/<int:status>", "raise", lambda status: abort(status))
    body = _error(app.test_client().get(f"/v1/raise/{status}"), status, HTTP_CODES[status])
    assert body["details"] == {}


def test_docs_with_a_trailing_slash_redirects(client):
    response = client.get("/docs/")
    assert (response.status_code, response.headers["Location"]) == (301, "/docs")
    assert client.get("/docs").status_code == 200


def test_rate_limit_is_429(make_app):
    client = make_app(rate_limit="2/minute").test_client()
    assert client.get("/v1/lexicons").status_code == 200
    assert client.get("/v1/lexicons").status_code == 200
    response = client.get("/v1/lexicons")
    _error(response, 429, "rate_limited")
    assert "Retry-After" in response.headers
    assert client.get("/healthz").status_code == 200  # probes are never limited


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(make_app):
    client = make_app(rate_limit="1/minute", trusted_proxies=1).test_client()
    first = {"X-Forwarded-For": "203.0.113.7"}
    assert client.get("/v1/lexicons", headers=first).status_code == 200
    _error(client.get("/v1/lexicons", headers=first), 429, "rate_limited")
    assert client.get("/v1/lexicons", headers={"X-Forwarded-For": "198.51.100.23"}).status_code == 200


def test_without_trusted_proxies_a_forwarded_for_header_cannot_dodge_the_limit(make_app):
    client = make_app(rate_limit="1/minute").test_client()
    assert client.get("/v1/lexicons", headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 200
    _error(client.get("/v1/lexicons", headers={"X-Forwarded-For": "198.51.100.23"}), 429, "rate_limited")


def test_unexpected_failure_is_500_without_internals(app, monkeypatch, caplog):
    def explode(*_args, **_kwargs):
        raise RuntimeError("connection string postgres://admin:hunter2@db")

    monkeypatch.setattr("api.routes.analyze.run_analysis", explode)
    with caplog.at_level(logging.ERROR):
        response = app.test_client().post("/v1/analyze", json={"text": ARTICLE}, headers={"X-Request-ID": "trace-42"})
    body = _error(response, 500, "internal_error")
    assert body["request_id"] == "trace-42"
    assert "hunter2" not in response.get_data(as_text=True)
    assert any("trace-42" in record.getMessage() and record.exc_info for record in caplog.records)


def test_request_id_is_generated_or_passed_through(client):
    assert client.get("/healthz", headers={"X-Request-ID": "edge-7f3a"}).headers["X-Request-ID"] == "edge-7f3a"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id; with <spaces>"}).headers["X-Request-ID"]
    assert len(generated) == 32 and generated.isalnum()


def test_cors_for_browser_callers(client, make_app):
    response = client.get("/v1/lexicons", headers={"Origin": "chrome-extension://abc"})
    assert response.headers["Access-Control-Allow-Origin"] in ("*", "chrome-extension://abc")
    only = make_app(cors_origins="https://lit.example.org").test_client()
    assert only.get("/v1/lexicons", headers={"Origin": "https://lit.example.org"}).headers["Access-Control-Allow-Origin"] == "https://lit.example.org"
    assert "Access-Control-Allow-Origin" not in only.get("/v1/lexicons", headers={"Origin": "https://other.example"}).headers
    closed = make_app(cors_origins="").test_client()
    assert "Access-Control-Allow-Origin" not in closed.get("/v1/lexicons", headers={"Origin": "https://lit.example.org"}).headers


REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_or_skip():
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    return connection


def test_rate_limit_is_shared_between_workers_through_redis(make_app):
    """With FRAMING_RATE_LIMIT_STORAGE=redis://..., gunicorn workers (here two app
    instances, as two worker processes would hold) count one client's requests together."""
    connection = _redis_or_skip()
    connection.flushdb()
    try:
        first = make_app(rate_limit="3/minute", rate_limit_storage=REDIS_URL).test_client()
        second = make_app(rate_limit="3/minute", rate_limit_storage=REDIS_URL).test_client()
        assert first.get("/v1/lexicons").status_code == 200
        assert second.get("/v1/lexicons").status_code == 200
        assert first.get("/v1/lexicons").status_code == 200
        _error(second.get("/v1/lexicons"), 429, "rate_limited")
    finally:
        connection.flushdb()
