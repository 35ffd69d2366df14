"""The one Celery task: process a chunk of a job (``framing.jobs.work.run_chunk``).

A database error (a dropped connection, a restarted server, a deadlock, a key another
worker stored first) is retried with exponential backoff and jitter, up to about ten
minutes; past that the chunk stays unfinished and the sweeper sends it again once the job
has been quiet for a while (``framing.jobs.dispatch``). Errors in a record never reach
here: they are that record's outcome.
"""
from __future__ import annotations

import functools

from celery.signals import worker_init, worker_process_init
from sqlalchemy.exc import DBAPIError

import framing
from framing.jobs.app import TASK_NAME, celery
from framing.jobs.work import run_chunk
from framing.store.db import Database
from framing.store.url import database_url_from_env


@functools.cache
def database() -> Database:
    return Database(database_url_from_env())


@worker_init.connect
def _prepare(**_kwargs) -> None:
    """Once per worker, before its pool forks: schema up to date, corpora loaded and shared."""
    database().upgrade()
    database().dispose()
    framing.warm_up()


@worker_process_init.connect
def _after_fork(**_kwargs) -> None:
    database().after_fork()


@celery.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True,
             autoretry_for=(DBAPIError,), retry_backoff=1, retry_backoff_max=60, retry_jitter=True, max_retries=15)
def run_chunk_task(self, job_id: str, number: int) -> dict:
    return run_chunk(database(), job_id, number)
