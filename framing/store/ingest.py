"""Analyse and store many articles: all cores analyse, one process writes, in batches.

The pipeline behind ``framing ingest`` and ``framing reanalyze``. Work goes in windows of
``batch_size`` items; while the pool analyses one window, the window before it is written
in a single transaction, so an interruption loses at most the windows in flight. Each
window is checked against the store (one query) before anything is analysed, and items
stored already with the same content are skipped: rerunning an interrupted ingest
analyses only what is missing, and storing by key means nothing is stored twice.
"""
from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

import framing
from framing.errors import FramingError
from framing.store.articles import (
    UNCHANGED, ArticleInput, Snapshot, needs_analysis, reanalysed, save_many, snapshots, utc,
)
from framing.store.db import Database
from framing.store.models import Article, ArticleRevision
from framing.store.records import InvalidRecord, Record, to_input
from framing.store.versions import current_analyzer_version

Progress = Callable[[int], None]
REANALYSED = "reanalysed"


@dataclass(frozen=True)
class Failure:
    where: str  # "line 12" in the input file, or "article 5" when reanalysing
    key: str | None
    code: str
    message: str


@dataclass
class Summary:
    statuses: Counter = field(default_factory=Counter)  # created, revised, updated, unchanged, reanalysed
    failures: list[Failure] = field(default_factory=list)


@dataclass(frozen=True)
class _Entry:
    """One item of a window as planned: what to store, or why not."""

    where: str
    item: ArticleInput | None = None
    analyse: bool = False
    failure: Failure | None = None
    article_id: int = 0  # when reanalysing


def analyse(item: ArticleInput, max_chars: int | None = None) -> dict:
    """The one place stored articles are analysed: their text, title and metadata."""
    options = {"max_chars": max_chars} if max_chars else {}
    return framing.analyze(item.text, title=item.title, metadata=item.metadata(), **options)


def _analyse_task(item: ArticleInput | None) -> dict | FramingError | None:
    if item is None:
        return None
    try:
        return analyse(item)
    except FramingError as error:
        return error


class _Analyser:
    """``map`` over a window: in this process for one worker, else on a pool of processes."""

    def __init__(self, database: Database, workers: int):
        self.pool = None
        if workers > 1:
            framing.warm_up()  # once, before forking: the workers share the loaded corpora
            database.dispose()  # no open database connection may cross a fork
            self.pool = multiprocessing.get_context("fork").Pool(workers)

    def submit(self, items: list) -> Iterator:
        if self.pool is None:
            return map(_analyse_task, items)
        return self.pool.imap(_analyse_task, items, chunksize=2)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def _pipelined(database: Database, workers: int, windows: Iterator[list], plan: Callable, write: Callable) -> None:
    """Analyse window n+1 while window n is written.

    ``plan(window)`` returns the window's entries; ``write(entries, results)`` stores them
    with the analysis results (None where an entry was not analysed).
    """
    analyser = _Analyser(database, workers)
    in_flight: deque = deque()
    try:
        for window in windows:
            entries = plan(window)
            in_flight.append((entries, analyser.submit([entry.item if entry.analyse else None for entry in entries])))
            if len(in_flight) == 2:
                entries, results = in_flight.popleft()
                write(entries, list(results))
        while in_flight:
            entries, results = in_flight.popleft()
            write(entries, list(results))
    finally:
        analyser.close()


def _windows(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while window := list(islice(iterator, size)):
        yield window


def ingest(database: Database, records: Iterable[Record], *, workers: int = 1, batch_size: int = 200,
           progress: Progress | None = None) -> Summary:
    summary = Summary()
    seen: dict[str, Snapshot] = {}  # what this run has planned to store, ahead of the writes

    def plan(window: list[Record]) -> list[_Entry]:
        parsed: list[tuple[str, ArticleInput | InvalidRecord]] = []
        for record in window:
            try:
                parsed.append((f"line {record.line}", to_input(record)))
            except InvalidRecord as error:
                parsed.append((f"line {record.line}", error))
        keys = [item.key for _where, item in parsed if isinstance(item, ArticleInput) and item.key not in seen]
        with database.session() as session:
            stored = snapshots(session, keys)
        entries = []
        for where, item in parsed:
            if isinstance(item, InvalidRecord):
                entries.append(_Entry(where, failure=Failure(where, None, item.code, str(item))))
                continue
            before = seen.get(item.key) or stored.get(item.key)
            seen[item.key] = Snapshot.of(item, before.article_id if before else 0)
            if before is not None and before.same_content(item) and before.same_metadata(item):
                entries.append(_Entry(where))  # stored already: nothing to analyse or write
            else:
                entries.append(_Entry(where, item, analyse=needs_analysis(item, before)))
        return entries

    def write(entries: list[_Entry], results: list) -> None:
        pending = []
        for entry, result in zip(entries, results):
            if entry.failure:
                summary.failures.append(entry.failure)
            elif entry.item is None:
                summary.statuses[UNCHANGED] += 1
            elif isinstance(result, FramingError):
                summary.failures.append(Failure(entry.where, entry.item.key, result.code, result.message))
            else:
                pending.append((entry.item, result))
        summary.statuses.update(_store(database, pending))
        if progress:
            progress(len(entries))

    _pipelined(database, workers, _windows(records, batch_size), plan, write)
    return summary


def _store(database: Database, pending: list[tuple[ArticleInput, dict | None]]) -> Counter:
    """One transaction for the window; retried once if another writer stored a key meanwhile."""
    for attempt in (1, 2):
        statuses: Counter = Counter()
        try:
            with database.session() as session:
                for stored in save_many(session, pending, analyse):
                    statuses[stored.status] += 1
            return statuses
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def stale_articles(database: Database, everything: bool = False) -> list[int]:
    """Ids of articles whose current report another analyzer version made (or all of them)."""
    query = select(Article.id).join(ArticleRevision, ArticleRevision.id == Article.current_revision_id).order_by(Article.id)
    if not everything:
        query = query.where(ArticleRevision.analyzer_version != current_analyzer_version())
    with database.session() as session:
        return list(session.scalars(query))


def reanalyse(database: Database, article_ids: list[int], *, workers: int = 1, batch_size: int = 200,
              progress: Progress | None = None) -> Summary:
    summary = Summary()

    def plan(window: list[int]) -> list[_Entry]:
        with database.session() as session:
            rows = session.execute(
                select(Article, ArticleRevision).join(ArticleRevision, ArticleRevision.id == Article.current_revision_id)
                .where(Article.id.in_(window))
            ).all()
        items = {article.id: ArticleInput(
            key=article.key, outlet=article.outlet, published_at=utc(article.published_at), text=revision.text,
            text_sha256=revision.text_sha256, title=revision.title, url=article.url,
        ) for article, revision in rows}
        # an article deleted since it was listed has no item and is passed over
        return [_Entry(f"article {article_id}", items.get(article_id), analyse=article_id in items, article_id=article_id)
                for article_id in window]

    def write(entries: list[_Entry], results: list) -> None:
        with database.session() as session:
            for entry, result in zip(entries, results):
                if isinstance(result, FramingError):
                    summary.failures.append(Failure(entry.where, entry.item.key, result.code, result.message))
                elif result is not None and session.get(Article, entry.article_id) is not None:
                    reanalysed(session, entry.article_id, result)
                    summary.statuses[REANALYSED] += 1
        if progress:
            progress(len(entries))

    _pipelined(database, workers, _windows(article_ids, batch_size), plan, write)
    return summary
