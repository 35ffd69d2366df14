"""``framing ingest``, ``framing reanalyze`` and ``framing db upgrade``.

Each opens the database named by ``FRAMING_DATABASE_URL`` (an SQLite file in the working
directory by default) and brings its schema up to date first, as the API does at start-up.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from framing.jobs.settings import DEFAULT_CHUNK_SIZE
from framing.store.url import database_url_from_env

SHOWN_FAILURES = 10


# SQLAlchemy and the pipeline are imported inside the commands, so that `framing analyze`
# does not pay for loading them.
def _database():
    from framing.store.db import Database

    database = Database(database_url_from_env())
    database.upgrade()
    return database


def _workers(given: int | None) -> int:
    return given or os.cpu_count() or 1


def _report(summary, errors_path: str | None) -> None:
    counts = ", ".join(f"{count} {status}" for status, count in sorted(summary.statuses.items())) or "nothing stored"
    click.echo(f"{counts}; {len(summary.failures)} failed")
    for failure in summary.failures[:SHOWN_FAILURES]:
        click.echo(f"  {failure.where}: {failure.code}: {failure.message}", err=True)
    if len(summary.failures) > SHOWN_FAILURES and not errors_path:
        click.echo(f"  ... and {len(summary.failures) - SHOWN_FAILURES} more (--errors FILE lists them all)", err=True)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as file:
            for failure in summary.failures:
                file.write(json.dumps(failure.__dict__, ensure_ascii=False) + "\n")


workers_option = click.option("--workers", type=click.IntRange(1), help="Analysis processes [default: one per CPU core].")
batch_option = click.option("--batch-size", type=click.IntRange(1, 10_000), default=200, show_default=True,
                            help="Articles written per transaction.")
errors_option = click.option("--errors", "errors_path", type=click.Path(dir_okay=False, writable=True),
                             help="Write every failure to this file (JSON Lines).")


@click.command("ingest")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), help="File format [default: from the extension; .csv is CSV, else JSON Lines].")
@click.option("--limit", type=click.IntRange(1), help="Stop after this many records.")
@workers_option
@batch_option
@errors_option
@click.option("--queue", "queued", is_flag=True, help="Send the records to the workers (`framing worker`, FRAMING_BROKER_URL) "
              "in chunks and wait until every one is stored or failed, instead of analysing here.")
@click.option("--chunk-size", type=click.IntRange(1, 10_000), default=DEFAULT_CHUNK_SIZE, show_default=True, help="With --queue: records per task.")
def ingest_command(file: Path, fmt: str | None, limit: int | None, workers: int | None, batch_size: int, errors_path: str | None,
                   queued: bool, chunk_size: int) -> None:
    """Analyse and store the articles in FILE (JSON Lines or CSV).

    Each record has outlet, published_at (or published / date), text, and optionally title,
    url and id. Safe to rerun after an interruption: articles stored already with the same
    text are skipped without analysis, and none is stored twice.
    """
    from framing.store.ingest import ingest
    from framing.store.records import count_records, file_format, read_records

    fmt = file_format(file, fmt)
    if queued:
        from framing.jobs.cli import ingest_queued

        ingest_queued(file, fmt, limit, chunk_size, errors_path)
        return
    database = _database()
    total = count_records(file, fmt)
    total = min(total, limit) if limit else total
    records = read_records(file, fmt)
    if limit:
        records = (record for _, record in zip(range(limit), records))
    with click.progressbar(length=total, label=f"ingesting {file.name}", file=sys.stderr) as bar:
        summary = ingest(database, records, workers=_workers(workers), batch_size=batch_size, progress=bar.update)
    _report(summary, errors_path)


@click.command("reanalyze")
@click.option("--all", "everything", is_flag=True, help="Reanalyse every stored article, not only those from another analyzer version.")
@workers_option
@batch_option
@errors_option
def reanalyze_command(everything: bool, workers: int | None, batch_size: int, errors_path: str | None) -> None:
    """Recompute the reports of stored articles made by another analyzer version."""
    from framing.store.ingest import reanalyse, stale_articles

    database = _database()
    article_ids = stale_articles(database, everything)
    with click.progressbar(length=len(article_ids), label="reanalysing", file=sys.stderr) as bar:
        summary = reanalyse(database, article_ids, workers=_workers(workers), batch_size=batch_size, progress=bar.update)
    _report(summary, errors_path)


@click.group("db")
def db_group() -> None:
    """The database named by FRAMING_DATABASE_URL (SQLite file framing.sqlite3 by default)."""


@db_group.command("upgrade")
def upgrade_command() -> None:
    """Apply every pending migration (they only ever add; nothing stored is dropped)."""
    from framing.store.db import Database

    database = Database(database_url_from_env())
    before = database.current_revision()
    database.upgrade()
    after = database.current_revision()
    click.echo(f"database at revision {after}" + (f" (was {before or 'empty'})" if before != after else " (up to date)"))
