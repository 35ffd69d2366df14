"""Outlets side by side: ``GET /v1/compare`` and ``GET /v1/stories/<id>/compare`` without the web.

For each outlet, over the same selection of stored articles (one analyzer version, a date
range, optionally only articles mentioning an actor or belonging to a story): whom it
cites (by side and by source type), how often its sources are anonymous and its
attributions hedged, how many loaded terms it uses and which, how warmly it writes about
each actor and what it calls them, and the words that most distinguish its articles from
the other outlets' (``framing.store.fightin_words``).

Two sources answer the same questions with rows of the same shape: the per-month and
per-day aggregates (``framing.store.rollups``), which serve any selection of outlets and
whole days however large the store, and the per-article metric rows, needed when the selection is narrowed to
the articles mentioning an actor or belonging to a story (no day aggregate knows which
articles those are; such selections are small). ``tests/store/test_rollups.py`` checks that
both give the same comparison.

Rates are **pooled**: hedged attributions over all the outlet's attributions, not a mean of
per-article rates, so a 2,000-word feature weighs more than a three-line brief. Actors are
the ones the compared outlets mention most, taken together, so each outlet's figures for
an actor sit side by side. Reading the metric tables needs no join (each row carries
outlet, date and analyzer version); the distinctive words are counted in the words stored
with a sample of the articles' current revisions.
"""
from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from collections.abc import Callable

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from framing.store.days import end_of, start_of
from framing.store.bulk import one_of
from framing.store.fightin_words import (
    DEFAULT_ALPHA0,
    DEFAULT_MIN_DF,
    countable_words,
    distinctive_words_of,
)
from framing.store.models import (
    ActorRollup,
    ArticleActorLabel,
    ArticleActorMetrics,
    ArticleMetrics,
    ArticleRevision,
    ArticleSideMetrics,
    ArticleSourceTypeMetrics,
    ArticleTermMetrics,
    LabelRollup,
    OutletRollup,
    SourceRollup,
    StoryArticle,
    TermRollup,
)
from framing.store.rollups import ANONYMOUS_CITATIONS, QUOTED, SIDE, TYPE, covering

DEFAULT_LIMIT = 10
# Articles read per outlet for the distinctive words. The frequent words that rank highest
# are already frequent in a few hundred articles, so a spread sample keeps a comparison's
# cost flat as the store grows.
MAX_WORD_DOCUMENTS = 400
LABELS_PER_ACTOR = 10


@dataclass(frozen=True)
class Selection:
    """Which stored articles a comparison reads; ``since`` and ``until`` are inclusive UTC days."""

    outlets: list[str]
    analyzer_version: str
    actor: str | None = None
    story_id: int | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Share:
    name: str  # a side or a source type
    citations: int
    share: float | None  # of the outlet's citations
    words: int  # attributed to these sources


@dataclass(frozen=True)
class TermUse:
    term: str
    category: str
    authorial: int
    quoted: int
    articles: int


@dataclass(frozen=True)
class LabelUse:
    label: str
    count: int


@dataclass(frozen=True)
class ActorCoverage:
    actor: str
    name: str | None
    articles: int  # articles mentioning it
    mentions: int
    sentiment: float | None  # mean over every mention, -1 to 1
    negative: int
    neutral: int
    positive: int
    cited: int  # times cited as a source
    labels: list[LabelUse]


@dataclass(frozen=True)
class Word:
    word: str
    count: int
    log_odds: float
    z: float


@dataclass
class OutletComparison:
    outlet: str
    articles: int = 0
    words: int = 0
    attributions: int = 0
    hedged_attribution_rate: float | None = None
    citations: int = 0
    anonymous_share: float | None = None
    loaded_terms_authorial: int = 0
    loaded_terms_quoted: int = 0
    loaded_authorial_per_1000: float | None = None
    loaded_quoted_per_1000: float | None = None
    sources_by_side: list[Share] = field(default_factory=list)
    sources_by_type: list[Share] = field(default_factory=list)
    top_terms: list[TermUse] = field(default_factory=list)
    actors: list[ActorCoverage] = field(default_factory=list)
    distinctive_words: list[Word] = field(default_factory=list)
    word_documents: int = 0  # articles whose texts the distinctive words were counted in


@dataclass(frozen=True)
class Comparison:
    analyzer_version: str
    outlets: list[OutletComparison]
    alpha0: float
    min_df: int


def _ratio(part: float, whole: float, scale: float = 1.0) -> float | None:
    return round(scale * part / whole, 4) if whole else None


def _where(table, selection: Selection) -> list[ColumnElement]:
    conditions = [table.analyzer_version == selection.analyzer_version, table.outlet.in_(selection.outlets)]
    if selection.since:
        conditions.append(table.published_at >= start_of(selection.since))
    if selection.until and end_of(selection.until):
        conditions.append(table.published_at < end_of(selection.until))
    if selection.actor:
        conditions.append(table.article_id.in_(
            select(ArticleActorMetrics.article_id).where(
                ArticleActorMetrics.analyzer_version == selection.analyzer_version, ArticleActorMetrics.actor == selection.actor)))
    if selection.story_id is not None:
        conditions.append(table.article_id.in_(select(StoryArticle.article_id).where(StoryArticle.story_id == selection.story_id)))
    return conditions


def _on_days(table, selection: Selection) -> list[ColumnElement]:
    return [table.analyzer_version == selection.analyzer_version, table.outlet.in_(selection.outlets),
            covering(table, selection.since, selection.until)]


@dataclass(frozen=True)
class Queries:
    """The questions a comparison asks, as SELECTs over one kind of stored rows; both kinds
    answer with the same columns in the same order."""

    totals: Callable[[Selection], Select]  # outlet, articles, words, attributions, hedged, citations, anonymous, authorial, quoted
    shares: Callable[[Selection, str], Select]  # by side or type: outlet, name, citations, words
    terms: Callable[[Selection], Select]  # outlet, term, category, authorial, quoted, articles
    top_actors: Callable[[Selection, int], Select]  # actor, most mentioned first
    actors: Callable[[Selection, list[str]], Select]  # outlet, actor, name, articles, mentions, sentiment, negative, neutral, positive, cited
    labels: Callable[[Selection, list[str]], Select]  # outlet, actor, label, count


def _row_totals(selection: Selection) -> Select:
    table = ArticleMetrics
    # anonymous_share is anonymous citations / citations per article: times citations gives the count back
    anonymous = func.sum(func.coalesce(table.anonymous_share, 0.0) * table.citations)
    return (
        select(table.outlet, func.count(), func.sum(table.words), func.sum(table.attributions), func.sum(table.hedged_attributions),
               func.sum(table.citations), anonymous, func.sum(table.loaded_terms_authorial), func.sum(table.loaded_terms_quoted))
        .where(*_where(table, selection)).group_by(table.outlet)
    )


def _day_totals(selection: Selection) -> Select:
    columns = OutletRollup.__table__.c
    names = ("words", "attributions", "hedged_attributions", "citations", ANONYMOUS_CITATIONS, "loaded_terms_authorial", "loaded_terms_quoted")
    return (
        select(OutletRollup.outlet, func.sum(OutletRollup.articles), *(func.sum(columns[f"{name}_sum"]) for name in names))
        .where(*_on_days(OutletRollup, selection)).group_by(OutletRollup.outlet)
    )


_SOURCE_TABLES = {SIDE: (ArticleSideMetrics, ArticleSideMetrics.side), TYPE: (ArticleSourceTypeMetrics, ArticleSourceTypeMetrics.source_type)}


def _row_shares(selection: Selection, kind: str) -> Select:
    table, column = _SOURCE_TABLES[kind]
    citations = func.sum(table.citations)
    return (
        select(table.outlet, column, citations, func.sum(table.words))
        .where(*_where(table, selection)).group_by(table.outlet, column).order_by(table.outlet, citations.desc(), column)
    )


def _day_shares(selection: Selection, kind: str) -> Select:
    table = SourceRollup
    citations = func.sum(table.citations)
    return (
        select(table.outlet, table.name, citations, func.sum(table.words))
        .where(*_on_days(table, selection), table.kind == kind)
        .group_by(table.outlet, table.name).order_by(table.outlet, citations.desc(), table.name)
    )


def _row_terms(selection: Selection) -> Select:
    table = ArticleTermMetrics
    quoted = func.sum(case((table.voice == QUOTED, table.count), else_=0))
    authorial = func.sum(case((table.voice == QUOTED, 0), else_=table.count))
    return (
        select(table.outlet, table.term, table.category, authorial, quoted, func.count(func.distinct(table.article_id)))
        .where(*_where(table, selection)).group_by(table.outlet, table.term, table.category)
        .order_by(table.outlet, (authorial + quoted).desc(), table.term, table.category)
    )


def _day_terms(selection: Selection) -> Select:
    table = TermRollup
    authorial, quoted = func.sum(table.authorial), func.sum(table.quoted)
    return (
        select(table.outlet, table.term, table.category, authorial, quoted, func.sum(table.articles))
        .where(*_on_days(table, selection)).group_by(table.outlet, table.term, table.category)
        .order_by(table.outlet, (authorial + quoted).desc(), table.term, table.category)
    )


def _top_actors(table, where: Callable) -> Callable[[Selection, int], Select]:
    def query(selection: Selection, limit: int) -> Select:
        return (select(table.actor).where(*where(table, selection)).group_by(table.actor)
                .order_by(func.sum(table.mentions).desc(), table.actor).limit(limit))
    return query


def _row_actors(selection: Selection, chosen: list[str]) -> Select:
    table = ArticleActorMetrics
    mentions = func.sum(table.mentions)
    weighted = func.sum(table.mean_sentiment * table.mentions) / func.nullif(mentions, 0)  # as trends' actor_sentiment
    return (
        select(table.outlet, table.actor, func.max(table.actor_name), func.count(), mentions, weighted,
               func.sum(table.negative), func.sum(table.neutral), func.sum(table.positive), func.sum(table.cited))
        .where(*_where(table, selection), table.actor.in_(chosen)).group_by(table.outlet, table.actor)
    )


def _day_actors(selection: Selection, chosen: list[str]) -> Select:
    table = ActorRollup
    mentions = func.sum(table.mentions)
    weighted = case((func.sum(table.sentiment_articles) > 0, func.sum(table.sentiment_weighted) / func.nullif(mentions, 0)))
    return (
        select(table.outlet, table.actor, func.max(table.actor_name), func.sum(table.articles), mentions, weighted,
               func.sum(table.negative), func.sum(table.neutral), func.sum(table.positive), func.sum(table.cited))
        .where(*_on_days(table, selection), table.actor.in_(chosen)).group_by(table.outlet, table.actor)
    )


def _labels(table, where: Callable) -> Callable[[Selection, list[str]], Select]:
    def query(selection: Selection, actors: list[str]) -> Select:
        count = func.sum(table.count)
        return (
            select(table.outlet, table.actor, table.label, count)
            .where(*where(table, selection), table.actor.in_(actors))
            .group_by(table.outlet, table.actor, table.label).order_by(table.outlet, table.actor, count.desc(), table.label)
        )
    return query


ARTICLE_ROWS = Queries(_row_totals, _row_shares, _row_terms, _top_actors(ArticleActorMetrics, _where), _row_actors,
                       _labels(ArticleActorLabel, _where))
DAY_AGGREGATES = Queries(_day_totals, _day_shares, _day_terms, _top_actors(ActorRollup, _on_days), _day_actors,
                         _labels(LabelRollup, _on_days))


def compare(session: Session, selection: Selection, *, limit: int = DEFAULT_LIMIT, alpha0: float = DEFAULT_ALPHA0,
            min_df: int = DEFAULT_MIN_DF, max_word_documents: int = MAX_WORD_DOCUMENTS) -> Comparison:
    """Every outlet of the selection, in the order given (outlets without articles have zeros).

    ``limit`` bounds the lists: sides, source types, terms, actors, labels and words.
    """
    queries = ARTICLE_ROWS if selection.actor or selection.story_id is not None else DAY_AGGREGATES
    return compare_with(queries, session, selection, limit=limit, alpha0=alpha0, min_df=min_df, max_word_documents=max_word_documents)


def compare_with(queries: Queries, session: Session, selection: Selection, *, limit: int = DEFAULT_LIMIT,
                 alpha0: float = DEFAULT_ALPHA0, min_df: int = DEFAULT_MIN_DF, max_word_documents: int = MAX_WORD_DOCUMENTS) -> Comparison:
    """:func:`compare` reading the rows ``queries`` read (``DAY_AGGREGATES`` or ``ARTICLE_ROWS``)."""
    outlets = {name: OutletComparison(name) for name in dict.fromkeys(selection.outlets)}
    _article_figures(session, queries.totals(selection), outlets)
    for kind, attribute in ((SIDE, "sources_by_side"), (TYPE, "sources_by_type")):
        for outlet, shares in _shares(session, queries.shares(selection, kind), outlets, limit).items():
            setattr(outlets[outlet], attribute, shares)
    for outlet, terms in _terms(session, queries.terms(selection), limit).items():
        outlets[outlet].top_terms = terms
    for outlet, actors in _actors(session, queries, selection, limit).items():
        outlets[outlet].actors = actors
    _words(session, selection, outlets, limit, alpha0, min_df, max_word_documents)
    return Comparison(selection.analyzer_version, list(outlets.values()), alpha0, min_df)


def _article_figures(session: Session, query: Select, outlets: dict[str, OutletComparison]) -> None:
    for outlet, articles, *totals in session.execute(query):
        words, attributions, hedged, citations, anonymous_citations, authorial, quoted = (
            value if index == 4 else int(round(value)) for index, value in enumerate(totals))
        figures = outlets[outlet]
        figures.articles, figures.words, figures.attributions, figures.citations = int(articles), words, attributions, citations
        figures.loaded_terms_authorial, figures.loaded_terms_quoted = authorial, quoted
        figures.hedged_attribution_rate = _ratio(hedged, attributions)
        figures.anonymous_share = _ratio(float(anonymous_citations), citations)
        figures.loaded_authorial_per_1000 = _ratio(authorial, words, 1000)
        figures.loaded_quoted_per_1000 = _ratio(quoted, words, 1000)


def _shares(session: Session, query: Select, outlets: dict[str, OutletComparison], limit: int) -> dict[str, list[Share]]:
    shares: dict[str, list[Share]] = defaultdict(list)
    for outlet, name, count, words in session.execute(query):
        if len(shares[outlet]) < limit:
            shares[outlet].append(Share(name, int(count), _ratio(count, outlets[outlet].citations), int(words)))
    return shares


def _terms(session: Session, query: Select, limit: int) -> dict[str, list[TermUse]]:
    terms: dict[str, list[TermUse]] = defaultdict(list)
    for outlet, term, category, in_own_voice, in_quotes, articles in session.execute(query):
        if len(terms[outlet]) < limit:
            terms[outlet].append(TermUse(term, category, int(in_own_voice), int(in_quotes), int(articles)))
    return terms


def _actors(session: Session, queries: Queries, selection: Selection, limit: int) -> dict[str, list[ActorCoverage]]:
    chosen = [selection.actor] if selection.actor else list(session.scalars(queries.top_actors(selection, limit)))
    if not chosen:
        return {}
    labels: dict[tuple[str, str], list[LabelUse]] = defaultdict(list)
    for outlet, actor, label, total in session.execute(queries.labels(selection, chosen)):
        if len(labels[(outlet, actor)]) < LABELS_PER_ACTOR:
            labels[(outlet, actor)].append(LabelUse(label, int(total)))
    order = {actor: position for position, actor in enumerate(chosen)}
    actors: dict[str, list[ActorCoverage]] = defaultdict(list)
    for outlet, actor, name, articles, count, sentiment, negative, neutral, positive, cited in session.execute(queries.actors(selection, chosen)):
        actors[outlet].append(ActorCoverage(
            actor, name, int(articles), int(count), None if sentiment is None else round(float(sentiment), 4),
            int(negative), int(neutral), int(positive), int(cited), labels.get((outlet, actor), [])))
    for coverage in actors.values():
        coverage.sort(key=lambda item: order[item.actor])
    return actors


def _words(session: Session, selection: Selection, outlets: dict[str, OutletComparison], limit: int, alpha0: float,
           min_df: int, max_documents: int) -> None:
    """A sample of each outlet's articles, in ``sample_rank`` order (read along an index, not
    sorted), and the words counted in them.

    Each revision's countable words are stored with it at ingest (``word_bag``), so a
    comparison reads and adds up counts instead of finding the words of 800 texts, which took
    most of its time (about 0.2 s of CPU). The result depends only on which revisions the
    samples hold (a revision's text never changes) and the parameters, so it is also kept
    for the next comparison of the same samples: on a large store a new article rarely
    enters an outlet's sample of 400.
    """
    samples: dict[str, list[int]] = {}
    for outlet in outlets:
        narrowed = replace(selection, outlets=[outlet])
        samples[outlet] = list(session.scalars(
            select(ArticleMetrics.revision_id).where(*_where(ArticleMetrics, narrowed))
            .order_by(ArticleMetrics.sample_rank, ArticleMetrics.article_id).limit(max_documents)))
        outlets[outlet].word_documents = len(samples[outlet])
    key = (tuple((outlet, tuple(revisions)) for outlet, revisions in samples.items()), limit, alpha0, min_df)
    words = _WORDS.get(key)
    if words is None:
        bags = _word_bags(session, list({revision for revisions in samples.values() for revision in revisions}))
        groups = [outlet for outlet, revisions in samples.items() for _ in revisions]
        documents = [bags[revision] for revisions in samples.values() for revision in revisions]
        words = {outlet: [Word(score.word, score.count, score.log_odds, score.z) for score in scores]
                 for outlet, scores in distinctive_words_of(documents, groups, top=limit, alpha0=alpha0, min_df=min_df).items()
                 } if documents else {}
        _WORDS.put(key, words)
    for outlet, chosen in words.items():
        outlets[outlet].distinctive_words = chosen


def _word_bags(session: Session, revisions: list[int]) -> dict[int, list[str]]:
    """Each revision's countable words as stored at ingest; counted from the text for a
    revision stored without them (the text is read only then)."""
    table = ArticleRevision
    rows = session.execute(select(table.id, table.word_bag, case((table.word_bag.is_(None), table.text)))
                           .where(one_of(session, table.id, revisions)))
    return {revision: bag.split() if bag is not None else countable_words(text) for revision, bag, text in rows}


class _Recent:
    """The last ``size`` results by key, for one process (threads share it)."""

    def __init__(self, size: int):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        return None

    def put(self, key, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_WORDS = _Recent(256)
