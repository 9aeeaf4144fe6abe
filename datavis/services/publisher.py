"""Publishing analysis tasks to QStash with the official SDK."""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

import httpx
from flask import Flask, current_app
from qstash.errors import QStashError

from datavis import config, observability
from datavis.domain_errors import QueueUnavailable
from datavis.extensions import qstash
from datavis.queueing.published import Published

log = logging.getLogger("datavis")

LABEL = "datavis-analysis"
RECEIVER_KEY = "datavis.receiver_paths"


@dataclasses.dataclass(frozen=True)
class ReceiverPaths:
    """Where the app receives deliveries; the receiver blueprint owns the routes and
    registers them here (``register_receiver``) when it is registered on the app."""

    process: str
    failed: str


def register_receiver(app: Flask, paths: ReceiverPaths) -> None:
    app.extensions[RECEIVER_KEY] = paths


def _receiver() -> ReceiverPaths:
    paths: ReceiverPaths = current_app.extensions[RECEIVER_KEY]
    return paths


def _ensure_queue(name: str, parallelism: int) -> None:
    # Once per process: the queue's parallelism caps how many analyses run at once.
    done = current_app.extensions.setdefault("datavis.queues", set())
    if name not in done:
        qstash.client.queue.upsert(name, parallelism=parallelism)
        done.add(name)


def _options(task: dict[str, Any], s: config.Settings) -> dict[str, Any]:
    """The SDK's publish options common to every destination."""
    body = {key: task[key] for key in ("request_id", "chat_id", "file_id", "prompt",
                                       "is_follow_up", "last_chart_id")}
    options: dict[str, Any] = {
        "body": body,
        "deduplication_id": task["request_id"],
        "retries": s.qstash_retries,
        "failure_callback": s.public_url(_receiver().failed),
        "timeout": s.qstash_delivery_timeout,
        "label": LABEL,
    }
    if s.qstash_retry_delay:
        options["retry_delay"] = s.qstash_retry_delay
    return options


def _send(options: dict[str, Any], s: config.Settings) -> str:
    """Publish to the configured destination (a queue, a URL group, or the receiver's URL);
    QStash's message id (the first one, for a URL group)."""
    url = s.public_url(_receiver().process)
    if s.qstash_queue:
        if s.qstash_queue_parallelism:
            _ensure_queue(s.qstash_queue, s.qstash_queue_parallelism)
        queued = qstash.client.message.enqueue_json(queue=s.qstash_queue, url=url, **options)
        return queued[0].message_id if isinstance(queued, list) else queued.message_id
    if s.qstash_url_group:
        res = qstash.client.message.publish_json(url_group=s.qstash_url_group, **options)
    else:
        if s.qstash_flow_control_key:
            options["flow_control"] = {"key": s.qstash_flow_control_key}
            if s.qstash_flow_control_parallelism:
                options["flow_control"]["parallelism"] = s.qstash_flow_control_parallelism
        res = qstash.client.message.publish_json(url=url, **options)
    return res[0].message_id if isinstance(res, list) else res.message_id


def publish_task(task: dict[str, Any]) -> Published:
    """Publish one task; deduplicated by its request id, so publishing twice is harmless.

    Raises QueueUnavailable when QStash refuses it or cannot be reached.
    """
    s = config.current()
    attributes = {"request_id": task["request_id"], "chat_id": task["chat_id"], "queue": s.qstash_queue}
    with observability.span("publish analysis task", **attributes) as span:
        try:
            qstash_message_id = _send(_options(task, s), s)
        except (QStashError, httpx.HTTPError, OSError) as exc:
            refused = isinstance(exc, QStashError) and "status: 4" in str(exc) and "status: 429" not in str(exc)
            # A 4xx other than 429 is a setting QStash rejects (token, retry delay, URL):
            # retrying will not help, an operator must look.
            log.log(logging.ERROR if refused else logging.WARNING,
                    "publishing task %s failed: %s", task["request_id"], exc)
            raise QueueUnavailable(
                "the task queue (QStash) is unavailable right now; nothing was lost — "
                "send the same request again (same request_id) to retry"
            ) from exc
        span.set_attribute("message_id", qstash_message_id)
    return Published(qstash_message_id=qstash_message_id, queue_name=s.qstash_queue)
