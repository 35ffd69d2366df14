"""The container's commands, run outside Docker: the Dockerfile's CMD starts gunicorn on
127.0.0.1, its HEALTHCHECK passes, a real analysis is served and logged, and it stops."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.api.conftest import ARTICLE

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
START_TIMEOUT_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, data: bytes | None = None) -> tuple[int, dict, dict]:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", "X-Request-ID": "gunicorn-test"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), json.loads(response.read())


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
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    log.seek(0)
    access = [json.loads(line) for line in log if line.startswith("{")]
    assert {"path": "/v1/analyze", "status": 200, "request_id": "gunicorn-test"}.items() <= next(
        line for line in access if line["path"] == "/v1/analyze").items()
