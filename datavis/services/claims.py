"""The receiving side of a task: a delivery claims it under a lease, then settles it once.

Every transition is a conditional UPDATE: the claim's attempt number is a fencing token, so
a delivery that lost its lease (or raced another one) cannot write an answer. The statements
of every answer are built once and filled with bind parameters.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Update, and_, bindparam, insert, or_, update
from sqlalchemy.exc import IntegrityError

from datavis import config, observability
from datavis.services import chart_rows, chat, chat_events
from datavis.services.task_states import CLAIMABLE, COMPLETED, DONE, FAILED, PROCESSING, RETRYING
from datavis.store import db, rows
from datavis.store.tables import charts, tasks, utcnow

APOLOGY = ("Sorry, I could not answer “{prompt}”: something went wrong on our side and "
           "retrying did not help. Please ask again in a moment.")


# (Bind parameter names must differ from the column names an UPDATE sets.)
_CLAIM = update(tasks).where(
    tasks.c.request_id == bindparam("row_key"),
    # (== per state, not IN: an IN list is expanded into the SQL at every execution)
    or_(*(tasks.c.status == state for state in CLAIMABLE),
        and_(tasks.c.status == PROCESSING, tasks.c.lease_until < bindparam("now"))),
).values(status=PROCESSING, attempts=tasks.c.attempts + 1, lease_until=bindparam("lease"),
         updated_at=bindparam("now"))
_CLAIM_WITH_MESSAGE_ID = _CLAIM.values(message_id=bindparam("qstash_message_id"))
# Only the delivery holding the claim (its attempt number) may settle or release the task.
_FENCED = and_(tasks.c.request_id == bindparam("row_key"), tasks.c.status == PROCESSING,
               tasks.c.attempts == bindparam("token"))
_COMPLETE = update(tasks).where(_FENCED).values(
    status=COMPLETED, chart_id=bindparam("new_chart_id"), error=None, lease_until=None, updated_at=bindparam("now"))
_FAIL = update(tasks).where(_FENCED).values(
    status=FAILED, error=bindparam("reason"), lease_until=None, updated_at=bindparam("now"))
_FAIL_FINALLY = update(tasks).where(tasks.c.request_id == bindparam("row_key"), tasks.c.status.notin_(DONE)).values(
    status=FAILED, error=bindparam("reason"), lease_until=None, updated_at=bindparam("now"))
_INSERT_CHART = insert(charts)


@dataclasses.dataclass(frozen=True)
class Claim:
    """A delivery's hold on its task; ``token`` (the attempt number) fences its writes.
    ``previous`` is the plan state a follow-up builds on (``chart_rows.previous_state``),
    read in the claim's transaction."""

    task: dict[str, Any]
    previous: dict[str, Any] | None = None

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
    params = {"row_key": request_id, "now": now,
              "lease": now + dt.timedelta(seconds=config.current().task_lease_seconds)}
    if qstash_message_id:
        params["qstash_message_id"] = qstash_message_id
    with db.transaction() as conn:
        if first is not None:
            first(conn)
        taken = rows.update_one(conn, tasks, request_id,
                                _CLAIM_WITH_MESSAGE_ID if qstash_message_id else _CLAIM, params)
        if taken is not None:
            chat_events.task_changed(conn, taken)
            return Claim(taken, chart_rows.previous_state(conn, taken))
        task = rows.find(conn, tasks, request_id)
    if task is None:
        return Refused("unknown")
    return Refused("done" if task["status"] in DONE else "busy", task)


def _fenced(held: Claim) -> dict[str, Any]:
    return {"row_key": held.task["request_id"], "token": held.token, "now": utcnow()}


def _settle(move: Update, params: dict[str, Any], values: dict[str, Any], task: dict[str, Any],
            content: str, *, chart: dict[str, Any] | None = None, error: bool = False) -> bool:
    """In one transaction: move the task (``move``, filled by ``params``, changes nothing
    unless its condition holds; ``values`` is what it sets, for the event), store its chart
    if any, and post its one non-user message. False if the condition no longer held or the
    request already has its message."""
    try:
        with db.transaction() as conn:
            if conn.execute(move, params).rowcount != 1:
                conn.rollback()
                return False
            if chart:
                conn.execute(_INSERT_CHART, chart)
            chat.deliver(conn, task["chat_id"], "assistant", content, request_id=task["request_id"],
                         chart_id=chart["id"] if chart else None, error=error,
                         alternatives=chart["alternatives"] if chart else None, task={**task, **values})
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
        stored = _settle(_COMPLETE, {**_fenced(held), "new_chart_id": chart["id"]},
                         {"status": COMPLETED, "chart_id": chart["id"], "error": None},
                         task, answer.insight, chart=chart)
    return chart["id"] if stored else None


def fail_permanently(held: Claim, reason: str) -> bool:
    """The question cannot be answered: one helpful assistant message (the reason), task failed."""
    reason = reason[:2000]
    return _settle(_FAIL, {**_fenced(held), "reason": reason}, {"status": FAILED, "error": reason},
                   held.task, reason, error=True)


def release(held: Claim, error: str) -> None:
    """A transient failure: let QStash's next delivery claim it again."""
    with db.transaction() as conn:
        if conn.execute(update(tasks).where(_FENCED).values(
                status=RETRYING, error=error[:2000], lease_until=None,
                updated_at=utcnow()), _fenced(held)).rowcount:
            chat_events.task_changed(conn, held.task, status=RETRYING, error=error[:2000])


def fail_finally(request_id: str, reason: str) -> bool:
    """QStash gave up on the task: mark it failed and apologise, once."""
    with db.read() as conn:
        task = rows.find(conn, tasks, request_id)
    if task is None:
        return False
    reason = reason[:2000]
    return _settle(_FAIL_FINALLY, {"row_key": request_id, "reason": reason, "now": utcnow()},
                   {"status": FAILED, "error": reason}, task, APOLOGY.format(prompt=task["prompt"]), error=True)
