"""Views of publishing and messages: publish, enqueue, batch, get, cancel, and the logs."""
from __future__ import annotations

from typing import Any

from aiohttp import web

from .. import model as m
from .. import options as opts
from ..errors import Invalid, NotFound
from . import parsing, shapes
from .context import engine_of


def _accepted(result: m.Published) -> web.Response:
    return web.json_response(shapes.published(result), status=202 if result.deduplicated else 200)


async def publish(request: web.Request) -> web.Response:
    """``POST /v2/publish/{destination}``: a URL or a URL group."""
    dest, config = parsing.destination(request, 3)
    raw = opts.collect(request.headers.items(), config)
    return _accepted(engine_of(request).publisher.publish(
        dest, raw, await request.read(), caller_ip=parsing.caller(request)))


async def enqueue(request: web.Request) -> web.Response:
    """``POST /v2/enqueue/{queue}/{destination}``."""
    dest, config = parsing.destination(request, 4)
    raw = opts.collect(request.headers.items(), config)
    return _accepted(engine_of(request).publisher.publish(
        dest, raw, await request.read(), queue=request.match_info["queue"],
        caller_ip=parsing.caller(request)))


def _batch_item(index: int, item: Any) -> tuple[str, dict[str, str], bytes, str | None]:
    if not isinstance(item, dict) or not isinstance(item.get("destination"), str):
        raise Invalid(f"batch item {index} needs a destination")
    headers, body, queue = item.get("headers") or {}, item.get("body"), item.get("queue")
    if not isinstance(headers, dict) or not isinstance(body, (str, type(None))):
        raise Invalid(f"batch item {index}: headers must be an object, body a string")
    raw = opts.collect((str(k), str(v)) for k, v in headers.items())
    return item["destination"], raw, (body or "").encode(), queue


async def batch(request: web.Request) -> web.Response:
    """``POST /v2/batch``: every item is checked first, so a bad one publishes nothing."""
    items = await parsing.read_json(request)
    if not isinstance(items, list) or not items:
        raise Invalid("batch body must be a non-empty JSON array")
    publisher = engine_of(request).publisher
    prepared = []
    for index, item in enumerate(items):
        dest, raw, body, queue = _batch_item(index, item)
        try:
            publisher.validate(dest, raw, queue)
        except (Invalid, NotFound) as exc:
            raise type(exc)(f"batch item {index}: {exc}") from None
        prepared.append((dest, raw, body, queue))
    return web.json_response([
        shapes.published(publisher.publish(dest, raw, body, queue=queue,
                                           caller_ip=parsing.caller(request)))
        for dest, raw, body, queue in prepared])


async def get_message(request: web.Request) -> web.Response:
    return web.json_response(shapes.message(engine_of(request).messages.get(request.match_info["id"])))


async def cancel_message(request: web.Request) -> web.Response:
    engine_of(request).messages.cancel(request.match_info["id"])
    return web.json_response({"cancelled": 1})


async def cancel_messages(request: web.Request) -> web.Response:
    """``DELETE /v2/messages``: the ids in the body or query string; none given: all."""
    body = await parsing.read_json(request, {})
    ids = body.get("messageIds") if isinstance(body, dict) else None
    ids = ids if ids is not None else (request.query.getall("messageIds", []) or None)
    if ids is not None:
        ids = parsing.id_list(ids, "messageIds must be a list of message ids")
    return web.json_response({"cancelled": engine_of(request).messages.cancel_many(ids)})


async def list_events(request: web.Request) -> web.Response:
    """``GET /v2/events`` and ``/v2/logs``: newest first, under both keys; no cursor on the
    last page."""
    events, cursor = engine_of(request).log.page(parsing.event_query(request.query))
    out = [shapes.event(e) for e in events]
    result: shapes.Json = {"events": out, "logs": out}
    if cursor is not None:
        result["cursor"] = str(cursor)
    return web.json_response(result)
