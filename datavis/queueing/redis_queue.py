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

import hashlib
import logging
import math
from typing import Any

from flask import current_app
from redis import Redis
from redis.exceptions import RedisError
from rq import Callback, Queue, Retry

from datavis.errors import QueueUnavailable
from datavis.qstash_dev.timing import DurationError, default_backoff, retry_delay_seconds
from datavis.services.publisher import Published

log = logging.getLogger("datavis")
KEY = "datavis.redis"


def connection() -> Redis:
    """One client (its own connection pool) per process."""
    client = current_app.extensions.get(KEY)
    if client is None:
        client = current_app.extensions[KEY] = Redis.from_url(
            current_app.config["REDIS_URL"], socket_connect_timeout=3, socket_timeout=10)
    return client


def queue() -> Queue:
    return Queue(current_app.config["RQ_QUEUE"], connection=connection())


def job_id(request_id: str) -> str:
    # RQ job ids are [A-Za-z0-9_-]; request ids may also hold '.' and ':'.
    return "task-" + hashlib.sha256(request_id.encode()).hexdigest()[:32]


def retry_intervals(config: dict[str, Any]) -> list[int]:
    """The waits before each retry, in whole seconds, as QStash would space them."""
    waits = []
    for retried in range(config["QSTASH_RETRIES"]):
        seconds = default_backoff(retried)
        if config["QSTASH_RETRY_DELAY"]:
            try:
                seconds = retry_delay_seconds(config["QSTASH_RETRY_DELAY"], retried)
            except DurationError:
                pass  # QStash too falls back to its own schedule
        waits.append(math.ceil(seconds))
    return waits


def publish(task: dict[str, Any]) -> Published:
    c = current_app.config
    options: dict[str, Any] = {
        "job_id": job_id(task["request_id"]),
        "job_timeout": c["QSTASH_DELIVERY_TIMEOUT"],
        "on_failure": Callback("datavis.queueing.jobs.on_failure"),
        "description": f"analysis task {task['request_id']}",
        "result_ttl": 3600, "failure_ttl": 7 * 24 * 3600,
        "meta": {"request_id": task["request_id"], "chat_id": task["chat_id"]},
    }
    if c["QSTASH_RETRIES"]:
        options["retry"] = Retry(max=c["QSTASH_RETRIES"], interval=retry_intervals(c))
    try:
        job = queue().enqueue("datavis.queueing.jobs.run", task["request_id"], **options)
    except (RedisError, OSError) as exc:
        log.warning("enqueueing task %s in Redis failed: %s", task["request_id"], exc)
        raise QueueUnavailable(
            "the task queue (Redis) is unavailable right now; nothing was lost — "
            "send the same request again (same request_id) to retry") from exc
    return Published(message_id=job.id, queue_name=c["RQ_QUEUE"])


def check() -> dict[str, Any]:
    try:
        connection().ping()
        return {"status": "ok", "check": "redis ping"}
    except (RedisError, OSError) as exc:
        return {"status": "error", "check": "redis ping", "error": type(exc).__name__}
