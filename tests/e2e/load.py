"""A load harness over the real system: many /analyze requests at a time, faults injected
while they run, then an audit of the database: every accepted request has exactly one
answer, none is lost, none is doubled. Used by the load tests and by ``make bench``."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import sqlalchemy
from sqlalchemy import func, select

from datavis.store.tables import messages, tasks
from tests.helpers import SALES_CSV
from tests.peers import REDIS_SERVER, DevQStash, LiveApp, RedisServer, RQWorker, free_port, wait_until

LOAD_REQUESTS = int(os.environ.get("DATAVIS_LOAD_REQUESTS", "500"))
LOAD_CONCURRENCY = int(os.environ.get("DATAVIS_LOAD_CONCURRENCY", "32"))
# The load and fault suite runs on both queue backends (RQ when redis-server is installed).
BACKENDS = ["qstash"] + (["rq"] if REDIS_SERVER else [])
QUESTIONS = ["total revenue by region", "average profit by category", "revenue by month",
             "how many orders per customer segment", "top 5 products by revenue",
             "total units by product", "max unit price by category", "profit over time"]


@dataclasses.dataclass
class Stack:
    """The local QStash server (state in SQLite) and the app under gunicorn; with
    ``backend="rq"``, also redis-server (AOF on) and ``rq_workers`` RQ worker processes."""

    workdir: Path
    database_url: str
    workers: int = 3
    env: dict[str, str] = dataclasses.field(default_factory=dict)
    backend: str = "qstash"
    rq_workers: int = 2

    def __post_init__(self) -> None:
        self.qstash = DevQStash(self.workdir, time_scale=1,
                                data_file=self.workdir / "qstash.sqlite3",
                                env={"QSTASH_DEV_LOG_LEVEL": "WARNING"})
        self.redis = RedisServer(self.workdir) if self.backend == "rq" else None
        self.rq: list[RQWorker] = []
        self.app: LiveApp | None = None
        self.engine = sqlalchemy.create_engine(self.database_url)

    def start(self) -> Stack:
        self.qstash.start()
        port = free_port()
        if self.redis:
            self.redis.start()
            # Abandoned jobs are looked for every second or so (RQ's default: 10 minutes,
            # once an idle worker's 405 s wait on Redis ends).
            self.env = {"QUEUE_BACKEND": "rq", "REDIS_URL": self.redis.url,
                        "RQ_MAINTENANCE_SECONDS": "1", "RQ_WORKER_TTL": "16", **self.env}
        self.app = LiveApp(self.workdir, {
            "API_URL": f"http://127.0.0.1:{port}", "QSTASH_URL": self.qstash.url,
            "DATABASE_URL": self.database_url,
            "GUNICORN_WORKERS": str(self.workers), "GUNICORN_THREADS": "8",
            # A steady retry schedule, long enough to outlive a restart of the app.
            "QSTASH_RETRIES": "30", "QSTASH_RETRY_DELAY": "500", "QSTASH_DELIVERY_TIMEOUT": "60",
            "TASK_LEASE_SECONDS": "5", "DB_LOCK_TIMEOUT": "2", "LOG_LEVEL": "WARNING",
            **self.env}, port=port)
        self.app.start()
        self.rq = [RQWorker(self.workdir, self.worker_env(), name=f"worker-{i}").start()
                   for i in range(self.rq_workers if self.redis else 0)]
        if self.rq:
            from rq import Worker
            with self.redis.client() as conn:
                wait_until(lambda: Worker.count(connection=conn) >= len(self.rq), timeout=60,
                           interval=0.05, message="the RQ workers to listen")
        return self

    def worker_env(self) -> dict[str, str]:
        """The RQ workers' environment: the app's, as a deployment would share it."""
        return {k: v for k, v in self.app.extra_env.items() if k not in ("API_URL",)}

    def stop(self) -> None:
        for worker in self.rq:
            worker.stop()
        if self.app:
            self.app.stop()
        if self.redis:
            self.redis.stop()
        self.qstash.close_clients()
        self.qstash.stop()
        self.engine.dispose()

    @property
    def url(self) -> str:
        return self.app.url

    def upload(self) -> str:
        with open(SALES_CSV, "rb") as fh:
            res = httpx.post(self.url + "/files", files={"file": ("sales.csv", fh, "text/csv")},
                             timeout=60)
        res.raise_for_status()
        return res.json()["id"]

    def worker_pids(self) -> list[int]:
        master = self.app.proc.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return [int(pid) for pid in children]

    def kill_a_worker(self) -> int:
        """SIGKILL a gunicorn worker (QStash) or an RQ worker while it runs a task (RQ),
        then start an RQ worker in its place, as a process manager would."""
        if not self.redis:
            pid = self.worker_pids()[0]
            os.kill(pid, signal.SIGKILL)
            return pid
        victim = self.rq[0]
        pid = victim.proc.pid
        with self.redis.client() as conn:
            wait_until(lambda: self._frozen_mid_task(conn, pid), timeout=60, interval=0.005,
                       message="the RQ worker to be caught running a task")
        victim.stop(signal.SIGKILL)
        victim.start()
        return pid

    @staticmethod
    def _frozen_mid_task(conn, pid: int) -> bool:
        """Freeze the RQ worker; keep it frozen (True) only if it is inside a started job,
        so that the SIGKILL that follows is sure to land mid-task, not just after one."""
        from rq import Worker
        from rq.job import Job, JobStatus

        os.kill(pid, signal.SIGSTOP)
        worker = next((w for w in Worker.all(connection=conn) if w.pid == pid), None)
        job_id = worker.get_current_job_id() if worker else None
        if job_id and Job.fetch(job_id, connection=conn).get_status() == JobStatus.STARTED:
            return True
        os.kill(pid, signal.SIGCONT)
        return False

    def rq_idle(self) -> bool:
        """Nothing waiting, running or scheduled in RQ (a retried job has run)."""
        from rq import Queue
        from rq.registry import ScheduledJobRegistry, StartedJobRegistry

        with self.redis.client() as conn:
            queue = Queue("datavis", connection=conn)
            return (len(queue) == 0 and StartedJobRegistry(queue=queue).count == 0
                    and ScheduledJobRegistry(queue=queue).count == 0)

    def restart_queue(self) -> None:
        """Restart the queue's server with its data: QStash's SQLite file, Redis's AOF."""
        if self.redis:
            self.redis.restart()
        else:
            self.qstash.restart()


@dataclasses.dataclass
class Run:
    prefix: str
    accepted: dict[str, float]          # request id -> when /analyze accepted it
    sent: dict[str, float]              # request id -> when the client first sent it (epoch s)
    retried_503: int
    elapsed: float

    @property
    def pattern(self) -> str:
        return f"{self.prefix}-%"


def fire(stack: Stack, file_id: str, count: int = LOAD_REQUESTS,
         concurrency: int = LOAD_CONCURRENCY, prefix: str = "load",
         during: Callable[[], None] | None = None, deadline: float = 300) -> Run:
    """Send ``count`` questions, ``concurrency`` at a time, each retried by the client on
    503 or a refused connection (as a frontend would) until accepted; ``during`` runs once
    a third of them are in."""
    accepted: dict[str, float] = {}
    sent: dict[str, float] = {}
    retried = 0
    lock = threading.Lock()
    started = threading.Event()
    local = threading.local()
    clients: list[httpx.Client] = []

    def one(i: int) -> None:
        nonlocal retried
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(timeout=60)
            with lock:
                clients.append(client)
        rid = f"{prefix}-{i}"
        payload = {"prompt": QUESTIONS[i % len(QUESTIONS)], "file_id": file_id,
                   "chat_id": f"{prefix}-chat-{i % 25}", "request_id": rid}
        stop_at = time.monotonic() + deadline
        with lock:
            sent[rid] = time.time()
        while True:
            try:
                res = client.post(stack.url + "/analyze", json=payload)
                if res.status_code == 202:
                    break
                assert res.status_code in (502, 503), (res.status_code, res.text)
            except httpx.TransportError:
                pass
            with lock:
                retried += 1
            if time.monotonic() > stop_at:
                raise AssertionError(f"{rid} was never accepted")
            time.sleep(0.2)  # a client's retry pause, not a wait for our own work
        with lock:
            accepted[rid] = time.time()
            if len(accepted) >= count // 3:
                started.set()

    injector = None
    if during:
        def inject() -> None:
            started.wait(timeout=deadline)
            during()
        injector = threading.Thread(target=inject)
        injector.start()
    began = time.monotonic()
    try:
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(one, range(count)))
    finally:
        for client in clients:
            client.close()
    if injector:
        injector.join()
    return Run(prefix, accepted, sent, retried, time.monotonic() - began)


def settle(stack: Stack, run: Run, timeout: float = 300) -> None:
    """Wait until every accepted task is completed or failed."""
    def finished() -> int:
        with stack.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(tasks).where(
                tasks.c.status.in_(("completed", "failed")),
                tasks.c.request_id.like(run.pattern))).scalar()
    wait_until(lambda: finished() >= len(run.accepted), timeout=timeout, interval=0.25,
               message=f"{len(run.accepted)} tasks to finish")


def audit(stack: Stack, run: Run) -> dict[str, float]:
    """Exactly one user and one assistant message per accepted request, every task
    completed; returns end-to-end latency figures: task recorded → answer stored, and the asker's
    whole wait, question sent → answer stored (the server's clock is the client's: loopback)."""
    with stack.engine.connect() as conn:
        counts = conn.execute(
            select(messages.c.request_id, messages.c.role, func.count())
            .where(messages.c.request_id.like(run.pattern))
            .group_by(messages.c.request_id, messages.c.role)).all()
        statuses = dict(conn.execute(select(tasks.c.request_id, tasks.c.status)
                                     .where(tasks.c.request_id.like(run.pattern))).all())
        answered = conn.execute(
            select(messages.c.request_id, messages.c.created_at, tasks.c.created_at)
            .join(tasks, tasks.c.request_id == messages.c.request_id)
            .where(messages.c.role == "assistant", messages.c.request_id.like(run.pattern))).all()
    per_request: dict[str, dict[str, int]] = {}
    for request_id, role, n in counts:
        per_request.setdefault(request_id, {})[role] = n
    problems = {rid: roles for rid, roles in per_request.items() if roles != {"user": 1, "assistant": 1}}
    missing = set(run.accepted) - set(per_request)
    unexpected = set(per_request) - set(run.accepted)
    not_completed = {rid: s for rid, s in statuses.items() if s != "completed"}
    assert not problems and not missing and not unexpected and not not_completed, (
        f"doubled or missing answers: {dict(list(problems.items())[:5])}; lost: {sorted(missing)[:5]}; "
        f"unexpected: {sorted(unexpected)[:5]}; not completed: {dict(list(not_completed.items())[:5])}")
    latencies = sorted((answer_at - asked_at).total_seconds() for _, answer_at, asked_at in answered)
    waits = sorted(answer_at.replace(tzinfo=dt.UTC).timestamp() - run.sent[rid] for rid, answer_at, _ in answered)
    return {"requests": len(run.accepted), "elapsed_s": round(run.elapsed, 2),
            "accepted_per_s": round(len(run.accepted) / run.elapsed, 1),
            "client_retries": run.retried_503,
            "latency_p50_ms": round(statistics.median(latencies) * 1000, 1),
            "latency_p99_ms": _p99_ms(latencies),
            "sent_to_answer_p50_ms": round(statistics.median(waits) * 1000, 1),
            "sent_to_answer_p99_ms": _p99_ms(waits)}


def _p99_ms(sorted_seconds: list[float]) -> float:
    return round(sorted_seconds[min(len(sorted_seconds) - 1, int(0.99 * len(sorted_seconds)))] * 1000, 1)
