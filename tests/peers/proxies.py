"""Between the peers: a fault-injecting TCP proxy, and nginx in front of the app."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.peers.process import free_port, terminate, wait_until


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


