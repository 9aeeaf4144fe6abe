"""Extensions, created unbound here and bound to the app in ``create_app`` with ``init_app``."""
from __future__ import annotations

import logging

import httpx
from flask import Flask, current_app
from flask_smorest import Api
from qstash import QStash

from datavis.config import Settings, settings_of
from datavis.errors import ErrorOut, handle_http_exception

log = logging.getLogger("datavis")


class DatavisApi(Api):
    """flask-smorest's Api with datavis's error shape (documented under DEFAULT_ERROR)."""

    ERROR_SCHEMA = ErrorOut

    def handle_http_exception(self, error):
        return handle_http_exception(error)


def openapi_settings(settings: Settings) -> dict:
    """flask-smorest's settings: the document at /openapi.json, the public address as its
    server, and bearer auth when API keys are on."""
    options: dict = {"servers": [{"url": settings.api_url}],
                     "info": {"description": "Ask questions about CSV datasets; answers "
                                             "(chart + insight) arrive in the chat."}}
    if settings.api_keys:
        options["components"] = {"securitySchemes": {
            "apiKey": {"type": "http", "scheme": "bearer", "description": "an API key"}}}
        options["security"] = [{"apiKey": []}]
    return {"API_TITLE": "datavis", "API_VERSION": "1.0", "OPENAPI_VERSION": "3.0.3",
            # /docs is the app's own page (datavis.api.docs), not flask-smorest's CDN one.
            "OPENAPI_URL_PREFIX": "/", "OPENAPI_JSON_PATH": "openapi.json",
            "API_SPEC_OPTIONS": options}


class QStashClients:
    """The official SDK client the app publishes with (deliveries are verified by
    ``services.signatures``)."""

    KEY = "datavis.qstash"

    def init_app(self, app: Flask) -> None:
        settings = settings_of(app)
        attempts = settings.qstash_publish_attempts
        client = QStash(
            settings.qstash_token, base_url=settings.qstash_url,
            # The SDK retries only connection errors; a short schedule keeps /analyze quick
            # (its default waits ~12 s in all before a 503 could be answered).
            retry={"retries": attempts - 1, "backoff": lambda n: 100 * (n + 1)},
        )
        # The SDK's httpx client waits up to 600 s by default; /analyze must answer quickly.
        # qstash 3.4.0 has no public setting for it: its one httpx client is reached here, and
        # only here.
        client.http._client.timeout = httpx.Timeout(settings.qstash_publish_timeout, connect=3.0)
        app.extensions[self.KEY] = client
        if settings.qstash_local:
            log.warning("*" * 78)
            log.warning("QSTASH_TOKEN is not set: using the LOCAL QStash-compatible server at %s "
                        "with its public dev credentials. Never run production like this.",
                        settings.qstash_url)
            log.warning("*" * 78)

    @property
    def client(self) -> QStash:
        return current_app.extensions[self.KEY]

    def close(self, app: Flask) -> None:
        client = app.extensions.get(self.KEY)
        if client:
            client.http._client.close()


api = DatavisApi()
qstash = QStashClients()
