"""Writing articles: store a report under the article's key, revise, reanalyse, delete.

Idempotency is by key (see ``framing.store.keys``): the same key with the same text and
title is ``unchanged`` and writes nothing; a changed text or title is a new revision
(``revised``); the same content with a corrected outlet, URL or date is ``updated`` in
place. Analysis is the caller's job: :func:`needs_analysis` says, before any analysis
runs, which items a report is needed for, and :func:`save` stores what it is given.
Metric rows are rebuilt from the stored report whenever it changes, so they always
describe the current revision, and the aggregates (``framing.store.rollups``) change with
them in the same transaction.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from framing.store import bulk, rollups
from framing.store.fightin_words import word_bag
from framing.store.keys import article_key, sha256
from framing.store.metrics import metrics_rows
from framing.store.models import METRIC_TABLES, Article, ArticleMetrics, ArticleRevision, Base, sample_rank, utcnow
from framing.store.versions import analyzer_version

CREATED, REVISED, UPDATED, UNCHANGED = "created", "revised", "updated", "unchanged"


@dataclass(frozen=True)
class ArticleInput:
    """One article as a client or a file gives it; ``key`` and ``text_sha256`` derive from it."""

    key: str
    outlet: str
    published_at: datetime
    text: str
    text_sha256: str
    title: str | None = None
    url: str | None = None
    html: str | None = None

    @classmethod
    def build(cls, *, outlet: str, published_at: datetime, text: str, title: str | None = None,
              url: str | None = None, client_id: str | None = None, html: str | None = None) -> ArticleInput:
        return cls(
            key=article_key(client_id, url, text), outlet=outlet, published_at=utc(published_at), text=text,
            text_sha256=sha256(text), title=title or None, url=url or None, html=html,
        )

    def metadata(self) -> dict:
        """What goes into the report's ``metadata``, as for ``POST /v1/analyze``."""
        return {
            "outlet": self.outlet, "published_at": self.published_at.isoformat(),
            **({"url": self.url} if self.url else {}),
        }


@dataclass(frozen=True)
class Snapshot:
    """What is stored under a key, enough to decide whether an item needs analysing."""

    article_id: int
    text_sha256: str
    title: str | None
    outlet: str
    url: str | None
    published_at: datetime

    @classmethod
    def of(cls, item: ArticleInput, article_id: int) -> Snapshot:
        return cls(article_id, item.text_sha256, item.title, item.outlet, item.url, item.published_at)

    def same_content(self, item: ArticleInput) -> bool:
        return self.text_sha256 == item.text_sha256 and self.title == item.title

    def same_metadata(self, item: ArticleInput) -> bool:
        return (self.outlet, self.url, utc(self.published_at)) == (item.outlet, item.url, item.published_at)


@dataclass(frozen=True)
class Stored:
    article_id: int
    revision: int
    status: str


class ReportNeeded(Exception):
    """The stored content differs from the item's (another writer changed it since it was
    planned), so the item must be analysed before it can be stored."""


def utc(moment: datetime) -> datetime:
    """Every stored time is UTC; a time without a zone is taken as UTC."""
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def snapshots(session: Session, keys: Iterable[str]) -> dict[str, Snapshot]:
    """The stored state of each key that exists, in one query."""
    keys = list(set(keys))
    found: dict[str, Snapshot] = {}
    for start in range(0, len(keys), 500):  # stay under every driver's bound-parameter limit
        rows = session.execute(
            select(Article.key, Article.id, ArticleRevision.text_sha256, ArticleRevision.title,
                   Article.outlet, Article.url, Article.published_at)
            .join(ArticleRevision, ArticleRevision.id == Article.current_revision_id)
            .where(bulk.one_of(session, Article.key, keys[start:start + 500]))
        )
        for key, *state in rows:
            found[key] = Snapshot(*state)
    return found


def needs_analysis(item: ArticleInput, snapshot: Snapshot | None) -> bool:
    return snapshot is None or not snapshot.same_content(item)


def save(session: Session, item: ArticleInput, report: dict | None) -> Stored:
    """Store ``item``; ``report`` (its analysis) may be None only when its content is stored already.

    Raises :class:`ReportNeeded` if the item's content is new and no report was given.
    """
    article = session.scalar(select(Article).where(Article.key == item.key))
    if article is None:
        if report is None:
            raise ReportNeeded(item.key)
        article = Article(key=item.key, outlet=item.outlet, url=item.url, title=item.title, published_at=item.published_at)
        session.add(article)
        session.flush()
        revision = _add_revision(session, article, item, report, number=1)
        return Stored(article.id, revision.number, CREATED)

    current = session.get(ArticleRevision, article.current_revision_id)
    if current is not None and current.text_sha256 == item.text_sha256 and current.title == item.title:
        stored = Snapshot(article.id, current.text_sha256, current.title, article.outlet, article.url, article.published_at)
        if stored.same_metadata(item):
            return Stored(article.id, current.number, UNCHANGED)
        _set_metadata(session, article, item)
        current.report = {**current.report, "metadata": item.metadata()}
        return Stored(article.id, current.number, UPDATED)

    if report is None:
        raise ReportNeeded(item.key)
    number = (session.scalar(select(func.max(ArticleRevision.number)).where(ArticleRevision.article_id == article.id)) or 0) + 1
    _set_metadata(session, article, item)
    revision = _add_revision(session, article, item, report, number=number)
    return Stored(article.id, revision.number, REVISED)


def save_many(session: Session, pending: list[tuple[ArticleInput, dict | None]],
              analyse: Callable[[ArticleInput], dict]) -> list[Stored]:
    """:func:`save` for several items, in order, with the new ones written in bulk.

    An ingest stores mostly new articles; writing them row by row costs about ten round
    trips to the database each, as much time as analysing them. Keys not stored yet are
    inserted together (one statement per table for the whole batch); the rest (a key seen
    before, or twice in the batch) go through :func:`save`, after them, which gives the
    same outcome as saving in order. ``analyse`` makes a report for an item whose stored
    content changed since it was planned (:class:`ReportNeeded`).
    """
    stored_keys = set()
    keys = list({item.key for item, _report in pending})
    for start in range(0, len(keys), 500):
        stored_keys.update(session.scalars(select(Article.key).where(bulk.one_of(session, Article.key, keys[start:start + 500]))))
    fresh: dict[str, int] = {}  # key -> position of its first item, when new and analysed
    for position, (item, report) in enumerate(pending):
        if item.key not in stored_keys and item.key not in fresh and report is not None:
            fresh[item.key] = position
    results: dict[int, Stored] = {}
    if fresh:
        results.update(_create_many(session, [(position, *pending[position]) for position in fresh.values()]))
    for position, (item, report) in enumerate(pending):
        if position in results:
            continue
        try:
            results[position] = save(session, item, report)
        except ReportNeeded:
            results[position] = save(session, item, analyse(item))
    return [results[position] for position in range(len(pending))]


def _create_many(session: Session, new: list[tuple[int, ArticleInput, dict]]) -> dict[int, Stored]:
    now = utcnow()
    articles = [{"key": item.key, "outlet": item.outlet, "url": item.url, "title": item.title, "published_at": item.published_at,
                 "created_at": now, "updated_at": now} for _position, item, _report in new]
    revisions = [{"number": 1, "title": item.title, "text": item.text, "text_sha256": item.text_sha256, "html": item.html,
                  "word_bag": word_bag(item.text),
                  "analyzer_version": analyzer_version(report["analyzer"]), "corpora_versions": report["analyzer"]["corpora"],
                  "report": report, "created_at": now, "analyzed_at": now} for _position, item, report in new]
    article_ids = _insert_articles(session, articles, revisions)
    rows: dict[type, list[dict]] = {table: [] for table in METRIC_TABLES}
    for article_id, revision, (_position, item, report) in zip(article_ids, revisions, new):
        facts = {"article_id": article_id, "outlet": item.outlet, "published_at": item.published_at}
        rows_by_table = list(metrics_rows(report).by_table())
        for table, table_rows in rows_by_table:
            extra = {"revision_id": revision["id"], "sample_rank": sample_rank(article_id)} if table is ArticleMetrics else {}
            rows[table].extend({**row, **facts, **extra} for row in table_rows)
        rollups.add(session, rows_by_table, item.outlet, item.published_at)
    for table, table_rows in rows.items():
        bulk.insert(session, table.__table__, table_rows)
    return {position: Stored(article_id, 1, CREATED) for article_id, (position, _item, _report) in zip(article_ids, new)}


def _insert_articles(session: Session, articles: list[dict], revisions: list[dict]) -> list[int]:
    """Insert new articles, each with its first revision (``revisions[i]`` gets its ``id``
    and ``article_id``); the articles' ids.

    On PostgreSQL both ids are drawn from their sequences first, in one query, so an article
    is written once, already pointing at its revision. SQLite (in-process, one writer)
    inserts the articles, then the revisions, then points each article at its revision.
    """
    if bulk.is_postgresql(session):
        ids = session.execute(text(
            "SELECT nextval(pg_get_serial_sequence('articles', 'id')), nextval(pg_get_serial_sequence('article_revisions', 'id')) "
            "FROM generate_series(1, :count)"), {"count": len(articles)}).all()
        for article, revision, (article_id, revision_id) in zip(articles, revisions, ids):
            article.update(id=article_id, current_revision_id=revision_id)
            revision.update(id=revision_id, article_id=article_id)
        bulk.insert(session, Article.__table__, articles)
        session.execute(ArticleRevision.__table__.insert(), revisions)
        return [article_id for article_id, _revision_id in ids]
    article_ids = session.scalars(insert(Article).returning(Article.id, sort_by_parameter_order=True), articles).all()
    for revision, article_id in zip(revisions, article_ids):
        revision["article_id"] = article_id
    revision_ids = session.scalars(insert(ArticleRevision).returning(ArticleRevision.id, sort_by_parameter_order=True), revisions).all()
    for revision, revision_id in zip(revisions, revision_ids):
        revision["id"] = revision_id
    session.execute(update(Article), [{"id": article_id, "current_revision_id": revision_id}
                                      for article_id, revision_id in zip(article_ids, revision_ids)])
    return article_ids


def reanalysed(session: Session, article_id: int, report: dict) -> None:
    """Replace the current revision's report with one made by a newer analyzer (same text)."""
    article = session.get(Article, article_id)
    revision = session.get(ArticleRevision, article.current_revision_id)
    revision.report = {**report, "metadata": revision.report.get("metadata", {})}
    revision.analyzer_version = analyzer_version(report["analyzer"])
    revision.corpora_versions = report["analyzer"]["corpora"]
    revision.analyzed_at = utcnow()
    _replace_metrics(session, article, revision, report)


def delete_article(session: Session, article_id: int) -> bool:
    """Delete an article with every row that refers to it (revisions, metrics, ...); False if there is none.

    The rows are deleted here rather than left to ``ON DELETE CASCADE``, which SQLite
    ignores unless foreign keys are switched on for each connection.
    """
    if session.get(Article, article_id) is None:
        return False
    rollups.withdraw(session, article_id)
    for table in reversed(Base.metadata.sorted_tables):
        if any(key.column.table.name == Article.__tablename__ for key in table.foreign_keys):
            session.execute(delete(table).where(table.c.article_id == article_id))
    session.execute(delete(Article).where(Article.id == article_id))
    session.expunge_all()
    return True


def _add_revision(session: Session, article: Article, item: ArticleInput, report: dict, number: int) -> ArticleRevision:
    revision = ArticleRevision(
        article_id=article.id, number=number, title=item.title, text=item.text, text_sha256=item.text_sha256,
        html=item.html, word_bag=word_bag(item.text), analyzer_version=analyzer_version(report["analyzer"]),
        corpora_versions=report["analyzer"]["corpora"], report=report,
    )
    session.add(revision)
    session.flush()
    article.current_revision_id = revision.id
    _replace_metrics(session, article, revision, report, fresh=number == 1)
    return revision


def _set_metadata(session: Session, article: Article, item: ArticleInput) -> None:
    article.outlet, article.url, article.title, article.published_at = item.outlet, item.url, item.title, item.published_at
    article.updated_at = utcnow()
    rollups.withdraw(session, article.id)  # counted under the old outlet and day ...
    for table in METRIC_TABLES:  # the copies kept for join-free trend queries
        session.execute(
            update(table).where(table.article_id == article.id).values(outlet=item.outlet, published_at=item.published_at)
        )
    rollups.add_stored(session, article.id)  # ... and now under the new ones


def _replace_metrics(session: Session, article: Article, revision: ArticleRevision, report: dict, fresh: bool = False) -> None:
    """``fresh``: the article is new, so there are no rows to delete (saves a statement a table)."""
    facts = {"article_id": article.id, "outlet": article.outlet, "published_at": article.published_at}
    if not fresh:
        rollups.withdraw(session, article.id)
    rows_by_table = list(metrics_rows(report).by_table())
    for table, rows in rows_by_table:
        if not fresh:
            session.execute(delete(table).where(table.article_id == article.id))
        extra = {"revision_id": revision.id, "sample_rank": sample_rank(article.id)} if table is ArticleMetrics else {}
        bulk.insert(session, table.__table__, [{**row, **facts, **extra} for row in rows])
    rollups.add(session, rows_by_table, article.outlet, article.published_at)
