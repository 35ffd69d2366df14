"""Storing articles: idempotent by key, revisions on changed text, metrics for the current revision only."""
from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from framing.store.articles import CREATED, REVISED, UNCHANGED, UPDATED, ReportNeeded, delete_article, reanalysed, save
from framing.store.ingest import analyse
from framing.store.models import METRIC_TABLES, Article, ArticleActorMetrics, ArticleMetrics, ArticleRevision, as_utc
from framing.store.versions import current_analyzer_version


def _count(session, table, **where) -> int:
    query = select(func.count()).select_from(table)
    for name, value in where.items():
        query = query.where(getattr(table, name) == value)
    return session.scalar(query)


def test_same_key_and_text_is_one_article(database, analysed):
    item, report = analysed[0]
    with database.session() as session:
        first = save(session, item, report)
    with database.session() as session:
        again = save(session, item, None)  # nothing to analyse: stored already
        assert (first.status, again.status) == (CREATED, UNCHANGED)
        assert first.article_id == again.article_id and again.revision == 1
        assert _count(session, Article) == 1 and _count(session, ArticleRevision) == 1 and _count(session, ArticleMetrics) == 1


def test_changed_text_is_a_new_revision_and_replaces_the_metrics(database, analysed):
    item, report = analysed[0]
    changed = replace(item, text=item.text + "\n\nRussia said the strikes would continue.", text_sha256="changed")
    with database.session() as session:
        save(session, item, report)
        with pytest.raises(ReportNeeded):
            save(session, changed, None)
        revised = save(session, changed, analyse(changed))
    assert (revised.status, revised.revision) == (REVISED, 2)
    with database.session() as session:
        article = session.get(Article, revised.article_id)
        current = session.get(ArticleRevision, article.current_revision_id)
        assert current.number == 2 and current.text.endswith("would continue.")
        assert _count(session, ArticleRevision, article_id=article.id) == 2
        assert session.scalar(select(ArticleMetrics.revision_id)) == current.id
        assert _count(session, ArticleMetrics) == 1
        mentions = session.scalar(select(ArticleActorMetrics.mentions).where(ArticleActorMetrics.actor == "russia"))
        russia = next(actor for actor in current.report["document"]["actors"] if actor["actor"] == "russia")
        assert mentions == russia["mentions"]


def test_new_date_or_outlet_updates_the_copies_in_metric_rows(database, analysed):
    item, report = analysed[1]
    moved = replace(item, outlet="wire-europe", published_at=datetime(2016, 3, 1, 12, tzinfo=timezone.utc))
    with database.session() as session:
        save(session, item, report)
        updated = save(session, moved, None)
    assert (updated.status, updated.revision) == (UPDATED, 1)
    with database.session() as session:
        for table in METRIC_TABLES:
            rows = session.execute(select(table.outlet, table.published_at)).all()
            assert all(outlet == "wire-europe" and as_utc(published) == moved.published_at for outlet, published in rows)
        assert session.get(ArticleRevision, 1).report["metadata"]["outlet"] == "wire-europe"


def test_a_title_change_is_a_revision(database, analysed):
    item, report = analysed[2]
    retitled = replace(item, title="Syria peace talks open in Geneva")
    with database.session() as session:
        save(session, item, report)
        assert save(session, retitled, analyse(retitled)).status == REVISED


def test_delete_removes_revisions_and_metrics(database, analysed):
    with database.session() as session:
        kept = save(session, *analysed[4])
        gone = save(session, *analysed[5])
        save(session, replace(analysed[5][0], text=analysed[5][0].text + "\n\nFighting continued.", text_sha256="x"), analyse(analysed[5][0]))
    with database.session() as session:
        assert delete_article(session, gone.article_id)
        assert not delete_article(session, gone.article_id)
    with database.session() as session:
        assert _count(session, ArticleRevision, article_id=gone.article_id) == 0
        for table in METRIC_TABLES:
            assert _count(session, table, article_id=gone.article_id) == 0
        assert _count(session, ArticleMetrics, article_id=kept.article_id) == 1


def test_reanalysis_replaces_the_report_in_place(database, analysed):
    item, report = analysed[0]
    old = copy.deepcopy(report)
    old["analyzer"]["version"] = "0.0.9"
    with database.session() as session:
        stored = save(session, item, old)
        assert session.scalar(select(ArticleMetrics.analyzer_version)).startswith("0.0.9+")
    with database.session() as session:
        reanalysed(session, stored.article_id, report)
    with database.session() as session:
        revision = session.get(ArticleRevision, session.get(Article, stored.article_id).current_revision_id)
        assert revision.number == 1 and revision.analyzer_version == current_analyzer_version()
        assert revision.report["metadata"] == old["metadata"]
        for table in METRIC_TABLES:
            assert set(session.scalars(select(table.analyzer_version))) <= {current_analyzer_version()}
