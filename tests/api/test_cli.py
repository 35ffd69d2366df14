from __future__ import annotations

from click.testing import CliRunner
from flask import Flask

from api.cli import serve


def test_serve_runs_the_app_on_the_given_address(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(Flask, "run", lambda self, host, port: calls.append((host, port, sorted(self.blueprints))))
    monkeypatch.setenv("FRAMING_DATABASE_URL", f"sqlite:///{tmp_path / 'serve.sqlite3'}")
    result = CliRunner().invoke(serve, ["--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "http://0.0.0.0:8123/" in result.output
    host, port, blueprints = calls[0]
    assert (host, port) == ("0.0.0.0", 8123) and "analyze" in blueprints
