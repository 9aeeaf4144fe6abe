"""Reading one row by its primary key, and updating one row: the lookups every service needs.

The statements are built once (per table, per UPDATE) and take their values as bind
parameters: building a statement and its cache key costs more than running it on SQLite.
"""
from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Connection, Select, Table, Update, bindparam, select

from datavis.domain_errors import NotFound

from .database import db


@functools.lru_cache(maxsize=64)
def _by_key(table: Table) -> Select[Any]:
    [primary_key] = table.primary_key.columns
    return select(table).where(primary_key == bindparam("row_key"))


def find(conn: Connection, table: Table, key: str) -> dict[str, Any] | None:
    """The row of ``table`` whose primary key is ``key``, or None."""
    row = conn.execute(_by_key(table), {"row_key": key}).mappings().first()
    return dict(row) if row else None


def get(table: Table, key: str, what: str) -> dict[str, Any]:
    """The row, or NotFound naming ``what`` was asked for ("chart 'x' not found")."""
    with db.read() as conn:
        row = find(conn, table, key)
    if row is None:
        raise NotFound(f"{what} {key!r} not found")
    return row


@functools.lru_cache(maxsize=64)
def _returning(statement: Update) -> Update:
    return statement.returning(*statement.table.c)


def update_one(conn: Connection, table: Table, key: str, statement: Update,
               params: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Run an UPDATE of the row ``key`` (a statement built once, filled by ``params``); the
    row as it is now if it changed it, else None. One statement where the database can
    return the row (SQLite 3.35+, PostgreSQL)."""
    if conn.dialect.update_returning:
        row = conn.execute(_returning(statement), params or {}).mappings().first()
        return dict(row) if row else None
    if conn.execute(statement, params or {}).rowcount != 1:
        return None
    return find(conn, table, key)
