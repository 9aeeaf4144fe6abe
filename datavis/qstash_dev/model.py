"""Messages: what the server delivers, what one attempt gives and what one publish creates.

A message turns into a JSON-able dict for persistence (``to_record``/``from_record``); the
record format is that of earlier versions, so an existing data file still loads. The JSON
the API answers with is built by the HTTP layer (``http_api.shapes``).
"""
from __future__ import annotations

import base64
import copy
import dataclasses
import hashlib
from collections.abc import Mapping
from typing import Any

from . import options as opts

# Message states. "final" ones are gone from the API (GET answers 404).
PENDING, ACTIVE, RETRY = "pending", "active", "retry"
DELIVERED, FAILED, CANCELED = "delivered", "failed", "canceled"
FINAL = frozenset({DELIVERED, FAILED, CANCELED})

# Kinds of message: a user's publish, or a callback QStash makes about one.
USER, CALLBACK, FAILURE_CALLBACK = "user", "callback", "failure_callback"

Record = dict[str, Any]


def ms(seconds: float) -> int:
    return int(seconds * 1000)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def redacted(value: str | bytes) -> str:
    data = value.encode() if isinstance(value, str) else value
    return "REDACTED:" + hashlib.sha256(data).hexdigest()


def header_lists(headers: Mapping[str, str]) -> dict[str, list[str]]:
    return {k: [v] for k, v in headers.items()}


def forwarding_fields(o: opts.Options, suffix: str = "") -> Record:
    """Callback headers and flow control, as QStash reports them for a message or a schedule
    (its log events spell the header fields with an ``s``: ``suffix``)."""
    out: Record = {}
    if o.callback.forward:
        out["callbackHeader" + suffix] = header_lists(o.callback.forward)
    if o.failure_callback.forward:
        out["failureCallbackHeader" + suffix] = header_lists(o.failure_callback.forward)
    if o.flow:
        flow = o.flow
        out.update(flowControlKey=flow.key, parallelism=flow.parallelism, rate=flow.rate,
                   period=int(flow.period) if flow.period is not None else 1)
    return out


@dataclasses.dataclass
class Message:
    id: str
    url: str
    raw: dict[str, str]            # configuration headers as published (for DLQ retry)
    body: bytes
    options: opts.Options          # ``raw`` parsed once; not persisted
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
    # Computed once for the records, the API and the log (bodies can be large).
    _body_b64: str | None = dataclasses.field(default=None, init=False, repr=False, compare=False)
    log_facts: Record | None = dataclasses.field(default=None, init=False, repr=False,
                                                 compare=False)

    @property
    def final(self) -> bool:
        return self.state in FINAL

    @property
    def labels(self) -> list[str]:
        return [p.strip() for p in (self.options.label or "").split(",") if p.strip()]

    @property
    def body_b64(self) -> str:
        if self._body_b64 is None:
            self._body_b64 = b64(self.body)
        return self._body_b64

    def shown_headers(self) -> dict[str, list[str]]:
        """The forwarded headers as the API and the log show them (``Upstash-Redact-Fields``)."""
        o = self.options
        if "header" in o.redact:
            return {k: [redacted(v)] for k, v in o.forward.items()}
        named = {r[len("header["):-1].lower() for r in o.redact if r.startswith("header[")}
        return {k: [redacted(v) if k.lower() in named else v] for k, v in o.forward.items()}

    def snapshot(self) -> Message:
        """A copy that later changes to this message do not reach (its fields are immutable
        values or never changed after creation)."""
        return copy.copy(self)

    def to_record(self) -> Record:
        data = {name: getattr(self, name) for name in _MESSAGE_RECORD}
        data["body"] = self.body_b64
        return data

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Message:
        fields = {name: data[name] for name in _MESSAGE_RECORD if name in data}
        fields["body"] = base64.b64decode(data["body"])
        return cls(options=opts.parse(fields["raw"]), **fields)


_MESSAGE_RECORD = tuple(f.name for f in dataclasses.fields(Message)
                        if f.init and f.name != "options")


@dataclasses.dataclass
class Attempt:
    """The outcome of one delivery attempt: the destination's answer, or an error."""
    status: int | None = None
    headers: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        for key, values in self.headers.items():
            if key.lower() == name.lower() and values:
                return values[0]
        return None

    @property
    def non_retryable(self) -> bool:
        return self.status == 489 and (self.header("Upstash-NonRetryable-Error") or "").lower() == "true"


@dataclasses.dataclass(frozen=True)
class Published:
    """What one publish created: (message id, url) per message; several for a URL group."""
    messages: tuple[tuple[str, str], ...]
    to_group: bool = False
    deduplicated: bool = False
