"""Storage at scale: ingestion rate, and trend and comparison latency at 10k and 100k articles.

For each database (an SQLite file, and a schema of its own on the PostgreSQL server at
127.0.0.1:5432, database ``test``, dropped at the end):

1. **Ingest** ``--articles`` real articles (default 11,000, so that at least 10,000 are
   stored after the analyzer refuses a few headlines) through ``framing.store.ingest`` with
   two analysis processes, as ``framing ingest --workers 2`` does. The articles are
   recombined from real paragraphs of ``../shared/eval/articles/*.jsonl``: each takes a real
   headline and 4-9 paragraphs of the same outlet's articles, in their original order,
   and gets a date drawn uniformly over 2015-2016 (seeded, so every run stores the same
   articles). Reported: stored articles per second of wall time.
2. **Query at 10k**: ``GET /v1/trends`` (a monthly mean over every outlet, and a monthly
   actor sentiment) and ``GET /v1/compare`` (two outlets, all their articles, with the
   distinctive words) through the Flask app, ``--repeat`` times each: p50 and p95.
3. **Grow to 100k** (``--scale``): the metric rows of the ingested articles are copied
   nine times over as new articles with new dates (drawn the same way), inserted in bulk.
   The copies share their originals' stored revision (text and report), which the queries
   read only for the comparison's word sample; nothing is analysed again.
4. **Query at 100k**, as in 2.

Rerun (about 9 minutes on 2 cores):

    .venv/bin/python benchmarks/store_scale.py

``--explain`` prints PostgreSQL's ``EXPLAIN ANALYZE`` of the trend query at each size.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text

from api.app import create_app
from api.config import Settings
from framing.store import Database
from framing.store.ingest import ingest
from framing.store.models import (
    METRIC_TABLES,
    Article,
    ArticleActorMetrics,
    ArticleMetrics,
)
from framing.store.records import Record
from framing.store.versions import current_analyzer_version

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "eval" / "articles"
POSTGRES_URL = os.environ.get("FRAMING_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
START = datetime(2015, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = 2 * 365 * 86_400
SEED = 20161108
TREND_QUERY = "/v1/trends?metric=hedged_attribution_rate&interval=month"
ACTOR_TREND_QUERY = "/v1/trends?metric=actor_sentiment&actor={actor}&interval=month"
COMPARE_QUERY = "/v1/compare?outlets={first},{second}"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def _random_date(rng: random.Random) -> datetime:
    return START + timedelta(seconds=rng.randrange(SPAN_SECONDS))


def recombined_articles(count: int) -> list[dict]:
    """Real paragraphs of each outlet's articles, recombined into ``count`` new articles."""
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(SOURCES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                by_outlet[row["outlet"]].append(row)
    paragraphs = {}
    for outlet, rows in by_outlet.items():
        paragraphs[outlet] = [
            paragraph for row in rows for paragraph in row["text"].split("\n\n")[1:]  # the first repeats the headline
            if len(paragraph.split()) >= 8
        ]
    rng = random.Random(SEED)
    outlets = sorted(by_outlet)
    articles = []
    for number in range(count):
        outlet = outlets[number % len(outlets)]
        pool = paragraphs[outlet]
        start = rng.randrange(len(pool))
        chosen = sorted(rng.sample(range(len(pool)), rng.randint(3, 8)) + [start])
        headline = rng.choice(by_outlet[outlet])["title"]
        articles.append({"id": f"scale-{number}", "outlet": outlet, "published_at": _random_date(rng).isoformat(),
                         "title": headline, "text": "\n\n".join(pool[index] for index in chosen)})
    return articles


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_queries(url: str, repeat: int) -> dict[str, tuple[float, float]]:
    app = create_app(Settings(database_url=url))
    client = app.test_client()
    database = app.extensions["framing_db"]
    version = current_analyzer_version()
    with database.session() as session:
        outlets = [outlet for outlet, _count in session.execute(
            select(ArticleMetrics.outlet, func.count()).where(ArticleMetrics.analyzer_version == version)
            .group_by(ArticleMetrics.outlet).order_by(func.count().desc(), ArticleMetrics.outlet).limit(2))]
        actor = session.scalar(
            select(ArticleActorMetrics.actor).where(ArticleActorMetrics.analyzer_version == version)
            .group_by(ArticleActorMetrics.actor).order_by(func.count().desc()).limit(1))
    queries = {
        "trends (monthly mean, all outlets)": TREND_QUERY,
        f"trends (actor sentiment, {actor})": ACTOR_TREND_QUERY.format(actor=actor),
        f"compare ({outlets[0]} vs {outlets[1]})": COMPARE_QUERY.format(first=outlets[0], second=outlets[1]),
    }
    figures = {}
    for name, query in queries.items():
        assert client.get(query).status_code == 200, query  # warm: first query plans, caches pages
        samples = []
        for _ in range(repeat if "compare" not in name else max(5, repeat // 3)):
            started = time.perf_counter()
            response = client.get(query)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        figures[name] = percentiles(samples)
    database.dispose()
    return figures


def explain_trend(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        plan = connection.execute(text(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT outlet, date_trunc('month', timezone('UTC', published_at)) AS period, "
            "avg(hedged_attribution_rate), count(*) FROM article_metrics WHERE analyzer_version = :version "
            "GROUP BY outlet, period ORDER BY outlet, period"), {"version": current_analyzer_version()})
        lines = [row[0] for row in plan]
    engine.dispose()
    return "\n".join(lines)


def grow(database: Database, target: int) -> float:
    """Copy the stored articles' metric rows as new articles until ``target`` are stored; seconds taken."""
    started = time.perf_counter()
    rng = random.Random(SEED + 1)
    with database.session() as session:
        originals = session.execute(select(Article.id, Article.outlet, Article.current_revision_id)).all()
        rows = {table: defaultdict(list) for table in METRIC_TABLES}
        for table in METRIC_TABLES:
            columns = [column for column in table.__table__.columns if column.name != "id"]
            for row in session.execute(select(*columns)):
                values = dict(row._mapping)
                rows[table][values["article_id"]].append(values)
        next_id = (session.scalar(select(func.max(Article.id))) or 0) + 1
    copies = 0
    while len(originals) * (copies + 1) < target:
        copies += 1
        articles, metric_rows = [], {table: [] for table in METRIC_TABLES}
        for article_id, outlet, revision_id in originals:
            if len(originals) * copies + len(articles) >= target:
                break
            published = _random_date(rng)
            articles.append({"id": next_id, "key": f"id:scale-copy-{copies}-{article_id}", "outlet": outlet, "published_at": published,
                             "created_at": published, "updated_at": published, "current_revision_id": revision_id})
            for table in METRIC_TABLES:
                for values in rows[table][article_id]:
                    metric_rows[table].append({**values, "article_id": next_id, "published_at": published})
            next_id += 1
        with database.session() as session:
            session.execute(insert(Article), articles)
            for table, values in metric_rows.items():
                for start in range(0, len(values), 20_000):
                    session.execute(insert(table), values[start:start + 20_000])
    if not database.is_sqlite:
        with database.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return time.perf_counter() - started


def run(name: str, url: str, articles: list[dict], scale: int, repeat: int, explain: bool) -> list[str]:
    database = Database(url)
    database.upgrade()
    records = [Record(number, fields) for number, fields in enumerate(articles, start=1)]
    started = time.perf_counter()
    summary = ingest(database, records, workers=2, batch_size=200)
    elapsed = time.perf_counter() - started
    stored = sum(count for status, count in summary.statuses.items() if status == "created")
    print(f"{name}: {stored} stored, {len(summary.failures)} refused, in {elapsed:.1f} s", flush=True)
    if not database.is_sqlite:
        with database.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    lines = [(f"| {name} | ingest {len(articles):,} articles, 2 workers | {stored / elapsed:.1f} articles/s "
              f"({stored:,} stored, {len(summary.failures)} refused, {elapsed:.0f} s) | |")]
    for size, label in ((stored, f"{stored:,} articles"), (scale, f"{scale:,} articles")):
        if size != stored:
            seconds = grow(database, scale)
            print(f"{name}: grown to {scale:,} articles in {seconds:.0f} s", flush=True)
            lines.append(f"| {name} | bulk copy of metric rows to {scale:,} articles | {seconds:.0f} s | |")
        if explain and not database.is_sqlite:
            print(explain_trend(url), flush=True)
        for query, (p50, p95) in time_queries(url, repeat).items():
            lines.append(f"| {name} | {query} at {label} | p50 {p50:.1f} ms | p95 {p95:.1f} ms |")
            print(lines[-1], flush=True)
    database.dispose()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=11_000, help="articles to ingest")
    parser.add_argument("--scale", type=int, default=100_000, help="stored articles after growing")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs of each trend query (a third as many comparisons)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the trend query on PostgreSQL")
    arguments = parser.parse_args()
    articles = recombined_articles(arguments.articles)
    print(f"# store scale, {datetime.now(timezone.utc):%Y-%m-%d}, {machine()}", flush=True)
    lines = []
    backends = arguments.backends.split(",")
    with tempfile.TemporaryDirectory() as directory:
        if "sqlite" in backends:
            lines += run("SQLite", f"sqlite:///{directory}/scale.sqlite3", articles, arguments.scale, arguments.repeat, arguments.explain)
    if "postgresql" in backends:
        schema = f"framing_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(POSTGRES_URL)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
            lines += run("PostgreSQL", url, articles, arguments.scale, arguments.repeat, arguments.explain)
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    print("\n| database | what | figure | |\n|---|---|---|---|")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
