"""What do HTTP and JSON serialisation add to analysis time? A load test on loopback.

Usage:
    .venv/bin/python benchmarks/api_load.py [ARTICLES.jsonl] [--articles N] [--seconds S] [--connections C]

Measured in one run, over the same real articles (default: ../shared/eval/articles/):
  (a) in-process: ``framing.analyze`` on each article, milliseconds per article;
  (b) ``POST /v1/analyze`` served by gunicorn with 2 workers (the production config,
      gunicorn.conf.py), loaded by wrk for a bounded time with 1 connection (latency: the
      overhead figure) and with C connections (default 2, one per worker: throughput);
  (c) a trivial gunicorn app (benchmarks/echo_app.py, same settings) answering each
      request with a stored report of the same article: the cost of HTTP and JSON alone.
Prints throughput and latency (mean, p50, p99) for (b) and (c), and the overhead of HTTP:
the same articles sent one by one over a keep-alive connection, alternating with
in-process analysis of each, so that both see the same machine load (wall-clock figures on
a shared 2-core machine drift by tens of percent between runs a minute apart).
Needs `wrk` (Debian package wrk). Every request goes to 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

import orjson

from framing import analyze, warm_up
from framing.errors import FramingError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = ROOT.parent / "shared" / "eval" / "articles" / "polnear_train_articles.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis_speed import machine, percentile  # noqa: E402

WRK_SCRIPT = """
local bodies = {}
local count = 0
for line in io.lines("%(bodies)s") do
  count = count + 1
  bodies[count] = line
end
local index = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  index = index %% count + 1
  return wrk.format(nil, "%(path)s", nil, bodies[index])
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(app: str, port: int, workdir: Path, extra_env: dict) -> subprocess.Popen:
    env = {**os.environ, "FRAMING_HOST": "127.0.0.1", "FRAMING_PORT": str(port), "FRAMING_WORKERS": "2",
           "FRAMING_THREADS": "1", "FRAMING_DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}", **extra_env}
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")]
    if app:
        command += [app]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=open(workdir / f"gunicorn-{port}.log", "wb"),
                               stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    stop(process)
    raise RuntimeError(f"gunicorn did not start; see {workdir}")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def run_wrk(port: int, path: str, bodies: Path, seconds: int, connections: int, workdir: Path) -> dict:
    script = workdir / f"wrk-{port}.lua"
    script.write_text(WRK_SCRIPT % {"bodies": bodies, "path": path})
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True,
    ).stdout
    figures = {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    value, unit = re.search(r"Latency\s+([\d.]+)(us|ms|s)", output).groups()
    figures["mean"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    for share in ("50%", "99%"):
        value, unit = re.search(rf"^\s+{share}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
        figures[share] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["non_2xx"] = int(errors.group(1)) if errors else 0
    return figures


def interleaved_overhead(port: int, texts: list[str], rounds: int = 3) -> tuple[float, float]:
    """Seconds of in-process analysis and of ``POST /v1/analyze`` (one keep-alive
    connection), article by article, alternating, so both see the same machine load."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    in_process = served = 0.0
    for _ in range(rounds):
        for text in texts:
            body = orjson.dumps({"text": text})
            started = time.perf_counter()
            orjson.dumps(analyze(text))
            in_process += time.perf_counter() - started
            started = time.perf_counter()
            connection.request("POST", "/v1/analyze", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            served += time.perf_counter() - started
            if response.status != 200:
                raise RuntimeError(f"POST /v1/analyze answered {response.status}")
    connection.close()
    return in_process, served


def server_seconds(log: Path, requests: int) -> float:
    """Seconds gunicorn spent on the first ``requests`` analyses, from its JSON access log
    (time from reading the request to writing the response, without the client's side)."""
    durations = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        start = line.find("{")
        if start < 0:
            continue
        try:
            entry = json.loads(line[start:])
        except ValueError:
            continue
        if entry.get("path") == "/v1/analyze":
            durations.append(entry["duration_ms"] / 1000)
    return sum(durations[:requests])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--articles", dest="limit", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    if not args.articles.is_file():
        print(f"no articles at {args.articles}", file=sys.stderr)
        return 2
    warm_up()
    texts = []
    with args.articles.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            try:
                analyze(text)
            except FramingError:
                continue
            texts.append(text)
            if len(texts) >= args.limit:
                break
    in_process, reports = [], []
    for _ in range(2):  # best of two passes, as in analysis_speed.py
        timings = []
        for text in texts:
            started = time.perf_counter()
            report = analyze(text)
            timings.append((time.perf_counter() - started) * 1000)
            if len(reports) < len(texts):
                reports.append(report)
        in_process = timings if not in_process else [min(a, b) for a, b in zip(in_process, timings)]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        requests = workdir / "requests.jsonl"
        requests.write_bytes(b"\n".join(orjson.dumps({"text": text}) for text in texts) + b"\n")
        stored = workdir / "reports.jsonl"
        stored.write_bytes(b"\n".join(orjson.dumps(report) for report in reports) + b"\n")
        results = {}
        port = free_port()
        server = start_gunicorn("", port, workdir, {})
        try:
            in_process_total, served_total = interleaved_overhead(port, texts)
            server_total = server_seconds(workdir / f"gunicorn-{port}.log", 3 * len(texts))
            results["POST /v1/analyze, 1 connection"] = run_wrk(port, "/v1/analyze", requests, args.seconds, 1, workdir)
            results[f"POST /v1/analyze, {args.connections} connections"] = run_wrk(
                port, "/v1/analyze", requests, args.seconds, args.connections, workdir)
        finally:
            stop(server)
        port = free_port()
        server = start_gunicorn("echo_app:create_app()", port, workdir,
                                {"FRAMING_ECHO_REPORTS": str(stored), "PYTHONPATH": str(ROOT / "benchmarks")})
        try:
            results["trivial endpoint, same JSON, 1 connection"] = run_wrk(port, "/echo", requests, args.seconds, 1, workdir)
        finally:
            stop(server)
    mean = statistics.fmean(in_process)
    print(f"framing API load test, {date.today().isoformat()}")
    print(f"machine: {machine()}")
    print(f"articles: {len(texts)} from {args.articles.name}; wrk 1 thread, {args.connections} connections, "
          f"{args.seconds} s per run; gunicorn 2 workers x 1 thread")
    print(f"in-process analysis: mean {mean:.2f} ms  p50 {percentile(in_process, 0.5):.2f} ms  "
          f"p99 {percentile(in_process, 0.99):.2f} ms  ({1000 / mean:.1f} articles/s per core)")
    for name, figures in results.items():
        print(f"{name}: {figures['requests_per_second']:.1f} req/s  mean {figures['mean']:.2f} ms  p50 {figures['50%']:.2f} ms  "
              f"p99 {figures['99%']:.2f} ms  non-2xx {figures['non_2xx']}")
    # Article by article, alternating in-process analysis (with the report serialised by
    # orjson) and the same article over HTTP: the difference is HTTP, request parsing and
    # validation, routing and sending the response, under the same machine load.
    count = 3 * len(texts)
    print(f"HTTP + serialisation overhead, server side (gunicorn's request time / in-process analysis + orjson): "
          f"{server_total / in_process_total - 1:+.1%} ({in_process_total * 1000 / count:.2f} ms vs {server_total * 1000 / count:.2f} ms)")
    print(f"                               seen by the client (round trip on loopback, response parsed): "
          f"{served_total / in_process_total - 1:+.1%} ({served_total * 1000 / count:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
