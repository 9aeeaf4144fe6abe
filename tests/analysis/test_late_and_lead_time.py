"""Late deliveries and lead time (issue 11, derived measures): in a table with a due date ("Need By") and one
date a row gets when its goods come in (Received, blank while open), "late" / "early" / "on time" said with no date
column named compare the two ("how many POs arrived late", "% late by vendor", "on time delivery rate"), "days
late" is the time from the due date to the arrival, and "lead time" / "slowest to deliver" run from the order date
to the arrival. Near misses: no due date, a Late Fee column, a Status = Late value, no arrival date. Each asks
`answer()` about a small CSV written here and checks the rows against DuckDB over the same file."""
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

VENDORS = ["Acme", "Birch", "Cobalt"]


def _write_pos(path: Path, n: int = 150) -> None:
    """Purchase orders: ordered, needed by, received (blank while open)."""
    rnd = random.Random(81)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["PO", "Vendor", "Ordered", "Need By", "Received", "Amount"])
        for i in range(n):
            ordered = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            need = ordered + dt.timedelta(days=14)
            got = need + dt.timedelta(days=rnd.randint(-6, 8))
            w.writerow([f"PO{i:03d}", rnd.choice(VENDORS), ordered.isoformat(), need.isoformat(),
                        "" if rnd.random() < 0.1 else got.isoformat(), round(rnd.uniform(100, 900), 2)])


def _write_rentals(path: Path, n: int = 80) -> None:
    """Rentals: out and back (blank while out), no due date."""
    rnd = random.Random(82)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Rental", "Branch", "Picked Up", "Returned", "Total"])
        for i in range(n):
            out = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            back = out + dt.timedelta(days=rnd.randint(1, 6))
            w.writerow([f"R{i:03d}", rnd.choice(VENDORS), out.isoformat(),
                        "" if rnd.random() < 0.1 else back.isoformat(), round(rnd.uniform(50, 400), 2)])


def _write_bills(path: Path, n: int = 80) -> None:
    """Bills: a due date, a paid date (blank while unpaid), a late fee and a status that says Late."""
    rnd = random.Random(83)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Bill", "Vendor", "Due Date", "Paid Date", "Late Fee", "Status"])
        for i in range(n):
            due = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            paid = due + dt.timedelta(days=rnd.randint(-5, 5))
            unpaid = rnd.random() < 0.15
            w.writerow([f"B{i:03d}", rnd.choice(VENDORS), due.isoformat(), "" if unpaid else paid.isoformat(),
                        25 if paid > due else 0, "Open" if unpaid else ("Late" if paid > due else "Paid")])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("late_and_lead")
    with ingested_views(root, [("pos", _write_pos), ("rentals", _write_rentals), ("bills", _write_bills)]) as v:
        yield v


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


LATE = 'Received > "Need By"'


@pytest.mark.parametrize("question", ["how many POs arrived late", "how many orders were late",
                                      "number of late deliveries"])
def test_late_compares_the_arrival_with_the_due_date(data, question):
    _check(data, "pos", question, f"SELECT count(*) FROM pos WHERE {LATE}")


def test_late_orders_by_vendor_are_the_orders_that_arrived_late(data):
    _check(data, "pos", "late orders by vendor", f"SELECT Vendor, count(*) FROM pos WHERE {LATE} GROUP BY 1")


@pytest.mark.parametrize("question", ["% late by vendor", "late rate by vendor"])
def test_a_share_late_is_over_the_rows_arrived(data, question):
    _check(data, "pos", question, f"SELECT Vendor, 100.0 * count(*) FILTER (WHERE {LATE}) / count(Received) "
                                  "FROM pos GROUP BY 1")


def test_on_time_is_by_the_due_date(data):
    _check(data, "pos", "on time delivery rate",
           'SELECT 100.0 * count(*) FILTER (WHERE Received <= "Need By") / count(Received) FROM pos')


def test_days_late_run_from_the_due_date_over_the_late_rows(data):
    _check(data, "pos", "avg days late by vendor",
           f'SELECT Vendor, avg(date_diff(\'day\', "Need By", Received)) FROM pos WHERE {LATE} GROUP BY 1')


@pytest.mark.parametrize("question", ["average lead time by vendor", "avg leadtime by vendor",
                                      "lead time in days by vendor"])
def test_lead_time_runs_from_the_order_to_the_arrival(data, question):
    _check(data, "pos", question, "SELECT Vendor, avg(date_diff('day', Ordered, Received)) FROM pos GROUP BY 1")


def test_no_due_date_means_no_late_comparison(data):
    dirs, _con = data
    try:
        sql = answer(dirs["rentals"], "how many rentals came back late").sql
    except Unanswerable:
        return
    assert "Returned\" >" not in sql and "Picked Up\" >" not in sql


def test_no_arrival_date_means_no_lead_time(data):
    dirs, _con = data
    try:
        sql = answer(dirs["bills"], "average lead time by vendor").sql
    except Unanswerable:
        return
    assert "epoch" not in sql


def test_a_late_fee_column_is_what_late_fee_names(data):
    _check(data, "bills", "total late fee by vendor", 'SELECT Vendor, sum("Late Fee") FROM bills GROUP BY 1')


def test_paid_late_still_reads_the_paid_date(data):
    _check(data, "bills", "how many bills were paid late", 'SELECT count(*) FROM bills WHERE "Paid Date" > "Due Date"')


def test_late_deliveries_per_month_are_by_the_month_delivered(data):
    _check(data, "pos", "late deliveries per month",
           f"SELECT date_trunc('month', Received), count(*) FROM pos WHERE {LATE} GROUP BY 1")


def test_early_before_a_year_is_a_period_not_a_comparison(data):
    dirs, _con = data
    try:
        sql = answer(dirs["pos"], "how many POs were ordered in early 2024").sql
    except Unanswerable:
        return
    assert '"Received" <' not in sql
