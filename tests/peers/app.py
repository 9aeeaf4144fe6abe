"""The app served by gunicorn as a process on a free loopback port."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.peers.process import ROOT, free_port, terminate, wait_until


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


