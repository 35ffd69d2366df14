"""Stored articles, their reports and the per-article metrics that trends and comparisons read.

Data flows one way: reports made by :func:`framing.analyze` are written here
(``framing.store.articles``), turned into metric rows by ``framing.store.metrics``, and read
back by queries such as ``framing.store.trends``. Nothing in this package runs the
analyzer itself except the ingestion pipeline and ``reanalyze``, which say so.
"""
from framing.store.db import DEFAULT_DATABASE_URL, Database, database_url_from_env

__all__ = ["DEFAULT_DATABASE_URL", "Database", "database_url_from_env"]
