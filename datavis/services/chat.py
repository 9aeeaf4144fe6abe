"""Chats and their messages. A chat is bound to one dataset; the frontend reads its
messages oldest first, optionally only those after a message id it already has."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from datavis.domain_errors import Conflict, NotFound
from datavis.services import chat_events, datasets
from datavis.services.ids import new_id
from datavis.store import db, rows
from datavis.store.tables import chats, messages, utcnow

# Built once: every question and every answer runs them.
_INSERT_CHAT, _INSERT_MESSAGE = insert(chats), insert(messages)


def create_chat(file_id: str, title: str | None = None, chat_id: str | None = None) -> dict[str, Any]:
    row = {"id": chat_id or new_id("chat"), "file_id": file_id, "title": title,
           "created_at": utcnow()}
    try:
        with db.transaction() as conn:
            datasets.hold(conn, file_id)
            conn.execute(insert(chats).values(**row))
    except IntegrityError:
        raise Conflict(f"chat {row['id']!r} already exists") from None
    return row


def ensure_chat(conn: Connection, chat_id: str, file_id: str) -> dict[str, Any]:
    """The chat, created bound to ``file_id`` when the frontend made up a new id."""
    chat = rows.find(conn, chats, chat_id)
    if chat is None:
        chat = {"id": chat_id, "file_id": file_id, "title": None, "created_at": utcnow()}
        conn.execute(_INSERT_CHAT, chat)
    elif chat["file_id"] != file_id:
        raise Conflict(f"chat {chat_id!r} is about file {chat['file_id']!r}, not {file_id!r}; "
                       "start a new chat for another file")
    return chat


def get_chat(chat_id: str) -> dict[str, Any]:
    return rows.get(chats, chat_id, "chat")


def list_messages(chat_id: str, after: int | None = None, limit: int = 100) -> dict[str, Any]:
    """Up to ``limit`` messages after ``after``, oldest first, and ``next_after``: where the
    next page starts, or None when there is nothing more right now."""
    query = select(messages).where(messages.c.chat_id == chat_id)
    if after is not None:
        query = query.where(messages.c.id > after)
    with db.read() as conn:
        if rows.find(conn, chats, chat_id) is None:
            raise NotFound(f"chat {chat_id!r} not found")
        found = [dict(r) for r in conn.execute(query.order_by(messages.c.id).limit(limit + 1)).mappings()]
    more = len(found) > limit
    return {"messages": found[:limit], "next_after": found[limit - 1]["id"] if more else None}


def deliver(conn: Connection, chat_id: str, role: str, content: str, *,
            request_id: str | None = None, chart_id: str | None = None,
            error: bool = False, alternatives: list[dict] | None = None,
            task: dict[str, Any] | None = None) -> int:
    """Append a message to the chat, and its event, inside the caller's transaction;
    returns its id. ``task``: the message's task as it is now, when the same change moved it
    to another stage (its event is recorded with the message's, in one statement).

    The unique (request_id, role) index makes a second user or assistant message for the
    same request impossible: it raises IntegrityError and the caller's transaction rolls back.
    """
    # Lock the chat row first: on PostgreSQL, ids are drawn from a sequence before commit,
    # and two concurrent transactions could commit ids out of order, so that a client
    # polling with ?after=<last id> would skip one. One writer per chat keeps them in order.
    chat_events.lock_chat(conn, chat_id)
    message = {"chat_id": chat_id, "role": role, "content": content, "request_id": request_id,
               "chart_id": chart_id, "error": error, "alternatives": alternatives or None,
               "created_at": utcnow()}
    result = conn.execute(_INSERT_MESSAGE, message)
    message_id = int(result.inserted_primary_key[0])  # type: ignore[index]  # always set on INSERT
    chat_events.message_added(conn, {"id": message_id, **message}, task)
    return message_id
