"""What the operators' page shows, as plain values (no request, no HTML): tasks by status
over the last hour and day, the slowest and the failing tasks, and the dead letters of the
queue in use — QStash's DLQ through the SDK, or RQ's failed job registry — with retry and
discard. A retried dead letter goes through the same claim as any delivery, so a task that
was settled meanwhile is not answered twice."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, or_, select

from datavis import config
from datavis.domain_errors import NotFound, QueueUnavailable
from datavis.services.task_states import COMPLETED, ENQUEUE_FAILED, FAILED, PROCESSING, QUEUED, RETRYING
from datavis.store import db
from datavis.store.tables import tasks, utcnow

STATUSES = (QUEUED, PROCESSING, RETRYING, COMPLETED, FAILED, ENQUEUE_FAILED)
TROUBLE = (FAILED, RETRYING, ENQUEUE_FAILED)
WINDOWS = {"hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1)}


def _iso(value: dt.datetime | None) -> str | None:
    return value.replace(tzinfo=dt.UTC).isoformat() if value else None


def _task_row(row: Any) -> dict[str, Any]:
    return {"request_id": row.request_id, "chat_id": row.chat_id, "status": row.status,
            "attempts": row.attempts, "error": row.error, "prompt": row.prompt[:200],
            "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
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


def _task_status(request_id: str | None) -> dict[str, Any] | None:
    if not request_id:
        return None
    with db.read() as conn:
        row = conn.execute(select(tasks).where(tasks.c.request_id == request_id)).first()
    return _task_row(row) if row else None


# ------------------------------------------------------------------ dead letters
def dead_letters() -> dict[str, Any]:
    backend = config.current().queue_backend
    entries = _rq_failed() if backend == "rq" else _qstash_dlq()
    for entry in entries:
        entry["task"] = _task_status(entry["request_id"])
    return {"backend": backend, "entries": entries}


def retry(entry_id: str) -> dict[str, Any]:
    return _rq_retry(entry_id) if config.current().queue_backend == "rq" else _qstash_retry(entry_id)


def discard(entry_id: str) -> None:
    if config.current().queue_backend == "rq":
        _rq_discard(entry_id)
    else:
        _qstash_discard(entry_id)


def _request_id_of(body: str | None) -> str | None:
    try:
        data = json.loads(body or "")
    except ValueError:
        return None
    return data.get("request_id") if isinstance(data, dict) else None


def _qstash_call(what: str, call):
    import httpx
    from qstash.errors import QStashError
    try:
        return call()
    except QStashError as exc:
        if "404" in str(exc):
            raise NotFound(f"no dead letter {what}") from None
        raise QueueUnavailable(f"QStash refused the DLQ call: {exc}") from exc
    except httpx.HTTPError as exc:
        raise QueueUnavailable("QStash cannot be reached right now") from exc


def _said(body: str | None) -> str:
    """What the receiver answered: the message of its JSON error, else the body."""
    try:
        data = json.loads(body or "")
    except ValueError:
        return (body or "")[:300]
    return str(data.get("message") if isinstance(data, dict) and data.get("message") else body)[:300]


def _qstash_dlq() -> list[dict[str, Any]]:
    from datavis.extensions import qstash
    res = _qstash_call("list", lambda: qstash.client.dlq.list(count=100))
    return [{"id": m.dlq_id, "message_id": m.message_id, "url": m.url,
             "request_id": _request_id_of(m.body), "attempts": (m.max_retries or 0) + 1,
             "last_status": m.response_status, "last_response": _said(m.response_body),
             "at": _iso(dt.datetime.fromtimestamp(m.created_at / 1000, dt.UTC)
                        .replace(tzinfo=None)) if m.created_at else None}
            for m in res.messages]


def _qstash_retry(dlq_id: str) -> dict[str, Any]:
    from datavis.extensions import qstash
    # SDK 3.4.0 has no DLQ retry method: its public HTTP client calls the documented route.
    res = _qstash_call(dlq_id, lambda: qstash.client.http.request(
        path=f"/v2/dlq/retry/{dlq_id}", method="POST"))
    return {"id": dlq_id, "retried": True, "message_id": (res or {}).get("messageId")}


def _qstash_discard(dlq_id: str) -> None:
    from datavis.extensions import qstash
    _qstash_call(dlq_id, lambda: qstash.client.dlq.delete(dlq_id))


def _rq_registry():
    from rq.registry import FailedJobRegistry

    from datavis.queueing import redis_queue
    return FailedJobRegistry(queue=redis_queue.queue())


def _rq_call(call):
    from redis.exceptions import RedisError
    try:
        return call()
    except (RedisError, OSError) as exc:
        raise QueueUnavailable("Redis cannot be reached right now") from exc


def _rq_failed() -> list[dict[str, Any]]:
    from rq.job import Job

    def read():
        registry = _rq_registry()
        ids = registry.get_job_ids(0, 99)
        return [job for job in Job.fetch_many(ids, connection=registry.connection) if job]
    entries = []
    for job in _rq_call(read):
        result = job.latest_result()
        entries.append({"id": job.id, "message_id": job.id, "url": None,
                        "request_id": job.args[0] if job.args else None,
                        "attempts": None,  # the task row has them
                        "last_status": None,
                        "last_response": ((result.exc_string or "").strip().splitlines() or [""])[-1][:300]
                        if result else "",
                        "at": _iso(job.ended_at)})
    return entries


def _rq_job(job_id: str):
    registry = _rq_registry()
    if job_id not in _rq_call(lambda: registry.get_job_ids()):
        raise NotFound(f"no dead letter {job_id}")
    return registry


def _rq_retry(job_id: str) -> dict[str, Any]:
    registry = _rq_job(job_id)
    _rq_call(lambda: registry.requeue(job_id))
    return {"id": job_id, "retried": True, "message_id": job_id}


def _rq_discard(job_id: str) -> None:
    registry = _rq_job(job_id)
    _rq_call(lambda: registry.remove(job_id, delete_job=True))
