"""The HR table of issue 11: a new user's small employees file, and the answers that came back
wrong before the planner was redesigned. Each answer is checked against DuckDB over the same CSV."""
from __future__ import annotations

from datavis.analysis import answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold


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
    assert ans.spec["data"]["values"][0]["label"] == "Number of employees"  # the card says what is counted


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
