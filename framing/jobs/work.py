"""What a worker does with one chunk of a job: analyse its pending items, then store every
outcome in one transaction. Run by the Celery task (``framing.jobs.tasks``) and, without a
broker, by the in-process runner (``framing.jobs.dispatch``).

Safe to run twice, or to die half-way (Celery's task guide: acknowledged late, requeued
when the worker is lost): only items still ``pending`` are read, and the write locks them
and checks again, so a chunk delivered twice stores each article once; articles are stored
by key (``framing.store.keys``: the client's id, the URL, else the text's SHA-256), so
even a lost outcome cannot make a duplicate. A record that cannot be read or analysed is
marked ``failed`` with its error and the others go on; a chunk that has killed its worker
``MAX_DELIVERIES`` times is failed whole (``worker_lost``) rather than retried forever.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, replace

from sqlalchemy import select, update
from sqlalchemy.orm import Session

import framing
from framing.errors import FramingError
from framing.gc_pause import cyclic_gc_paused
from framing.jobs.state import ANALYZE, DONE, FAILED, PENDING, RUNNING, record_progress, storable
from framing.profiles import bundled_profile
from framing.store import bulk, rollups
from framing.store.articles import ArticleInput, needs_analysis, save_many, snapshots
from framing.store.db import Database
from framing.store.ingest import analyse
from framing.store.models import Job, JobChunk, JobItem, StoredProfile
from framing.store.records import InvalidRecord, Record, to_input

log = logging.getLogger("framing.jobs")

MAX_DELIVERIES = 5
ANALYSED = "analysed"
METADATA_FIELDS = ("outlet", "url", "published_at")


@dataclass
class Outcome:
    position: int
    key: str | None = None
    item: ArticleInput | None = None  # ingest: what to store
    report: dict | None = None
    failure: tuple[str, str] | None = None


def run_chunk(database: Database, job_id: str, number: int) -> dict:
    """Process chunk ``number`` of the job; returns counts for the task's result.

    Python's cyclic collector is paused for the whole chunk (``framing.gc_pause``), not
    only while each article is analysed: the chunk's reports and rows stay alive until they
    are written, and every collection the writing triggered walked all of them again (a
    tenth of the time spent storing). They are freed by reference counting once written.
    """
    with cyclic_gc_paused():
        return _run_chunk(database, job_id, number)


def _run_chunk(database: Database, job_id: str, number: int) -> dict:
    with database.session() as session:
        job = session.get(Job, job_id)
        chunk = session.get(JobChunk, (job_id, number))
        if job is None or chunk is None or job.state != RUNNING or chunk.finished:
            return {"job": job_id, "chunk": number, "skipped": True}
        chunk.deliveries += 1
        deliveries, kind = chunk.deliveries, job.kind
        pending = session.execute(
            select(JobItem.position, JobItem.where, JobItem.input)
            .where(JobItem.job_id == job_id, JobItem.chunk == number, JobItem.status == PENDING).order_by(JobItem.position)
        ).all()
    if deliveries > MAX_DELIVERIES:
        outcomes = [Outcome(position, failure=("worker_lost", f"a worker died on this record's chunk {MAX_DELIVERIES} times"))
                    for position, _where, _input in pending]
    elif kind == ANALYZE:
        outcomes = [_analysed(database, position, fields) for position, _where, fields in pending]
    else:
        outcomes = _to_ingest(database, pending)
    with database.session() as session:
        written = _write(session, job_id, number, kind, outcomes)
    return {"job": job_id, "chunk": number, **written}


def _failure(error: Exception, where: str) -> tuple[str, str]:
    if isinstance(error, (FramingError, InvalidRecord)):
        return error.code, getattr(error, "message", str(error))
    log.exception("job item %s failed", where)  # a bug: logged, and the record is failed, not the run
    return "internal_error", f"internal error ({type(error).__name__}); the worker's log has the details"


def content_key(fields: dict) -> str:
    """What an analysis item is keyed by: the SHA-256 of its input, canonically written."""
    return "sha256:" + hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _analysed(database: Database, position: int, fields: dict) -> Outcome:
    try:
        report = framing.analyze(
            fields["text"], title=fields.get("title"), metadata={name: fields[name] for name in METADATA_FIELDS if name in fields},
            profile=_profile(database, fields.get("profile")),
        )
    except Exception as error:  # noqa: BLE001 - one record's failure is recorded, never the run's
        return Outcome(position, content_key(fields), failure=_failure(error, f"item {position}"))
    if "html" in fields:
        report = {"text": fields["text"], **report}
    return Outcome(position, content_key(fields), report=report)


def _profile(database: Database, profile: dict | str | None) -> dict | None:
    """A stored profile by name, else a bundled one (as ``POST /v1/analyze`` resolves it)."""
    if not isinstance(profile, str):
        return profile
    with database.session() as session:
        stored = session.get(StoredProfile, profile)
        if stored is not None:
            return {"name": stored.name, "version": stored.version or f"r{stored.revision}", **stored.document}
    bundled = bundled_profile(profile)
    if bundled is None:
        raise InvalidProfileName(f"no stored or bundled profile is named {profile!r}")
    return bundled


class InvalidProfileName(FramingError):
    code = "unknown_profile"


def _to_ingest(database: Database, pending) -> list[Outcome]:
    """Parse every record, look its key up (one query), analyse only what is new or changed."""
    outcomes = []
    for position, where, fields in pending:
        try:
            item = to_input(Record(position, fields))
            outcomes.append(Outcome(position, item.key, replace(item, html=fields.get("html"))))
        except Exception as error:  # noqa: BLE001
            outcomes.append(Outcome(position, failure=_failure(error, where)))
    with database.session() as session:
        stored = snapshots(session, [outcome.key for outcome in outcomes if outcome.item])
    for outcome in outcomes:
        if outcome.item and needs_analysis(outcome.item, stored.get(outcome.key)):
            try:
                outcome.report = analyse(outcome.item)
            except Exception as error:  # noqa: BLE001
                outcome.failure, outcome.item = _failure(error, f"item {outcome.position}"), None
    return outcomes


def _write(session: Session, job_id: str, number: int, kind: str, outcomes: list[Outcome]) -> dict:
    """One transaction: the items still pending (locked, so a twin delivery waits and then
    finds them done), their articles, their outcomes, the chunk and perhaps the job."""
    locking = session.get_bind().dialect.name == "postgresql"
    query = (select(JobItem.position).where(JobItem.job_id == job_id, JobItem.chunk == number, JobItem.status == PENDING)
             .order_by(JobItem.position))  # the order framing.jobs.state.cancel locks in
    still_pending = set(session.scalars(query.with_for_update() if locking else query))
    job = session.get(Job, job_id)
    written = {"done": 0, "failed": 0}
    if job is None or job.state != RUNNING:
        return written
    outcomes = [outcome for outcome in outcomes if outcome.position in still_pending]
    storing = [outcome for outcome in outcomes if not outcome.failure and kind != ANALYZE]
    stored = dict(zip((outcome.position for outcome in storing),
                      save_many(session, [(outcome.item, outcome.report) for outcome in storing], analyse)))
    rows = []
    for outcome in outcomes:
        row = {"job_id": job_id, "position": outcome.position, "key": outcome.key, "input": None, "status": FAILED if outcome.failure else DONE,
               "article_id": None, "outcome": None, "error_code": None, "error_message": None, "report": None}
        if outcome.failure:
            row.update(error_code=outcome.failure[0], error_message=storable(outcome.failure[1]))
        elif kind == ANALYZE:
            row.update(outcome=ANALYSED, report=outcome.report)
        else:
            row.update(article_id=stored[outcome.position].article_id, outcome=stored[outcome.position].status)
        rows.append(row)
        written["failed" if outcome.failure else "done"] += 1
    bulk.update(session, JobItem.__table__, rows, keys=["job_id", "position"])
    session.execute(update(JobChunk).where(JobChunk.job_id == job_id, JobChunk.number == number).values(finished=True))
    # The aggregates now rather than as the transaction commits: the job's row, which every
    # chunk's write locks, is then held only for the last statements, not for the upserts.
    rollups.apply_pending(session)
    record_progress(session, job_id)
    return written
