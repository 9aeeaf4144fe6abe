"""Shapes of what QStash delivers: our task, and QStash's failure-callback body."""
from __future__ import annotations

import base64

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validates_schema

from datavis.api.schemas import CLIENT, AnalyzeIn, AsciiInteger
from datavis.inputs import parse_json


class TaskMessage(AnalyzeIn):
    """The body ``/analyze`` publishes: its own input, with the request id always set
    (unknown keys ignored: newer publishers may add some)."""

    class Meta:
        unknown = EXCLUDE

    request_id = fields.String(required=True, validate=CLIENT)


class FailureCallback(Schema):
    """QStash's failure callback: the failed message's body comes back base64-encoded."""

    class Meta:
        unknown = EXCLUDE

    sourceMessageId = fields.String(required=True)
    sourceBody = fields.String(required=True)
    status = AsciiInteger(load_default=None, allow_none=True)
    retried = AsciiInteger(load_default=None, allow_none=True)
    dlqId = fields.String(load_default=None, allow_none=True)

    @validates_schema
    def _source_is_a_task(self, data, **kwargs):
        try:
            source = parse_json(base64.b64decode(data["sourceBody"], validate=True))
        except ValueError:  # binascii.Error and inputs.BadInput are ValueErrors
            raise ValidationError("sourceBody is not base64 JSON", "sourceBody") from None
        data["task"] = TaskMessage().load(source)
