"""The HTTP application: route table, bearer-token check, and domain errors mapped to HTTP."""
from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

from aiohttp import web

from ..engine import Engine
from ..errors import DailyLimitExceeded, Invalid, NotFound, QStashDevError
from . import admin_views as admin
from . import dashboard
from . import message_views as msgs
from .context import ENGINE, engine_of

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers)


def _domain_error(exc: QStashDevError) -> web.Response:
    if isinstance(exc, DailyLimitExceeded):
        return _error(429, str(exc), {"RateLimit-Limit": str(exc.limit),
                                      "RateLimit-Remaining": str(exc.remaining),
                                      "RateLimit-Reset": str(exc.reset)})
    if isinstance(exc, NotFound):
        return _error(404, str(exc))
    if isinstance(exc, Invalid):
        return _error(400, str(exc))
    return _error(500, str(exc))


def _authorized(request: web.Request) -> bool:
    expected = engine_of(request).config.token
    header = request.headers.get("Authorization", "")
    given = header[7:].strip() if header[:7].lower() == "bearer " else request.query.get("qstash_token", "")
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


@web.middleware
async def errors_and_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    """One error shape, ``{"error": ...}``, and the bearer token (or ``?qstash_token=``)."""
    if request.path.startswith("/v2/") and not _authorized(request):
        return _error(401, "unauthorized: a valid bearer token or qstash_token is required")
    try:
        return await handler(request)
    except QStashDevError as exc:
        return _domain_error(exc)
    except web.HTTPRequestEntityTooLarge:
        return _error(413, "message body is larger than the size limit")
    except web.HTTPException as exc:
        if exc.status >= 400:
            return _error(exc.status, exc.reason or "error")
        raise


async def index(request: web.Request) -> web.Response:
    if dashboard.wants_html(request):  # a browser: the dashboard
        return await dashboard.page(request)
    return web.json_response({"name": "datavis.qstash_dev",
                              "about": "local QStash-compatible server; API under /v2"})


def _routes(r: web.UrlDispatcher) -> None:
    r.add_get("/", index)
    r.add_get("/dashboard/{name}", dashboard.asset)
    r.add_get("/v2/dashboard/messages", dashboard.messages)
    r.add_post("/v2/publish/{dest:.+}", msgs.publish)
    r.add_post("/v2/enqueue/{queue}/{dest:.+}", msgs.enqueue)
    r.add_post("/v2/batch", msgs.batch)
    r.add_get("/v2/messages/{id}", msgs.get_message)
    r.add_delete("/v2/messages/{id}", msgs.cancel_message)
    r.add_delete("/v2/messages", msgs.cancel_messages)
    r.add_get("/v2/events", msgs.list_events)
    r.add_get("/v2/logs", msgs.list_events)
    r.add_get("/v2/topics", admin.list_groups)
    r.add_get("/v2/topics/{name}", admin.get_group)
    r.add_delete("/v2/topics/{name}", admin.delete_group)
    r.add_post("/v2/topics/{name}/endpoints", admin.upsert_endpoints)
    r.add_delete("/v2/topics/{name}/endpoints", admin.remove_endpoints)
    r.add_post("/v2/queues", admin.upsert_queue)
    r.add_get("/v2/queues", admin.list_queues)
    r.add_get("/v2/queues/{name}", admin.get_queue)
    r.add_delete("/v2/queues/{name}", admin.delete_queue)
    r.add_post("/v2/queues/{name}/pause", admin.pause_queue)
    r.add_post("/v2/queues/{name}/resume", admin.resume_queue)
    r.add_get("/v2/dlq", admin.list_dlq)
    r.add_delete("/v2/dlq", admin.delete_dlq_many)
    r.add_post("/v2/dlq/retry", admin.retry_dlq_many)
    r.add_post("/v2/dlq/retry/{id}", admin.retry_dlq)
    r.add_get("/v2/dlq/{id}", admin.get_dlq)
    r.add_delete("/v2/dlq/{id}", admin.delete_dlq)
    r.add_get("/v2/keys", admin.get_keys)
    r.add_post("/v2/keys/rotate", admin.rotate_keys)
    for method in ("PATCH", "POST"):
        r.add_route(method, "/v2/schedules/{id}/pause", admin.pause_schedule)
        r.add_route(method, "/v2/schedules/{id}/resume", admin.resume_schedule)
    r.add_post("/v2/schedules/{dest:.+}", admin.create_schedule)
    r.add_get("/v2/schedules", admin.list_schedules)
    r.add_get("/v2/schedules/{id}", admin.get_schedule)
    r.add_delete("/v2/schedules/{id}", admin.delete_schedule)
    r.add_get("/v2/flowControl", admin.list_flows)
    r.add_get("/v2/flowControl/{key}", admin.get_flow)
    r.add_post("/v2/flowControl/{key}/pause", admin.pause_flow)
    r.add_post("/v2/flowControl/{key}/resume", admin.resume_flow)
    r.add_post("/v2/flowControl/{key}/pin", admin.pin_flow)
    r.add_post("/v2/flowControl/{key}/unpin", admin.unpin_flow)
    r.add_post("/v2/flowControl/{key}/resetRate", admin.reset_rate)
    r.add_get("/v2/globalParallelism", admin.global_parallelism)


def make_app(engine: Engine) -> web.Application:
    app = web.Application(middlewares=[errors_and_auth], client_max_size=engine.config.max_body)
    app[ENGINE] = engine
    _routes(app.router)
    return app
