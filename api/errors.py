"""One JSON error shape for every failure: ``{code, message, details, request_id}``.

Library errors (:class:`~framing.errors.FramingError`) keep their stable ``code``; this
module only chooses the HTTP status. Errors of the web layer (bad JSON, wrong content type,
validation, unknown routes, rate limits) get codes of their own. An unexpected exception is
logged with the request id and answered with a 500 that names nothing internal.
"""
from __future__ import annotations

import logging

from flask import Flask, current_app, g, jsonify
from werkzeug.exceptions import HTTPException

from framing.errors import CorpusError, FramingError, TextTooLong

log = logging.getLogger("api")

# Statuses for library codes not listed here default to 422: the input cannot be analysed.
LIBRARY_STATUS = {TextTooLong.code: 413, CorpusError.code: 500}

# One stable code per HTTP status the web layer or an HTTP server in front of it can answer
# with; spelt out, because the reason phrases differ between Python versions.
HTTP_CODES = {
    400: "malformed_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 408: "request_timeout",
    409: "conflict", 410: "gone", 411: "length_required", 412: "precondition_failed", 413: "payload_too_large",
    414: "uri_too_long", 415: "unsupported_media_type", 416: "range_not_satisfiable", 417: "expectation_failed",
    418: "im_a_teapot", 421: "misdirected_request", 422: "validation_error", 423: "locked", 424: "failed_dependency",
    428: "precondition_required", 429: "rate_limited",
    431: "request_header_fields_too_large",
    500: "internal_error", 501: "not_implemented", 502: "bad_gateway", 503: "service_unavailable", 504: "gateway_timeout",
    505: "http_version_not_supported",
}


def http_code(status: int) -> str:
    """The error code for an HTTP status the web layer or the HTTP server answers with."""
    return HTTP_CODES.get(status, "client_error" if status < 500 else "server_error")


class ApiError(Exception):
    """A failure the web layer detects itself (unknown profile, batch too large, no API key)."""

    def __init__(self, status: int, code: str, message: str, details: dict | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details, self.headers = status, code, message, details, headers


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    body = {"code": code, "message": message, "details": details or {}}
    request_id = g.get("request_id")
    if request_id:
        body["request_id"] = request_id
    return body


def framing_error_body(error: FramingError) -> tuple[dict, int]:
    """The body and status for a library error, also used per item in batches."""
    status = LIBRARY_STATUS.get(error.code, 422)
    if status == 500:
        log.error("library failure %s request_id=%s: %s", error.code, g.get("request_id"), error.message)
        return error_body(error.code, "the analysis data files could not be loaded; this is a server fault"), 500
    return error_body(error.code, error.message), status


def flatten_messages(messages, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as ``{"items.0.text": ["..."]}``."""
    if isinstance(messages, dict):
        flat: dict[str, list[str]] = {}
        for key, value in messages.items():
            flat.update(flatten_messages(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "_schema": list(messages)}
    return {prefix or "_schema": [str(messages)]}


def _http_error(error: HTTPException):
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    if status == 422 and "messages" in data:
        # webargs nests messages by location (json, query, path); fields are unique across them
        details: dict[str, list[str]] = {}
        for location_messages in data["messages"].values():
            details.update(flatten_messages(location_messages))
        return _respond(error_body("validation_error", "the request is not valid; see details", details), 422, error)
    if status == 400 and "messages" in data:
        return _respond(error_body("malformed_json", "the request body is not valid JSON"), 400, error)
    if status == 500:
        return _internal(error)
    message = data.get("message") or error.description or error.name
    return _respond(error_body(http_code(status), message), status, error)


def _respond(body: dict, status: int, error: HTTPException | None = None, headers: dict | None = None):
    response = jsonify(body)
    response.status_code = status
    if error is not None:
        for name, value in error.get_response().headers.items():
            if name in ("Retry-After", "Allow", "WWW-Authenticate") or name.startswith("X-RateLimit"):
                response.headers[name] = value
    response.headers.update(headers or {})
    return response


def _internal(error: Exception):
    current_app.logger.error("unhandled error request_id=%s", g.get("request_id"), exc_info=error)
    return _respond(error_body("internal_error", "internal server error; quote the request id when reporting it"), 500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ApiError, lambda error: _respond(error_body(error.code, error.message, error.details), error.status,
                                                                headers=error.headers))
    app.register_error_handler(FramingError, lambda error: _respond(*framing_error_body(error)))
    app.register_error_handler(Exception, _internal)
