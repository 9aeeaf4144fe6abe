"""The life of an analysis task, idempotent on its request id.

queued ──publish fails──► enqueue_failed ──same request again──► queued
  │ (QStash delivers; the receiver claims it with a lease)
  ▼
processing ──answer stored──► completed
  │ ├─ the question cannot be answered ─► failed (one helpful message)
  │ └─ transient error ─► retrying ─► (next delivery claims it again)
  └─ QStash gives up (failure callback) ─► failed (one apology)

Every transition is a conditional UPDATE: the claim's attempt number is a fencing token, so
a delivery that lost its lease (or raced another one) cannot write an answer.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import logfire
from flask import current_app
from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from datavis.errors import Conflict, QueueUnavailable
from datavis import metrics, queueing
from datavis.services import chat, events, files
from datavis.services.ids import new_id
from datavis.store import db, rows
from datavis.store.tables import charts, tasks, utcnow

QUEUED, PROCESSING, RETRYING = "queued", "processing", "retrying"
COMPLETED, FAILED, ENQUEUE_FAILED = "completed", "failed", "enqueue_failed"
CLAIMABLE = (QUEUED, RETRYING, ENQUEUE_FAILED)
DONE = (COMPLETED, FAILED)


def get_task(request_id: str) -> dict[str, Any]:
    return rows.get(tasks, request_id, "task")


def _accepted(task: dict[str, Any]) -> dict[str, Any]:
    return {
        "message": "Your question is queued; the answer will appear in the chat.",
        "task_id": task["request_id"], "request_id": task["request_id"],
        "message_id": task["message_id"], "queue_name": task["queue_name"],
        "chat_id": task["chat_id"], "status": task["status"],
        "status_url": f"{current_app.config['API_URL']}/tasks/{task['request_id']}",
    }


def _record(request_id: str, prompt: str, file_id: str, chat_id: str, is_follow_up: bool,
            last_chart_id: str | None, edit: dict[str, Any] | None) -> dict[str, Any]:
    """The task and the user's message, written together, or the task already recorded."""
    now = utcnow()
    task = {"request_id": request_id, "chat_id": chat_id, "file_id": file_id, "prompt": prompt,
            "is_follow_up": is_follow_up, "last_chart_id": last_chart_id, "edit": edit,
            "status": QUEUED, "attempts": 0, "published": False, "created_at": now,
            "updated_at": now}
    conflicts = 0
    while True:
        try:
            with db.transaction() as conn:
                existing = rows.find(conn, tasks, request_id)
                if existing is not None:
                    return existing
                files.hold(conn, file_id)
                chat.ensure_chat(conn, chat_id, file_id)
                conn.execute(insert(tasks).values(**task))
                chat.deliver(conn, chat_id, "user", prompt, request_id=request_id)
                events.task_changed(conn, task)
            metrics.task_accepted()
            return task
        except IntegrityError:
            # Another request created the same task or the same new chat at the same
            # moment: look again, now that its transaction is committed.
            conflicts += 1
            if conflicts == 3:
                raise


def submit(prompt: str, file_id: str, chat_id: str, request_id: str | None = None,
           is_follow_up: bool = False, last_chart_id: str | None = None,
           edit: dict[str, Any] | None = None) -> dict[str, Any]:
    """Record the task and the user's message, publish it, and say where to follow it.

    The same request id again returns the same task; it is published again only if it
    never was (QStash's deduplication id makes that safe even if it actually was).
    ``edit`` makes it a revision of the chart ``last_chart_id`` (a plan edit, no question).
    """
    request_id = request_id or new_id("req")
    task = _record(request_id, prompt, file_id, chat_id, is_follow_up, last_chart_id, edit)
    asked = (chat_id, file_id, prompt, is_follow_up, last_chart_id, edit)
    if tuple(task[k] for k in ("chat_id", "file_id", "prompt", "is_follow_up", "last_chart_id",
                               "edit")) != asked:
        raise Conflict(f"request_id {request_id!r} was already used for another question")
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
                            .values(status=ENQUEUE_FAILED, error=exc.message,
                                    updated_at=utcnow())).rowcount:
                events.task_changed(conn, task, status=ENQUEUE_FAILED, error=exc.message)
        exc.request_id = request_id  # the client retries with it (it may have been generated)
        raise
    with db.transaction() as conn:
        conn.execute(update(tasks).where(tasks.c.request_id == request_id).values(
            published=True, message_id=published.message_id, queue_name=published.queue_name,
            updated_at=utcnow()))
        # It may have been delivered already (a publish that "failed" after QStash stored it).
        requeued = conn.execute(update(tasks).where(tasks.c.request_id == request_id,
                                                    tasks.c.status == ENQUEUE_FAILED)
                                .values(status=QUEUED, error=None)).rowcount
        task = rows.find(conn, tasks, request_id)
        if requeued:
            events.task_changed(conn, task)
        return task


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


# ---------------------------------------------------------------------------- receiver side
@dataclasses.dataclass
class Claim:
    outcome: str                    # "claimed", "done", "busy", "unknown"
    task: dict[str, Any] | None = None

    @property
    def token(self) -> int:
        return self.task["attempts"] if self.task else 0


def claim(request_id: str, qstash_message_id: str | None) -> Claim:
    """Take the task for this delivery, atomically, under a lease."""
    now = utcnow()
    lease = now + dt.timedelta(seconds=current_app.config["TASK_LEASE_SECONDS"])
    claimable = or_(tasks.c.status.in_(CLAIMABLE),
                    and_(tasks.c.status == PROCESSING, tasks.c.lease_until < now))
    with db.transaction() as conn:
        values: dict[str, Any] = {"status": PROCESSING, "attempts": tasks.c.attempts + 1,
                                  "lease_until": lease, "updated_at": now}
        if qstash_message_id:
            values["message_id"] = qstash_message_id
        result = conn.execute(update(tasks).where(tasks.c.request_id == request_id, claimable)
                              .values(**values))
        task = rows.find(conn, tasks, request_id)
        if result.rowcount == 1:
            events.task_changed(conn, task)
    if task is None:
        return Claim("unknown")
    if result.rowcount == 1:
        return Claim("claimed", task)
    return Claim("done" if task["status"] in DONE else "busy", task)


def _fenced(claim_: Claim):
    return and_(tasks.c.request_id == claim_.task["request_id"],
                tasks.c.status == PROCESSING, tasks.c.attempts == claim_.token)


def _settle(condition, values: dict[str, Any], task: dict[str, Any], content: str, *,
            chart: dict[str, Any] | None = None, error: bool = False) -> bool:
    """In one transaction: move the task (only while ``condition`` holds), store its chart if
    any, and post its one non-user message. False if the condition no longer held or the
    request already has its message."""
    try:
        with db.transaction() as conn:
            moved = conn.execute(update(tasks).where(condition).values(
                **values, lease_until=None, updated_at=utcnow())).rowcount
            if moved != 1:
                conn.rollback()
                return False
            if chart:
                conn.execute(insert(charts).values(**chart))
            chat.deliver(conn, task["chat_id"], "assistant", content, request_id=task["request_id"],
                         chart_id=chart["id"] if chart else None, error=error,
                         alternatives=chart["alternatives"] if chart else None)
            events.task_changed(conn, task, **values)
    except IntegrityError:
        return False
    return True


def complete(claim_: Claim, answer: Any) -> str | None:
    """Store the chart, post the answer, mark the task completed: all or nothing.

    Returns the chart id, or None when this delivery lost its claim meanwhile.
    """
    task = claim_.task
    chart = {"id": new_id("chart"), "chat_id": task["chat_id"], "file_id": task["file_id"],
             "request_id": task["request_id"], "chart_type": answer.chart_type,
             "title": answer.title, "spec": answer.spec, "data": answer.data, "sql": answer.sql,
             "plan": answer.plan, "state": answer.state, "insight": answer.insight,
             "alternatives": answer.alternatives, "created_at": utcnow()}
    with logfire.span("deliver answer to chat", request_id=task["request_id"],
                      chat_id=task["chat_id"], chart_id=chart["id"]):
        stored = _settle(_fenced(claim_), {"status": COMPLETED, "chart_id": chart["id"], "error": None},
                         task, answer.insight, chart=chart)
    return chart["id"] if stored else None


def fail_permanently(claim_: Claim, message: str) -> bool:
    """The question cannot be answered: one helpful assistant message, task failed."""
    return _settle(_fenced(claim_), {"status": FAILED, "error": message[:2000]}, claim_.task,
                   message, error=True)


def release(claim_: Claim, error: str) -> None:
    """A transient failure: let QStash's next delivery claim it again."""
    with db.transaction() as conn:
        if conn.execute(update(tasks).where(_fenced(claim_)).values(
                status=RETRYING, error=error[:2000], lease_until=None,
                updated_at=utcnow())).rowcount:
            events.task_changed(conn, claim_.task, status=RETRYING, error=error[:2000])


APOLOGY = ("Sorry, I could not answer “{prompt}”: something went wrong on our side and "
           "retrying did not help. Please ask again in a moment.")


def fail_finally(request_id: str, reason: str) -> bool:
    """QStash gave up on the task: mark it failed and apologise, once."""
    with db.read() as conn:
        task = rows.find(conn, tasks, request_id)
    if task is None:
        return False
    return _settle(and_(tasks.c.request_id == request_id, tasks.c.status.notin_(DONE)),
                   {"status": FAILED, "error": reason[:2000]}, task,
                   APOLOGY.format(prompt=task["prompt"]), error=True)


def previous_state(task: dict[str, Any]) -> dict[str, Any] | None:
    """The plan state of the answer a follow-up builds on: the chart the frontend named
    (if it belongs to this chat), else the chat's latest chart."""
    query = select(charts.c.state).where(charts.c.chat_id == task["chat_id"])
    with db.read() as conn:
        if task.get("last_chart_id"):
            row = conn.execute(query.where(charts.c.id == task["last_chart_id"])).first()
            if row or task.get("edit"):  # a revision changes that chart, no other
                return row[0] if row else None
        row = conn.execute(query.where(charts.c.request_id != task["request_id"])
                           .order_by(charts.c.created_at.desc()).limit(1)).first()
    return row[0] if row else None
