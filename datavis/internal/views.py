"""The QStash receiver. Every request is verified first (401 and nothing touched when the
signature is missing, invalid or replayed); then the answer says to QStash what to do:
2xx done, 489 + ``Upstash-NonRetryable-Error`` never retry, 409/5xx retry later."""
from __future__ import annotations

import re

from flask import Blueprint, jsonify, request
from marshmallow import Schema, ValidationError

from datavis import config
from datavis.errors import error_response
from datavis.inputs import BadInput, parse_json
from datavis.internal.schemas import FailureCallback, TaskMessage
from datavis.services import deliveries, publisher

PROCESS_PATH = "/internal/process-analysis_tasks"
FAILED_PATH = "/internal/analysis-failed"

bp = Blueprint("internal", __name__)
# The publisher addresses deliveries to these routes (at the public URL, API_URL).
bp.record_once(lambda state: publisher.register_receiver(
    state.app, publisher.ReceiverPaths(process=PROCESS_PATH, failed=FAILED_PATH)))  # type: ignore[arg-type]
NON_RETRYABLE = {"Upstash-NonRetryable-Error": "true"}
# The signature does not cover headers: Upstash-Message-Id is kept only if it looks like one.
MESSAGE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,80}")


def _qstash_message_id() -> str | None:
    value = request.headers.get("Upstash-Message-Id", "")
    return value if MESSAGE_ID.fullmatch(value) else None


# Built once: a schema holds no state between loads, and building one costs more than a load.
TASK, CALLBACK = TaskMessage(), FailureCallback()


def _reader(schema: Schema) -> deliveries.Reader:
    """Reads a verified body with ``schema``; ValidationError (489) when it is malformed."""
    def read(body: bytes) -> dict:
        try:
            data = parse_json(body)
        except BadInput as exc:
            raise ValidationError(exc.problem, exc.field or "_body") from None
        if not isinstance(data, dict):
            raise ValidationError("the body must be a JSON object")
        loaded: dict = schema.load(data)
        return loaded
    return read


READ_TASK, READ_CALLBACK = _reader(TASK), _reader(CALLBACK)


def _signed() -> tuple[str | None, bytes, str]:
    """The request's signature, raw body and the public URL it was signed for."""
    return (request.headers.get("Upstash-Signature"), request.get_data(),
            config.current().public_url(request.path))


@bp.errorhandler(ValidationError)
def _malformed(error: ValidationError):
    # A malformed task will never get better: tell QStash not to retry it.
    return error_response(489, "malformed task", errors={"json": error.normalized_messages()},
                          headers=NON_RETRYABLE)


@bp.post(PROCESS_PATH)
def process_analysis_task():
    """Run one delivered analysis task and post its answer to the chat."""
    request_id, result = deliveries.process_task(*_signed(), _qstash_message_id(), READ_TASK)
    if result.outcome in ("completed", "duplicate"):
        return jsonify(status=result.outcome, request_id=request_id, chart_id=result.chart_id)
    if result.outcome in ("unanswerable", "unknown"):
        return error_response(489, result.detail, headers=NON_RETRYABLE)
    if result.outcome == "busy":
        return error_response(409, result.detail)
    # No Retry-After: QStash's own backoff spaces the retries (it would obey the header).
    return error_response(503, "temporary failure, retry later")


@bp.post(FAILED_PATH)
def analysis_failed():
    """QStash's failure callback: the task ran out of retries; apologise once in the chat."""
    request_id, posted = deliveries.task_failed(*_signed(), READ_CALLBACK)
    return jsonify(status="failed" if posted else "unchanged", request_id=request_id)
