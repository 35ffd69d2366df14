"""PostgreSQL reaches every large-store question through an index, in index order.

Each test runs a store function, catches the SQL it sent, and asks PostgreSQL for the plan
with sequential scans, sorts and whole-table joins penalised: the fixture store is too
small for the planner to prefer an index on its own (on millions of rows it does, see
docs/benchmarks.md), and a penalty is not a ban, so a Sort left in the plan means no index
can give that order. The plan must name the index, read the aggregates instead of the
per-article rows, and, where the query pages or samples, need no Sort: the index order is
the answer's order, so a deep page or a sample reads only the rows it returns.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event

from framing.store import Database
from framing.store.compare import Selection, compare
from framing.store.search import ArticleFilters, find_articles
from framing.store.trends import METRICS, trend
from framing.store.versions import analyzer_version


@pytest.fixture
def postgres(postgres_session_url, database_url, stored, request):
    if not database_url.startswith("postgresql"):
        pytest.skip("query plans are PostgreSQL's")
    database = Database(database_url)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    yield database
    database.dispose()


@pytest.fixture
def version(analysed) -> str:
    return analyzer_version(analysed[0][1]["analyzer"])


@contextmanager
def captured(database):
    statements = []

    def keep(_connection, _cursor, statement, parameters, _context, _executemany):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", keep)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", keep)


def plan(database, statement: str, parameters) -> str:
    with database.engine.connect() as connection:
        for setting in ("seqscan", "sort", "mergejoin", "hashjoin"):
            connection.exec_driver_sql(f"SET enable_{setting} = off")
        rows = connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).all()
        connection.rollback()
    return "\n".join(row[0] for row in rows)


def the_plan(database, statements, *needles: str) -> str:
    """The plan of the one captured statement naming every needle."""
    chosen = [(sql, parameters) for sql, parameters in statements if all(needle in sql for needle in needles)]
    assert len(chosen) == 1, [sql for sql, _ in statements]
    return plan(database, *chosen[0])


def test_an_article_page_deep_in_the_list_reads_the_index_in_order_and_counts_nothing(postgres):
    with postgres.session() as session:
        first = find_articles(session, ArticleFilters(), 2, count_total=False)
    with captured(postgres) as statements, postgres.session() as session:
        page = find_articles(session, ArticleFilters(), 2, first.next_cursor, count_total=False)
    assert page.total is None and len(page.items) == 2
    assert not any("count(" in sql for sql, _ in statements)
    text = the_plan(postgres, statements, "FROM articles")
    assert "Index Scan Backward using ix_articles_published_id" in text and "Sort" not in text, text


def test_a_page_of_one_outlet_reads_the_outlet_index_in_order(postgres):
    with captured(postgres) as statements, postgres.session() as session:
        find_articles(session, ArticleFilters(outlets=["wire"]), 2, count_total=False)
    text = the_plan(postgres, statements, "FROM articles")
    assert "ix_articles_outlet_published_id" in text and "Sort" not in text, text


@pytest.mark.parametrize("metric, actor, index", [
    ("hedged_attribution_rate", None, "rollup_outlet_pkey"),
    ("actor_sentiment", "russia", "rollup_actor_pkey"),
])
def test_trends_read_the_aggregates_by_their_key(postgres, version, metric, actor, index):
    with captured(postgres) as statements, postgres.session() as session:
        trend(session, METRICS[metric], analyzer_version=version, interval="month", actor=actor, since=date(2016, 1, 1))
    text = the_plan(postgres, statements, "rollup_")
    assert index in text and "article_metrics" not in text and "article_actor_metrics" not in text, text


def test_a_comparison_reads_aggregates_and_samples_texts_along_an_index(postgres, version):
    with captured(postgres) as statements, postgres.session() as session:
        compare(session, Selection(["wire", "daily"], version))
    sent = [sql for sql, _ in statements]
    samples = [sql for sql in sent if "sample_rank" in sql]
    assert len(samples) == 2  # one per outlet
    per_article = [sql for sql in sent if "FROM article_" in sql and sql not in samples and "article_revisions" not in sql]
    assert per_article == []  # every figure comes from the rollup_* tables
    top_actors = the_plan(postgres, statements, "FROM rollup_actor", "LIMIT")
    assert "ix_rollup_actor_version_span_outlet_day" in top_actors or "rollup_actor_pkey" in top_actors, top_actors
    sample_plan = plan(postgres, *next((sql, parameters) for sql, parameters in statements if sql == samples[0]))
    assert "Index Only Scan using ix_article_metrics_version_outlet_sample" in sample_plan and "Sort" not in sample_plan, sample_plan
