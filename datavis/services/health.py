"""Readiness of the components the service needs: database, storage, and the queue in use
(its own check, in ``datavis.queueing``)."""
from __future__ import annotations

import tempfile
from typing import Any

from sqlalchemy import text

from datavis import config, queueing
from datavis.store import db


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


def readiness() -> tuple[bool, dict[str, Any]]:
    # The queue in use, by its own check: "qstash" (keys call) or "redis" (ping).
    queue = queueing.check()
    name = "qstash" if queue["backend"] == "qstash" else "redis"
    components = {"database": _database(), "storage": _storage(), name: queue}
    return all(c["status"] == "ok" for c in components.values()), components
