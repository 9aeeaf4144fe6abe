"""Readiness of the components the service needs: database, storage, QStash.

The QStash check is a real API call (the signing-keys endpoint) with a short timeout, and
its result is cached, so frequent health probes never turn into a polling cost; nothing is
called while nobody asks.
"""
from __future__ import annotations

import tempfile
import threading
import time
from typing import Any

import httpx
from flask import current_app
from sqlalchemy import text

from datavis import config
from datavis.store import db

_lock = threading.Lock()


def _database() -> dict[str, Any]:
    try:
        with db.read() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "backend": db.engine.url.get_backend_name()}
    except Exception as exc:
        return {"status": "error", "error": type(exc).__name__}


def _storage() -> dict[str, Any]:
    root = config.current().data_dir
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".health-") as probe:
            probe.write(b"ok")
            probe.flush()
        return {"status": "ok"}
    except OSError as exc:
        return {"status": "error", "error": exc.strerror or type(exc).__name__}


def qstash_check() -> dict[str, Any]:
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


def readiness() -> tuple[bool, dict[str, Any]]:
    from datavis import queueing

    # The queue in use, by its own check: "qstash" (keys call) or "redis" (ping).
    queue = queueing.check()
    name = "qstash" if queue["backend"] == "qstash" else "redis"
    components = {"database": _database(), "storage": _storage(), name: queue}
    return all(c["status"] == "ok" for c in components.values()), components
