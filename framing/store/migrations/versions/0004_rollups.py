"""Aggregates for trends and comparisons, keyset-pagination indexes, the word sample's order.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

The ``rollup_*`` tables hold per-day and per-month sums and counts kept up to date at ingest
(``framing.store.rollups``); a store made before them is backfilled here from its metric
rows, in SQL (about a minute per million articles on PostgreSQL). ``article_metrics``
gains ``sample_rank``, indexed, so a comparison reads its word sample in index order.
``articles`` gets composite (published_at, id) indexes for keyset pages, which replace the
single-column ones. On PostgreSQL, revisions are compressed with lz4 from now on.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from framing.store import rollups

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the figures summed per outlet and period, as framing.store.models had them at this revision
MEANS = (
    "hedged_attribution_rate", "attributions_per_1000", "loaded_authorial_per_1000", "loaded_quoted_per_1000",
    "hedges_per_1000", "anonymous_share", "direct_quote_share", "balance_index", "flesch_reading_ease",
    "flesch_kincaid_grade", "sentiment", "words",
)
SUMS = ("attributions", "hedged_attributions", "citations", "loaded_terms_authorial", "loaded_terms_quoted", "anonymous_citations")


def upgrade() -> None:
    op.create_table('rollup_outlet',
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('span', sa.String(length=5), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    *(sa.Column(f'{name}_n', sa.Integer(), nullable=False) for name in MEANS),
    *(sa.Column(f'{name}_sum', sa.Float(), nullable=False) for name in MEANS),
    *(sa.Column(f'{name}_sum', sa.Float(), nullable=False) for name in SUMS),
    sa.PrimaryKeyConstraint('analyzer_version', 'span', 'outlet', 'day')
    )
    op.create_table('rollup_actor',
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('span', sa.String(length=5), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('actor_name', sa.String(length=200), nullable=True),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('sentiment_articles', sa.Integer(), nullable=False),
    sa.Column('sentiment_weighted', sa.Float(), nullable=False),
    sa.Column('negative', sa.Integer(), nullable=False),
    sa.Column('neutral', sa.Integer(), nullable=False),
    sa.Column('positive', sa.Integer(), nullable=False),
    sa.Column('cited', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('analyzer_version', 'actor', 'span', 'outlet', 'day')
    )
    op.create_index('ix_rollup_actor_version_span_outlet_day', 'rollup_actor', ['analyzer_version', 'span', 'outlet', 'day'], unique=False)
    op.create_table('rollup_source',
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('span', sa.String(length=5), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('citations', sa.Integer(), nullable=False),
    sa.Column('words', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('analyzer_version', 'span', 'outlet', 'day', 'kind', 'name')
    )
    op.create_table('rollup_term',
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('span', sa.String(length=5), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('authorial', sa.Integer(), nullable=False),
    sa.Column('quoted', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('analyzer_version', 'span', 'outlet', 'day', 'term', 'category')
    )
    op.create_table('rollup_label',
    sa.Column('analyzer_version', sa.String(length=40), nullable=False),
    sa.Column('span', sa.String(length=5), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('analyzer_version', 'span', 'outlet', 'day', 'actor', 'label')
    )

    with op.batch_alter_table('article_metrics') as batch:
        batch.add_column(sa.Column('sample_rank', sa.BigInteger(), nullable=True))
    op.execute("UPDATE article_metrics SET sample_rank = (CAST(article_id AS BIGINT) * 2654435761) % 4294967296")
    with op.batch_alter_table('article_metrics') as batch:
        batch.alter_column('sample_rank', existing_type=sa.BigInteger(), nullable=False)
    op.create_index('ix_article_metrics_version_outlet_sample', 'article_metrics',
                    ['analyzer_version', 'outlet', 'sample_rank', 'article_id', 'revision_id'], unique=False)

    op.create_index('ix_articles_published_id', 'articles', ['published_at', 'id'], unique=False)
    op.create_index('ix_articles_outlet_published_id', 'articles', ['outlet', 'published_at', 'id'], unique=False)
    op.drop_index('ix_articles_published_at', table_name='articles')
    op.drop_index('ix_articles_outlet', table_name='articles')
    # Read only by the per-article trend and comparison queries the aggregates replace; a
    # comparison narrowed to an actor or a story reaches these rows by article_id instead.
    # Each index cost every ingested article a write.
    op.drop_index('ix_article_metrics_version_published', table_name='article_metrics')
    op.drop_index('ix_article_side_metrics_version_outlet_published', table_name='article_side_metrics')
    op.drop_index('ix_article_source_type_metrics_version_outlet_published', table_name='article_source_type_metrics')
    op.drop_index('ix_article_term_metrics_version_outlet_published', table_name='article_term_metrics')
    op.drop_index('ix_article_term_metrics_version_actor_outlet', table_name='article_term_metrics')

    if op.get_bind().dialect.name == "postgresql":
        # Reports, texts and pages are compressed as they are stored; lz4 does it several
        # times faster than the default pglz, which took a third of an ingest's database time.
        for column in ('report', 'text', 'html'):
            op.execute(f"ALTER TABLE article_revisions ALTER COLUMN {column} SET COMPRESSION lz4")

    rollups.rebuild(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead; the aggregates can be rebuilt from the metric rows at any time")
