"""A local QStash-compatible server: ``python -m datavis.qstash_dev``.

Speaks QStash's v2 REST API (publish, enqueue, batch, messages, URL groups, queues, DLQ,
logs, signing keys, schedules, flow control) and delivers signed requests with QStash's
retries, callbacks and deduplication, so the official SDK and ``qstash.Receiver`` work
against it unchanged. It is the QStash of ``make run`` and of the end-to-end tests.
"""
from .config import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY, DEV_TOKEN, DevConfig

__all__ = ["DEV_CURRENT_SIGNING_KEY", "DEV_NEXT_SIGNING_KEY", "DEV_TOKEN", "DevConfig"]
