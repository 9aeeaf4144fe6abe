"""One JSON error shape for every error, and the HTTP status of each domain error
(``datavis.domain_errors``: what services and the store raise).

Every error answer is ``{"code": 404, "status": "Not Found", "message": "...", "errors": {...}}``
(``errors`` only for field-level validation problems; ``request_id`` when a question could
not be queued, so the client can retry it), documented as ``Error`` in the OpenAPI document.
"""
from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, has_request_context, jsonify, request
from flask_smorest.error_handler import ErrorSchema
from marshmallow import fields
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from datavis.domain_errors import (
    Conflict,
    DomainError,
    InvalidField,
    InvalidInput,
    NotFound,
    QueueUnavailable,
    RenderFailed,
    ServiceBusy,
    Unauthorized,
    UnsupportedMediaType,
)

log = logging.getLogger("datavis")


class ErrorOut(ErrorSchema):
    """The one error shape, as the OpenAPI document describes it."""

    request_id = fields.String(metadata={"description": "the request to retry, when a question "
                                                        "could not be queued"})


# Each domain error's HTTP status: the one place where services' refusals become HTTP.
STATUS: dict[type[DomainError], int] = {
    InvalidInput: 400, Unauthorized: 401, NotFound: 404, Conflict: 409, UnsupportedMediaType: 415,
    InvalidField: 422, RenderFailed: 500, ServiceBusy: 503, QueueUnavailable: 503,
}


def status_of(error: DomainError) -> int:
    return next((code for cls, code in STATUS.items() if isinstance(error, cls)), 400)


def error_response(status: int, detail: str, errors: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None, request_id: str | None = None):
    try:
        name = HTTPStatus(status).phrase
    except ValueError:
        name = "Error"
    # "message" is the public field name; in the code, error text is a "detail".
    payload: dict[str, Any] = {"code": status, "status": name, "message": detail}
    if errors:
        payload["errors"] = errors
    if request_id:
        payload["request_id"] = request_id
    response = jsonify(payload)
    response.status_code = status
    response.headers.update(headers or {})
    return response


def _describe_validation(problems_by_location: dict[str, Any]) -> str:
    """'prompt: Missing data for required field.' from webargs' nested problems."""
    parts = []
    for location, problems_by_field in problems_by_location.items():
        if isinstance(problems_by_field, dict):
            for field, problems in problems_by_field.items():
                text = problems if isinstance(problems, str) else "; ".join(map(str, problems)) \
                    if isinstance(problems, list) else str(problems)
                parts.append(f"{field}: {text}")
        else:
            parts.append(f"{location}: {problems_by_field}")
    return "invalid input — " + ", ".join(parts) if parts else "invalid input"


def _too_large() -> str:
    limit = request.max_content_length if has_request_context() else None
    if not limit:
        return "the request body is too large"
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    return f"the request body is too large: the limit for {request.path} is {size}"


def handle_http_exception(error: HTTPException):
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    detail = data.get("message")  # flask-smorest's abort(message=...)
    if detail is None and isinstance(error, RequestEntityTooLarge):
        detail = _too_large()
    if detail is None:
        detail = _describe_validation(errors) if errors else (error.description or error.name)
    return error_response(error.code or 500, detail, errors, data.get("headers"))


def handle_domain_error(error: DomainError):
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return error_response(status_of(error), error.detail, error.errors, headers, error.request_id)


def handle_database_unavailable(error: OperationalError):
    # Locked, down or timed out: the same request a moment later will likely succeed.
    log.warning("database unavailable: %s", type(error.orig).__name__)
    # QStash obeys Retry-After instead of its backoff, which would burn its retries in
    # seconds: only the public API's clients get the hint.
    internal = has_request_context() and request.path.startswith("/internal/")
    return error_response(503, "the database is busy or unavailable; retry in a moment",
                          headers=None if internal else {"Retry-After": "1"})


def handle_unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    log.exception("unhandled error")
    return error_response(500, InternalServerError.description)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(OperationalError, handle_database_unavailable)
    app.register_error_handler(Exception, handle_unexpected)
