"""The public API's blueprint: flask-smorest's, with a webargs parser that takes the JSON body
as the request guards already parsed and checked it (``guards.check_json_body``) instead of
parsing it a second time, and one instance of each arguments schema."""
from __future__ import annotations

from typing import Any

import flask
import flask_smorest
from webargs.flaskparser import FlaskParser

from datavis.guards import checked_json

_UNCHECKED = object()


class CheckedJsonParser(FlaskParser):
    """webargs' Flask parser reading the guard's parsed body (the parser's own read when none)."""

    def _raw_load_json(self, req: flask.Request) -> Any:
        body = checked_json(default=_UNCHECKED)
        return super()._raw_load_json(req) if body is _UNCHECKED else body


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with that parser, for every public API blueprint."""

    ARGUMENTS_PARSER = CheckedJsonParser()

    def arguments(self, schema: Any, *args: Any, **kwargs: Any) -> Any:
        # Given a class, webargs builds a new schema at every request, deep-copying its
        # fields (as much CPU as the rest of the argument parsing); a schema keeps no state
        # between loads, so one instance serves every request.
        return super().arguments(schema() if isinstance(schema, type) else schema, *args, **kwargs)
