"""The tables. Constraints carry the invariants the receiver relies on:
one user message and one non-user message per request id, one task per request id."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def utcnow() -> dt.datetime:
    """Naive UTC: stored the same way in SQLite and PostgreSQL; the API adds the zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def iso(moment: dt.datetime | None) -> str | None:
    """A stored (naive UTC, or aware) time as the API writes it: ``2024-05-01T12:00:00.123456Z``."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat() + "Z"


files = Table(
    "files", metadata,
    Column("id", String(40), primary_key=True),
    Column("name", String(255), nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("size_bytes", Integer, nullable=False),
    Column("columns", JSON, nullable=False),
    Column("sample_rows", JSON, nullable=False),
    Column("created_at", DateTime(), nullable=False, default=utcnow),
)

chats = Table(
    "chats", metadata,
    Column("id", String(64), primary_key=True),
    Column("file_id", String(40), nullable=False, index=True),
    Column("title", String(200), nullable=True),
    Column("created_at", DateTime(), nullable=False, default=utcnow),
)

messages = Table(
    "messages", metadata,
    # 64-bit ids (SQLite's INTEGER PRIMARY KEY is already 64-bit and must stay INTEGER).
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("chat_id", String(64), ForeignKey("chats.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("chart_id", String(40), nullable=True),
    Column("request_id", String(64), nullable=True),
    Column("error", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(), nullable=False, default=utcnow),
    # The answer's alternative readings [{question, plan}] (also on its chart).
    Column("alternatives", JSON, nullable=True),
    Index("ix_messages_chat", "chat_id", "id"),
    # The heart of "exactly one answer": a second user message or a second assistant
    # message for the same request cannot be written, whatever races happen.
    Index("ux_messages_request_role", "request_id", "role", unique=True),
)

tasks = Table(
    "tasks", metadata,
    Column("request_id", String(64), primary_key=True),
    Column("chat_id", String(64), nullable=False),
    Column("file_id", String(40), nullable=False),
    Column("prompt", Text, nullable=False),
    Column("is_follow_up", Boolean, nullable=False, default=False),
    Column("last_chart_id", String(40), nullable=True),
    # A revision of the chart last_chart_id: one plan edit (a chip changed), else null.
    Column("edit", JSON, nullable=True),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("message_id", String(80), nullable=True),     # QStash's
    Column("queue_name", String(80), nullable=True),
    Column("published", Boolean, nullable=False, default=False),
    Column("lease_until", DateTime(), nullable=True),
    Column("chart_id", String(40), nullable=True),
    Column("error", Text, nullable=True),
    Column("created_at", DateTime(), nullable=False, default=utcnow),
    Column("updated_at", DateTime(), nullable=False, default=utcnow),
)

charts = Table(
    "charts", metadata,
    Column("id", String(40), primary_key=True),
    Column("chat_id", String(64), nullable=False, index=True),
    Column("file_id", String(40), nullable=False),
    Column("request_id", String(64), nullable=False, unique=True),
    Column("chart_type", String(20), nullable=False),
    Column("title", Text, nullable=False),
    Column("spec", JSON, nullable=False),
    Column("data", JSON, nullable=False),
    Column("sql", Text, nullable=False),
    Column("plan", JSON, nullable=False),
    Column("state", JSON, nullable=False),
    Column("insight", Text, nullable=False),
    Column("alternatives", JSON, nullable=True),
    Column("created_at", DateTime(), nullable=False, default=utcnow),
)

# What happened in a chat, for its event stream (GET /chats/<id>/events): a task's stage or
# a new message, written in the transaction that made the change. Ids only grow, and within
# one chat they commit in order (the writer holds the chat's row lock), so resuming after a
# disconnect is "id > Last-Event-ID".
events = Table(
    "events", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("chat_id", String(64), ForeignKey("chats.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),       # "task" or "message"
    Column("data", JSON, nullable=False),
    Column("created_at", DateTime(), nullable=False, default=utcnow),
    Index("ix_events_chat", "chat_id", "id"),
    # Never reuse an id (SQLite would reuse the largest after a delete): watchers compare ids.
    sqlite_autoincrement=True,
)

# JWT ids of verified QStash signatures, kept until the token expires: a captured request
# replayed within its 5-minute validity is refused.
seen_signatures = Table(
    "seen_signatures", metadata,
    Column("jti", String(80), primary_key=True),
    Column("expires_at", Integer, nullable=False, index=True),
)
