"""Output against a plan (issue 11): a plan named by one word and an amount word ("Planned Qty", "Target Units")
beside the one column of the amount made ("Units Made", "Qty Produced") is a planned / done pair — "shortfall vs
plan" (planned − made), "% of plan achieved", "plan attainment" (made as a % of planned), and "missed plan",
"behind plan" keep the rows made under plan; "output" names the units made, "defects" the units scrapped, and
"good units" are made − scrapped. Near misses: "good months" are no good units, nor are "good units" with nothing
scrapped; a Defects column is the defects; "missed the due date" compares no dates earlier; a plan column alone
(nothing made beside it) stays a plain sum. Each asks `answer()` about a small CSV written here and checks the
rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

CELLS = ["Cell A", "Cell B", "Cell C"]


def _write_runs(path: Path, n: int = 240) -> None:
    """Production runs: a Planned Qty beside the Units Made and the Operator."""
    rnd = random.Random(81)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Run ID", "Run Date", "Cell", "Operator", "Planned Qty", "Units Made"])
        for i in range(n):
            planned = rnd.choice([400, 500, 600])
            w.writerow([f"R{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(180))).isoformat(),
                        rnd.choice(CELLS), rnd.choice(["Ann", "Bo", "Cy"]), planned,
                        int(planned * rnd.uniform(0.8, 1.1))])


def _write_shifts(path: Path, n: int = 200) -> None:
    """Shifts: Units Made and Units Scrapped (no Defects column)."""
    rnd = random.Random(83)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Shift Date", "Cell", "Units Made", "Units Scrapped"])
        for _ in range(n):
            made = rnd.randint(300, 600)
            w.writerow([(dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(120))).isoformat(), rnd.choice(CELLS),
                        made, int(made * rnd.uniform(0.01, 0.06))])


def _write_inspections(path: Path, n: int = 200) -> None:
    """Inspections: a Defects count beside Units Scrapped and Units Inspected."""
    rnd = random.Random(84)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Lot", "Cell", "Units Inspected", "Defects", "Units Scrapped"])
        for i in range(n):
            seen = rnd.randint(100, 300)
            bad = rnd.randint(0, 20)
            w.writerow([f"L{i:03d}", rnd.choice(CELLS), seen, bad, rnd.randint(0, bad)])


def _write_jobs(path: Path, n: int = 150) -> None:
    """Jobs with a Due Date and a Done Date, and a Planned Qty with nothing made beside it (only Scrapped)."""
    rnd = random.Random(82)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Job", "Cell", "Due Date", "Done Date", "Planned Qty", "Units Scrapped"])
        for i in range(n):
            due = dt.date(2024, 3, 1) + dt.timedelta(days=rnd.randrange(90))
            done = due + dt.timedelta(days=rnd.randint(-5, 5))
            w.writerow([f"J{i:03d}", rnd.choice(CELLS), due.isoformat(), done.isoformat(), rnd.choice([100, 200]),
                        rnd.randint(0, 9)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_plans")
    with ingested_views(root, [("runs", _write_runs), ("jobs", _write_jobs), ("shifts", _write_shifts),
                               ("inspections", _write_inspections)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


MADE = '"Units Made"'
PLANNED = '"Planned Qty"'


def test_shortfall_against_a_planned_qty(data):
    _check(data, "runs", "shortfall vs plan by cell", f"SELECT Cell, sum({PLANNED} - {MADE}) FROM runs GROUP BY 1")


@pytest.mark.parametrize("question", ["% of plan achieved by cell", "plan attainment by cell"])
def test_made_as_a_percentage_of_plan(data, question):
    _check(data, "runs", question, f"SELECT Cell, 100.0 * sum({MADE}) / sum({PLANNED}) FROM runs GROUP BY 1")


@pytest.mark.parametrize("question", ["runs that missed plan by cell", "runs behind plan by cell"])
def test_missed_plan_keeps_the_rows_made_under_it(data, question):
    _check(data, "runs", question, f"SELECT Cell, count(*) FROM runs WHERE {MADE} < {PLANNED} GROUP BY 1")


def test_missed_plan_as_a_total(data):
    _check(data, "runs", "total units made by operator on runs that missed plan",
           f"SELECT Operator, sum({MADE}) FROM runs WHERE {MADE} < {PLANNED} GROUP BY 1")


def test_missed_the_due_date_compares_no_dates_earlier(data):
    dirs, _ = data
    ans = answer(dirs["jobs"], "jobs that missed the due date by cell")
    assert '"Done Date" < "Due Date"' not in ans.sql


def test_a_plan_with_nothing_made_beside_it_is_a_plain_sum(data):
    _check(data, "jobs", "planned qty by cell", f"SELECT Cell, sum({PLANNED}) FROM jobs GROUP BY 1")


# ------------------------------------------------------------------ output and defects said in everyday words
def test_output_names_the_units_made(data):
    _check(data, "shifts", "total output by month",
           "SELECT date_trunc('month', \"Shift Date\"), sum(\"Units Made\") FROM shifts GROUP BY 1")


def test_a_defect_rate_over_units_scrapped(data):
    _check(data, "shifts", "defect rate by cell",
           'SELECT Cell, 100.0 * sum("Units Scrapped") / sum("Units Made") FROM shifts GROUP BY 1')


def test_a_defects_column_is_the_defects(data):
    _check(data, "inspections", "defects by cell", "SELECT Cell, sum(Defects) FROM inspections GROUP BY 1")


# ------------------------------------------------------------------ good units: made − scrapped
@pytest.mark.parametrize("question", ["good units by cell", "total good units made per cell"])
def test_good_units_are_made_minus_scrapped(data, question):
    _check(data, "shifts", question, 'SELECT Cell, sum("Units Made" - "Units Scrapped") FROM shifts GROUP BY 1')


def test_good_before_another_noun_is_no_good_units(data):
    _check(data, "shifts", "units made by cell in good months",
           'SELECT Cell, sum("Units Made") FROM shifts GROUP BY 1')


def test_good_units_need_units_turned_away(data):
    dirs, _ = data
    ans = answer(dirs["runs"], "good units by cell")  # Units Made beside no scrapped column
    assert " - " not in ans.sql
