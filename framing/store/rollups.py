"""Aggregates kept up to date at ingest, so trends and comparisons read days, not articles.

Every metric row an article contributes (``framing.store.metrics``) is also added to the
``rollup_*`` tables (``framing.store.models``): per analyzer version, outlet and period,
sums and counts that add up exactly into any range of whole days. Each article counts in
two periods, its UTC day and its month (``span``), so a range is read as its whole months
plus the days of the partial months at its ends (:func:`covering`): a monthly trend or a
comparison over years of ten million articles reads a few thousand rows.

Contributions are signed: storing an article adds its rows, and deleting, revising,
reanalysing or re-dating it first takes away what its current rows added (read back from
the metric tables), so the aggregates always equal a ``GROUP BY`` over the metric rows
(``tests/store/test_rollups.py`` checks this against the per-article queries). Changes
collect in the session, summed by key, and are applied just before it commits: one upsert
statement per table (``framing.store.bulk``) with keys in sorted order, so that two workers
writing the same outlet and day wait for each other instead of deadlocking. A row whose
``articles`` falls to zero is deleted.

:func:`rebuild` recomputes every aggregate from the metric rows in SQL: the backfill of
migration 0004 and the repair tool if they ever disagree.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import ColumnElement, and_, bindparam, case, delete, false, func, literal_column, or_, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from framing.store import bulk
from framing.store.models import (
    ROLLED_MEANS, ROLLED_SUMS, ROLLUP_TABLES, ActorRollup, ArticleActorLabel, ArticleActorMetrics, ArticleMetrics, ArticleSideMetrics,
    ArticleSourceTypeMetrics, ArticleTermMetrics, Base, LabelRollup, OutletRollup, SourceRollup, TermRollup,
)

QUOTED = "quoted"
SIDE, TYPE = "side", "type"
ANONYMOUS_CITATIONS = "anonymous_citations"
DAY, MONTH = "day", "month"

_PENDING = "framing_rollups"  # key in Session.info
_NOT_ADDED = {ActorRollup: ("actor_name",)}  # kept as first written, not summed

Delta = dict[type, dict[tuple, dict[str, float | int | str | None]]]


def day_of(moment: datetime) -> date:
    moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return moment.date()


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def covering(table, since: date | None, until: date | None) -> ColumnElement:
    """The rows that count every article published from ``since`` to ``until`` (inclusive
    UTC days; None leaves that end open) exactly once: the month rows of the whole months in
    the range, and the day rows of the partial months at its ends."""
    first_full = since if since is None or since.day == 1 else _next_month(since)
    after_full = None if until is None else (until + timedelta(days=1) if (until + timedelta(days=1)).day == 1 else until.replace(day=1))
    if first_full is not None and after_full is not None and first_full >= after_full:  # no whole month inside
        return and_(table.span == DAY, *_between(table, since, until))
    months = and_(table.span == MONTH, table.day >= first_full if first_full else true(), table.day < after_full if after_full else true())
    head = and_(table.span == DAY, table.day >= since, table.day < first_full) if since and since != first_full else false()
    tail = and_(table.span == DAY, table.day >= after_full, table.day <= until) if until and after_full <= until else false()
    return or_(months, head, tail)


def _between(table, since: date | None, until: date | None) -> list[ColumnElement]:
    return [condition for condition in (table.day >= since if since else None, table.day <= until if until else None) if condition is not None]


def add(session: Session, rows_by_table: Iterable[tuple[type[Base], list[dict]]], outlet: str, published_at: datetime) -> None:
    """Count an article's metric rows (``MetricRows.by_table()``) in the aggregates."""
    _contribute(_pending(session), rows_by_table, outlet, day_of(published_at), +1)


def withdraw(session: Session, article_id: int) -> None:
    """Take the article's current metric rows out of the aggregates (before they change or go)."""
    _stored(session, article_id, -1)


def add_stored(session: Session, article_id: int) -> None:
    """Count the article's metric rows as they are stored now (after its outlet or date changed)."""
    _stored(session, article_id, +1)


def _stored(session: Session, article_id: int, sign: int) -> None:
    article = session.execute(select(ArticleMetrics.outlet, ArticleMetrics.published_at).where(ArticleMetrics.article_id == article_id)).first()
    if article is None:
        return
    rows_by_table = [
        (table, [dict(row) for row in session.execute(select(table.__table__).where(table.article_id == article_id)).mappings()])
        for table in _ROWS
    ]
    _contribute(_pending(session), rows_by_table, article.outlet, day_of(article.published_at), sign)


def _pending(session: Session) -> Delta:
    return session.info.setdefault(_PENDING, {})


def _contribute(delta: Delta, rows_by_table, outlet: str, day: date, sign: int) -> None:
    """Add (``sign`` +1) or take away (-1) the rows' figures in the day's and the month's keys.

    Ingest calls this for every article, so it is written for speed: each key is the row's
    ``head`` (what precedes the period in the table's key), the period, and the row's
    ``tail``; an actor's name is kept as first written, never summed."""
    periods = ((DAY, outlet, day), (MONTH, outlet, day.replace(day=1)))
    for table, rows in rows_by_table:
        for key_table, head, tail, values, first in _ROWS[table](rows):
            changes = delta.get(key_table)
            if changes is None:
                changes = delta[key_table] = {}
            for period in periods:
                key = head + period + tail
                target = changes.get(key)
                if target is None:
                    if sign > 0:  # most keys are new to the transaction: their change is the row's values
                        changes[key] = {**_ZERO[key_table], **values, **first}
                        continue
                    target = changes[key] = dict(_ZERO[key_table])
                if sign > 0:
                    for name, value in values.items():
                        target[name] += value
                else:
                    for name, value in values.items():
                        target[name] -= value
                for name, value in first.items():
                    if target[name] is None:
                        target[name] = value


_NOTHING: dict = {}
_MEANS = [(name, f"{name}_n", f"{name}_sum") for name in ROLLED_MEANS]
_SUMS = [(name, f"{name}_sum") for name in ROLLED_SUMS[:-1]]


# Each yields, per aggregate row an article's metric row adds to: the aggregate table, the
# key's head and tail (around span, outlet and day, which every aggregate key has in that
# order), the values added, and the values kept as first written.

def _article(rows: list[dict]):
    for row in rows:
        values = {"articles": 1, "anonymous_citations_sum": (row["anonymous_share"] or 0.0) * row["citations"]}
        for name, count, total in _MEANS:
            value = row[name]
            values[count], values[total] = (0, 0.0) if value is None else (1, value)
        for name, total in _SUMS:
            values[total] = row[name]
        yield OutletRollup, (row["analyzer_version"],), (), values, _NOTHING


def _actors(rows: list[dict]):
    for row in rows:
        sentiment = row["mean_sentiment"]
        yield ActorRollup, (row["analyzer_version"], row["actor"]), (), {
            "articles": 1, "mentions": row["mentions"],
            "sentiment_articles": 0 if sentiment is None else 1, "sentiment_weighted": 0.0 if sentiment is None else sentiment * row["mentions"],
            "negative": row["negative"], "neutral": row["neutral"], "positive": row["positive"], "cited": row["cited"],
        }, {"actor_name": row["actor_name"]}


def _sources(kind: str, column: str):
    def rows_of(rows: list[dict]):
        for row in rows:
            yield SourceRollup, (row["analyzer_version"],), (kind, row[column]), {
                "articles": 1, "citations": row["citations"], "words": row["words"]}, _NOTHING
    return rows_of


def _terms(rows: list[dict]):
    """One article counts once per term, however many voices and targets it used the term with."""
    uses: dict[tuple, dict[str, int]] = defaultdict(lambda: {"articles": 1, "authorial": 0, "quoted": 0})
    for row in rows:
        voice = "quoted" if row["voice"] == QUOTED else "authorial"
        uses[(row["analyzer_version"], row["term"], row["category"])][voice] += row["count"]
    for (version, term, category), values in uses.items():
        yield TermRollup, (version,), (term, category), values, _NOTHING


def _labels(rows: list[dict]):
    for row in rows:
        yield LabelRollup, (row["analyzer_version"],), (row["actor"], row["label"]), {"articles": 1, "count": row["count"]}, _NOTHING


_KEYS = {table: [str(column.name) for column in table.__table__.primary_key.columns] for table in ROLLUP_TABLES}
_ROWS = {
    ArticleMetrics: _article, ArticleActorMetrics: _actors, ArticleSideMetrics: _sources(SIDE, "side"),
    ArticleSourceTypeMetrics: _sources(TYPE, "source_type"), ArticleTermMetrics: _terms, ArticleActorLabel: _labels,
}


def apply_pending(session: Session) -> None:
    """Write the session's collected changes (registered to run before every commit)."""
    delta = session.info.pop(_PENDING, None)
    if not delta:
        return
    for table in ROLLUP_TABLES:  # a fixed order of tables and of keys: row locks are taken in one order
        changes = delta.get(table)
        if not changes:
            continue
        keys = _KEYS[table]
        ordered = sorted(changes.items())
        bulk.insert(session, table.__table__, [{**dict(zip(keys, key)), **values} for key, values in ordered],
                    on_conflict=_ON_CONFLICT[table])
        columns = table.__table__.c
        # a key taken away at least as often as added (also an article stored and revised in
        # one transaction, whose first rows were never counted before) may leave a row of zeros
        emptied = [dict(zip([f"k_{name}" for name in keys], key)) for key, values in ordered if values["articles"] <= 0]
        if emptied:
            session.execute(
                delete(table.__table__).where(and_(*(columns[name] == bindparam(f"k_{name}") for name in keys)), columns.articles <= 0),
                emptied,
            )


def _assignments(table) -> str:
    name = table.__table__.name
    return ", ".join(
        f'"{column}" = coalesce({name}."{column}", excluded."{column}")' if column in _NOT_ADDED.get(table, ())
        else f'"{column}" = {name}."{column}" + excluded."{column}"'
        for column in (column.name for column in table.__table__.columns if not column.primary_key))


def _zero(table) -> dict:
    """A key's change before anything is added: every value column, nothing in it.

    Integers stay integers (an integer column is never sent ``3.0``), and every column is
    present, so each row of an upsert names the same columns."""
    return {str(column.name): None if column.name in _NOT_ADDED.get(table, ()) else 0
            for column in table.__table__.columns if not column.primary_key}


_ON_CONFLICT = {table: f"ON CONFLICT ({', '.join(f'{chr(34)}{name}{chr(34)}' for name in _KEYS[table])}) DO UPDATE SET {_assignments(table)}"
                for table in ROLLUP_TABLES}
_ZERO = {table: _zero(table) for table in ROLLUP_TABLES}


# ---- rebuilding from the metric rows (migration 0004's backfill) -------------------------------

def _period(column, span: str, dialect: str):
    """The first day of the UTC day or month of a timestamp column, as a date."""
    if dialect == "postgresql":
        moment = func.timezone(literal_column("'UTC'"), column)
        if span == MONTH:
            moment = func.date_trunc(literal_column("'month'"), moment)
        return func.cast(moment, type_=OutletRollup.day.type).label("day")
    if span == MONTH:
        return func.date(column, literal_column("'start of month'")).label("day")
    return func.date(column).label("day")


def rebuild(connection: Connection) -> None:
    """Recompute every aggregate from the metric tables, in SQL (no report is read)."""
    dialect = connection.dialect.name
    for table in ROLLUP_TABLES:
        connection.execute(delete(table.__table__))
    for span in (DAY, MONTH):
        _rebuild_span(connection, span, dialect)


def _rebuild_span(connection: Connection, span: str, dialect: str) -> None:
    label = literal_column(f"'{span}'")
    source = ArticleMetrics.__table__.c
    day = _period(source.published_at, span, dialect)
    figures = {"articles": func.count(),
               "anonymous_citations_sum": func.coalesce(func.sum(func.coalesce(source.anonymous_share, 0.0) * source.citations), 0.0)}
    for name in ROLLED_MEANS:
        figures[f"{name}_n"], figures[f"{name}_sum"] = func.count(source[name]), func.coalesce(func.sum(source[name]), 0.0)
    for name in ROLLED_SUMS[:-1]:
        figures[f"{name}_sum"] = func.coalesce(func.sum(source[name]), 0.0)
    connection.execute(OutletRollup.__table__.insert().from_select(
        ["analyzer_version", "span", "outlet", "day", *figures],
        select(source.analyzer_version, label, source.outlet, day, *figures.values()).group_by(source.analyzer_version, source.outlet, day),
    ))
    actors = ArticleActorMetrics.__table__.c
    day = _period(actors.published_at, span, dialect)
    connection.execute(ActorRollup.__table__.insert().from_select(
        ["analyzer_version", "actor", "span", "outlet", "day", "actor_name", "articles", "mentions", "sentiment_articles",
         "sentiment_weighted", "negative", "neutral", "positive", "cited"],
        select(actors.analyzer_version, actors.actor, label, actors.outlet, day, func.max(actors.actor_name), func.count(),
               func.sum(actors.mentions), func.count(actors.mean_sentiment),
               func.coalesce(func.sum(actors.mean_sentiment * actors.mentions), 0.0), func.sum(actors.negative),
               func.sum(actors.neutral), func.sum(actors.positive), func.sum(actors.cited))
        .group_by(actors.analyzer_version, actors.actor, actors.outlet, day),
    ))
    for kind, table, column in ((SIDE, ArticleSideMetrics, "side"), (TYPE, ArticleSourceTypeMetrics, "source_type")):
        rows = table.__table__.c
        day = _period(rows.published_at, span, dialect)
        connection.execute(SourceRollup.__table__.insert().from_select(
            ["analyzer_version", "span", "outlet", "day", "kind", "name", "articles", "citations", "words"],
            select(rows.analyzer_version, label, rows.outlet, day, literal_column(f"'{kind}'"), rows[column], func.count(),
                   func.sum(rows.citations), func.sum(rows.words))
            .group_by(rows.analyzer_version, rows.outlet, day, rows[column]),
        ))
    terms = ArticleTermMetrics.__table__.c
    day = _period(terms.published_at, span, dialect)
    connection.execute(TermRollup.__table__.insert().from_select(
        ["analyzer_version", "span", "outlet", "day", "term", "category", "articles", "authorial", "quoted"],
        select(terms.analyzer_version, label, terms.outlet, day, terms.term, terms.category, func.count(func.distinct(terms.article_id)),
               func.sum(case((terms.voice == QUOTED, 0), else_=terms["count"])),
               func.sum(case((terms.voice == QUOTED, terms["count"]), else_=0)))
        .group_by(terms.analyzer_version, terms.outlet, day, terms.term, terms.category),
    ))
    labels = ArticleActorLabel.__table__.c
    day = _period(labels.published_at, span, dialect)
    connection.execute(LabelRollup.__table__.insert().from_select(
        ["analyzer_version", "span", "outlet", "day", "actor", "label", "articles", "count"],
        select(labels.analyzer_version, label, labels.outlet, day, labels.actor, labels.label, func.count(), func.sum(labels["count"]))
        .group_by(labels.analyzer_version, labels.outlet, day, labels.actor, labels.label),
    ))
