"""Request guards that apply before any view: proxy headers, body size limits, API keys
and CORS.

Public routes are everything but ``/health/live`` (always open, for process managers) and
``/internal/*`` (QStash only: they accept nothing but a valid QStash signature).
"""
from __future__ import annotations

import hmac

from flask import Flask, request
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix

from datavis.errors import Unauthorized

UPLOAD_PATHS = ("/files",)
INTERNAL_PREFIX = "/internal/"
OPEN_PATHS = ("/health/live",)
INTERNAL_BODY_LIMIT = 1024 * 1024  # QStash callbacks carry base64 response bodies


PAGE_BLUEPRINT = "web"  # the chat page and its assets hold no data; its API calls carry the key


def _is_public(path: str) -> bool:
    return not path.startswith(INTERNAL_PREFIX) and path not in OPEN_PATHS


def _valid_key(given: str, keys: list[str]) -> bool:
    # Compare against every key, each in constant time, so timing tells nothing.
    matches = [hmac.compare_digest(given.encode(), key.encode()) for key in keys]
    return any(matches)


def init_app(app: Flask) -> None:
    hops = app.config["PROXY_FIX_HOPS"]
    if hops:
        # Trust exactly the configured number of proxies for X-Forwarded-* headers.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops,
                                x_port=hops, x_prefix=hops)
    if app.config["CORS_ORIGINS"]:
        CORS(app, resources={r"^/(?!internal/).*": {"origins": app.config["CORS_ORIGINS"]}},
             allow_headers=["Authorization", "Content-Type"],
             methods=["GET", "POST", "DELETE", "OPTIONS"], max_age=600)
    json_limit = app.config["MAX_JSON_KB"] * 1024
    keys = app.config["API_KEYS"]

    @app.before_request
    def limit_body_size() -> None:
        if request.path in UPLOAD_PATHS:
            return  # MAX_CONTENT_LENGTH (MAX_UPLOAD_MB) applies
        request.max_content_length = (INTERNAL_BODY_LIMIT if request.path.startswith(INTERNAL_PREFIX)
                                      else json_limit)

    @app.before_request
    def require_api_key() -> None:
        if not keys or not _is_public(request.path) or request.method == "OPTIONS" \
                or request.blueprint == PAGE_BLUEPRINT:
            return  # CORS preflights carry no credentials by design; nor does loading the page
        header = request.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip() or not _valid_key(given.strip(), keys):
            raise Unauthorized("a valid API key is required: send 'Authorization: Bearer <key>'",
                               headers={"WWW-Authenticate": 'Bearer realm="datavis"'})
