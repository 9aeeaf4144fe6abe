"""The QStash backend: today's publish path (``services.publisher``) and the health check
that calls QStash's keys endpoint.

The check is a real API call (the signing-keys endpoint) with a short timeout, and its result
is cached, so frequent health probes never turn into a polling cost; nothing is called while
nobody asks."""
from __future__ import annotations

import threading
import time
from typing import Any

import httpx
from flask import current_app

from datavis import config
from datavis.queueing.published import Published
from datavis.services import publisher

_lock = threading.Lock()


def publish(task: dict[str, Any]) -> Published:
    return publisher.publish_task(task)


def check() -> dict[str, Any]:
    s = config.current()
    cache = current_app.extensions.setdefault("datavis.health", {})
    now = time.monotonic()
    with _lock:
        cached = cache.get("qstash")
        if cached and now - cached[0] < s.health_qstash_ttl:
            return {**cached[1], "cached": True}
        try:
            res = httpx.get(s.qstash_url + "/v2/keys", timeout=2.0,
                            headers={"Authorization": f"Bearer {s.qstash_token}"})
            result: dict[str, Any] = ({"status": "ok"} if res.status_code == 200 else
                      {"status": "error", "error": f"QStash answered {res.status_code}"})
        except httpx.HTTPError as exc:
            result = {"status": "error", "error": type(exc).__name__}
        result["local"] = s.qstash_local
        cache["qstash"] = (now, result)
    return {**result, "cached": False}
