"""The dead-letter queue: messages whose retries ran out (or that a destination refused for
good), with their last response, until they are deleted or published again."""
from __future__ import annotations

import dataclasses
import time

from . import model as m
from . import options as opts
from .errors import NotFound
from .publishing import Publisher
from .records import DlqEntry
from .state import State


@dataclasses.dataclass(frozen=True)
class DlqQuery:
    """Which entries to list, oldest first; an empty set matches anything."""
    message_ids: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    queues: frozenset[str] = frozenset()
    schedule_ids: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    statuses: frozenset[int] = frozenset()
    caller_ips: frozenset[str] = frozenset()
    from_ms: int | None = None
    to_ms: int | None = None
    cursor: str | None = None      # only entries after this DLQ id
    count: int = 100


def _order(dlq_id: str) -> tuple[int, int]:
    first, _, second = dlq_id.partition("-")
    try:
        return int(first), int(second or 0)
    except ValueError:
        return 0, 0


def _matches(entry: DlqEntry, q: DlqQuery) -> bool:
    msg = entry.message
    for wanted, value in ((q.message_ids, msg.id), (q.urls, msg.url), (q.topics, msg.topic),
                          (q.queues, msg.queue), (q.schedule_ids, msg.schedule_id),
                          (q.statuses, entry.attempt.status or 0), (q.caller_ips, msg.caller_ip)):
        if wanted and value not in wanted:
            return False
    if q.labels and not q.labels & set(msg.labels):
        return False
    when = m.ms(entry.time)
    return (q.from_ms is None or when >= q.from_ms) and (q.to_ms is None or when <= q.to_ms)


class DeadLetters:
    def __init__(self, state: State, publisher: Publisher) -> None:
        self.state = state
        self.publisher = publisher

    def add(self, msg: m.Message, attempt: m.Attempt, now: float) -> str:
        """Keep failed ``msg`` with its last attempt; returns the new DLQ id."""
        self.state.dlq_seq += 1
        dlq_id = f"{m.ms(now)}-{self.state.dlq_seq}"
        msg.dlq_id = dlq_id
        entry = DlqEntry(dlq_id, now, msg.snapshot(), attempt)
        self.state.dlq[dlq_id] = entry
        self.state.put("dlq", dlq_id, entry.to_record())
        self.state.put("meta", "counters", {"dlq": self.state.dlq_seq})
        return dlq_id

    def get(self, dlq_id: str) -> DlqEntry:
        entry = self.state.dlq.get(dlq_id)
        if entry is None:
            raise NotFound(f"dlq message {dlq_id} not found")
        return entry

    def page(self, query: DlqQuery) -> tuple[list[DlqEntry], str | None]:
        """Up to ``query.count`` matching entries, oldest first, and the cursor of the next
        page (None on the last one)."""
        keys = sorted(self.state.dlq, key=_order)
        if query.cursor:
            after = _order(query.cursor)
            keys = [k for k in keys if _order(k) > after]
        page: list[DlqEntry] = []
        for key in keys:
            entry = self.state.dlq[key]
            if not _matches(entry, query):
                continue
            if len(page) == query.count:
                return page, page[-1].id
            page.append(entry)
        return page, None

    def delete(self, ids: list[str]) -> int:
        """Delete the entries that exist among ``ids``; returns how many."""
        deleted = 0
        for dlq_id in ids:
            if self.state.dlq.pop(dlq_id, None) is not None:
                self.state.delete("dlq", dlq_id)
                deleted += 1
        self.state.commit()
        return deleted

    def delete_one(self, dlq_id: str) -> None:
        self.get(dlq_id)
        self.delete([dlq_id])

    def retry(self, ids: list[str], overrides: dict[str, str]) -> list[str]:
        """Publish the messages of these entries again, with ``Upstash-*`` overrides; returns
        the new message ids. Every entry must exist, or nothing is retried."""
        for dlq_id in ids:
            self.get(dlq_id)
        return [self._retry(self.get(dlq_id), overrides) for dlq_id in ids]

    def _retry(self, entry: DlqEntry, overrides: dict[str, str]) -> str:
        old = entry.message
        raw = opts.merge(old.raw, overrides)
        options = opts.parse(raw)  # checks the overrides before anything changes
        msg = self.publisher.new_message(
            old.url, raw, old.body, now=time.time(), kind=old.kind, topic=old.topic,
            endpoint=old.endpoint, queue=old.queue, caller_ip=old.caller_ip,
            schedule_id=old.schedule_id, options=options)
        del self.state.dlq[entry.id]
        self.state.delete("dlq", entry.id)
        self.state.commit()
        return msg.id
