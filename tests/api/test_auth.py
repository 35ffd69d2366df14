"""API keys on the HTTP API: writes need a write key, reads are open unless the server says
otherwise, a bad key is refused wherever it is sent, and the document says all of it."""
from __future__ import annotations

import pytest

from api.auth import SCHEME
from framing.store.api_keys import revoke_key
from tests.api.conftest import ARTICLE, SYRIA_PROFILE, authorised

ARTICLE_IN = {"outlet": "reuters", "published_at": "2024-03-05", "text": ARTICLE}
NO_JOB = "00000000-0000-4000-8000-000000000000"
# Every write the API has: (method, path, body); `{job}` is the job the POST before it started.
WRITES = [
    ("POST", "/v1/articles", ARTICLE_IN),
    ("DELETE", "/v1/articles/1", None),
    ("POST", "/v1/profiles", {"name": "syria", **SYRIA_PROFILE}),
    ("PUT", "/v1/profiles/syria", SYRIA_PROFILE),
    ("DELETE", "/v1/profiles/syria", None),
    ("POST", "/v1/jobs", {"kind": "ingest", "items": [ARTICLE_IN]}),
    ("DELETE", "/v1/jobs/{job}", None),
]
READS = [("GET", "/v1/articles", None), ("GET", "/v1/profiles", None), ("GET", "/v1/lexicons", None),
         ("POST", "/v1/analyze", {"text": ARTICLE}), ("POST", "/v1/analyze/batch", {"items": [{"text": ARTICLE}]})]


def _call(client, method, path, body, job=NO_JOB):
    return client.open(path.format(job=job), method=method, json=body)


def _refused(response, status: int, code: str) -> dict:
    assert (response.status_code, response.get_json()["code"]) == (status, code), response.get_json()
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="framing"')
    return response.get_json()


@pytest.mark.parametrize("method, path, body", WRITES)
def test_a_write_without_a_key_is_401_and_changes_nothing(client, method, path, body):
    _refused(_call(client, method, path, body), 401, "api_key_required")
    assert client.get("/v1/articles?total=true").get_json()["total"] == 0 and client.get("/v1/profiles").get_json()["total"] == 0


@pytest.mark.parametrize("method, path, body", WRITES)
def test_a_write_with_a_read_key_is_403(app, method, path, body):
    response = _call(authorised(app, "read"), method, path, body)
    _refused(response, 403, "insufficient_scope")
    assert 'error="insufficient_scope", scope="write"' in response.headers["WWW-Authenticate"]


@pytest.mark.parametrize("scope", ["write", "admin"])
def test_write_and_admin_keys_write(app, scope):
    client = authorised(app, scope)
    statuses, job = [], NO_JOB
    for method, path, body in WRITES:
        response = _call(client, method, path, body, job)
        statuses.append(response.status_code)
        job = response.get_json()["id"] if path == "/v1/jobs" else job
    assert statuses == [201, 204, 201, 200, 204, 202, 200]


def test_reading_a_job_follows_the_reads(make_app):
    app = make_app()
    started = authorised(app, "write").post("/v1/jobs", json={"kind": "analyze", "items": [{"text": ARTICLE}]})
    location = started.headers["Location"]
    assert app.test_client().get(location).status_code == 200
    closed = make_app(require_keys_for_reads=True)
    job = authorised(closed, "write").post("/v1/jobs", json={"kind": "analyze", "items": [{"text": ARTICLE}]}).headers["Location"]
    _refused(closed.test_client().get(job), 401, "api_key_required")
    _refused(closed.test_client().get(job + "/results"), 401, "api_key_required")
    assert authorised(closed, "read").get(job).status_code == 200


@pytest.mark.parametrize("method, path, body", READS)
def test_reads_and_analyses_are_open_by_default(client, method, path, body):
    assert _call(client, method, path, body).status_code == 200


@pytest.mark.parametrize("method, path, body", READS)
def test_reads_need_a_key_when_the_server_says_so(make_app, method, path, body):
    app = make_app(require_keys_for_reads=True)
    _refused(_call(app.test_client(), method, path, body), 401, "api_key_required")
    assert _call(authorised(app, "read"), method, path, body).status_code == 200
    assert app.test_client().get("/healthz").status_code == 200  # probes and docs stay open
    assert app.test_client().get("/openapi.json").status_code == 200


def test_a_revoked_or_unknown_key_is_401_even_where_none_is_needed(app):
    client = authorised(app, "write")
    assert client.get("/v1/lexicons").status_code == 200
    with app.extensions["framing_db"].session() as session:
        revoke_key(session, 1)
    body = _refused(client.get("/v1/lexicons"), 401, "invalid_api_key")
    assert "revoked" in body["message"]
    assert 'error="invalid_token"' in client.get("/v1/lexicons").headers["WWW-Authenticate"]
    _refused(app.test_client().get("/v1/lexicons", headers={"Authorization": "Bearer frk_not-a-key"}), 401, "invalid_api_key")


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer", "frk_abc", "Bearer two words"])
def test_a_malformed_authorization_header_is_401(client, header):
    body = _refused(client.post("/v1/articles", json=ARTICLE_IN, headers={"Authorization": header}), 401, "invalid_api_key")
    assert "Bearer <key>" in body["message"]


def test_the_key_is_checked_before_the_body(client):
    """An unauthorised client learns nothing about its body: no 422 before the 401."""
    _refused(client.post("/v1/articles", json={"outlet": ""}), 401, "api_key_required")
    _refused(client.put("/v1/profiles/syria", json={"sides": "not a dict"}), 401, "api_key_required")


def test_wrong_methods_and_routes_stay_405_and_404(client):
    assert client.put("/v1/articles").status_code == 405
    assert client.post("/v1/nothing", json={}).status_code == 404


def test_every_write_route_declares_a_write_scope(app):
    """A new route that stores or deletes (POST /v1/jobs...) fails here until it says what key it needs."""
    undeclared = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        for method in rule.methods & {"POST", "PUT", "PATCH", "DELETE"}:
            if rule.rule.startswith("/v1/analyze") or rule.endpoint.startswith("pages."):
                continue  # analyses store nothing: they are reads (api/auth.py); the web pages only read and analyse
            handler = getattr(view.view_class, method.lower()) if hasattr(view, "view_class") else view
            if getattr(handler, "required_scope", None) not in ("write", "admin"):
                undeclared.append(f"{method} {rule.rule}")
    assert undeclared == []


def _operations(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield method.upper(), path, operation


def test_the_document_marks_security_per_operation(client, make_app):
    document = client.get("/openapi.json").get_json()
    scheme = document["components"]["securitySchemes"][SCHEME]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    secured = {(method, path) for method, path, operation in _operations(document) if operation.get("security") == [{SCHEME: []}]}
    assert secured == {(method, path.replace("/1", "/{article_id}").replace("/syria", "/{name}").replace("{job}", "{job_id}"))
                       for method, path, _ in WRITES}
    assert all({"401", "403"} <= set(document["paths"][path][method.lower()]["responses"]) for method, path in secured)
    closed = make_app(require_keys_for_reads=True).test_client().get("/openapi.json").get_json()
    for _method, path, operation in _operations(closed):
        assert (operation.get("security") == [{SCHEME: []}]) == path.startswith("/v1/"), path


def test_rate_limits_count_per_key(make_app):
    app = make_app(rate_limit="2/minute")
    first, second, anonymous = authorised(app, "read"), authorised(app, "read"), app.test_client()
    assert [first.get("/v1/lexicons").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/v1/lexicons").status_code == 200  # same address, its own budget
    assert [anonymous.get("/v1/lexicons").status_code for _ in range(3)] == [200, 200, 429]
    # a made-up key buys no fresh budget: it counts against the address, then is refused
    assert anonymous.get("/v1/lexicons", headers={"Authorization": "Bearer frk_made-up"}).status_code == 429
