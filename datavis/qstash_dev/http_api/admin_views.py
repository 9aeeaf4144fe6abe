"""Views of administration: URL groups, queues, the DLQ, signing keys, schedules, flow control."""
from __future__ import annotations

from typing import Any

from aiohttp import web

from .. import options as opts
from ..errors import Invalid
from . import parsing, shapes
from .context import engine_of

OK = 200


# ---------------------------------------------------------------------- URL groups
def _endpoints(body: Any) -> list[dict[str, str]]:
    endpoints = body.get("endpoints") if isinstance(body, dict) else None
    if not isinstance(endpoints, list):
        raise Invalid('body must be {"endpoints": [{"url": ..., "name": ...}]}')
    return endpoints


async def upsert_endpoints(request: web.Request) -> web.Response:
    engine_of(request).groups.upsert_endpoints(request.match_info["name"],
                                               _endpoints(await parsing.read_json(request)))
    return web.Response(status=OK)


async def remove_endpoints(request: web.Request) -> web.Response:
    engine_of(request).groups.remove_endpoints(request.match_info["name"],
                                               _endpoints(await parsing.read_json(request)))
    return web.Response(status=OK)


async def list_groups(request: web.Request) -> web.Response:
    return web.json_response([shapes.group(g) for g in engine_of(request).groups.all()])


async def get_group(request: web.Request) -> web.Response:
    return web.json_response(shapes.group(engine_of(request).groups.get(request.match_info["name"])))


async def delete_group(request: web.Request) -> web.Response:
    engine_of(request).groups.delete(request.match_info["name"])
    return web.Response(status=OK)


# ---------------------------------------------------------------------- queues
async def upsert_queue(request: web.Request) -> web.Response:
    body = await parsing.read_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("queueName"), str):
        raise Invalid('body must be {"queueName": ..., "parallelism": ..., "paused": ...}')
    parallelism, paused = body.get("parallelism"), body.get("paused")
    if parallelism is not None and (isinstance(parallelism, bool) or not isinstance(parallelism, int)):
        raise Invalid("parallelism must be an integer")
    if paused is not None and not isinstance(paused, bool):
        raise Invalid("paused must be true or false")
    engine_of(request).queues.upsert(body["queueName"], parallelism, paused)
    return web.Response(status=OK)


async def list_queues(request: web.Request) -> web.Response:
    return web.json_response([shapes.queue(q) for q in engine_of(request).queues.all()])


async def get_queue(request: web.Request) -> web.Response:
    return web.json_response(shapes.queue(engine_of(request).queues.get(request.match_info["name"])))


async def delete_queue(request: web.Request) -> web.Response:
    engine_of(request).queues.delete(request.match_info["name"])
    return web.Response(status=OK)


async def pause_queue(request: web.Request) -> web.Response:
    engine_of(request).queues.pause(request.match_info["name"], True)
    return web.Response(status=OK)


async def resume_queue(request: web.Request) -> web.Response:
    engine_of(request).queues.pause(request.match_info["name"], False)
    return web.Response(status=OK)


# ---------------------------------------------------------------------- DLQ
async def list_dlq(request: web.Request) -> web.Response:
    entries, cursor = engine_of(request).dlq.page(parsing.dlq_query(request.query))
    result: shapes.Json = {"messages": [shapes.dlq_entry(e) for e in entries]}
    if cursor is not None:
        result["cursor"] = cursor
    return web.json_response(result)


async def get_dlq(request: web.Request) -> web.Response:
    return web.json_response(shapes.dlq_entry(engine_of(request).dlq.get(request.match_info["id"])))


async def delete_dlq(request: web.Request) -> web.Response:
    engine_of(request).dlq.delete_one(request.match_info["id"])
    return web.Response(status=OK)


async def delete_dlq_many(request: web.Request) -> web.Response:
    body = await parsing.read_json(request, {})
    ids = body.get("dlqIds") if isinstance(body, dict) else None
    ids = ids if ids is not None else request.query.getall("dlqIds", [])
    ids = parsing.id_list(ids, "dlqIds must be a list of DLQ ids")
    return web.json_response({"deleted": engine_of(request).dlq.delete(ids)})


async def retry_dlq(request: web.Request) -> web.Response:
    [message_id] = engine_of(request).dlq.retry([request.match_info["id"]],
                                                parsing.override_headers(request))
    return web.json_response({"messageId": message_id}, status=201)


async def retry_dlq_many(request: web.Request) -> web.Response:
    body = await parsing.read_json(request, {})
    ids = request.query.getall("dlqIds", []) or (body.get("dlqIds", []) if isinstance(body, dict) else [])
    ids = parsing.id_list(ids, "dlqIds must be a list of DLQ ids")
    new_ids = engine_of(request).dlq.retry(ids, parsing.override_headers(request))
    return web.json_response({"responses": [{"messageId": i} for i in new_ids]}, status=201)


# ---------------------------------------------------------------------- signing keys
async def get_keys(request: web.Request) -> web.Response:
    return web.json_response(shapes.keys(engine_of(request).keys.get()))


async def rotate_keys(request: web.Request) -> web.Response:
    return web.json_response(shapes.keys(engine_of(request).keys.rotate()))


# ---------------------------------------------------------------------- schedules
async def create_schedule(request: web.Request) -> web.Response:
    dest, config = parsing.destination(request, 3)  # /v2/schedules/<dest>
    raw = opts.collect(request.headers.items(), config)
    schedule_id = engine_of(request).schedules.create(dest, raw, await request.read(),
                                                      parsing.caller(request))
    return web.json_response({"scheduleId": schedule_id})


async def list_schedules(request: web.Request) -> web.Response:
    engine = engine_of(request)
    return web.json_response([shapes.schedule(s, engine.config.default_retries)
                              for s in engine.schedules.all()])


async def get_schedule(request: web.Request) -> web.Response:
    engine = engine_of(request)
    schedule = engine.schedules.get(request.match_info["id"])
    return web.json_response(shapes.schedule(schedule, engine.config.default_retries))


async def delete_schedule(request: web.Request) -> web.Response:
    engine_of(request).schedules.delete(request.match_info["id"])
    return web.Response(status=OK)


async def pause_schedule(request: web.Request) -> web.Response:
    engine_of(request).schedules.pause(request.match_info["id"], True)
    return web.Response(status=OK)


async def resume_schedule(request: web.Request) -> web.Response:
    engine_of(request).schedules.pause(request.match_info["id"], False)
    return web.Response(status=OK)


# ---------------------------------------------------------------------- flow control
async def list_flows(request: web.Request) -> web.Response:
    return web.json_response([shapes.flow(s) for s in engine_of(request).flows.all()])


async def get_flow(request: web.Request) -> web.Response:
    return web.json_response(shapes.flow(engine_of(request).flows.status(request.match_info["key"])))


async def pause_flow(request: web.Request) -> web.Response:
    engine_of(request).flows.pause(request.match_info["key"], True)
    return web.Response(status=OK)


async def resume_flow(request: web.Request) -> web.Response:
    engine_of(request).flows.pause(request.match_info["key"], False)
    return web.Response(status=OK)


async def pin_flow(request: web.Request) -> web.Response:
    """``?parallelism=&rate=&period=`` (period in seconds, or a duration such as ``1m``)."""
    query, period = request.query, None
    parallelism, rate = parsing.positive(query, "parallelism"), parsing.positive(query, "rate")
    if "period" in query:
        try:
            period = float(query["period"])
        except ValueError:
            period = opts.duration("period", query["period"])
    engine_of(request).flows.pin(request.match_info["key"], parallelism, rate, period)
    return web.Response(status=OK)


async def unpin_flow(request: web.Request) -> web.Response:
    query = request.query
    engine_of(request).flows.unpin(request.match_info["key"],
                                   parallelism=query.get("parallelism", "").lower() == "true",
                                   rate=query.get("rate", "").lower() == "true")
    return web.Response(status=OK)


async def reset_rate(request: web.Request) -> web.Response:
    engine_of(request).flows.reset_rate(request.match_info["key"])
    return web.Response(status=OK)


async def global_parallelism(request: web.Request) -> web.Response:
    engine = engine_of(request)
    return web.json_response({"parallelismMax": engine.config.concurrency,
                              "parallelismCount": engine.scheduler.active})
