"""The engine: builds the parts of the server's core, wires them together, starts and stops
them, and offers a read-only snapshot of everything it holds.

The parts, each in its own module: ``state`` (records and persistence), ``events`` (the log),
``scheduler`` (timers, the pool, queue and flow-control pumps), ``delivery`` (one attempt),
``outcomes`` (retry, DLQ, callbacks), ``publishing`` (accepting messages), ``dedup``,
``dlq``, ``schedules``, ``messages`` (get, cancel) and ``admin`` (queues, URL groups, keys,
flow keys). The HTTP layer calls them through the attributes of :class:`Engine`.
"""
from __future__ import annotations

import asyncio
import copy
import dataclasses
import time

from . import model as m
from .admin import FlowControl, Keys, Queues, UrlGroups
from .config import DevConfig
from .dedup import Dedup
from .delivery import Delivery
from .dlq import DeadLetters
from .events import Event, EventLog
from .messages import Messages
from .outcomes import Outcomes
from .publishing import Publisher
from .records import DlqEntry, FlowKey, Queue, Schedule, SigningKeys, UrlGroup
from .scheduler import Scheduler
from .schedules import Schedules
from .state import State
from .store import MemoryStore

HOUSEKEEPING_SECONDS = 60.0  # how often expired deduplication records are dropped


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """Copies of everything the server holds at one moment, for display (e.g. a dashboard)."""
    taken_at: float
    concurrency: int                  # attempts allowed in flight at once
    in_flight: int                    # attempts in flight
    waiting_for_slot: int             # messages due but waiting for a free slot
    messages: tuple[m.Message, ...]   # unfinished, oldest first
    queues: tuple[Queue, ...]
    groups: tuple[UrlGroup, ...]
    dlq: tuple[DlqEntry, ...]
    schedules: tuple[Schedule, ...]
    flows: tuple[FlowKey, ...]
    keys: SigningKeys
    events: tuple[Event, ...]         # the latest log events, oldest first


class Engine:
    def __init__(self, config: DevConfig, store: MemoryStore | None = None) -> None:
        self.config = config
        self.state = State(config, store or MemoryStore())
        self.log = EventLog(self.state.store, config.log_limit)
        self.delivery = Delivery(config)
        self.scheduler = Scheduler(self.state, self.log, config, self._deliver)
        self.dedup = Dedup(self.state, config.dedup_window)
        self.publisher = Publisher(self.state, self.log, self.scheduler, self.dedup, config)
        self.dlq = DeadLetters(self.state, self.publisher)
        self.outcomes = Outcomes(self.state, self.log, self.scheduler, self.publisher, self.dlq,
                                 config)
        self.messages = Messages(self.state, self.log, self.outcomes)
        self.schedules = Schedules(self.state, self.publisher)
        self.queues = Queues(self.state, self.scheduler, self.messages)
        self.groups = UrlGroups(self.state)
        self.keys = Keys(self.state)
        self.flows = FlowControl(self.state, self.scheduler)
        self._housekeeping: asyncio.TimerHandle | None = None

    async def start(self) -> None:
        """Load what the store kept and resume it: pending deliveries, retries, schedules."""
        await self.delivery.start()
        self.state.load()
        self.log.load()
        for msg in self.state.in_order():
            self.scheduler.consider(msg)
        self.schedules.start()
        self._sweep_later()
        self.state.commit()

    async def stop(self) -> None:
        self.schedules.stop()
        if self._housekeeping:
            self._housekeeping.cancel()
        await self.scheduler.stop()
        await self.delivery.close()
        self.state.store.close()

    async def _deliver(self, msg: m.Message) -> None:
        attempt = await self.delivery.attempt(msg, self.state.keys.current)
        self.outcomes.finish(msg, attempt)

    def _sweep_later(self) -> None:
        self._housekeeping = asyncio.get_running_loop().call_later(HOUSEKEEPING_SECONDS,
                                                                   self._sweep)

    def _sweep(self) -> None:
        self.dedup.expire()
        self.state.commit()
        self._sweep_later()

    def snapshot(self, events: int = 100) -> Snapshot:
        """A read-only view of the whole state: copies of the records, so changing their
        fields changes nothing here (a message's headers, body and options are shared: the
        server never changes them either)."""
        state = self.state
        return Snapshot(
            taken_at=time.time(), concurrency=self.config.concurrency,
            in_flight=self.scheduler.active, waiting_for_slot=len(self.scheduler.waiting),
            messages=tuple(msg.snapshot() for msg in state.in_order() if not msg.final),
            queues=tuple(copy.deepcopy(list(state.queues.values()))),
            groups=tuple(copy.deepcopy(list(state.groups.values()))),
            dlq=tuple(copy.deepcopy(list(state.dlq.values()))),
            schedules=tuple(copy.deepcopy(list(state.schedules.values()))),
            flows=tuple(copy.deepcopy(list(state.flows.values()))),
            keys=dataclasses.replace(state.keys),
            events=tuple(self.log.latest(events)),
        )
