"""A trivial WSGI app for benchmarks/api_load.py: answers POST /echo with a stored report.

It does no analysis, so its latency under the same gunicorn settings is the cost of HTTP,
routing and sending a report-sized JSON body: the floor under ``POST /v1/analyze``.
"""
import itertools
import os

from flask import Flask, Response


def create_app() -> Flask:
    with open(os.environ["FRAMING_ECHO_REPORTS"], "rb") as handle:
        bodies = itertools.cycle([line.rstrip(b"\n") for line in handle if line.strip()])
    app = Flask(__name__)

    @app.post("/echo")
    def echo():
        return Response(next(bodies), mimetype="application/json")

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
