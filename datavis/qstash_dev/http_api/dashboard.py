"""The dashboard at ``/`` for people (Upstash's console is not there locally): a static page
that reads the server's own API with the token. Its one addition to that API is
``GET /v2/dashboard/messages``, the messages not yet final (in flight, waiting, scheduled for
a retry), which QStash's API cannot list.

It only reads: one snapshot of the in-memory state per call, at most ``LIMIT`` messages, on the
event loop between deliveries (no lock held, nothing written, no query of the data file), so
watching it costs deliveries nothing measurable.
"""
from __future__ import annotations

import time
from pathlib import Path

from aiohttp import web

from .. import model as m
from .context import engine_of

STATIC = Path(__file__).resolve().parent.parent / "dashboard"
LIMIT = 200
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
ASSETS = {"dashboard.js": "text/javascript", "dashboard.css": "text/css"}


def wants_html(request: web.Request) -> bool:
    return "text/html" in request.headers.get("Accept", "")


async def page(request: web.Request) -> web.Response:
    return web.Response(body=(STATIC / "index.html").read_bytes(), content_type="text/html",
                        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache",
                                 "X-Content-Type-Options": "nosniff"})


async def asset(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in ASSETS:
        raise web.HTTPNotFound()
    return web.Response(body=(STATIC / name).read_bytes(), content_type=ASSETS[name],
                        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})


async def messages(request: web.Request) -> web.Response:
    """Messages not yet delivered, failed or cancelled, the next to be attempted first."""
    engine = engine_of(request)
    now = time.time()
    pending = [msg for msg in list(engine.state.messages.values()) if msg.state not in m.FINAL]
    pending.sort(key=lambda msg: msg.due)
    rows = []
    for msg in pending[:LIMIT]:
        flow = msg.options.flow
        rows.append({"messageId": msg.id, "url": msg.url, "state": msg.state, "kind": msg.kind,
                     "retried": msg.retried, "maxRetries": msg.max_retries,
                     "nextAttemptAt": m.ms(msg.due), "nextAttemptIn": round(max(0.0, msg.due - now), 3),
                     "queueName": msg.queue, "flowControlKey": flow.key if flow else None,
                     "createdAt": m.ms(msg.created_at)})
    return web.json_response({"messages": rows, "total": len(pending), "shown": len(rows)})
