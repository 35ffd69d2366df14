"""The per-day aggregates give what the per-article queries gave, on SQLite and PostgreSQL,
and stay right when articles are deleted, revised, re-dated or reanalysed."""
from __future__ import annotations

import copy
from dataclasses import asdict, replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, literal_column, select, text

from framing.store import rollups
from framing.store.articles import ArticleInput, delete_article, reanalysed, save, save_many
from framing.store.ingest import analyse
from framing.store.compare import ARTICLE_ROWS, DAY_AGGREGATES, Selection, compare_with
from framing.store.days import end_of, start_of
from framing.store.models import ROLLUP_TABLES, Article, ArticleActorMetrics, ArticleMetrics
from framing.store.trends import INTERVALS, METRICS, trend
from framing.store.versions import analyzer_version
from tests.store.aggregates import assert_equal_to_a_rebuild, assert_rows_equal, rebuilt, rollup_rows


def per_article_trend(session, metric, *, analyzer_version, interval, outlets=None, actor=None, since=None, until=None):
    """The trend query as it read the per-article metric rows before the aggregates existed."""
    table = metric.table
    if session.get_bind().dialect.name == "postgresql":
        period = func.date_trunc(literal_column(f"'{interval}'"), func.timezone(literal_column("'UTC'"), table.published_at))
    elif interval == "day":
        period = func.date(table.published_at)
    elif interval == "week":
        period = func.date(table.published_at, literal_column("'weekday 0'"), literal_column("'-6 days'"))
    else:
        period = func.strftime(literal_column("'%Y-%m-01'"), table.published_at)
    if metric.name == "actor_sentiment":
        value = func.sum(table.mean_sentiment * table.mentions) / func.nullif(func.sum(table.mentions), 0)
    elif metric.name == "actor_mentions":
        value = func.avg(table.mentions)
    elif metric.name == "actor_citations":
        value = func.avg(table.cited)
    else:
        value = func.avg(getattr(table, metric.name))
    period = period.label("period")
    query = (select(table.outlet, period, value, func.count()).where(table.analyzer_version == analyzer_version)
             .group_by(table.outlet, period).order_by(table.outlet, period))
    if metric.needs_actor:
        query = query.where(table.actor == actor)
    if outlets:
        query = query.where(table.outlet.in_(outlets))
    if since:
        query = query.where(table.published_at >= start_of(since))
    if until:
        query = query.where(table.published_at < end_of(until))
    return {
        outlet_name: [(str(start)[:10], None if value is None else round(float(value), 4), count) for o, start, value, count in rows]
        for outlet_name, rows in _by_outlet(session.execute(query)).items()
    }


def same(found, expected) -> bool:
    """Equal, except that a float rounded to four places may differ in its last place: sums of
    the same values in another order (or after an article was taken out of a sum) can fall on
    the other side of a rounding boundary."""
    if isinstance(found, float) and isinstance(expected, float):
        return abs(found - expected) <= 1.0001e-4
    if isinstance(found, dict) and isinstance(expected, dict):
        return found.keys() == expected.keys() and all(same(found[key], expected[key]) for key in found)
    if isinstance(found, (list, tuple)) and isinstance(expected, (list, tuple)):
        return len(found) == len(expected) and all(same(a, b) for a, b in zip(found, expected))
    return found == expected


def _by_outlet(rows):
    grouped = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(tuple(row))
    return grouped


def _trend(session, metric, **options):
    return {line.outlet: [(point.period.isoformat(), point.value, point.articles) for point in line.points]
            for line in trend(session, metric, **options)}


@pytest.fixture
def version(analysed) -> str:
    return analyzer_version(analysed[0][1]["analyzer"])


@pytest.fixture
def spread(database, analysed):
    """The fixture articles again on other days and outlets, so days, weeks and months hold several."""
    with database.session() as session:
        for copy_number in range(1, 5):
            for number, (item, report) in enumerate(analysed):
                moved = ArticleInput.build(
                    outlet=("wire", "daily", "post")[(number + copy_number) % 3], text=item.text, title=item.title,
                    published_at=item.published_at + timedelta(days=3 * copy_number + number % 2), client_id=f"copy-{copy_number}-{number}",
                )
                save(session, moved, report)
    return analysed


def _actors(database, version) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(ArticleActorMetrics.actor).where(ArticleActorMetrics.analyzer_version == version)
                                    .group_by(ArticleActorMetrics.actor).order_by(func.count().desc(), ArticleActorMetrics.actor).limit(3)))


def _assert_trends_equal(database, version):
    options = [{}, {"outlets": ["wire", "post"]}, {"since": date(2016, 1, 5), "until": date(2016, 1, 31)},
               {"since": date(2016, 1, 1), "until": date(2016, 2, 29)}, {"since": date(2016, 1, 9), "until": date(2016, 3, 3)},
               {"since": date(2016, 2, 1)}, {"until": date(2016, 2, 10)}]
    with database.session() as session:
        for metric in METRICS.values():
            for actor in (_actors(database, version) if metric.needs_actor else [None]):
                for interval in INTERVALS:
                    for option in options:
                        query = {"analyzer_version": version, "interval": interval, "actor": actor, **option}
                        expected = per_article_trend(session, metric, **query)
                        assert expected, (metric.name, query)
                        found = _trend(session, metric, **query)
                        assert same(found, expected), (metric.name, query, found, expected)


def test_trends_equal_the_per_article_query(database, stored, spread, version):
    _assert_trends_equal(database, version)


SELECTIONS = [
    {"outlets": ["wire", "daily"]},
    {"outlets": ["wire", "post"], "since": date(2016, 1, 1), "until": date(2016, 1, 31)},
    {"outlets": ["wire", "post"], "since": date(2016, 1, 9), "until": date(2016, 3, 3)},
    {"outlets": ["daily", "post"], "until": date(2016, 2, 3)},
    {"outlets": ["post", "wire", "daily"], "since": date(2016, 1, 6), "until": date(2016, 2, 10)},
    {"outlets": ["daily", "nobody"]},
]


def _assert_comparisons_equal(database, version):
    with database.session() as session:
        for options in SELECTIONS:
            selection = Selection(analyzer_version=version, **options)
            from_days = compare_with(DAY_AGGREGATES, session, selection, limit=5)
            from_rows = compare_with(ARTICLE_ROWS, session, selection, limit=5)
            assert from_days.outlets[0].articles > 0
            assert same(asdict(from_days), asdict(from_rows)), options


def test_comparisons_equal_the_per_article_queries(database, stored, spread, version):
    _assert_comparisons_equal(database, version)


def test_kept_right_through_delete_revise_redate_and_reanalyse(database, stored, spread, version):
    with database.session() as session:
        ids = list(session.scalars(select(Article.id).order_by(Article.id)))
        delete_article(session, ids[0])
    item, report = stored[1]
    with database.session() as session:  # revised: a new text, so a new report replaces the rows
        other_item, other_report = stored[2]
        save(session, replace(item, text=other_item.text, text_sha256=other_item.text_sha256), other_report)
    with database.session() as session:  # updated: the same text moved to another outlet and month
        item, report = stored[3]
        save(session, replace(item, outlet="post", published_at=item.published_at + timedelta(days=40)), None)
    with database.session() as session:  # reanalysed by "another analyzer": the same article under a new version
        changed = copy.deepcopy(stored[4][1])
        changed["document"]["counts"]["hedged_attributions"] = 0
        article_id = session.scalar(select(Article.id).where(Article.key == stored[4][0].key))
        reanalysed(session, article_id, changed)
    incremental = rollup_rows(database)
    assert_rows_equal(incremental, rebuilt(database))
    _assert_trends_equal(database, version)
    _assert_comparisons_equal(database, version)


def test_bulk_writes_equal_a_rebuild(database, analysed):
    """``save_many``, as ingest and the workers store a chunk: new articles in one statement
    per table, a key seen twice in the batch revised after them, a stored key re-dated."""
    items = [ArticleInput.build(outlet=("wire", "daily", "post")[number % 3], text=item.text, title=item.title,
                                published_at=item.published_at + timedelta(days=11 * number), client_id=f"bulk-{number}")
             for number, (item, _report) in enumerate(analysed * 3)]
    reports = [report for _item, report in analysed * 3]
    with database.session() as session:
        save(session, items[0], reports[0])
    twice = replace(items[1], text=analysed[2][0].text, text_sha256=analysed[2][0].text_sha256)
    with database.session() as session:
        pending = [(replace(items[0], outlet="post"), None), *zip(items[1:], reports[1:]), (twice, analysed[2][1])]
        statuses = [stored.status for stored in save_many(session, pending, analyse)]
    assert statuses[0] == "updated" and statuses[-1] == "revised" and statuses.count("created") == len(items) - 1
    assert_equal_to_a_rebuild(database)


def test_deleting_every_article_empties_the_aggregates(database, stored):
    with database.session() as session:
        for article_id in session.scalars(select(Article.id)).all():
            delete_article(session, article_id)
    assert all(rows == [] for rows in rollup_rows(database).values())


def test_migration_backfills_a_store_made_before_the_aggregates(database, stored, spread, version):
    """A store at main's revision 0003, API keys included (no aggregates, no sample rank, no jobs, no story watermark),
    is brought up with its aggregates and keeps its keys."""
    expected = rollup_rows(database)
    with database.engine.begin() as connection:
        for table in ("job_items", "job_chunks", "jobs", *(table.__table__.name for table in ROLLUP_TABLES)):
            connection.execute(text(f"DROP TABLE {table}"))
        connection.execute(text("DROP INDEX ix_article_metrics_version_outlet_sample"))
        connection.execute(text("ALTER TABLE article_metrics DROP COLUMN sample_rank"))
        connection.execute(text("DROP INDEX ix_articles_published_id"))
        connection.execute(text("DROP INDEX ix_articles_outlet_published_id"))
        connection.execute(text("CREATE INDEX ix_articles_outlet ON articles (outlet)"))
        connection.execute(text("CREATE INDEX ix_articles_published_at ON articles (published_at)"))
        for name, table, columns in (
            ("ix_article_metrics_version_published", "article_metrics", "analyzer_version, published_at"),
            ("ix_article_side_metrics_version_outlet_published", "article_side_metrics", "analyzer_version, outlet, published_at"),
            ("ix_article_source_type_metrics_version_outlet_published", "article_source_type_metrics", "analyzer_version, outlet, published_at"),
            ("ix_article_term_metrics_version_outlet_published", "article_term_metrics", "analyzer_version, outlet, published_at"),
            ("ix_article_term_metrics_version_actor_outlet", "article_term_metrics", "analyzer_version, actor, outlet"),
        ):
            connection.execute(text(f"CREATE INDEX {name} ON {table} ({columns})"))
        connection.execute(text("ALTER TABLE story_builds DROP COLUMN last_article_id"))  # added by 0006
        connection.execute(text("ALTER TABLE article_revisions DROP COLUMN word_bag"))  # added by 0007
        connection.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    database.dispose()
    database.upgrade()
    assert_rows_equal(rollup_rows(database), expected)
    with database.session() as session:
        ranks = session.execute(select(ArticleMetrics.article_id, ArticleMetrics.sample_rank)).all()
    assert ranks and all(rank == (article_id * 2_654_435_761) % 2**32 for article_id, rank in ranks)
