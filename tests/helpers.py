"""Helpers shared by test modules (imported, never copied): handing QStash's deliveries to
the app, and reading Server-Sent Events."""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator


def forward(client, delivery):
    """Hand a delivery QStash made (captured at API_URL) to the app, byte for byte."""
    return client.post(delivery.path, data=delivery.body, headers={
        k: v for k, v in delivery.headers.items()
        if k.lower().startswith("upstash-") or k.lower() == "content-type"})


def sse(chunks: Iterable[bytes | str]) -> Iterator[dict[str, Any]]:
    """The frames of a text/event-stream body, as they complete: ``{"id", "event", "data"}``
    (data parsed as JSON), ``{"comment": text}`` for keep-alives, ``{"retry": ms}``."""
    buffer = ""
    for chunk in chunks:
        buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
        *blocks, buffer = buffer.split("\n\n")
        for block in blocks:
            frame: dict[str, Any] = {}
            for line in block.split("\n"):
                field, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if field == "":
                    frame["comment"] = value
                elif field == "id":
                    frame["id"] = int(value)
                elif field == "event":
                    frame["event"] = value
                elif field == "data":
                    frame["data"] = json.loads(value)
                elif field == "retry":
                    frame["retry"] = int(value)
            yield frame


def events_only(frames: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Only the frames that are events (not keep-alives or the retry hint)."""
    return (frame for frame in frames if "event" in frame)
