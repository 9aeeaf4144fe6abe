"""Marshmallow schemas of the public API. They check shape only; state checks (does the
file exist, is the chat about that file...) belong to the services."""
from __future__ import annotations

from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, pre_dump, validate

from datavis.analysis.models import EDIT_AGGREGATES, EDIT_CHART_TYPES, EDIT_TIME_UNITS
from datavis.api.fields import (  # noqa: F401  (re-exported for the schemas' users)
    CLIENT,
    ID,
    AsciiInteger,
    Cursor,
    FullMatch,
    StrictSchema,
    UTCDateTime,
    visible_text,
)
from datavis.errors import ErrorOut as Error  # noqa: F401  (the views document it)

LIMIT: dict[str, Any] = {"load_default": 100, "validate": validate.Range(min=1, max=500),
         "metadata": {"description": "at most this many items (default 100, at most 500)"}}


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


class FilesQuery(StrictSchema):
    limit = AsciiInteger(**LIMIT)
    cursor = Cursor(load_default=None, metadata={
        "type": "string", "description": "next_cursor of the previous page"})


class FileList(Schema):
    files = fields.List(fields.Nested(FileOut), required=True)
    next_cursor = Cursor(required=True, allow_none=True, metadata={
        "type": "string", "nullable": True, "description": "the next page's cursor; null on the last page"})


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
    after = AsciiInteger(load_default=None, validate=validate.Range(min=0, max=2**63 - 1),
                         metadata={"description": "only messages with a larger id"})
    limit = AsciiInteger(**LIMIT)


class Alternative(Schema):
    question = fields.String(required=True, metadata={"description": "ask this to get that reading"})
    plan = fields.Dict(required=True, metadata={"description": "the explained plan of that reading"})


class WithAlternatives(Schema):
    """Answers carry ``alternatives`` (the next readings when the planner was unsure); never null."""

    alternatives = fields.List(fields.Nested(Alternative), required=True)

    @pre_dump
    def _none_is_empty(self, data, **kwargs):
        return {**data, "alternatives": data.get("alternatives") or []}


class MessageOut(WithAlternatives):
    id = fields.Integer(required=True)
    role = fields.String(required=True, metadata={"description": "user or assistant"})
    content = fields.String(required=True)
    chart_id = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)
    error = fields.Boolean(required=True)
    created_at = UTCDateTime(required=True)


class MessageList(Schema):
    messages = fields.List(fields.Nested(MessageOut), required=True)
    next_after = fields.Integer(required=True, allow_none=True, metadata={
        "description": "pass as after= for the next page; null when there is nothing more now"})


class EventsQuery(StrictSchema):
    last_event_id = AsciiInteger(load_default=None, validate=validate.Range(min=0, max=2**63 - 1),
                                   metadata={"description": "resume after this event id (0: the "
                                                            "whole history); default: from now on"})


class EventsHeaders(Schema):
    class Meta:
        unknown = EXCLUDE

    last_event_id = AsciiInteger(data_key="Last-Event-ID", load_default=None,
                                   validate=validate.Range(min=0, max=2**63 - 1),
                                   metadata={"description": "sent by EventSource when it "
                                                            "reconnects; wins over the query"})


# ------------------------------------------------------------------- analyze and tasks
class AnalyzeIn(StrictSchema):
    prompt = fields.String(required=True, validate=[validate.Length(min=1, max=2000), visible_text])
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
class ChartOut(WithAlternatives):
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


# ------------------------------------------------------------------- revisions
COLUMN = validate.Length(min=1, max=300)


class PlanEdit(StrictSchema):
    """Exactly one change to a chart's plan (a "How I read it" chip)."""

    aggregate = fields.String(validate=validate.OneOf(EDIT_AGGREGATES),
                              metadata={"description": "of the first measure"})
    measure = fields.String(validate=COLUMN, metadata={"description": "a column"})
    dimension = fields.String(validate=COLUMN, metadata={"description": "a column"})
    time_unit = fields.String(allow_none=True, validate=validate.OneOf(EDIT_TIME_UNITS))
    color = fields.String(allow_none=True, validate=COLUMN, metadata={"description": "a column, or null"})
    chart_type = fields.String(validate=validate.OneOf(EDIT_CHART_TYPES))
    remove_filter = fields.Integer(strict=True, validate=validate.Range(min=0, max=10_000),
                                   metadata={"description": "index into plan.filters"})
    limit = fields.Integer(strict=True, allow_none=True, validate=validate.Range(min=1, max=100_000))


def _one_change(edit: dict) -> None:
    if len(edit) != 1:
        raise ValidationError(f"an edit changes exactly one thing: one of {', '.join(PlanEdit().fields)}")


class RevisionIn(StrictSchema):
    edit = fields.Nested(PlanEdit, required=True, validate=_one_change)
    request_id = fields.String(load_default=None, allow_none=True, validate=CLIENT,
                               metadata={"description": "idempotency key; generated when absent"})
