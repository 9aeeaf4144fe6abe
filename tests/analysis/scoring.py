"""How a question set scores an answer's data against a gold result table, and where its datasets
are ingested (shared by the own suite in tests/analysis/suite and the business set in
tests/analysis/business).

The expected table is a multiset of rows; every assignment of the answer's columns to the expected
columns is tried; numbers are equal within 1e-6 relative, dates compare by their ISO text
(a midnight timestamp equals its date) and text compares case-insensitively."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from datavis.analysis import answer, forget, ingest_csv


@contextmanager
def ingested(data: Path, names: Iterable[str]) -> Iterator[dict[str, Path]]:
    """Ingest ``data/<name>.csv`` for each name into a temporary dataset dir; yields name → dir."""
    with tempfile.TemporaryDirectory() as tmp:
        dirs = {name: Path(tmp) / name for name in sorted(set(names))}
        for name, d in dirs.items():
            ingest_csv(data / f"{name}.csv", d, name=name)
        try:
            yield dirs
        finally:
            for d in dirs.values():
                forget(d)


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
            j = next((j for j, c in enumerate(left) if all(_same(x, y) for x, y in zip(e, c, strict=True))), None)
            if j is None:
                ok = False
                break
            left.pop(j)
        if ok:
            return True
    return False


def answer_rows(ans) -> list[tuple]:
    """The answer's rows as (x, colour, y) tuples from its plan's data fields."""
    f = ans.plan.get("data_fields") or {}
    keys = [k for k in (f.get("x"), f.get("color"), f.get("y")) if k]
    if ans.chart_type == "histogram" or not keys:
        keys = list(ans.data[0].keys()) if ans.data else []
    return [tuple(r.get(k) for k in keys) for r in ans.data]


def comparable_rows(ans) -> list[tuple]:
    """What is compared with the gold table: a histogram is represented by its median, a boxplot
    by each group's median (the gold SQL of a distribution question returns medians)."""
    if ans.chart_type == "histogram":
        return [(ans.facts[0].get("median"),)] if ans.facts else []
    if ans.chart_type == "boxplot":
        x = ans.plan["data_fields"]["x"]
        return [(r.get(x), r.get("median")) if x else (r.get("median"),) for r in ans.data]
    return answer_rows(ans)


def same_answer(data: tuple[dict[str, Path], Any], dataset: str, question: str, gold_sql: str,
                every_column: bool = False):
    """Answer `question` over `dataset` of an `ingested_views` pair and assert that its rows equal the
    gold query's (any column order: a KPI's or, with `every_column`, every column of its data, else
    its x/colour/y fields); returns the answer."""
    ds, con = data
    ans = answer(ds[dataset], question)
    gold = con.execute(gold_sql).fetchall()
    whole = ans.chart_type == "kpi" or every_column  # a second measure lives outside the x/colour/y fields
    got = [tuple(r.values()) for r in ans.data] if whole else answer_rows(ans)
    assert rows_match(gold, got), (question, ans.sql, list(got)[:6], gold[:6])
    return ans
