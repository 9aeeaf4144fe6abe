"""The HTTP layer of the local QStash server: QStash's REST API (v2) over aiohttp, as the
official SDKs call it (reference §8.1). It reads requests into plain values, calls the core
(``Engine``'s parts) and turns records into QStash's JSON and domain errors into statuses."""
from .app import make_app

__all__ = ["make_app"]
