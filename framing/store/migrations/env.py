"""Alembic's entry point: migrate the connection handed over by ``Database.upgrade``.

Run from the command line (``alembic`` with a config pointing here, as ``framing db
revision`` does) it connects to ``FRAMING_DATABASE_URL`` instead.
"""
from alembic import context
from sqlalchemy import create_engine

from framing.store.models import Base
from framing.store.url import database_url_from_env


def _migrate(connection) -> None:
    # render_as_batch: SQLite can only change a table by copying it, which batch mode does
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _migrate(connection)
else:
    engine = create_engine(database_url_from_env())
    with engine.begin() as own_connection:
        _migrate(own_connection)
    engine.dispose()
