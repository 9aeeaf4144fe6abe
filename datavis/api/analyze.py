"""Asking a question (published to QStash, answered later in the chat) and following it."""
from typing import Any

from flask import url_for
from flask_smorest import Blueprint

from datavis import config
from datavis.api.schemas import AnalyzeAccepted, AnalyzeIn, Error, TaskOut
from datavis.services import submission, task_states

blp = Blueprint("analyze", __name__, description="Questions and their progress")


@blp.route("/analyze", methods=["POST"])
@blp.arguments(AnalyzeIn)
@blp.response(202, AnalyzeAccepted)
@blp.alt_response(404, schema=Error, description="no such file")
@blp.alt_response(409, schema=Error, description="request_id reused for another question, or chat about another file")
@blp.alt_response(503, schema=Error, description="QStash unavailable: retry with the same request_id")
def analyze(args):
    """Queue a question about a dataset; the answer arrives in the chat.

    The same ``request_id`` again answers 202 for the same task and never asks twice.
    """
    return with_status_url(submission.submit(args["prompt"], args["file_id"], args["chat_id"],
                                             args["request_id"], args["is_follow_up"], args["last_chart_id"]))


@blp.route("/tasks/<request_id>", methods=["GET"])
@blp.response(200, TaskOut)
@blp.alt_response(404, schema=Error, description="no such task")
def get_task(request_id):
    """A question's progress: queued, processing, retrying, completed, failed, enqueue_failed."""
    return task_states.get_task(request_id)


def with_status_url(accepted: dict[str, Any]) -> dict[str, Any]:
    """An accepted question and where to follow it (public URL of ``GET /tasks/<id>``)."""
    path = url_for("analyze.get_task", request_id=accepted["request_id"])
    return {**accepted, "status_url": config.current().public_url(path)}
