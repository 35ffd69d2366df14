"""A job's state in the database: created with its items, read as counts and failures,
cancelled, and swept for chunks whose task the broker may have lost.

The database, not the broker, is the record: every item is ``pending`` until a worker
stores its outcome (``done`` or ``failed``) in the same transaction as the articles, so the
counts are exact whatever happens to Redis or to a worker, and reading a job is a query.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from itertools import islice

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from framing.jobs.settings import DEFAULT_CHUNK_SIZE
from framing.store.models import Job, JobChunk, JobItem, as_utc, utcnow

ANALYZE, INGEST = "analyze", "ingest"
RUNNING, DONE, CANCELLED = "running", "done", "cancelled"
PENDING, FAILED = "pending", "failed"
_INSERT_BATCH = 1000


def storable(message: str) -> str:
    """An error message as a text column can hold it: PostgreSQL refuses NUL characters, and
    a message may quote what a client sent (a field named ``"\\u0000"``)."""
    return message.replace("\x00", "\\u0000")


@dataclass(frozen=True)
class NewItem:
    where: str  # "item 3" or "line 12"
    input: dict | None
    failure: tuple[str, str] | None = None  # (code, message) when the record cannot even be read


@dataclass(frozen=True)
class Counts:
    total: int
    done: int
    failed: int
    cancelled: int

    @property
    def left(self) -> int:
        return self.total - self.done - self.failed - self.cancelled


def create_job(session: Session, kind: str, items: Iterable[NewItem], *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> tuple[str, int]:
    """Store a job and its items (in batches: a file of millions streams through); ``(id, chunks)``."""
    job_id = str(uuid.uuid4())
    session.add(Job(id=job_id, kind=kind, state=RUNNING, total=0))
    session.flush()
    position = 0
    iterator = iter(items)
    while batch := list(islice(iterator, _INSERT_BATCH)):
        session.execute(JobItem.__table__.insert(), [
            {"job_id": job_id, "position": position + offset, "chunk": (position + offset) // chunk_size, "where": item.where,
             "status": FAILED if item.failure else PENDING, "input": None if item.failure else item.input,
             "error_code": item.failure[0] if item.failure else None, "error_message": storable(item.failure[1]) if item.failure else None}
            for offset, item in enumerate(batch)
        ])
        position += len(batch)
    chunks = -(-position // chunk_size)
    if chunks:
        session.execute(JobChunk.__table__.insert(), [{"job_id": job_id, "number": number, "deliveries": 0, "finished": False}
                                                      for number in range(chunks)])
    session.execute(update(Job).where(Job.id == job_id).values(total=position, state=RUNNING if position else DONE))
    return job_id, chunks


def mark_sent(session: Session, job_id: str, numbers: list[int]) -> None:
    session.execute(update(JobChunk).where(JobChunk.job_id == job_id, JobChunk.number.in_(numbers)).values(sent_at=utcnow()))


def counts(session: Session, job_id: str) -> Counts:
    by_status = dict(session.execute(
        select(JobItem.status, func.count()).where(JobItem.job_id == job_id).group_by(JobItem.status)).all())
    total = sum(by_status.values())
    return Counts(total, by_status.get(DONE, 0), by_status.get(FAILED, 0), by_status.get(CANCELLED, 0))


def failures(session: Session, job_id: str, limit: int, after: int = -1) -> list[JobItem]:
    return list(session.scalars(
        select(JobItem).where(JobItem.job_id == job_id, JobItem.status == FAILED, JobItem.position > after)
        .order_by(JobItem.position).limit(limit)))


def results(session: Session, job_id: str, limit: int, after: int = -1) -> list[JobItem]:
    return list(session.scalars(
        select(JobItem).where(JobItem.job_id == job_id, JobItem.position > after).order_by(JobItem.position).limit(limit)))


def cancel(session: Session, job_id: str) -> None:
    """Stop a running job: its pending items are ``cancelled`` and no worker starts them (a
    finished job is left as it is).

    Locks in the order a worker's write does (``framing.jobs.work``): pending items by
    position, then chunks, then the job, so a cancel and a chunk being written wait for each
    other and never deadlock (a chunk of items that all failed on arrival locks no item).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(JobItem.position).where(JobItem.job_id == job_id, JobItem.status == PENDING)
                        .order_by(JobItem.position).with_for_update())
        session.execute(select(JobChunk.number).where(JobChunk.job_id == job_id).order_by(JobChunk.number).with_for_update())
        session.execute(select(Job.id).where(Job.id == job_id).with_for_update())
    job = session.get(Job, job_id)
    if job is None or job.state != RUNNING:
        return
    job.state, job.finished_at = CANCELLED, utcnow()
    session.execute(update(JobItem).where(JobItem.job_id == job_id, JobItem.status == PENDING).values(status=CANCELLED, input=None))
    session.execute(update(JobChunk).where(JobChunk.job_id == job_id).values(finished=True))


def forget(session: Session, job_id: str) -> None:
    """Remove a job with its chunks and items (the articles an ingest stored stay); a
    worker that meets one of its chunks afterwards finds no job and does nothing."""
    for table in (JobItem, JobChunk):
        session.execute(delete(table).where(table.job_id == job_id))
    session.execute(delete(Job).where(Job.id == job_id))


def record_progress(session: Session, job_id: str) -> None:
    """After a chunk is written: note the progress, and mark the job done once no item is pending.

    The job's row is locked first, so of two workers finishing the last chunks at once the
    second waits for the first to commit and then sees its items done.
    """
    session.execute(select(Job.id).where(Job.id == job_id).with_for_update())  # SQLite has one writer anyway
    session.execute(update(Job).where(Job.id == job_id).values(progressed_at=utcnow()))
    pending = session.scalar(select(func.count()).select_from(JobItem).where(JobItem.job_id == job_id, JobItem.status == PENDING))
    if not pending:
        session.execute(update(Job).where(Job.id == job_id, Job.state == RUNNING).values(state=DONE, finished_at=utcnow()))


def stalled_chunks(session: Session, job_id: str, quiet_for: timedelta) -> list[int]:
    """The unfinished chunks of a running job that has made no progress for ``quiet_for``.

    Their tasks may be lost (a broker restarted without its data, a worker gone for good)
    and can be sent again: a chunk is safe to run twice. A job whose chunks are merely
    waiting their turn behind others keeps progressing and is left alone.
    """
    job = session.get(Job, job_id)
    before = utcnow() - quiet_for
    if job is None or job.state != RUNNING or as_utc(job.progressed_at) > before:
        return []
    return list(session.scalars(
        select(JobChunk.number)
        .where(JobChunk.job_id == job_id, JobChunk.finished.is_(False), (JobChunk.sent_at.is_(None)) | (JobChunk.sent_at < before))
        .order_by(JobChunk.number)))
