"""What the server keeps: messages, queues, URL groups, DLQ entries, schedules, flow keys.

Each record turns into a JSON-able dict for persistence (``to_record``/``from_record``)
and into the JSON shape the QStash API answers with (``api``).
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
from typing import Any

from . import options as opts

# Message states. "final" ones are gone from the API (GET answers 404).
PENDING, ACTIVE, RETRY = "pending", "active", "retry"
DELIVERED, FAILED, CANCELED = "delivered", "failed", "canceled"
FINAL = frozenset({DELIVERED, FAILED, CANCELED})

# Kinds of message: a user's publish, or a callback QStash makes about one.
USER, CALLBACK, FAILURE_CALLBACK = "user", "callback", "failure_callback"


def ms(seconds: float) -> int:
    return int(seconds * 1000)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def body_fields(body: bytes, key: str = "body") -> dict[str, str]:
    """``{"body": text}`` for UTF-8 bodies, else ``{"bodyBase64": ...}`` (QStash's rule)."""
    try:
        return {key: body.decode("utf-8")}
    except UnicodeDecodeError:
        return {key + "Base64": b64(body)}


def redacted(value: str | bytes) -> str:
    data = value.encode() if isinstance(value, str) else value
    return "REDACTED:" + hashlib.sha256(data).hexdigest()


def header_lists(headers: dict[str, str]) -> dict[str, list[str]]:
    return {k: [v] for k, v in headers.items()}


@dataclasses.dataclass
class Message:
    id: str
    url: str
    raw: dict[str, str]            # configuration headers as published (for DLQ retry)
    body: bytes
    created_at: float
    not_before: float              # unix seconds of the first attempt (unscaled)
    due: float                     # unix seconds of the next attempt (scaled)
    seq: int
    kind: str = USER
    state: str = PENDING
    retried: int = 0
    max_retries: int = 3
    method: str = "POST"
    topic: str | None = None
    endpoint: str | None = None
    queue: str | None = None
    schedule_id: str | None = None
    caller_ip: str = "127.0.0.1"
    parent: str | None = None      # the queued message a callback belongs to
    children: int = 0              # callbacks still running that hold this message's queue
    cancel_requested: bool = False
    dlq_id: str | None = None

    @property
    def options(self) -> opts.Options:
        cached = self.__dict__.get("_options")
        if cached is None:
            cached = self.__dict__["_options"] = opts.parse(self.raw)
        return cached

    @property
    def api_headers(self) -> dict[str, list[str]]:
        cached = self.__dict__.get("_api_headers")
        if cached is None:
            cached = self.__dict__["_api_headers"] = self._headers_for_api()
        return cached

    @property
    def body_b64(self) -> str:
        cached = self.__dict__.get("_body_b64")
        if cached is None:
            cached = self.__dict__["_body_b64"] = b64(self.body)
        return cached

    @property
    def final(self) -> bool:
        return self.state in FINAL

    def to_record(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in _MESSAGE_FIELDS}
        data["body"] = self.body_b64
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> "Message":
        data = dict(data)
        data["body"] = base64.b64decode(data["body"])
        return cls(**data)

    def _headers_for_api(self) -> dict[str, list[str]]:
        o = self.options
        if "header" in o.redact:
            return {k: [redacted(v)] for k, v in o.forward.items()}
        named = {r[len("header["):-1].lower() for r in o.redact if r.startswith("header[")}
        return {k: [redacted(v) if k.lower() in named else v] for k, v in o.forward.items()}

    def api(self) -> dict[str, Any]:
        """The Message object of ``GET /v2/messages/{id}``."""
        o = self.options
        out: dict[str, Any] = {
            "messageId": self.id,
            "url": self.url,
            "method": self.method,
            "header": self.api_headers,
            "maxRetries": self.max_retries,
            "notBefore": ms(self.not_before),
            "createdAt": ms(self.created_at),
            "callerIP": self.caller_ip,
        }
        if "body" in o.redact:
            out["body"] = redacted(self.body)
        else:
            out.update(body_fields(self.body))
        for key, value in (("topicName", self.topic), ("endpointName", self.endpoint),
                           ("queueName", self.queue), ("scheduleId", self.schedule_id),
                           ("callback", o.callback.url),
                           ("failureCallback", o.failure_callback.url),
                           ("retryDelayExpression", o.retry_delay)):
            if value is not None:
                out[key] = value
        if o.callback.forward:
            out["callbackHeader"] = header_lists(o.callback.forward)
        if o.failure_callback.forward:
            out["failureCallbackHeader"] = header_lists(o.failure_callback.forward)
        if o.label:
            out["label"] = o.label
            out["labels"] = [p.strip() for p in o.label.split(",") if p.strip()]
        if o.flow:
            out.update(flow_fields(o.flow))
        if o.timeout is not None:
            out["timeout"] = ms(o.timeout)
        return out


_MESSAGE_FIELDS = dataclasses.fields(Message)


def flow_fields(flow: opts.Flow) -> dict[str, Any]:
    return {
        "flowControlKey": flow.key,
        "parallelism": flow.parallelism,
        "rate": flow.rate,
        "period": int(flow.period) if flow.period is not None else 1,
    }


@dataclasses.dataclass
class Queue:
    name: str
    parallelism: int = 1
    paused: bool = False
    created_at: float = 0.0
    updated_at: float = 0.0
    order: list[str] = dataclasses.field(default_factory=list)  # unfinished messages, FIFO

    def window(self) -> list[str]:
        return self.order[: self.parallelism]

    def api(self) -> dict[str, Any]:
        return {"name": self.name, "parallelism": self.parallelism,
                "createdAt": ms(self.created_at), "updatedAt": ms(self.updated_at),
                "lag": len(self.order), "paused": self.paused}

    def to_record(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        del data["order"]  # rebuilt from the messages on load
        return data


@dataclasses.dataclass
class UrlGroup:
    name: str
    created_at: float
    updated_at: float
    endpoints: list[dict[str, str]] = dataclasses.field(default_factory=list)

    def api(self) -> dict[str, Any]:
        return {"name": self.name, "createdAt": ms(self.created_at),
                "updatedAt": ms(self.updated_at), "endpoints": self.endpoints}


@dataclasses.dataclass
class Schedule:
    id: str
    destination: str
    cron: str
    raw: dict[str, str]
    body: bytes
    created_at: float
    queue: str | None = None
    paused: bool = False
    caller_ip: str = "127.0.0.1"
    last_time: float | None = None
    next_time: float | None = None
    last_states: dict[str, str] = dataclasses.field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["body"] = b64(self.body)
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> "Schedule":
        data = dict(data)
        data["body"] = base64.b64decode(data["body"])
        return cls(**data)

    def api(self, default_retries: int) -> dict[str, Any]:
        o = opts.parse(self.raw)
        out: dict[str, Any] = {
            "scheduleId": self.id, "cron": self.cron, "createdAt": ms(self.created_at),
            "destination": self.destination, "method": o.method,
            "header": header_lists(o.forward),
            "retries": o.retries if o.retries is not None else default_retries,
            "isPaused": self.paused, "callerIP": self.caller_ip,
            "lastScheduleStates": self.last_states,
        }
        out.update(body_fields(self.body))
        optional = {
            "queueName": self.queue, "callback": o.callback.url,
            "failureCallback": o.failure_callback.url,
            "delay": int(o.delay) if o.delay else None,
            "timeout": int(o.timeout) if o.timeout is not None else None,
            "retryDelayExpression": o.retry_delay, "label": o.label,
            "lastScheduleTime": ms(self.last_time) if self.last_time else None,
            "nextScheduleTime": ms(self.next_time) if self.next_time else None,
        }
        out.update({k: v for k, v in optional.items() if v is not None})
        if o.callback.forward:
            out["callbackHeader"] = header_lists(o.callback.forward)
        if o.failure_callback.forward:
            out["failureCallbackHeader"] = header_lists(o.failure_callback.forward)
        if o.flow:
            out.update(flow_fields(o.flow))
        return out


@dataclasses.dataclass
class FlowKey:
    """Runtime state of one flow-control key; pins and pauses are persisted."""
    key: str
    parallelism: int | None = None
    rate: int | None = None
    period: float = 1.0
    paused: bool = False
    pinned_parallelism: bool = False
    pinned_rate: bool = False
    active: int = 0
    rate_count: int = 0
    period_start: float = 0.0

    def to_record(self) -> dict[str, Any]:
        return {"key": self.key, "parallelism": self.parallelism, "rate": self.rate,
                "period": self.period, "paused": self.paused,
                "pinned_parallelism": self.pinned_parallelism, "pinned_rate": self.pinned_rate}
