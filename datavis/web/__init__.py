"""The chat page for people: upload, ask, watch the answer arrive, correct it, download it.

Served at ``/`` (and ``/c/<chat id>``, a chat's shareable address) with its assets; it is a
client of the public API like any frontend."""
from .views import bp

__all__ = ["bp"]
