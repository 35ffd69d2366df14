"""Databases for tests: an SQLite file per test, and the real PostgreSQL server.

PostgreSQL is the one on 127.0.0.1:5432 (database ``test``, trust auth; ``.ci/run``
starts it), or ``FRAMING_TEST_POSTGRES_URL``. Each test session works in a schema of its
own (``framing_test_<random>``, dropped at the end) so concurrent runs never collide; the
tables are emptied between tests. Without a reachable server the PostgreSQL tests skip,
saying why, unless ``FRAMING_TEST_REQUIRE_POSTGRES`` is set (as ``.ci/run`` does): then they fail.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from framing.store import Database
from framing.store.models import Base

POSTGRES_URL = os.environ.get("FRAMING_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


def in_schema(url: str, schema: str) -> str:
    """The URL with every connection's ``search_path`` set to ``schema``."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def postgres_schema():
    """A new empty schema; yields the URL that works in it, drops it afterwards."""
    admin = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    schema = f"framing_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin.dispose()
        reason = f"PostgreSQL is not reachable at {POSTGRES_URL} ({str(error.orig).strip().splitlines()[0]}); .ci/run starts it"
        if os.environ.get("FRAMING_TEST_REQUIRE_POSTGRES"):
            pytest.fail(reason)  # CI: a missing server must not pass as skipped tests
        pytest.skip(reason)
    try:
        yield in_schema(POSTGRES_URL, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_session_url():
    with postgres_schema() as url:
        database = Database(url)
        database.upgrade()
        database.dispose()
        yield url


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """An empty, migrated database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'framing.sqlite3'}"
        return
    url = request.getfixturevalue("postgres_session_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    yield url


@pytest.fixture
def database(database_url):
    database = Database(database_url)
    database.upgrade()
    yield database
    database.dispose()
