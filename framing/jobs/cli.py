"""``framing worker``, and ``framing ingest FILE --queue``: a file ingested by the workers.

Both need ``FRAMING_BROKER_URL`` (Redis); workers on any machine that reach the same broker
and the same database (``FRAMING_DATABASE_URL``) share the work.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from framing.jobs.settings import broker_url_from_env, queue_from_env, quiet_for_from_env

POLL_SECONDS = 0.5
SHOWN_FAILURES = 10


def _broker() -> str:
    broker = broker_url_from_env()
    if not broker:
        click.echo("framing: error: no_broker: set FRAMING_BROKER_URL (e.g. redis://127.0.0.1:6379/0); "
                   "without a broker, `framing ingest FILE` works in this process", err=True)
        sys.exit(2)
    return broker


@click.command("worker")
@click.option("--concurrency", type=click.IntRange(1), help="Worker processes [default: one per CPU core].")
@click.option("--queue", help="Queue to take chunks from [default: FRAMING_QUEUE, else 'framing'].")
@click.option("--pool", type=click.Choice(["prefork", "solo"]), default="prefork", show_default=True,
              help="solo: process tasks in this process (one at a time).")
@click.option("--loglevel", default="INFO", show_default=True)
def worker_command(concurrency: int | None, queue: str | None, pool: str, loglevel: str) -> None:
    """Run a worker: analyse and store the chunks of jobs taken from the queue."""
    _broker()
    from framing.jobs.tasks import celery  # registers the task

    argv = ["worker", f"--queues={queue or queue_from_env()}", f"--pool={pool}", f"--loglevel={loglevel}",
            f"--concurrency={concurrency or os.cpu_count() or 1}", f"--hostname=framing-{os.getpid()}@%h",
            "--without-gossip", "--without-mingle"]
    celery.worker_main(argv)


def ingest_queued(file: Path, fmt: str, limit: int | None, chunk_size: int, errors_path: str | None) -> None:
    """Store the file's records as a job, send its chunks, and show progress until every
    record is stored or failed (safe to interrupt: the workers carry on; rerun to resume)."""
    from framing.jobs import state
    from framing.jobs.dispatch import CeleryDispatcher, resume_stalled
    from framing.store.db import Database
    from framing.store.records import count_records, read_records
    from framing.store.url import database_url_from_env

    sender = CeleryDispatcher(_broker(), queue_from_env())
    database = Database(database_url_from_env())
    database.upgrade()
    records = read_records(file, fmt)
    if limit:
        records = (record for _, record in zip(range(limit), records))
    items = (state.NewItem(f"line {record.line}", record.fields, None if record.fields is not None else ("invalid_record", record.problem))
             for record in records)
    with database.session() as session:
        job_id, chunks = state.create_job(session, state.INGEST, items, chunk_size=chunk_size)
    click.echo(f"job {job_id}: {chunks} chunks", err=True)
    sender.send(database, job_id, list(range(chunks)))
    total = min(count_records(file, fmt), limit) if limit else count_records(file, fmt)
    with click.progressbar(length=total, label=f"ingesting {file.name}", file=sys.stderr) as bar:
        finished = 0
        while True:
            with database.session() as session:
                counts = state.counts(session, job_id)
            bar.update(counts.total - counts.left - finished)
            finished = counts.total - counts.left
            if counts.left == 0:
                break
            resume_stalled(database, sender, job_id, quiet_for_from_env())
            time.sleep(POLL_SECONDS)
    _report(database, job_id, errors_path)
    sender.close()
    database.dispose()


def _report(database, job_id: str, errors_path: str | None) -> None:
    from sqlalchemy import func, select

    from framing.jobs import state
    from framing.store.models import JobItem

    with database.session() as session:
        outcomes = dict(session.execute(select(JobItem.outcome, func.count()).where(JobItem.job_id == job_id, JobItem.status == state.DONE)
                                        .group_by(JobItem.outcome)).all())
        failures = state.failures(session, job_id, limit=2**31 - 1)
    stored = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items())) or "nothing stored"
    click.echo(f"{stored}; {len(failures)} failed")
    for failure in failures[:SHOWN_FAILURES]:
        click.echo(f"  {failure.where}: {failure.error_code}: {failure.error_message}", err=True)
    if len(failures) > SHOWN_FAILURES and not errors_path:
        click.echo(f"  ... and {len(failures) - SHOWN_FAILURES} more (--errors FILE lists them all)", err=True)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as file:
            for failure in failures:
                file.write(json.dumps({"where": failure.where, "key": failure.key, "code": failure.error_code,
                                       "message": failure.error_message}, ensure_ascii=False) + "\n")
