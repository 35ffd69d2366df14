from __future__ import annotations

import http.client
import json
import threading

from click.testing import CliRunner
from flask import Flask
from werkzeug.serving import make_server

from api.cli import serve
from api.server_errors import JsonErrorRequestHandler


def test_serve_runs_the_app_on_the_given_address(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(Flask, "run", lambda self, host, port, request_handler: calls.append((host, port, sorted(self.blueprints))))
    monkeypatch.setenv("FRAMING_DATABASE_URL", f"sqlite:///{tmp_path / 'serve.sqlite3'}")
    result = CliRunner().invoke(serve, ["--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "http://0.0.0.0:8123/" in result.output
    host, port, blueprints = calls[0]
    assert (host, port) == ("0.0.0.0", 8123) and "analyze" in blueprints
    assert "framing keys create --scope write" in result.output  # a fresh database has no key yet


def test_the_development_server_answers_its_own_errors_in_json(app):
    server = make_server("127.0.0.1", 0, app, request_handler=JsonErrorRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
        connection.request("GET", "/v1/articles?q=" + "a" * 70_000)
        response = connection.getresponse()
        body = json.loads(response.read())
    finally:
        server.shutdown()
    assert (response.status, response.headers["Content-Type"], body["code"]) == (414, "application/json", "uri_too_long")
    assert body["request_id"] == response.headers["X-Request-ID"]
