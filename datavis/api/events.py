"""A chat's live events (Server-Sent Events): its tasks' stages and its new messages."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Response

from datavis.api.blueprint import Blueprint
from datavis.api.schemas import Error, EventsHeaders, EventsQuery
from datavis.services.chat_events import open_stream

blp = Blueprint("events", __name__, url_prefix="/chats", description="Live chat events")

RETRY_MS = 1000
STREAM_DOC = {"200": {
    "description": "text/event-stream. Events: `ready` (data `{chat_id, last_event_id}`), "
                   "`task` (`{request_id, status, attempts, chart_id, error}`), `message` (a "
                   "message as in GET /chats/{chat_id}/messages), `gone` (the chat was deleted). "
                   "Every event has an `id:`; send it back as `Last-Event-ID` to resume. The "
                   "stream ends after EVENTS_STREAM_SECONDS; reconnect to go on.",
    "content": {"text/event-stream": {"schema": {
        "type": "object", "description": "one event",
        "properties": {"id": {"type": "string"}, "retry": {"type": "integer"},
                       "event": {"type": "string", "enum": ["ready", "task", "message", "gone"]},
                       "data": {"type": "string", "description": "JSON"}}}}}}}


def _frames(stream: Iterable[dict[str, Any] | None]) -> Iterator[str]:
    yield f"retry: {RETRY_MS}\n\n"
    for event in stream:
        if event is None:
            yield ": keep-alive\n\n"  # a comment: keeps proxies from closing an idle stream
        else:
            data = json.dumps(event["data"], separators=(",", ":"))
            yield f"id: {event['id']}\nevent: {event['kind']}\ndata: {data}\n\n"


@blp.route("/<chat_id>/events", methods=["GET"])
@blp.arguments(EventsQuery, location="query")
@blp.arguments(EventsHeaders, location="headers")
@blp.doc(responses=STREAM_DOC)
@blp.alt_response(404, schema=Error, description="no such chat")
@blp.alt_response(503, schema=Error, description="this server's stream budget is spent; retry "
                                                 "after Retry-After seconds")
def chat_events(query, headers, chat_id):
    """Stream the chat's events: task stages (queued, processing, retrying, completed,
    failed) and new messages, across workers and instances, resumable with Last-Event-ID."""
    last = headers["last_event_id"] if headers["last_event_id"] is not None else query["last_event_id"]
    stream = open_stream(chat_id, last)
    response = Response(_frames(stream), mimetype="text/event-stream",
                        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
    response.call_on_close(stream.close)
    return response
