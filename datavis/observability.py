"""Logfire: configured once per process, sending only when ``LOGFIRE_TOKEN`` is set.

Flask requests, the SQLAlchemy engine and httpx (the QStash SDK's client) are traced; the
services open spans around publish, verify, analysis and chat delivery carrying the request
id, chat id and QStash message id. Nothing runs in the background without a token.
"""
from __future__ import annotations

import logging

import logfire
from flask import Flask

from datavis.config import settings_of

_configured = False


def init_app(app: Flask) -> None:
    global _configured
    settings = settings_of(app)
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not _configured:
        logfire.configure(
            send_to_logfire="if-token-present", token=settings.logfire_token,
            service_name="datavis", console=None if settings.logfire_console else False,
            inspect_arguments=False,
        )
        logfire.instrument_httpx()
        _configured = True
    logfire.instrument_flask(app, excluded_urls="/health/live")
