"""Reading one row by its primary key: the lookup every service needs."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, select

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
