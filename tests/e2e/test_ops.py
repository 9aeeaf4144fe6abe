"""/metrics and the operators' JSON against a known run, on the real system (the app under
gunicorn with two workers — so the counters are added up across processes — and the local
QStash server): N questions accepted, M answered, K unanswerable, one forged delivery.
Then a dead letter retried from /ops: delivered again, and never answered twice."""
from __future__ import annotations

import json

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from datavis.qstash_dev.config import DEV_CURRENT_SIGNING_KEY
from datavis.qstash_dev.signing import sign
from tests.helpers import SALES_CSV, dead_letter_after_task
from tests.peers import DevQStash, LiveApp, free_port, wait_until

pytestmark = pytest.mark.e2e
KEY = "ops-key"
ANSWERABLE = ["total revenue by region", "average profit by category", "revenue by month"]
UNANSWERABLE = ["what is the meaning of life?", "who will win the next election?"]


@pytest.fixture
def live(tmp_path, database_url):
    qstash = DevQStash(tmp_path, time_scale=0.01).start()
    port = free_port()
    app = LiveApp(tmp_path, {"API_URL": f"http://127.0.0.1:{port}", "QSTASH_URL": qstash.url,
                             "DATABASE_URL": database_url, "API_KEYS": KEY,
                             "QSTASH_RETRIES": "1"}, port=port).start()
    http = httpx.Client(base_url=app.url, timeout=30, headers={"Authorization": f"Bearer {KEY}"})
    yield qstash, app, http
    http.close()
    app.stop()
    qstash.close_clients()
    qstash.stop()


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    """Every sample of the exposition, parsed by prometheus_client's own parser."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def _settled(http, request_ids) -> bool:
    return all(http.get(f"/tasks/{rid}").json()["status"] in ("completed", "failed") for rid in request_ids)


def test_metrics_and_dead_letter_retry(live):
    qstash, app, http = live
    assert httpx.get(app.url + "/metrics").status_code == 401  # protected like the API
    with open(SALES_CSV, "rb") as fh:
        file_id = http.post("/files", files={"file": ("sales.csv", fh, "text/csv")}).json()["id"]
    questions = ANSWERABLE + UNANSWERABLE
    for i, prompt in enumerate(questions):
        res = http.post("/analyze", json={"prompt": prompt, "file_id": file_id, "chat_id": "ops",
                                          "request_id": f"ops-{i}"})
        assert res.status_code == 202
    # The same request again is not a new task.
    assert http.post("/analyze", json={"prompt": questions[0], "file_id": file_id, "chat_id": "ops",
                                       "request_id": "ops-0"}).status_code == 202
    rids = [f"ops-{i}" for i in range(len(questions))]
    wait_until(lambda: _settled(http, rids), timeout=60, interval=0.05, message="the answers")
    forged = json.dumps({"request_id": "ops-0"}).encode()
    res = httpx.post(app.url + "/internal/process-analysis_tasks", content=forged, headers={
        "Upstash-Signature": sign(DEV_CURRENT_SIGNING_KEY + "x", app.url + "/internal/x", forged)})
    assert res.status_code == 401

    scrape = http.get("/metrics")
    assert scrape.status_code == 200 and scrape.headers["Content-Type"].startswith("text/plain")
    m = _samples(scrape.text)
    assert m[("datavis_tasks_accepted_total", ())] == 5
    assert m[("datavis_tasks_settled_total", (("outcome", "completed"),))] == 3
    assert m[("datavis_tasks_settled_total", (("outcome", "unanswerable"),))] == 2
    assert m[("datavis_delivery_attempts_total", (("outcome", "completed"),))] == 3
    assert m[("datavis_delivery_attempts_total", (("outcome", "unanswerable"),))] == 2
    assert m[("datavis_signature_rejections_total", ())] == 1
    assert m[("datavis_analysis_seconds_count", ())] == 5
    assert m[("datavis_time_to_answer_seconds_count", ())] == 3
    assert m[("datavis_tasks", (("status", "completed"),))] == 3
    assert m[("datavis_tasks", (("status", "failed"),))] == 2
    assert m[("datavis_tasks", (("status", "queued"),))] == 0
    assert m[("datavis_http_threads_busy", ())] >= 1  # this scrape, at least

    # The operators' JSON: the same figures, and the unanswerable tasks as failing.
    summary = http.get("/ops/api/summary").json()
    assert summary["by_status"]["hour"]["completed"] == 3 and summary["by_status"]["day"]["failed"] == 2
    assert {t["request_id"] for t in summary["failing"]} == {"ops-3", "ops-4"}
    assert [t["request_id"] for t in summary["slowest"]][:3] and len(summary["slowest"]) == 3

    # QStash moved the two unanswerable messages (489) to its DLQ; /ops lists them with their task.
    def dead():
        entries = http.get("/ops/api/dead-letters").json()["entries"]
        return entries if len(entries) == 2 else None
    entries = wait_until(dead, timeout=30, message="two dead letters")
    assert {e["request_id"] for e in entries} == {"ops-3", "ops-4"}
    assert all(e["task"]["status"] == "failed" and e["last_status"] == 489 for e in entries)
    assert all(dead_letter_after_task(e) for e in entries)  # times written as the rest of the API writes them
    # Retry one: QStash delivers it again; the task is settled, so nothing is answered twice.
    entry = entries[0]
    res = http.post(f"/ops/api/dead-letters/{entry['id']}/retry")
    assert res.status_code == 202 and res.json()["message_id"]
    client = qstash.client()
    wait_until(lambda: any(e.message_id == res.json()["message_id"] and e.state.value == "DELIVERED"
                           for e in client.log.list().logs), timeout=30, message="the retried delivery")
    messages = http.get("/chats/ops/messages?limit=500").json()["messages"]
    assert len([x for x in messages if x["request_id"] == entry["request_id"] and x["role"] != "user"]) == 1
    after = _samples(http.get("/metrics").text)
    assert after[("datavis_delivery_attempts_total", (("outcome", "duplicate"),))] == 1
    assert after[("datavis_delivery_duplicates_total", ())] == 1
    # Discard the other; an entry that is gone is a 404.
    other = entries[1]["id"]
    assert http.delete(f"/ops/api/dead-letters/{other}").status_code == 204
    assert http.delete(f"/ops/api/dead-letters/{other}").status_code == 404
    assert http.get("/ops/api/dead-letters").json()["entries"] == []
