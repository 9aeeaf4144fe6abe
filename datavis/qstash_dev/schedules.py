"""Schedules: a publish repeated on a cron expression (UTC), paused, resumed or deleted."""
from __future__ import annotations

import logging
import time

from croniter import croniter

from .errors import Invalid, NotFound, QStashDevError
from .publishing import Publisher
from .records import Schedule
from .scheduler import Timers
from .signing import random_id
from .state import State

log = logging.getLogger("datavis.qstash_dev")
_OWN_HEADERS = ("upstash-cron", "upstash-schedule-id", "upstash-queue-name")


def valid_cron(cron: str) -> bool:
    return bool(croniter.is_valid(cron))


def next_time(cron: str, after: float) -> float:
    """Unix seconds of the first time ``cron`` (UTC) matches after ``after``."""
    return float(croniter(cron, after).get_next(float))


def _header(raw: dict[str, str], name: str) -> str | None:
    return next((v for k, v in raw.items() if k.lower() == name), None)


class Schedules:
    def __init__(self, state: State, publisher: Publisher) -> None:
        self.state = state
        self.publisher = publisher
        self.timers = Timers()  # schedule id: its next trigger

    def start(self) -> None:
        for schedule in self.state.schedules.values():
            self._arm(schedule)

    def stop(self) -> None:
        self.timers.clear()

    def create(self, destination: str, raw: dict[str, str], body: bytes, caller_ip: str) -> str:
        """Create (or replace, given ``Upstash-Schedule-Id``) a schedule; returns its id."""
        cron = (_header(raw, "upstash-cron") or "").strip()
        if not cron or not valid_cron(cron):
            raise Invalid(f"invalid cron expression {cron!r} (Upstash-Cron, UTC)")
        schedule_id = _header(raw, "upstash-schedule-id")
        queue = _header(raw, "upstash-queue-name")
        config = {k: v for k, v in raw.items() if k.lower() not in _OWN_HEADERS}
        self.publisher.validate(destination, config, queue)
        existing = self.state.schedules.get(schedule_id or "")
        schedule = Schedule(
            id=schedule_id or random_id("scd_"), destination=destination, cron=cron,
            raw=config, body=body, created_at=existing.created_at if existing else time.time(),
            queue=queue, caller_ip=caller_ip, paused=existing.paused if existing else False,
        )
        self.state.schedules[schedule.id] = schedule
        self._arm(schedule)
        self.state.commit()
        return schedule.id

    def all(self) -> list[Schedule]:
        return list(self.state.schedules.values())

    def get(self, schedule_id: str) -> Schedule:
        schedule = self.state.schedules.get(schedule_id)
        if schedule is None:
            raise NotFound(f"schedule {schedule_id} not found")
        return schedule

    def pause(self, schedule_id: str, paused: bool) -> None:
        schedule = self.get(schedule_id)
        schedule.paused = paused
        self._arm(schedule)  # cancels the pending trigger; re-arms only if resumed
        self.state.commit()

    def delete(self, schedule_id: str) -> None:
        """Delete a schedule; deleting one that does not exist is not an error."""
        if self.state.schedules.pop(schedule_id, None) is not None:
            self.timers.cancel(schedule_id)
            self.state.delete("schedule", schedule_id)
            self.state.commit()

    def _arm(self, schedule: Schedule) -> None:
        self.timers.cancel(schedule.id)
        now = time.time()
        schedule.next_time = next_time(schedule.cron, now)
        self.state.put("schedule", schedule.id, schedule.to_record())
        if not schedule.paused:
            self.timers.set(schedule.id, schedule.next_time - now, self._fire)

    def _fire(self, schedule_id: str) -> None:
        schedule = self.state.schedules.get(schedule_id)
        if schedule is None or schedule.paused:
            return
        schedule.last_time = time.time()
        try:
            published = self.publisher.publish(
                schedule.destination, schedule.raw, schedule.body, queue=schedule.queue,
                caller_ip=schedule.caller_ip, schedule_id=schedule.id)
            schedule.last_states = {i: "IN_PROGRESS" for i, _ in published.messages}
        except QStashDevError as exc:
            log.warning("schedule %s could not publish: %s", schedule.id, exc)
            schedule.last_states = {}
        self._arm(schedule)
        self.state.commit()
