"""Logs, and traces with Logfire when there is somewhere to send them.

Tracing is on when ``LOGFIRE_TOKEN`` or ``LOGFIRE_CONSOLE`` is set (``TRACING=1``/``0`` forces
it): then Logfire is configured once per process, Flask requests and httpx (the QStash SDK's
client) are traced, and the services' spans around publish, verify, analysis and chat
delivery carry the request id, chat id and QStash message id. With tracing off nothing is
instrumented and ``span`` costs nothing: building spans nobody receives was a tenth of the
CPU of an answer.
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

import logfire
from flask import Flask, current_app, has_app_context

from datavis.config import settings_of

EXTENSION_KEY = "datavis.tracing"
_configured = False


class _NoSpan:
    def set_attribute(self, key: str, value: Any) -> None:
        pass


def init_app(app: Flask) -> None:
    global _configured
    settings = settings_of(app)
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app.extensions[EXTENSION_KEY] = settings.tracing
    if not settings.tracing:
        return
    if not _configured:
        logfire.configure(
            send_to_logfire="if-token-present", token=settings.logfire_token,
            service_name="datavis", console=None if settings.logfire_console else False,
            inspect_arguments=False,
        )
        logfire.instrument_httpx()
        _configured = True
    logfire.instrument_flask(app, excluded_urls="/health/live")


@contextlib.contextmanager
def span(name: str, **attributes: Any) -> Iterator[Any]:
    """A Logfire span when the current app traces, else nothing (with ``set_attribute``)."""
    if has_app_context() and current_app.extensions.get(EXTENSION_KEY):
        with logfire.span(name, **attributes) as opened:
            yield opened
    else:
        yield _NoSpan()
