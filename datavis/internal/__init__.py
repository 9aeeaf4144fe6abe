"""Routes only QStash may call: the task receiver and the failure callback."""
from .views import bp

__all__ = ["bp"]
