"""Stories: grouping hand-written articles about three events, stored and listed on both databases.

The fixture (tests/fixtures/store/stories.jsonl) has an earthquake in Chile and a central
bank's rate rise covered by three outlets on the same days, a football match that belongs
to neither, and a second earthquake in the same region seven weeks later, covered twice.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select

from framing.store.articles import delete_article, save
from framing.store.ingest import analyse
from framing.store.models import Article, Story, StoryArticle
from framing.store.records import Record, parse_datetime, to_input
from framing.store.stories import (
    StoryFilters,
    build_stories,
    cluster,
    find_stories,
    get_story,
    story_text,
    update_stories,
)
from framing.store.stories_cli import stories_group

STORIES_FILE = Path(__file__).parents[1] / "fixtures" / "store" / "stories.jsonl"
RECORDS = [json.loads(line) for line in STORIES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
EVENTS = {"quake": {"quake-wire", "quake-daily", "quake-post"}, "rates": {"rates-wire", "rates-daily", "rates-post"},
          "quake2": {"quake2-wire", "quake2-post"}}


def _groups(labels) -> set[frozenset[str]]:
    found: dict[int, set[str]] = {}
    for record, label in zip(RECORDS, labels):
        found.setdefault(int(label), set()).add(record["id"])
    return {frozenset(members) for members in found.values()}


def _cluster(**options):
    return cluster([story_text(r["title"], r["text"]) for r in RECORDS], [parse_datetime(r["published"]) for r in RECORDS], **options)


def test_articles_about_one_event_group_across_outlets():
    found = _cluster()
    assert _groups(found.labels) == {frozenset(members) for members in EVENTS.values()} | {frozenset({"football-post"})}
    assert "iquique" in found.terms[int(found.labels[0])] and "inflation" in found.terms[int(found.labels[3])]
    assert all(0 < similarity <= 1.0001 for similarity in found.similarity)


def test_the_window_keeps_a_later_event_apart():
    """The second earthquake shares the region's names, but the first story's last article is seven weeks older."""
    merged = _groups(_cluster(window_days=60).labels)
    assert EVENTS["quake"] | EVENTS["quake2"] in merged


def test_a_high_threshold_leaves_every_article_alone():
    assert len(_groups(_cluster(threshold=0.99).labels)) == len(RECORDS)


def test_nothing_to_group():
    assert len(cluster([], []).labels) == 0
    alone = cluster(["Only one article here."], [parse_datetime("2016-01-01")])
    assert list(alone.labels) == [0] and alone.terms == {}


@pytest.fixture(scope="module")
def analysed_stories() -> list[tuple]:
    items = [to_input(Record(number, fields)) for number, fields in enumerate(RECORDS, start=1)]
    return [(item, analyse(item)) for item in items]


@pytest.fixture
def stored(database, analysed_stories):
    with database.session() as session:
        session.execute(delete(Story))  # PostgreSQL tests share a schema, and its stories are not emptied between tests
        for item, report in analysed_stories:
            save(session, item, report)
    return database


def _build(database, **options):
    with database.session() as session:
        return build_stories(session, **options)


def _list(database, page=1, page_size=50, **filters):
    with database.session() as session:
        return find_stories(session, StoryFilters(**filters), page=page, page_size=page_size)


def _keys(story) -> set[str]:
    return {article.title for article in story.articles}


def test_build_stores_groups_of_two_or_more(stored):
    summary = _build(stored)
    assert (summary.articles, summary.stories, summary.in_stories) == (9, 3, 8)
    total, stories = _list(stored)
    assert total == 3
    assert [len(story.articles) for story in stories] == [2, 3, 3]  # the latest story first
    latest = stories[0]
    assert latest.outlets == ["post", "wire"] and latest.title in {a.title for a in latest.articles}
    assert latest.first_published_at.isoformat() == "2016-04-20T06:00:00+00:00"
    assert "calama" in latest.terms
    with stored.session() as session:
        football = session.scalar(select(Article.id).where(Article.key == "id:football-post"))
        assert session.get(StoryArticle, football) is None


def test_rebuilding_replaces_stories_with_new_ids(stored):
    _build(stored)
    _total, before = _list(stored)
    summary = _build(stored, threshold=0.99)
    assert summary.stories == 0 and _list(stored) == (0, [])
    _build(stored)
    _total, after = _list(stored)
    assert min(story.id for story in after) > max(story.id for story in before)
    with stored.session() as session:
        assert get_story(session, before[0].id) is None
        assert get_story(session, after[0].id).title == after[0].title


def test_filters_and_pages(stored):
    _build(stored)
    assert _list(stored, outlets=["daily"])[0] == 2  # the daily covered the first quake and the rates
    assert _list(stored, min_outlets=3)[0] == 2
    total, april = _list(stored, since=date(2016, 4, 1))
    assert total == 1 and april[0].outlets == ["post", "wire"]
    assert _list(stored, until=date(2016, 3, 1))[0] == 0
    assert _list(stored, until=date(2016, 3, 2))[0] == 2
    total, second_page = _list(stored, page=2, page_size=2)
    assert total == 3 and len(second_page) == 1


def test_a_deleted_article_leaves_its_story(stored):
    _build(stored)
    with stored.session() as session:
        article_id = session.scalar(select(Article.id).where(Article.key == "id:quake2-post"))
        delete_article(session, article_id)
    _total, stories = _list(stored)
    assert stories[0].outlets == ["wire"] and len(stories[0].articles) == 1
    assert _list(stored, min_outlets=2)[0] == 2


def _stored_groups(database) -> set[frozenset[str]]:
    with database.session() as session:
        rows = session.execute(select(StoryArticle.story_id, Article.key).join(Article, Article.id == StoryArticle.article_id)).all()
    groups: dict[int, set[str]] = {}
    for story_id, key in rows:
        groups.setdefault(story_id, set()).add(key.removeprefix("id:"))
    return {frozenset(members) for members in groups.values()}


def test_an_update_places_new_articles_and_keeps_the_stories(database, analysed_stories):
    """Stored in three rounds (the first quake's first two reports; the rest of it, the rates and
    the match; the second quake) with an update after each: the same groups as one build."""
    rounds = [{"quake-wire", "quake-daily"}, {"quake-post", "rates-wire", "rates-daily", "rates-post", "football-post"},
              {"quake2-wire", "quake2-post"}]
    with database.session() as session:
        session.execute(delete(Story))
    first_ids = None
    for keys in rounds:
        with database.session() as session:
            for item, report in analysed_stories:
                if item.key.removeprefix("id:") in keys:
                    save(session, item, report)
        with database.session() as session:
            summary = update_stories(session)
        assert summary.articles == len(keys)
        if first_ids is None:
            with database.session() as session:
                first_ids = set(session.scalars(select(Story.id)))
    assert _stored_groups(database) == {frozenset(members) for members in EVENTS.values()}
    with database.session() as session:
        assert first_ids <= set(session.scalars(select(Story.id)))  # the first story kept its id through the updates
        quake2 = session.scalar(select(StoryArticle.story_id).join(Article, Article.id == StoryArticle.article_id)
                                .where(Article.key == "id:quake2-post"))
        story = get_story(session, quake2)
    assert story.first_published_at.isoformat() == "2016-04-20T06:00:00+00:00" and "calama" in story.terms
    with database.session() as session:
        assert update_stories(session).articles == 0  # nothing new


def test_build_command(tmp_path, analysed_stories):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    from framing.store import Database

    database = Database(url)
    database.upgrade()
    with database.session() as session:
        for item, report in analysed_stories:
            save(session, item, report)
    database.dispose()
    result = CliRunner().invoke(stories_group, ["build", "--window-days", "60"], env={"FRAMING_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 stories of 8 articles, from 9 stored articles (threshold 0.08, window 60 days)")
    updated = CliRunner().invoke(stories_group, ["update"], env={"FRAMING_DATABASE_URL": url})
    assert updated.exit_code == 0 and updated.output.startswith("0 of 0 new articles placed in 0 stories"), updated.output
    refused = CliRunner().invoke(stories_group, ["build", "--threshold", "2"], env={"FRAMING_DATABASE_URL": url})
    assert refused.exit_code == 2 and "threshold" in refused.output
