"""Settings from the environment (and ``.env``, where the environment wins).

Every variable is listed, with its default, in ``.env.example`` and the README.
"""
from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any, Iterable

import click
from dotenv import load_dotenv

from datavis.qstash_dev.credentials import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY, DEV_TOKEN

LOCAL_QSTASH_URL = "http://127.0.0.1:8080"


class ConfigError(ValueError):
    """A setting that cannot be used; the app refuses to start with it."""


def _int(env: dict[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def _float(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value


def _list(env: dict[str, str], name: str) -> list[str]:
    return [item.strip() for item in env.get(name, "").split(",") if item.strip()]


def from_env(environ: dict[str, str] | None = None, *, dotenv: bool = True) -> dict[str, Any]:
    """Flask config keys read from ``environ`` (default: the process environment, after
    loading ``./.env`` without overriding what is already set, unless ``dotenv`` is off)."""
    if environ is None:
        if dotenv:
            load_dotenv(Path.cwd() / ".env", override=False)
        environ = dict(os.environ)
    env = environ
    data_dir = Path(env.get("DATA_DIR") or "var/data").resolve()
    token = env.get("QSTASH_TOKEN", "").strip()
    local_qstash = not token
    config: dict[str, Any] = {
        "API_URL": (env.get("API_URL") or "http://127.0.0.1:8000").rstrip("/"),
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'datavis.sqlite3'}",
        "DB_LOCK_TIMEOUT": _float(env, "DB_LOCK_TIMEOUT", 5.0),
        "MAX_UPLOAD_MB": _int(env, "MAX_UPLOAD_MB", 100, 1),
        "MAX_JSON_KB": _int(env, "MAX_JSON_KB", 64, 1),
        "PROXY_FIX_HOPS": _int(env, "PROXY_FIX_HOPS", 0),
        # QStash: with no token, the local QStash-compatible server and its dev credentials.
        "QSTASH_LOCAL": local_qstash,
        "QSTASH_URL": (env.get("QSTASH_URL") or (LOCAL_QSTASH_URL if local_qstash else
                                                 "https://qstash.upstash.io")).rstrip("/"),
        "QSTASH_TOKEN": token or DEV_TOKEN,
        "QSTASH_CURRENT_SIGNING_KEY": env.get("QSTASH_CURRENT_SIGNING_KEY")
        or (DEV_CURRENT_SIGNING_KEY if local_qstash else ""),
        "QSTASH_NEXT_SIGNING_KEY": env.get("QSTASH_NEXT_SIGNING_KEY")
        or (DEV_NEXT_SIGNING_KEY if local_qstash else ""),
        "QSTASH_RETRIES": _int(env, "QSTASH_RETRIES", 3),
        "QSTASH_RETRY_DELAY": env.get("QSTASH_RETRY_DELAY", "").strip() or None,
        "QSTASH_DELIVERY_TIMEOUT": _int(env, "QSTASH_DELIVERY_TIMEOUT", 120, 1),
        "QSTASH_QUEUE": env.get("QSTASH_QUEUE", "").strip() or None,
        "QSTASH_QUEUE_PARALLELISM": _int(env, "QSTASH_QUEUE_PARALLELISM", 0),
        "QSTASH_FLOW_CONTROL_KEY": env.get("QSTASH_FLOW_CONTROL_KEY", "").strip() or None,
        "QSTASH_FLOW_CONTROL_PARALLELISM": _int(env, "QSTASH_FLOW_CONTROL_PARALLELISM", 0),
        "QSTASH_URL_GROUP": env.get("QSTASH_URL_GROUP", "").strip() or None,
        "QSTASH_PUBLISH_TIMEOUT": _float(env, "QSTASH_PUBLISH_TIMEOUT", 10.0),
        "QSTASH_PUBLISH_ATTEMPTS": _int(env, "QSTASH_PUBLISH_ATTEMPTS", 3, 1),
        "HEALTH_QSTASH_TTL": _int(env, "HEALTH_QSTASH_TTL", 300),
        # The queue: QStash (default) or the Redis rollback path (RQ; `flask --app datavis worker`).
        "QUEUE_BACKEND": env.get("QUEUE_BACKEND", "").strip().lower() or "qstash",
        "REDIS_URL": env.get("REDIS_URL", "").strip() or "redis://127.0.0.1:6379/0",
        "RQ_QUEUE": env.get("RQ_QUEUE", "").strip() or "datavis",
        "RQ_MAINTENANCE_SECONDS": _int(env, "RQ_MAINTENANCE_SECONDS", 600, 1),
        # An idle worker blocks on Redis for RQ_WORKER_TTL - 15 s between heartbeats.
        "RQ_WORKER_TTL": _int(env, "RQ_WORKER_TTL", 420, 16),
        # Analysis.
        "DATAVIS_MODEL": env.get("DATAVIS_MODEL", "").strip() or None,
        "ANALYSIS_TIMEOUT": _float(env, "ANALYSIS_TIMEOUT", 10.0),
        "ANALYSIS_MAX_ROWS": _int(env, "ANALYSIS_MAX_ROWS", 5000, 1),
        "TASK_LEASE_SECONDS": _int(env, "TASK_LEASE_SECONDS", 120, 1),
        "CSV_MAX_ROWS": _int(env, "CSV_MAX_ROWS", 5_000_000, 1),
        "CSV_MAX_COLUMNS": _int(env, "CSV_MAX_COLUMNS", 2_000, 1),
        "CSV_MAX_LINE_BYTES": _int(env, "CSV_MAX_LINE_BYTES", 1_000_000, 1),
        "CSV_MAX_CELL_CHARS": _int(env, "CSV_MAX_CELL_CHARS", 100_000, 1),
        # Live chat events (Server-Sent Events): open streams per process (gunicorn adds
        # that many threads to GUNICORN_THREADS), SQLite watcher period, heartbeat, lifetime.
        "EVENTS_MAX_STREAMS": _int(env, "EVENTS_MAX_STREAMS", 16, 1),
        "EVENTS_POLL_MS": _int(env, "EVENTS_POLL_MS", 5, 1),
        "EVENTS_HEARTBEAT_SECONDS": _float(env, "EVENTS_HEARTBEAT_SECONDS", 15.0),
        "EVENTS_STREAM_SECONDS": _float(env, "EVENTS_STREAM_SECONDS", 300.0),
        # Public API protection.
        "API_KEYS": _list(env, "API_KEYS"),
        "CORS_ORIGINS": _list(env, "CORS_ORIGINS"),
        "LOGFIRE_TOKEN": env.get("LOGFIRE_TOKEN", "").strip() or None,
        "LOGFIRE_CONSOLE": env.get("LOGFIRE_CONSOLE", "").strip().lower() in ("1", "true", "yes"),
        "LOG_LEVEL": env.get("LOG_LEVEL", "INFO").upper(),
        "ALLOW_DEV_QSTASH_ON_PUBLIC_BIND": env.get("ALLOW_DEV_QSTASH_ON_PUBLIC_BIND", "").strip() == "1",
    }
    if not local_qstash and not (config["QSTASH_CURRENT_SIGNING_KEY"] and config["QSTASH_NEXT_SIGNING_KEY"]):
        raise ConfigError("QSTASH_TOKEN is set, so QSTASH_CURRENT_SIGNING_KEY and "
                          "QSTASH_NEXT_SIGNING_KEY are required to verify QStash's deliveries")
    if config["QUEUE_BACKEND"] not in ("qstash", "rq"):
        raise ConfigError(f"QUEUE_BACKEND must be qstash or rq, got {config['QUEUE_BACKEND']!r}")
    if not config["API_URL"].startswith(("http://", "https://")):
        raise ConfigError(f"API_URL must be an absolute http(s) URL, got {config['API_URL']!r}")
    return config


def dev_credentials(config: dict[str, Any]) -> bool:
    """Deliveries are verified with Upstash's public development keys: anyone can sign."""
    dev = {DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY}
    return bool(dev & {config["QSTASH_CURRENT_SIGNING_KEY"], config["QSTASH_NEXT_SIGNING_KEY"]})


def is_loopback(address: str) -> bool:
    """Whether a listening address (``host:port``, ``[v6]:port``, ``unix:path``, a bare
    host) reaches only this machine. Host names other than localhost count as public."""
    if address.startswith("unix:"):
        return True
    host = address
    if address.startswith("["):
        host = address[1:].split("]", 1)[0]
    elif address.count(":") == 1:
        host = address.rsplit(":", 1)[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name, empty ("all interfaces"), fd://…: not provably local


def check_bind(config: dict[str, Any], addresses: Iterable[str]) -> None:
    """Refuse to listen beyond loopback while anyone could forge QStash's signature."""
    public = [a for a in addresses if not is_loopback(a)]
    if public and dev_credentials(config) and not config["ALLOW_DEV_QSTASH_ON_PUBLIC_BIND"]:
        raise ConfigError(
            f"refusing to listen on {', '.join(public)}: QStash deliveries are verified with "
            "Upstash's public development signing keys (QSTASH_TOKEN is not set, or the keys are the "
            "dev ones), so anyone who reaches this port could forge a delivery. Listen on 127.0.0.1, "
            "or set QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY from the "
            "Upstash console, or set ALLOW_DEV_QSTASH_ON_PUBLIC_BIND=1 if this network is trusted.")


def flask_run_host() -> str | None:
    """The ``--host`` of ``flask run`` when it is the command creating the app, else None."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or ctx.info_name != "run" or "host" not in ctx.params:
        return None
    return str(ctx.params["host"])
