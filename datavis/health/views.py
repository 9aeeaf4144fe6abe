"""``/health/live`` for process managers and probes (always open), ``/health`` for
operators and load balancers (behind the API key when API_KEYS is set)."""
from flask import Blueprint, jsonify, request

from datavis.services import health

bp = Blueprint("health", __name__, url_prefix="/health")


@bp.get("/live")
def live():
    """The process answers: always 200, touches nothing."""
    return jsonify(status="ok")


@bp.get("")
def ready():
    """Ready to serve: database, storage and QStash, 200 or 503 with each component."""
    ok, components = health.readiness()
    # What the app sees of this request after ProxyFix: checks a proxy setup at a glance.
    seen_as = {"remote_addr": request.remote_addr, "scheme": request.scheme, "host": request.host}
    return (jsonify(status="ok" if ok else "unavailable", components=components, seen_as=seen_as),
            200 if ok else 503)
