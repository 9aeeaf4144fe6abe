"""Accepting messages: checks a publish, creates its messages and hands them to the scheduler."""
from __future__ import annotations

import time
from collections.abc import Mapping

from . import model as m
from . import options as opts
from .config import DevConfig
from .dedup import Dedup
from .errors import DailyLimitExceeded, Invalid, NotFound
from .events import EventLog
from .scheduler import Scheduler
from .signing import random_id
from .state import State


def is_url(destination: str) -> bool:
    """A URL, as opposed to the name of a URL group."""
    return destination.startswith(("http://", "https://"))


class Publisher:
    def __init__(self, state: State, log: EventLog, scheduler: Scheduler, dedup: Dedup,
                 config: DevConfig) -> None:
        self.state = state
        self.log = log
        self.scheduler = scheduler
        self.dedup = dedup
        self.config = config
        self._daily = ("", 0)  # (UTC day, publishes that day)

    def validate(self, destination: str, raw: Mapping[str, str], queue: str | None) -> opts.Options:
        """Check a publish without storing anything (a batch checks every item first)."""
        options = opts.parse(raw)
        if queue is not None:
            opts.validate_name("queue", queue)
            if options.delay or options.not_before is not None:
                raise opts.OptionError("Upstash-Delay and Upstash-Not-Before are not supported "
                                       "when enqueueing to a queue")
            if options.flow is not None:
                raise opts.OptionError("flow control is not supported when enqueueing to a queue")
        if not is_url(destination):
            opts.validate_name("url group", destination)
            group = self.state.groups.get(destination)
            if group is None:
                raise NotFound(f"url group {destination!r} not found")
            if not group.endpoints:
                raise Invalid(f"url group {destination!r} has no endpoints")
        return options

    def publish(self, destination: str, raw: dict[str, str], body: bytes, *,
                queue: str | None = None, caller_ip: str = "127.0.0.1",
                schedule_id: str | None = None) -> m.Published:
        """Accept one publish (to a URL or a URL group, direct or queued), committed."""
        options = self.validate(destination, raw, queue)
        dedup_key = self.dedup.key(options, destination, body, raw)
        if dedup_key:
            seen = self.dedup.seen(dedup_key)
            if seen:
                return seen
        to_group = not is_url(destination)
        targets = ([(e["url"], e.get("name")) for e in self.state.groups[destination].endpoints]
                   if to_group else [(destination, None)])
        self._check_daily_limit(len(targets))
        now = time.time()
        created = tuple(
            (self.new_message(url, raw, body, now=now, topic=destination if to_group else None,
                              endpoint=endpoint, queue=queue, caller_ip=caller_ip,
                              schedule_id=schedule_id, options=options).id, url)
            for url, endpoint in targets)
        published = m.Published(created, to_group=to_group)
        if dedup_key:
            self.dedup.remember(dedup_key, published)
        self.state.commit()
        return published

    def new_message(self, url: str, raw: dict[str, str], body: bytes, *, now: float,
                    kind: str = m.USER, topic: str | None = None, endpoint: str | None = None,
                    queue: str | None = None, caller_ip: str = "127.0.0.1",
                    schedule_id: str | None = None, parent: str | None = None,
                    options: opts.Options | None = None) -> m.Message:
        """Create, record and schedule one message (a publish's, a retry's or a callback)."""
        options = options or opts.parse(raw)
        first = opts.first_delivery(options, now)
        state = self.state
        state.msg_seq += 1
        msg = m.Message(
            id=random_id("msg_"), url=url, raw=raw, body=body, options=options, created_at=now,
            not_before=first, due=now + max(0.0, first - now) * self.config.time_scale,
            seq=state.msg_seq, kind=kind,
            max_retries=options.retries if options.retries is not None else self.config.default_retries,
            method=options.method, topic=topic, endpoint=endpoint, queue=queue,
            schedule_id=schedule_id, caller_ip=caller_ip, parent=parent,
        )
        state.messages[msg.id] = msg
        if queue:
            state.queue(queue).order.append(msg.id)
        if options.flow:
            state.flow_for(options.flow)
        state.save(msg)
        self.log.add(msg, "CREATED")
        self.scheduler.consider(msg)
        return msg

    def _check_daily_limit(self, count: int) -> None:
        limit = self.config.daily_limit
        if limit is None:
            return
        day = time.strftime("%Y-%m-%d", time.gmtime())
        used = self._daily[1] if self._daily[0] == day else 0
        if used + count > limit:
            raise DailyLimitExceeded(limit, used, (int(time.time()) // 86400 + 1) * 86400)
        self._daily = (day, used + count)
