"""What an answered question costs: CPU of every app process over a load run, divided by the
answers, against the same questions' SQL run as bare DuckDB queries on the same data.

Used by ``bench/e2e_bench.py``; Linux only (reads ``/proc``).
"""
from __future__ import annotations

import csv
import os
import random
import time
from pathlib import Path

import duckdb
from sqlalchemy import select

from datavis.analysis.datasets.store import data_file
from datavis.store.tables import charts, tasks
from tests.helpers import SALES_CSV

# The four kinds of question: a total by category, a time series, a top N, a count.
QUESTIONS = ["total revenue by region", "revenue by month", "top 5 products by revenue",
             "how many orders per customer segment"]
TICKS = os.sysconf("SC_CLK_TCK")


def make_csv(path: Path, rows: int, seed: int = 7) -> Path:
    """A sales CSV of ``rows`` rows, drawn from the sample's rows (same columns and values)."""
    with open(SALES_CSV, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        sample = list(reader)
    pick = random.Random(seed).choice
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for i in range(rows):
            row = list(pick(sample))
            row[0] = f"SO-{i + 1:07d}"
            writer.writerow(row)
    return path


def process_tree(pid: int) -> list[int]:
    """``pid`` and its children (gunicorn's master and its workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [pid, *map(int, children)]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time so far of these processes."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


def redeliveries(engine, pattern: str) -> int:
    """Deliveries beyond the first (a 409 or 503 answered to QStash, which retried)."""
    with engine.connect() as conn:
        attempts = conn.execute(select(tasks.c.attempts).where(tasks.c.request_id.like(pattern))).scalars()
        return sum(max(0, n - 1) for n in attempts)


def bare_duckdb_cpu(engine, data_dir: Path, file_id: str, pattern: str) -> tuple[float, int]:
    """CPU seconds to run each answered question's SQL once as a bare DuckDB query (one
    connection opened once, results fetched), and how many queries that was."""
    with engine.connect() as conn:
        statements = conn.execute(select(charts.c.sql).join(tasks, tasks.c.chart_id == charts.c.id)
                                  .where(tasks.c.request_id.like(pattern))).scalars().all()
    con = duckdb.connect(str(data_file(data_dir / "files" / file_id)), read_only=True)
    try:
        started = time.process_time()
        for sql in statements:
            con.execute(sql).fetchall()
        return time.process_time() - started, len(statements)
    finally:
        con.close()
