"""The JSON the QStash API answers with, built from the core's records."""
from __future__ import annotations

from typing import Any

from .. import model as m
from .. import options as opts
from ..admin import FlowStatus
from ..events import Event
from ..records import DlqEntry, Queue, Schedule, SigningKeys, UrlGroup

Json = dict[str, Any]


def body_fields(body: bytes, key: str = "body") -> dict[str, str]:
    """``{"body": text}`` for UTF-8 bodies, else ``{"bodyBase64": ...}`` (QStash's rule)."""
    try:
        return {key: body.decode("utf-8")}
    except UnicodeDecodeError:
        return {key + "Base64": m.b64(body)}


def message(msg: m.Message) -> Json:
    """The Message object of ``GET /v2/messages/{id}``."""
    o = msg.options
    out: Json = {
        "messageId": msg.id, "url": msg.url, "method": msg.method,
        "header": msg.shown_headers(), "maxRetries": msg.max_retries,
        "notBefore": m.ms(msg.not_before), "createdAt": m.ms(msg.created_at),
        "callerIP": msg.caller_ip,
    }
    if "body" in o.redact:
        out["body"] = m.redacted(msg.body)
    else:
        out.update(body_fields(msg.body))
    for key, value in (("topicName", msg.topic), ("endpointName", msg.endpoint),
                       ("queueName", msg.queue), ("scheduleId", msg.schedule_id),
                       ("callback", o.callback.url), ("failureCallback", o.failure_callback.url),
                       ("retryDelayExpression", o.retry_delay)):
        if value is not None:
            out[key] = value
    out.update(m.forwarding_fields(o))
    if o.label:
        out["label"] = o.label
        out["labels"] = msg.labels
    if o.timeout is not None:
        out["timeout"] = m.ms(o.timeout)
    return out


def published(result: m.Published) -> Json | list[Json]:
    """The answer to a publish: one ``{"messageId"}``, or one per endpoint of a URL group."""
    items: list[Json] = [{"messageId": i, "url": u} if result.to_group else {"messageId": i}
                         for i, u in result.messages]
    if result.deduplicated:
        for item in items:
            item["deduplicated"] = True
    return items if result.to_group else items[0]


def dlq_entry(entry: DlqEntry) -> Json:
    out = message(entry.message)
    out["dlqId"] = entry.id
    out["responseStatus"] = entry.attempt.status or 0
    out["responseHeader"] = entry.attempt.headers
    out.update(body_fields(entry.attempt.body, "responseBody"))
    if entry.attempt.error:
        out["error"] = entry.attempt.error
    return out


def event(ev: Event) -> Json:
    out = ev.record()
    if "responseHeader" in out:
        out["responseHeaders"] = out["responseHeader"]  # the SDK reads this spelling
    return out


def queue(q: Queue) -> Json:
    return {"name": q.name, "parallelism": q.parallelism, "createdAt": m.ms(q.created_at),
            "updatedAt": m.ms(q.updated_at), "lag": len(q.order), "paused": q.paused}


def group(g: UrlGroup) -> Json:
    return {"name": g.name, "createdAt": m.ms(g.created_at), "updatedAt": m.ms(g.updated_at),
            "endpoints": g.endpoints}


def keys(k: SigningKeys) -> Json:
    return {"current": k.current, "next": k.next}


def schedule(s: Schedule, default_retries: int) -> Json:
    o = opts.parse(s.raw)
    out: Json = {
        "scheduleId": s.id, "cron": s.cron, "createdAt": m.ms(s.created_at),
        "destination": s.destination, "method": o.method, "header": m.header_lists(o.forward),
        "retries": o.retries if o.retries is not None else default_retries,
        "isPaused": s.paused, "callerIP": s.caller_ip, "lastScheduleStates": s.last_states,
    }
    out.update(body_fields(s.body))
    optional = {
        "queueName": s.queue, "callback": o.callback.url,
        "failureCallback": o.failure_callback.url,
        "delay": int(o.delay) if o.delay else None,
        "timeout": int(o.timeout) if o.timeout is not None else None,
        "retryDelayExpression": o.retry_delay, "label": o.label,
        "lastScheduleTime": m.ms(s.last_time) if s.last_time else None,
        "nextScheduleTime": m.ms(s.next_time) if s.next_time else None,
    }
    out.update({k: v for k, v in optional.items() if v is not None})
    out.update(m.forwarding_fields(o))
    return out


def flow(status: FlowStatus) -> Json:
    fk = status.key
    return {
        "flowControlKey": fk.key, "waitListSize": status.waiting,
        "parallelismMax": fk.parallelism or 0, "parallelismCount": fk.active,
        "rateMax": fk.rate or 0, "rateCount": fk.rate_count, "ratePeriod": int(fk.period),
        "ratePeriodStart": m.ms(fk.period_start), "isPaused": fk.paused,
        "isPinnedParallelism": fk.pinned_parallelism, "isPinnedRate": fk.pinned_rate,
    }
