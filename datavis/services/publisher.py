"""Publishing analysis tasks to QStash with the official SDK."""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

import httpx
import logfire
from flask import current_app
from qstash.errors import QStashError

from datavis.errors import QueueUnavailable
from datavis.extensions import qstash

log = logging.getLogger("datavis")

PROCESS_PATH = "/internal/process-analysis_tasks"
FAILED_PATH = "/internal/analysis-failed"
LABEL = "datavis-analysis"


@dataclasses.dataclass
class Published:
    message_id: str
    queue_name: str | None


def callback_url(path: str) -> str:
    """The public URL QStash calls and signs (``sub``): always built from API_URL."""
    return current_app.config["API_URL"] + path


def _ensure_queue(name: str, parallelism: int) -> None:
    # Once per process: the queue's parallelism caps how many analyses run at once.
    done = current_app.extensions.setdefault("datavis.queues", set())
    if name not in done:
        qstash.client.queue.upsert(name, parallelism=parallelism)
        done.add(name)


def publish_task(task: dict[str, Any]) -> Published:
    """Publish one task; deduplicated by its request id, so publishing twice is harmless.

    Raises QueueUnavailable when QStash refuses it or cannot be reached.
    """
    c = current_app.config
    body = {key: task[key] for key in ("request_id", "chat_id", "file_id", "prompt",
                                       "is_follow_up", "last_chart_id")}
    common: dict[str, Any] = {
        "body": body,
        "deduplication_id": task["request_id"],
        "retries": c["QSTASH_RETRIES"],
        "failure_callback": callback_url(FAILED_PATH),
        "timeout": c["QSTASH_DELIVERY_TIMEOUT"],
        "label": LABEL,
    }
    if c["QSTASH_RETRY_DELAY"]:
        common["retry_delay"] = c["QSTASH_RETRY_DELAY"]
    queue = c["QSTASH_QUEUE"]
    attributes = {"request_id": task["request_id"], "chat_id": task["chat_id"], "queue": queue}
    with logfire.span("publish analysis task", **attributes) as span:
        try:
            if queue:
                if c["QSTASH_QUEUE_PARALLELISM"]:
                    _ensure_queue(queue, c["QSTASH_QUEUE_PARALLELISM"])
                res = qstash.client.message.enqueue_json(queue=queue, url=callback_url(PROCESS_PATH),
                                                         **common)
            elif c["QSTASH_URL_GROUP"]:
                res = qstash.client.message.publish_json(url_group=c["QSTASH_URL_GROUP"], **common)
            else:
                if c["QSTASH_FLOW_CONTROL_KEY"]:
                    common["flow_control"] = {"key": c["QSTASH_FLOW_CONTROL_KEY"]}
                    if c["QSTASH_FLOW_CONTROL_PARALLELISM"]:
                        common["flow_control"]["parallelism"] = c["QSTASH_FLOW_CONTROL_PARALLELISM"]
                res = qstash.client.message.publish_json(url=callback_url(PROCESS_PATH), **common)
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
        message_id = res[0].message_id if isinstance(res, list) else res.message_id
        span.set_attribute("message_id", message_id)
    return Published(message_id=message_id, queue_name=queue)
