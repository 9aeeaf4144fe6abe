"""What the server keeps besides messages: DLQ entries, deduplication records, queues, URL
groups, schedules, flow keys and signing keys.

Each record turns into a JSON-able dict for persistence (``to_record``/``from_record``); the
record formats are those of earlier versions, so an existing data file still loads.
"""
from __future__ import annotations

import base64
import dataclasses
from collections.abc import Mapping
from typing import Any

from .model import Attempt, Message, Published, Record, b64


@dataclasses.dataclass
class DlqEntry:
    id: str
    time: float
    message: Message      # as it was when it failed
    attempt: Attempt      # its last attempt

    def to_record(self) -> Record:
        return {"dlqId": self.id, "time": self.time, "message": self.message.to_record(),
                "responseStatus": self.attempt.status or 0,
                "responseHeader": self.attempt.headers,
                "responseBody": b64(self.attempt.body), "error": self.attempt.error}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> DlqEntry:
        attempt = Attempt(status=data["responseStatus"] or None, headers=data["responseHeader"],
                          body=base64.b64decode(data["responseBody"]), error=data.get("error"))
        return cls(id=data["dlqId"], time=data["time"],
                   message=Message.from_record(data["message"]), attempt=attempt)


@dataclasses.dataclass
class DedupRecord:
    """A deduplication id or content key, remembered until ``expires`` (unix seconds)."""
    published: Published
    expires: float

    def to_record(self) -> Record:
        ids = [{"messageId": i, "url": u} if self.published.to_group else {"messageId": i}
               for i, u in self.published.messages]
        return {"response": ids if self.published.to_group else ids[0], "expires": self.expires}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> DedupRecord:
        response = data["response"]
        to_group = isinstance(response, list)
        items = response if to_group else [response]
        messages = tuple((r["messageId"], r.get("url", "")) for r in items)
        return cls(Published(messages, to_group=to_group), data["expires"])


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

    def to_record(self) -> Record:
        data = dataclasses.asdict(self)
        del data["order"]  # rebuilt from the messages on load
        return data


@dataclasses.dataclass
class UrlGroup:
    name: str
    created_at: float
    updated_at: float
    endpoints: list[dict[str, str]] = dataclasses.field(default_factory=list)  # url, name?

    def to_record(self) -> Record:
        return dataclasses.asdict(self)


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
    last_states: dict[str, str] = dataclasses.field(default_factory=dict)  # id: QStash state

    def to_record(self) -> Record:
        data = dataclasses.asdict(self)
        data["body"] = b64(self.body)
        return data

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Schedule:
        fields = dict(data)
        fields["body"] = base64.b64decode(fields["body"])
        return cls(**fields)


@dataclasses.dataclass
class FlowKey:
    """Runtime state of one flow-control key; limits, pins and pauses are persisted."""
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

    def to_record(self) -> Record:
        return {"key": self.key, "parallelism": self.parallelism, "rate": self.rate,
                "period": self.period, "paused": self.paused,
                "pinned_parallelism": self.pinned_parallelism, "pinned_rate": self.pinned_rate}


@dataclasses.dataclass
class SigningKeys:
    current: str
    next: str

    def to_record(self) -> Record:
        return {"current": self.current, "next": self.next}
