"""CPU of `analysis.answer` per question against the same questions' SQL run as bare DuckDB
queries, in one process (no HTTP, no queue): the analysis' own share of `bench/e2e_bench.py`'s
cost of an answer.

usage: python bench/analysis_cost.py [--rows 100000] [--repeat 100] [--alone]

The four kinds of question of the e2e bench (bench/cost.QUESTIONS) on its sales data; each is
asked in a chat whose previous answer is the kind before it, as the e2e bench's 25 chats ask
them (`--alone`: no previous answer). CPU time of the process (DuckDB's threads included).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cost import QUESTIONS, make_csv  # noqa: E402
from datavis.analysis import answer, ingest_csv  # noqa: E402
from datavis.analysis.datasets.store import data_file  # noqa: E402


def cpu_ms(run, repeat: int) -> float:
    """CPU milliseconds per call of `run` over the questions, `repeat` rounds."""
    started = time.process_time()
    for _ in range(repeat):
        for q in QUESTIONS:
            run(q)
    return (time.process_time() - started) * 1000 / (repeat * len(QUESTIONS))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--alone", action="store_true", help="no previous answer")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ds = Path(tmp) / "sales"
        ingest_csv(make_csv(Path(tmp) / "sales.csv", a.rows), ds, name="sales")
        first = {q: answer(ds, q) for q in QUESTIONS}  # also opens the dataset, as a running service has it
        previous = {q: None if a.alone else first[QUESTIONS[k - 1]].state for k, q in enumerate(QUESTIONS)}
        # the bare queries on a copy: DuckDB opens one file once per process, with one configuration
        shutil.copy(data_file(ds), Path(tmp) / "bare.duckdb")
        con = duckdb.connect(str(Path(tmp) / "bare.duckdb"), read_only=True)
        sql = {q: first[q].sql for q in QUESTIONS}
        rounds = []
        for _ in range(3):  # alternated: the machine's load moves both alike
            bare = cpu_ms(lambda q: con.execute(sql[q]).fetchall(), a.repeat)
            full = cpu_ms(lambda q: answer(ds, q, previous=previous[q]), a.repeat)
            rounds.append((bare, full))
        con.close()
    bare, full = (statistics.median(r[i] for r in rounds) for i in (0, 1))
    print(f"rows {a.rows:,}, {'alone' if a.alone else 'in a chat'}: answer() {full:.2f} ms CPU per question, "
          f"bare DuckDB {bare:.2f} ms, analysis beyond the query {full - bare:.2f} ms, ratio {full / bare:.2f}")


if __name__ == "__main__":
    main()
