"""Benchmark of the local QStash server: publishes/s through the official SDK, delivery
latency (publish call → receiver) to a local receiver, and the server's own CPU time per
message (publish, delivery and logs; steadier than wall-clock figures on a shared machine).

    python bench/qstash_dev_bench.py [--messages 3000] [--threads 1,4] [--data-file]

The receiver is a separate aiohttp process; every process runs on this machine.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.peers import DevQStash, free_port, wait_until  # noqa: E402

RECEIVER = r'''
import sys, time
from aiohttp import web
seen = {}
async def hook(request):
    await request.read()
    seen[request.headers["Upstash-Message-Id"]] = time.time()
    return web.Response(text="ok")
async def stats(request):
    return web.json_response(seen)
app = web.Application()
app.router.add_post("/hook", hook)
app.router.add_get("/stats", stats)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
'''


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(server: DevQStash, receiver_url: str, messages: int, threads: int) -> dict:
    import httpx
    sent: dict[str, float] = {}
    lock = threading.Lock()
    per_thread = messages // threads

    def worker() -> None:
        client = server.client()
        for _ in range(per_thread):
            start = time.time()
            res = client.message.publish_json(url=receiver_url + "/hook", body={"n": 1}, retries=0)
            with lock:
                sent[res.message_id] = start

    cpu_before = cpu_seconds(server.proc.pid)
    began = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - began
    seen = wait_until(lambda: (s := httpx.get(receiver_url + "/stats").json()) and
                      all(m in s for m in sent) and s, timeout=120, interval=0.2,
                      message="all deliveries")
    server_cpu = cpu_seconds(server.proc.pid) - cpu_before
    latencies = [(seen[m] - t) * 1000 for m, t in sent.items()]
    return {"threads": threads, "messages": len(sent), "publishes_per_s": round(len(sent) / elapsed),
            "latency_ms_p50": round(percentile(latencies, 0.5), 2),
            "latency_ms_p99": round(percentile(latencies, 0.99), 2),
            "latency_ms_mean": round(statistics.fmean(latencies), 2),
            "server_cpu_ms_per_message": round(server_cpu * 1000 / len(sent), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--threads", default="1,4")
    parser.add_argument("--data-file", action="store_true", help="persist state in SQLite")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="qstash-bench-"))
    port = free_port()
    receiver = subprocess.Popen([sys.executable, "-c", RECEIVER, str(port)])
    server = DevQStash(workdir, time_scale=1, env={"QSTASH_DEV_LOG_LEVEL": "WARNING"},
                       data_file=workdir / "state.sqlite3" if args.data_file else None).start()
    try:
        import httpx
        wait_until(lambda: _up(httpx, port), message="receiver")
        run(server, f"http://127.0.0.1:{port}", 200, 1)  # warm-up
        results = [run(server, f"http://127.0.0.1:{port}", args.messages, int(t))
                   for t in args.threads.split(",")]
    finally:
        server.close_clients()
        server.stop()
        receiver.terminate()
        receiver.wait()
    print(json.dumps({"machine": f"{os.cpu_count()} CPUs, {sys.platform}, Python {sys.version.split()[0]}",
                      "state": "sqlite" if args.data_file else "memory", "results": results}, indent=2))


def _up(httpx, port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/stats").status_code == 200
    except httpx.HTTPError:
        return False


if __name__ == "__main__":
    main()
