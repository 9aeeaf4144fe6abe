"""Run the question suite through the embedded planner and compare each answer's data with
the expected result table (a multiset of rows; every assignment of the answer's x, y and
colour columns to the expected columns is tried, numbers equal within 1e-6 relative)."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import tempfile
from pathlib import Path

import duckdb

from datavis.analysis import AnalysisError, answer, ingest_csv

from .questions import QUESTIONS

DATA = Path(__file__).parent / "data"


def _norm(v):
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, (dt.datetime, dt.date)):
        v = v.isoformat()
    if isinstance(v, str):
        s = v.strip()
        if len(s) >= 10 and s[4] == "-" and s[7] == "-":
            return s[:10] if s[10:].strip(" T0:") == "" else s.replace("T", " ")
        return s.lower()
    return v


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
    return a == b


def rows_match(expected: list[tuple], got: list[tuple]) -> bool:
    if len(expected) != len(got):
        return False
    if not expected:
        return True
    k = len(expected[0])
    width = len(got[0]) if got else 0
    exp = [tuple(_norm(v) for v in r) for r in expected]
    for perm in itertools.permutations(range(width), k):
        cand = [tuple(_norm(r[i]) for i in perm) for r in got]
        left = list(cand)
        ok = True
        for e in exp:
            j = next((j for j, c in enumerate(left) if all(_same(x, y) for x, y in zip(e, c))), None)
            if j is None:
                ok = False
                break
            left.pop(j)
        if ok:
            return True
    return False


def answer_rows(ans) -> list[tuple]:
    f = ans.plan.get("data_fields") or {}
    keys = [k for k in (f.get("x"), f.get("color"), f.get("y")) if k]
    if ans.chart_type == "histogram" or not keys:
        keys = list(ans.data[0].keys()) if ans.data else []
    return [tuple(r.get(k) for k in keys) for r in ans.data]


def run_suite(verbose: bool = False) -> dict:
    con = duckdb.connect()
    results = []
    per: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        dirs = {}
        for name in sorted({q[1] for q in QUESTIONS}):
            dirs[name] = Path(tmp) / name
            ingest_csv(DATA / f"{name}.csv", dirs[name], name=name)
        states: dict[str, dict] = {}
        for qid, ds, question, sql, prev in QUESTIONS:
            con.execute(f"CREATE OR REPLACE VIEW t AS SELECT * FROM read_csv_auto('{DATA / (ds + '.csv')}')")
            expected = con.execute(sql).fetchall()
            ok, detail = False, ""
            try:
                ans = answer(dirs[ds], question, previous=states.get(prev) if prev else None)
                states[qid] = ans.state
                got = answer_rows(ans)
                if ans.chart_type == "histogram":
                    # a distribution is right when its median is the expected one
                    got = [(ans.facts[0].get("median"),)] if ans.facts else []
                elif ans.chart_type == "boxplot":
                    got = [(r.get(ans.plan["data_fields"]["x"]), r.get("median")) if ans.plan["data_fields"]["x"]
                           else (r.get("median"),) for r in ans.data]
                ok = rows_match(expected, got)
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
