"""Marshmallow schemas of the public API. They check shape only; state checks (does the
file exist, is the chat about that file...) belong to the services."""
from __future__ import annotations

import datetime as dt

from marshmallow import RAISE, Schema, fields, validate

from datavis.errors import ErrorOut as Error  # noqa: F401  (the views document it)
from datavis.services.ids import CLIENT_ID

ID = validate.Regexp(r"^[A-Za-z0-9_.:-]{1,64}$", error="must be 1-64 letters, digits, '_', '-', '.' or ':'")
CLIENT = validate.Regexp(CLIENT_ID, error="must be 1-64 letters, digits, '_', '-', '.' or ':', "
                                          "starting with a letter or digit")


class UTCDateTime(fields.DateTime):
    """Naive UTC datetimes from the store, written with their zone (``...Z``)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        text = super()._serialize(value, attr, obj, **kwargs)
        return text.replace("+00:00", "Z") if text else text


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


# ------------------------------------------------------------------- files
class FileUpload(StrictSchema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary",
                                               "description": "the CSV file (UTF-8)"})


class Column(Schema):
    name = fields.String(required=True)
    type = fields.String(required=True, metadata={"description": "integer, number, text, date, datetime or boolean"})
    role = fields.String(metadata={"description": "temporal, measure, dimension or identifier"})


class FileOut(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    row_count = fields.Integer(required=True)
    size_bytes = fields.Integer(required=True)
    columns = fields.List(fields.Nested(Column), required=True)
    created_at = UTCDateTime(required=True)


class FileDetail(FileOut):
    sample_rows = fields.List(fields.Dict(), required=True)


class FileList(Schema):
    files = fields.List(fields.Nested(FileOut), required=True)


# ------------------------------------------------------------------- chats
class ChatIn(StrictSchema):
    file_id = fields.String(required=True, validate=ID)
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))
    id = fields.String(load_default=None, allow_none=True, validate=CLIENT,
                       metadata={"description": "optional id chosen by the frontend"})


class ChatOut(Schema):
    id = fields.String(required=True)
    file_id = fields.String(required=True)
    title = fields.String(allow_none=True)
    created_at = UTCDateTime(required=True)


class MessagesQuery(StrictSchema):
    after = fields.Integer(load_default=None, validate=validate.Range(min=0, max=2**63 - 1),
                           metadata={"description": "only messages with a larger id"})


class MessageOut(Schema):
    id = fields.Integer(required=True)
    role = fields.String(required=True, metadata={"description": "user or assistant"})
    content = fields.String(required=True)
    chart_id = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)
    error = fields.Boolean(required=True)
    created_at = UTCDateTime(required=True)


class MessageList(Schema):
    messages = fields.List(fields.Nested(MessageOut), required=True)


# ------------------------------------------------------------------- analyze and tasks
class AnalyzeIn(StrictSchema):
    prompt = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    file_id = fields.String(required=True, validate=ID)
    chat_id = fields.String(required=True, validate=CLIENT)
    request_id = fields.String(load_default=None, allow_none=True, validate=CLIENT,
                               metadata={"description": "idempotency key; generated when absent"})
    is_follow_up = fields.Boolean(load_default=False)
    last_chart_id = fields.String(load_default=None, allow_none=True, validate=ID)


class AnalyzeAccepted(Schema):
    message = fields.String(required=True)
    task_id = fields.String(required=True)
    request_id = fields.String(required=True)
    message_id = fields.String(allow_none=True, metadata={"description": "QStash message id"})
    queue_name = fields.String(allow_none=True)
    chat_id = fields.String(required=True)
    status = fields.String(required=True)
    status_url = fields.String(required=True)


class TaskOut(Schema):
    request_id = fields.String(required=True)
    chat_id = fields.String(required=True)
    status = fields.String(required=True, metadata={
        "description": "queued, processing, retrying, completed, failed or enqueue_failed"})
    attempts = fields.Integer(required=True)
    message_id = fields.String(allow_none=True)
    chart_id = fields.String(allow_none=True)
    error = fields.String(allow_none=True)
    created_at = UTCDateTime(required=True)
    updated_at = UTCDateTime(required=True)


# ------------------------------------------------------------------- charts
class ChartOut(Schema):
    id = fields.String(required=True)
    chat_id = fields.String(required=True)
    file_id = fields.String(required=True)
    request_id = fields.String(required=True)
    chart_type = fields.String(required=True)
    title = fields.String(required=True)
    spec = fields.Dict(required=True, metadata={"description": "Vega-Lite v5 spec, data inline"})
    data = fields.List(fields.Dict(), required=True)
    sql = fields.String(required=True)
    plan = fields.Dict(required=True, metadata={
        "description": "what was understood, in the dataset's column names: intent, x "
                       "{field, time_unit, bin}, y {field, aggregate}, color, filters, order, "
                       "limit, assumptions"})
    insight = fields.String(required=True)
    created_at = UTCDateTime(required=True)
