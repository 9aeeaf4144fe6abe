"""Administration of queues, URL groups, signing keys and flow-control keys."""
from __future__ import annotations

import dataclasses
import time

from . import options as opts
from .errors import Invalid, NotFound
from .messages import Messages
from .records import FlowKey, Queue, SigningKeys, UrlGroup
from .scheduler import Scheduler
from .signing import new_signing_key
from .state import State


class Queues:
    def __init__(self, state: State, scheduler: Scheduler, messages: Messages) -> None:
        self.state = state
        self.scheduler = scheduler
        self.messages = messages

    def upsert(self, name: str, parallelism: int | None, paused: bool | None) -> None:
        opts.validate_name("queue", name)
        if parallelism is not None and parallelism < 1:
            raise Invalid("parallelism must be at least 1")
        q = self.state.queue(name)
        if parallelism is not None:
            q.parallelism = parallelism
        self._update(q, paused)

    def all(self) -> list[Queue]:
        return list(self.state.queues.values())

    def get(self, name: str) -> Queue:
        q = self.state.queues.get(name)
        if q is None:
            raise NotFound(f"queue {name!r} not found")
        return q

    def pause(self, name: str, paused: bool) -> None:
        self._update(self.get(name), paused)

    def _update(self, q: Queue, paused: bool | None) -> None:
        if paused is not None:
            q.paused = paused
        q.updated_at = time.time()
        self.state.put("queue", q.name, q.to_record())
        self.state.commit()
        self.scheduler.pump_queue(q.name)

    def delete(self, name: str) -> None:
        """Delete a queue and cancel what it holds (what is in flight still finishes)."""
        q = self.get(name)
        self.messages.cancel_many(list(q.order))
        self.state.queues.pop(name, None)
        self.state.delete("queue", name)
        self.state.commit()


class UrlGroups:
    def __init__(self, state: State) -> None:
        self.state = state

    def upsert_endpoints(self, name: str, endpoints: list[dict[str, str]]) -> None:
        """Add endpoints (``{"url": ..., "name"?: ...}``), replacing any with the same url or name."""
        opts.validate_name("url group", name)
        if not endpoints:
            raise Invalid("endpoints must not be empty")
        for endpoint in endpoints:
            if not isinstance(endpoint, dict) or not isinstance(endpoint.get("url"), str):
                raise Invalid("every endpoint needs a url")
            opts.check_url("endpoint url", endpoint["url"])
        now = time.time()
        group = self.state.groups.get(name) or UrlGroup(name=name, created_at=now, updated_at=now)
        for endpoint in endpoints:
            clean = {"url": endpoint["url"]}
            if endpoint.get("name"):
                clean["name"] = endpoint["name"]
            group.endpoints = [e for e in group.endpoints if e["url"] != clean["url"]
                               and not (clean.get("name") and e.get("name") == clean["name"])]
            group.endpoints.append(clean)
        group.updated_at = now
        self.state.groups[name] = group
        self.state.put("group", name, group.to_record())
        self.state.commit()

    def remove_endpoints(self, name: str, endpoints: list[dict[str, str]]) -> None:
        """Remove endpoints by url or name; QStash deletes a group left with none."""
        group = self.get(name)
        urls = {e.get("url") for e in endpoints if isinstance(e, dict)} - {None}
        names = {e.get("name") for e in endpoints if isinstance(e, dict)} - {None}
        group.endpoints = [e for e in group.endpoints
                           if e["url"] not in urls and e.get("name") not in names]
        group.updated_at = time.time()
        if group.endpoints:
            self.state.put("group", name, group.to_record())
        else:
            del self.state.groups[name]
            self.state.delete("group", name)
        self.state.commit()

    def all(self) -> list[UrlGroup]:
        return list(self.state.groups.values())

    def get(self, name: str) -> UrlGroup:
        group = self.state.groups.get(name)
        if group is None:
            raise NotFound(f"url group {name!r} not found")
        return group

    def delete(self, name: str) -> None:
        """Delete a group; deleting one that does not exist is not an error (as in QStash)."""
        if self.state.groups.pop(name, None) is not None:
            self.state.delete("group", name)
            self.state.commit()


class Keys:
    def __init__(self, state: State) -> None:
        self.state = state

    def get(self) -> SigningKeys:
        return dataclasses.replace(self.state.keys)

    def rotate(self) -> SigningKeys:
        """The next key becomes current, and a new next key is made."""
        self.state.keys = SigningKeys(self.state.keys.next, new_signing_key())
        self.state.put("meta", "keys", self.state.keys.to_record())
        self.state.commit()
        return self.get()


@dataclasses.dataclass(frozen=True)
class FlowStatus:
    key: FlowKey
    waiting: int  # messages waiting for room under this key


class FlowControl:
    def __init__(self, state: State, scheduler: Scheduler) -> None:
        self.state = state
        self.scheduler = scheduler

    def _key(self, key: str) -> FlowKey:
        fk = self.state.flows.get(key)
        if fk is None:
            raise NotFound(f"flow control key {key!r} not found")
        return fk

    def status(self, key: str) -> FlowStatus:
        fk = self._key(key)
        self.scheduler.flow_blocked(fk, time.time())  # rolls the rate window forward
        return FlowStatus(fk, len(self.scheduler.flow_waiting.get(key, ())))

    def all(self) -> list[FlowStatus]:
        return [self.status(key) for key in list(self.state.flows)]

    def pause(self, key: str, paused: bool) -> None:
        fk = self._key(key)
        fk.paused = paused
        self._changed(fk)

    def pin(self, key: str, parallelism: int | None, rate: int | None,
            period: float | None) -> None:
        """Fix limits that later publishes must not change."""
        fk = self._key(key)
        if parallelism is not None:
            fk.parallelism, fk.pinned_parallelism = parallelism, True
        if rate is not None:
            fk.rate, fk.pinned_rate = rate, True
        if period is not None:
            fk.period = period
        self._changed(fk)

    def unpin(self, key: str, parallelism: bool, rate: bool) -> None:
        fk = self._key(key)
        if parallelism:
            fk.pinned_parallelism = False
        if rate:
            fk.pinned_rate = False
        self._changed(fk)

    def reset_rate(self, key: str) -> None:
        fk = self._key(key)
        fk.rate_count, fk.period_start = 0, 0.0
        self._changed(fk)

    def _changed(self, fk: FlowKey) -> None:
        """Persist, then let waiting messages start if they now may."""
        self.state.put("flow", fk.key, fk.to_record())
        self.state.commit()
        self.scheduler.pump_flow(fk.key)
