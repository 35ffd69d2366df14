"""Where the workers' broker is and which queue they share: ``FRAMING_BROKER_URL``,
``FRAMING_QUEUE``. Kept apart from ``framing.jobs.app`` so reading them does not load Celery."""
from __future__ import annotations

import os
from datetime import timedelta

DEFAULT_QUEUE = "framing"


def broker_url_from_env() -> str:
    return os.environ.get("FRAMING_BROKER_URL", "").strip()


def queue_from_env() -> str:
    return os.environ.get("FRAMING_QUEUE", "").strip() or DEFAULT_QUEUE


def quiet_for_from_env() -> timedelta:
    """How long a job may make no progress before its unfinished chunks are sent again."""
    return timedelta(seconds=float(os.environ.get("FRAMING_JOB_QUIET_SECONDS") or 900))
