"""The Redis rollback backend end to end: the app under gunicorn with QUEUE_BACKEND=rq,
redis-server, and ``flask --app datavis worker`` as real processes; no QStash at all
(QSTASH_URL points at a closed port). Everything is checked through the HTTP API."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from rq import Queue
from rq.registry import FailedJobRegistry, FinishedJobRegistry

from tests.helpers import SALES_CSV, dead_letter_after_task
from tests.peers import REDIS_SERVER, LiveApp, RedisServer, RQWorker, wait_until

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed "
                                                               "(.ci/services.sh installs it)")]


class RQSystem:
    def __init__(self, workdir, database_url: str, env: dict[str, str] | None = None) -> None:
        self.redis = RedisServer(workdir).start()
        self.env = {"QUEUE_BACKEND": "rq", "REDIS_URL": self.redis.url, "DATABASE_URL": database_url,
                    "QSTASH_URL": "http://127.0.0.1:9", "QSTASH_RETRIES": "2",
                    "QSTASH_RETRY_DELAY": "0", "RQ_WORKER_TTL": "16", **(env or {})}
        self.app = LiveApp(workdir, self.env).start()
        self.worker = RQWorker(workdir, self.env).start()
        self.http = httpx.Client(base_url=self.app.url, timeout=30)

    def stop(self) -> None:
        self.http.close()
        self.worker.stop()
        self.app.stop()
        self.redis.stop()

    def upload(self) -> str:
        with open(SALES_CSV, "rb") as fh:
            res = self.http.post("/files", files={"file": ("sales.csv", fh, "text/csv")})
        assert res.status_code == 201, res.text
        return res.json()["id"]

    def ask(self, file_id: str, prompt: str, request_id: str) -> dict:
        res = self.http.post("/analyze", json={"prompt": prompt, "file_id": file_id,
                                               "chat_id": "rq", "request_id": request_id})
        assert res.status_code == 202, res.text
        return res.json()

    def settled(self, request_id: str) -> dict:
        def done():
            task = self.http.get(f"/tasks/{request_id}").json()
            return task if task["status"] in ("completed", "failed") else None
        return wait_until(done, timeout=90, interval=0.05, message=f"task {request_id} to settle")

    def replies(self, request_id: str) -> list[dict]:
        messages = self.http.get("/chats/rq/messages?limit=500").json()["messages"]
        return [m for m in messages if m["request_id"] == request_id and m["role"] != "user"]

    def queue(self) -> Queue:
        return Queue("datavis", connection=self.redis.client())


@pytest.fixture
def rq_system(tmp_path, database_url):
    system = RQSystem(tmp_path, database_url)
    yield system
    system.stop()


def test_question_answered_through_rq(rq_system):
    health = rq_system.http.get("/health")
    assert health.status_code == 200, health.text
    assert health.json()["components"]["redis"] == {"backend": "rq", "check": "redis ping", "status": "ok"}
    file_id = rq_system.upload()
    accepted = rq_system.ask(file_id, "total revenue by region", "rq-1")
    assert accepted["status"] == "queued" and accepted["queue_name"] == "datavis"
    task = rq_system.settled("rq-1")
    assert task["status"] == "completed" and task["attempts"] == 1
    [answer] = rq_system.replies("rq-1")
    assert answer["chart_id"] == task["chart_id"] and answer["error"] is False
    chart = rq_system.http.get(f"/charts/{task['chart_id']}").json()
    assert chart["request_id"] == "rq-1" and chart["data"] and chart["plan"]["x"]["field"]
    # The same request again is the same task: no second job, no second answer.
    assert rq_system.ask(file_id, "total revenue by region", "rq-1")["status"] == "completed"
    assert len(FinishedJobRegistry("datavis", connection=rq_system.redis.client())) == 1
    assert len(rq_system.replies("rq-1")) == 1


def test_unanswerable_is_not_retried(rq_system):
    file_id = rq_system.upload()
    rq_system.ask(file_id, "what is the meaning of life?", "rq-no")
    task = rq_system.settled("rq-no")
    assert task["status"] == "failed" and task["attempts"] == 1
    [reply] = rq_system.replies("rq-no")
    assert reply["error"] is True and "revenue" in reply["content"].lower()
    # The job itself ended well (the question was settled), so RQ has nothing to retry.
    assert len(FailedJobRegistry("datavis", connection=rq_system.redis.client())) == 0


class DownModel:
    """An OpenAI-compatible endpoint that always answers 503: every analysis attempt fails
    with a transient error."""

    def __init__(self) -> None:
        self.calls = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                owner.calls += 1
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(503)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"error": {"message": "overloaded"}}')

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_transient_failure_retried_then_one_apology(tmp_path, database_url):
    model = DownModel()
    system = RQSystem(tmp_path, database_url, env={
        "DATAVIS_MODEL": "openai:gpt-4o-mini", "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": model.url,
        "OPENAI_MAX_RETRIES": "0"})
    try:
        file_id = system.upload()
        system.ask(file_id, "total revenue by region", "rq-down")
        task = system.settled("rq-down")
        # One first attempt and QSTASH_RETRIES=2 retries, each reaching the model, then one apology.
        assert task["status"] == "failed" and task["attempts"] == 3, task
        assert model.calls >= 3
        [apology] = system.replies("rq-down")
        assert apology["error"] is True and apology["content"].startswith("Sorry")
        assert "RQ gave up" in task["error"]
        failed = FailedJobRegistry("datavis", connection=system.redis.client())
        assert len(failed) == 1
        # The operators' page lists it (RQ's failed job registry) and retries it: the job
        # runs again, finds its task settled, and posts nothing.
        [entry] = system.http.get("/ops/api/dead-letters").json()["entries"]
        assert entry["request_id"] == "rq-down" and entry["task"]["status"] == "failed"
        assert dead_letter_after_task(entry)
        assert "RetryLater" in entry["last_response"]
        assert system.http.post(f"/ops/api/dead-letters/{entry['id']}/retry").status_code == 202
        finished = FinishedJobRegistry("datavis", connection=system.redis.client())
        wait_until(lambda: entry["id"] in finished.get_job_ids(), timeout=30,
                   message="the retried job to finish")
        assert len(failed) == 0 and len(system.replies("rq-down")) == 1
        assert system.http.get("/ops/api/dead-letters").json()["entries"] == []
    finally:
        system.stop()
        model.close()
