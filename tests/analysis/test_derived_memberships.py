"""Derived measures of memberships that end (issue 11): a date of ending that stays blank while the member is
still with us (Cancelled, Termination Date) answers "churn rate" / "churn %" (the share of rows with it filled
in), "active members" / "current members" (the rows with it blank) and "tenure" (the time from the start date to
it; with no end date, to the data's last day). Near misses: a Status column holding "Active" keeps its value
filter, "current month" is a period, a date left blank that is no ending (Last Visit) is neither churn nor
activity, and a Tenure column is that column. Each asks `answer()` about a small CSV written here and checks the
rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

BRANCHES = ["Harbor", "Hilltop", "Midtown"]
TIERS = ["Basic", "Gold", "Platinum"]


def _write_members(path: Path, n: int = 300) -> None:
    """Memberships: Joined (every row), Cancelled (blank while active), a fee and an age; no Status column."""
    rnd = random.Random(71)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Member No", "Branch", "Tier", "Joined", "Cancelled", "Monthly Fee", "Age"])
        for i in range(n):
            joined = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(500))
            gone = joined + dt.timedelta(days=rnd.randint(10, 400)) if rnd.random() < 0.3 else None
            w.writerow([f"MB{i:04d}", rnd.choice(BRANCHES), rnd.choice(TIERS), joined.isoformat(),
                        gone.isoformat() if gone else "", rnd.choice([19.99, 34.99, 59.99]), rnd.randint(18, 70)])


def _write_staff(path: Path, n: int = 120) -> None:
    """Staff: a Hire Date only (no end date), a Status holding Active / On Leave, a Dept."""
    rnd = random.Random(72)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Emp ID", "Dept", "Hire Date", "Status", "Salary"])
        for i in range(n):
            hired = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3000))
            w.writerow([f"E{i:03d}", rnd.choice(["Sales", "Ops", "IT"]), hired.isoformat(),
                        rnd.choice(["Active", "Active", "On Leave"]), rnd.randint(40000, 90000)])


def _write_subs(path: Path, n: int = 200) -> None:
    """Subscriptions with a Status holding Active / Cancelled beside an End Date left blank while active."""
    rnd = random.Random(73)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Sub ID", "Plan", "Start Date", "End Date", "Status", "MRR"])
        for i in range(n):
            start = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            ended = rnd.random() < 0.25
            status = "Cancelled" if ended else rnd.choice(["Active", "Active", "Paused"])
            end = (start + dt.timedelta(days=rnd.randint(30, 200))).isoformat() if ended else ""
            w.writerow([f"S{i:03d}", rnd.choice(TIERS), start.isoformat(), end, status, rnd.choice([50, 120, 300])])


def _write_visitors(path: Path, n: int = 200) -> None:
    """Club visitors: a Last Visit date some rows leave blank (no ending), a Tenure (yrs) column."""
    rnd = random.Random(74)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visitor", "Branch", "Registered", "Last Visit", "Tenure (yrs)"])
        for i in range(n):
            reg = dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randrange(700))
            last = (reg + dt.timedelta(days=rnd.randint(1, 300))).isoformat() if rnd.random() < 0.7 else ""
            w.writerow([f"V{i:03d}", rnd.choice(BRANCHES), reg.isoformat(), last, round(rnd.uniform(0.5, 9), 1)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_memberships")
    with ingested_views(root, [("members", _write_members), ("staff", _write_staff), ("subs", _write_subs),
                               ("visitors", _write_visitors)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


CHURN = "100.0 * avg(CASE WHEN Cancelled IS NOT NULL THEN 1.0 ELSE 0.0 END)"


# ------------------------------------------------------------------ churn: the end date filled in
@pytest.mark.parametrize("question", ["churn rate by tier", "churn % by tier"])
def test_churn_is_the_share_of_rows_that_ended(data, question):
    _check(data, "members", question, f"SELECT Tier, {CHURN} FROM members GROUP BY 1")


def test_churn_percent_with_a_condition(data):
    _check(data, "members", "churn % for harbor", f"SELECT {CHURN} FROM members WHERE Branch = 'Harbor'")


def test_churn_is_no_blank_date_that_is_no_ending(data):
    dirs, _ = data
    with pytest.raises(Unanswerable):  # Last Visit left blank is not a membership ending
        answer(dirs["visitors"], "churn rate by branch")


# ------------------------------------------------------------------ active: the end date blank
@pytest.mark.parametrize("question, sql", [
    ("how many active members do we have", "SELECT count(*) FROM members WHERE Cancelled IS NULL"),
    ("active members by branch", "SELECT Branch, count(*) FROM members WHERE Cancelled IS NULL GROUP BY 1"),
    ("current members by tier", "SELECT Tier, count(*) FROM members WHERE Cancelled IS NULL GROUP BY 1"),
    ("avg age of active members", "SELECT avg(Age) FROM members WHERE Cancelled IS NULL"),
])
def test_active_rows_have_no_end_date(data, question, sql):
    _check(data, "members", question, sql)


def test_active_said_by_a_status_value_keeps_the_value(data):
    _check(data, "subs", "active subscriptions by plan", "SELECT Plan, count(*) FROM subs WHERE Status = 'Active' "
           "GROUP BY 1")


def test_current_month_is_a_period_not_the_active_rows(data):
    _check(data, "members", "signups in the current month",
           "SELECT count(*) FROM members WHERE Joined >= (SELECT date_trunc('month', max(Joined)) FROM members)")


def test_most_active_ranks_no_state(data):
    dirs, _ = data
    assert "IS NULL" not in answer(dirs["members"], "most active members by branch").sql


def test_active_is_no_blank_date_that_is_no_ending(data):
    _check(data, "visitors", "active visitors by branch", "SELECT Branch, count(*) FROM visitors GROUP BY 1")


# ------------------------------------------------------------------ tenure: start date to end date
TENURE = "avg(date_diff('day', Joined, Cancelled))"


def test_tenure_runs_from_joining_to_cancelling(data):
    _check(data, "members", "average tenure by tier", f"SELECT Tier, {TENURE} FROM members GROUP BY 1")


def test_tenure_in_the_unit_asked(data):
    _check(data, "members", "avg tenure in months by branch",
           "SELECT Branch, avg(date_diff('month', Joined, Cancelled)) FROM members GROUP BY 1")


def test_how_long_before_the_end_event(data):
    _check(data, "members", "how long do members stay before cancelling, by tier",
           f"SELECT Tier, {TENURE} FROM members GROUP BY 1")


def test_tenure_with_no_end_date_runs_to_the_last_day(data):
    _check(data, "staff", "average tenure by dept",
           "SELECT Dept, avg(date_diff('day', \"Hire Date\", (SELECT max(\"Hire Date\") FROM staff))) FROM staff "
           "GROUP BY 1")


def test_a_tenure_column_is_that_column(data):
    _check(data, "visitors", "average tenure by branch",
           'SELECT Branch, avg("Tenure (yrs)") FROM visitors GROUP BY 1')


def test_by_tenure_band_measures_no_time(data):
    dirs, _ = data
    try:
        sql = answer(dirs["members"], "total monthly fee by tenure band").sql
    except Unanswerable:
        return
    assert "epoch" not in sql and "date_diff" not in sql
