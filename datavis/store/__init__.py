"""Persistence: SQLAlchemy Core tables (SQLite by default, PostgreSQL in production)."""
from .database import Database, db
from .tables import metadata

__all__ = ["Database", "db", "metadata"]
