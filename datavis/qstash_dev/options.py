"""The options of a publish, read from its ``Upstash-*`` headers (reference §1.3).

A publish keeps its raw configuration headers so that a DLQ retry can apply overrides and
read them again; :func:`parse` turns them into a validated :class:`Options`.
"""
from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Iterable, Mapping

from datavis.retry_schedule import DurationError, compile_retry_delay

from .errors import Invalid
from .timing import parse_duration

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")
NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
MAX_FLOW_PERIOD = 7 * 86400.0

# Headers a client or proxy adds on its own; never forwarded by Upstash-Header-Forward.
_NOT_FORWARDED = {
    "host", "content-length", "authorization", "connection", "keep-alive", "accept-encoding",
    "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "user-agent",
}


class OptionError(Invalid):
    """A configuration header QStash would refuse with 400."""


@dataclasses.dataclass
class Flow:
    key: str
    parallelism: int | None = None
    rate: int | None = None
    period: float | None = None  # seconds


@dataclasses.dataclass
class CallbackOptions:
    url: str | None = None
    forward: dict[str, str] = dataclasses.field(default_factory=dict)
    retries: int | None = None
    timeout: float | None = None
    delay: float = 0.0
    method: str = "POST"
    retry_delay: str | None = None


@dataclasses.dataclass
class Options:
    method: str = "POST"
    forward: dict[str, str] = dataclasses.field(default_factory=dict)  # delivered headers
    retries: int | None = None
    retry_delay: str | None = None
    delay: float = 0.0
    not_before: float | None = None  # unix seconds
    timeout: float | None = None
    dedup_id: str | None = None
    content_dedup: bool = False
    flow: Flow | None = None
    label: str | None = None
    redact: frozenset[str] = frozenset()
    callback: CallbackOptions = dataclasses.field(default_factory=CallbackOptions)
    failure_callback: CallbackOptions = dataclasses.field(default_factory=CallbackOptions)


def collect(headers: Iterable[tuple[str, str]], query: Mapping[str, str] | None = None) -> dict[str, str]:
    """The configuration headers of a publish request, in the case the client sent them.

    Keeps ``Content-Type`` and every ``Upstash-*`` header; ``Upstash-Header-Forward: true``
    turns the other headers into ``Upstash-Forward-*``; lower-case ``upstash-*`` query
    parameters count as headers (QStash's webhook mode).
    """
    items = list(headers)
    raw: dict[str, str] = {}
    forward_all = any(k.lower() == "upstash-header-forward" and v.strip().lower() == "true"
                      for k, v in items)
    for key, value in items:
        low = key.lower()
        if low == "content-type" or low.startswith("upstash-"):
            raw[key] = value
        elif forward_all and low not in _NOT_FORWARDED:
            raw[f"Upstash-Forward-{key}"] = value
    present = {k.lower() for k in raw}
    for key, value in (query or {}).items():
        if key.lower().startswith("upstash-") and key.lower() not in present:
            raw["-".join(p.capitalize() for p in key.split("-"))] = value
    return raw


def merge(original: Mapping[str, str], overrides: Mapping[str, str]) -> dict[str, str]:
    """``original`` with the headers of ``overrides`` replacing those of the same name."""
    names = {k.lower() for k in overrides}
    merged = {k: v for k, v in original.items() if k.lower() not in names}
    merged.update(overrides)
    return merged


def _int(name: str, value: str, minimum: int = 0) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise OptionError(f"{name} must be an integer, got {value!r}") from None
    if number < minimum:
        raise OptionError(f"{name} must be at least {minimum}, got {number}")
    return number


def duration(name: str, value: str, units: str = "smhd") -> float:
    try:
        return parse_duration(value, units=units)
    except DurationError as exc:
        raise OptionError(f"{name}: {exc}") from None


def check_url(name: str, value: str) -> str:
    value = value.strip()
    if not value.startswith(("http://", "https://")):
        raise OptionError(f"{name} must start with http:// or https://, got {value!r}")
    return value


def _method(name: str, value: str) -> str:
    method = value.strip().upper()
    if method not in METHODS:
        raise OptionError(f"{name} must be one of {', '.join(METHODS)}, got {value!r}")
    return method


def _retry_delay(name: str, value: str) -> str:
    try:
        compile_retry_delay(value)
    except DurationError as exc:
        raise OptionError(f"{name}: {exc}") from None
    return value.strip()


def parse_flow(key: str, value: str | None) -> Flow:
    key = key.strip()
    if not key:
        raise OptionError("Upstash-Flow-Control-Key must not be empty")
    flow = Flow(key=key)
    for part in re.split(r"\s*,\s*", (value or "").strip()):
        if not part:
            continue
        name, _, setting = part.partition("=")
        name = name.strip().lower()
        if name == "parallelism":
            flow.parallelism = _int("parallelism", setting, 1)
        elif name == "rate":
            flow.rate = _int("rate", setting, 1)
        elif name == "period":
            flow.period = duration("period", setting)
            if not 0 < flow.period <= MAX_FLOW_PERIOD:
                raise OptionError("flow control period must be between 1s and 7d")
        else:
            raise OptionError(f"unknown flow control setting {name!r} "
                              "(use parallelism, rate, period)")
    if flow.parallelism is None and flow.rate is None:
        raise OptionError("Upstash-Flow-Control-Value needs parallelism and/or rate")
    return flow


def _callback(prefix: str, raw: Mapping[str, str]) -> CallbackOptions:
    options = CallbackOptions()
    plen = len(prefix)
    for key, value in raw.items():
        low = key.lower()
        if low == prefix.rstrip("-"):
            options.url = check_url(key, value)
        elif low.startswith(prefix + "forward-"):
            options.forward[key[plen + len("forward-"):]] = value
        elif low.startswith(prefix):
            setting = low[plen:]
            if setting == "retries":
                options.retries = _int(key, value)
            elif setting == "timeout":
                options.timeout = duration(key, value, "smh")
            elif setting == "delay":
                options.delay = duration(key, value)
            elif setting == "method":
                options.method = _method(key, value)
            elif setting == "retry-delay":
                options.retry_delay = _retry_delay(key, value)
            # Any other Upstash-Callback-* name is neither a setting nor forwarded: QStash
            # ignores it (the SDK's callback_headers quirk, reference §1.3).
    return options


def parse(raw: Mapping[str, str], now: float | None = None) -> Options:
    """Validate the configuration headers of one publish; raises :class:`OptionError`."""
    options = Options()
    flow_key = flow_value = None
    for key, value in raw.items():
        low = key.lower()
        if low == "content-type":
            options.forward["Content-Type"] = value
        elif low.startswith("upstash-forward-"):
            options.forward[key[len("upstash-forward-"):]] = value
        elif low == "upstash-method":
            options.method = _method(key, value)
        elif low == "upstash-retries":
            options.retries = _int(key, value)
        elif low == "upstash-retry-delay":
            options.retry_delay = _retry_delay(key, value)
        elif low == "upstash-delay":
            options.delay = duration(key, value)
        elif low == "upstash-not-before":
            options.not_before = float(_int(key, value))
        elif low == "upstash-timeout":
            options.timeout = duration(key, value, "smhd")
            if options.timeout <= 0:
                raise OptionError("Upstash-Timeout must be positive")
        elif low == "upstash-deduplication-id":
            options.dedup_id = value.strip() or None
        elif low == "upstash-content-based-deduplication":
            # The Python SDK sends str(True) == "True"; the docs say "true".
            if value.strip().lower() not in ("true", "false"):
                raise OptionError(f"{key} must be true or false, got {value!r}")
            options.content_dedup = value.strip().lower() == "true"
        elif low == "upstash-flow-control-key":
            flow_key = value
        elif low == "upstash-flow-control-value":
            flow_value = value
        elif low == "upstash-label":
            options.label = value.strip() or None
        elif low == "upstash-redact-fields":
            options.redact = frozenset(p.strip().lower() for p in value.split(",") if p.strip())
    options.callback = _callback("upstash-callback-", raw)
    options.failure_callback = _callback("upstash-failure-callback-", raw)
    if flow_key is not None:
        options.flow = parse_flow(flow_key, flow_value)
    elif flow_value is not None:
        raise OptionError("Upstash-Flow-Control-Value needs Upstash-Flow-Control-Key")
    return options


def first_delivery(options: Options, now: float | None = None) -> float:
    """Unix seconds of the first attempt before time scaling: not-before wins over delay."""
    now = time.time() if now is None else now
    if options.not_before is not None:
        return options.not_before
    return now + options.delay


def validate_name(kind: str, name: str) -> str:
    if not name or not NAME_RE.match(name):
        raise OptionError(f"invalid {kind} name {name!r}: use letters, digits, '-', '_' and '.'")
    return name
