"""The publishing side of a task: record it with the user's message, publish it to QStash,
idempotent on its request id."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from datavis import metrics, queueing
from datavis.domain_errors import Conflict, QueueUnavailable
from datavis.services import answers_first, chat, chat_events, datasets
from datavis.services.ids import new_id
from datavis.services.task_states import ENQUEUE_FAILED, QUEUED
from datavis.store import db, rows
from datavis.store.tables import tasks, utcnow

ACCEPTED = "Your question is queued; the answer will appear in the chat."
ASKED = ("chat_id", "file_id", "prompt", "is_follow_up", "last_chart_id", "edit")
# Built once, filled with bind parameters (named apart from the columns they set).
_INSERT_TASK = insert(tasks)
_REQUEUE = update(tasks).where(tasks.c.request_id == bindparam("row_key"), tasks.c.status == ENQUEUE_FAILED
                               ).values(status=QUEUED, error=None)
_PUBLISHED = update(tasks).where(tasks.c.request_id == bindparam("row_key")).values(
    published=True, message_id=bindparam("qstash_message_id"), queue_name=bindparam("queue"),
    updated_at=bindparam("now"))


def _accepted(task: dict[str, Any]) -> dict[str, Any]:
    return {"message": ACCEPTED, "task_id": task["request_id"], "request_id": task["request_id"],
            "message_id": task["message_id"], "queue_name": task["queue_name"],
            "chat_id": task["chat_id"], "status": task["status"]}


def _record(task: dict[str, Any]) -> dict[str, Any]:
    """The task and the user's message, written together, or the task already recorded."""
    for conflicts in range(3):
        try:
            with db.transaction() as conn:
                existing = rows.find(conn, tasks, task["request_id"])
                if existing is not None:
                    return existing
                datasets.hold(conn, task["file_id"])
                chat.ensure_chat(conn, task["chat_id"], task["file_id"])
                conn.execute(_INSERT_TASK, task)
                chat.deliver(conn, task["chat_id"], "user", task["prompt"], request_id=task["request_id"],
                             task=task)
            metrics.task_accepted()
            return task
        except IntegrityError:
            # Another request created the same task or the same new chat at the same
            # moment: look again, now that its transaction is committed.
            if conflicts == 2:
                raise
    raise AssertionError("unreachable")


def submit(prompt: str, file_id: str, chat_id: str, request_id: str | None = None,
           is_follow_up: bool = False, last_chart_id: str | None = None,
           edit: dict[str, Any] | None = None) -> dict[str, Any]:
    """Record the task and the user's message, publish it, and say how it was accepted.

    The same request id again returns the same task; it is published again only if it
    never was (QStash's deduplication id makes that safe even if it actually was).
    ``edit`` makes it a revision of the chart ``last_chart_id`` (a plan edit, no question).
    A process takes its questions one at a time (``answers_first``: answers go first).
    """
    with answers_first.gate().question():
        return _submit(prompt, file_id, chat_id, request_id, is_follow_up, last_chart_id, edit)


def _submit(prompt: str, file_id: str, chat_id: str, request_id: str | None, is_follow_up: bool,
            last_chart_id: str | None, edit: dict[str, Any] | None) -> dict[str, Any]:
    now = utcnow()
    asked = {"chat_id": chat_id, "file_id": file_id, "prompt": prompt, "is_follow_up": is_follow_up,
             "last_chart_id": last_chart_id, "edit": edit}
    task = _record({"request_id": request_id or new_id("req"), **asked, "status": QUEUED,
                    "attempts": 0, "published": False, "created_at": now, "updated_at": now})
    if any(task[key] != asked[key] for key in ASKED):
        raise Conflict(f"request_id {task['request_id']!r} was already used for another question")
    if not task["published"]:
        task = _publish(task)
    return _accepted(task)


def _publish(task: dict[str, Any]) -> dict[str, Any]:
    request_id = task["request_id"]
    try:
        published = queueing.publish(task)
    except QueueUnavailable as exc:
        with db.transaction() as conn:
            if conn.execute(update(tasks).where(tasks.c.request_id == request_id,
                                                tasks.c.status.in_((QUEUED, ENQUEUE_FAILED)))
                            .values(status=ENQUEUE_FAILED, error=exc.detail,
                                    updated_at=utcnow())).rowcount:
                chat_events.task_changed(conn, task, status=ENQUEUE_FAILED, error=exc.detail)
        exc.request_id = request_id  # the client retries with it (it may have been generated)
        raise
    with db.transaction() as conn:
        stored = rows.update_one(conn, tasks, request_id, _PUBLISHED, {
            "row_key": request_id, "qstash_message_id": published.qstash_message_id,
            "queue": published.queue_name, "now": utcnow()})
        assert stored is not None  # recorded before publishing, and never deleted while queued
        # A failed publish (this request's earlier try, or another request's) left it
        # enqueue_failed: queued again. The row is held from the UPDATE on, so the status it
        # returned stands; any other status is left alone (it may have been delivered
        # already: a publish that "failed" after QStash stored it). One statement otherwise.
        if stored["status"] == ENQUEUE_FAILED and conn.execute(_REQUEUE, {"row_key": request_id}).rowcount:
            stored.update(status=QUEUED, error=None)
            chat_events.task_changed(conn, stored)
        return stored


def republish_stale(older_than: dt.timedelta) -> tuple[int, int]:
    """Publish the tasks that were recorded but never reached QStash (the client gave up
    after a 503, or the process died in between): (published, still failing)."""
    cutoff = utcnow() - older_than
    with db.read() as conn:
        stale = conn.execute(select(tasks).where(
            tasks.c.published.is_(False), tasks.c.status.in_((QUEUED, ENQUEUE_FAILED)),
            tasks.c.updated_at < cutoff)).mappings().all()
    published = failed = 0
    for task in stale:
        try:
            _publish(dict(task))
            published += 1
        except QueueUnavailable:
            failed += 1
    return published, failed
