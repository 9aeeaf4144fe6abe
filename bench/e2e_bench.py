"""End-to-end load figures: /analyze throughput and latency (accepted → answer stored in
the chat) through the local QStash server and gunicorn, with the exactly-once audit, and
the cost of an answer: CPU of every app process (gunicorn's master and workers) over the
run divided by the answers, next to the same questions' SQL run as bare DuckDB queries.

    python bench/e2e_bench.py [--requests 300] [--concurrency 8] [--workers 2] [--rows 100000]
                              [--questions kinds|all] [--database-url postgresql+psycopg://...]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bench import cost  # noqa: E402
from tests.e2e import load  # noqa: E402
from tests.e2e.load import Stack, audit, fire, settle  # noqa: E402


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the dataset (0: the sample)")
    parser.add_argument("--questions", choices=["kinds", "all"], default="kinds",
                        help="the four kinds of question, or the load tests' eight")
    parser.add_argument("--database-url", default=None)
    return parser.parse_args()


def _upload(stack: Stack, workdir: Path, rows: int) -> str:
    if not rows:
        return stack.upload()
    path = cost.make_csv(workdir / "sales-big.csv", rows)
    with open(path, "rb") as fh:
        res = httpx.post(stack.url + "/files", files={"file": ("sales.csv", fh, "text/csv")}, timeout=300)
    res.raise_for_status()
    return res.json()["id"]


def main() -> None:
    args = _arguments()
    if args.questions == "kinds":
        load.QUESTIONS[:] = cost.QUESTIONS
    workdir = Path(tempfile.mkdtemp(prefix="datavis-bench-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'datavis.sqlite3'}"
    stack = Stack(workdir, database_url, workers=args.workers).start()
    try:
        file_id = _upload(stack, workdir, args.rows)
        assert stack.app is not None
        app_pids, qstash_pids = cost.process_tree(stack.app.proc.pid), [stack.qstash.proc.pid]
        app_before, qstash_before = cost.cpu_seconds(app_pids), cost.cpu_seconds(qstash_pids)
        run = fire(stack, file_id, args.requests, args.concurrency, prefix=f"bench{int(time.time())}")
        settle(stack, run)
        app_cpu = cost.cpu_seconds(app_pids) - app_before
        qstash_cpu = cost.cpu_seconds(qstash_pids) - qstash_before
        figures = audit(stack, run)
        figures["redeliveries"] = cost.redeliveries(stack.engine, run.pattern)
        duck_cpu, queries = cost.bare_duckdb_cpu(stack.engine, workdir / "data", file_id, run.pattern)
    finally:
        stack.stop()
    answers = figures["requests"]
    app_ms, duck_ms = app_cpu / answers * 1000, duck_cpu / max(queries, 1) * 1000
    print(json.dumps({"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
                      "database": stack.engine.url.get_backend_name(), "rows": args.rows or "sample",
                      "gunicorn_workers": args.workers, "concurrency": args.concurrency, **figures,
                      "app_cpu_ms_per_answer": round(app_ms, 2),
                      "qstash_server_cpu_ms_per_answer": round(qstash_cpu / answers * 1000, 2),
                      "bare_duckdb_cpu_ms_per_question": round(duck_ms, 2),
                      "app_cpu_vs_bare_duckdb": round(app_ms / duck_ms, 2) if duck_ms else None},
                     indent=2))


if __name__ == "__main__":
    main()
