"""Rows straight to the database driver, for the loader's hot path.

Each text's claims, relays and figures are a handful of rows; at thousands of
texts per second, SQLAlchemy's per-statement work costs more than the database's.
So the INSERT is written once per table and dialect, and the rows go to the
driver's `executemany` (through `exec_driver_sql`, which keeps SQLAlchemy's
error translation) inside the caller's transaction. Enums become their values
and, on SQLite, dates their ISO strings, as the column types would store them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect


@cache
def _statement(table: Table, columns: tuple[str, ...], dialect: Dialect) -> tuple[str, bool]:
    """The INSERT's SQL for this dialect, and whether it takes positional parameters.

    Written out rather than compiled, so no column default sneaks in a parameter
    the rows do not carry; identifiers come from the schema, quoted by the dialect.
    """
    quote = dialect.identifier_preparer.quote
    positional = dialect.paramstyle in ("qmark", "numeric", "format")
    if dialect.paramstyle == "qmark":
        marks = ["?"] * len(columns)
    elif dialect.paramstyle == "pyformat":
        marks = [f"%({name})s" for name in columns]
    elif dialect.paramstyle == "named":
        marks = [f":{name}" for name in columns]
    else:
        raise NotImplementedError(f"paramstyle {dialect.paramstyle}")
    names = ", ".join(quote(name) for name in columns)
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join(marks)})"  # noqa: S608
    return sql, positional


@cache
def _unnest_statement(table: Table, columns: tuple[str, ...], dialect: Dialect) -> str:
    """PostgreSQL: one INSERT taking one array per column, however many rows there are."""
    quote = dialect.identifier_preparer.quote
    arrays = ", ".join(
        f"%({name})s::{table.c[name].type.compile(dialect=dialect)}[]" for name in columns
    )
    names = ", ".join(quote(name) for name in columns)
    return f"INSERT INTO {quote(table.name)} ({names}) SELECT * FROM unnest({arrays})"  # noqa: S608


def _plain(value: Any, sqlite: bool) -> Any:
    if isinstance(value, Enum):
        return value.value
    if sqlite and isinstance(value, dt.date):
        return value.isoformat()
    return value


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT `rows` (tuples in the order of `columns`) into `table` with one executemany."""
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name == "postgresql":
        # One statement and one round trip for all the rows, instead of one per row.
        arrays = {name: [_plain(row[i], False) for row in rows] for i, name in enumerate(columns)}
        connection.exec_driver_sql(_unnest_statement(table, tuple(columns), dialect), arrays)
        return
    sql, positional = _statement(table, tuple(columns), dialect)
    sqlite = dialect.name == "sqlite"
    if positional:
        parameters: list[Any] = [tuple(_plain(v, sqlite) for v in row) for row in rows]
    else:
        parameters = [
            {name: _plain(v, sqlite) for name, v in zip(columns, row, strict=True)} for row in rows
        ]
    # exec_driver_sql skips compiling but keeps SQLAlchemy's error translation.
    connection.exec_driver_sql(sql, parameters)
