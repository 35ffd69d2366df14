"""Many rows in one statement: how ingest writes metric rows, aggregates and job outcomes.

A chunk of 50 articles makes about 1,200 metric rows and 2,000 aggregate changes. Sent as
an ``executemany`` they cost PostgreSQL a statement executed for each row, and sent as
arrays (``unnest``) they cost the worker more than the database's work, since psycopg
adapts every value in Python. Here, on PostgreSQL, the rows travel as one JSON array,
written by orjson (in C, from the rows' dicts as they are) and expanded by
``json_populate_recordset`` into the table's own row type, so the server converts each
value to its column's type, by name. SQLite runs in-process, where an ``executemany`` has
no round trips to save.

The rows keep their order (``WITH ORDINALITY``): aggregates are upserted in key order, so
two workers writing the same keys lock them in one order and wait instead of deadlocking.
"""
from __future__ import annotations

import orjson
from sqlalchemy import ARRAY, ColumnElement, Table, TextClause, any_, bindparam, text
from sqlalchemy.orm import Session


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def one_of(session: Session, column, values: list) -> ColumnElement:
    """``column IN values``; on PostgreSQL as ``= ANY(array)``, one parameter, so that the
    statement is the same whatever the number of values and its prepared plan looks each
    key up in the index (fifty separate parameters made a generic plan that scanned the
    table, comparing every row with each of them)."""
    if is_postgresql(session):
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def _names(names, prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{name}"' for name in names)


def _pairs(names, left: str, right: str, separator: str) -> str:
    return separator.join(f'{left}"{name}" = {right}' + (f'"{name}"' if right.endswith(".") else name) for name in names)


def _json_rows(table: Table) -> str:
    """The rows of the JSON array in :rows, typed as ``table``'s rows, numbered in order."""
    return f"json_populate_recordset(NULL::{table.name}, CAST(:rows AS json)) WITH ORDINALITY AS r"


def _typed(statement: str, table: Table, names) -> TextClause:
    """SQLite's statement with each parameter of its column's type (dates, JSON), as Core would bind it."""
    return text(statement).bindparams(*(bindparam(name, type_=table.c[name].type) for name in names))


def _as_json(rows: list[dict]) -> dict:
    # orjson writes datetimes and dates in ISO 8601, which PostgreSQL reads back exactly
    return {"rows": orjson.dumps(rows).decode()}


def insert(session: Session, table: Table, rows: list[dict], *, on_conflict: str = "") -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``, in their order;
    ``on_conflict``: an ``ON CONFLICT`` clause, for an upsert."""
    if not rows:
        return
    columns = list(rows[0])
    if not is_postgresql(session):
        values = ", ".join(f":{name}" for name in columns)
        session.execute(_typed(f"INSERT INTO {table.name} ({_names(columns)}) VALUES ({values}) {on_conflict}", table, columns), rows)
        return
    session.execute(text(f"INSERT INTO {table.name} ({_names(columns)}) "
                         f"SELECT {_names(columns, 'r.')} FROM {_json_rows(table)} ORDER BY r.ordinality {on_conflict}"),
                    _as_json(rows))


def update(session: Session, table: Table, rows: list[dict], keys: list[str]) -> None:
    """In the row of ``table`` matching each row's ``keys``, set the row's other values."""
    if not rows:
        return
    columns = [name for name in rows[0] if name not in keys]
    if not is_postgresql(session):
        statement = f"UPDATE {table.name} SET {_pairs(columns, '', ':', ', ')} WHERE {_pairs(keys, '', ':', ' AND ')}"
        session.execute(_typed(statement, table, rows[0]), rows)
        return
    session.execute(text(f"UPDATE {table.name} AS t SET {_pairs(columns, '', 'r.', ', ')} "
                         f"FROM {_json_rows(table)} WHERE {_pairs(keys, 't.', 'r.', ' AND ')}"),
                    _as_json(rows))
