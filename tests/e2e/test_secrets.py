"""Logs and error answers never echo secrets: the QStash token, the signing keys, API keys
or signatures, whatever goes wrong."""
from __future__ import annotations

import json

import httpx
import pytest

from datavis.qstash_dev.signing import sign
from tests.helpers import SALES_CSV
from tests.peers import DevQStash, FaultProxy, LiveApp, free_port, wait_until

pytestmark = pytest.mark.e2e
TOKEN = "tok-SECRET-3f9a1c7e5b2d"
CURRENT = "sig_CURRENTSECRET8b1e4d2a9c"
NEXT = "sig_NEXTSECRET5e7c3a1f8d0b"
API_KEY = "apikey-SECRET-71d2c9e4a6f8"


def test_no_secret_in_logs_or_answers(tmp_path, database_url):
    secrets = {"QSTASH_TOKEN": TOKEN, "QSTASH_CURRENT_SIGNING_KEY": CURRENT,
               "QSTASH_NEXT_SIGNING_KEY": NEXT}
    qstash = DevQStash(tmp_path, time_scale=0.01, env=dict(secrets)).start()
    port = free_port()
    proxy = FaultProxy(f"http://127.0.0.1:{port}")
    app = LiveApp(tmp_path, {**secrets, "API_URL": proxy.url, "QSTASH_URL": qstash.url,
                             "API_KEYS": API_KEY, "QSTASH_PUBLISH_ATTEMPTS": "1",
                             "DATABASE_URL": database_url, "LOG_LEVEL": "DEBUG"}, port=port).start()
    answers: list[str] = []
    auth = {"Authorization": f"Bearer {API_KEY}"}
    try:
        with httpx.Client(base_url=proxy.url, timeout=30) as http:
            def call(method, path, **kwargs):
                res = http.request(method, path, **kwargs)
                answers.append(res.text)
                return res
            with open(SALES_CSV, "rb") as fh:
                file = call("POST", "/files", headers=auth,
                            files={"file": ("sales.csv", fh, "text/csv")}).json()
            ask = {"prompt": "total revenue by region", "file_id": file["id"], "chat_id": "s"}
            assert call("POST", "/analyze", headers=auth, json={**ask, "request_id": "ok"}).status_code == 202
            wait_until(lambda: len(call("GET", "/chats/s/messages", headers=auth).json()["messages"]) == 2,
                       message="the answer")
            # Wrong API keys, forged and replayed deliveries, QStash down: all logged, none leaky.
            for header in ({"Authorization": f"Bearer {API_KEY}x"}, {"Authorization": API_KEY}):
                assert call("GET", "/files", headers=header).status_code == 401
            assert proxy.signatures  # QStash's real delivery went by: replay it below
            body = json.dumps({**ask, "request_id": "ok"}).encode()
            forged = sign(CURRENT + "x", proxy.url + "/internal/process-analysis_tasks", body)
            for signature in [forged, *proxy.signatures]:
                res = call("POST", "/internal/process-analysis_tasks", content=body,
                           headers={"Upstash-Signature": signature, "Content-Type": "application/json"})
                assert res.status_code == 401
            qstash.stop()
            assert call("POST", "/analyze", headers=auth, json={**ask, "request_id": "down"}).status_code == 503
            assert call("GET", "/health", headers=auth).status_code == 503
    finally:
        app.stop()
        proxy.close()
        qstash.close_clients()
        qstash.stop()
    logs = app.log_path.read_text() + qstash.log_path.read_text() + "".join(qstash.stdout)
    assert "publishing task down failed" in logs  # the failures were logged...
    leaks = [s for s in (TOKEN, CURRENT, NEXT, API_KEY, *proxy.signatures)
             if s in logs or any(s in a for a in answers)]
    assert not leaks  # ...without a secret
