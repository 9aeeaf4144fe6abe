"""Charts: the answer's spec, data, SQL and plan, server-rendered images, and revisions."""
from typing import Literal

from flask import Response

from datavis.api.analyze import with_status_url
from datavis.api.blueprint import Blueprint
from datavis.api.schemas import AnalyzeAccepted, ChartOut, Error, RevisionIn
from datavis.services import chart_images, chart_rows, revisions

blp = Blueprint("charts", __name__, url_prefix="/charts", description="Charts")


@blp.route("/<chart_id>", methods=["GET"])
@blp.response(200, ChartOut)
@blp.alt_response(404, schema=Error, description="no such chart")
def get_chart(chart_id):
    """A chart: Vega-Lite v5 spec with inline data, the rows, the SQL and the plan."""
    return chart_rows.get(chart_id)


def _image(chart_id: str, fmt: Literal["png", "svg"]) -> Response:
    return Response(chart_images.render(chart_id, fmt), mimetype=chart_images.FORMATS[fmt],
                    headers={"Cache-Control": "public, max-age=86400"})


@blp.route("/<chart_id>.png", methods=["GET"])
@blp.doc(responses={"200": {"description": "PNG image",
                            "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}})
@blp.alt_response(404, schema=Error, description="no such chart")
def chart_png(chart_id):
    """The chart rendered as PNG."""
    return _image(chart_id, "png")


@blp.route("/<chart_id>.svg", methods=["GET"])
@blp.doc(responses={"200": {"description": "SVG image",
                            "content": {"image/svg+xml": {"schema": {"type": "string"}}}}})
@blp.alt_response(404, schema=Error, description="no such chart")
def chart_svg(chart_id):
    """The chart rendered as SVG."""
    return _image(chart_id, "svg")


@blp.route("/<chart_id>/revisions", methods=["POST"])
@blp.arguments(RevisionIn)
@blp.response(202, AnalyzeAccepted)
@blp.alt_response(404, schema=Error, description="no such chart")
@blp.alt_response(409, schema=Error, description="request_id reused for another question")
@blp.alt_response(503, schema=Error, description="QStash unavailable: retry with the same request_id")
def revise_chart(args, chart_id):
    """Re-answer a chart with one plan edit (a "How I read it" chip changed).

    Like ``/analyze``: the task and a user message describing the change are recorded, the
    task is published, and exactly one answer arrives in the chart's chat. An edit that
    cannot apply to this chart is answered there with the reason.
    """
    return with_status_url(revisions.submit(chart_id, args["edit"], args["request_id"]))
