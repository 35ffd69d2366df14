"""Storage for named actor profiles: one SQLAlchemy 2 model and the session setup.

Kept free of Flask so it can move into a storage package later. The engine comes from
``FRAMING_DATABASE_URL`` (SQLite by default); tables are created at start-up until the
project adopts migrations.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from collections.abc import Iterator

from sqlalchemy import JSON, DateTime, Integer, String, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class StoredProfile(Base):
    """An actor profile saved under a name, so callers can analyse with ``profile: "name"``."""

    __tablename__ = "actor_profiles"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    description: Mapped[str | None] = mapped_column(String(2000))
    version: Mapped[str | None] = mapped_column(String(40))
    # Incremented on every replacement, so reports made with an older body stay traceable.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    document: Mapped[dict] = mapped_column(JSON)  # {"actors": [...], "sides": {...}}
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Database:
    def __init__(self, url: str):
        options = {"connect_args": {"check_same_thread": False}} if url.startswith("sqlite") else {"pool_pre_ping": True}
        self.engine: Engine = create_engine(url, **options)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create_tables(self) -> None:
        Base.metadata.create_all(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def after_fork(self) -> None:
        """Drop pooled connections inherited from a preloading parent process."""
        self.engine.dispose(close=False)


def _sqlite_pragmas(connection, _record) -> None:
    """Wait for a writer instead of failing at once when several workers share the file."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()
