"""API keys: who is calling, what each operation needs, and how the OpenAPI document says so.

Writes (storing, replacing, deleting anything) need a key of scope ``write`` or ``admin``.
Everything else under ``/v1/`` is open, unless ``FRAMING_REQUIRE_KEYS_FOR_READS`` is set:
then it needs a ``read`` key or better. Analyses (``POST /v1/analyze`` and ``/batch``)
count as reads although they are POSTs: they store nothing and change nothing another
client can see; they are computation, and a private deployment closes them with the reads.
Keys are sent as ``Authorization: Bearer <key>`` and made with ``framing keys create``.

A view declares the scope it needs, and the OpenAPI document follows from the declaration::

    @blp.route("", methods=["POST"])
    @requires_key("write")
    @blp.arguments(JobSchema)
    def create_job(job): ...

One before-request hook enforces it, before the body is parsed or validated whatever the
order of decorators, so an unauthorised client learns nothing about what it sent. A key
that is sent must be valid, even where none is needed: a client whose key was revoked hears
so at once instead of being served as anonymous. Rate limits count per key when a valid
key is sent (:func:`rate_limit_key`), else per client address.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from apispec import BasePlugin
from flask import Flask, current_app, g, request
from flask_limiter.util import get_remote_address
from flask_smorest import Blueprint

from api.errors import ApiError
from framing.store.api_keys import KeyInfo, allows, find_key

SCHEME = "ApiKey"
_BEARER = re.compile(r"Bearer +([\x21-\x7e]{1,200})", re.IGNORECASE)
_ERROR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_CHALLENGE = {"WWW-Authenticate": {"description": "`Bearer realm=\"framing\"`, with `error` when a key was sent.",
                                   "schema": {"type": "string"}}}
_AUTH_RESPONSES = {  # int keys, as flask-smorest's own, so that documents merge rather than clash
    401: {"description": "No API key, or one that is unknown or revoked (`api_key_required`, `invalid_api_key`).",
            "headers": _CHALLENGE, "content": _ERROR_JSON},
    403: {"description": "The key's scope does not allow this operation (`insufficient_scope`).",
            "headers": _CHALLENGE, "content": _ERROR_JSON},
}


def requires_key(scope: str):
    """Declare that a view needs a key of ``scope`` (or a wider one), and document it."""

    def decorator(view):
        view = Blueprint.doc(security=[{SCHEME: []}], responses=_AUTH_RESPONSES)(view)
        view.required_scope = scope
        return view

    return decorator


@dataclass(frozen=True)
class Caller:
    key: KeyInfo | None
    problem: str | None  # why the credentials sent cannot be accepted


def caller() -> Caller:
    """Who sent this request, looked up once per request."""
    if "caller" not in g:
        g.caller = _identify(request.headers.get("Authorization"))
    return g.caller


def _identify(header: str | None) -> Caller:
    if header is None:
        return Caller(None, None)
    match = _BEARER.fullmatch(header.strip())
    if match is None:
        return Caller(None, "send the key as `Authorization: Bearer <key>`")
    with current_app.extensions["framing_db"].session() as session:
        key = find_key(session, match.group(1))
    return Caller(key, None) if key is not None else Caller(None, "the API key is unknown or was revoked")


def rate_limit_key() -> str:
    """Limits count per key when a valid one is sent, so clients behind one address (a
    newsroom's proxy) do not share a budget; an invalid key cannot buy a fresh one."""
    key = caller().key
    return f"key:{key.id}" if key is not None else get_remote_address()


def _required_scope() -> str | None:
    view = current_app.view_functions.get(request.endpoint)
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        view = getattr(view_class, request.method.lower(), None)
    declared = getattr(view, "required_scope", None)
    if declared is None and current_app.config["FRAMING"].require_keys_for_reads:
        return "read"
    return declared


def _check_key() -> None:
    # Unknown routes and wrong methods stay 404 and 405; CORS preflights carry no credentials.
    if not request.path.startswith("/v1/") or request.url_rule is None or request.routing_exception or request.method == "OPTIONS":
        return
    who, needed = caller(), _required_scope()
    if who.problem is not None:
        raise ApiError(401, "invalid_api_key", who.problem, headers=_challenge('error="invalid_token"'))
    if needed is None:
        return
    if who.key is None:
        raise ApiError(401, "api_key_required", f"this operation needs an API key of scope {needed!r}: send `Authorization: Bearer <key>` "
                       "(`framing keys create` makes one)", headers=_challenge())
    if not allows(who.key.scope, needed):
        raise ApiError(403, "insufficient_scope", f"this operation needs a key of scope {needed!r}; this key's scope is {who.key.scope!r}",
                       headers=_challenge(f'error="insufficient_scope", scope="{needed}"'))


def _challenge(extra: str = "") -> dict:
    return {"WWW-Authenticate": 'Bearer realm="framing"' + (f", {extra}" if extra else "")}


def register_auth(app: Flask) -> None:
    app.before_request(_check_key)


class SecurityDocs(BasePlugin):
    """The OpenAPI document's security as this server enforces it: the key scheme, and, when
    reads need keys too, the requirement on every other ``/v1/`` operation."""

    def __init__(self, require_keys_for_reads: bool):
        self.require_keys_for_reads = require_keys_for_reads

    def init_spec(self, spec) -> None:
        spec.components.security_scheme(SCHEME, {
            "type": "http", "scheme": "bearer",
            "description": "An API key from `framing keys create`. Writes need scope `write` or `admin`; "
                           + ("reads and analyses need `read` or better." if self.require_keys_for_reads
                              else "reads and analyses are open on this server."),
        })

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        if not self.require_keys_for_reads or not path.startswith("/v1/"):
            return
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation and "security" not in operation:
                operation["security"] = [{SCHEME: []}]
                operation["responses"].update(_AUTH_RESPONSES)
