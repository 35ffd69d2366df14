"""Finding stored articles: filters, newest first, and cursor pagination.

Pages are cut by a cursor (the last item's publication time and id) rather than an
offset, and read along the ``(published_at, id)`` indexes (``(outlet, published_at, id)``
with an outlet filter), so the millionth page costs what the first does and no article is
skipped or repeated when new ones arrive meanwhile. Counting every match is a scan of the
matches, so a page carries a total only when the caller asks for one. Text search is a case-insensitive substring
match on title and text (``LIKE``/``ILIKE``): simple and exact, but a scan of every
matching row, so narrow it with outlet or dates on large stores.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, or_, select, tuple_
from sqlalchemy.orm import Session

from framing.store.articles import utc
from framing.store.days import end_of, start_of
from framing.store.models import Article, ArticleActorMetrics, ArticleRevision


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class ArticleFilters:
    outlets: list[str] | None = None
    since: date | None = None  # inclusive days, UTC
    until: date | None = None
    actor: str | None = None  # mentioned in the current revision
    q: str | None = None


@dataclass(frozen=True)
class Listed:
    """An article in a list: its row and its current revision's number and analyzer (not its text)."""

    article: Article
    revision: int
    analyzer_version: str


@dataclass(frozen=True)
class Page:
    items: list[Listed]
    total: int | None  # None unless asked for
    next_cursor: str | None


def encode_cursor(article: Article) -> str:
    raw = json.dumps([utc(article.published_at).isoformat(), article.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        published, article_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return utc(datetime.fromisoformat(published)), int(article_id)
    except (ValueError, TypeError) as error:
        raise InvalidCursor("cursor is not one this API returned; start again without it") from error


def _conditions(filters: ArticleFilters) -> list:
    conditions = []
    if filters.outlets:
        conditions.append(Article.outlet.in_(filters.outlets))
    if filters.since:
        conditions.append(Article.published_at >= start_of(filters.since))
    if filters.until and end_of(filters.until):
        conditions.append(Article.published_at < end_of(filters.until))
    if filters.actor:
        conditions.append(exists().where(ArticleActorMetrics.article_id == Article.id, ArticleActorMetrics.actor == filters.actor))
    if filters.q:
        conditions.append(or_(Article.title.icontains(filters.q, autoescape=True), ArticleRevision.text.icontains(filters.q, autoescape=True)))
    return conditions


def find_articles(session: Session, filters: ArticleFilters, limit: int, cursor: str | None = None, *,
                  count_total: bool = True) -> Page:
    """A page of articles, newest first; ``count_total=False`` skips counting every match (large stores)."""
    joined = select(Article, ArticleRevision.number, ArticleRevision.analyzer_version).join(ArticleRevision, ArticleRevision.id == Article.current_revision_id)
    conditions = _conditions(filters)
    total = None
    if count_total:
        total = session.scalar(
            select(func.count()).select_from(Article).join(ArticleRevision, ArticleRevision.id == Article.current_revision_id).where(*conditions)
        )
    query = joined.where(*conditions).order_by(Article.published_at.desc(), Article.id.desc()).limit(limit + 1)
    if cursor:
        query = query.where(tuple_(Article.published_at, Article.id) < tuple_(*decode_cursor(cursor)))
    rows = [Listed(*row) for row in session.execute(query)]
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, total, encode_cursor(rows[-1].article) if more else None)


def get_article(session: Session, article_id: int) -> tuple[Article, ArticleRevision] | None:
    article = session.get(Article, article_id)
    if article is None or article.current_revision_id is None:
        return None
    return article, session.get(ArticleRevision, article.current_revision_id)
