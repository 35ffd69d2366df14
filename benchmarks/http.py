"""What does serving an analysis over HTTP cost, beside analysing in process? At 1, 4 and 16 clients.

Usage:
    .venv/bin/python benchmarks/http.py [ARTICLES.jsonl] [--seconds S] [--slices K] [--concurrency 1,4,16]
                                        [--workers 2] [--threads T] [--worker-class K] [--rounds R]

In one run, on the same articles (default: ../shared/eval/polnear/dev.jsonl, 84 articles):
  - gunicorn with this repository's gunicorn.conf.py (FRAMING_WORKERS / FRAMING_THREADS as
    given, default: the configuration's own defaults) serving ``POST /v1/analyze``;
  - with one client, article by article: the article analysed in process, then sent to
    the server, alternating, so both see the same load of the machine within milliseconds;
  - for each concurrency c above one, K slices, each: the in-process baseline (every article analysed
    by ``framing.analyze`` in min(c, workers) processes at once: as many analyses as the
    server runs at once, so both compete for the cores alike), then wrk with c connections
    for S seconds, each request naming its article in X-Request-ID. Slicing keeps the two
    measurements seconds apart, so the load of other users on a shared machine, which
    drifts by tens of percent within a minute, weighs on both alike.
Per concurrency it prints requests/s, client latency p50/p99 (wrk's, the median of the
slices', above one client), server time per request p50/p99 (gunicorn's JSON access log: from reading the
request to writing the response) and two overheads, over the articles as served (each
request against its article's in-process time in the same slice):
  server   = server time per request / in-process analysis time - 1
  client   = client latency / in-process analysis time - 1 (at c > workers this includes
             the time requests wait for a free worker, so it is shown, not judged).
The script prints ``uptime`` before and after; repeat with --rounds.
Needs wrk (Debian package wrk). Every request goes to 127.0.0.1 only.
"""
from __future__ import annotations

import sys
from pathlib import Path

# This file is named http.py: run as a script, its folder comes first on sys.path and would
# hide the standard library's http package from urllib. Search the folder last instead.
HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE] + [str(HERE)]

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from datetime import date  # noqa: E402

import orjson  # noqa: E402
from analysis_speed import machine, percentile  # noqa: E402

ROOT = HERE.parent
DEFAULT_ARTICLES = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"

WRK_SCRIPT = """
local bodies = {}
for line in io.lines("%(bodies)s") do bodies[#bodies + 1] = line end
local counter = 0
wrk.method = "POST"
request = function()
  counter = counter + 1
  local index = (counter + %(offset)d) %% #bodies
  return wrk.format(nil, "/v1/analyze", {["Content-Type"] = "application/json", ["X-Request-ID"] = "a" .. index}, bodies[index + 1])
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, workdir: Path, workers: int, threads: int | None, worker_class: str | None) -> tuple[subprocess.Popen, Path]:
    env = {**os.environ, "FRAMING_HOST": "127.0.0.1", "FRAMING_PORT": str(port), "FRAMING_WORKERS": str(workers),
           "FRAMING_DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}"}
    if threads is not None:
        env["FRAMING_THREADS"] = str(threads)
    log = workdir / f"gunicorn-{port}.log"
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")]
    process = subprocess.Popen(command + (["--worker-class", worker_class] if worker_class else []), cwd=ROOT,
                               env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2):
                return process, log
        except OSError:
            time.sleep(0.3)
    os.killpg(process.pid, signal.SIGTERM)
    raise RuntimeError(f"gunicorn did not start; see {log}")


def _timed_analysis(text: str) -> float:
    from framing import analyze

    started = time.perf_counter()
    analyze(text)
    return (time.perf_counter() - started) * 1000


def warm_pool(texts: list[str], processes: int):
    """``processes`` analysers forked after warm-up, as gunicorn forks its workers, each
    then warmed by analysing articles, as a worker is by its first requests."""
    pool = multiprocessing.get_context("fork").Pool(processes)
    pool.map(_timed_analysis, texts * processes, chunksize=1)
    return pool


def in_process(pool, texts: list[str]) -> list[float]:
    """Milliseconds per article, the pool's processes analysing at once."""
    return pool.map(_timed_analysis, texts, chunksize=1)


def run_wrk(port: int, bodies: Path, seconds: int, connections: int, offset: int, workdir: Path) -> dict:
    script = workdir / "wrk.lua"
    script.write_text(WRK_SCRIPT % {"bodies": bodies, "offset": offset})
    output = subprocess.run(
        ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency", "-s", str(script),
         f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True,
    ).stdout
    unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    figures = {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    value, scale = re.search(r"Latency\s+([\d.]+)(us|ms|s)", output).groups()
    figures["mean"] = float(value) * unit[scale]
    for share in ("50%", "99%"):
        value, scale = re.search(rf"^\s+{share}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
        figures[share] = float(value) * unit[scale]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["non_2xx"] = int(errors.group(1)) if errors else 0
    return figures


def one_client(port: int, texts: list[str], bodies: list[bytes], pool, log: Path) -> tuple[list[float], list[float], list[float]]:
    """With one client the two measurements alternate article by article, milliseconds
    apart: the article in process (in the pool's one process), then over HTTP (a new
    connection, as the sync worker closes each). Client ms, server ms, in-process ms."""
    skip = len(log.read_text(encoding="utf-8", errors="replace").splitlines())
    client_ms, expected_ms = [], []
    for index, (text, body) in enumerate(zip(texts, bodies)):
        expected_ms.append(pool.apply(_timed_analysis, (text,)))
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("POST", "/v1/analyze", body, {"Content-Type": "application/json", "X-Request-ID": f"a{index}"})
        response = connection.getresponse()
        response.read()
        connection.close()
        client_ms.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"POST /v1/analyze answered {response.status}")
    time.sleep(0.5)  # the last access log lines
    server = dict(served(log, skip))
    return client_ms, [server[index] for index in range(len(texts))], expected_ms


def served(log: Path, skip: int) -> list[tuple[int, float]]:
    """(article index, server milliseconds) of each analysis logged after the first ``skip`` lines."""
    entries = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines()[skip:]:
        if line.startswith("{") and '"/v1/analyze"' in line:
            entry = json.loads(line)
            if entry["status"] == 200 and (entry.get("request_id") or "").startswith("a"):
                entries.append((int(entry["request_id"][1:]), entry["duration_ms"]))
    return entries


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--seconds", type=int, default=4, help="wrk's run per slice")
    parser.add_argument("--slices", type=int, default=4)
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, help="threads per worker [default: gunicorn.conf.py's]")
    parser.add_argument("--worker-class", help="gunicorn worker class [default: gunicorn.conf.py's, gthread]")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    if not args.articles.is_file():
        print(f"no articles at {args.articles}", file=sys.stderr)
        return 2
    from framing import warm_up

    warm_up()  # before forking the in-process pools, as gunicorn preloads
    texts = [json.loads(line)["text"] for line in args.articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    concurrencies = [int(c) for c in args.concurrency.split(",")]
    print(f"framing HTTP benchmark, {date.today().isoformat()}")
    print(f"machine: {machine()}")
    print(f"load before: {uptime()}")
    print(f"articles: {len(texts)} from {args.articles.name}; gunicorn.conf.py, {args.workers} workers, "
          f"threads {args.threads or 'as configured'}, worker class {args.worker_class or 'as configured'}; {args.slices} slices of wrk {args.seconds} s per concurrency")
    print("| clients | req/s | client p50 ms | client p99 ms | server p50 ms | server p99 ms | in-process mean ms "
          "| server mean ms | server overhead | client overhead |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bodies = workdir / "requests.jsonl"
        encoded = [orjson.dumps({"text": text}) for text in texts]
        bodies.write_bytes(b"\n".join(encoded) + b"\n")
        port = free_port()
        server, log = start_gunicorn(port, workdir, args.workers, args.threads, args.worker_class)
        pools = {processes: warm_pool(texts, processes) for processes in {min(c, args.workers) for c in concurrencies}}
        try:
            run_wrk(port, bodies, 8, args.workers, 0, workdir)  # workers warm up on their first requests, unmeasured
            for round_number in range(args.rounds):
                for connections in concurrencies:
                    if connections == 1:
                        client, server_ms, expected_ms = one_client(port, texts, encoded, pools[1], log)
                        expected = statistics.fmean(expected_ms)
                        print(f"| 1 | {len(client) / sum(client) * 1000:.1f} | {percentile(client, 0.5):.1f} | {percentile(client, 0.99):.1f} "
                              f"| {percentile(server_ms, 0.5):.1f} | {percentile(server_ms, 0.99):.1f} | {expected:.2f} "
                              f"| {statistics.fmean(server_ms):.2f} | {statistics.fmean(server_ms) / expected - 1:+.1%} "
                              f"| {statistics.fmean(client) / expected - 1:+.1%} |", flush=True)
                        continue
                    server_ms, expected_ms, client_ms, slices = [], [], 0.0, []
                    for slice_number in range(args.slices):
                        baseline = in_process(pools[min(connections, args.workers)], texts)
                        skip = len(log.read_text(encoding="utf-8", errors="replace").splitlines())
                        figures = run_wrk(port, bodies, args.seconds, connections, 7 * (round_number * args.slices + slice_number), workdir)
                        time.sleep(0.5)  # the last access log lines
                        requests = served(log, skip)
                        server_ms += [ms for _index, ms in requests]
                        expected_ms += [baseline[index] for index, _ms in requests]  # each served article's own in-process time
                        client_ms += figures["mean"] * len(requests)
                        slices.append(figures)
                    expected = statistics.fmean(expected_ms)
                    errors = sum(figures["non_2xx"] for figures in slices)
                    print(f"| {connections} | {statistics.fmean(f['requests_per_second'] for f in slices):.1f} "
                          f"| {statistics.median(f['50%'] for f in slices):.1f} | {statistics.median(f['99%'] for f in slices):.1f} "
                          f"| {percentile(server_ms, 0.5):.1f} | {percentile(server_ms, 0.99):.1f} | {expected:.2f} "
                          f"| {statistics.fmean(server_ms):.2f} | {statistics.fmean(server_ms) / expected - 1:+.1%} "
                          f"| {client_ms / len(server_ms) / expected - 1:+.1%} |" + (f" non-2xx {errors}" if errors else ""), flush=True)
        finally:
            for pool in pools.values():
                pool.terminate()
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(f"load after: {uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
