"""Request guards that apply before any view: proxy headers, body size limits, API keys,
well-formed input and CORS; and the security headers every answer carries.

Public routes are everything but ``/health/live`` (always open, for process managers) and
``/internal/*`` (QStash only: they accept nothing but a valid QStash signature, and parse
their body only once it is verified).
"""
from __future__ import annotations

import hmac
from typing import Any

from flask import Flask, Response, g, request
from flask_cors import CORS
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

from datavis.config import Settings, settings_of
from datavis.domain_errors import InvalidField, InvalidInput, NotFound, UnsupportedMediaType
from datavis.errors import error_response
from datavis.inputs import BadInput, parse_json, printable, text_problem
from datavis.services.ids import CLIENT_ID

UPLOAD_PATHS = ("/files",)
INTERNAL_PREFIX = "/internal/"
OPEN_PATHS = ("/health/live",)
INTERNAL_BODY_LIMIT = 1024 * 1024  # QStash callbacks carry base64 response bodies
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")

# Contract 3: every HTML page runs under this policy (no inline script, no eval, no CDN).
HTML_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# An SVG opened on its own is a document that could run script: it gets none of the origin.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
ALWAYS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


# The pages and their assets hold no data; their API calls carry the key.
PAGE_BLUEPRINTS = ("web", "ops_page")


def _is_public(path: str) -> bool:
    return not path.startswith(INTERNAL_PREFIX) and path not in OPEN_PATHS


def _valid_key(given: str, keys: tuple[str, ...]) -> bool:
    # Compare against every key, each in constant time, so timing tells nothing.
    matches = [hmac.compare_digest(given.encode(), key.encode()) for key in keys]
    return any(matches)


def check_parameters() -> None:
    """Path and query values must be storable text: an id with a NUL cannot exist, nor can
    one of another shape than ids have (404, before any body is read); a query value with
    one is refused naming it (422)."""
    for name, value in (request.view_args or {}).items():
        problem = text_problem(value) if isinstance(value, str) else None
        if problem:
            raise NotFound(f"not found: the {name} in the path {problem}")
        if name.endswith("_id") and isinstance(value, str) and not CLIENT_ID.match(value):
            raise NotFound(f"not found: no {name.removesuffix('_id')} has the id {printable(value)!r}")
    for name, value in request.args.items(multi=True):
        problem = text_problem(name) or text_problem(value)
        if problem:
            raise InvalidField(f"invalid input — {printable(name)}: {problem}",
                               errors={"query": {printable(name): [problem]}})


def check_json_body() -> None:
    """A public request's body is JSON (415 otherwise), nested within bounds (400) and its
    strings are valid text (422 naming the field), before any schema parses it."""
    if request.method not in BODY_METHODS or request.path in UPLOAD_PATHS:
        return
    raw = request.get_data(cache=True)  # bounded by the body limit; read once, cached
    if not raw:
        return
    if not request.is_json:
        raise UnsupportedMediaType(f"{request.path} takes a JSON body: send it with "
                                   f"'Content-Type: application/json', not {request.mimetype or 'none'!r}")
    try:
        g.checked_json = parse_json(raw)  # the schemas read it from here: parsed once
    except BadInput as exc:
        if exc.field is None:
            raise InvalidInput(exc.detail, errors={"json": [exc.detail]}) from None
        raise InvalidField(f"invalid input — {exc.detail}",
                           errors={"json": {exc.field: [exc.problem]}}) from None


def checked_json(default: Any) -> Any:
    """The request's JSON body as ``check_json_body`` parsed it, or ``default`` when it did
    not (no body, an upload, an internal route)."""
    return g.get("checked_json", default)


def security_headers(response: Response, private: bool) -> Response:
    for name, value in ALWAYS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", HTML_CSP)
    elif response.mimetype == "image/svg+xml":
        response.headers.setdefault("Content-Security-Policy", SVG_CSP)
    cache = response.headers.get("Cache-Control", "")
    if private and "public" in cache:
        # Behind API keys nothing may sit in a shared cache for anyone to read.
        response.headers["Cache-Control"] = cache.replace("public", "private")
    return response


def _outer_layers(app: Flask, settings: Settings) -> None:
    """Proxy headers and CORS: what wraps the app rather than checks each request."""
    hops = settings.proxy_fix_hops
    if hops:
        # Trust exactly the configured number of proxies for X-Forwarded-* headers.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]  # Flask's documented way
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops)
    if settings.cors_origins:
        CORS(app, resources={r"^/(?!internal/).*": {"origins": settings.cors_origins}},
             allow_headers=["Authorization", "Content-Type"],
             methods=["GET", "POST", "DELETE", "OPTIONS"], max_age=600)


def init_app(app: Flask) -> None:
    settings = settings_of(app)
    _outer_layers(app, settings)
    json_limit = settings.max_json_kb * 1024
    keys = settings.api_keys

    @app.before_request
    def limit_body_size() -> None:
        if request.path in UPLOAD_PATHS:
            return  # MAX_CONTENT_LENGTH (MAX_UPLOAD_MB) applies; the form parser enforces it
        request.max_content_length = (INTERNAL_BODY_LIMIT if request.path.startswith(INTERNAL_PREFIX)
                                      else json_limit)
        if request.url_rule is None:
            return  # no such route: the 404 or 405 needs no body
        # A chunked body has no length to check up front, and reading it whole stops
        # quietly at the limit (Werkzeug): reaching the limit means it was too large.
        if (request.content_length is None and request.headers.get("Transfer-Encoding")
                and len(request.get_data(cache=True)) >= request.max_content_length):
            raise RequestEntityTooLarge()

    @app.before_request
    def require_api_key() -> Response | None:
        if not keys or not _is_public(request.path) or request.method == "OPTIONS" \
                or request.blueprint in PAGE_BLUEPRINTS:
            return None  # CORS preflights carry no credentials by design; nor does loading the page
        header = request.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip() or not _valid_key(given.strip(), keys):
            return error_response(401, "a valid API key is required: send 'Authorization: Bearer <key>'",
                                  headers={"WWW-Authenticate": 'Bearer realm="datavis"'})
        return None

    @app.before_request
    def require_wellformed_input() -> None:
        if request.url_rule is None:
            return  # no such route: the 404 or 405 needs no body
        check_parameters()
        if not request.path.startswith(INTERNAL_PREFIX):
            check_json_body()

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        return security_headers(response, private=bool(keys))
