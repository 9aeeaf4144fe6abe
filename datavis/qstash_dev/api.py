"""The QStash REST API (v2) over aiohttp, as the official SDKs call it (reference §8.1)."""
from __future__ import annotations

import hmac
import json
import logging
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, unquote

from aiohttp import web

from . import options as opts
from .engine import ApiError, Engine

log = logging.getLogger("datavis.qstash_dev")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ENGINE = web.AppKey("engine", Engine)


def _engine(request: web.Request) -> Engine:
    return request.app[ENGINE]


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers)


@web.middleware
async def errors_and_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    """One error shape, ``{"error": ...}``, and the bearer token (or ``?qstash_token=``)."""
    if request.path.startswith("/v2/"):
        expected = _engine(request).config.token
        header = request.headers.get("Authorization", "")
        given = header[7:].strip() if header[:7].lower() == "bearer " else request.query.get("qstash_token", "")
        if not given or not hmac.compare_digest(given.encode(), expected.encode()):
            return _error(401, "unauthorized: a valid bearer token or qstash_token is required")
    try:
        return await handler(request)
    except ApiError as exc:
        return _error(exc.status, exc.message, exc.headers)
    except opts.OptionError as exc:
        return _error(400, str(exc))
    except web.HTTPRequestEntityTooLarge:
        return _error(413, "message body is larger than the size limit")
    except web.HTTPException as exc:
        if exc.status >= 400:
            return _error(exc.status, exc.reason or "error")
        raise


async def _json(request: web.Request, default: Any = None) -> Any:
    raw = await request.read()
    if not raw.strip():
        return default
    try:
        return json.loads(raw)
    except ValueError:
        raise ApiError(400, "request body is not valid JSON") from None


def _destination(request: web.Request, prefix_parts: int) -> tuple[str, dict[str, str]]:
    """The destination as published (path + query string, reference §1.4) and the config
    query parameters (``upstash-*``), which are not part of it."""
    path, _, query = request.raw_path.partition("?")
    dest = path.split("/", prefix_parts)[prefix_parts]
    if dest.lower().startswith(("http%3a", "https%3a")):
        dest = unquote(dest)
    kept, config = [], {}
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
        raise ApiError(400, "destination is missing")
    return dest, config


def _caller(request: web.Request) -> str:
    return request.remote or "127.0.0.1"


# ---------------------------------------------------------------------- messages
async def publish(request: web.Request) -> web.Response:
    dest, config = _destination(request, 3)  # /v2/publish/<dest>
    raw = opts.collect(request.headers.items(), config)
    status, body = _engine(request).publish(dest, raw, await request.read(), caller_ip=_caller(request))
    return web.json_response(body, status=status)


async def enqueue(request: web.Request) -> web.Response:
    queue = request.match_info["queue"]
    dest, config = _destination(request, 4)  # /v2/enqueue/<queue>/<dest>
    raw = opts.collect(request.headers.items(), config)
    status, body = _engine(request).publish(dest, raw, await request.read(), queue=queue,
                                            caller_ip=_caller(request))
    return web.json_response(body, status=status)


async def batch(request: web.Request) -> web.Response:
    items = await _json(request)
    if not isinstance(items, list) or not items:
        raise ApiError(400, "batch body must be a non-empty JSON array")
    engine, prepared = _engine(request), []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("destination"), str):
            raise ApiError(400, f"batch item {index} needs a destination")
        headers = item.get("headers") or {}
        body = item.get("body")
        if not isinstance(headers, dict) or not isinstance(body, (str, type(None))):
            raise ApiError(400, f"batch item {index}: headers must be an object, body a string")
        raw = opts.collect((str(k), str(v)) for k, v in headers.items())
        queue = item.get("queue")
        try:
            engine.validate(item["destination"], raw, queue)
        except (ApiError, opts.OptionError) as exc:
            raise ApiError(getattr(exc, "status", 400), f"batch item {index}: {exc}") from None
        prepared.append((item["destination"], raw, (body or "").encode(), queue))
    # Every item was checked first, so a bad item leaves nothing half-published.
    results = [engine.publish(d, r, b, queue=q, caller_ip=_caller(request))[1]
               for d, r, b, q in prepared]
    return web.json_response(results)


async def get_message(request: web.Request) -> web.Response:
    return web.json_response(_engine(request).get_message(request.match_info["id"]))


async def cancel_message(request: web.Request) -> web.Response:
    if not _engine(request).cancel(request.match_info["id"]):
        raise ApiError(404, f"message {request.match_info['id']} not found or already done")
    return web.json_response({"cancelled": 1})


async def cancel_messages(request: web.Request) -> web.Response:
    body = await _json(request, {})
    ids = body.get("messageIds") if isinstance(body, dict) else None
    ids = ids if ids is not None else (request.query.getall("messageIds", []) or None)
    if ids is not None and not (isinstance(ids, list) and all(isinstance(i, str) for i in ids)):
        raise ApiError(400, "messageIds must be a list of message ids")
    return web.json_response({"cancelled": _engine(request).cancel_many(ids)})


# ---------------------------------------------------------------------- URL groups
def _endpoints(body: Any) -> list[dict[str, str]]:
    endpoints = body.get("endpoints") if isinstance(body, dict) else None
    if not isinstance(endpoints, list):
        raise ApiError(400, 'body must be {"endpoints": [{"url": ..., "name": ...}]}')
    return endpoints


async def upsert_endpoints(request: web.Request) -> web.Response:
    _engine(request).upsert_endpoints(request.match_info["name"], _endpoints(await _json(request)))
    return web.Response(status=200)


async def remove_endpoints(request: web.Request) -> web.Response:
    _engine(request).remove_endpoints(request.match_info["name"], _endpoints(await _json(request)))
    return web.Response(status=200)


async def list_groups(request: web.Request) -> web.Response:
    return web.json_response([g.api() for g in _engine(request).groups.values()])


async def get_group(request: web.Request) -> web.Response:
    return web.json_response(_engine(request).get_group(request.match_info["name"]).api())


async def delete_group(request: web.Request) -> web.Response:
    _engine(request).delete_group(request.match_info["name"])  # idempotent, as in QStash
    return web.Response(status=200)


# ---------------------------------------------------------------------- queues
async def upsert_queue(request: web.Request) -> web.Response:
    body = await _json(request)
    if not isinstance(body, dict) or not isinstance(body.get("queueName"), str):
        raise ApiError(400, 'body must be {"queueName": ..., "parallelism": ..., "paused": ...}')
    parallelism, paused = body.get("parallelism"), body.get("paused")
    if parallelism is not None and (isinstance(parallelism, bool) or not isinstance(parallelism, int)):
        raise ApiError(400, "parallelism must be an integer")
    if paused is not None and not isinstance(paused, bool):
        raise ApiError(400, "paused must be true or false")
    _engine(request).upsert_queue(body["queueName"], parallelism, paused)
    return web.Response(status=200)


async def list_queues(request: web.Request) -> web.Response:
    return web.json_response([q.api() for q in _engine(request).queues.values()])


async def get_queue(request: web.Request) -> web.Response:
    return web.json_response(_engine(request).get_queue(request.match_info["name"]).api())


async def delete_queue(request: web.Request) -> web.Response:
    _engine(request).delete_queue(request.match_info["name"])
    return web.Response(status=200)


async def pause_queue(request: web.Request) -> web.Response:
    _engine(request).pause_queue(request.match_info["name"], True)
    return web.Response(status=200)


async def resume_queue(request: web.Request) -> web.Response:
    _engine(request).pause_queue(request.match_info["name"], False)
    return web.Response(status=200)


# ---------------------------------------------------------------------- DLQ
async def list_dlq(request: web.Request) -> web.Response:
    query = {k: request.query.getall(k) for k in request.query}
    return web.json_response(_engine(request).list_dlq(query))


async def get_dlq(request: web.Request) -> web.Response:
    engine = _engine(request)
    return web.json_response(engine.dlq_api(engine.get_dlq(request.match_info["id"])))


async def delete_dlq(request: web.Request) -> web.Response:
    engine, dlq_id = _engine(request), request.match_info["id"]
    engine.get_dlq(dlq_id)
    engine.delete_dlq([dlq_id])
    return web.Response(status=200)


async def delete_dlq_many(request: web.Request) -> web.Response:
    body = await _json(request, {})
    ids = body.get("dlqIds") if isinstance(body, dict) else None
    ids = ids if ids is not None else request.query.getall("dlqIds", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ApiError(400, "dlqIds must be a list of DLQ ids")
    return web.json_response({"deleted": _engine(request).delete_dlq(ids)})


def _override_headers(request: web.Request) -> dict[str, str]:
    return {k: v for k, v in request.headers.items() if k.lower().startswith("upstash-")}


async def retry_dlq(request: web.Request) -> web.Response:
    result = _engine(request).retry_dlq(request.match_info["id"], _override_headers(request))
    return web.json_response(result, status=201)


async def retry_dlq_many(request: web.Request) -> web.Response:
    body = await _json(request, {})
    ids = request.query.getall("dlqIds", []) or (body.get("dlqIds", []) if isinstance(body, dict) else [])
    engine, overrides = _engine(request), _override_headers(request)
    for dlq_id in ids:
        engine.get_dlq(dlq_id)  # all exist, or nothing is retried
    responses = [engine.retry_dlq(dlq_id, overrides) for dlq_id in ids]
    return web.json_response({"responses": responses}, status=201)


# ---------------------------------------------------------------------- logs, keys
async def list_events(request: web.Request) -> web.Response:
    query = {k: request.query.getall(k) for k in request.query}
    return web.json_response(_engine(request).list_events(query))


async def get_keys(request: web.Request) -> web.Response:
    return web.json_response(dict(_engine(request).keys))


async def rotate_keys(request: web.Request) -> web.Response:
    return web.json_response(_engine(request).rotate_keys())


# ---------------------------------------------------------------------- schedules
async def create_schedule(request: web.Request) -> web.Response:
    dest, config = _destination(request, 3)  # /v2/schedules/<dest>
    raw = opts.collect(request.headers.items(), config)
    engine = _engine(request)
    schedule_id = engine.create_schedule(dest, raw, await request.read(), _caller(request))
    return web.json_response({"scheduleId": schedule_id})


async def list_schedules(request: web.Request) -> web.Response:
    engine = _engine(request)
    return web.json_response([s.api(engine.config.default_retries)
                              for s in engine.schedules.values()])


async def get_schedule(request: web.Request) -> web.Response:
    engine = _engine(request)
    schedule = engine.get_schedule(request.match_info["id"])
    return web.json_response(schedule.api(engine.config.default_retries))


async def delete_schedule(request: web.Request) -> web.Response:
    _engine(request).delete_schedule(request.match_info["id"])
    return web.Response(status=200)


async def pause_schedule(request: web.Request) -> web.Response:
    _engine(request).pause_schedule(request.match_info["id"], True)
    return web.Response(status=200)


async def resume_schedule(request: web.Request) -> web.Response:
    _engine(request).pause_schedule(request.match_info["id"], False)
    return web.Response(status=200)


# ---------------------------------------------------------------------- flow control
async def list_flows(request: web.Request) -> web.Response:
    engine = _engine(request)
    return web.json_response([engine.flow_info(k) for k in engine.flows])


async def get_flow(request: web.Request) -> web.Response:
    return web.json_response(_engine(request).flow_info(request.match_info["key"]))


def _flow_action(**changes: Any) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        _engine(request).update_flow(request.match_info["key"], **changes)
        return web.Response(status=200)
    return handler


def _positive(request: web.Request, name: str) -> int | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, f"{name} must be a positive integer")
    return int(raw)


async def pin_flow(request: web.Request) -> web.Response:
    changes: dict[str, Any] = {}
    parallelism, rate = _positive(request, "parallelism"), _positive(request, "rate")
    if parallelism is not None:
        changes.update(parallelism=parallelism, pinned_parallelism=True)
    if rate is not None:
        changes.update(rate=rate, pinned_rate=True)
    if "period" in request.query:
        try:
            changes["period"] = float(request.query["period"])
        except ValueError:
            changes["period"] = opts.duration("period", request.query["period"])
    _engine(request).update_flow(request.match_info["key"], **changes)
    return web.Response(status=200)


async def unpin_flow(request: web.Request) -> web.Response:
    changes: dict[str, Any] = {}
    if request.query.get("parallelism", "").lower() == "true":
        changes["pinned_parallelism"] = False
    if request.query.get("rate", "").lower() == "true":
        changes["pinned_rate"] = False
    _engine(request).update_flow(request.match_info["key"], **changes)
    return web.Response(status=200)


async def reset_rate(request: web.Request) -> web.Response:
    _engine(request).update_flow(request.match_info["key"], rate_count=0, period_start=0.0)
    return web.Response(status=200)


async def global_parallelism(request: web.Request) -> web.Response:
    engine = _engine(request)
    return web.json_response({"parallelismMax": engine.config.concurrency,
                              "parallelismCount": engine.active})


async def index(request: web.Request) -> web.Response:
    return web.json_response({"name": "datavis.qstash_dev",
                              "about": "local QStash-compatible server; API under /v2"})


def make_app(engine: Engine) -> web.Application:
    app = web.Application(middlewares=[errors_and_auth], client_max_size=engine.config.max_body)
    app[ENGINE] = engine
    r = app.router
    r.add_get("/", index)
    r.add_post("/v2/publish/{dest:.+}", publish)
    r.add_post("/v2/enqueue/{queue}/{dest:.+}", enqueue)
    r.add_post("/v2/batch", batch)
    r.add_get("/v2/messages/{id}", get_message)
    r.add_delete("/v2/messages/{id}", cancel_message)
    r.add_delete("/v2/messages", cancel_messages)
    r.add_get("/v2/topics", list_groups)
    r.add_get("/v2/topics/{name}", get_group)
    r.add_delete("/v2/topics/{name}", delete_group)
    r.add_post("/v2/topics/{name}/endpoints", upsert_endpoints)
    r.add_delete("/v2/topics/{name}/endpoints", remove_endpoints)
    r.add_post("/v2/queues", upsert_queue)
    r.add_get("/v2/queues", list_queues)
    r.add_get("/v2/queues/{name}", get_queue)
    r.add_delete("/v2/queues/{name}", delete_queue)
    r.add_post("/v2/queues/{name}/pause", pause_queue)
    r.add_post("/v2/queues/{name}/resume", resume_queue)
    r.add_get("/v2/dlq", list_dlq)
    r.add_delete("/v2/dlq", delete_dlq_many)
    r.add_post("/v2/dlq/retry", retry_dlq_many)
    r.add_post("/v2/dlq/retry/{id}", retry_dlq)
    r.add_get("/v2/dlq/{id}", get_dlq)
    r.add_delete("/v2/dlq/{id}", delete_dlq)
    r.add_get("/v2/events", list_events)
    r.add_get("/v2/logs", list_events)
    r.add_get("/v2/keys", get_keys)
    r.add_post("/v2/keys/rotate", rotate_keys)
    for method in ("PATCH", "POST"):
        r.add_route(method, "/v2/schedules/{id}/pause", pause_schedule)
        r.add_route(method, "/v2/schedules/{id}/resume", resume_schedule)
    r.add_post("/v2/schedules/{dest:.+}", create_schedule)
    r.add_get("/v2/schedules", list_schedules)
    r.add_get("/v2/schedules/{id}", get_schedule)
    r.add_delete("/v2/schedules/{id}", delete_schedule)
    r.add_get("/v2/flowControl", list_flows)
    r.add_get("/v2/flowControl/{key}", get_flow)
    r.add_post("/v2/flowControl/{key}/pause", _flow_action(paused=True))
    r.add_post("/v2/flowControl/{key}/resume", _flow_action(paused=False))
    r.add_post("/v2/flowControl/{key}/pin", pin_flow)
    r.add_post("/v2/flowControl/{key}/unpin", unpin_flow)
    r.add_post("/v2/flowControl/{key}/resetRate", reset_rate)
    r.add_get("/v2/globalParallelism", global_parallelism)
    return app
