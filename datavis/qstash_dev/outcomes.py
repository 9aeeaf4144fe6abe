"""Outcomes of an attempt: delivered, retried later, or failed into the DLQ; the callbacks
QStash makes about each; and how a finished message leaves (and frees its queue)."""
from __future__ import annotations

import json
import logging
import time

from datavis.retry_schedule import DurationError, default_backoff, retry_delay_seconds

from . import model as m
from . import options as opts
from .config import DevConfig
from .dlq import DeadLetters
from .events import EventLog
from .publishing import Publisher
from .scheduler import Scheduler
from .state import State
from .timing import retry_after_seconds

log = logging.getLogger("datavis.qstash_dev")


def next_wait(msg: m.Message, attempt: m.Attempt) -> float:
    """Seconds before the next attempt, unscaled: the destination's Retry-After, then the
    message's retry-delay expression, then QStash's default backoff."""
    if attempt.status is not None:
        asked = retry_after_seconds(attempt.header)
        if asked is not None:
            return asked
    expression = msg.options.retry_delay
    if expression:
        try:
            return retry_delay_seconds(expression, msg.retried)
        except DurationError as exc:
            log.warning("retry delay of %s failed (%s); using the default backoff", msg.id, exc)
    return default_backoff(msg.retried)


def callback_body(msg: m.Message, attempt: m.Attempt, dlq_id: str | None) -> bytes:
    """The JSON QStash posts to a callback about ``msg``'s attempt."""
    payload: m.Record = {
        "status": attempt.status or 0, "header": attempt.headers, "body": m.b64(attempt.body),
        "retried": msg.retried, "maxRetries": msg.max_retries, "sourceMessageId": msg.id,
        "url": msg.url, "method": msg.method,
        "sourceHeader": m.header_lists(msg.options.forward), "sourceBody": msg.body_b64,
        "notBefore": str(m.ms(msg.not_before)), "createdAt": str(m.ms(msg.created_at)),
        "callerIP": msg.caller_ip,
    }
    for key, value in (("topicName", msg.topic), ("endpointName", msg.endpoint),
                       ("queueName", msg.queue), ("scheduleId", msg.schedule_id),
                       ("error", attempt.error), ("dlqId", dlq_id)):
        if value is not None:
            payload[key] = value
    return json.dumps(payload).encode()


def callback_headers(msg: m.Message, cb: opts.CallbackOptions) -> dict[str, str]:
    """The configuration of a callback message: ``Upstash-Callback-*`` of its source."""
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
    return raw


class Outcomes:
    def __init__(self, state: State, log: EventLog, scheduler: Scheduler, publisher: Publisher,
                 dlq: DeadLetters, config: DevConfig) -> None:
        self.state = state
        self.log = log
        self.scheduler = scheduler
        self.publisher = publisher
        self.dlq = dlq
        self.config = config

    def finish(self, msg: m.Message, attempt: m.Attempt) -> None:
        """Apply the outcome of ``msg``'s attempt, then wake what waited for its slots."""
        self.scheduler.release(msg)
        if attempt.ok:
            msg.state = m.DELIVERED
            self.log.add(msg, "DELIVERED", attempt=attempt)
            self.callback(msg, attempt, msg.options.callback, m.CALLBACK)
            self.finalize(msg)
        else:
            self.log.add(msg, "ERROR", attempt=attempt,
                         error=attempt.error or f"endpoint answered {attempt.status}")
            if msg.cancel_requested:
                msg.state = m.CANCELED
                self.log.add(msg, "CANCELED")
                self.callback(msg, attempt, msg.options.callback, m.CALLBACK)
                self.finalize(msg)
            elif not attempt.non_retryable and msg.retried < msg.max_retries:
                self._retry(msg, attempt)
            else:
                self._fail(msg, attempt)
        self.state.commit_soon()
        self.scheduler.after_attempt(msg)

    def _retry(self, msg: m.Message, attempt: m.Attempt) -> None:
        wait = next_wait(msg, attempt) * self.config.time_scale
        self.callback(msg, attempt, msg.options.callback, m.CALLBACK)
        msg.retried += 1
        msg.state = m.RETRY
        msg.due = time.time() + wait
        self.log.add(msg, "RETRY", attempt=attempt, next_delivery=msg.due)
        self.state.save(msg)
        self.scheduler.consider(msg)

    def _fail(self, msg: m.Message, attempt: m.Attempt) -> None:
        msg.state = m.FAILED
        dlq_id = self.dlq.add(msg, attempt, time.time())
        reason = ("non-retryable error" if attempt.non_retryable
                  else f"retries exhausted, endpoint answered {attempt.status}")
        self.log.add(msg, "FAILED", attempt=attempt, error=attempt.error or reason)
        self.callback(msg, attempt, msg.options.callback, m.CALLBACK)
        self.callback(msg, attempt, msg.options.failure_callback, m.FAILURE_CALLBACK, dlq_id)
        self.finalize(msg)

    def callback(self, msg: m.Message, attempt: m.Attempt, cb: opts.CallbackOptions, kind: str,
                 dlq_id: str | None = None) -> None:
        """Publish the callback ``cb`` about ``msg``'s attempt (only for a user's message)."""
        if msg.kind != m.USER or not cb.url:
            return
        # A queued message holds its queue until its callbacks are done too.
        parent = msg.id if msg.queue else None
        if parent:
            msg.children += 1
        self.publisher.new_message(cb.url, callback_headers(msg, cb),
                                   callback_body(msg, attempt, dlq_id), now=time.time(),
                                   kind=kind, caller_ip=msg.caller_ip, parent=parent)

    def finalize(self, msg: m.Message) -> None:
        """``msg`` reached a final state: it leaves once its callbacks have finished."""
        self.scheduler.timers.cancel(msg.id)
        schedule = self.state.schedules.get(msg.schedule_id or "")
        if schedule is not None and msg.id in schedule.last_states:
            schedule.last_states[msg.id] = "SUCCESS" if msg.state == m.DELIVERED else "FAIL"
            self.state.put("schedule", schedule.id, schedule.to_record())
        if msg.children > 0:
            self.state.save(msg)  # kept, invisible, until its callbacks finish
            return
        self._remove(msg)

    def _remove(self, msg: m.Message) -> None:
        self.state.forget(msg)
        q = self.state.queues.get(msg.queue or "")
        if q is not None:
            if msg.id in q.order:
                q.order.remove(msg.id)
            self.scheduler.pump_queue(q.name)
        parent = self.state.messages.get(msg.parent) if msg.parent else None
        if parent is not None:
            parent.children -= 1
            if parent.final and parent.children <= 0:
                self._remove(parent)
            else:
                self.state.save(parent)
