"""Operators' routes: ``/metrics`` (Prometheus) and ``/ops`` (the operators' page and its
JSON), each in its own blueprint."""
from .metrics_views import bp as metrics_bp
from .views import bp as ops_bp
from .views import page_bp as ops_page_bp

__all__ = ["metrics_bp", "ops_bp", "ops_page_bp"]
