"""Redis and an RQ worker as processes, for the RQ rollback path."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from tests.peers.process import ROOT, free_port, terminate, wait_until

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
