"""Health routes: liveness (always 200) and readiness with components."""
from .views import bp

__all__ = ["bp"]
