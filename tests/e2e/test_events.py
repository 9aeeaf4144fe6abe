"""Live chat events end to end: gunicorn and the local QStash server as real processes.

Open streams hold threads; they must never starve QStash's deliveries of them. And an event
written by a delivery in one process (or instance) reaches a stream open in another."""
from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import sqlalchemy
from sqlalchemy import func, select

from datavis.store.tables import events, messages, tasks
from tests.helpers import SALES_CSV, events_only, sse
from tests.peers import DevQStash, LiveApp, free_port

pytestmark = pytest.mark.e2e
QUESTIONS = ["total revenue by region", "average profit by category", "revenue by month",
             "top 5 products by revenue"]
TERMINAL = ("completed", "failed")


class Follower(threading.Thread):
    """A page following one chat's events: reconnects (after Retry-After when refused) and
    resumes with Last-Event-ID, as the page's script does, until ``expected`` tasks ended."""

    def __init__(self, base: str, chat_id: str, expected: int, deadline: float) -> None:
        super().__init__(daemon=True)
        self.base, self.chat_id, self.expected, self.deadline = base, chat_id, expected, deadline
        self.opened = threading.Event()
        self.received: list[dict] = []
        self.connections = self.refused = 0
        self.error: BaseException | None = None

    def ended(self) -> int:
        return sum(1 for e in self.received if e["event"] == "task" and e["data"]["status"] in TERMINAL)

    def run(self) -> None:
        try:
            self._follow()
        except BaseException as exc:  # reported by the test
            self.error = exc

    def _follow(self) -> None:
        last = 0
        with httpx.Client(timeout=httpx.Timeout(60.0)) as http:
            while self.ended() < self.expected and time.monotonic() < self.deadline:
                try:
                    with http.stream("GET", f"{self.base}/chats/{self.chat_id}/events",
                                     headers={"Last-Event-ID": str(last)}) as res:
                        if res.status_code == 503:
                            self.refused += 1
                            time.sleep(float(res.headers["Retry-After"]))  # the client's pause
                            continue
                        assert res.status_code == 200, res.status_code
                        self.connections += 1
                        for frame in events_only(sse(res.iter_text())):
                            if frame["event"] == "ready":
                                assert frame["id"] == last  # resumes exactly where it left
                                self.opened.set()
                                continue
                            self.received.append(frame)
                            last = frame["id"]
                            if self.ended() >= self.expected:
                                return
                except httpx.TransportError:
                    continue


def submit(base: str, file_id: str, count: int, chats: list[str], prefix: str) -> list[str]:
    """``count`` questions over ``chats``, 16 at a time, each retried (same request id) until
    accepted, as a frontend would."""
    def one(i: int) -> str:
        request_id = f"{prefix}-{i}"
        payload = {"prompt": QUESTIONS[i % len(QUESTIONS)], "file_id": file_id,
                   "chat_id": chats[i % len(chats)], "request_id": request_id}
        with httpx.Client(timeout=60) as http:
            for _ in range(100):
                try:
                    if http.post(f"{base}/analyze", json=payload).status_code == 202:
                        return request_id
                except httpx.TransportError:
                    pass
                time.sleep(0.2)  # the client's retry pause
        raise AssertionError(f"{request_id} was never accepted")
    with ThreadPoolExecutor(16) as pool:
        return list(pool.map(one, range(count)))


def upload(base: str) -> str:
    with open(SALES_CSV, "rb") as fh:
        res = httpx.post(f"{base}/files", files={"file": ("sales.csv", fh, "text/csv")}, timeout=60)
    assert res.status_code == 201, res.text
    return res.json()["id"]


def audit(engine, request_ids: list[str], followers: list[Follower]) -> None:
    """Exactly one answer per request, every task completed, and each stream received
    exactly its chat's events, in order, none missing and none repeated."""
    with engine.connect() as conn:
        statuses = dict(conn.execute(select(tasks.c.request_id, tasks.c.status)).all())
        roles = Counter(conn.execute(select(messages.c.request_id, messages.c.role)).all())
        for follower in followers:
            stored = list(conn.execute(select(events.c.id).where(events.c.chat_id == follower.chat_id)
                                       .order_by(events.c.id)).scalars())
            assert [e["id"] for e in follower.received] == stored, follower.chat_id
    assert {rid: statuses.get(rid) for rid in request_ids} == {rid: "completed" for rid in request_ids}
    for rid in request_ids:
        assert roles[(rid, "user")] == 1 and roles[(rid, "assistant")] == 1, rid
    for follower in followers:
        kinds = [(e["event"], e["data"].get("role") or e["data"].get("status")) for e in follower.received]
        assert kinds.count(("message", "assistant")) == follower.expected
        assert kinds.count(("task", "completed")) == follower.expected


def test_open_streams_never_starve_deliveries(tmp_path, database_url):
    """50 streams stay open (ended every 20 s and resumed, when the run lasts that long) while 200
    analyses are delivered by QStash to the same 2 gunicorn workers × 4 request threads."""
    qstash = DevQStash(tmp_path, time_scale=0.01, env={"QSTASH_DEV_LOG_LEVEL": "WARNING"}).start()
    port = free_port()
    app = LiveApp(tmp_path, {
        "API_URL": f"http://127.0.0.1:{port}", "QSTASH_URL": qstash.url, "DATABASE_URL": database_url,
        "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "4", "EVENTS_MAX_STREAMS": "32",
        "EVENTS_STREAM_SECONDS": "20", "QSTASH_RETRIES": "5", "QSTASH_DELIVERY_TIMEOUT": "60",
        "LOG_LEVEL": "WARNING"}, port=port).start()
    engine = sqlalchemy.create_engine(database_url)
    followers: list[Follower] = []
    try:
        file_id = upload(app.url)
        chats = [f"stream-{n}" for n in range(50)]
        for chat in chats:
            assert httpx.post(f"{app.url}/chats", json={"file_id": file_id, "id": chat}).status_code == 201
        deadline = time.monotonic() + 240
        followers = [Follower(app.url, chat, expected=4, deadline=deadline) for chat in chats]
        for follower in followers:
            follower.start()
        for follower in followers:
            assert follower.opened.wait(timeout=60), f"{follower.chat_id}: no stream"
        request_ids = submit(app.url, file_id, 200, chats, "starve")
        for follower in followers:
            follower.join(timeout=max(1.0, deadline - time.monotonic()))
            assert follower.error is None, f"{follower.chat_id}: {follower.error!r}"
            assert not follower.is_alive(), f"{follower.chat_id}: got {follower.ended()} of 4 answers"
        audit(engine, request_ids, followers)
        # Every delivery QStash made got an answer from the app (no timeout, no refused
        # connection): the streams never held the threads the deliveries needed.
        client = qstash.client()
        logs, cursor = [], None
        while True:
            page = client.log.list(cursor=cursor) if cursor else client.log.list()
            logs += page.logs
            cursor = page.cursor
            if not cursor:
                break
        delivered = [log for log in logs if log.state.value == "DELIVERED"]
        unanswered = [log for log in logs if log.state.value == "ERROR" and not log.response_status]
        assert len(delivered) == 200 and unanswered == []
    finally:
        app.stop()
        qstash.close_clients()
        qstash.stop()
        engine.dispose()


def test_a_stream_on_one_instance_sees_deliveries_to_another(tmp_path, database_url):
    """Instance B takes the question and QStash's delivery; a page follows on instance A."""
    qstash = DevQStash(tmp_path, time_scale=0.01).start()
    ports = [free_port(), free_port()]
    shared = {"QSTASH_URL": qstash.url, "DATABASE_URL": database_url,
              "DATA_DIR": str(tmp_path / "shared-data"), "GUNICORN_WORKERS": "1"}
    apps = []
    try:
        for n, port in enumerate(ports):
            workdir = tmp_path / f"instance-{n}"
            workdir.mkdir()
            apps.append(LiveApp(workdir, {**shared, "API_URL": f"http://127.0.0.1:{port}"}, port=port).start())
        a, b = (app.url for app in apps)
        file_id = upload(b)
        assert httpx.post(f"{b}/chats", json={"file_id": file_id, "id": "across"}).status_code == 201
        follower = Follower(a, "across", expected=2, deadline=time.monotonic() + 60)
        follower.start()
        assert follower.opened.wait(timeout=30)
        request_ids = submit(b, file_id, 2, ["across"], "across")
        follower.join(timeout=60)
        assert follower.error is None and not follower.is_alive()
        engine = sqlalchemy.create_engine(database_url)
        try:
            audit(engine, request_ids, [follower])
            with engine.connect() as conn:
                assert conn.execute(select(func.count()).select_from(events)).scalar_one() == 10
        finally:
            engine.dispose()
    finally:
        for app in apps:
            app.stop()
        qstash.close_clients()
        qstash.stop()
