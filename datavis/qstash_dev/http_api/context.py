"""The engine a request works on (stored on the aiohttp application)."""
from __future__ import annotations

from aiohttp import web

from ..engine import Engine

ENGINE = web.AppKey("engine", Engine)


def engine_of(request: web.Request) -> Engine:
    return request.app[ENGINE]
