"""Per-request plumbing: a request id on every request and response, and content types.

The request id comes from the caller's ``X-Request-ID`` when it is a sane token (so a
proxy's id follows the request through), otherwise a new one; it is returned in the same
header, in every error body, and written to the access and error logs.
"""
from __future__ import annotations

import re
import uuid

from flask import Flask, g, request

from api.errors import ApiError

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _assign_request_id() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def _require_json() -> None:
    """415 for a body that is not JSON: otherwise it would read as empty and fail as 422.

    Only on routes that take the method: a PUT on a read-only route is 405, body or none."""
    if request.routing_exception is None and request.method in _BODY_METHODS and request.path.startswith("/v1/") and not request.is_json:
        raise ApiError(415, "unsupported_media_type", "send the request body as JSON with Content-Type: application/json")


def _echo_request_id(response):
    request_id = g.get("request_id")
    if request_id:
        response.headers["X-Request-ID"] = request_id
    return response


def register_middleware(app: Flask) -> None:
    app.before_request(_assign_request_id)
    app.before_request(_require_json)
    app.after_request(_echo_request_id)
