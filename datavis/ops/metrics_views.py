"""``GET /metrics``: Prometheus text format, behind the API key when API_KEYS is set."""
from flask import Blueprint, Response

from datavis import metrics

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def scrape() -> Response:
    """Every process's counters and histograms, and the tasks by status."""
    body, content_type = metrics.exposition()
    return Response(body, content_type=content_type, headers={"Cache-Control": "no-store"})
