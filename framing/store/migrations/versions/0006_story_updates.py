"""Incremental stories: each build or update records the last article it considered.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Builds made before have none; the next ``framing stories update`` then rebuilds once.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('story_builds') as batch:
        batch.add_column(sa.Column('last_article_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
