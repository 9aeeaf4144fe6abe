"""Shapes of what QStash delivers: our task, and QStash's failure-callback body."""
from __future__ import annotations

import base64

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from datavis.api.fields import CLIENT, ID, AsciiInteger, visible_text
from datavis.inputs import parse_json


class TaskMessage(Schema):
    """The body the publisher (``services.publisher``) sends through QStash: the task's keys,
    declared here on their own (unknown keys ignored: newer publishers may add some). Only
    ``request_id`` is used: the task itself is read from the database."""

    class Meta:
        unknown = EXCLUDE

    request_id = fields.String(required=True, validate=CLIENT)
    chat_id = fields.String(required=True, validate=CLIENT)
    file_id = fields.String(required=True, validate=ID)
    prompt = fields.String(required=True, validate=[validate.Length(min=1, max=2000), visible_text])
    is_follow_up = fields.Boolean(load_default=False)
    last_chart_id = fields.String(load_default=None, allow_none=True, validate=ID)


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
