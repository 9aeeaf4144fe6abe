"""Settings: one typed, frozen object read once from the environment (and ``.env``, where the
environment wins). The app, ``gunicorn.conf.py`` and ``python -m datavis.local`` all read it;
a bad value stops them with one message naming every variable that is wrong.

Every variable is listed, with its default, in ``.env.example`` and the README.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dotenv import load_dotenv
from flask import Flask, current_app

from datavis.dev_credentials import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY, DEV_TOKEN
from datavis.envvars import EnvReader

LOCAL_QSTASH_URL = "http://127.0.0.1:8080"
UPSTASH_QSTASH_URL = "https://qstash.upstash.io"
EXTENSION_KEY = "datavis.settings"


class ConfigError(ValueError):
    """Settings that cannot be used; the app refuses to start with them."""


@dataclasses.dataclass(frozen=True)
class Settings:
    api_url: str = "http://127.0.0.1:8000"     # the public base URL QStash calls and signs
    data_dir: Path = Path("var/data").resolve()
    database_url: str = ""                      # "": a SQLite file in data_dir
    db_lock_timeout: float = 5.0
    max_upload_mb: int = 100
    max_json_kb: int = 64
    proxy_fix_hops: int = 0
    # QStash: with no token, the local QStash-compatible server and its dev credentials.
    qstash_local: bool = True
    qstash_url: str = LOCAL_QSTASH_URL
    qstash_token: str = DEV_TOKEN
    qstash_current_signing_key: str = DEV_CURRENT_SIGNING_KEY
    qstash_next_signing_key: str = DEV_NEXT_SIGNING_KEY
    qstash_retries: int = 3
    qstash_retry_delay: str | None = None
    qstash_delivery_timeout: int = 120
    qstash_queue: str | None = None
    qstash_queue_parallelism: int = 0
    qstash_flow_control_key: str | None = None
    qstash_flow_control_parallelism: int = 0
    qstash_url_group: str | None = None
    qstash_publish_timeout: float = 10.0
    qstash_publish_attempts: int = 3
    health_qstash_ttl: int = 300
    # The queue: QStash (default) or the Redis rollback path (RQ; `flask --app datavis worker`).
    queue_backend: str = "qstash"
    redis_url: str = "redis://127.0.0.1:6379/0"
    rq_queue: str = "datavis"
    rq_maintenance_seconds: int = 600
    rq_worker_ttl: int = 420                    # an idle worker blocks on Redis this - 15 s between heartbeats
    # Analysis.
    datavis_model: str | None = None
    analysis_timeout: float = 10.0
    analysis_max_rows: int = 5000
    task_lease_seconds: int = 120
    csv_max_rows: int = 5_000_000
    csv_max_columns: int = 2_000
    csv_max_line_bytes: int = 1_000_000
    csv_max_cell_chars: int = 100_000
    # Live chat events (Server-Sent Events): open streams per process (gunicorn adds that
    # many threads to GUNICORN_THREADS), SQLite watcher period, heartbeat, lifetime.
    events_max_streams: int = 16
    events_poll_ms: int = 5
    events_heartbeat_seconds: float = 15.0
    events_stream_seconds: float = 300.0
    # Public API protection, logs and traces.
    api_keys: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    logfire_token: str | None = None
    logfire_console: bool = False
    tracing: bool = False                       # default: on with a Logfire token or console
    log_level: str = "INFO"
    allow_dev_qstash_on_public_bind: bool = False
    # Serving (gunicorn.conf.py, python -m datavis.local).
    port: int = 8000
    gunicorn_bind: str | None = None
    gunicorn_workers: int = 2
    gunicorn_threads: int = 4
    gunicorn_timeout: int | None = None         # None: enough for the longest analysis
    gunicorn_graceful_timeout: int = 30
    gunicorn_access_log: str | None = "-"
    qstash_dev_port: int = 8080

    def __post_init__(self) -> None:
        # Values given in code (tests, create_app's overrides) get the environment's types.
        object.__setattr__(self, "data_dir", Path(self.data_dir))
        object.__setattr__(self, "api_keys", tuple(self.api_keys))
        object.__setattr__(self, "cors_origins", tuple(self.cors_origins))
        object.__setattr__(self, "api_url", self.api_url.rstrip("/"))
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'datavis.sqlite3'}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, dotenv: bool = True) -> Settings:
        """The settings in ``environ`` (default: the process environment, after loading
        ``./.env`` without overriding what is set, unless ``dotenv`` is off)."""
        if environ is None:
            if dotenv:
                load_dotenv(Path.cwd() / ".env", override=False)
            environ = os.environ
        return _parse(environ)

    def replace(self, overrides: Mapping[str, Any]) -> Settings:
        """These settings with some changed, named as their variables (``QSTASH_RETRIES``);
        names that are not settings are ignored (they are Flask's own keys)."""
        fields = {f.name for f in dataclasses.fields(self)}
        changes = {k.lower(): v for k, v in overrides.items() if k.lower() in fields}
        return dataclasses.replace(self, **changes) if changes else self

    @property
    def uses_dev_keys(self) -> bool:
        """Deliveries are verified with Upstash's public development keys: anyone can sign."""
        dev = {DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY}
        return bool(dev & {self.qstash_current_signing_key, self.qstash_next_signing_key})

    def public_url(self, path: str) -> str:
        """The public URL of one of the app's routes: what QStash calls and signs (``sub``),
        always built from API_URL, never from the request (which differs behind a proxy)."""
        return self.api_url + path

    @property
    def worker_timeout(self) -> int:
        """gunicorn's worker timeout: above the longest analysis (query time limit, an LLM
        call or two, rendering), or QStash's delivery would be cut short."""
        return self.gunicorn_timeout or max(120, 4 * int(self.analysis_timeout))


def _qstash(r: EnvReader, env: Mapping[str, str]) -> dict[str, Any]:
    """The QStash settings: with no token, the local server and its dev credentials."""
    token = r.text("QSTASH_TOKEN")
    local = token is None
    return dict(
        qstash_local=local,
        qstash_url=(env.get("QSTASH_URL") or (LOCAL_QSTASH_URL if local else UPSTASH_QSTASH_URL)).rstrip("/"),
        qstash_token=token or DEV_TOKEN,
        qstash_current_signing_key=env.get("QSTASH_CURRENT_SIGNING_KEY")
        or (DEV_CURRENT_SIGNING_KEY if local else ""),
        qstash_next_signing_key=env.get("QSTASH_NEXT_SIGNING_KEY") or (DEV_NEXT_SIGNING_KEY if local else ""),
        qstash_retries=r.integer("QSTASH_RETRIES", 3), qstash_retry_delay=r.text("QSTASH_RETRY_DELAY"),
        qstash_delivery_timeout=r.integer("QSTASH_DELIVERY_TIMEOUT", 120, 1),
        qstash_queue=r.text("QSTASH_QUEUE"), qstash_queue_parallelism=r.integer("QSTASH_QUEUE_PARALLELISM", 0),
        qstash_flow_control_key=r.text("QSTASH_FLOW_CONTROL_KEY"),
        qstash_flow_control_parallelism=r.integer("QSTASH_FLOW_CONTROL_PARALLELISM", 0),
        qstash_url_group=r.text("QSTASH_URL_GROUP"),
        qstash_publish_timeout=r.number("QSTASH_PUBLISH_TIMEOUT", 10.0),
        qstash_publish_attempts=r.integer("QSTASH_PUBLISH_ATTEMPTS", 3, 1),
        health_qstash_ttl=r.integer("HEALTH_QSTASH_TTL", 300)
    )


def _queue(r: EnvReader) -> dict[str, Any]:
    return dict(
        queue_backend=(r.text("QUEUE_BACKEND") or "qstash").lower(),
        redis_url=r.text("REDIS_URL") or Settings.redis_url, rq_queue=r.text("RQ_QUEUE") or Settings.rq_queue,
        rq_maintenance_seconds=r.integer("RQ_MAINTENANCE_SECONDS", 600, 1),
        rq_worker_ttl=r.integer("RQ_WORKER_TTL", 420, 16),
    )


def _parse(env: Mapping[str, str]) -> Settings:
    r = EnvReader(env)
    data_dir = Path(env.get("DATA_DIR") or "var/data").resolve()
    settings = Settings(
        api_url=env.get("API_URL") or Settings.api_url, data_dir=data_dir,
        database_url=env.get("DATABASE_URL") or "",
        db_lock_timeout=r.number("DB_LOCK_TIMEOUT", 5.0),
        max_upload_mb=r.integer("MAX_UPLOAD_MB", 100, 1), max_json_kb=r.integer("MAX_JSON_KB", 64, 1),
        proxy_fix_hops=r.integer("PROXY_FIX_HOPS", 0),
        **_qstash(r, env), **_queue(r),
        datavis_model=r.text("DATAVIS_MODEL"), analysis_timeout=r.number("ANALYSIS_TIMEOUT", 10.0),
        analysis_max_rows=r.integer("ANALYSIS_MAX_ROWS", 5000, 1),
        task_lease_seconds=r.integer("TASK_LEASE_SECONDS", 120, 1),
        csv_max_rows=r.integer("CSV_MAX_ROWS", 5_000_000, 1), csv_max_columns=r.integer("CSV_MAX_COLUMNS", 2_000, 1),
        csv_max_line_bytes=r.integer("CSV_MAX_LINE_BYTES", 1_000_000, 1),
        csv_max_cell_chars=r.integer("CSV_MAX_CELL_CHARS", 100_000, 1),
        events_max_streams=r.integer("EVENTS_MAX_STREAMS", 16, 1), events_poll_ms=r.integer("EVENTS_POLL_MS", 5, 1),
        events_heartbeat_seconds=r.number("EVENTS_HEARTBEAT_SECONDS", 15.0),
        events_stream_seconds=r.number("EVENTS_STREAM_SECONDS", 300.0),
        api_keys=r.items("API_KEYS"), cors_origins=r.items("CORS_ORIGINS"),
        logfire_token=r.text("LOGFIRE_TOKEN"), logfire_console=r.flag("LOGFIRE_CONSOLE"),
        tracing=r.flag("TRACING") if r.text("TRACING") else bool(r.text("LOGFIRE_TOKEN") or r.flag("LOGFIRE_CONSOLE")),
        log_level=(r.text("LOG_LEVEL") or "INFO").upper(),
        allow_dev_qstash_on_public_bind=r.flag("ALLOW_DEV_QSTASH_ON_PUBLIC_BIND", "1"),
        port=r.integer("PORT", 8000, 1), gunicorn_bind=r.text("GUNICORN_BIND"),
        gunicorn_workers=r.integer("GUNICORN_WORKERS", 2, 1), gunicorn_threads=r.integer("GUNICORN_THREADS", 4, 1),
        gunicorn_timeout=r.optional_integer("GUNICORN_TIMEOUT"),
        gunicorn_graceful_timeout=r.integer("GUNICORN_GRACEFUL_TIMEOUT", 30),
        # Set but empty: no access log.
        gunicorn_access_log=env.get("GUNICORN_ACCESS_LOG", "-") or None,
        qstash_dev_port=r.integer("QSTASH_DEV_PORT", 8080),
    )
    _check(settings, r.problems)
    if r.problems:
        raise ConfigError("bad configuration:\n  - " + "\n  - ".join(r.problems))
    return settings


def _check(s: Settings, problems: list[str]) -> None:
    if not s.qstash_local and not (s.qstash_current_signing_key and s.qstash_next_signing_key):
        problems.append("QSTASH_TOKEN is set, so QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY "
                        "are required to verify QStash's deliveries")
    if s.queue_backend not in ("qstash", "rq"):
        problems.append(f"QUEUE_BACKEND must be qstash or rq, got {s.queue_backend!r}")
    if not s.api_url.startswith(("http://", "https://")):
        problems.append(f"API_URL must be an absolute http(s) URL, got {s.api_url!r}")
    if s.log_level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        problems.append(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got {s.log_level!r}")


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions[EXTENSION_KEY] = settings


def settings_of(app: Flask) -> Settings:
    settings: Settings = app.extensions[EXTENSION_KEY]
    return settings


def current() -> Settings:
    """The settings of the app handling this request (or CLI command)."""
    settings: Settings = current_app.extensions[EXTENSION_KEY]
    return settings
