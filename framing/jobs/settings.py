"""Where the workers' broker is, which queue they share (``FRAMING_BROKER_URL``,
``FRAMING_QUEUE``) and how many records a task takes. Kept apart from ``framing.jobs.app``
so reading them does not load Celery."""
from __future__ import annotations

import os
from datetime import timedelta

DEFAULT_QUEUE = "framing"
# Records per task. Each chunk pays fixed costs (a task, three transactions, about twenty
# statements, a commit): at 100 records ingest spent about 4% less CPU than at 50
# (docs/benchmarks.md), and a chunk still takes about a second of one core.
DEFAULT_CHUNK_SIZE = 100


def broker_url_from_env() -> str:
    return os.environ.get("FRAMING_BROKER_URL", "").strip()


def queue_from_env() -> str:
    return os.environ.get("FRAMING_QUEUE", "").strip() or DEFAULT_QUEUE


def quiet_for_from_env() -> timedelta:
    """How long a job may make no progress before its unfinished chunks are sent again."""
    return timedelta(seconds=float(os.environ.get("FRAMING_JOB_QUIET_SECONDS") or 900))
