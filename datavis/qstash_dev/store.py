"""Persistence of the server's state: nothing (memory) or one SQLite file (``--data-file``).

The engine keeps its state in memory and writes every change through; a write is committed
before the API answers, so a restart loses no accepted message. WAL with
``synchronous=NORMAL`` survives a killed process (not a power cut), which is what a
development server needs, at a fraction of a full sync's cost. Records are JSON under a
kind (message, queue, group, dlq, dedup, schedule, flow, meta) and a key; log events apart.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any


class MemoryStore:
    """State lives only in the engine's memory: there is nothing to load, and every write
    is a deliberate no-op (the engine already holds the value)."""

    persistent = False

    def load(self, kind: str) -> Iterator[tuple[str, Any]]:
        """The stored records of one kind: none in memory."""
        return iter(())

    def load_events(self, limit: int) -> list[dict[str, Any]]:
        """The latest log events, oldest first: none in memory."""
        return []

    def put(self, kind: str, key: str, value: Any) -> None:
        """Record ``value`` under ``(kind, key)``."""

    def delete(self, kind: str, key: str) -> None:
        """Forget the record ``(kind, key)``."""

    def add_event(self, seq: int, event: dict[str, Any]) -> None:
        """Append a log event."""

    def prune_events(self, below_seq: int) -> None:
        """Drop log events older than ``below_seq``."""

    def commit(self) -> None:
        """Make every write so far durable."""

    def close(self) -> None:
        """Release the storage."""


class SqliteStore(MemoryStore):
    persistent = True

    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, isolation_level="DEFERRED", check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS objects (kind TEXT NOT NULL, "
                         "key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, key))")
        self._db.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, "
                         "data TEXT NOT NULL)")
        self._db.commit()
        self._dirty = False

    def load(self, kind: str) -> Iterator[tuple[str, Any]]:
        rows = self._db.execute("SELECT key, data FROM objects WHERE kind = ?", (kind,))
        for key, data in rows.fetchall():
            yield key, json.loads(data)

    def load_events(self, limit: int) -> list[dict[str, Any]]:
        rows = self._db.execute("SELECT data FROM events ORDER BY seq DESC LIMIT ?", (limit,))
        return [json.loads(r[0]) for r in reversed(rows.fetchall())]

    def put(self, kind: str, key: str, value: Any) -> None:
        self._db.execute("INSERT OR REPLACE INTO objects (kind, key, data) VALUES (?, ?, ?)",
                         (kind, key, json.dumps(value, separators=(",", ":"))))
        self._dirty = True

    def delete(self, kind: str, key: str) -> None:
        self._db.execute("DELETE FROM objects WHERE kind = ? AND key = ?", (kind, key))
        self._dirty = True

    def add_event(self, seq: int, event: dict[str, Any]) -> None:
        self._db.execute("INSERT OR REPLACE INTO events (seq, data) VALUES (?, ?)",
                         (seq, json.dumps(event, separators=(",", ":"))))
        self._dirty = True

    def prune_events(self, below_seq: int) -> None:
        self._db.execute("DELETE FROM events WHERE seq < ?", (below_seq,))
        self._dirty = True

    def commit(self) -> None:
        if self._dirty:
            self._db.commit()
            self._dirty = False

    def close(self) -> None:
        self.commit()
        self._db.close()


def open_store(path: str | None) -> MemoryStore:
    return SqliteStore(path) if path else MemoryStore()
