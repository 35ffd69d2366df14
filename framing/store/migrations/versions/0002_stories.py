"""Stories: groups of articles about one event, and the builds that made them (``framing stories build``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('story_builds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('threshold', sa.Float(), nullable=False),
    sa.Column('window_days', sa.Float(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('stories', sa.Integer(), nullable=False),
    sa.Column('last_story_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('build_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('first_published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_published_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['build_id'], ['story_builds.id']),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_stories_last_published_at', 'stories', ['last_published_at'], unique=False)
    op.create_table('story_articles',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_index('ix_story_articles_story_id', 'story_articles', ['story_id'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("downgrading would drop the stories; rebuild them with `framing stories build` instead")
