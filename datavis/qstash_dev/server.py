"""Running the server: bind, start the engine, print the environment to use, stop cleanly.
``main`` is the command-line entry point, the one place a bad setting becomes an exit."""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import signal
import sys

from aiohttp import web

from .config import DEV_TOKEN, ConfigError, DevConfig, load
from .engine import Engine
from .http_api import make_app
from .store import open_store

FROM_ENVIRONMENT = "<as set in your environment>"
log = logging.getLogger("datavis.qstash_dev")


class CannotListen(Exception):
    """The port is taken (or not ours to bind)."""


def banner(config: DevConfig, engine: Engine) -> str:
    """What to set to use it, as Upstash's dev server prints it. Credentials that came from
    the environment are not echoed: they may be real ones."""
    state = (f"SQLite file {config.data_file} (kept across restarts)" if config.data_file
             else "in memory (lost when it stops; use --data-file to keep it)")
    token = FROM_ENVIRONMENT if config.token != DEV_TOKEN else config.token
    keys = engine.keys.get()
    current = FROM_ENVIRONMENT if config.current_signing_key == keys.current else keys.current
    nxt = FROM_ENVIRONMENT if config.next_signing_key == keys.next else keys.next
    return "\n".join([
        f"datavis local QStash-compatible server listening on {config.url}",
        f"state: {state}; time scale: {config.time_scale:g}",
        "",
        "Use these environment variables to publish to it and verify its deliveries:",
        "",
        f'QSTASH_URL="{config.url}"',
        f'QSTASH_TOKEN="{token}"',
        f'QSTASH_CURRENT_SIGNING_KEY="{current}"',
        f'QSTASH_NEXT_SIGNING_KEY="{nxt}"',
        "",
    ])


async def serve(config: DevConfig) -> None:
    """Serve until SIGINT or SIGTERM; raises :class:`CannotListen` if the port is taken."""
    engine = Engine(config, open_store(config.data_file))
    await engine.start()
    runner = web.AppRunner(make_app(engine), access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, config.host, config.port, reuse_address=True)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        await engine.stop()
        raise CannotListen(f"cannot listen on {config.host}:{config.port}: {exc.strerror}") from exc
    bound = dataclasses.replace(config, port=runner.addresses[0][1])
    print(banner(bound, engine), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()
    await engine.stop()
    log.info("stopped")


def main(argv: list[str] | None = None) -> None:
    """``python -m datavis.qstash_dev [--port N] [--data-file PATH]``."""
    try:
        config = load(argv)
    except ConfigError as exc:
        raise SystemExit(f"qstash_dev: {exc}") from None
    logging.basicConfig(level=config.log_level, stream=sys.stderr,
                        format="%(asctime)s qstash-dev %(message)s")
    try:
        asyncio.run(serve(config))
    except CannotListen as exc:
        raise SystemExit(f"qstash_dev: {exc}") from None
