"""A local QStash-compatible server: ``python -m datavis.qstash_dev``.

Speaks QStash's v2 REST API (publish, enqueue, batch, messages, URL groups, queues, DLQ,
logs, signing keys, schedules, flow control) and delivers signed requests with QStash's
retries, callbacks and deduplication, so the official SDK and ``qstash.Receiver`` work
against it unchanged. It is the QStash of ``make run`` and of the end-to-end tests.

Layout: ``engine`` composes the core (``state``, ``scheduler``, ``delivery``, ``outcomes``,
``publishing``, ``dedup``, ``dlq``, ``schedules``, ``events``, ``messages``, ``admin``), which
raises the domain errors of ``errors``; ``http_api`` is the HTTP layer; ``config`` the settings;
``credentials`` the public development credentials.
"""
from datavis.dev_credentials import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY, DEV_TOKEN

__all__ = ["DEV_CURRENT_SIGNING_KEY", "DEV_NEXT_SIGNING_KEY", "DEV_TOKEN"]
