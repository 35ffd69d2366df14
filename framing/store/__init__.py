"""Stored articles, their reports and the per-article metrics that trends and comparisons read.

Data flows one way: reports made by :func:`framing.analyze` are written here
(``framing.store.articles``), turned into metric rows by ``framing.store.metrics``, and read
back by queries such as ``framing.store.trends``. Nothing in this package runs the
analyzer itself except the ingestion pipeline and ``reanalyze``, which say so.

``Database`` is imported on first use, so that ``import framing.store.url`` (for the
setting alone) does not load SQLAlchemy.
"""
__all__ = ["Database"]


def __getattr__(name: str):
    if name == "Database":
        from framing.store.db import Database

        return Database
    raise AttributeError(f"module 'framing.store' has no attribute {name!r}")
