"""The QStash backend: today's publish path (``services.publisher``) and the health check
that calls QStash's keys endpoint."""
from __future__ import annotations

from typing import Any

from datavis.services import health, publisher
from datavis.services.publisher import Published


def publish(task: dict[str, Any]) -> Published:
    return publisher.publish_task(task)


def check() -> dict[str, Any]:
    return health.qstash_check()
