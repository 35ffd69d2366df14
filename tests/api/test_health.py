from __future__ import annotations

from sqlalchemy.exc import OperationalError


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_readyz_checks_corpora_and_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ready", "checks": {"corpora": {"ok": True, "code": None}, "database": {"ok": True, "code": None}}}


def test_readyz_reports_an_unreachable_database(app, monkeypatch):
    def refuse():
        raise OperationalError("SELECT 1", {}, Exception("unable to open database file /secret/path"))

    monkeypatch.setattr(app.extensions["framing_db"], "ping", refuse)
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "not_ready" and body["checks"]["database"] == {"ok": False, "code": "database_unreachable"}
    assert "secret" not in response.get_data(as_text=True)
