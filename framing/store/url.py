"""Which database to use: ``FRAMING_DATABASE_URL``, else an SQLite file in the working directory.

Kept apart from ``framing.store.db`` so that reading the setting (the API's configuration,
the command line) does not load SQLAlchemy.
"""
from __future__ import annotations

import os

DEFAULT_DATABASE_URL = "sqlite:///framing.sqlite3"


def database_url_from_env() -> str:
    return os.environ.get("FRAMING_DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
