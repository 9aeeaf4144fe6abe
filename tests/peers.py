"""Real peers for the tests: the local QStash server as a process, and a recording receiver.

Everything listens on 127.0.0.1 on a free port. Waiting is always polling with a deadline.
"""
from __future__ import annotations

import dataclasses
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from qstash import QStash, Receiver

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def terminate(proc: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
    """Stop a process with ``sig``; kill it if it has not exited within ``timeout``."""
    if proc and proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_until(predicate: Callable[[], Any], timeout: float = 15.0, interval: float = 0.01,
               message: str = "condition") -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message}")
        time.sleep(interval)


class DevQStash:
    """``python -m datavis.qstash_dev`` in a subprocess, restartable on the same port."""

    def __init__(self, workdir: Path, *, time_scale: float = 0.01,
                 data_file: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.workdir = workdir
        self.time_scale = time_scale
        self.data_file = data_file
        self.extra_env = env or {}
        self.port = 0
        self.proc: subprocess.Popen[str] | None = None
        self.env: dict[str, str] = {}
        self.log_path = workdir / "qstash-dev.log"
        self.stdout: list[str] = []
        self._clients: list[QStash] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> DevQStash:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QSTASH_")}
        env.update({"QSTASH_DEV_TIME_SCALE": str(self.time_scale), "PYTHONUNBUFFERED": "1"})
        env.update(self.extra_env)
        cmd = [sys.executable, "-m", "datavis.qstash_dev", "--port", str(self.port)]
        if self.data_file:
            cmd += ["--data-file", str(self.data_file)]
        with open(self.log_path, "a") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                         stderr=log, text=True)
        lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._pump, args=(self.proc, lines), daemon=True)
        self._reader.start()
        found: dict[str, str] = {}
        deadline = time.monotonic() + 20
        while "QSTASH_NEXT_SIGNING_KEY" not in found:
            if self.proc.poll() is not None:
                raise RuntimeError(f"qstash_dev exited: {self.log_path.read_text()[-2000:]}")
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise RuntimeError("qstash_dev did not start in time") from None
            match = re.match(r'^(QSTASH_\w+)="(.*)"$', line.strip())
            if match:
                name, value = match.groups()
                # Credentials the server got from its environment are not printed back.
                found[name] = self.extra_env[name] if value.startswith("<") else value
            self.stdout.append(line)
        self.env = found
        self.port = int(found["QSTASH_URL"].rsplit(":", 1)[1])
        return self

    @staticmethod
    def _pump(proc: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        terminate(self.proc, sig, timeout=15)
        if self.proc:
            self._reader.join(timeout=5)
            self.proc.stdout.close()
        self.proc = None

    def restart(self, sig: int = signal.SIGTERM) -> DevQStash:
        self.stop(sig)
        return self.start()

    def client(self, token: str | None = None) -> QStash:
        client = QStash(token or self.env["QSTASH_TOKEN"], base_url=self.url, retry=False)
        self._clients.append(client)
        return client

    def close_clients(self) -> None:
        # The SDK has no close(); its httpx client would otherwise leak a socket.
        for client in self._clients:
            client.http._client.close()
        self._clients.clear()

    def receiver(self) -> Receiver:
        return Receiver(self.env["QSTASH_CURRENT_SIGNING_KEY"], self.env["QSTASH_NEXT_SIGNING_KEY"])

    @property
    def auth(self) -> dict[str, str]:
        """The ``Authorization`` header of a raw HTTP call to its API."""
        return {"Authorization": "Bearer " + self.env["QSTASH_TOKEN"]}

    def __enter__(self) -> DevQStash:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close_clients()
        self.stop()


@dataclasses.dataclass
class Delivery:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    verified: bool
    error: str | None
    at: float

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None

    @property
    def retried(self) -> int:
        return int(self.header("Upstash-Retried") or -1)


class Recorder:
    """A receiver on loopback that records every request and verifies its signature.

    Paths choose the answer:
      ``/<status>``  or ``/status/<status>``   that status, body "<status> <reason>"
      ``/flaky/<name>?fail=N[&status=S]``      S (default 500) for the first N calls, then 200
      ``/hold/<name>``                         blocks until ``release(name)``
      ``/nonretryable``                        489 + ``Upstash-NonRetryable-Error: true``
      ``?sleep=<ms>``                          waits before answering (any path)
      ``?retry_after=<value>``                 adds ``Retry-After`` to a failing answer
      anything else                            200 "ok"
    """

    def __init__(self, receiver: Receiver | None = None) -> None:
        self.receiver = receiver
        self.deliveries: list[Delivery] = []
        self._lock = threading.Condition()
        self._calls: dict[str, int] = {}
        self._holds: dict[str, threading.Event] = {}
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                recorder._handle(self)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def close(self) -> None:
        for event in self._holds.values():
            event.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def release(self, name: str) -> None:
        self._holds.setdefault(name, threading.Event()).set()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        headers = dict(handler.headers.items())
        verified, error = True, None
        if self.receiver is not None:
            try:
                self.receiver.verify(signature=headers.get("Upstash-Signature", ""),
                                     body=body.decode(), url=self.url + handler.path)
            except Exception as exc:  # any failure is recorded and asserted on by tests
                verified, error = False, f"{type(exc).__name__}: {exc}"
        split = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        parts = [p for p in split.path.split("/") if p]
        with self._lock:
            self._calls[split.path] = self._calls.get(split.path, 0) + 1
            call = self._calls[split.path]
            self.deliveries.append(Delivery(handler.command, handler.path, headers, body,
                                            verified, error, time.time()))
            self._lock.notify_all()
        if "sleep" in query:
            time.sleep(int(query["sleep"]) / 1000)
        status, extra = 200, {}
        if parts and parts[0] == "hold":
            self._holds.setdefault(parts[1], threading.Event()).wait(timeout=60)
        elif parts and parts[0] == "flaky" and call <= int(query.get("fail", "1")):
            status = int(query.get("status", "500"))
        elif parts and parts[0] == "nonretryable":
            status, extra = 489, {"Upstash-NonRetryable-Error": "true"}
        elif parts and parts[-1].isdigit() and parts[0] in ("status", parts[-1]):
            status = int(parts[-1])
        if status >= 300 and "retry_after" in query:
            extra["Retry-After"] = query["retry_after"]
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Custom"
        payload = b"ok" if status == 200 else f"{status} {reason}".encode()
        try:
            handler.send_response(status, reason)
            for key, value in extra.items():
                handler.send_header(key, value)
            handler.send_header("Content-Type", "text/plain")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the caller gave up (timeout): nothing to answer

    def calls(self, path_prefix: str = "/") -> list[Delivery]:
        with self._lock:
            return [d for d in self.deliveries if d.path.startswith(path_prefix)]

    def wait_for(self, path_prefix: str, count: int = 1, timeout: float = 15.0) -> list[Delivery]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [d for d in self.deliveries if d.path.startswith(path_prefix)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} deliveries to {path_prefix}, "
                                         f"got {len(found)}")
                self._lock.wait(left)


class LiveApp:
    """The app on a free port of 127.0.0.1 under gunicorn (``gunicorn -c gunicorn.conf.py
    wsgi:app``), or under ``flask run`` (``server="flask"``). ``args`` are added to the
    command line; an ``env`` value of None removes that variable (``GUNICORN_BIND``: the
    configuration's default bind)."""

    def __init__(self, workdir: Path, env: dict[str, str | None], port: int | None = None,
                 server: str = "gunicorn", args: tuple[str, ...] = ()) -> None:
        self.workdir = workdir
        self.port = port or free_port()
        self.extra_env = env
        self.server = server
        self.args = args
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = workdir / f"{server}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def _command(self) -> list[str]:
        if self.server == "flask":
            return [sys.executable, "-m", "flask", "--app", "datavis", "run", "--port", str(self.port),
                    *self.args]
        return [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", *self.args, "wsgi:app"]

    def launch(self) -> subprocess.Popen[bytes]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("QSTASH_", "DATABASE_URL", "DATA_DIR", "API_", "DATAVIS_", "GUNICORN_",
                                    "FLASK_", "PROXY_FIX", "ALLOW_DEV_", "FORWARDED_ALLOW", "PORT"))}
        env.update({"GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2",
                    "GUNICORN_THREADS": "4", "GUNICORN_ACCESS_LOG": "",
                    "DATA_DIR": str(self.workdir / "data"),
                    "DATABASE_URL": f"sqlite:///{self.workdir / 'datavis.sqlite3'}",
                    "PYTHONUNBUFFERED": "1"})
        env.update({k: v for k, v in self.extra_env.items() if v is not None})
        for name in [k for k, v in self.extra_env.items() if v is None]:
            env.pop(name, None)
        with open(self.log_path, "ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(self._command(), cwd=ROOT, env=env, stdout=log,
                                         stderr=subprocess.STDOUT)
        return self.proc

    def start(self) -> LiveApp:
        self.launch()
        import httpx

        def up() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.server} exited: {self.log[-3000:]}")
            try:
                return httpx.get(self.url + "/health/live", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False
        wait_until(up, timeout=60, interval=0.1, message=f"{self.server} to answer")
        return self

    def refused_to_start(self, timeout: float = 60) -> tuple[int, str]:
        """Launch it expecting it to exit on its own: (exit code, its output)."""
        proc = self.launch()
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            terminate(proc)
            raise AssertionError(f"{self.server} started instead of refusing: {self.log[-2000:]}") from None
        self.proc = None
        return code, self.log

    def stop(self, sig: int = signal.SIGTERM) -> None:
        terminate(self.proc, sig)
        self.proc = None


class FaultProxy:
    """A forwarding HTTP proxy on loopback that can break chosen requests, and spreads
    requests over several app instances in turn (a load balancer).

    ``fail(path, times, when)``: the next ``times`` requests to ``path`` get a 503 without
    reaching the app (``when="before"``), or reach the app and then lose its answer to a 502
    (``when="after"``, the case that makes QStash deliver again after the work was done).
    """

    def __init__(self, *targets: str) -> None:
        import http.client
        import itertools
        self.targets = itertools.cycle([urlsplit(t) for t in targets])
        self.routed: list[tuple[str, int]] = []  # (path, upstream port)
        self.signatures: list[str] = []          # Upstash-Signature values that went by
        self.faults: dict[str, list[str]] = {}
        self.seen: list[tuple[str, int]] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                when = proxy._take(self.path.split("?")[0])
                if self.headers.get("Upstash-Signature"):
                    with proxy._lock:
                        proxy.signatures.append(self.headers["Upstash-Signature"])
                status, headers, payload = 503, [("Content-Type", "application/json")], b'{"fault":"before"}'
                if when != "before":
                    with proxy._lock:
                        target = next(proxy.targets)
                        proxy.routed.append((self.path, target.port))
                    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
                    try:
                        conn.request(self.command, self.path, body=body, headers={
                            k: v for k, v in self.headers.items() if k.lower() != "connection"})
                        res = conn.getresponse()
                        status, headers, payload = res.status, res.getheaders(), res.read()
                    finally:
                        conn.close()
                    if when == "after":
                        status, headers, payload = 502, [("Content-Type", "application/json")], b'{"fault":"after"}'
                with proxy._lock:
                    proxy.seen.append((self.path, status))
                self.send_response(status)
                for key, value in headers:
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def fail(self, path: str, times: int, when: str = "before") -> None:
        with self._lock:
            self.faults.setdefault(path, []).extend([when] * times)

    def _take(self, path: str) -> str | None:
        with self._lock:
            queue_ = self.faults.get(path)
            if queue_:
                return queue_.pop(0)
        return None

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


NGINX_CONF = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
{user}
events {{ worker_connections 512; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 110m;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $http_host;
            proxy_set_header X-Forwarded-Port $server_port;
            proxy_read_timeout 300s;
        }}
    }}
}}
"""


class Nginx:
    """Debian's nginx as a reverse proxy on a free port, in front of ``upstream_port``."""

    def __init__(self, binary: str, workdir: Path, upstream_port: int) -> None:
        self.binary = binary
        self.dir = workdir / "nginx"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        user = "user root;" if os.geteuid() == 0 else ""
        (self.dir / "nginx.conf").write_text(NGINX_CONF.format(
            dir=self.dir, port=self.port, upstream=upstream_port, user=user))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def start(self) -> Nginx:
        self.proc = subprocess.Popen([self.binary, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def up() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {(self.dir / 'error.log').read_text()[-2000:]}")
            with socket.socket() as sock:
                return sock.connect_ex(("127.0.0.1", self.port)) == 0
        wait_until(up, timeout=20, message="nginx to listen")
        return self

    def stop(self) -> None:
        terminate(self.proc, signal.SIGQUIT, timeout=10)  # SIGQUIT: nginx's graceful stop


REDIS_SERVER = os.environ.get("DATAVIS_TEST_REDIS") or shutil.which("redis-server") or (
    "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None)


class RedisServer:
    """Debian's ``redis-server`` on a free port of 127.0.0.1, its files in ``workdir``,
    append-only file on (so a restart keeps the queue), restartable on the same port."""

    def __init__(self, workdir: Path) -> None:
        self.dir = workdir / "redis"
        self.dir.mkdir(exist_ok=True)
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        assert REDIS_SERVER, "redis-server is not installed (.ci/services.sh installs it)"
        with open(self.dir / "redis.log", "ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dir),
                 "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no"],
                stdout=log, stderr=subprocess.STDOUT)
        wait_until(self.ping, timeout=20, interval=0.02, message="redis-server to answer")
        return self

    def client(self):
        import redis
        return redis.Redis.from_url(self.url, socket_connect_timeout=1)

    def ping(self) -> bool:
        import redis
        if self.proc and self.proc.poll() is not None:
            raise RuntimeError(f"redis-server exited: {(self.dir / 'redis.log').read_text()[-2000:]}")
        client = self.client()
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def stop(self, sig: int = signal.SIGTERM) -> None:
        terminate(self.proc, sig, timeout=15)
        self.proc = None

    def restart(self, sig: int = signal.SIGTERM) -> RedisServer:
        self.stop(sig)
        return self.start()


class RQWorker:
    """``flask --app datavis worker`` (QUEUE_BACKEND=rq) as a process, with the app's env."""

    def __init__(self, workdir: Path, env: dict[str, str], name: str = "worker") -> None:
        self.workdir = workdir
        self.env = env
        self.log_path = workdir / f"rq-{name}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> RQWorker:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("QSTASH_", "DATABASE_URL", "DATA_DIR", "API_", "DATAVIS_",
                                    "FLASK_", "REDIS_", "RQ_", "QUEUE_"))}
        env.update({"DATA_DIR": str(self.workdir / "data"), "PYTHONUNBUFFERED": "1",
                    "QUEUE_BACKEND": "rq", **self.env})
        with open(self.log_path, "ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "datavis", "worker"],
                                         cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        return self

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        terminate(self.proc, sig)
        self.proc = None
