"""The scheduler: when each message may start, and the pools and pumps that wake it.

Runs on one asyncio loop. A message is *considered* when it may be due (on accept, when its
timer fires, when a slot frees); it starts only when its time has come, its queue's FIFO
window includes it, its flow-control key has room and the global pool has a free slot.
Otherwise it waits in exactly the place that will wake it again, so a slow endpoint holds
back nothing but later messages of its own queue or flow key.
"""
from __future__ import annotations

import asyncio
import collections
import math
import time
from collections.abc import Callable, Coroutine
from typing import Any

from . import model as m
from .config import DevConfig
from .events import EventLog
from .records import FlowKey
from .state import State

Deliver = Callable[[m.Message], Coroutine[Any, Any, None]]  # one attempt and its outcome


class Timers:
    """Pending calls by key on the running loop; setting a key again replaces its call."""

    def __init__(self) -> None:
        self._handles: dict[str, asyncio.TimerHandle] = {}

    def set(self, key: str, delay: float, callback: Callable[[str], None]) -> None:
        self.cancel(key)
        self._handles[key] = asyncio.get_running_loop().call_later(
            max(0.0, delay), self._fire, key, callback)

    def _fire(self, key: str, callback: Callable[[str], None]) -> None:
        self._handles.pop(key, None)
        callback(key)

    def cancel(self, key: str) -> None:
        handle = self._handles.pop(key, None)
        if handle:
            handle.cancel()

    def __contains__(self, key: str) -> bool:
        return key in self._handles

    def clear(self) -> None:
        for handle in self._handles.values():
            handle.cancel()
        self._handles.clear()


class Scheduler:
    def __init__(self, state: State, log: EventLog, config: DevConfig, deliver: Deliver) -> None:
        self.state = state
        self.log = log
        self.config = config
        self.deliver = deliver
        self.active = 0                      # attempts in flight
        self.waiting: collections.OrderedDict[str, None] = collections.OrderedDict()  # for a slot
        self.flow_waiting: dict[str, collections.OrderedDict[str, None]] = {}
        self.timers = Timers()               # message id: its next attempt
        self.flow_timers = Timers()          # flow key: pump when its rate window opens
        self.tasks: set[asyncio.Task[None]] = set()

    async def stop(self) -> None:
        self.timers.clear()
        self.flow_timers.clear()
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)

    def consider(self, msg: m.Message) -> None:
        """Start ``msg`` if it may start now, else park it where it will be woken."""
        if msg.final or msg.state == m.ACTIVE:
            return
        now = time.time()
        if msg.due > now + 0.0005:
            self.timers.set(msg.id, msg.due - now, self._due)
            return
        if msg.queue:
            q = self.state.queues.get(msg.queue)
            if q is None or q.paused or msg.id not in q.window():
                return  # its queue wakes it when it reaches the head
        flow = msg.options.flow
        if flow is not None:
            fk = self.state.flows.get(flow.key) or self.state.flow_for(flow)
            wait = self.flow_blocked(fk, now)
            if wait:
                self.flow_waiting.setdefault(fk.key, collections.OrderedDict())[msg.id] = None
                if wait != math.inf and fk.key not in self.flow_timers:
                    self.flow_timers.set(fk.key, wait, self.pump_flow)
                return
        if self.active >= self.config.concurrency:
            self.waiting[msg.id] = None
            return
        self._start(msg)

    def _due(self, msg_id: str) -> None:
        msg = self.state.messages.get(msg_id)
        if msg:
            self.consider(msg)

    def flow_blocked(self, fk: FlowKey, now: float) -> float:
        """0 when a message of this key may start now, else how long to wait (inf: a slot).
        Rolls the rate window forward."""
        if fk.paused:
            return math.inf
        if fk.parallelism is not None and fk.active >= fk.parallelism:
            return math.inf
        if fk.rate is not None:
            window = fk.period * self.config.time_scale
            if now >= fk.period_start + window:
                fk.period_start, fk.rate_count = now, 0
            if fk.rate_count >= fk.rate:
                return fk.period_start + window - now
        return 0.0

    def _start(self, msg: m.Message) -> None:
        msg.state = m.ACTIVE
        self.active += 1
        flow = msg.options.flow
        if flow is not None:
            fk = self.state.flows[flow.key]
            fk.active += 1
            fk.rate_count += 1
        # Not saved: a restart turns ACTIVE back into the state stored before it anyway.
        self.log.add(msg, "ACTIVE")
        self.state.commit_soon()
        task = asyncio.get_running_loop().create_task(self.deliver(msg))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def release(self, msg: m.Message) -> None:
        """An attempt of ``msg`` ended: its slots are free again (before its outcome, which
        may start callbacks)."""
        self.active -= 1
        flow = msg.options.flow
        if flow is not None and flow.key in self.state.flows:
            self.state.flows[flow.key].active -= 1

    def after_attempt(self, msg: m.Message) -> None:
        """Wake what waited for the slots ``msg`` held."""
        flow = msg.options.flow
        if flow is not None:
            self.pump_flow(flow.key)
        while self.waiting and self.active < self.config.concurrency:
            msg_id, _ = self.waiting.popitem(last=False)
            waiting = self.state.messages.get(msg_id)
            if waiting:
                self.consider(waiting)

    def pump_flow(self, key: str) -> None:
        self.flow_timers.cancel(key)
        waiting = self.flow_waiting.get(key)
        fk = self.state.flows.get(key)
        while waiting and fk:
            wait = self.flow_blocked(fk, time.time())
            if wait:
                if wait != math.inf and key not in self.flow_timers:
                    self.flow_timers.set(key, wait, self.pump_flow)
                return
            msg_id, _ = waiting.popitem(last=False)
            msg = self.state.messages.get(msg_id)
            if msg:
                self.consider(msg)

    def pump_queue(self, name: str) -> None:
        q = self.state.queues.get(name)
        if q is None or q.paused:
            return
        for msg_id in q.window():
            msg = self.state.messages.get(msg_id)
            if msg:
                self.consider(msg)
