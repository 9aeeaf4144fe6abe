"""``make run``: the whole system on one machine, no account and no key.

Starts the local QStash-compatible server (unless ``QSTASH_TOKEN`` points at real QStash),
the app under gunicorn with SQLite and local files, loads the sample dataset, and prints the
chat page's address and how to ask with curl. Ctrl-C stops everything.

With ``QUEUE_BACKEND=rq`` (the Redis rollback path) it also starts Debian's ``redis-server``
(unless ``REDIS_URL`` is set: then that Redis is used) and an RQ worker beside gunicorn.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import httpx
from dotenv import load_dotenv

from datavis.config import ConfigError, Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path(__file__).resolve().parent / "sample_data" / "sales.csv"


def _wait(url: str, procs: list[subprocess.Popen[bytes]], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                raise SystemExit(f"{proc.args!r} exited "
                                 f"with code {proc.returncode}; see the messages above")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout:.0f}s")


def _sample_file(api: str) -> dict:
    for item in httpx.get(f"{api}/files", timeout=10).json()["files"]:
        if item["name"] == SAMPLE.name:
            return item
    with SAMPLE.open("rb") as fh:
        res = httpx.post(f"{api}/files", files={"file": (SAMPLE.name, fh, "text/csv")}, timeout=60)
    res.raise_for_status()
    return res.json()


def _rq(settings: Settings, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    """redis-server (AOF on, files under var/redis) unless REDIS_URL is given, and one worker."""
    procs: list[subprocess.Popen[bytes]] = []
    if not env.get("REDIS_URL"):
        server = shutil.which("redis-server") or "/usr/sbin/redis-server"
        if not Path(server).exists():
            raise SystemExit("QUEUE_BACKEND=rq needs redis-server: apt-get install redis-server "
                             "(or set REDIS_URL to a running Redis)")
        port = int(env.get("REDIS_PORT") or 6379)
        folder = settings.data_dir.parent / "redis"
        folder.mkdir(parents=True, exist_ok=True)
        procs.append(subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1",
                                       "--dir", str(folder), "--appendonly", "yes"], cwd=ROOT))
        env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        _wait_redis(env["REDIS_URL"], procs)
    procs.append(subprocess.Popen([sys.executable, "-m", "flask", "--app", "datavis", "worker"],
                                  cwd=ROOT, env=env))
    return procs


def _wait_redis(url: str, procs: list[subprocess.Popen[bytes]], timeout: float = 20) -> None:
    from redis import Redis
    from redis.exceptions import RedisError

    client = Redis.from_url(url, socket_connect_timeout=1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in procs):
            raise SystemExit("redis-server exited; see the messages above")
        try:
            client.ping()
            return
        except RedisError:
            time.sleep(0.1)
    raise SystemExit(f"Redis at {url} did not answer within {timeout:.0f}s")


def _environment() -> tuple[Settings, dict[str, str]]:
    """The settings (checked once, here) and the environment the children get: local
    defaults for the public URL, the data folder and the bind."""
    load_dotenv(ROOT / ".env", override=False)
    env = dict(os.environ)
    port = Settings.from_env(env).port
    env.setdefault("API_URL", f"http://127.0.0.1:{port}")
    env.setdefault("DATA_DIR", str(ROOT / "var" / "data"))
    env["GUNICORN_BIND"] = env.get("GUNICORN_BIND") or f"127.0.0.1:{port}"
    if not env.get("QSTASH_TOKEN"):
        env.setdefault("QSTASH_URL", f"http://127.0.0.1:{Settings.from_env(env).qstash_dev_port}")
    return Settings.from_env(env), env


def _stopper(procs: list[subprocess.Popen[bytes]]) -> Callable[..., NoReturn]:
    """Stop the children, newest first (gunicorn before the queue it publishes to), then exit."""
    def stop(*_args: object) -> NoReturn:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        raise SystemExit(0)
    return stop


def _start(settings: Settings, env: dict[str, str], procs: list[subprocess.Popen[bytes]]) -> None:
    """The local QStash server (unless real QStash is configured), Redis and a worker (RQ
    backend), then gunicorn; each is waited for before the next starts."""
    if settings.qstash_local:
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "datavis.qstash_dev", "--port", str(settings.qstash_dev_port),
             "--data-file", str(settings.data_dir.parent / "qstash-dev.sqlite3")],
            cwd=ROOT, env=env))
        _wait(f"{settings.qstash_url}/", procs)
    if settings.queue_backend == "rq":
        procs.extend(_rq(settings, env))
    procs.append(subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                   "wsgi:app"], cwd=ROOT, env=env))
    _wait(f"{settings.api_url}/health/live", procs)


def _print_how_to_ask(settings: Settings, env: dict[str, str], sample: dict) -> None:
    api = settings.api_url
    queue_at = env["REDIS_URL"] if settings.queue_backend == "rq" else settings.qstash_url
    ask = json.dumps({"prompt": "total revenue by region", "file_id": sample["id"],
                      "chat_id": "demo"})
    print(f"""
datavis is running. Open the chat page: {api}/
API {api} (docs {api}/docs), queue: {settings.queue_backend} ({queue_at})
Operators: {api}/ops (tasks, failures, dead letters), {api}/metrics (Prometheus)
Sample dataset {sample['name']}: file_id {sample['id']} ({sample['row_count']} rows).

Or ask with curl:
  curl -s -X POST {api}/analyze -H 'Content-Type: application/json' -d '{ask}'
Read the answer (it appears in a second or so):
  curl -s {api}/chats/demo/messages
The chart: {api}/charts/<chart_id> (JSON), {api}/charts/<chart_id>.png
Ctrl-C stops everything.
""", flush=True)


def main() -> None:
    try:
        settings, env = _environment()
    except ConfigError as exc:
        raise SystemExit(f"datavis: {exc}") from None
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    procs: list[subprocess.Popen[bytes]] = []
    stop = _stopper(procs)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    _start(settings, env, procs)
    _print_how_to_ask(settings, env, _sample_file(settings.api_url))
    # Supervise: when any child dies, stop the others rather than run half a system.
    while all(proc.poll() is None for proc in procs):
        time.sleep(0.5)
    stop()


if __name__ == "__main__":
    main()
