"""``/docs``: Swagger UI for the OpenAPI document, served entirely by the app.

The UI's files come from the pinned ``swagger-ui-py`` package (Swagger UI 5, Apache-2.0,
its LICENSE served next to them), so the page works offline and loads nothing from a CDN.
It runs under the HTML pages' CSP (no inline script): the page starts the UI from
``docs.js``, and the UI is told not to call the public validator.
"""
from __future__ import annotations

from pathlib import Path

import swagger_ui
from flask import Blueprint, abort, render_template, send_from_directory, url_for

SWAGGER_UI = Path(swagger_ui.__file__).parent / "static"
HERE = Path(__file__).parent
# Only what the page uses is served, not the whole package folder.
ASSETS = {"swagger-ui-bundle.js": SWAGGER_UI, "swagger-ui.css": SWAGGER_UI, "LICENSE": SWAGGER_UI,
          "docs.js": HERE}

bp = Blueprint("docs", __name__, template_folder=".")


@bp.get("/docs")
def docs():
    """The interactive documentation of the public API."""
    return render_template("docs.html", spec_url=url_for("api-docs.openapi_json"))


@bp.get("/docs/assets/<name>")
def asset(name: str):
    """A file of the documentation page."""
    if name not in ASSETS:
        abort(404)
    return send_from_directory(ASSETS[name], name, max_age=3600,
                               mimetype="text/plain" if name == "LICENSE" else None)
