"""The dead letters of the queue in use — QStash's DLQ through the SDK, or RQ's failed job
registry — listed as plain values, retried and discarded. NotFound for an unknown entry,
QueueUnavailable when the queue cannot be reached."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from datavis import config
from datavis.domain_errors import NotFound, QueueUnavailable


def _rq() -> bool:
    return config.current().queue_backend == "rq"


def entries() -> list[dict[str, Any]]:
    """Up to 100 dead letters: id, message_id, url, request_id, attempts, last_status,
    last_response, at."""
    return _rq_failed() if _rq() else _qstash_dlq()


def retry(entry_id: str) -> dict[str, Any]:
    return _rq_retry(entry_id) if _rq() else _qstash_retry(entry_id)


def discard(entry_id: str) -> None:
    if _rq():
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
             "at": dt.datetime.fromtimestamp(m.created_at / 1000, dt.UTC) if m.created_at else None}
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
                        "at": job.ended_at})
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
