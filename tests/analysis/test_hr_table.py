"""The HR table of issue 11: a new user's small employees file, and the answers that came back
wrong before the planner was redesigned. Each answer is checked against DuckDB over the same CSV."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from datavis.analysis import answer, forget, ingest_csv

DEPARTMENTS = ["Engineering", "Sales", "Marketing", "Finance", "Support", "HR"]


def _write_employees(path: Path, n: int = 800) -> None:
    rnd = random.Random(11)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Employee", "Department", "Hire Date", "Annual Salary", "Gender", "Age", "Performance Score",
                    "Remote"])
        for i in range(n):
            dept = rnd.choice(DEPARTMENTS)
            hired = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
            salary = rnd.randrange(40_000, 160_000, 500) + (20_000 if dept == "Engineering" else 0)
            w.writerow([f"E{i + 1:04d}", dept, hired.isoformat(), salary, rnd.choice("MF"), rnd.randint(21, 64),
                        round(rnd.uniform(1, 5), 1), rnd.choice(["Yes", "No", "No"])])


@pytest.fixture(scope="module")
def hr(tmp_path_factory):
    root = tmp_path_factory.mktemp("hr")
    path = root / "employees.csv"
    _write_employees(path)
    ingest_csv(path, root / "ds", name="employees")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW t AS SELECT * FROM read_csv_auto('{path}')")
    yield root / "ds", con
    con.close()
    forget(root / "ds")


def _rows(ans) -> set[tuple]:
    f = ans.plan["data_fields"]
    keys = [k for k in (f["x"], f["color"], f["y"]) if k]
    return {tuple(round(v, 6) if isinstance(v, float) else v for v in (r[k] for k in keys)) for r in ans.data}


def _gold(con, sql: str) -> set[tuple]:
    return {tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in con.execute(sql).fetchall()}


def test_only_remote_workers_filters_the_chart_on_screen(hr):
    ds, con = hr
    first = answer(ds, "average salary in each department")
    ans = answer(ds, "only remote workers", previous=first.state)
    assert ans.plan["x"]["field"] == "Department"
    assert {"field": "Remote", "op": "=", "value": True} in ans.plan["filters"]
    assert _rows(ans) == _gold(con, 'SELECT Department, avg("Annual Salary") FROM t WHERE Remote GROUP BY 1')
    assert "Employee" not in ans.insight


def test_five_highest_paid_employees(hr):
    ds, con = hr
    ans = answer(ds, "Who are the 5 highest paid employees?")
    assert ans.chart_type == "bar" and len(ans.data) == 5
    top = con.execute('SELECT "Annual Salary" FROM t ORDER BY 1 DESC LIMIT 5').fetchall()
    assert sorted(r[ans.plan["data_fields"]["y"]] for r in ans.data) == sorted(r[0] for r in top)


def test_a_count_with_a_condition_is_a_number(hr):
    ds, con = hr
    ans = answer(ds, "How many employees are over 50?")
    n = con.execute("SELECT count(*) FROM t WHERE Age > 50").fetchone()[0]
    assert ans.chart_type == "kpi" and list(ans.data[0].values()) == [n]
    assert f"{n} employees" in ans.insight


def test_what_percentage_work_remotely_is_a_share(hr):
    ds, con = hr
    ans = answer(ds, "what percentage of staff work remotely?")
    share = con.execute("SELECT avg(CASE WHEN Remote THEN 1 ELSE 0 END) FROM t").fetchone()[0]
    # a rate of rows is a percentage (0-100) since derived measures (test_derived_measures.py)
    assert ans.chart_type == "kpi" and abs(list(ans.data[0].values())[0] - 100 * share) < 1e-9
    assert f"{round(share * 100)}%" in ans.insight


def test_hires_per_year_name_what_is_counted(hr):
    ds, con = hr
    ans = answer(ds, "How many people did we hire each year?")
    gold = _gold(con, 'SELECT year("Hire Date"), count(*) FROM t GROUP BY 1')
    assert {(int(str(x)[:4]), y) for x, y in _rows(ans)} == gold
    assert "rows" not in (ans.title + ans.insight).lower() and "employees" in ans.title.lower()


def test_compare_men_and_women_across_departments_splits_by_gender(hr):
    ds, con = hr
    ans = answer(ds, "Compare the salary of men and women across departments")
    assert ans.plan["x"]["field"] == "Department" and ans.plan["color"] == "Gender"
