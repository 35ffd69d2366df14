"""Outlet comparison on SQLite and PostgreSQL: pooled figures, actors, terms, words, filters."""
from __future__ import annotations

import copy
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import delete, select, update

from framing.store.articles import save
from framing.store.compare import _WORDS, Selection, compare
from framing.store.fightin_words import distinctive_words, word_bag
from framing.store.metrics import metrics_rows
from framing.store.models import Article, ArticleRevision, Story, StoryArticle, StoryBuild
from framing.store.versions import analyzer_version



@pytest.fixture
def version(analysed) -> str:
    return analyzer_version(analysed[0][1]["analyzer"])


def _compare(database, version, outlets=("wire", "daily"), **options):
    selection = Selection(list(outlets), version, **{key: value for key, value in options.items() if key in Selection.__dataclass_fields__})
    with database.session() as session:
        result = compare(session, selection, **{key: value for key, value in options.items() if key not in Selection.__dataclass_fields__})
    return {outlet.outlet: outlet for outlet in result.outlets}


def _reports(stored, outlet):
    return [report for item, report in stored if item.outlet == outlet]


def test_pooled_rates_are_sums_over_the_outlets_articles(database, stored, version):
    outlets = _compare(database, version)
    assert list(outlets) == ["wire", "daily"]  # the order asked for
    for name, figures in outlets.items():
        rows = [metrics_rows(report).article for report in _reports(stored, name)]
        assert figures.articles == len(rows) == 3
        assert figures.words == sum(row["words"] for row in rows)
        attributions = sum(row["attributions"] for row in rows)
        assert figures.hedged_attribution_rate == pytest.approx(sum(row["hedged_attributions"] for row in rows) / attributions, abs=1e-4)
        citations = sum(row["citations"] for row in rows)
        anonymous = sum(source["citations"] for report in _reports(stored, name)
                        for source in report["document"]["sourcing"]["sources"] if source["anonymous"])
        assert figures.anonymous_share == pytest.approx(anonymous / citations, abs=1e-3)
        authorial = sum(row["loaded_terms_authorial"] for row in rows)
        assert figures.loaded_authorial_per_1000 == pytest.approx(1000 * authorial / figures.words, abs=1e-3)
    assert outlets["daily"].loaded_authorial_per_1000 > outlets["wire"].loaded_authorial_per_1000  # "brutal regime"


def test_sourcing_by_side_and_type(database, stored, version):
    daily = _compare(database, version)["daily"]
    sides: Counter = Counter()
    types: Counter = Counter()
    for report in _reports(stored, "daily"):
        for side, figures in report["document"]["sourcing"]["by_side"].items():
            sides[side] += figures["citations"]
        types.update(report["document"]["sourcing"]["by_type"])
    assert {share.name: share.citations for share in daily.sources_by_side} == dict(sides)
    assert {share.name: share.citations for share in daily.sources_by_type} == dict(types)
    assert sum(share.share for share in daily.sources_by_side) == pytest.approx(1.0, abs=1e-3)
    assert [share.citations for share in daily.sources_by_side] == sorted(sides.values(), reverse=True)


def test_top_terms_split_by_voice(database, stored, version):
    daily = _compare(database, version)["daily"]
    expected: Counter = Counter()
    for report in _reports(stored, "daily"):
        for paragraph in report["paragraphs"]:
            if paragraph["kind"] == "body":
                for found in paragraph["loaded_terms"]:
                    expected[(found["term"], found["voice"])] += 1
    assert {(term.term, "authorial"): term.authorial for term in daily.top_terms if term.authorial} | {
        (term.term, "quoted"): term.quoted for term in daily.top_terms if term.quoted} == dict(expected)
    assert "brutal" in [term.term for term in daily.top_terms]


def test_actors_side_by_side_with_sentiment_and_labels(database, stored, version):
    outlets = _compare(database, version, outlets=("wire", "daily", "post"))
    mentions: Counter = Counter()
    for _item, report in stored:
        for actor in report["document"]["actors"]:
            mentions[actor["actor"]] += actor["mentions"]
    most = max(mentions.values())
    shown = {coverage.actor for figures in outlets.values() for coverage in figures.actors}
    assert {actor for actor, count in mentions.items() if count == most} <= shown
    russia = {name: next(c for c in figures.actors if c.actor == "russia") for name, figures in outlets.items()
              if any(c.actor == "russia" for c in figures.actors)}
    for name, coverage in russia.items():
        actors = [a for report in _reports(stored, name) for a in report["document"]["actors"] if a["actor"] == "russia"]
        assert coverage.articles == len(actors) and coverage.mentions == sum(a["mentions"] for a in actors)
        expected = sum(a["mean_sentiment"] * a["mentions"] for a in actors) / coverage.mentions
        assert coverage.sentiment == pytest.approx(expected, abs=1e-4)
    daily_is = next(c for c in outlets["daily"].actors if c.actor == "islamic_state")
    expected_labels: Counter = Counter()
    for report in _reports(stored, "daily"):
        for actor in report["document"]["actors"]:
            if actor["actor"] == "islamic_state":
                expected_labels.update({label["label"]: label["count"] for label in actor["labels"]})
    assert {label.label: label.count for label in daily_is.labels} == dict(expected_labels) != {}


def test_actor_filter_keeps_articles_mentioning_it(database, stored, version):
    outlets = _compare(database, version, outlets=("wire", "daily", "post"), actor="islamic_state")
    for name, figures in outlets.items():
        mentioning = [report for report in _reports(stored, name)
                      if any(actor["actor"] == "islamic_state" for actor in report["document"]["actors"])]
        assert figures.articles == len(mentioning)
        assert [coverage.actor for coverage in figures.actors] == (["islamic_state"] if mentioning else [])


def test_dates_story_and_versions_narrow_the_selection(database, stored, version):
    in_january = _compare(database, version, since=date(2016, 1, 5), until=date(2016, 1, 31))
    assert (in_january["wire"].articles, in_january["daily"].articles) == (1, 2)
    with database.session() as session:
        session.execute(delete(Story))  # PostgreSQL tests share a schema, and its stories are not emptied between tests
        build = StoryBuild(threshold=0.08, window_days=3, articles=8, stories=1, last_story_id=7)
        session.add(build)
        session.flush()
        session.add(Story(id=7, build_id=build.id, title="Aleppo", terms=["aleppo"], first_published_at=stored[0][0].published_at,
                          last_published_at=stored[3][0].published_at))
        session.flush()
        for key in ("id:wire-001", "id:daily-001"):
            session.add(StoryArticle(article_id=session.scalar(select(Article.id).where(Article.key == key)), story_id=7, similarity=0.5))
    one_story = _compare(database, version, story_id=7)
    assert (one_story["wire"].articles, one_story["daily"].articles) == (1, 1)
    assert [article.articles for article in _compare(database, "0.0.0+none").values()] == [0, 0]


def test_reports_of_another_analyzer_are_left_out(database, stored, version):
    item, report = stored[0]
    older = copy.deepcopy(report)
    older["analyzer"]["corpora"]["loaded_terms"] = "0.9.0"
    with database.session() as session:
        save(session, replace(item, key="id:older"), older)
    assert _compare(database, version)["wire"].articles == 3
    assert _compare(database, analyzer_version(older["analyzer"]))["wire"].articles == 1


def test_distinctive_words_come_from_the_stored_texts(database, stored, version):
    outlets = _compare(database, version, min_df=1, alpha0=100.0)
    texts = [item.text for item, _report in stored if item.outlet in ("wire", "daily")]
    groups = [item.outlet for item, _report in stored if item.outlet in ("wire", "daily")]
    expected = distinctive_words(texts, groups, top=10, alpha0=100.0, min_df=1)
    for name in ("wire", "daily"):
        assert [(word.word, word.count, word.z) for word in outlets[name].distinctive_words] == [
            (score.word, score.count, score.z) for score in expected[name]]
        assert outlets[name].word_documents == 3 and all(word.z > 0 for word in outlets[name].distinctive_words)
    assert "kurdish" in [word.word for word in outlets["wire"].distinctive_words]


def _fresh_words(database, version, **options):
    """A comparison whose distinctive words are counted afresh (not taken from this process's cache)."""
    _WORDS.entries.clear()
    outlets = _compare(database, version, min_df=1, alpha0=100.0, **options)
    return {name: [(word.word, word.count, word.z) for word in outlet.distinctive_words] for name, outlet in outlets.items()}


def test_words_are_counted_in_the_bags_stored_with_the_revisions(database, stored, version):
    with database.session() as session:
        revisions = session.execute(select(ArticleRevision.id, ArticleRevision.text, ArticleRevision.word_bag)).all()
    assert len(revisions) == len(stored) and all(bag == word_bag(text) for _id, text, bag in revisions)
    from_bags = _fresh_words(database, version)
    assert from_bags["wire"] and from_bags["daily"]
    with database.session() as session:  # a bag, not the text, is what is counted
        session.execute(update(ArticleRevision).where(ArticleRevision.id == revisions[0].id).values(word_bag="zebra zebra zebra"))
        session.execute(update(ArticleRevision).where(ArticleRevision.id == revisions[1].id).values(word_bag="zebra zebra"))
    assert ("zebra", 5) in [(word, count) for word, count, _z in _fresh_words(database, version)["wire"]]
    with database.session() as session:  # revisions left without bags are counted from their texts
        session.execute(update(ArticleRevision).values(word_bag=None))
    assert _fresh_words(database, version) == from_bags


def test_word_sample_is_bounded_and_repeatable(database, stored, version):
    first = _compare(database, version, max_word_documents=2)
    again = _compare(database, version, max_word_documents=2)
    assert first["wire"].word_documents == 2
    assert first["wire"].distinctive_words == again["wire"].distinctive_words


def test_an_outlet_without_articles_has_zeros(database, stored, version):
    outlets = _compare(database, version, outlets=("wire", "nobody"))
    nobody = outlets["nobody"]
    assert (nobody.articles, nobody.hedged_attribution_rate, nobody.actors, nobody.distinctive_words) == (0, None, [], [])
    assert outlets["wire"].distinctive_words == []  # one outlet with texts: nothing to set it against
