"""Gunicorn access log lines as JSON objects, one per request, for log pipelines.

Gunicorn's ``access_log_format`` interpolates raw values into a string, so a quote in a
user agent or path would break a JSON template; this logger serialises properly instead.
"""
from __future__ import annotations

import json

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time) -> None:
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        line = {
            "time": atoms["t"].strip("[]"),
            "remote_addr": atoms["h"],
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": resp.status_code,
            "bytes": atoms["B"],
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": next((value for name, value in resp.headers if name.lower() == "x-request-id"), None),
            "user_agent": atoms["a"],
        }
        try:
            self.access_log.info(json.dumps(line, ensure_ascii=False))
        except Exception:  # a log line must never fail a request
            self.exception("failed to write access log line")
