"""Listing stored articles: filters, totals and cursor pages."""
from __future__ import annotations

from datetime import date

import pytest

from framing.store.search import ArticleFilters, InvalidCursor, find_articles



def _all_pages(database, filters, limit, count_total=True):
    keys, cursor, totals = [], None, set()
    while True:
        with database.session() as session:
            page = find_articles(session, filters, limit, cursor, count_total=count_total)
        keys += [row.article.key for row in page.items]
        totals.add(page.total)
        if page.next_cursor is None:
            return keys, totals
        cursor = page.next_cursor


def test_pages_cover_every_article_once_newest_first(database, stored):
    keys, totals = _all_pages(database, ArticleFilters(), limit=3)
    newest_first = [item.key for item, _report in sorted(stored, key=lambda pair: pair[0].published_at, reverse=True)]
    assert keys == newest_first and totals == {len(stored)}


def test_pages_without_counting_are_the_same_pages(database, stored):
    counted, _ = _all_pages(database, ArticleFilters(outlets=["wire", "post"]), limit=2)
    uncounted, totals = _all_pages(database, ArticleFilters(outlets=["wire", "post"]), limit=2, count_total=False)
    assert uncounted == counted and len(counted) == 5 and totals == {None}


@pytest.mark.parametrize("filters, expected", [
    (ArticleFilters(outlets=["wire"]), {"id:wire-001", "id:wire-002", "id:wire-003"}),
    (ArticleFilters(outlets=["post", "daily"], since=date(2016, 2, 1)), {"id:daily-003", "id:post-002"}),
    (ArticleFilters(until=date(2016, 1, 5)), {"id:wire-001", "id:daily-001"}),
    (ArticleFilters(actor="recep_tayyip_erdogan"), {"id:wire-002"}),
    (ArticleFilters(actor="russia", outlets=["post"]), {"id:post-002"}),
    (ArticleFilters(q="GENEVA"), {"id:wire-003"}),  # in the title and text, any case
    (ArticleFilters(q="human shields"), {"id:post-001"}),
    (ArticleFilters(q="100%"), set()),  # % is a character, not a wildcard
])
def test_filters(database, stored, filters, expected):
    keys, totals = _all_pages(database, filters, limit=2)
    assert set(keys) == expected and len(keys) == len(expected) and totals == {len(expected)}


def test_a_foreign_cursor_is_rejected(database, stored):
    with database.session() as session, pytest.raises(InvalidCursor):
        find_articles(session, ArticleFilters(), 2, "not-a-cursor")
