"""Ingest with two Celery workers beside the analysis alone, on the same cores, in one run.

1. **Analysis alone**: the articles analysed by a pool of two processes (``framing.analyze``,
   nothing stored), as fast as the two cores allow: the ceiling for any ingest.
2. **Two workers**: ``framing worker --pool solo`` twice (one process each), Redis as the
   broker (``FRAMING_BENCH_REDIS_URL``, default the local server, with a queue of this
   run's own), PostgreSQL in a database of its own (``framing_bench_ingest``, dropped at
   the end). The same articles are sent as a job (``framing ingest FILE --queue`` does the
   same) and timed from sending to the last one stored: analysis, key look-ups, articles,
   revisions, metric rows and the per-day and per-month aggregates.
3. **In one process**, for comparison: ``framing ingest --workers 2`` (``framing.store.ingest``).

The articles are the recombined real articles of ``benchmarks/store_scale.py`` (default
3,000, stored under new ids in each round). Steps 1 and 2 alternate for ``--rounds``
rounds, so both see the same machine (it is shared): reported are articles per second of
each, each round's ratio of the workers' rate to the analysis alone, and the ratio over all
rounds (the target is at least 0.75). Each figure is printed with the machine's load.

Other engineers' work on the same two cores moves those rates from round to round, so each
round also reports CPU time per article, which their load hardly changes: the analysis
pool's, and the ingest's (both workers, this database's PostgreSQL processes with the
server's WAL writer, checkpointer and background writer, and this process, which sends the
job and polls it; Redis, shared and below 0.05 ms an article, is left out). Their ratio is
what the rate ratio would be on idle cores.

Rerun (about 5 minutes on 2 cores for 2,000 articles and 3 rounds):

    .venv/bin/python -m benchmarks.ingest_speed --articles 2000 --rounds 3
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

import framing
from benchmarks.store_scale import POSTGRES_SERVER, _createdb, _dropdb, load, machine, recombined_articles
from framing.jobs import state
from framing.jobs.dispatch import CeleryDispatcher
from framing.store import Database
from framing.store.ingest import ingest
from framing.store.models import Job, JobItem
from framing.store.records import Record

REDIS_URL = os.environ.get("FRAMING_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
DATABASE = "framing_bench_ingest"
FRAMING = Path(sys.executable).parent / "framing"


def _cpu_seconds(pids) -> float:
    """User and system CPU time of the processes (those gone since are not counted)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _postgres_pids(database: str) -> list[int]:
    """This database's server processes, and the server's own that our writes keep busy."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if title.startswith("postgres: ") and (f" {database} " in title or any(
                name in title for name in ("walwriter", "checkpointer", "background writer"))):
            pids.append(int(entry.name))
    return pids


def _analyse(article: dict) -> bool:
    try:
        framing.analyze(article["text"], title=article["title"], metadata={"outlet": article["outlet"], "published_at": article["published_at"]})
        return True
    except framing.FramingError:
        return False


def analysis_alone(articles: list[dict]) -> tuple[float, float]:
    """Articles per second, and CPU milliseconds per article, of a pool of two processes."""
    framing.warm_up()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_analyse, articles, chunksize=10)
        rate = len(articles) / (time.perf_counter() - started)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = used.ru_utime + used.ru_stime - children.ru_utime - children.ru_stime
    return rate, 1000 * cpu / len(articles)


def two_workers(url: str, rounds: list[list[dict]], directory: Path) -> list[tuple[float, float]]:
    """Articles per second, and CPU milliseconds per article, of each round's job, with the
    same two workers throughout."""
    queue = f"framing-bench-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "FRAMING_BROKER_URL": REDIS_URL, "FRAMING_QUEUE": queue, "FRAMING_DATABASE_URL": url}
    workers = [subprocess.Popen([str(FRAMING), "worker", "--pool", "solo", "--loglevel", "WARNING"], env=env,
                                stdout=(directory / f"worker-{number}.log").open("w"), stderr=subprocess.STDOUT) for number in (1, 2)]
    database = Database(url)
    sender = CeleryDispatcher(REDIS_URL, queue)
    try:
        _run_job(database, sender, [{**article, "id": "warm-" + article["id"]} for article in rounds[0][:20]])  # workers up and warm
        return [_timed(database, sender, articles, [worker.pid for worker in workers]) for articles in rounds]
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait()
        sender.close()
        database.dispose()


def _timed(database: Database, sender: CeleryDispatcher, articles: list[dict], workers: list[int]) -> tuple[float, float]:
    pids = workers + _postgres_pids(DATABASE)
    cpu = _cpu_seconds(pids) + time.process_time()
    started = time.perf_counter()
    _run_job(database, sender, articles)
    elapsed = time.perf_counter() - started
    cpu = _cpu_seconds(pids) + time.process_time() - cpu
    return len(articles) / elapsed, 1000 * cpu / len(articles)


def _run_job(database: Database, sender: CeleryDispatcher, articles: list[dict]) -> None:
    """Send the articles as one job and return when it is done.

    Polls the job's state (one row, set to done by the worker that writes the last chunk)
    every 50 ms, so the measured time overshoots the end by 25 ms on average; counting the
    items by status, as ``framing ingest --queue`` does for its progress bar, every 200 ms
    overshot by 100 ms, a whole per cent of a 2,000-article round.
    """
    items = (state.NewItem(f"item {number}", article) for number, article in enumerate(articles))
    with database.session() as session:
        job_id, chunks = state.create_job(session, state.INGEST, items)
    sender.send(database, job_id, list(range(chunks)))
    while True:
        with database.session() as session:
            if session.scalar(select(Job.state).where(Job.id == job_id)) != state.RUNNING:
                break
        time.sleep(0.05)
    with database.session() as session:
        failed = session.scalar(select(func.count()).select_from(JobItem).where(JobItem.job_id == job_id, JobItem.status == state.FAILED))
    print(f"  job {job_id}: {len(articles) - failed} stored, {failed} refused", flush=True)


def one_process(url: str, articles: list[dict]) -> float:
    database = Database(url)
    started = time.perf_counter()
    ingest(database, [Record(number, {**article, "id": "again-" + article["id"]}) for number, article in enumerate(articles, 1)], workers=2)
    elapsed = time.perf_counter() - started
    database.dispose()
    return len(articles) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3, help="alternations of analysis alone and the workers' ingest")
    arguments = parser.parse_args()
    articles = recombined_articles(arguments.articles)
    rounds = [[{**article, "id": f"round-{number}-{article['id']}"} for article in articles] for number in range(arguments.rounds)]
    print(f"# ingest speed, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {machine()}, {load()}", flush=True)
    url = _createdb(POSTGRES_SERVER, DATABASE)
    try:
        Database(url).upgrade()
        alone, ingested, alone_cpu, ingest_cpu = [], [], [], []
        with tempfile.TemporaryDirectory() as directory:
            # analysis alone and the workers' ingest alternate, so that both see the same machine
            for number, batch in enumerate(rounds):
                rate, cpu = analysis_alone(batch)
                alone.append(rate)
                alone_cpu.append(cpu)
                print(f"| round {number + 1}: analysis alone, 2 processes | {rate:.1f} articles/s | {cpu:.2f} ms CPU/article | {load()} |",
                      flush=True)
                rate, cpu = two_workers(url, [batch], Path(directory))[0]
                ingested.append(rate)
                ingest_cpu.append(cpu)
                print(f"| round {number + 1}: ingest, 2 Celery workers, PostgreSQL | {rate:.1f} articles/s "
                      f"({rate / alone[-1]:.2f} of analysis alone) | {cpu:.2f} ms CPU/article ({alone_cpu[-1] / cpu:.2f}) | {load()} |",
                      flush=True)
        total_alone = len(rounds) / sum(1 / rate for rate in alone)
        total_ingested = len(rounds) / sum(1 / rate for rate in ingested)
        cpu_alone, cpu_ingest = sum(alone_cpu) / len(rounds), sum(ingest_cpu) / len(rounds)
        print(f"| all rounds: analysis alone | {total_alone:.1f} articles/s | {cpu_alone:.2f} ms CPU/article | |")
        print(f"| all rounds: ingest, 2 workers | {total_ingested:.1f} articles/s (**{total_ingested / total_alone:.2f}** of analysis alone) "
              f"| {cpu_ingest:.2f} ms CPU/article (**{cpu_alone / cpu_ingest:.2f}**) | |")
        single = one_process(url, articles)
        print(f"| framing ingest --workers 2 (one process), PostgreSQL | {single:.1f} articles/s | {load()} |", flush=True)
    finally:
        _dropdb(POSTGRES_SERVER, DATABASE)


if __name__ == "__main__":
    main()
