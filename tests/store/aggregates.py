"""The aggregates as stored, and as a rebuild from the metric rows makes them: the two must
be equal however the articles were written (one by one, in bulk, by workers that died)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from framing.store import rollups
from framing.store.models import ROLLUP_TABLES


def rollup_rows(database) -> dict:
    with database.engine.connect() as connection:
        return {
            table.__table__.name: sorted((tuple(row) for row in connection.execute(select(table.__table__))), key=repr)
            for table in ROLLUP_TABLES
        }


def assert_rows_equal(found: dict, expected: dict):
    assert found.keys() == expected.keys()
    for name in found:
        assert len(found[name]) == len(expected[name]), name
        for row, wanted in zip(found[name], expected[name]):
            assert all(value == pytest.approx(other, abs=1e-9) if isinstance(value, float) else value == other
                       for value, other in zip(row, wanted)), (name, row, wanted)


def rebuilt(database) -> dict:
    """The aggregates recomputed in SQL from the metric rows (the migration's backfill)."""
    with database.engine.begin() as connection:
        rollups.rebuild(connection)
    return rollup_rows(database)


def assert_equal_to_a_rebuild(database) -> None:
    """The stored aggregates are those a rebuild makes (which then replaces them)."""
    incremental = rollup_rows(database)
    assert all(incremental.values())
    assert_rows_equal(incremental, rebuilt(database))
