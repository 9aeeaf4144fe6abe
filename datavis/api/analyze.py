"""Asking a question (published to QStash, answered later in the chat) and following it."""
from typing import Any
from urllib.parse import quote

from datavis import config
from datavis.api.blueprint import Blueprint
from datavis.api.schemas import AnalyzeAccepted, AnalyzeIn, Error, TaskOut
from datavis.services import submission, task_states

blp = Blueprint("analyze", __name__, description="Questions and their progress")
TASK_PATH = "/tasks/<request_id>"


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


@blp.route(TASK_PATH, methods=["GET"])
@blp.response(200, TaskOut)
@blp.alt_response(404, schema=Error, description="no such task")
def get_task(request_id):
    """A question's progress: queued, processing, retrying, completed, failed, enqueue_failed."""
    return task_states.get_task(request_id)


def with_status_url(accepted: dict[str, Any]) -> dict[str, Any]:
    """An accepted question and where to follow it: the public URL of ``GET /tasks/<id>``,
    built from API_URL and the route's path like the receiver's (not ``url_for``, which adds
    the request's script root and costs more than the rest of the answer's URL work)."""
    path = TASK_PATH.replace("<request_id>", quote(accepted["request_id"], safe=""))
    return {**accepted, "status_url": config.current().public_url(path)}
