"""What the operators' page shows, as plain values (no request, no HTML): tasks by status
over the last hour and day, the slowest and the failing tasks, and the queue's dead letters
(``queueing.dead_letters``) each with its task. A retried dead letter goes through the same
claim as any delivery, so a task that was settled meanwhile is not answered twice."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select

from datavis import config
from datavis.queueing import dead_letters as queue_dead_letters
from datavis.services.task_states import COMPLETED, ENQUEUE_FAILED, FAILED, PROCESSING, QUEUED, RETRYING
from datavis.store import db
from datavis.store.tables import iso, tasks, utcnow

STATUSES = (QUEUED, PROCESSING, RETRYING, COMPLETED, FAILED, ENQUEUE_FAILED)
TROUBLE = (FAILED, RETRYING, ENQUEUE_FAILED)
WINDOWS = {"hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1)}


def _task_row(row: Any) -> dict[str, Any]:
    return {"request_id": row.request_id, "chat_id": row.chat_id, "status": row.status,
            "attempts": row.attempts, "error": row.error, "prompt": row.prompt[:200],
            "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
            "seconds": round((row.updated_at - row.created_at).total_seconds(), 3)}


def summary(limit: int = 10) -> dict[str, Any]:
    now = utcnow()
    by_status = {}
    with db.read() as conn:
        for name, window in WINDOWS.items():
            counts = dict.fromkeys(STATUSES, 0)
            counts.update(conn.execute(select(tasks.c.status, func.count())
                                       .where(tasks.c.created_at >= now - window)
                                       .group_by(tasks.c.status)).all())
            by_status[name] = counts
        # Durations are computed here, not in SQL: the same code on SQLite and PostgreSQL.
        done = conn.execute(select(tasks).where(tasks.c.status == COMPLETED,
                                                tasks.c.created_at >= now - WINDOWS["day"])
                            .order_by(tasks.c.updated_at.desc()).limit(5000)).all()
        failing = conn.execute(select(tasks).where(or_(tasks.c.status.in_(TROUBLE),
                                                       tasks.c.attempts > 1))
                               .order_by(tasks.c.updated_at.desc()).limit(limit)).all()
    slowest = sorted(done, key=lambda r: r.updated_at - r.created_at, reverse=True)[:limit]
    return {"backend": config.current().queue_backend, "by_status": by_status,
            "slowest": [_task_row(r) for r in slowest], "failing": [_task_row(r) for r in failing]}


def dead_letters() -> dict[str, Any]:
    """The queue's dead letters, each with its task's status (None if it has none), read in one query."""
    entries = queue_dead_letters.entries()
    ids = {e["request_id"] for e in entries if e["request_id"]}
    rows = {}
    if ids:
        with db.read() as conn:
            rows = {r.request_id: r for r in conn.execute(select(tasks).where(tasks.c.request_id.in_(ids)))}
    for entry in entries:
        row = rows.get(entry["request_id"])
        entry["task"] = _task_row(row) if row is not None else None
        entry["at"] = iso(entry["at"])
    return {"backend": config.current().queue_backend, "entries": entries}


def retry(entry_id: str) -> dict[str, Any]:
    return queue_dead_letters.retry(entry_id)


def discard(entry_id: str) -> None:
    queue_dead_letters.discard(entry_id)
