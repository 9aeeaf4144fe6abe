"""The delivery engine: accepts messages, schedules attempts, signs and delivers them.

Runs on one asyncio loop. A message is *considered* when it may be due (on accept, when its
timer fires, when a slot frees); it starts only when its time has come, its queue's FIFO
window includes it, its flow-control key has room and the global pool has a free slot.
Otherwise it waits in exactly the place that will wake it again, so a slow endpoint holds
back nothing but later messages of its own queue or flow key.
"""
from __future__ import annotations

import asyncio
import base64
import collections
import dataclasses
import hashlib
import json
import logging
import math
import time
from typing import Any

import aiohttp
from croniter import croniter

from . import model as m
from . import options as opts
from .config import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY, DevConfig
from .signing import new_signing_key, random_id, sign
from .store import MemoryStore
from .timing import (DurationError, default_backoff, retry_after_seconds,
                     retry_delay_seconds)

log = logging.getLogger("datavis.qstash_dev")

MAX_RESPONSE_BODY = 1024 * 1024      # kept from a destination's answer
MAX_EVENT_BODY = 8 * 1024            # bodies larger than this are left out of log events
RECENT_SECONDS = 10.0                # a finished message stays readable this long (scaled)
IN_PROGRESS = frozenset({"ACTIVE", "RETRY", "ERROR"})


class ApiError(Exception):
    """An error the API answers with ``{"error": message}`` and this status."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@dataclasses.dataclass
class Attempt:
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


def _content_key(destination: str, body: bytes, raw: dict[str, str]) -> str:
    digest = hashlib.sha256(destination.encode() + b"\0" + body)
    for key in sorted(raw, key=str.lower):
        low = key.lower()
        if low == "content-type" or low.startswith("upstash-forward-"):
            digest.update(f"\0{low}:{raw[key]}".encode())
    return "content:" + digest.hexdigest()


class Engine:
    def __init__(self, config: DevConfig, store: MemoryStore | None = None) -> None:
        self.config = config
        self.store = store or MemoryStore()
        self.messages: dict[str, m.Message] = {}
        self.queues: dict[str, m.Queue] = {}
        self.groups: dict[str, m.UrlGroup] = {}
        self.dlq: dict[str, dict[str, Any]] = {}
        self.dedup: dict[str, dict[str, Any]] = {}
        self.schedules: dict[str, m.Schedule] = {}
        self.flows: dict[str, m.FlowKey] = {}
        self.events: collections.deque[dict[str, Any]] = collections.deque(maxlen=config.log_limit)
        self.keys = {"current": DEV_CURRENT_SIGNING_KEY, "next": DEV_NEXT_SIGNING_KEY}
        self.event_seq = self.msg_seq = self.dlq_seq = 0
        self.active = 0
        self.waiting: collections.OrderedDict[str, None] = collections.OrderedDict()
        # QStash removes a message "shortly after delivery": GET still finds it meanwhile.
        self.recent: collections.OrderedDict[str, tuple[float, m.Message]] = collections.OrderedDict()
        self.flow_waiting: dict[str, collections.OrderedDict[str, None]] = {}
        self.flow_timers: dict[str, asyncio.TimerHandle] = {}  # one pending pump per key
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.tasks: set[asyncio.Task] = set()
        self.daily = ("", 0)
        self._commit_pending = False
        self.session: aiohttp.ClientSession | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, ttl_dns_cache=300),
            auto_decompress=False,
        )
        self._load()
        self._apply_configured_keys()
        for msg in sorted(self.messages.values(), key=lambda x: x.seq):
            self._consider(msg)
        for schedule in self.schedules.values():
            self._arm_schedule(schedule)
        self._housekeeping_handle = self.loop.call_later(60, self._housekeeping)
        self.store.commit()

    async def stop(self) -> None:
        for handle in [*self.timers.values(), *self.flow_timers.values()]:
            handle.cancel()
        self.timers.clear()
        self.flow_timers.clear()
        if getattr(self, "_housekeeping_handle", None):
            self._housekeeping_handle.cancel()
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)
        if self.session:
            await self.session.close()
        self.store.close()

    def _load(self) -> None:
        store = self.store
        for _, rec in store.load("message"):
            msg = m.Message.from_record(rec)
            if msg.state == m.ACTIVE:
                # Its attempt was cut short by the restart: it is delivered again (at least once).
                msg.state = m.RETRY if msg.retried else m.PENDING
            self.messages[msg.id] = msg
            self.msg_seq = max(self.msg_seq, msg.seq)
        for name, rec in store.load("queue"):
            self.queues[name] = m.Queue(**rec)
        for msg in sorted(self.messages.values(), key=lambda x: x.seq):
            if msg.queue and not (msg.final and msg.children == 0):
                self._queue(msg.queue).order.append(msg.id)
        for name, rec in store.load("group"):
            self.groups[name] = m.UrlGroup(**rec)
        for key, rec in store.load("dlq"):
            self.dlq[key] = rec
        now = time.time()
        for key, rec in store.load("dedup"):
            if rec["expires"] > now:
                self.dedup[key] = rec
            else:
                store.delete("dedup", key)
        for key, rec in store.load("schedule"):
            self.schedules[key] = m.Schedule.from_record(rec)
        for key, rec in store.load("flow"):
            self.flows[key] = m.FlowKey(**rec)
        for key, rec in store.load("meta"):
            if key == "keys":
                self.keys = rec
            elif key == "counters":
                self.dlq_seq = rec.get("dlq", 0)
        self.events.extend(store.load_events(self.config.log_limit))
        if self.events:
            self.event_seq = self.events[-1]["_seq"]

    def _apply_configured_keys(self) -> None:
        current, nxt = self.config.current_signing_key, self.config.next_signing_key
        if current or nxt:
            self.keys = {"current": current or self.keys["current"], "next": nxt or self.keys["next"]}
        self.store.put("meta", "keys", self.keys)

    def _housekeeping(self) -> None:
        now = time.time()
        for key in [k for k, v in self.dedup.items() if v["expires"] <= now]:
            del self.dedup[key]
            self.store.delete("dedup", key)
        self.store.commit()
        self._housekeeping_handle = self.loop.call_later(60, self._housekeeping)

    # ------------------------------------------------------------------ accepting
    def _check_daily_limit(self, count: int) -> None:
        limit = self.config.daily_limit
        if limit is None:
            return
        day = time.strftime("%Y-%m-%d", time.gmtime())
        used = self.daily[1] if self.daily[0] == day else 0
        if used + count > limit:
            reset = (int(time.time()) // 86400 + 1) * 86400
            raise ApiError(429, f"daily message limit of {limit} exceeded", {
                "RateLimit-Limit": str(limit), "RateLimit-Remaining": str(max(0, limit - used)),
                "RateLimit-Reset": str(reset)})
        self.daily = (day, used + count)

    def validate(self, destination: str, raw: dict[str, str], queue: str | None) -> opts.Options:
        """Check a publish without storing anything (batch checks every item first)."""
        options = opts.parse(raw)
        if queue is not None:
            opts.validate_name("queue", queue)
            if options.delay or options.not_before is not None:
                raise opts.OptionError("Upstash-Delay and Upstash-Not-Before are not supported "
                                       "when enqueueing to a queue")
            if options.flow is not None:
                raise opts.OptionError("flow control is not supported when enqueueing to a queue")
        if not destination.startswith(("http://", "https://")):
            opts.validate_name("url group", destination)
            if destination not in self.groups:
                raise ApiError(404, f"url group {destination!r} not found")
            if not self.groups[destination].endpoints:
                raise ApiError(400, f"url group {destination!r} has no endpoints")
        return options

    def publish(self, destination: str, raw: dict[str, str], body: bytes, *,
                queue: str | None = None, caller_ip: str = "127.0.0.1",
                schedule_id: str | None = None) -> tuple[int, Any]:
        """Accept one publish (URL or group, direct or queued): (status, response body)."""
        options = self.validate(destination, raw, queue)
        dedup_key = None
        if options.dedup_id:
            dedup_key = "id:" + options.dedup_id
        elif options.content_dedup:
            dedup_key = _content_key(destination, body, raw)
        if dedup_key:
            seen = self.dedup.get(dedup_key)
            if seen and seen["expires"] > time.time():
                return 202, _mark_deduplicated(seen["response"])
        is_group = not destination.startswith(("http://", "https://"))
        targets = ([(e["url"], e.get("name")) for e in self.groups[destination].endpoints]
                   if is_group else [(destination, None)])
        self._check_daily_limit(len(targets))
        now = time.time()
        responses = []
        for url, endpoint in targets:
            msg = self._new_message(url, raw, body, now=now, topic=destination if is_group else None,
                                    endpoint=endpoint, queue=queue, caller_ip=caller_ip,
                                    schedule_id=schedule_id, options=options)
            responses.append({"messageId": msg.id, "url": url} if is_group else {"messageId": msg.id})
        response: Any = responses if is_group else responses[0]
        if dedup_key:
            record = {"response": response, "expires": time.time() + self.config.dedup_window}
            self.dedup[dedup_key] = record
            self.store.put("dedup", dedup_key, record)
        self.store.commit()
        return 200, response

    def _new_message(self, url: str, raw: dict[str, str], body: bytes, *, now: float,
                     kind: str = m.USER, topic: str | None = None, endpoint: str | None = None,
                     queue: str | None = None, caller_ip: str = "127.0.0.1",
                     schedule_id: str | None = None, parent: str | None = None,
                     options: opts.Options | None = None) -> m.Message:
        options = options or opts.parse(raw)
        first = opts.first_delivery(options, now)
        self.msg_seq += 1
        msg = m.Message(
            id=random_id("msg_"), url=url, raw=raw, body=body, created_at=now,
            not_before=first, due=now + max(0.0, first - now) * self.config.time_scale,
            seq=self.msg_seq, kind=kind,
            max_retries=options.retries if options.retries is not None else self.config.default_retries,
            method=options.method, topic=topic, endpoint=endpoint, queue=queue,
            schedule_id=schedule_id, caller_ip=caller_ip, parent=parent,
        )
        msg.__dict__["_options"] = options
        self.messages[msg.id] = msg
        if queue:
            q = self._queue(queue)
            q.order.append(msg.id)
        if options.flow:
            self._flow_from_message(options.flow)
        self._save(msg)
        self._log(msg, "CREATED")
        self._consider(msg)
        return msg

    def _queue(self, name: str) -> m.Queue:
        q = self.queues.get(name)
        if q is None:
            now = time.time()
            q = self.queues[name] = m.Queue(name=name, created_at=now, updated_at=now)
            self.store.put("queue", name, q.to_record())
        return q

    def _flow_from_message(self, flow: opts.Flow) -> m.FlowKey:
        fk = self.flows.get(flow.key)
        if fk is None:
            fk = self.flows[flow.key] = m.FlowKey(key=flow.key)
        # The latest publish sets the limits, unless an operator pinned them.
        if not fk.pinned_parallelism:
            fk.parallelism = flow.parallelism
        if not fk.pinned_rate:
            fk.rate = flow.rate
            fk.period = flow.period or 1.0
        self.store.put("flow", fk.key, fk.to_record())
        return fk

    def _commit_soon(self) -> None:
        """Commit once for everything the deliveries of this loop turn changed. An attempt's
        outcome lost to a crash in between only means one more delivery (at least once);
        what the API accepted is always committed before it answers."""
        if self.store.persistent and not self._commit_pending:
            self._commit_pending = True
            self.loop.call_soon(self._commit_now)

    def _commit_now(self) -> None:
        self._commit_pending = False
        self.store.commit()

    def _save(self, msg: m.Message) -> None:
        if self.store.persistent:
            self.store.put("message", msg.id, msg.to_record())

    # ------------------------------------------------------------------ scheduling
    def _set_timer(self, msg_id: str, delay: float) -> None:
        old = self.timers.pop(msg_id, None)
        if old:
            old.cancel()
        self.timers[msg_id] = self.loop.call_later(max(0.0, delay), self._timer_fired, msg_id)

    def _timer_fired(self, msg_id: str) -> None:
        self.timers.pop(msg_id, None)
        msg = self.messages.get(msg_id)
        if msg:
            self._consider(msg)

    def _flow_blocked(self, fk: m.FlowKey, now: float) -> float:
        """0 when a message of this key may start now, else how long to wait (inf: a slot)."""
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

    def _consider(self, msg: m.Message) -> None:
        if self.loop is None or msg.final or msg.state == m.ACTIVE:
            return
        now = time.time()
        if msg.due > now + 0.0005:
            self._set_timer(msg.id, msg.due - now)
            return
        if msg.queue:
            q = self.queues.get(msg.queue)
            if q is None or q.paused or msg.id not in q.window():
                return  # its queue wakes it when it reaches the head
        flow = msg.options.flow
        if flow is not None:
            fk = self.flows.get(flow.key) or self._flow_from_message(flow)
            wait = self._flow_blocked(fk, now)
            if wait:
                self.flow_waiting.setdefault(fk.key, collections.OrderedDict())[msg.id] = None
                if wait != math.inf:
                    self._pump_flow_later(fk.key, wait)
                return
        if self.active >= self.config.concurrency:
            self.waiting[msg.id] = None
            return
        self._start(msg)

    def _pump_waiting(self) -> None:
        while self.waiting and self.active < self.config.concurrency:
            msg_id, _ = self.waiting.popitem(last=False)
            msg = self.messages.get(msg_id)
            if msg:
                self._consider(msg)

    def _pump_flow_later(self, key: str, wait: float) -> None:
        if key not in self.flow_timers:
            self.flow_timers[key] = self.loop.call_later(wait, self._pump_flow, key)

    def _pump_flow(self, key: str) -> None:
        handle = self.flow_timers.pop(key, None)
        if handle:
            handle.cancel()
        waiting = self.flow_waiting.get(key)
        fk = self.flows.get(key)
        while waiting and fk:
            wait = self._flow_blocked(fk, time.time())
            if wait:
                if wait != math.inf:
                    self._pump_flow_later(key, wait)
                return
            msg_id, _ = waiting.popitem(last=False)
            msg = self.messages.get(msg_id)
            if msg:
                self._consider(msg)

    def _pump_queue(self, name: str) -> None:
        q = self.queues.get(name)
        if q is None or q.paused:
            return
        for msg_id in q.window():
            msg = self.messages.get(msg_id)
            if msg:
                self._consider(msg)

    # ------------------------------------------------------------------ delivering
    def _start(self, msg: m.Message) -> None:
        msg.state = m.ACTIVE
        self.active += 1
        flow = msg.options.flow
        if flow is not None:
            fk = self.flows[flow.key]
            fk.active += 1
            fk.rate_count += 1
        self._save(msg)
        self._log(msg, "ACTIVE")
        self._commit_soon()
        task = self.loop.create_task(self._attempt(msg))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _attempt(self, msg: m.Message) -> None:
        o = msg.options
        headers = dict(o.forward)
        headers.update({
            "User-Agent": "Upstash-QStash",
            "Upstash-Message-Id": msg.id,
            "Upstash-Retried": str(msg.retried),
            "Upstash-Caller-Ip": msg.caller_ip,
            "Upstash-Signature": sign(self.keys["current"], msg.url, msg.body),
        })
        if msg.topic:
            headers["Upstash-Topic-Name"] = msg.topic
        if msg.schedule_id:
            headers["Upstash-Schedule-Id"] = msg.schedule_id
        limit = self.config.max_timeout
        timeout = min(o.timeout, limit) if o.timeout else limit
        skip = () if any(k.lower() == "content-type" for k in headers) else ("Content-Type",)
        try:
            async with self.session.request(
                msg.method, msg.url, data=msg.body, headers=headers, allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=timeout), skip_auto_headers=skip,
            ) as resp:
                body = await resp.content.read(MAX_RESPONSE_BODY)
                result_headers: dict[str, list[str]] = {}
                for key, value in resp.headers.items():
                    result_headers.setdefault(key, []).append(value)
                result = Attempt(status=resp.status, headers=result_headers, body=body)
        except asyncio.CancelledError:
            raise
        except asyncio.TimeoutError:
            result = Attempt(error=f"request timed out after {timeout:g}s")
        except Exception as exc:  # any failure is a failed attempt; the slot must come back
            result = Attempt(error=f"{type(exc).__name__}: {exc}".strip())
        self._finish(msg, result)

    def _next_wait(self, msg: m.Message, result: Attempt) -> float:
        """Seconds before the next attempt, unscaled: Retry-After, then the expression,
        then QStash's default backoff."""
        if result.status is not None:
            asked = retry_after_seconds(result.header)
            if asked is not None:
                return asked
        expression = msg.options.retry_delay
        if expression:
            try:
                return retry_delay_seconds(expression, msg.retried)
            except DurationError as exc:
                log.warning("retry delay of %s failed (%s); using the default backoff", msg.id, exc)
        return default_backoff(msg.retried)

    def _finish(self, msg: m.Message, result: Attempt) -> None:
        self.active -= 1
        flow = msg.options.flow
        if flow is not None and flow.key in self.flows:
            self.flows[flow.key].active -= 1
        now = time.time()
        response = _response_fields(result)
        if result.ok:
            msg.state = m.DELIVERED
            self._log(msg, "DELIVERED", **response)
            self._callback(msg, result, msg.options.callback, m.CALLBACK)
            self._finalize(msg)
        else:
            self._log(msg, "ERROR", error=result.error or f"endpoint answered {result.status}",
                      **response)
            if msg.cancel_requested:
                msg.state = m.CANCELED
                self._log(msg, "CANCELED")
                self._callback(msg, result, msg.options.callback, m.CALLBACK)
                self._finalize(msg)
            elif not result.non_retryable and msg.retried < msg.max_retries:
                wait = self._next_wait(msg, result) * self.config.time_scale
                self._callback(msg, result, msg.options.callback, m.CALLBACK)
                msg.retried += 1
                msg.state = m.RETRY
                msg.due = now + wait
                self._log(msg, "RETRY", nextDeliveryTime=m.ms(msg.due), **response)
                self._save(msg)
                self._consider(msg)
            else:
                msg.state = m.FAILED
                dlq_id = self._to_dlq(msg, result, now)
                self._log(msg, "FAILED", error=result.error or
                          ("non-retryable error" if result.non_retryable
                           else f"retries exhausted, endpoint answered {result.status}"),
                          **response)
                self._callback(msg, result, msg.options.callback, m.CALLBACK)
                self._callback(msg, result, msg.options.failure_callback, m.FAILURE_CALLBACK,
                               dlq_id=dlq_id)
                self._finalize(msg)
        self._commit_soon()
        if flow is not None:
            self._pump_flow(flow.key)
        self._pump_waiting()

    def _to_dlq(self, msg: m.Message, result: Attempt, now: float) -> str:
        self.dlq_seq += 1
        dlq_id = f"{m.ms(now)}-{self.dlq_seq}"
        msg.dlq_id = dlq_id
        entry = {"dlqId": dlq_id, "time": now, "message": msg.to_record(),
                 "responseStatus": result.status or 0, "responseHeader": result.headers,
                 "responseBody": m.b64(result.body), "error": result.error}
        self.dlq[dlq_id] = entry
        self.store.put("dlq", dlq_id, entry)
        self.store.put("meta", "counters", {"dlq": self.dlq_seq})
        return dlq_id

    def _callback(self, msg: m.Message, result: Attempt, cb: opts.CallbackOptions, kind: str,
                  dlq_id: str | None = None) -> None:
        if msg.kind != m.USER or not cb.url:
            return
        payload: dict[str, Any] = {
            "status": result.status or 0,
            "header": result.headers,
            "body": m.b64(result.body),
            "retried": msg.retried,
            "maxRetries": msg.max_retries,
            "sourceMessageId": msg.id,
            "url": msg.url,
            "method": msg.method,
            "sourceHeader": m.header_lists(msg.options.forward),
            "sourceBody": m.b64(msg.body),
            "notBefore": str(m.ms(msg.not_before)),
            "createdAt": str(m.ms(msg.created_at)),
            "callerIP": msg.caller_ip,
        }
        for key, value in (("topicName", msg.topic), ("endpointName", msg.endpoint),
                           ("queueName", msg.queue), ("scheduleId", msg.schedule_id),
                           ("error", result.error), ("dlqId", dlq_id)):
            if value is not None:
                payload[key] = value
        raw = {"Content-Type": "application/json", "Upstash-Method": cb.method,
               "Upstash-Retries": str(cb.retries if cb.retries is not None else msg.max_retries)}
        if cb.timeout:
            raw["Upstash-Timeout"] = f"{int(cb.timeout)}s"
        if cb.delay:
            raw["Upstash-Delay"] = f"{int(cb.delay)}s"
        if cb.retry_delay:
            raw["Upstash-Retry-Delay"] = cb.retry_delay
        for name, value in cb.forward.items():
            raw[f"Upstash-Forward-{name}"] = value
        # A queued message holds its queue until its callbacks are done too.
        parent = msg.id if msg.queue else None
        if parent:
            msg.children += 1
        self._new_message(cb.url, raw, json.dumps(payload).encode(), now=time.time(), kind=kind,
                          caller_ip=msg.caller_ip, parent=parent)

    def _finalize(self, msg: m.Message) -> None:
        handle = self.timers.pop(msg.id, None)
        if handle:
            handle.cancel()
        if msg.schedule_id in self.schedules:
            schedule = self.schedules[msg.schedule_id]
            if msg.id in schedule.last_states:
                schedule.last_states[msg.id] = "SUCCESS" if msg.state == m.DELIVERED else "FAIL"
                self.store.put("schedule", schedule.id, schedule.to_record())
        if msg.children > 0:
            self._save(msg)  # kept, invisible, until its callbacks finish
            return
        self._remove(msg)

    def _remove(self, msg: m.Message) -> None:
        self.messages.pop(msg.id, None)
        now = time.time()
        while self.recent and next(iter(self.recent.values()))[0] <= now:
            self.recent.popitem(last=False)
        self.recent[msg.id] = (now + RECENT_SECONDS * self.config.time_scale, msg)
        self.store.delete("message", msg.id)
        if msg.queue and msg.queue in self.queues:
            q = self.queues[msg.queue]
            if msg.id in q.order:
                q.order.remove(msg.id)
            self._pump_queue(msg.queue)
        parent = self.messages.get(msg.parent) if msg.parent else None
        if parent is not None:
            parent.children -= 1
            if parent.final and parent.children <= 0:
                self._remove(parent)
            else:
                self._save(parent)

    # ------------------------------------------------------------------ logs
    def _log(self, msg: m.Message, state: str, **extra: Any) -> None:
        self.event_seq += 1
        o = msg.options
        event: dict[str, Any] = {
            "_seq": self.event_seq, "time": m.ms(time.time()), "messageId": msg.id,
            "state": state, "url": msg.url, "method": msg.method, "maxRetries": msg.max_retries,
            "header": msg.api_headers, "retried": msg.retried,
        }
        if "body" in o.redact:
            event["body"] = m.redacted(msg.body)
        elif len(msg.body) <= MAX_EVENT_BODY:
            event["body"] = msg.body_b64
        for key, value in (("topicName", msg.topic), ("endpointName", msg.endpoint),
                           ("queueName", msg.queue), ("scheduleId", msg.schedule_id),
                           ("callback", o.callback.url), ("failureCallback", o.failure_callback.url),
                           ("retryDelayExpr", o.retry_delay), ("label", o.label)):
            if value is not None:
                event[key] = value
        if o.timeout is not None:
            event["timeout"] = m.ms(o.timeout)
        if o.callback.forward:
            event["callbackHeaders"] = m.header_lists(o.callback.forward)
        if o.failure_callback.forward:
            event["failureCallbackHeaders"] = m.header_lists(o.failure_callback.forward)
        if o.flow:
            event.update(m.flow_fields(o.flow))
        event.update({k: v for k, v in extra.items() if v is not None})
        self.events.append(event)
        self.store.add_event(self.event_seq, event)
        if self.event_seq % 1000 == 0:
            self.store.prune_events(self.event_seq - self.config.log_limit)

    def list_events(self, query: dict[str, list[str]], limit: int = 1000) -> dict[str, Any]:
        def one(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values else None

        ids = set(query.get("messageIds", [])) | set(query.get("messageId", []))
        state = one("state")
        states = IN_PROGRESS if state == "IN_PROGRESS" else ({state} if state else None)
        fields = {"url": one("url"), "topicName": one("topicName"),
                  "queueName": one("queueName"), "scheduleId": one("scheduleId")}
        label = one("label")
        from_ms, to_ms = _int_or_none(one("fromDate")), _int_or_none(one("toDate"))
        cursor = _int_or_none(one("cursor"))
        count = max(1, min(limit, _int_or_none(one("count")) or limit))
        page: list[dict[str, Any]] = []
        more = False
        for event in reversed(self.events):
            if cursor is not None and event["_seq"] >= cursor:
                continue
            if ids and event["messageId"] not in ids:
                continue
            if states and event["state"] not in states:
                continue
            if any(v is not None and event.get(k) != v for k, v in fields.items()):
                continue
            if label and label not in (event.get("label") or "").split(","):
                continue
            if from_ms is not None and event["time"] < from_ms:
                continue
            if to_ms is not None and event["time"] > to_ms:
                continue
            if len(page) == count:
                more = True
                break
            page.append(event)
        out_events = [{k: v for k, v in e.items() if k != "_seq"} for e in page]
        for event in out_events:
            if "responseHeader" in event:
                event["responseHeaders"] = event["responseHeader"]
        result: dict[str, Any] = {"events": out_events, "logs": out_events}
        if more:
            result["cursor"] = str(page[-1]["_seq"])
        return result

    # ------------------------------------------------------------------ messages API
    def get_message(self, msg_id: str) -> dict[str, Any]:
        msg = self.messages.get(msg_id)
        if msg is None:
            expires, msg = self.recent.get(msg_id, (0.0, None))
            if msg is None or expires <= time.time():
                raise ApiError(404, f"message {msg_id} not found")
        return msg.api()

    def cancel(self, msg_id: str) -> bool:
        return self.cancel_many([msg_id]) == 1

    def cancel_many(self, ids: list[str] | None) -> int:
        """Cancel pending messages (all of them when ``ids`` is None). Every one is marked
        before any is removed: removing one moves its queue on, and the next message of the
        queue must not start when it is being cancelled too."""
        if ids is None:
            ids = [i for i, msg in self.messages.items() if not msg.final]
        marked = []
        for msg_id in ids:
            msg = self.messages.get(msg_id)
            if msg is None or msg.final or msg.cancel_requested:
                continue
            self._log(msg, "CANCEL_REQUESTED")
            if msg.state == m.ACTIVE:
                msg.cancel_requested = True  # its attempt is in flight; no retry after it
                self._save(msg)
            else:
                msg.state = m.CANCELED
                self._log(msg, "CANCELED")
            marked.append(msg)
        for msg in marked:
            if msg.state == m.CANCELED:
                self._finalize(msg)
        self.store.commit()
        return len(marked)

    # ------------------------------------------------------------------ DLQ API
    def dlq_api(self, entry: dict[str, Any]) -> dict[str, Any]:
        msg = m.Message.from_record(entry["message"])
        out = msg.api()
        out["dlqId"] = entry["dlqId"]
        out["responseStatus"] = entry["responseStatus"]
        out["responseHeader"] = entry["responseHeader"]
        out.update(m.body_fields(_b64decode(entry["responseBody"]), "responseBody"))
        if entry.get("error"):
            out["error"] = entry["error"]
        return out

    def get_dlq(self, dlq_id: str) -> dict[str, Any]:
        entry = self.dlq.get(dlq_id)
        if entry is None:
            raise ApiError(404, f"dlq message {dlq_id} not found")
        return entry

    def list_dlq(self, query: dict[str, list[str]]) -> dict[str, Any]:
        count = max(1, min(100, _int_or_none((query.get("count") or [None])[0]) or 100))
        cursor = (query.get("cursor") or [None])[0]
        filters = {name: set(query.get(name, [])) for name in
                   ("messageId", "url", "topicName", "queueName", "scheduleId", "label")}
        statuses = {int(s) for s in query.get("responseStatus", []) if s.isdigit()}
        caller = set(query.get("callerIp", []))
        from_ms = _int_or_none((query.get("fromDate") or [None])[0])
        to_ms = _int_or_none((query.get("toDate") or [None])[0])
        keys = sorted(self.dlq, key=_dlq_order)
        if cursor:
            keys = [k for k in keys if _dlq_order(k) > _dlq_order(cursor)]
        page, more = [], False
        for key in keys:
            entry = self.dlq[key]
            view = self.dlq_api(entry)
            if any(vals and view.get(name) not in vals for name, vals in filters.items()
                   if name != "label"):
                continue
            if filters["label"] and not filters["label"] & set(view.get("labels", [])):
                continue
            if statuses and view["responseStatus"] not in statuses:
                continue
            if caller and view.get("callerIP") not in caller:
                continue
            when = m.ms(entry["time"])
            if (from_ms is not None and when < from_ms) or (to_ms is not None and when > to_ms):
                continue
            if len(page) == count:
                more = True
                break
            page.append(view)
        result: dict[str, Any] = {"messages": page}
        if more:
            result["cursor"] = page[-1]["dlqId"]
        return result

    def delete_dlq(self, ids: list[str]) -> int:
        deleted = 0
        for dlq_id in ids:
            if self.dlq.pop(dlq_id, None) is not None:
                self.store.delete("dlq", dlq_id)
                deleted += 1
        self.store.commit()
        return deleted

    def retry_dlq(self, dlq_id: str, overrides: dict[str, str]) -> dict[str, Any]:
        entry = self.get_dlq(dlq_id)
        old = m.Message.from_record(entry["message"])
        raw = opts.merge(old.raw, overrides)
        opts.parse(raw)  # validate the overrides before anything changes
        msg = self._new_message(old.url, raw, old.body, now=time.time(), kind=old.kind,
                                topic=old.topic, endpoint=old.endpoint, queue=old.queue,
                                caller_ip=old.caller_ip, schedule_id=old.schedule_id)
        del self.dlq[dlq_id]
        self.store.delete("dlq", dlq_id)
        self.store.commit()
        return {"messageId": msg.id}

    # ------------------------------------------------------------------ queues API
    def upsert_queue(self, name: str, parallelism: int | None, paused: bool | None) -> None:
        opts.validate_name("queue", name)
        if parallelism is not None and parallelism < 1:
            raise ApiError(400, "parallelism must be at least 1")
        q = self._queue(name)
        if parallelism is not None:
            q.parallelism = parallelism
        if paused is not None:
            q.paused = paused
        q.updated_at = time.time()
        self.store.put("queue", name, q.to_record())
        self.store.commit()
        self._pump_queue(name)

    def get_queue(self, name: str) -> m.Queue:
        q = self.queues.get(name)
        if q is None:
            raise ApiError(404, f"queue {name!r} not found")
        return q

    def delete_queue(self, name: str) -> None:
        q = self.get_queue(name)
        self.cancel_many(list(q.order))
        self.queues.pop(name, None)
        self.store.delete("queue", name)
        self.store.commit()

    def pause_queue(self, name: str, paused: bool) -> None:
        q = self.get_queue(name)
        q.paused = paused
        q.updated_at = time.time()
        self.store.put("queue", name, q.to_record())
        self.store.commit()
        self._pump_queue(name)

    # ------------------------------------------------------------------ URL groups API
    def upsert_endpoints(self, name: str, endpoints: list[dict[str, str]]) -> None:
        opts.validate_name("url group", name)
        if not endpoints:
            raise ApiError(400, "endpoints must not be empty")
        for endpoint in endpoints:
            if not isinstance(endpoint, dict) or not isinstance(endpoint.get("url"), str):
                raise ApiError(400, "every endpoint needs a url")
            opts.check_url("endpoint url", endpoint["url"])
        now = time.time()
        group = self.groups.get(name) or m.UrlGroup(name=name, created_at=now, updated_at=now)
        for endpoint in endpoints:
            clean = {"url": endpoint["url"]}
            if endpoint.get("name"):
                clean["name"] = endpoint["name"]
            group.endpoints = [e for e in group.endpoints if e["url"] != clean["url"]
                               and not (clean.get("name") and e.get("name") == clean["name"])]
            group.endpoints.append(clean)
        group.updated_at = now
        self.groups[name] = group
        self.store.put("group", name, dataclasses.asdict(group))
        self.store.commit()

    def remove_endpoints(self, name: str, endpoints: list[dict[str, str]]) -> None:
        group = self.get_group(name)
        urls = {e.get("url") for e in endpoints if isinstance(e, dict)} - {None}
        names = {e.get("name") for e in endpoints if isinstance(e, dict)} - {None}
        group.endpoints = [e for e in group.endpoints
                           if e["url"] not in urls and e.get("name") not in names]
        group.updated_at = time.time()
        if group.endpoints:
            self.store.put("group", name, dataclasses.asdict(group))
        else:  # QStash deletes a group left with no endpoint
            del self.groups[name]
            self.store.delete("group", name)
        self.store.commit()

    def get_group(self, name: str) -> m.UrlGroup:
        group = self.groups.get(name)
        if group is None:
            raise ApiError(404, f"url group {name!r} not found")
        return group

    def delete_group(self, name: str) -> None:
        if self.groups.pop(name, None) is not None:
            self.store.delete("group", name)
            self.store.commit()

    # ------------------------------------------------------------------ keys API
    def rotate_keys(self) -> dict[str, str]:
        self.keys = {"current": self.keys["next"], "next": new_signing_key()}
        self.store.put("meta", "keys", self.keys)
        self.store.commit()
        return dict(self.keys)

    # ------------------------------------------------------------------ schedules API
    def create_schedule(self, destination: str, raw: dict[str, str], body: bytes,
                        caller_ip: str) -> str:
        cron = next((v for k, v in raw.items() if k.lower() == "upstash-cron"), "").strip()
        if not cron or not croniter.is_valid(cron):
            raise ApiError(400, f"invalid cron expression {cron!r} (Upstash-Cron, UTC)")
        schedule_id = next((v for k, v in raw.items() if k.lower() == "upstash-schedule-id"), None)
        queue = next((v for k, v in raw.items() if k.lower() == "upstash-queue-name"), None)
        config = {k: v for k, v in raw.items() if k.lower() not in
                  ("upstash-cron", "upstash-schedule-id", "upstash-queue-name")}
        self.validate(destination, config, queue)
        existing = self.schedules.get(schedule_id or "")
        schedule = m.Schedule(
            id=schedule_id or random_id("scd_"), destination=destination, cron=cron,
            raw=config, body=body, created_at=existing.created_at if existing else time.time(),
            queue=queue, caller_ip=caller_ip, paused=existing.paused if existing else False,
        )
        self.schedules[schedule.id] = schedule
        self._arm_schedule(schedule)
        self.store.commit()
        return schedule.id

    def _arm_schedule(self, schedule: m.Schedule) -> None:
        handle = self.timers.pop(schedule.id, None)
        if handle:
            handle.cancel()
        now = time.time()
        schedule.next_time = croniter(schedule.cron, now).get_next(float)
        self.store.put("schedule", schedule.id, schedule.to_record())
        if not schedule.paused and self.loop is not None:
            self.timers[schedule.id] = self.loop.call_later(
                schedule.next_time - now, self._fire_schedule, schedule.id)

    def _fire_schedule(self, schedule_id: str) -> None:
        self.timers.pop(schedule_id, None)
        schedule = self.schedules.get(schedule_id)
        if schedule is None or schedule.paused:
            return
        schedule.last_time = time.time()
        try:
            _, response = self.publish(schedule.destination, schedule.raw, schedule.body,
                                       queue=schedule.queue, caller_ip=schedule.caller_ip,
                                       schedule_id=schedule.id)
            ids = [r["messageId"] for r in (response if isinstance(response, list) else [response])]
            schedule.last_states = {i: "IN_PROGRESS" for i in ids}
        except (ApiError, opts.OptionError) as exc:
            log.warning("schedule %s could not publish: %s", schedule.id, exc)
            schedule.last_states = {}
        self._arm_schedule(schedule)
        self.store.commit()

    def pause_schedule(self, schedule_id: str, paused: bool) -> None:
        schedule = self.get_schedule(schedule_id)
        schedule.paused = paused
        self._arm_schedule(schedule)  # cancels the pending trigger; re-arms only if resumed
        self.store.commit()

    def get_schedule(self, schedule_id: str) -> m.Schedule:
        schedule = self.schedules.get(schedule_id)
        if schedule is None:
            raise ApiError(404, f"schedule {schedule_id} not found")
        return schedule

    def delete_schedule(self, schedule_id: str) -> None:
        if self.schedules.pop(schedule_id, None) is not None:
            handle = self.timers.pop(schedule_id, None)
            if handle:
                handle.cancel()
            self.store.delete("schedule", schedule_id)
            self.store.commit()

    # ------------------------------------------------------------------ flow control API
    def flow_info(self, key: str) -> dict[str, Any]:
        fk = self.flows.get(key)
        if fk is None:
            raise ApiError(404, f"flow control key {key!r} not found")
        self._flow_blocked(fk, time.time())  # rolls the rate window forward
        return {
            "flowControlKey": key, "waitListSize": len(self.flow_waiting.get(key, ())),
            "parallelismMax": fk.parallelism or 0, "parallelismCount": fk.active,
            "rateMax": fk.rate or 0, "rateCount": fk.rate_count, "ratePeriod": int(fk.period),
            "ratePeriodStart": m.ms(fk.period_start), "isPaused": fk.paused,
            "isPinnedParallelism": fk.pinned_parallelism, "isPinnedRate": fk.pinned_rate,
        }

    def update_flow(self, key: str, **changes: Any) -> None:
        fk = self.flows.get(key)
        if fk is None:
            raise ApiError(404, f"flow control key {key!r} not found")
        for name, value in changes.items():
            setattr(fk, name, value)
        self.store.put("flow", key, fk.to_record())
        self.store.commit()
        self._pump_flow(key)


def _mark_deduplicated(response: Any) -> Any:
    if isinstance(response, list):
        return [dict(r, deduplicated=True) for r in response]
    return dict(response, deduplicated=True)


def _response_fields(result: Attempt) -> dict[str, Any]:
    if result.status is None:
        return {}
    return {"responseStatus": result.status, "responseHeader": result.headers,
            "responseBody": m.b64(result.body)}


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        raise ApiError(400, f"expected an integer, got {value!r}") from None


def _dlq_order(dlq_id: str) -> tuple[int, int]:
    first, _, second = dlq_id.partition("-")
    try:
        return int(first), int(second or 0)
    except ValueError:
        return 0, 0


def _b64decode(text: str) -> bytes:
    return base64.b64decode(text)
