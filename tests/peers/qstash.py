"""The local QStash server as a process, and a recording receiver of its deliveries."""
from __future__ import annotations

import dataclasses
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from qstash import QStash, Receiver

from tests.peers.process import ROOT, terminate


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


