"""A chat's events: its tasks' stages and its new messages, recorded in the transaction
that made the change and streamed to the page (``GET /chats/<id>/events``).

Because the events are rows, a stream that reconnects resumes with one query
(``id > Last-Event-ID``), whichever process or instance wrote them; ``event_hub`` only says
*when* to look.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Connection, bindparam, func, insert, select

from datavis.config import settings_of
from datavis.domain_errors import NotFound, ServiceBusy
from datavis.services import event_hub
from datavis.store import db, rows
from datavis.store.tables import chats, events, iso, utcnow

BATCH = 200
TASK_FIELDS = ("request_id", "status", "attempts", "chart_id", "error")
_INSERT = insert(events)  # built once: every answer records five events
_LOCK_CHAT = select(chats.c.id).where(chats.c.id == bindparam("chat")).with_for_update()


def lock_chat(conn: Connection, chat_id: str) -> None:
    """Lock the chat's row until the caller's transaction ends (see ``record``)."""
    if conn.dialect.name != "sqlite":  # SQLite has one writer at a time: nothing to lock
        conn.execute(_LOCK_CHAT, {"chat": chat_id})


def record(conn: Connection, chat_id: str, kind: str, data: dict[str, Any]) -> None:
    """Add an event to the chat inside the caller's transaction (it commits with the change).

    The chat's row is locked first: on PostgreSQL ids come from a sequence before commit,
    and two writers of one chat could otherwise commit ids out of order, so that a stream
    resuming after the larger one would skip the smaller.
    """
    lock_chat(conn, chat_id)
    _append(conn, chat_id, (kind, data))


def _append(conn: Connection, chat_id: str, *kinds_data: tuple[str, dict[str, Any]]) -> None:
    # Several events of one change go in one statement (an executemany), in order.
    now = utcnow()
    rows = [{"chat_id": chat_id, "kind": kind, "data": data, "created_at": now} for kind, data in kinds_data]
    conn.execute(_INSERT, rows[0] if len(rows) == 1 else rows)
    event_hub.notify(conn, chat_id)


def _task_data(task: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    now = {**task, **changes}
    return {key: now.get(key) for key in TASK_FIELDS}


def task_changed(conn: Connection, task: dict[str, Any], **changes: Any) -> None:
    """A task moved to another stage (``changes`` holds what moved)."""
    record(conn, task["chat_id"], "task", _task_data(task, changes))


def message_added(conn: Connection, message: dict[str, Any], task: dict[str, Any] | None = None) -> None:
    """A message was added by ``chat.deliver``, which took the chat's lock before drawing its
    id; with ``task`` (its task as it is now, moved to another stage by the same change),
    that event too, after the message's."""
    added = ("message", {**message, "created_at": iso(message["created_at"]),
                         "alternatives": message.get("alternatives") or []})
    _append(conn, message["chat_id"], added, *([("task", _task_data(task, {}))] if task else []))


def _after(chat_id: str, last_id: int) -> list[dict[str, Any]]:
    query = (select(events.c.id, events.c.kind, events.c.data)
             .where(events.c.chat_id == chat_id, events.c.id > last_id)
             .order_by(events.c.id).limit(BATCH))
    with db.read() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _chat_exists(chat_id: str) -> bool:
    with db.read() as conn:
        return rows.find(conn, chats, chat_id) is not None


class EventStream:
    """An open stream: iterate for events (dicts with ``id``, ``kind``, ``data``; None is a
    quiet heartbeat); ``close()`` gives its slot back (idempotent)."""

    def __init__(self, app: Flask, hub: event_hub.Hub, chat_id: str, start: int) -> None:
        self.app, self.hub, self.chat_id, self.start = app, hub, chat_id, start
        self.waiter = hub.subscribe(chat_id)
        self._open = True

    def __iter__(self) -> Iterator[dict[str, Any] | None]:
        settings = settings_of(self.app)
        heartbeat = settings.events_heartbeat_seconds
        ends_at = time.monotonic() + settings.events_stream_seconds
        last = self.start
        yield {"id": last, "kind": "ready", "data": {"chat_id": self.chat_id, "last_event_id": last}}
        while True:
            with self.app.app_context():
                batch = _after(self.chat_id, last)
            for event in batch:
                last = event["id"]
                yield event
            if len(batch) == BATCH:
                continue
            left = ends_at - time.monotonic()
            if self.hub.closing or left <= 0:
                return  # the client reconnects with its Last-Event-ID
            if not self.waiter.wait(min(heartbeat, left)) and not self.hub.closing:
                with self.app.app_context():
                    if not _chat_exists(self.chat_id):
                        yield {"id": last, "kind": "gone", "data": {"chat_id": self.chat_id}}
                        return
                yield None
            # (each pass reads again: a wake-up missed for any reason costs one heartbeat)

    def close(self) -> None:
        if self._open:
            self._open = False
            self.hub.unsubscribe(self.waiter)
            self.hub.give_slot()


def open_stream(chat_id: str, last_event_id: int | None) -> EventStream:
    """A stream of the chat's events after ``last_event_id`` (None: from now on).

    Raises NotFound for an unknown chat, ServiceBusy when this process's stream budget is
    spent (the other threads are kept for requests and QStash's deliveries).
    """
    hub = event_hub.hub()
    if not hub.take_slot():
        raise ServiceBusy(f"too many open event streams on this server ({hub.max_streams}); "
                          "retry shortly", retry_after=2)
    try:
        with db.read() as conn:
            if rows.find(conn, chats, chat_id) is None:
                raise NotFound(f"chat {chat_id!r} not found")
            if last_event_id is None:
                last_event_id = conn.execute(select(func.coalesce(func.max(events.c.id), 0))
                                             .where(events.c.chat_id == chat_id)).scalar_one()
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        return EventStream(app, hub, chat_id, last_event_id)
    except BaseException:
        hub.give_slot()
        raise
