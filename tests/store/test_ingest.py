"""``framing ingest`` and ``framing reanalyze``: files in, articles stored once, resumable."""
from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from framing.cli import main
from framing.store import Database
from framing.store.fightin_words import word_bag
from framing.store.models import METRIC_TABLES, Article, ArticleMetrics, ArticleRevision
from framing.store.versions import current_analyzer_version
from tests.conftest import SHARED_EVAL
from tests.store.conftest import ARTICLES_FILE, fixture_records

SHARED_ARTICLES = SHARED_EVAL / "articles" / "polnear_train_articles.jsonl"


def run(database_url: str, *args: str):
    result = CliRunner().invoke(main, list(args), env={"FRAMING_DATABASE_URL": database_url}, catch_exceptions=False)
    return result


def counts(database_url: str) -> dict:
    database = Database(database_url)
    with database.session() as session:
        found = {
            "articles": session.scalar(select(func.count()).select_from(Article)),
            "keys": session.scalar(select(func.count(func.distinct(Article.key)))),
            "revisions": session.scalar(select(func.count()).select_from(ArticleRevision)),
            "metrics": session.scalar(select(func.count()).select_from(ArticleMetrics)),
        }
    database.dispose()
    return found


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def many_records(copies: int) -> list[dict]:
    """The fixture articles again under other ids and outlets: distinct articles to store."""
    return [{**record, "id": f"{record['id']}-{copy}", "outlet": f"{record['outlet']}-{copy % 3}"}
            for copy in range(copies) for record in fixture_records()]


def test_ingest_jsonl_then_rerun_changes_nothing(database_url):
    first = run(database_url, "ingest", str(ARTICLES_FILE), "--workers", "1")
    assert first.exit_code == 0 and first.stdout.startswith("8 created; 0 failed")
    again = run(database_url, "ingest", str(ARTICLES_FILE), "--workers", "1")
    assert again.stdout.startswith("8 unchanged; 0 failed")
    assert counts(database_url) == {"articles": 8, "keys": 8, "revisions": 8, "metrics": 8}


def test_ingested_revisions_hold_their_word_bags(database_url, tmp_path):
    """The bulk path (new articles in one statement per table) stores each text's countable words."""
    assert run(database_url, "ingest", str(write_jsonl(tmp_path / "many.jsonl", many_records(3))), "--workers", "1").exit_code == 0
    database = Database(database_url)
    with database.session() as session:
        revisions = session.execute(select(ArticleRevision.text, ArticleRevision.word_bag)).all()
    database.dispose()
    assert len(revisions) == 24 and all(bag == word_bag(text) and bag for text, bag in revisions)


def test_csv_holds_the_same_articles(database_url, tmp_path):
    records = fixture_records()
    path = tmp_path / "articles.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    assert run(database_url, "ingest", str(path), "--workers", "1").stdout.startswith("8 created")
    assert run(database_url, "ingest", str(ARTICLES_FILE), "--workers", "1").stdout.startswith("8 unchanged")


def test_bad_records_are_reported_and_the_rest_stored(database_url, tmp_path):
    good = fixture_records()[:2]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps(good[0]),
        "{not json",
        json.dumps({**good[1], "id": "no-outlet", "outlet": ""}),
        json.dumps({**good[1], "id": "bad-date", "published": "last Tuesday"}),
        json.dumps({**good[1], "id": "german", "text": "Die Regierung hat am Montag neue Maßnahmen beschlossen, sagte ein Sprecher in Berlin zu den Plänen."}),
        json.dumps(good[1]),
    ]) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = run(database_url, "ingest", str(path), "--workers", "1", "--errors", str(errors))
    assert result.exit_code == 0 and result.stdout.startswith("2 created; 4 failed")
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(f["where"], f["code"]) for f in failures] == [
        ("line 2", "invalid_record"), ("line 3", "invalid_record"), ("line 4", "invalid_record"), ("line 5", "unsupported_language")]


def test_repeated_keys_in_one_file(database_url, tmp_path):
    record = fixture_records()[0]
    changed = {**record, "text": record["text"] + "\n\nThe Kremlin did not respond to a request for comment."}
    path = write_jsonl(tmp_path / "repeats.jsonl", [record, record, changed, changed])
    result = run(database_url, "ingest", str(path), "--workers", "1", "--batch-size", "1")
    assert result.stdout.startswith("1 created, 1 revised, 2 unchanged")
    assert counts(database_url) == {"articles": 1, "keys": 1, "revisions": 2, "metrics": 1}


def test_stopped_midway_then_rerun_stores_each_article_once(database_url, tmp_path):
    path = write_jsonl(tmp_path / "articles.jsonl", many_records(2))
    assert run(database_url, "ingest", str(path), "--workers", "1", "--batch-size", "3", "--limit", "7").stdout.startswith("7 created")
    rest = run(database_url, "ingest", str(path), "--workers", "1", "--batch-size", "3")
    assert rest.stdout.startswith("9 created, 7 unchanged")
    assert counts(database_url) == {"articles": 16, "keys": 16, "revisions": 16, "metrics": 16}


def test_killed_ingest_resumes_without_loss_or_duplicates(database_url, tmp_path):
    """A real interruption: SIGKILL while two worker processes analyse, then run again.

    Enough articles (240) that the run outlasts many polls after the first batches land, so
    the kill falls mid-run however fast the machine is."""
    records = many_records(30)
    path = write_jsonl(tmp_path / "articles.jsonl", records)
    command = [sys.executable, "-c", "from framing.cli import main; main()", "ingest", str(path), "--workers", "2", "--batch-size", "4"]
    environment = {**os.environ, "FRAMING_DATABASE_URL": database_url}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        with contextlib.suppress(DBAPIError):  # until the command has migrated the database
            if counts(database_url)["articles"] >= 8:
                break
    os.killpg(process.pid, signal.SIGKILL)  # the command and its workers
    process.wait()
    stored_before = counts(database_url)["articles"]
    assert 0 < stored_before < len(records), "the kill should land mid-run"
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    assert finished.stdout.startswith(f"{len(records) - stored_before} created, {stored_before} unchanged; 0 failed")
    total = len(records)
    assert counts(database_url) == {"articles": total, "keys": total, "revisions": total, "metrics": total}


def test_reanalyze_recomputes_other_versions_only(database_url):
    run(database_url, "ingest", str(ARTICLES_FILE), "--workers", "1")
    database = Database(database_url)
    with database.session() as session:  # as if stored by an earlier analyzer
        old = session.scalars(select(Article.id).order_by(Article.id).limit(3)).all()
        session.execute(update(ArticleRevision).where(ArticleRevision.article_id.in_(old)).values(analyzer_version="0.0.1+old"))
        for table in METRIC_TABLES:
            session.execute(update(table).where(table.article_id.in_(old)).values(analyzer_version="0.0.1+old"))
    assert run(database_url, "reanalyze", "--workers", "1").stdout.startswith("3 reanalysed; 0 failed")
    with database.session() as session:
        for table in (ArticleRevision, *METRIC_TABLES):
            assert set(session.scalars(select(table.analyzer_version))) == {current_analyzer_version()}
    database.dispose()
    assert run(database_url, "reanalyze", "--workers", "1").stdout.startswith("nothing stored; 0 failed")
    assert run(database_url, "reanalyze", "--all", "--workers", "1").stdout.startswith("8 reanalysed")
    assert counts(database_url) == {"articles": 8, "keys": 8, "revisions": 8, "metrics": 8}


@pytest.mark.skipif(not SHARED_ARTICLES.is_file(), reason="needs ../shared/eval/articles")
def test_shared_eval_articles_ingest_as_they_are(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    path = tmp_path / "twenty.jsonl"
    path.write_text("".join(SHARED_ARTICLES.read_text(encoding="utf-8").splitlines(keepends=True)[:20]), encoding="utf-8")
    first = run(url, "ingest", str(path), "--workers", "2", "--batch-size", "5")
    created = int(first.stdout.split(" created")[0])
    failed = int(first.stdout.split("; ")[1].split(" failed")[0])
    assert created + failed == 20 and created >= 15  # a few headlines fail the English check
    assert run(url, "ingest", str(path), "--workers", "2").stdout.startswith(f"{created} unchanged")
