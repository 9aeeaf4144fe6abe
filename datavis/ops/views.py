"""``/ops``: the operators' page (an HTML shell holding no data, open like the chat page)
and its JSON under ``/ops/api/`` (behind the API key when API_KEYS is set, like the rest
of the API). The page reads the JSON with the key, as the chat page does."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from datavis.services import operations
from datavis.web.views import CSP

bp = Blueprint("ops", __name__, url_prefix="/ops", template_folder="templates")
page_bp = Blueprint("ops_page", __name__, url_prefix="/ops", template_folder="templates",
                    static_folder="static", static_url_path="/static")


@page_bp.get("")
def page():
    """The operators' page: tasks by status, slow and failing tasks, dead letters."""
    return render_template("ops.html")


@page_bp.after_request
def protect(response):
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CSP
    return response


@bp.get("/api/summary")
def summary():
    """Tasks by status over the last hour and day; the slowest and the failing tasks."""
    return jsonify(operations.summary())


@bp.get("/api/dead-letters")
def dead_letters():
    """The queue's dead letters (QStash DLQ or RQ failed jobs), each with its task."""
    return jsonify(operations.dead_letters())


@bp.post("/api/dead-letters/<entry_id>/retry")
def retry(entry_id: str):
    """Deliver a dead letter again; its task's claim keeps it from being answered twice."""
    return jsonify(operations.retry(entry_id)), 202


@bp.delete("/api/dead-letters/<entry_id>")
def discard(entry_id: str):
    """Drop a dead letter."""
    operations.discard(entry_id)
    return "", 204
