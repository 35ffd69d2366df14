"""The database: an engine and sessions for one URL, and the migrations that shape it.

SQLite (a file in the working directory) needs no setting and suits one machine;
``FRAMING_DATABASE_URL=postgresql+psycopg://user@host/db`` selects PostgreSQL through
psycopg 3 for shared or larger stores. The schema is never created from the models
directly: :meth:`Database.upgrade` applies the Alembic migrations in
``framing/store/migrations``, which only ever add to what is stored.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from framing.store import rollups

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number: PostgreSQL advisory lock held while migrating, so several servers
# starting at once against one database migrate it one after the other.
_MIGRATION_LOCK = 7_286_413_119


class Database:
    def __init__(self, url: str):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        options = {"connect_args": {"check_same_thread": False}} if self.is_sqlite else {"pool_pre_ping": True}
        # reports are large: orjson writes them several times faster than the json module
        self.engine: Engine = create_engine(url, json_serializer=_to_json, **options)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # the aggregates collected while a unit of work stored articles are written as it commits
        event.listen(self._sessions, "before_commit", rollups.apply_pending)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    def upgrade(self, revision: str = "head") -> None:
        """Apply every migration not yet applied (a no-op on an up-to-date database)."""
        from alembic import command

        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            command.upgrade(alembic_config(connection), revision)

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def after_fork(self) -> None:
        """Drop pooled connections inherited from a preloading parent process."""
        self.engine.dispose(close=False)

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(connection: Connection | None = None):
    """Alembic's configuration built in code, so no alembic.ini is needed where we are installed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _to_json(value) -> str:
    return orjson.dumps(value).decode()


def _sqlite_pragmas(connection, _record) -> None:
    """Wait for a writer instead of failing at once when several processes share the file;
    write-ahead logging lets the API read while ``framing ingest`` writes."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
