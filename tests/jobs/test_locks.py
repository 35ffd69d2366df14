"""Deleting a job while a worker writes one of its chunks, on PostgreSQL: both take their
row locks in one order (items, chunks, job), so one waits for the other instead of the two
deadlocking (schemathesis met that deadlock: a 500 on DELETE /v1/jobs/{id})."""
from __future__ import annotations

import threading
import time

from sqlalchemy import text, update

from framing.jobs import state
from framing.jobs.state import NewItem
from framing.store import Database
from framing.store.models import Job, JobChunk


def _waiting_for_a_lock(database: Database, pid: int) -> bool:
    with database.engine.connect() as connection:
        return connection.execute(text("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}).scalar()


def test_a_delete_and_a_chunk_being_written_wait_for_each_other(postgres_session_url):
    database = Database(postgres_session_url)
    with database.session() as session:  # every item failed on arrival: its chunk's write locks no item
        job_id, _chunks = state.create_job(session, state.INGEST, [NewItem("item 0", None, ("validation_error", "not an object"))])
    errors, deleting = [], {}

    def delete_the_job():
        try:
            with database.session() as session:
                deleting["pid"] = session.execute(text("SELECT pg_backend_pid()")).scalar()
                state.cancel(session, job_id)
                state.forget(session, job_id)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    with database.session() as worker:  # what framing.jobs.work._write does once its items are written
        worker.execute(update(JobChunk).where(JobChunk.job_id == job_id, JobChunk.number == 0).values(finished=True))
        thread = threading.Thread(target=delete_the_job)
        thread.start()
        deadline = time.monotonic() + 30
        while not ("pid" in deleting and _waiting_for_a_lock(database, deleting["pid"])):
            assert time.monotonic() < deadline and thread.is_alive(), errors
            time.sleep(0.05)
        state.record_progress(worker, job_id)  # locks the job: the delete must not hold it while it waits
    thread.join(30)
    assert errors == []
    with database.session() as session:
        assert session.get(Job, job_id) is None
    database.dispose()
