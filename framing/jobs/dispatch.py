"""Sending a job's chunks to be processed: to the Celery workers when a broker is set, else
to a thread of this process (the embedded default: nothing else to run).

Both keep the job's state in the database the same way, so reading a job, cancelling it and
sweeping it for lost chunks do not care which ran it. :func:`resume_stalled` sends again the
chunks of a job that has made no progress for a while; a chunk is safe to run twice.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy.exc import DBAPIError

from framing.jobs.app import TASK_NAME, make_celery
from framing.jobs.state import mark_sent, stalled_chunks
from framing.jobs.work import run_chunk
from framing.store.db import Database

log = logging.getLogger("framing.jobs")

DEFAULT_QUIET = timedelta(minutes=15)
_IN_PROCESS_RETRIES = 5


class CeleryDispatcher:
    """Chunks as tasks on the broker's queue, for ``framing worker`` processes anywhere."""

    def __init__(self, broker_url: str, queue: str):
        self.app = make_celery(broker_url, queue)
        self.queue = queue

    def send(self, database: Database, job_id: str, numbers: list[int]) -> None:
        for number in numbers:
            self.app.send_task(TASK_NAME, (job_id, number), queue=self.queue)
        with database.session() as session:
            mark_sent(session, job_id, numbers)

    def close(self) -> None:
        self.app.close()


class ThreadDispatcher:
    """Chunks run one after another on a thread of this process (no broker configured).

    The thread shares the process with the API, so a large job slows requests; set
    ``FRAMING_BROKER_URL`` and run ``framing worker`` for real volumes.
    """

    def __init__(self):
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="framing-job")

    def send(self, database: Database, job_id: str, numbers: list[int]) -> None:
        with database.session() as session:
            mark_sent(session, job_id, numbers)
        for number in numbers:
            self.executor.submit(_run_with_retries, database, job_id, number)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _run_with_retries(database: Database, job_id: str, number: int) -> None:
    """As the Celery task: database errors are retried with backoff, then left to the sweeper."""
    for attempt in range(_IN_PROCESS_RETRIES):
        try:
            run_chunk(database, job_id, number)
            return
        except DBAPIError:
            log.warning("chunk %d of job %s: database error, attempt %d", number, job_id, attempt + 1, exc_info=True)
            time.sleep(min(2 ** attempt, 30))
        except Exception:  # noqa: BLE001 - a thread must not die silently; the sweeper will send it again
            log.exception("chunk %d of job %s failed", number, job_id)
            return


def dispatcher(broker_url: str, queue: str) -> CeleryDispatcher | ThreadDispatcher:
    return CeleryDispatcher(broker_url, queue) if broker_url else ThreadDispatcher()


def resume_stalled(database: Database, sender, job_id: str, quiet_for: timedelta = DEFAULT_QUIET) -> list[int]:
    """Send again the unfinished chunks of a job quiet for ``quiet_for``; the chunks sent."""
    with database.session() as session:
        numbers = stalled_chunks(session, job_id, quiet_for)
    if numbers:
        log.warning("job %s made no progress for %s: sending %d chunks again", job_id, quiet_for, len(numbers))
        sender.send(database, job_id, numbers)
    return numbers
