"""Aggregate pages keep room for new row versions, so an upsert of an existing row is a HOT update.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Ingest mostly adds to aggregate rows that exist (today's day and month of an outlet, an
actor, a term). PostgreSQL rewrites a row it updates; when the new version fits on the
same page and no indexed column changed (an upsert changes only sums), it is a heap-only
tuple: no index entry is written. Full pages (fillfactor 100) forced most updates to
another page and into both of ``rollup_actor``'s indexes: storing the same 1,000
articles again made 20% of its updates HOT at fillfactor 100 and 70% at 70, and took 42%
less time (docs/benchmarks.md). Pages written from now on keep 30% free; an existing store
gets it for its old pages with ``VACUUM FULL`` of each ``rollup_*`` table (it locks the
table while it rewrites it). SQLite has no such setting.
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FILLFACTOR = 70
TABLES = ("rollup_outlet", "rollup_actor", "rollup_source", "rollup_term", "rollup_label")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} SET (fillfactor = {FILLFACTOR})")


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
