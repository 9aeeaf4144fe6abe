"""Settings of the local QStash-compatible server: CLI flags, then environment, then defaults."""
from __future__ import annotations

import argparse
import dataclasses
import os

# The public, deterministic credentials Upstash's own `qstash dev` prints for its default
# user (qstash-js hard-codes the same triple); anyone may know them, they guard nothing.
DEV_TOKEN = "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0="
DEV_CURRENT_SIGNING_KEY = "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r"
DEV_NEXT_SIGNING_KEY = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs"


@dataclasses.dataclass
class DevConfig:
    host: str = "127.0.0.1"
    port: int = 8080
    data_file: str | None = None
    token: str = DEV_TOKEN
    current_signing_key: str | None = None   # None: the stored pair, else the dev pair
    next_signing_key: str | None = None
    time_scale: float = 1.0                  # multiplies every wait the server schedules
    default_retries: int = 3                 # maxRetries when Upstash-Retries is absent
    max_timeout: float = 900.0               # per-attempt HTTP limit (Free plan: 15 min)
    concurrency: int = 100                   # deliveries in flight at once
    dedup_window: float = 600.0              # seconds a deduplication id is remembered
    log_limit: int = 100_000                 # log events kept (oldest dropped first)
    daily_limit: int | None = None           # publishes a day before 429 (off by default)
    max_body: int = 10 * 1024 * 1024         # Pay-as-you-go message size limit

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


def _env(name: str, cast, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return cast(raw)
    except ValueError as exc:
        raise SystemExit(f"{name}={raw!r} is not valid: {exc}") from exc


def from_args(argv: list[str] | None = None) -> DevConfig:
    parser = argparse.ArgumentParser(
        prog="python -m datavis.qstash_dev",
        description="Local QStash-compatible server (publish, queues, retries, DLQ, logs, "
                    "callbacks, signed deliveries). Binds 127.0.0.1.",
    )
    parser.add_argument("--port", type=int, default=None,
                        help="port (env QSTASH_DEV_PORT, default 8080; 0 picks a free one)")
    parser.add_argument("--data-file", default=None,
                        help="SQLite file keeping all state across restarts (env "
                             "QSTASH_DEV_DATA_FILE); without it state is in memory")
    args = parser.parse_args(argv)
    return DevConfig(
        port=args.port if args.port is not None else _env("QSTASH_DEV_PORT", int, 8080),
        data_file=args.data_file or os.environ.get("QSTASH_DEV_DATA_FILE") or None,
        token=os.environ.get("QSTASH_TOKEN") or DEV_TOKEN,
        current_signing_key=os.environ.get("QSTASH_CURRENT_SIGNING_KEY") or None,
        next_signing_key=os.environ.get("QSTASH_NEXT_SIGNING_KEY") or None,
        time_scale=_env("QSTASH_DEV_TIME_SCALE", float, 1.0),
        default_retries=_env("QSTASH_DEV_DEFAULT_RETRIES", int, 3),
        max_timeout=_env("QSTASH_DEV_MAX_TIMEOUT", float, 900.0),
        concurrency=max(1, _env("QSTASH_DEV_CONCURRENCY", int, 100)),
        dedup_window=_env("QSTASH_DEV_DEDUP_WINDOW", float, 600.0),
        log_limit=max(100, _env("QSTASH_DEV_LOG_LIMIT", int, 100_000)),
        daily_limit=_env("QSTASH_DEV_DAILY_LIMIT", int, None),
    )
