"""State and persistence: every record the server holds, written through to its store.

The core changes records here and writes them through (``put``/``delete``); what the API
accepted is committed before it answers (``commit``), while the outcomes of deliveries are
committed once per loop turn (``commit_soon``): losing one to a crash only means one more
delivery (at least once).
"""
from __future__ import annotations

import asyncio
import collections
import time

from datavis.dev_credentials import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY

from . import model as m
from . import options as opts
from .config import DevConfig
from .records import DedupRecord, DlqEntry, FlowKey, Queue, Schedule, SigningKeys, UrlGroup
from .store import MemoryStore

RECENT_SECONDS = 10.0  # a finished message stays readable this long (scaled)


class State:
    def __init__(self, config: DevConfig, store: MemoryStore) -> None:
        self.config = config
        self.store = store
        self.messages: dict[str, m.Message] = {}
        self.queues: dict[str, Queue] = {}
        self.groups: dict[str, UrlGroup] = {}
        self.dlq: dict[str, DlqEntry] = {}
        self.dedup: dict[str, DedupRecord] = {}
        self.schedules: dict[str, Schedule] = {}
        self.flows: dict[str, FlowKey] = {}
        self.keys = SigningKeys(DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY)
        self.msg_seq = self.dlq_seq = 0
        # QStash removes a message "shortly after delivery": GET still finds it meanwhile.
        self.recent: collections.OrderedDict[str, tuple[float, m.Message]] = collections.OrderedDict()
        self._commit_pending = False

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Read everything the store kept (nothing in memory), then apply configured keys."""
        self._load_messages()
        store = self.store
        self.groups.update((k, UrlGroup(**r)) for k, r in store.load("group"))
        self.dlq.update((k, DlqEntry.from_record(r)) for k, r in store.load("dlq"))
        now = time.time()
        for key, rec in store.load("dedup"):
            if rec["expires"] > now:
                self.dedup[key] = DedupRecord.from_record(rec)
            else:
                store.delete("dedup", key)
        self.schedules.update((k, Schedule.from_record(r)) for k, r in store.load("schedule"))
        self.flows.update((k, FlowKey(**r)) for k, r in store.load("flow"))
        for key, rec in store.load("meta"):
            if key == "keys":
                self.keys = SigningKeys(rec["current"], rec["next"])
            elif key == "counters":
                self.dlq_seq = rec.get("dlq", 0)
        current, nxt = self.config.current_signing_key, self.config.next_signing_key
        if current or nxt:
            self.keys = SigningKeys(current or self.keys.current, nxt or self.keys.next)
        store.put("meta", "keys", self.keys.to_record())

    def _load_messages(self) -> None:
        for _, rec in self.store.load("message"):
            msg = m.Message.from_record(rec)
            if msg.state == m.ACTIVE:
                # Its attempt was cut short by the restart: it is delivered again (at least once).
                msg.state = m.RETRY if msg.retried else m.PENDING
            self.messages[msg.id] = msg
            self.msg_seq = max(self.msg_seq, msg.seq)
        self.queues.update((k, Queue(**r)) for k, r in self.store.load("queue"))
        for msg in self.in_order():
            if msg.queue and not (msg.final and msg.children == 0):
                self.queue(msg.queue).order.append(msg.id)

    def in_order(self) -> list[m.Message]:
        """The messages held, oldest first."""
        return sorted(self.messages.values(), key=lambda x: x.seq)

    # ------------------------------------------------------------------ writing through
    def save(self, msg: m.Message) -> None:
        if self.store.persistent:
            self.store.put("message", msg.id, msg.to_record())

    def put(self, kind: str, key: str, record: m.Record) -> None:
        self.store.put(kind, key, record)

    def delete(self, kind: str, key: str) -> None:
        self.store.delete(kind, key)

    def commit(self) -> None:
        self.store.commit()

    def commit_soon(self) -> None:
        """Commit once, at the end of this loop turn, for everything changed meanwhile."""
        if self.store.persistent and not self._commit_pending:
            self._commit_pending = True
            asyncio.get_running_loop().call_soon(self._commit_now)

    def _commit_now(self) -> None:
        self._commit_pending = False
        self.store.commit()

    # ------------------------------------------------------------------ records
    def queue(self, name: str) -> Queue:
        """The queue ``name``, created (as QStash does on first use) when missing."""
        q = self.queues.get(name)
        if q is None:
            now = time.time()
            q = self.queues[name] = Queue(name=name, created_at=now, updated_at=now)
            self.put("queue", name, q.to_record())
        return q

    def flow_for(self, flow: opts.Flow) -> FlowKey:
        """The flow key of a publish; the latest publish sets its limits, unless pinned."""
        fk = self.flows.get(flow.key)
        if fk is None:
            fk = self.flows[flow.key] = FlowKey(key=flow.key)
        if not fk.pinned_parallelism:
            fk.parallelism = flow.parallelism
        if not fk.pinned_rate:
            fk.rate = flow.rate
            fk.period = flow.period or 1.0
        self.put("flow", fk.key, fk.to_record())
        return fk

    def find_message(self, msg_id: str) -> m.Message | None:
        """A held message, or one finished a moment ago."""
        msg = self.messages.get(msg_id)
        if msg is None:
            expires, msg = self.recent.get(msg_id, (0.0, None))
            if msg is None or expires <= time.time():
                return None
        return msg

    def forget(self, msg: m.Message) -> None:
        """Drop a finished message; ``find_message`` still sees it for a few (scaled) seconds."""
        self.messages.pop(msg.id, None)
        now = time.time()
        while self.recent and next(iter(self.recent.values()))[0] <= now:
            self.recent.popitem(last=False)
        self.recent[msg.id] = (now + RECENT_SECONDS * self.config.time_scale, msg)
        self.delete("message", msg.id)
