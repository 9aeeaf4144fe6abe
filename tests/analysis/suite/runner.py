"""Run the question suite through the embedded planner and compare each answer's data with
the expected result table (a multiset of rows; every assignment of the answer's x, y and
colour columns to the expected columns is tried, numbers equal within 1e-6 relative)."""
from __future__ import annotations

from pathlib import Path

import duckdb

from datavis.analysis import AnalysisError, answer

from ..scoring import comparable_rows, ingested, rows_match
from .questions import QUESTIONS

DATA = Path(__file__).parent / "data"


def run_suite(verbose: bool = False) -> dict:
    con = duckdb.connect()
    results = []
    per: dict[str, list[int]] = {}
    with ingested(DATA, (q[1] for q in QUESTIONS)) as dirs:
        states: dict[str, dict] = {}
        for qid, ds, question, sql, prev in QUESTIONS:
            con.execute(f"CREATE OR REPLACE VIEW t AS SELECT * FROM read_csv_auto('{DATA / (ds + '.csv')}')")
            expected = con.execute(sql).fetchall()
            ok, detail = False, ""
            try:
                ans = answer(dirs[ds], question, previous=states.get(prev) if prev else None)
                states[qid] = ans.state
                ok = rows_match(expected, comparable_rows(ans))
                detail = f"{ans.chart_type} | {ans.sql}"
            except AnalysisError as e:
                detail = f"{type(e).__name__}: {e.message}"
            results.append((qid, ok, question, detail))
            per.setdefault(ds, [0, 0])
            per[ds][0] += ok
            per[ds][1] += 1
            if verbose and not ok:
                print(f"  FAIL {qid} {question!r}\n       {detail[:300]}\n       expected {expected[:3]}")
    con.close()
    right = sum(ok for _, ok, _, _ in results)
    return {"right": right, "total": len(results), "results": results, "datasets": sorted(per),
            "per_dataset": {k: tuple(v) for k, v in per.items()}}
