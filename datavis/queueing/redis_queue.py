"""The RQ backend (Redis): the rollback path.

A task is an RQ job running ``jobs.run(request_id)`` in ``flask --app datavis worker``.
QStash's delivery semantics map onto RQ's:

- retries: ``Retry(max=QSTASH_RETRIES)`` with the waits QStash would use (the
  ``QSTASH_RETRY_DELAY`` expression, else its default backoff), rounded up to seconds;
- the failure callback: RQ's ``on_failure``, which apologises once retries are spent;
- the delivery timeout: the job timeout (``QSTASH_DELIVERY_TIMEOUT``);
- deduplication: the job id is derived from the request id, and the task's claim makes a
  second run of the same task a no-op anyway.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import math
from typing import Any

from flask import current_app
from redis import Redis
from redis.exceptions import RedisError
from rq import Callback, Queue, Retry

from datavis import config
from datavis.config import Settings
from datavis.domain_errors import QueueUnavailable
from datavis.queueing.published import Published
from datavis.retry_schedule import DurationError, default_backoff, retry_delay_seconds

log = logging.getLogger("datavis")
KEY = "datavis.redis"


def connection() -> Redis:
    """One client (its own connection pool) per process."""
    client = current_app.extensions.get(KEY)
    if client is None:
        client = current_app.extensions[KEY] = Redis.from_url(
            config.current().redis_url, socket_connect_timeout=3, socket_timeout=10)
    return client


def queue() -> Queue:
    return Queue(config.current().rq_queue, connection=connection())


def job_id(request_id: str) -> str:
    # RQ job ids are [A-Za-z0-9_-]; request ids may also hold '.' and ':'.
    return "task-" + hashlib.sha256(request_id.encode()).hexdigest()[:32]


def retry_intervals(settings: Settings) -> list[int]:
    """The waits before each retry, in whole seconds, as QStash would space them."""
    waits = []
    for retried in range(settings.qstash_retries):
        seconds = default_backoff(retried)
        if settings.qstash_retry_delay:
            with contextlib.suppress(DurationError):  # QStash too falls back to its own schedule
                seconds = retry_delay_seconds(settings.qstash_retry_delay, retried)
        waits.append(math.ceil(seconds))
    return waits


def publish(task: dict[str, Any]) -> Published:
    s = config.current()
    options: dict[str, Any] = {
        "job_id": job_id(task["request_id"]),
        "job_timeout": s.qstash_delivery_timeout,
        "on_failure": Callback("datavis.queueing.jobs.on_failure"),
        "description": f"analysis task {task['request_id']}",
        "result_ttl": 3600, "failure_ttl": 7 * 24 * 3600,
        "meta": {"request_id": task["request_id"], "chat_id": task["chat_id"]},
    }
    if s.qstash_retries:
        options["retry"] = Retry(max=s.qstash_retries, interval=retry_intervals(s))
    try:
        job = queue().enqueue("datavis.queueing.jobs.run", task["request_id"], **options)
    except (RedisError, OSError) as exc:
        log.warning("enqueueing task %s in Redis failed: %s", task["request_id"], exc)
        raise QueueUnavailable(
            "the task queue (Redis) is unavailable right now; nothing was lost — "
            "send the same request again (same request_id) to retry") from exc
    return Published(qstash_message_id=job.id, queue_name=s.rq_queue)


def check() -> dict[str, Any]:
    try:
        connection().ping()
        return {"status": "ok", "check": "redis ping"}
    except (RedisError, OSError) as exc:
        return {"status": "error", "check": "redis ping", "error": type(exc).__name__}
