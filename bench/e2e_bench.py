"""End-to-end load figures: /analyze throughput and latency (accepted → answer stored in
the chat) through the local QStash server and gunicorn, with the exactly-once audit.

    python bench/e2e_bench.py [--requests 500] [--concurrency 32] [--workers 3]
                              [--database-url postgresql+psycopg://...]
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

from tests.e2e.load import Stack, audit, fire, settle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="datavis-bench-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'datavis.sqlite3'}"
    stack = Stack(workdir, database_url, workers=args.workers).start()
    try:
        # A prefix of its own: a shared PostgreSQL database may hold earlier runs.
        run = fire(stack, stack.upload(), args.requests, args.concurrency,
                   prefix=f"bench{int(time.time())}")
        settle(stack, run)
        figures = audit(stack, run)
    finally:
        stack.stop()
    print(json.dumps({"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
                      "database": stack.engine.url.get_backend_name(),
                      "gunicorn_workers": args.workers, "concurrency": args.concurrency,
                      **figures}, indent=2))


if __name__ == "__main__":
    main()
