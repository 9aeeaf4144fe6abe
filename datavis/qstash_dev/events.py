"""The event log: one QStash log record per state change of a message, newest last.

A record is what QStash's logs API lists. The fields that never change for a message (its
URL, headers, body, callbacks...) are computed once and shared by all its events; an event
adds its state, time, retry count and outcome (error, response, next delivery time).
"""
from __future__ import annotations

import collections
import dataclasses
import time
from collections.abc import Mapping
from typing import Any

from . import model as m
from .store import MemoryStore

MAX_EVENT_BODY = 8 * 1024      # bodies larger than this are left out of log events
IN_PROGRESS = frozenset({"ACTIVE", "RETRY", "ERROR"})  # what the IN_PROGRESS filter means
_OUTCOME_FIELDS = frozenset({"error", "responseStatus", "responseHeader", "responseBody",
                             "nextDeliveryTime"})


@dataclasses.dataclass(slots=True)
class Event:
    seq: int
    time: int              # unix ms
    state: str
    retried: int
    facts: m.Record        # shared by every event of one message; never changed
    outcome: m.Record      # error, responseStatus/-Header/-Body, nextDeliveryTime (or empty)

    def record(self) -> m.Record:
        """QStash's log record of this event."""
        return {"time": self.time, "state": self.state, **self.facts, "retried": self.retried,
                **self.outcome}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Event:
        """The event persisted as its record plus ``_seq``."""
        facts = {k: v for k, v in data.items()
                 if k not in _OUTCOME_FIELDS and k not in ("_seq", "time", "state", "retried")}
        outcome = {k: v for k, v in data.items() if k in _OUTCOME_FIELDS}
        return cls(data["_seq"], data["time"], data["state"], data["retried"], facts, outcome)


@dataclasses.dataclass(frozen=True)
class EventQuery:
    """Which events to list, newest first: every given condition must hold."""
    message_ids: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    url: str | None = None
    topic: str | None = None
    queue: str | None = None
    schedule_id: str | None = None
    label: str | None = None
    from_ms: int | None = None
    to_ms: int | None = None
    cursor: int | None = None       # only events older than this sequence number
    count: int = 1000


def _facts(msg: m.Message) -> m.Record:
    o = msg.options
    facts: m.Record = {"messageId": msg.id, "url": msg.url, "method": msg.method,
                       "maxRetries": msg.max_retries, "header": msg.shown_headers()}
    if "body" in o.redact:
        facts["body"] = m.redacted(msg.body)
    elif len(msg.body) <= MAX_EVENT_BODY:
        facts["body"] = msg.body_b64
    for key, value in (("topicName", msg.topic), ("endpointName", msg.endpoint),
                       ("queueName", msg.queue), ("scheduleId", msg.schedule_id),
                       ("callback", o.callback.url), ("failureCallback", o.failure_callback.url),
                       ("retryDelayExpr", o.retry_delay), ("label", o.label)):
        if value is not None:
            facts[key] = value
    if o.timeout is not None:
        facts["timeout"] = m.ms(o.timeout)
    facts.update(m.forwarding_fields(o, suffix="s"))
    return facts


def _outcome(attempt: m.Attempt | None, error: str | None,
             next_delivery: float | None) -> m.Record:
    outcome: m.Record = {}
    if error is not None:
        outcome["error"] = error
    if attempt is not None and attempt.status is not None:
        outcome.update(responseStatus=attempt.status, responseHeader=attempt.headers,
                       responseBody=m.b64(attempt.body))
    if next_delivery is not None:
        outcome["nextDeliveryTime"] = m.ms(next_delivery)
    return outcome


class EventLog:
    def __init__(self, store: MemoryStore, limit: int) -> None:
        self.store = store
        self.limit = limit
        self.events: collections.deque[Event] = collections.deque(maxlen=limit)
        self.seq = 0

    def load(self) -> None:
        self.events.extend(Event.from_record(r) for r in self.store.load_events(self.limit))
        if self.events:
            self.seq = self.events[-1].seq

    def add(self, msg: m.Message, state: str, *, attempt: m.Attempt | None = None,
            error: str | None = None, next_delivery: float | None = None) -> None:
        """Record that ``msg`` reached ``state`` (a QStash log state such as ``DELIVERED``)."""
        self.seq += 1
        if msg.log_facts is None:
            msg.log_facts = _facts(msg)
        event = Event(self.seq, m.ms(time.time()), state, msg.retried, msg.log_facts,
                      _outcome(attempt, error, next_delivery))
        self.events.append(event)
        if self.store.persistent:
            self.store.add_event(self.seq, {"_seq": self.seq, **event.record()})
            if self.seq % 1000 == 0:
                self.store.prune_events(self.seq - self.limit)

    def page(self, query: EventQuery) -> tuple[list[Event], int | None]:
        """Up to ``query.count`` matching events, newest first, and the cursor of the next
        page (None on the last one)."""
        wanted = [(k, v) for k, v in (("url", query.url), ("topicName", query.topic),
                                      ("queueName", query.queue), ("scheduleId", query.schedule_id))
                  if v is not None]
        page: list[Event] = []
        for event in reversed(self.events):
            if query.cursor is not None and event.seq >= query.cursor:
                continue
            if not _matches(event, query, wanted):
                continue
            if len(page) == query.count:
                return page, page[-1].seq
            page.append(event)
        return page, None

    def latest(self, count: int) -> list[Event]:
        return list(self.events)[-count:]


def _matches(event: Event, query: EventQuery, wanted: list[tuple[str, str]]) -> bool:
    facts = event.facts
    if query.message_ids and facts["messageId"] not in query.message_ids:
        return False
    if query.states and event.state not in query.states:
        return False
    if any(facts.get(k) != v for k, v in wanted):
        return False
    if query.label and query.label not in (facts.get("label") or "").split(","):
        return False
    if query.from_ms is not None and event.time < query.from_ms:
        return False
    return query.to_ms is None or event.time <= query.to_ms
