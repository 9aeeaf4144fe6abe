"""End-to-end fixtures: the local QStash server and the app under gunicorn, wired through a
fault-injecting proxy that stands at the app's public address (API_URL)."""
from __future__ import annotations

import dataclasses

import httpx
import pytest

from tests.peers import DevQStash, FaultProxy, LiveApp, free_port


@dataclasses.dataclass
class System:
    qstash: DevQStash
    app: LiveApp
    proxy: FaultProxy
    http: httpx.Client

    @property
    def api(self) -> str:
        return self.proxy.url


@pytest.fixture
def system(tmp_path, database_url):
    qstash = DevQStash(tmp_path, time_scale=0.01).start()
    app_port = free_port()
    proxy = FaultProxy(f"http://127.0.0.1:{app_port}")
    app = LiveApp(tmp_path, {"API_URL": proxy.url, "QSTASH_URL": qstash.url,
                             "DATABASE_URL": database_url,
                             "QSTASH_RETRIES": "2", "QSTASH_DELIVERY_TIMEOUT": "60"},
                  port=app_port).start()
    http = httpx.Client(base_url=proxy.url, timeout=30)
    try:
        yield System(qstash, app, proxy, http)
    finally:
        http.close()
        app.stop()
        proxy.close()
        qstash.close_clients()
        qstash.stop()
