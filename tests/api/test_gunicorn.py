"""The container's commands, run outside Docker: the Dockerfile's CMD starts gunicorn on
127.0.0.1, its HEALTHCHECK passes, a real analysis is served and logged, a write with an
API key is served without the key reaching the log, gunicorn's own errors are JSON, and it
stops."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from framing.store import Database
from framing.store.api_keys import create_key
from tests.api.conftest import ARTICLE, SYRIA_PROFILE

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
START_TIMEOUT_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, dict]:
    headers = {"Content-Type": "application/json", "X-Request-ID": "gunicorn-test", **(headers or {})}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def _server_error(port: int, request: bytes) -> tuple[int, dict, dict]:
    """Send raw bytes and parse the answer: the requests here are ones gunicorn refuses itself."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request)
        raw = b""
        while chunk := connection.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status_line.split()[1]), headers, json.loads(body)


def _docker_commands() -> tuple[list[str], str]:
    """The CMD (exec form) and the HEALTHCHECK command (shell form) of the Dockerfile."""
    entry = json.loads(re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.MULTILINE).group(1))
    healthcheck = re.search(r"HEALTHCHECK [^\n]*\\\n\s*CMD (.*)$", DOCKERFILE, re.MULTILINE).group(1)
    return entry, healthcheck


def test_gunicorn_serves_the_app(tmp_path):
    entry, healthcheck = _docker_commands()
    assert entry[0] == "gunicorn"
    port = _free_port()
    environment = {
        **os.environ, "FRAMING_HOST": "127.0.0.1", "FRAMING_PORT": str(port), "FRAMING_WORKERS": "1",
        "FRAMING_DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.sqlite3'}",
    }
    database = Database(environment["FRAMING_DATABASE_URL"])
    database.upgrade()
    with database.session() as session:
        token, _key = create_key(session, "write")
    database.dispose()
    log = (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen(
        [sys.executable, "-m", *entry],
        cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                assert _get(f"{base}/readyz")[2]["status"] == "ready"
                break
            except OSError:
                assert server.poll() is None, "gunicorn exited during start-up"
                assert time.monotonic() < deadline, "gunicorn did not answer in time"
                time.sleep(0.2)
        status, headers, report = _get(f"{base}/v1/analyze", json.dumps({"text": ARTICLE}).encode())
        assert status == 200 and headers["X-Request-ID"] == "gunicorn-test"
        assert report["paragraphs"][0]["attributions"][0]["source"]["text"] == "the Syrian Observatory for Human Rights"
        probe = subprocess.run(healthcheck.replace("python", sys.executable, 1), shell=True, env=environment, timeout=30)
        assert probe.returncode == 0
        profile = json.dumps({"name": "syria", **SYRIA_PROFILE}).encode()
        assert _get(f"{base}/v1/profiles", profile)[0] == 401
        assert _get(f"{base}/v1/profiles", profile, {"Authorization": f"Bearer {token}"})[0] == 201
        for request, status, code in [
            (b"GET /v1/articles?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
            (b"GET /v1/articles HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431, "request_header_fields_too_large"),
            (b"GET /v1/articles HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, "malformed_request"),
        ]:
            status_seen, headers, body = _server_error(port, request)
            assert (status_seen, headers["Content-Type"], body["code"]) == (status, "application/json", code)
            assert body["request_id"] == headers["X-Request-ID"] and body["message"]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    log.seek(0)
    lines = log.readlines()
    assert not any(token in line or token[4:] in line for line in lines)  # keys never reach the log
    access = [json.loads(line) for line in lines if line.startswith("{")]
    assert {"path": "/v1/analyze", "status": 200, "request_id": "gunicorn-test"}.items() <= next(
        line for line in access if line["path"] == "/v1/analyze").items()
