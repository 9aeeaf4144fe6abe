"""Load and faults: every accepted request ends with exactly one answer — none lost, none
doubled — under concurrency, a killed worker, an app restart, a QStash restart, duplicate
deliveries and a locked database. Counts come from DATAVIS_LOAD_REQUESTS and
DATAVIS_LOAD_CONCURRENCY (defaults 500 and 32; the fault runs use a fifth as many)."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import sqlalchemy

from datavis.qstash_dev.config import DEV_CURRENT_SIGNING_KEY
from datavis.qstash_dev.signing import sign
from tests.e2e.load import BACKENDS, LOAD_REQUESTS, Stack, audit, fire, settle
from tests.peers import wait_until

pytestmark = pytest.mark.e2e
FAULT_REQUESTS = max(20, LOAD_REQUESTS // 5)


@pytest.fixture(params=BACKENDS)
def stack(request, tmp_path, database_url):
    stack = Stack(tmp_path, database_url, backend=request.param).start()
    yield stack
    stack.stop()


@pytest.fixture
def held(tmp_path, database_url):
    """A stack publishing to a paused QStash queue: tasks are delivered only once the test
    resumes it, so the test decides what happens first."""
    stack = Stack(tmp_path, database_url, env={"QSTASH_QUEUE": "held"}).start()
    stack.qstash.client().queue.upsert("held", parallelism=3, paused=True)
    yield stack
    stack.stop()


def test_concurrent_load(stack):
    run = fire(stack, stack.upload())
    settle(stack, run)
    figures = audit(stack, run)
    assert figures["requests"] == LOAD_REQUESTS


# RQ finds a killed worker's job abandoned 60 s after its last heartbeat (a job caught between
# dequeue and start: 60 s after it is first seen), then retries it: more than the default 300 s
# may pass on two shared cores.
@pytest.mark.timeout(600)
def test_worker_killed_mid_analysis(stack):
    killed = []
    run = fire(stack, stack.upload(), FAULT_REQUESTS, prefix="kill",
               during=lambda: killed.append(stack.kill_a_worker()))
    settle(stack, run, timeout=540)
    audit(stack, run)
    if stack.backend == "qstash":
        assert killed and killed[0] not in stack.worker_pids()  # gunicorn replaced it
    else:
        # RQ finds the killed worker's job abandoned a minute later and retries it. The task
        # may be answered already (the kill can land after the answer was stored, before RQ
        # marked the job done): the retry must then change nothing.
        assert killed
        wait_until(lambda: "AbandonedJobError" in "".join(w.log for w in stack.rq), timeout=240,
                   interval=0.5, message="RQ to find the killed worker's job abandoned")
        wait_until(stack.rq_idle, timeout=240, interval=0.5, message="RQ to run the retried job")
        audit(stack, run)


def test_app_stopped_and_restarted(stack):
    def restart() -> None:
        stack.app.stop()
        time.sleep(1)  # the app stays down for a while: QStash's deliveries fail meanwhile
        stack.app.start()
    run = fire(stack, stack.upload(), FAULT_REQUESTS, prefix="restart", during=restart)
    settle(stack, run)
    audit(stack, run)


def test_queue_restarted_with_its_data_file(stack):
    """QStash restarted with its SQLite file, or redis-server restarted with AOF on."""
    run = fire(stack, stack.upload(), FAULT_REQUESTS, prefix="qrestart",
               during=stack.restart_queue)
    settle(stack, run)
    audit(stack, run)


def _delivery(stack, file_id: str, request_id: str) -> bytes:
    res = httpx.post(stack.url + "/analyze", json={
        "prompt": "total revenue by region", "file_id": file_id, "chat_id": "dup",
        "request_id": request_id})
    assert res.status_code == 202
    return json.dumps({"request_id": request_id, "chat_id": "dup", "file_id": file_id,
                       "prompt": "total revenue by region", "is_follow_up": False,
                       "last_chart_id": None}).encode()


def _deliver(stack, body: bytes) -> int:
    url = stack.url + "/internal/process-analysis_tasks"
    signature = sign(DEV_CURRENT_SIGNING_KEY, url, body)  # as QStash signs a new attempt
    return httpx.post(url, content=body, timeout=60, headers={
        "Upstash-Signature": signature, "Content-Type": "application/json"}).status_code


def test_same_message_delivered_twice_at_once_and_again_later(held):
    file_id = held.upload()
    body = _delivery(held, file_id, "dup-1")
    with ThreadPoolExecutor(2) as pool:
        statuses = sorted(pool.map(lambda _: _deliver(held, body), range(2)))
    # One delivery answers; the other finds it done (200) or in progress (409: QStash retries).
    assert statuses[0] == 200 and statuses[1] in (200, 409)
    assert _deliver(held, body) == 200  # after completion: a no-op
    client = held.qstash.client()
    client.queue.resume("held")  # QStash's own delivery arrives last
    wait_until(lambda: any(e.state.value == "DELIVERED" for e in client.log.list().logs),
               message="QStash's delivery")
    with held.engine.connect() as conn:
        count = conn.execute(sqlalchemy.text(
            "SELECT COUNT(*) FROM messages WHERE request_id = 'dup-1' AND role = 'assistant'")).scalar()
    assert count == 1


def test_database_locked_during_delivery(held):
    file_id = held.upload()
    client = held.qstash.client()
    rids = [f"locked-{i}" for i in range(3)]
    for rid in rids:
        _delivery(held, file_id, rid)
    holding, release = threading.Event(), threading.Event()
    locker = threading.Thread(target=_hold_lock, args=(held, holding, release))
    locker.start()
    assert holding.wait(timeout=10)
    client.queue.resume("held")  # deliveries now meet the locked database
    wait_until(lambda: any((e.response_status or 0) >= 500 for e in client.log.list().logs),
               timeout=30, message="a delivery to fail on the locked database")
    release.set()
    locker.join()
    wait_until(lambda: _answered(held, rids), timeout=60, message="answers after the lock")
    with held.engine.connect() as conn:
        rows = conn.execute(sqlalchemy.text(
            "SELECT request_id, COUNT(*) FROM messages WHERE request_id LIKE 'locked-%' "
            "AND role = 'assistant' GROUP BY request_id")).all()
    assert sorted(rows) == [(rid, 1) for rid in rids]


def _hold_lock(stack, holding: threading.Event, release: threading.Event) -> None:
    if stack.engine.url.get_backend_name() == "sqlite":
        raw = sqlite3.connect(stack.engine.url.database, isolation_level=None)
        raw.execute("BEGIN EXCLUSIVE")
        holding.set()
        release.wait(timeout=60)
        raw.execute("ROLLBACK")
        raw.close()
        return
    with stack.engine.connect() as conn:
        conn.exec_driver_sql("LOCK TABLE seen_signatures, tasks IN ACCESS EXCLUSIVE MODE")
        holding.set()
        release.wait(timeout=60)
        conn.rollback()


def _answered(stack, rids) -> bool:
    with stack.engine.connect() as conn:
        done = conn.execute(sqlalchemy.text(
            "SELECT COUNT(*) FROM tasks WHERE status = 'completed' AND request_id LIKE 'locked-%'")).scalar()
    return done == len(rids)
