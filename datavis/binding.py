"""Where the app may listen: no public port while anyone could forge QStash's signature."""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable

import click

from datavis.config import ConfigError, Settings


def is_loopback(address: str) -> bool:
    """Whether a listening address (``host:port``, ``[v6]:port``, ``unix:path``, a bare
    host) reaches only this machine. Host names other than localhost count as public."""
    if address.startswith("unix:"):
        return True
    host = address
    if address.startswith("["):
        host = address[1:].split("]", 1)[0]
    elif address.count(":") == 1:
        host = address.rsplit(":", 1)[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name, empty ("all interfaces"), fd://…: not provably local


def check_bind(settings: Settings, addresses: Iterable[str]) -> None:
    """Refuse to listen beyond loopback while anyone could forge QStash's signature."""
    public = [a for a in addresses if not is_loopback(a)]
    if public and settings.uses_dev_keys and not settings.allow_dev_qstash_on_public_bind:
        raise ConfigError(
            f"refusing to listen on {', '.join(public)}: QStash deliveries are verified with "
            "Upstash's public development signing keys (QSTASH_TOKEN is not set, or the keys are the "
            "dev ones), so anyone who reaches this port could forge a delivery. Listen on 127.0.0.1, "
            "or set QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY from the "
            "Upstash console, or set ALLOW_DEV_QSTASH_ON_PUBLIC_BIND=1 if this network is trusted.")


def default_bind(settings: Settings) -> str:
    """gunicorn's bind when GUNICORN_BIND is unset: loopback only with the dev keys."""
    return settings.gunicorn_bind or \
        f"{'127.0.0.1' if settings.uses_dev_keys else '0.0.0.0'}:{settings.port}"


def flask_run_host() -> str | None:
    """The ``--host`` of ``flask run`` when it is the command creating the app, else None."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or ctx.info_name != "run" or "host" not in ctx.params:
        return None
    return str(ctx.params["host"])
