"""Fields and validators the API's schemas (and the receiver's) are built from: whole-value
patterns, ASCII integers, UTC datetimes written with their zone, opaque list cursors."""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import unicodedata

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from datavis.services.ids import CLIENT_ID


class FullMatch(validate.Regexp):
    """A pattern the whole value must match: Python's ``$`` also matches before a final
    newline, so ``Regexp`` alone lets "id\\n" through. (The pattern is what OpenAPI shows.)"""

    def __call__(self, value):
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
ID = FullMatch(ID_PATTERN, error="must be 1-64 letters, digits, '_', '-', '.' or ':'")
CLIENT = FullMatch(CLIENT_ID, error="must be 1-64 letters, digits, '_', '-', '.' or ':', "
                                    "starting with a letter or digit")


class UTCDateTime(fields.DateTime):
    """Naive UTC datetimes from the store, written with their zone (``...Z``)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        text = super()._serialize(value, attr, obj, **kwargs)
        return text.replace("+00:00", "Z") if isinstance(text, str) else text


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


class AsciiInteger(fields.Integer):
    """An integer in ASCII digits: ``int()`` alone also reads "١" (Arabic-Indic) or "1_0"."""

    DIGITS = re.compile(r"-?[0-9]{1,20}")

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and not self.DIGITS.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class Cursor(fields.Field):
    """An opaque position in a list, newest first: (created_at, id) of the last item seen."""

    default_error_messages = {"invalid": "not a cursor given out by this API"}

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        created_at, key = value
        return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{key}".encode()).decode().rstrip("=")

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
            created_at, key = text.split("|")
            position = dt.datetime.fromisoformat(created_at), key
        except (TypeError, ValueError, binascii.Error):
            raise self.make_error("invalid") from None
        if not ID_PATTERN.fullmatch(key) or position[0].tzinfo is not None:
            raise self.make_error("invalid")
        return position


def visible_text(value: str) -> None:
    """Some letter, digit, punctuation or symbol: not only spaces, NULs or zero-width marks."""
    if not any(unicodedata.category(ch)[0] in "LNPS" for ch in value):
        raise ValidationError("must contain words, not only spaces or invisible characters")
