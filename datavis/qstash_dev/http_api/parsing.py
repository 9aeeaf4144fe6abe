"""Reading requests: JSON bodies, the published destination, query strings into queries."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, unquote

from aiohttp import web
from multidict import MultiMapping

from ..dlq import DlqQuery
from ..errors import Invalid
from ..events import IN_PROGRESS, EventQuery

Query = MultiMapping[str]


async def read_json(request: web.Request, default: Any = None) -> Any:
    raw = await request.read()
    if not raw.strip():
        return default
    try:
        return json.loads(raw)
    except ValueError:
        raise Invalid("request body is not valid JSON") from None


def destination(request: web.Request, prefix_parts: int) -> tuple[str, dict[str, str]]:
    """The destination as published (path + query string, reference §1.4) and the config
    query parameters (``upstash-*``), which are not part of it."""
    path, _, query = request.raw_path.partition("?")
    dest = path.split("/", prefix_parts)[prefix_parts]
    if dest.lower().startswith(("http%3a", "https%3a")):
        dest = unquote(dest)
    kept: list[str] = []
    config: dict[str, str] = {}
    for part in query.split("&") if query else []:
        name = unquote(part.partition("=")[0])
        if name == "qstash_token":
            continue
        if name.lower().startswith("upstash-"):
            config.update(parse_qsl(part, keep_blank_values=True))
        else:
            kept.append(part)
    if kept:
        dest += "?" + "&".join(kept)
    if not dest:
        raise Invalid("destination is missing")
    return dest, config


def caller(request: web.Request) -> str:
    return request.remote or "127.0.0.1"


def override_headers(request: web.Request) -> dict[str, str]:
    """The ``Upstash-*`` headers of a DLQ retry, which replace those of the message."""
    return {k: v for k, v in request.headers.items() if k.lower().startswith("upstash-")}


def id_list(value: Any, message: str) -> list[str]:
    """``value`` if it is a list of strings, else :class:`Invalid` with ``message``."""
    if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
        raise Invalid(message)
    return value


def int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        raise Invalid(f"expected an integer, got {value!r}") from None


def positive(query: Query, name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise Invalid(f"{name} must be a positive integer")
    return int(raw)


def event_query(query: Query, limit: int = 1000) -> EventQuery:
    """``GET /v2/events`` (or ``/v2/logs``) parameters: filters, ``cursor``, ``count``."""
    state = query.get("state")
    return EventQuery(
        message_ids=frozenset(query.getall("messageIds", [])) | frozenset(query.getall("messageId", [])),
        states=IN_PROGRESS if state == "IN_PROGRESS" else frozenset({state} if state else ()),
        url=query.get("url"), topic=query.get("topicName"), queue=query.get("queueName"),
        schedule_id=query.get("scheduleId"), label=query.get("label"),
        from_ms=int_or_none(query.get("fromDate")), to_ms=int_or_none(query.get("toDate")),
        cursor=int_or_none(query.get("cursor")),
        count=max(1, min(limit, int_or_none(query.get("count")) or limit)),
    )


def dlq_query(query: Query) -> DlqQuery:
    """``GET /v2/dlq`` parameters: filters (each may repeat), ``cursor``, ``count``."""
    def many(name: str) -> frozenset[str]:
        return frozenset(query.getall(name, []))

    return DlqQuery(
        message_ids=many("messageId"), urls=many("url"), topics=many("topicName"),
        queues=many("queueName"), schedule_ids=many("scheduleId"), labels=many("label"),
        statuses=frozenset(int(s) for s in query.getall("responseStatus", []) if s.isdigit()),
        caller_ips=many("callerIp"),
        from_ms=int_or_none(query.get("fromDate")), to_ms=int_or_none(query.get("toDate")),
        cursor=query.get("cursor"),
        count=max(1, min(100, int_or_none(query.get("count")) or 100)),
    )
