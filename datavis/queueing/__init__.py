"""The task queue behind one small interface: ``publish(task)`` and ``check()``.

Two backends, chosen by ``QUEUE_BACKEND`` at start-up (switching is a restart):

- ``qstash`` (default): QStash pushes each task to the app's signed internal route.
- ``rq``: the rollback path. Tasks go to Redis through RQ and ``flask --app datavis worker``
  runs them, calling the same processing and failure functions as the QStash receiver.

Only the transport differs; the services call this module and never ask which one is on.
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from datavis import config, metrics
from datavis.domain_errors import QueueUnavailable
from datavis.queueing.published import Published

BACKENDS = ("qstash", "rq")


def _backend() -> ModuleType:
    # Imported on use: the qstash backend never loads RQ, and the other way round.
    name = "redis_queue" if config.current().queue_backend == "rq" else "qstash_queue"
    return importlib.import_module(f"datavis.queueing.{name}")


def publish(task: dict[str, Any]) -> Published:
    """Queue one task (idempotent on its request id); QueueUnavailable when the queue
    refuses it or cannot be reached."""
    try:
        return _backend().publish(task)
    except QueueUnavailable:
        metrics.enqueue_failed(config.current().queue_backend)
        raise


def check() -> dict[str, Any]:
    """The queue's readiness for /health: ``{"backend", "status", ...}``."""
    return {"backend": config.current().queue_backend, **_backend().check()}
