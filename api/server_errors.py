"""JSON errors from the HTTP servers themselves, for requests the app never sees.

Gunicorn answers a request line over its limit (414), header fields over theirs (431), a
malformed request (400) and an exception escaping the app (500) on its own, and so does the
development server for its limits; both write an HTML page. A client parses one error
shape whatever failed, so these answers carry the API's ``{code, message, details,
request_id}`` too. Gunicorn has no setting for its error page: it writes every one through
``gunicorn.util.write_error``, which :func:`use_json_errors_in_gunicorn` replaces (the
config file calls it, in the master, so every worker forked from it inherits the change).
"""
from __future__ import annotations

import json
import uuid

from werkzeug.serving import WSGIRequestHandler

from api.errors import http_code


def error_document(status: int, message: str) -> tuple[bytes, str]:
    """The JSON body for an error the server answers itself, and the request id it names."""
    request_id = uuid.uuid4().hex
    body = {"code": http_code(status), "message": message, "details": {}, "request_id": request_id}
    return json.dumps(body).encode(), request_id


def _write_gunicorn_error(sock, status_int: int, reason: str, mesg: str) -> None:
    from gunicorn.util import write_nonblock

    body, request_id = error_document(status_int, mesg or reason.lower())
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"X-Request-ID: {request_id}\r\nContent-Length: {len(body)}\r\n\r\n")
    write_nonblock(sock, head.encode("latin-1") + body)


def use_json_errors_in_gunicorn() -> None:
    import gunicorn.util

    gunicorn.util.write_error = _write_gunicorn_error


class JsonErrorRequestHandler(WSGIRequestHandler):
    """The development server's request handler, answering its own errors in JSON."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        body, request_id = error_document(code, message or explain or self.responses.get(code, ("error",))[0].lower())
        self.log_error("code %d, message %s", code, message)
        self.send_response(code, message)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Request-ID", request_id)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
