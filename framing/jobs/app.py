"""The Celery application: Redis as broker and result store, named by ``FRAMING_BROKER_URL``.

Settings follow Celery's task guide for work that may run twice or die half-way: a task is
acknowledged when it ends (``acks_late``), put back on the queue when its worker process
dies (``reject_on_worker_lost``), and each worker process reserves one task at a time, so
a killed worker takes no queued work down with it. With Redis, a task whose worker
vanished entirely (the machine, or ``kill -9`` of the worker) is delivered again after the
broker's visibility timeout, ``FRAMING_BROKER_VISIBILITY_TIMEOUT`` seconds: keep it above
the longest chunk's run time (a chunk of 100 articles takes a few seconds), or chunks are
delivered twice (harmless, since tasks are idempotent, but wasted work).
"""
from __future__ import annotations

import os

from celery import Celery

from framing.jobs.settings import broker_url_from_env, queue_from_env

TASK_NAME = "framing.jobs.run_chunk"
DEFAULT_VISIBILITY_TIMEOUT = 600


def make_celery(broker_url: str, queue: str, visibility_timeout: int | None = None) -> Celery:
    visibility_timeout = visibility_timeout or int(os.environ.get("FRAMING_BROKER_VISIBILITY_TIMEOUT") or DEFAULT_VISIBILITY_TIMEOUT)
    app = Celery("framing", broker=broker_url, backend=broker_url)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=queue,
        broker_transport_options={"visibility_timeout": visibility_timeout},
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a restarted Redis is waited for, not given up on
        result_expires=7 * 86_400,
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        worker_hijack_root_logger=False,
    )
    return app


celery = make_celery(broker_url_from_env() or "redis://127.0.0.1:6379/0", queue_from_env())
