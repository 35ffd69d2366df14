"""``/healthz`` (the process answers) and ``/readyz`` (it can analyse and store).

Orchestrators restart a process that fails ``/healthz`` and stop sending traffic to one
that fails ``/readyz``, so only the second checks the corpora and the database.
"""
from __future__ import annotations

from flask import current_app
from api.routes import Blueprint
from sqlalchemy.exc import SQLAlchemyError

from api.schemas import HealthSchema, ReadySchema
from framing import corpora
from framing.errors import FramingError

blp = Blueprint("health", __name__, description="Liveness and readiness probes.")


@blp.route("/healthz")
@blp.response(200, HealthSchema)
def healthz():
    """The process is alive"""
    return {"status": "ok"}


@blp.route("/readyz")
@blp.response(200, ReadySchema)
@blp.alt_response(503, schema=ReadySchema, description="Not ready: a check failed.")
def readyz():
    """Corpora loaded and database reachable"""
    checks = {"corpora": _check_corpora(), "database": _check_database()}
    ready = all(check["ok"] for check in checks.values())
    return {"status": "ready" if ready else "not_ready", "checks": checks}, 200 if ready else 503


def _check_corpora() -> dict:
    try:
        corpora.load_all()
    except FramingError as error:
        return {"ok": False, "code": error.code}
    return {"ok": True, "code": None}


def _check_database() -> dict:
    try:
        current_app.extensions["framing_db"].ping()
    except SQLAlchemyError:
        current_app.logger.exception("database check failed")
        return {"ok": False, "code": "database_unreachable"}
    return {"ok": True, "code": None}
