"""Initial schema: actor profiles, articles and their revisions, per-article metric tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Databases made before migrations existed already hold ``actor_profiles`` (created at
start-up by the API); that table is adopted as it is, never recreated.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("actor_profiles"):
        _create_actor_profiles()
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('current_revision_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_index('ix_articles_outlet', 'articles', ['outlet'], unique=False)
    op.create_index('ix_articles_published_at', 'articles', ['published_at'], unique=False)

    op.create_table('article_actor_labels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'actor', 'label', name='uq_article_actor_labels_article_actor_label')
    )
    op.create_index('ix_article_actor_labels_version_actor_outlet', 'article_actor_labels', ['analyzer_version', 'actor', 'outlet'], unique=False)

    op.create_table('article_actor_metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('actor_name', sa.String(length=200), nullable=True),
    sa.Column('side', sa.String(length=200), nullable=True),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('mean_sentiment', sa.Float(), nullable=True),
    sa.Column('negative', sa.Integer(), nullable=False),
    sa.Column('neutral', sa.Integer(), nullable=False),
    sa.Column('positive', sa.Integer(), nullable=False),
    sa.Column('cited', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'actor', name='uq_article_actor_metrics_article_actor')
    )
    op.create_index('ix_article_actor_metrics_version_actor_outlet_published', 'article_actor_metrics', ['analyzer_version', 'actor', 'outlet', 'published_at'], unique=False)

    op.create_table('article_metrics',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('words', sa.Integer(), nullable=False),
    sa.Column('attributions', sa.Integer(), nullable=False),
    sa.Column('hedged_attributions', sa.Integer(), nullable=False),
    sa.Column('anonymous_attributions', sa.Integer(), nullable=False),
    sa.Column('direct_quotes', sa.Integer(), nullable=False),
    sa.Column('citations', sa.Integer(), nullable=False),
    sa.Column('hedges', sa.Integer(), nullable=False),
    sa.Column('hedges_authorial', sa.Integer(), nullable=False),
    sa.Column('boosters', sa.Integer(), nullable=False),
    sa.Column('loaded_terms', sa.Integer(), nullable=False),
    sa.Column('loaded_terms_authorial', sa.Integer(), nullable=False),
    sa.Column('loaded_terms_quoted', sa.Integer(), nullable=False),
    sa.Column('attributions_per_1000', sa.Float(), nullable=True),
    sa.Column('hedged_attribution_rate', sa.Float(), nullable=True),
    sa.Column('loaded_authorial_per_1000', sa.Float(), nullable=True),
    sa.Column('loaded_quoted_per_1000', sa.Float(), nullable=True),
    sa.Column('hedges_per_1000', sa.Float(), nullable=True),
    sa.Column('anonymous_share', sa.Float(), nullable=True),
    sa.Column('direct_quote_share', sa.Float(), nullable=True),
    sa.Column('balance_index', sa.Float(), nullable=True),
    sa.Column('flesch_reading_ease', sa.Float(), nullable=True),
    sa.Column('flesch_kincaid_grade', sa.Float(), nullable=True),
    sa.Column('sentiment', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_index('ix_article_metrics_version_outlet_published', 'article_metrics', ['analyzer_version', 'outlet', 'published_at'], unique=False)
    op.create_index('ix_article_metrics_version_published', 'article_metrics', ['analyzer_version', 'published_at'], unique=False)

    op.create_table('article_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('html', sa.Text(), nullable=True),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('corpora_versions', sa.JSON(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('analyzed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'number', name='uq_article_revisions_article_number')
    )
    op.create_index('ix_article_revisions_analyzer_version', 'article_revisions', ['analyzer_version'], unique=False)

    op.create_table('article_side_metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('side', sa.String(length=200), nullable=False),
    sa.Column('citations', sa.Integer(), nullable=False),
    sa.Column('words', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'side', name='uq_article_side_metrics_article_side')
    )
    op.create_index('ix_article_side_metrics_version_outlet_published', 'article_side_metrics', ['analyzer_version', 'outlet', 'published_at'], unique=False)

    op.create_table('article_source_type_metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_type', sa.String(length=40), nullable=False),
    sa.Column('citations', sa.Integer(), nullable=False),
    sa.Column('words', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'source_type', name='uq_article_source_type_metrics_article_type')
    )
    op.create_index('ix_article_source_type_metrics_version_outlet_published', 'article_source_type_metrics', ['analyzer_version', 'outlet', 'published_at'], unique=False)

    op.create_table('article_term_metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('voice', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_article_term_metrics_article_id', 'article_term_metrics', ['article_id'], unique=False)
    op.create_index('ix_article_term_metrics_version_actor_outlet', 'article_term_metrics', ['analyzer_version', 'actor', 'outlet'], unique=False)
    op.create_index('ix_article_term_metrics_version_outlet_published', 'article_term_metrics', ['analyzer_version', 'outlet', 'published_at'], unique=False)


def _create_actor_profiles() -> None:
    op.create_table('actor_profiles',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.String(length=2000), nullable=True),
    sa.Column('version', sa.String(length=40), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    raise NotImplementedError("downgrading would drop every stored article and profile; restore a backup instead")
