"""Two app instances behind one address, sharing one database and one DATA_DIR: each
serves the other's datasets, chats and tasks (PostgreSQL in CI, SQLite as well)."""
from __future__ import annotations

import httpx
import pytest

from tests.helpers import SALES_CSV
from tests.peers import DevQStash, FaultProxy, LiveApp, free_port, wait_until

pytestmark = pytest.mark.e2e


def test_two_instances_share_datasets_and_tasks(tmp_path, database_url):
    qstash = DevQStash(tmp_path, time_scale=0.01).start()
    ports = [free_port(), free_port()]
    balancer = FaultProxy(*(f"http://127.0.0.1:{p}" for p in ports))
    shared = {"API_URL": balancer.url, "QSTASH_URL": qstash.url, "DATABASE_URL": database_url,
              "DATA_DIR": str(tmp_path / "shared-data"), "GUNICORN_WORKERS": "1"}
    apps = []
    try:
        for n, port in enumerate(ports):
            workdir = tmp_path / f"instance-{n}"
            workdir.mkdir()
            apps.append(LiveApp(workdir, shared, port=port).start())
        a, b = (httpx.Client(base_url=app.url, timeout=30) for app in apps)
        with a, b:
            with open(SALES_CSV, "rb") as fh:
                file = a.post("/files", files={"file": ("sales.csv", fh, "text/csv")}).json()
            assert b.get(f"/files/{file['id']}").json()["row_count"] == 2400
            for i, client in enumerate((a, b, a, b)):
                res = client.post("/analyze", json={"prompt": "total revenue by region",
                                                    "file_id": file["id"], "chat_id": "shared",
                                                    "request_id": f"scale-{i}"})
                assert res.status_code == 202

            def answers():
                messages = a.get("/chats/shared/messages").json()["messages"]
                return len([m for m in messages if m["role"] == "assistant"]) == 4 and messages
            messages = wait_until(answers, timeout=60, message="4 answers")
            chart_ids = [m["chart_id"] for m in messages if m["chart_id"]]
            assert len(set(chart_ids)) == 4
            for chart_id in chart_ids:  # rendered by either instance from the shared storage
                assert b.get(f"/charts/{chart_id}.png").status_code == 200
                assert a.get(f"/charts/{chart_id}").json()["chart_type"]
        # QStash's deliveries reached both instances through the balancer.
        delivered_to = {port for path, port in balancer.routed if path.startswith("/internal/")}
        assert delivered_to == set(ports)
    finally:
        for app in apps:
            app.stop()
        balancer.close()
        qstash.close_clients()
        qstash.stop()
