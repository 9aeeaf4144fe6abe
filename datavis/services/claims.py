"""The receiving side of a task: a delivery claims it under a lease, then settles it once.

Every transition is a conditional UPDATE: the claim's attempt number is a fencing token, so
a delivery that lost its lease (or raced another one) cannot write an answer.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, insert, or_, update
from sqlalchemy.exc import IntegrityError

from datavis import config, observability
from datavis.services import charts as chart_rows
from datavis.services import chat, events
from datavis.services.task_states import CLAIMABLE, COMPLETED, DONE, FAILED, PROCESSING, RETRYING
from datavis.store import db, rows
from datavis.store.tables import charts, tasks, utcnow

APOLOGY = ("Sorry, I could not answer “{prompt}”: something went wrong on our side and "
           "retrying did not help. Please ask again in a moment.")


@dataclasses.dataclass(frozen=True)
class Claim:
    """A delivery's hold on its task; ``token`` (the attempt number) fences its writes."""

    task: dict[str, Any]

    @property
    def token(self) -> int:
        return int(self.task["attempts"])


@dataclasses.dataclass(frozen=True)
class Refused:
    """Why a delivery got no claim: "unknown" task, "done" already, or "busy" elsewhere."""

    reason: str
    task: dict[str, Any] | None = None


def claim(request_id: str, qstash_message_id: str | None,
          first: Callable[[Connection], None] | None = None) -> Claim | Refused:
    """Take the task for this delivery, atomically, under a lease.

    ``first`` runs at the start of the same transaction (the delivery's replay record): if it
    raises, nothing is claimed or refused and the exception propagates."""
    now = utcnow()
    lease = now + dt.timedelta(seconds=config.current().task_lease_seconds)
    claimable = or_(tasks.c.status.in_(CLAIMABLE),
                    and_(tasks.c.status == PROCESSING, tasks.c.lease_until < now))
    values: dict[str, Any] = {"status": PROCESSING, "attempts": tasks.c.attempts + 1,
                              "lease_until": lease, "updated_at": now}
    if qstash_message_id:
        values["message_id"] = qstash_message_id
    with db.transaction() as conn:
        if first is not None:
            first(conn)
        taken = rows.update_one(conn, tasks, request_id, update(tasks).where(
            tasks.c.request_id == request_id, claimable).values(**values))
        if taken is not None:
            events.task_changed(conn, taken)
            return Claim(taken)
        task = rows.find(conn, tasks, request_id)
    if task is None:
        return Refused("unknown")
    return Refused("done" if task["status"] in DONE else "busy", task)


def _fenced(held: Claim) -> ColumnElement[bool]:
    return and_(tasks.c.request_id == held.task["request_id"],
                tasks.c.status == PROCESSING, tasks.c.attempts == held.token)


def _settle(condition: ColumnElement[bool], values: dict[str, Any], task: dict[str, Any], content: str, *,
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
                conn.execute(insert(charts), chart)
            chat.deliver(conn, task["chat_id"], "assistant", content, request_id=task["request_id"],
                         chart_id=chart["id"] if chart else None, error=error,
                         alternatives=chart["alternatives"] if chart else None)
            events.task_changed(conn, task, **values)
    except IntegrityError:
        return False
    return True


def complete(held: Claim, answer: Any) -> str | None:
    """Store the chart, post the answer, mark the task completed: all or nothing.

    Returns the chart id, or None when this delivery lost its claim meanwhile.
    """
    task = held.task
    chart = chart_rows.new_row(task, answer)
    with observability.span("deliver answer to chat", request_id=task["request_id"],
                      chat_id=task["chat_id"], chart_id=chart["id"]):
        stored = _settle(_fenced(held), {"status": COMPLETED, "chart_id": chart["id"], "error": None},
                         task, answer.insight, chart=chart)
    return chart["id"] if stored else None


def fail_permanently(held: Claim, message: str) -> bool:
    """The question cannot be answered: one helpful assistant message, task failed."""
    return _settle(_fenced(held), {"status": FAILED, "error": message[:2000]}, held.task,
                   message, error=True)


def release(held: Claim, error: str) -> None:
    """A transient failure: let QStash's next delivery claim it again."""
    with db.transaction() as conn:
        if conn.execute(update(tasks).where(_fenced(held)).values(
                status=RETRYING, error=error[:2000], lease_until=None,
                updated_at=utcnow())).rowcount:
            events.task_changed(conn, held.task, status=RETRYING, error=error[:2000])


def fail_finally(request_id: str, reason: str) -> bool:
    """QStash gave up on the task: mark it failed and apologise, once."""
    with db.read() as conn:
        task = rows.find(conn, tasks, request_id)
    if task is None:
        return False
    return _settle(and_(tasks.c.request_id == request_id, tasks.c.status.notin_(DONE)),
                   {"status": FAILED, "error": reason[:2000]}, task,
                   APOLOGY.format(prompt=task["prompt"]), error=True)
