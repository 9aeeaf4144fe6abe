"""The seed's claims, measured side by side in one run: QStash (push) against the Redis
rollback backend (RQ worker), and the seed's 0.5 s polling loop.

    python bench/queue_backends.py [--idle-seconds 300] [--levels 1,8,32] [--per-level 4]

1. Idle traffic, over --idle-seconds, scaled to a day (all three measured at once):
   - Redis commands from an idle RQ worker at its defaults, from Redis's ``INFO commandstats``
     (reset at the start of the window);
   - the seed's loop: one ``RPOP`` every 0.5 s against its own redis-server, measured the
     same way (the arithmetic says 2 × 86,400 = 172,800 a day);
   - requests to QStash from the idle app, counted by a proxy standing at QSTASH_URL in
     front of the local QStash server.
2. Latency from question to answer (accepted by /analyze → answer stored in the chat), p50
   and p90, with 1, 8 and 32 questions in flight: that many clients each ask, wait for the
   answer (polling GET /tasks/<id>), and ask again, max(per-level × level, 16) questions in
   all; on QStash and on RQ with one and with two workers, against gunicorn's 3 workers ×
   8 threads.
3. CPU per answered question (user + system time of every process of the system: gunicorn
   master and workers, RQ workers and their scheduler, redis-server, the local QStash server),
   and the processes each backend needs to run and watch.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from tests.e2e.load import QUESTIONS, Run, Stack, fire, settle  # noqa: E402
from tests.peers import DevQStash, FaultProxy, LiveApp, RedisServer, wait_until  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
DAY = 86_400
RQ_DEFAULTS = {"RQ_MAINTENANCE_SECONDS": "600", "RQ_WORKER_TTL": "420"}


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += [int(child), *_children(int(child))]
    except OSError:
        pass
    return found


def _tree(pids: list[int]) -> list[int]:
    return [p for pid in pids for p in (pid, *_children(pid))]


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def _commands(redis_server: RedisServer) -> dict[str, int]:
    """Calls per command since the last reset, the measurement's own calls left out."""
    with redis_server.client() as conn:
        stats = conn.info("commandstats")
    return {k.removeprefix("cmdstat_"): v["calls"] for k, v in stats.items()
            if k.removeprefix("cmdstat_") not in ("info", "config", "ping")}


def idle(seconds: float, workdir: Path) -> dict:
    """The three idle figures, measured over the same window."""
    # RQ: the app and one worker at RQ's defaults, nothing asked.
    rq_dir = workdir / "idle-rq"
    rq_dir.mkdir()
    rq_stack = Stack(rq_dir, f"sqlite:///{rq_dir / 'db.sqlite3'}", workers=2, backend="rq",
                     rq_workers=1, env=dict(RQ_DEFAULTS)).start()
    # QStash: the app publishing through a counting proxy in front of the local server.
    q_dir = workdir / "idle-qstash"
    q_dir.mkdir()
    qstash = DevQStash(q_dir, time_scale=1).start()
    proxy = FaultProxy(qstash.url)
    app = LiveApp(q_dir, {"API_URL": "http://127.0.0.1:9", "QSTASH_URL": proxy.url,
                          "GUNICORN_WORKERS": "2", "LOG_LEVEL": "WARNING"}).start()
    # The seed: a loop polling its own Redis twice a second.
    seed_dir = workdir / "idle-seed"
    seed_dir.mkdir()
    seed = RedisServer(seed_dir).start()
    stop = threading.Event()

    def poll() -> None:
        with seed.client() as conn:
            while not stop.wait(0.5):
                conn.rpop("analysis_tasks")
    try:
        time.sleep(5)  # start-up traffic is not idle traffic
        for server in (rq_stack.redis, seed):
            with server.client() as conn:
                conn.config_resetstat()
        proxy.seen.clear()
        poller = threading.Thread(target=poll)
        poller.start()
        time.sleep(seconds)
        stop.set()
        poller.join()
        rq_by_command, seed_by_command = _commands(rq_stack.redis), _commands(seed)
        rq_calls, seed_calls, qstash_calls = (sum(rq_by_command.values()), sum(seed_by_command.values()),
                                              len(proxy.seen))
    finally:
        stop.set()
        rq_stack.stop()
        app.stop()
        proxy.close()
        qstash.close_clients()
        qstash.stop()
        seed.stop()
    scale = DAY / seconds
    return {"window_s": seconds,
            "rq_worker_redis_commands": rq_calls, "rq_worker_per_day": round(rq_calls * scale),
            "rq_worker_by_command": dict(sorted(rq_by_command.items(), key=lambda kv: -kv[1])),
            "seed_loop_redis_commands": seed_calls, "seed_loop_per_day": round(seed_calls * scale),
            "qstash_requests": qstash_calls, "qstash_per_day": round(qstash_calls * scale)}


def _system_pids(stack: Stack) -> tuple[list[int], list[int]]:
    """(every process of the system, the ones an operator runs and watches)."""
    operated = [stack.app.proc.pid, *_children(stack.app.proc.pid)]
    for worker in stack.rq:
        operated += [worker.proc.pid, *_children(worker.proc.pid)]
    if stack.redis:
        operated.append(stack.redis.proc.pid)
    everything = operated + _tree([stack.qstash.proc.pid])
    return everything, operated


def closed_loop(stack: Stack, file_id: str, count: int, level: int, prefix: str) -> Run:
    """``level`` clients, each asking a question and waiting for its answer before the next."""
    accepted: dict[str, float] = {}
    sent: dict[str, float] = {}
    lock = threading.Lock()
    began = time.monotonic()

    def one(i: int) -> None:
        with httpx.Client(base_url=stack.url, timeout=60) as http:
            for n in range(i, count, level):
                rid = f"{prefix}-{n}"
                ask = {"prompt": QUESTIONS[n % len(QUESTIONS)], "file_id": file_id,
                       "chat_id": f"{prefix}-{n % 25}", "request_id": rid}
                # A 503 (SQLite busy under load) is retried with the same request id, as a
                # frontend would; the latency counts from the request finally accepted.
                with lock:
                    sent[rid] = time.time()
                wait_until(lambda ask=ask: http.post("/analyze", json=ask).status_code == 202,
                           timeout=60, interval=0.05, message=f"{rid} to be accepted")
                with lock:
                    accepted[rid] = time.time()
                wait_until(lambda rid=rid: http.get(f"/tasks/{rid}").json()["status"] == "completed",
                           timeout=120, interval=0.01, message=f"{rid} to be answered")
    with ThreadPoolExecutor(level) as pool:
        list(pool.map(one, range(level)))
    return Run(prefix, accepted, sent, 0, time.monotonic() - began)


def latency(backend: str, rq_workers: int, levels: list[int], per_level: int, workdir: Path) -> dict:
    folder = workdir / f"lat-{backend}-{rq_workers}"
    folder.mkdir()
    stack = Stack(folder, f"sqlite:///{folder / 'db.sqlite3'}", backend=backend,
                  rq_workers=rq_workers, env=dict(RQ_DEFAULTS) if backend == "rq" else {}).start()
    try:
        file_id = stack.upload()
        # The first answers open the dataset and warm the caches.
        settle(stack, fire(stack, file_id, 8, 4, prefix="warm"))
        rows = {}
        cpu_total, answered = 0.0, 0
        for level in levels:
            count = max(16, per_level * level)
            everything, operated = _system_pids(stack)
            before = _cpu_seconds(everything)
            run = closed_loop(stack, file_id, count, level, prefix=f"c{level}")
            cpu_total += _cpu_seconds(_system_pids(stack)[0]) - before
            answered += count
            with stack.engine.connect() as conn:
                from sqlalchemy import select

                from datavis.store.tables import messages, tasks
                pairs = conn.execute(select(messages.c.created_at, tasks.c.created_at)
                                     .join(tasks, tasks.c.request_id == messages.c.request_id)
                                     .where(messages.c.role == "assistant",
                                            messages.c.request_id.like(run.pattern))).all()
            waits = sorted((a - b).total_seconds() * 1000 for a, b in pairs)
            rows[level] = {"questions": count, "p50_ms": round(statistics.median(waits), 1),
                           "p90_ms": round(waits[int(0.9 * (len(waits) - 1))], 1)}
        everything, operated = _system_pids(stack)
        return {"latency": rows, "cpu_ms_per_answer": round(1000 * cpu_total / answered, 1),
                "processes": len(operated)}
    finally:
        stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-seconds", type=float, default=300)
    parser.add_argument("--levels", default="1,8,32")
    parser.add_argument("--per-level", type=int, default=4)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="datavis-queues-"))
    results = {"machine": f"{os.cpu_count()} CPUs (shared), Python {sys.version.split()[0]}",
               "idle": idle(args.idle_seconds, workdir)}
    print(json.dumps(results["idle"]), flush=True)
    for name, backend, workers in (("qstash", "qstash", 0), ("rq-1-worker", "rq", 1),
                                   ("rq-2-workers", "rq", 2)):
        results[name] = latency(backend, workers, levels, args.per_level, workdir)
        print(name, json.dumps(results[name]), flush=True)
    print(json.dumps(results, indent=2))
    print(table(results, levels))


def table(r: dict, levels: list[int]) -> str:
    idle_ = r["idle"]
    lines = ["| | QStash (push) | RQ, 1 worker | RQ, 2 workers | seed (0.5 s polling loop) |",
             "|---|---|---|---|---|",
             f"| idle queue traffic per day (measured over {idle_['window_s']:.0f} s) | "
             f"{idle_['qstash_per_day']:,} requests to QStash | {idle_['rq_worker_per_day']:,} Redis commands | "
             f"(same worker ×2) | {idle_['seed_loop_per_day']:,} Redis commands |"]
    for level in levels:
        cells = [f"{r[k]['latency'][level]['p50_ms']:.0f} / {r[k]['latency'][level]['p90_ms']:.0f} ms"
                 for k in ("qstash", "rq-1-worker", "rq-2-workers")]
        lines.append(f"| question → answer at {level} concurrent, p50 / p90 | " + " | ".join(cells) + " | – |")
    lines.append("| CPU per answered question | " + " | ".join(
        f"{r[k]['cpu_ms_per_answer']} ms" for k in ("qstash", "rq-1-worker", "rq-2-workers")) + " | – |")
    lines.append("| processes to run and watch | " + " | ".join(
        str(r[k]["processes"]) for k in ("qstash", "rq-1-worker", "rq-2-workers")) + " | – |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
