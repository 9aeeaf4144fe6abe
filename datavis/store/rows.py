"""Reading one row by its primary key: the lookup every service needs."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, Update, select

from datavis.domain_errors import NotFound

from .database import db


def find(conn: Connection, table: Table, key: str) -> dict[str, Any] | None:
    """The row of ``table`` whose primary key is ``key``, or None."""
    [primary_key] = table.primary_key.columns
    row = conn.execute(select(table).where(primary_key == key)).mappings().first()
    return dict(row) if row else None


def get(table: Table, key: str, what: str) -> dict[str, Any]:
    """The row, or NotFound naming ``what`` was asked for ("chart 'x' not found")."""
    with db.read() as conn:
        row = find(conn, table, key)
    if row is None:
        raise NotFound(f"{what} {key!r} not found")
    return row


def update_one(conn: Connection, table: Table, key: str, statement: Update) -> dict[str, Any] | None:
    """Run an UPDATE of the row ``key``; the row as it is now if it changed it, else None.
    One statement where the database can return the row (SQLite 3.35+, PostgreSQL)."""
    if conn.dialect.update_returning:
        row = conn.execute(statement.returning(*table.c)).mappings().first()
        return dict(row) if row else None
    if conn.execute(statement).rowcount != 1:
        return None
    return find(conn, table, key)
