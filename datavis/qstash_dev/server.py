"""Running the server: bind, start the engine, print the environment to use, stop cleanly."""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from aiohttp import web

from .api import make_app
from .config import DEV_TOKEN, DevConfig
from .engine import Engine
from .store import open_store


FROM_ENVIRONMENT = "<as set in your environment>"


def banner(config: DevConfig, engine: Engine) -> str:
    """What to set to use it, as Upstash's dev server prints it. Credentials that came from
    the environment are not echoed: they may be real ones."""
    state = (f"SQLite file {config.data_file} (kept across restarts)" if config.data_file
             else "in memory (lost when it stops; use --data-file to keep it)")
    token = FROM_ENVIRONMENT if config.token != DEV_TOKEN else config.token
    current, nxt = engine.keys["current"], engine.keys["next"]
    if config.current_signing_key == current:
        current = FROM_ENVIRONMENT
    if config.next_signing_key == nxt:
        nxt = FROM_ENVIRONMENT
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
        raise SystemExit(f"cannot listen on {config.host}:{config.port}: {exc.strerror}") from exc
    config.port = runner.addresses[0][1]
    print(banner(config, engine), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()
    await engine.stop()
    logging.getLogger("datavis.qstash_dev").info("stopped")


def main(config: DevConfig) -> None:
    logging.basicConfig(level=os.environ.get("QSTASH_DEV_LOG_LEVEL", "INFO").upper(),
                        stream=sys.stderr, format="%(asctime)s qstash-dev %(message)s")
    asyncio.run(serve(config))
