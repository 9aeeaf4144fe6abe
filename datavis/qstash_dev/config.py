"""Settings of the local QStash-compatible server, built once: CLI flags, then environment,
then defaults. A bad value raises :class:`ConfigError` naming the variable; only the CLI entry
point (``server.main``) turns it into an exit.
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import math
import os
from collections.abc import Mapping
from typing import Any

from datavis.dev_credentials import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY, DEV_TOKEN

__all__ = ["ConfigError", "DevConfig", "load", "DEV_TOKEN", "DEV_CURRENT_SIGNING_KEY",
           "DEV_NEXT_SIGNING_KEY"]

class ConfigError(ValueError):
    """A setting the server cannot start with; the message names the variable."""


@dataclasses.dataclass(frozen=True)
class DevConfig:
    host: str = "127.0.0.1"
    port: int = 8080                         # 0: any free port
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
    log_level: str = "INFO"                  # the server's own log on stderr

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


# Numeric variables: (variable, DevConfig field, type, minimum, maximum or None).
_NUMBERS: tuple[tuple[str, str, type[int] | type[float], float, float | None], ...] = (
    ("QSTASH_DEV_PORT", "port", int, 0, 65535),
    ("QSTASH_DEV_TIME_SCALE", "time_scale", float, 0.0, None),
    ("QSTASH_DEV_DEFAULT_RETRIES", "default_retries", int, 0, None),
    ("QSTASH_DEV_MAX_TIMEOUT", "max_timeout", float, 0.001, None),
    ("QSTASH_DEV_CONCURRENCY", "concurrency", int, 1, None),
    ("QSTASH_DEV_DEDUP_WINDOW", "dedup_window", float, 0.0, None),
    ("QSTASH_DEV_LOG_LIMIT", "log_limit", int, 100, None),
    ("QSTASH_DEV_DAILY_LIMIT", "daily_limit", int, 0, None),
)


def _number(name: str, raw: str, cast: type[int] | type[float], minimum: float,
            maximum: float | None) -> int | float:
    try:
        value = cast(raw)
    except ValueError:
        kind = "an integer" if cast is int else "a number"
        raise ConfigError(f"{name} must be {kind}, got {raw!r}") from None
    if not math.isfinite(value):
        raise ConfigError(f"{name} must be a finite number, got {raw!r}")
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise ConfigError(f"{name} must be {bound}, got {raw!r}")
    return value


def _log_level(env: Mapping[str, str]) -> str:
    level = (env.get("QSTASH_DEV_LOG_LEVEL") or "INFO").strip().upper()
    if not isinstance(logging.getLevelName(level), int):
        raise ConfigError(f"QSTASH_DEV_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    return level


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m datavis.qstash_dev",
        description="Local QStash-compatible server (publish, queues, retries, DLQ, logs, "
                    "callbacks, signed deliveries). Binds 127.0.0.1.",
    )
    parser.add_argument("--port", default=None,
                        help="port (env QSTASH_DEV_PORT, default 8080; 0 picks a free one)")
    parser.add_argument("--data-file", default=None,
                        help="SQLite file keeping all state across restarts (env "
                             "QSTASH_DEV_DATA_FILE); without it state is in memory")
    return parser.parse_args(argv)


def load(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> DevConfig:
    """The settings from ``argv`` (default: the command line) and ``environ`` (default:
    the process environment), defaults for the rest; raises :class:`ConfigError`."""
    env = os.environ if environ is None else environ
    args = _arguments(argv)
    values: dict[str, Any] = {}
    for name, field, cast, minimum, maximum in _NUMBERS:
        raw = env.get(name, "").strip()
        if raw:
            values[field] = _number(name, raw, cast, minimum, maximum)
    if args.port is not None:  # the flag wins over QSTASH_DEV_PORT
        values["port"] = _number("--port", args.port.strip(), int, 0, 65535)
    for name, field in (("QSTASH_DEV_DATA_FILE", "data_file"), ("QSTASH_TOKEN", "token"),
                        ("QSTASH_CURRENT_SIGNING_KEY", "current_signing_key"),
                        ("QSTASH_NEXT_SIGNING_KEY", "next_signing_key")):
        if env.get(name):
            values[field] = env[name]
    if args.data_file:
        values["data_file"] = args.data_file
    return DevConfig(log_level=_log_level(env), **values)
