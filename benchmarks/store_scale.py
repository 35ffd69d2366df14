"""Storage at scale: trend, comparison and article-list latency from 10k to 1M articles.

For each database (an SQLite file; on PostgreSQL a database of its own, ``framing_bench``
on the server at 127.0.0.1:5432, created for the run and dropped at the end):

1. **Ingest** ``--articles`` real articles (default 11,000) through
   ``framing.store.ingest`` with two analysis processes, as ``framing ingest --workers 2``
   does. The articles are recombined from real paragraphs of
   ``../shared/eval/articles/*.jsonl``: each takes a real headline and 4-9 paragraphs of the
   same outlet's articles, in their original order, and a date drawn uniformly over
   2015-2016 (seeded, so every run stores the same articles).
2. **Grow** to each size of ``--scales`` (default 100,000 and 1,000,000 on PostgreSQL;
   SQLite stops at the first): the ingested articles and their metric rows are copied as
   new articles with new dates, in SQL (``INSERT ... SELECT``), and the per-day aggregates
   are rebuilt from the metric rows (``framing.store.rollups.rebuild``, the backfill of
   migration 0004; its time is reported). The copies share their originals' stored revision
   (text and report), which the queries read only for the comparison's word sample. The
   articles' id sequence is moved past the copied ids, so a later ingest into the same
   database does not collide with them.
3. **Query** at each size through the Flask app's test client (routing, validation, query,
   JSON): trends (a monthly mean over every outlet; an actor's monthly sentiment), a
   comparison of the two largest outlets, and the article list: the first page, a page a
   thousand pages deep (reached by cursor), the last pages, and page 1,001 of one outlet.
   p50 and p95 of ``--repeat`` calls after one warm-up call.

Rerun (about 25 minutes on 2 cores, most of it growing to 1M):

    .venv/bin/python -m benchmarks.store_scale --backends postgresql --scales 100000,1000000

``--explain`` prints PostgreSQL's ``EXPLAIN ANALYZE`` of the trend and page queries at each size.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote, urlsplit

from sqlalchemy import create_engine, func, insert, select, text

from api.app import create_app
from api.config import Settings
from framing.store import Database, rollups
from framing.store.compare import _WORDS
from framing.store.ingest import ingest
from framing.store.models import (
    METRIC_TABLES,
    Article,
    ArticleActorMetrics,
    ROLLUP_TABLES,
    ArticleMetrics,
    sample_rank,
)
from framing.store.records import Record
from framing.store.search import encode_cursor

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "eval" / "articles"
POSTGRES_SERVER = os.environ.get("FRAMING_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BENCH_DATABASE = "framing_bench"
START = datetime(2015, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = 2 * 365 * 86_400
SEED = 20161108
TREND_QUERY = "/v1/trends?metric=hedged_attribution_rate&interval=month&analyzer_version={version}"
ACTOR_TREND_QUERY = "/v1/trends?metric=actor_sentiment&actor={actor}&interval=month&analyzer_version={version}"
COMPARE_QUERY = "/v1/compare?outlets={first},{second}&analyzer_version={version}"
PAGE_SIZE = 50
DEEP_PAGES = 1000


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def load() -> str:
    """The machine's load averages now (1, 5, 15 minutes): the machine is shared."""
    return "load " + " ".join(f"{value:.2f}" for value in os.getloadavg())


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


def _cursor_after(client, path: str, pages: int) -> str | None:
    """The cursor of a page ``pages`` deep (or of the last page), found by walking the list."""
    cursor = None
    for _ in range(pages):
        body = client.get(path + (f"&cursor={cursor}" if cursor else "")).get_json()
        if body["next_cursor"] is None:
            break
        cursor = body["next_cursor"]
    return cursor


def time_queries(url: str, repeat: int) -> dict[str, tuple[float, float]]:
    app = create_app(Settings(database_url=url))
    client = app.test_client()
    database = app.extensions["framing_db"]
    with database.session() as session:  # the version the store holds (a later checkout may analyse differently)
        version = session.scalar(select(ArticleMetrics.analyzer_version).group_by(ArticleMetrics.analyzer_version)
                                 .order_by(func.count().desc()).limit(1))
        outlets = [outlet for outlet, _count in session.execute(
            select(ArticleMetrics.outlet, func.count()).where(ArticleMetrics.analyzer_version == version)
            .group_by(ArticleMetrics.outlet).order_by(func.count().desc(), ArticleMetrics.outlet).limit(2))]
        actor = session.scalar(
            select(ArticleActorMetrics.actor).where(ArticleActorMetrics.analyzer_version == version)
            .group_by(ArticleActorMetrics.actor).order_by(func.count().desc()).limit(1))
    with database.session() as session:  # the page before the last: its cursor is the 60th-oldest article
        near_the_end = encode_cursor(session.scalars(select(Article).order_by(Article.published_at, Article.id).offset(60).limit(1)).one())
    every = f"/v1/articles?limit={PAGE_SIZE}"
    one = f"/v1/articles?limit={PAGE_SIZE}&outlet={outlets[0]}"
    queries = {
        "trends (monthly mean, all outlets)": TREND_QUERY.format(version=quote(version)),
        f"trends (actor sentiment, {actor})": ACTOR_TREND_QUERY.format(actor=actor, version=quote(version)),
        f"compare ({outlets[0]} vs {outlets[1]})": COMPARE_QUERY.format(first=outlets[0], second=outlets[1], version=quote(version)),
        "article list, first page": every,
        f"article list, page {DEEP_PAGES + 1:,}": f"{every}&cursor={_cursor_after(client, every, DEEP_PAGES)}",
        "article list, the last pages": f"{every}&cursor={near_the_end}",
        f"article list, one outlet, page {DEEP_PAGES + 1:,}": f"{one}&cursor={_cursor_after(client, one, DEEP_PAGES)}",
    }
    compare_query = queries[f"compare ({outlets[0]} vs {outlets[1]})"]
    queries[f"compare ({outlets[0]} vs {outlets[1]}), words counted afresh"] = compare_query
    figures = {}
    for name, query in queries.items():
        assert client.get(query).status_code == 200, query  # warm: first query plans, caches pages
        samples = []
        for _ in range(repeat):
            if name.endswith("afresh"):
                _WORDS.entries.clear()  # as for a comparison never asked before
            started = time.perf_counter()
            response = client.get(query)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        figures[name] = percentiles(samples)
    database.dispose()
    return figures


def aggregate_rows(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        counts = {table.__table__.name: connection.scalar(select(func.count()).select_from(table)) for table in ROLLUP_TABLES}
    engine.dispose()
    return ", ".join(f"{name} {count:,}" for name, count in counts.items())


def explain(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        lines = []
        for query in (
            "SELECT outlet, date_trunc('month', CAST(day AS TIMESTAMP)) AS period, "
            "sum(hedged_attribution_rate_sum) / nullif(sum(hedged_attribution_rate_n), 0), sum(articles) "
            "FROM rollup_outlet WHERE analyzer_version = :version AND span = 'month' "
            "GROUP BY outlet, period ORDER BY outlet, period",
            "SELECT id FROM articles ORDER BY published_at DESC, id DESC LIMIT 51",
        ):
            version = connection.scalar(text("SELECT analyzer_version FROM article_metrics LIMIT 1"))
            plan = connection.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {query}"), {"version": version})
            lines += [row[0] for row in plan] + [""]
    engine.dispose()
    return "\n".join(lines)


def _copy_date(new_id: str) -> str:
    """A date spread over 2015-2016, a fixed function of the copy's id, in SQL."""
    return (f"TIMESTAMPTZ '{START.isoformat()}' + make_interval(secs => "
            f"(({new_id})::bigint * 2654435761 % {SPAN_SECONDS})::double precision)")


def grow_in_postgresql(database: Database, target: int) -> None:
    """Copy the ingested articles and their metric rows in SQL until ``target`` articles are stored."""
    with database.engine.begin() as connection:
        originals = connection.execute(text("SELECT count(*), max(id) FROM articles WHERE key NOT LIKE 'id:scale-copy-%'")).one()
        stored = connection.scalar(text("SELECT count(*) FROM articles"))
        stride = originals[1]
        copy = connection.scalar(text("SELECT coalesce(max(id), 0) FROM articles")) // stride
        while stored < target:
            copy += 1
            wanted = min(originals[0], target - stored)
            offset = copy * stride
            connection.execute(text(
                "CREATE TEMPORARY TABLE chosen ON COMMIT DROP AS "
                f"SELECT id FROM articles WHERE id <= {stride} ORDER BY id LIMIT {wanted}"))
            new_id = f"a.id + {offset}"
            connection.execute(text(
                "INSERT INTO articles (id, key, outlet, url, title, published_at, created_at, updated_at, current_revision_id) "
                f"SELECT {new_id}, 'id:scale-copy-{copy}-' || a.id, a.outlet, NULL, a.title, {_copy_date(new_id)}, now(), now(), "
                "a.current_revision_id FROM articles a JOIN chosen USING (id)"))
            for table in METRIC_TABLES:
                columns = [column.name for column in table.__table__.columns if column.name not in ("id", "article_id", "published_at", "sample_rank")]
                new_id = f"m.article_id + {offset}"
                extra_columns, extra_values = (", sample_rank", f", ({new_id})::bigint * 2654435761 % 4294967296") if table is ArticleMetrics else ("", "")
                connection.execute(text(
                    f"INSERT INTO {table.__tablename__} (article_id, published_at, {', '.join(columns)}{extra_columns}) "
                    f"SELECT {new_id}, {_copy_date(new_id)}, {', '.join('m.' + name for name in columns)}{extra_values} "
                    f"FROM {table.__tablename__} m JOIN chosen ON chosen.id = m.article_id"))
            connection.execute(text("DROP TABLE chosen"))
            stored += wanted
        # the copies took explicit ids: move the sequence past them, or the next ingest collides
        connection.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))"))


def grow_in_sqlite(database: Database, target: int) -> None:
    """As :func:`grow_in_postgresql`, row by row through SQLAlchemy (SQLite has no make_interval)."""
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
                    extra = {"sample_rank": sample_rank(next_id)} if table is ArticleMetrics else {}
                    metric_rows[table].append({**values, "article_id": next_id, "published_at": published, **extra})
            next_id += 1
        with database.engine.begin() as connection:
            connection.execute(insert(Article), articles)
            for table, values in metric_rows.items():
                for start in range(0, len(values), 20_000):
                    connection.execute(insert(table), values[start:start + 20_000])


def grow(database: Database, target: int) -> tuple[float, float]:
    """Seconds to copy articles up to ``target``, and to rebuild the aggregates from their metric rows."""
    started = time.perf_counter()
    (grow_in_sqlite if database.is_sqlite else grow_in_postgresql)(database, target)
    copied = time.perf_counter()
    with database.engine.begin() as connection:
        rollups.rebuild(connection)
    if not database.is_sqlite:
        with database.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    return copied - started, time.perf_counter() - copied


def run(name: str, url: str, articles: list[dict], scales: list[int], repeat: int, explain_plans: bool, resume: bool = False) -> list[str]:
    database = Database(url)
    database.upgrade()
    lines = []
    if not resume:
        records = [Record(number, fields) for number, fields in enumerate(articles, start=1)]
        started = time.perf_counter()
        summary = ingest(database, records, workers=2, batch_size=200)
        elapsed = time.perf_counter() - started
        stored = sum(count for status, count in summary.statuses.items() if status == "created")
        print(f"{name}: {stored} stored, {len(summary.failures)} refused, in {elapsed:.1f} s ({load()})", flush=True)
        lines.append(f"| {name} | ingest {len(articles):,} articles, 2 processes | {stored / elapsed:.1f} articles/s "
                     f"({stored:,} stored, {len(summary.failures)} refused, {elapsed:.0f} s) | | {load()} |")
    for size in scales:
        copy_seconds, rebuild_seconds = grow(database, size)
        with database.engine.connect() as connection:
            size = connection.scalar(text("SELECT count(*) FROM articles"))
        lines.append(f"| {name} | copy to {size:,} articles; rebuild the aggregates | {copy_seconds:.0f} s | {rebuild_seconds:.0f} s | {load()} |")
        print(lines[-1], flush=True)
        print(f"aggregate rows at {size:,}: {aggregate_rows(url)}", flush=True)
        if explain_plans and not database.is_sqlite:
            print(explain(url), flush=True)
        for query, (p50, p95) in time_queries(url, repeat).items():
            lines.append(f"| {name} | {query} at {size:,} articles | p50 {p50:.1f} ms | p95 {p95:.1f} ms | {load()} |")
            print(lines[-1], flush=True)
    database.dispose()
    return lines


def _createdb(server: str, name: str) -> str:
    parts = urlsplit(server)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return parts._replace(path=f"/{name}").geturl()


def _dropdb(server: str, name: str) -> None:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=11_000, help="articles to ingest")
    parser.add_argument("--scales", default="100000,1000000", help="stored articles after each growing step")
    parser.add_argument("--repeat", type=int, default=30, help="timed calls of each query")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database (framing_bench) for a later look")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the trend and page queries on PostgreSQL")
    parser.add_argument("--query-only", metavar="URL", help="only time the queries on a store kept by --keep (to measure again)")
    parser.add_argument("--resume", action="store_true", help="PostgreSQL: go on growing the kept framing_bench store instead of ingesting anew")
    arguments = parser.parse_args()
    if arguments.query_only:
        print(f"# store scale, queries only, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {machine()}, {load()}", flush=True)
        print(aggregate_rows(arguments.query_only), flush=True)
        for query, (p50, p95) in time_queries(arguments.query_only, arguments.repeat).items():
            print(f"| PostgreSQL | {query} | p50 {p50:.1f} ms | p95 {p95:.1f} ms | {load()} |", flush=True)
        return
    scales = [int(size) for size in arguments.scales.split(",")]
    articles = recombined_articles(arguments.articles)
    print(f"# store scale, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {machine()}, {load()}", flush=True)
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
    lines = []
    backends = arguments.backends.split(",")
    with tempfile.TemporaryDirectory() as directory:
        if "sqlite" in backends:
            lines += run("SQLite", f"sqlite:///{directory}/scale.sqlite3", articles, scales[:1], arguments.repeat, arguments.explain)
    if "postgresql" in backends:
        url = (urlsplit(POSTGRES_SERVER)._replace(path=f"/{BENCH_DATABASE}").geturl() if arguments.resume
               else _createdb(POSTGRES_SERVER, BENCH_DATABASE))
        try:
            lines += run("PostgreSQL", url, articles, scales, arguments.repeat, arguments.explain, arguments.resume)
        finally:
            if not arguments.keep:
                _dropdb(POSTGRES_SERVER, BENCH_DATABASE)
    print("\n| database | what | figure | | load (1, 5, 15 min) |\n|---|---|---|---|---|")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
