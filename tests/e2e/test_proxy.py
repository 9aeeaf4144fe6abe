"""Behind a real proxy: nginx in front of gunicorn, QStash delivering through it."""
from __future__ import annotations

import os
import shutil

import httpx
import pytest

from tests.helpers import SALES_CSV
from tests.peers import DevQStash, LiveApp, Nginx, free_port, wait_until

pytestmark = pytest.mark.e2e
NGINX = os.environ.get("DATAVIS_TEST_NGINX") or shutil.which("nginx") or (
    "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (.ci/services.sh installs it)")
def test_behind_nginx(tmp_path):
    qstash = DevQStash(tmp_path, time_scale=0.01).start()
    app_port = free_port()
    nginx = Nginx(NGINX, tmp_path, app_port).start()
    app = LiveApp(tmp_path, {"API_URL": nginx.url, "QSTASH_URL": qstash.url, "PROXY_FIX_HOPS": "1"},
                  port=app_port).start()
    try:
        with httpx.Client(base_url=nginx.url, timeout=30) as http:
            with open(SALES_CSV, "rb") as fh:
                file = http.post("/files", files={"file": ("sales.csv", fh, "text/csv")}).json()
            accepted = http.post("/analyze", json={"prompt": "average profit by category",
                                                   "file_id": file["id"], "chat_id": "proxied"})
            assert accepted.status_code == 202
            assert accepted.json()["status_url"] == f"{nginx.url}/tasks/{accepted.json()['request_id']}"
            assert http.get("/openapi.json").json()["servers"] == [{"url": nginx.url}]

            def answered():
                messages = http.get("/chats/proxied/messages").json()["messages"]
                return [m for m in messages if m["role"] == "assistant"]
            [answer] = wait_until(answered, timeout=30, message="the answer through nginx")
            assert answer["chart_id"] and not answer["error"]
            # QStash signed the public URL; the delivery came through nginx and verified.
            nginx_log = (nginx.dir / "access.log").read_text()
            assert "POST /internal/process-analysis_tasks HTTP/1.1\" 200" in nginx_log
            # ProxyFix trusts one hop: nginx's view of the client, not a spoofed header.
            seen = http.get("/health", headers={"X-Forwarded-For": "203.0.113.66"}).json()["seen_as"]
            assert seen == {"remote_addr": "127.0.0.1", "scheme": "http", "host": f"localhost:{nginx.port}"}
    finally:
        app.stop()
        nginx.stop()
        qstash.close_clients()
        qstash.stop()
