"""Relative periods and distributions in the words people type (issue 11): "last 30 days", "ytd", "so far
this year", "the last full month", "same month last year", "last yr", and "how are order values spread",
"how many orders fall in each price band". Periods are anchored to the data's latest date (here the 15th
of June 2024, mid-month, mid-quarter), not today. Each asks `answer()` about a small CSV written here and
checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import comparable_rows, rows_match, same_answer

LAST = dt.date(2024, 6, 15)  # a Saturday


def _write_orders(path: Path, n: int = 700) -> None:
    """Eighteen months of orders ending mid-month: an amount, a carrier and the days delivery took."""
    rnd = random.Random(21)
    first = dt.date(2023, 1, 1)
    span = (LAST - first).days
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Region", "Carrier", "Amount", "Unit Price", "Delivery Days"])
        for i in range(n):
            day = LAST if i == 0 else first + dt.timedelta(days=rnd.randrange(span + 1))
            w.writerow([f"R{i:04d}", day.isoformat(), rnd.choice(["North", "South", "East"]),
                        rnd.choice(["UPS", "FedEx", "DHL"]), round(rnd.uniform(5, 400), 2),
                        round(rnd.uniform(2, 60), 2), rnd.randint(1, 12)])


def _write_events(path: Path, n: int = 500) -> None:
    """A timestamped support-queue log of three and a half months: how many minutes each caller waited."""
    rnd = random.Random(22)
    start = dt.datetime(2024, 3, 1, 8, 0)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Event ID", "Event Time", "Queue", "Wait Minutes"])
        for i in range(n):
            at = dt.datetime(2024, 6, 12, 18, 30) if i == 0 else \
                start + dt.timedelta(minutes=rnd.randrange(0, 102 * 24 * 60))
            w.writerow([f"E{i:04d}", at.strftime("%Y-%m-%d %H:%M:%S"), rnd.choice(["Billing", "Tech", "Sales"]),
                        round(rnd.uniform(0.5, 45), 1)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("periods"), (("orders", _write_orders), ("events", _write_events))) \
            as got:
        yield got


def _in(lo: str, hi: str = "2024-06-15") -> str:
    return f"\"Order Date\" BETWEEN DATE '{lo}' AND DATE '{hi}'"


# ------------------------------------------------------------------ relative periods on the data's last date
@pytest.mark.parametrize("q,sql", [
    ("total amount in the last 30 days", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-05-17')}"),
    ("orders over the past 6 weeks", f"SELECT count(*) FROM orders WHERE {_in('2024-05-05')}"),
    ("ytd amount", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-01-01')}"),
    ("total amount year to date by region",
     f"SELECT Region, sum(Amount) FROM orders WHERE {_in('2024-01-01')} GROUP BY 1"),
    ("how much amount so far this year", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-01-01')}"),
    ("orders since january", f"SELECT count(*) FROM orders WHERE {_in('2024-01-01')}"),
    ("mtd amount", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-06-01')}"),
    ("amount in the last full month", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-05-01', '2024-05-31')}"),
    ("amount for the last complete quarter",
     f"SELECT sum(Amount) FROM orders WHERE {_in('2024-01-01', '2024-03-31')}"),
    ("orders last yr", f"SELECT count(*) FROM orders WHERE {_in('2023-01-01', '2023-12-31')}"),
    ("amount in the same month last year",
     f"SELECT sum(Amount) FROM orders WHERE {_in('2023-06-01', '2023-06-30')}"),
    ("total amount in the past 3 months", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-04-01')}"),
    ("amount last quarter by carrier",
     f"SELECT Carrier, sum(Amount) FROM orders WHERE {_in('2024-01-01', '2024-03-31')} GROUP BY 1"),
    ("amount over the past year by month",
     f"SELECT date_trunc('month', \"Order Date\"), sum(Amount) FROM orders WHERE {_in('2023-07-01')} GROUP BY 1"),
    ("amount by month over the last 12 months",
     f"SELECT date_trunc('month', \"Order Date\"), sum(Amount) FROM orders WHERE {_in('2023-07-01')} GROUP BY 1"),
    ("amount this quarter vs last quarter",
     f"SELECT date_trunc('quarter', \"Order Date\"), sum(Amount) FROM orders WHERE {_in('2024-01-01')} GROUP BY 1"),
    ("orders in the last 2 wks", f"SELECT count(*) FROM orders WHERE {_in('2024-06-02')}"),
    ("orders since last month", f"SELECT count(*) FROM orders WHERE {_in('2024-05-01')}"),
    ("amount in the month before last", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-04-01', '2024-04-30')}"),
    ("amount over the last 2 full months", f"SELECT sum(Amount) FROM orders WHERE {_in('2024-04-01', '2024-05-31')}"),
    ("orders by region last calendar year",
     f"SELECT Region, count(*) FROM orders WHERE {_in('2023-01-01', '2023-12-31')} GROUP BY 1"),
])
def test_a_relative_period_counts_back_from_the_data_s_last_date(data, q, sql):
    same_answer(data, "orders", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("average wait minutes in the last 14 days",
     "SELECT avg(\"Wait Minutes\") FROM events WHERE \"Event Time\" >= TIMESTAMP '2024-05-30'"),
    ("events per queue in the past week",
     "SELECT Queue, count(*) FROM events WHERE \"Event Time\" >= TIMESTAMP '2024-06-06' GROUP BY 1"),
    ("events in the last week",  # the last calendar week (Monday to Sunday) before the data's last
     "SELECT count(*) FROM events WHERE \"Event Time\" >= TIMESTAMP '2024-06-03' "
     "AND \"Event Time\" < TIMESTAMP '2024-06-10'"),
    ("average wait since april by queue",
     "SELECT Queue, avg(\"Wait Minutes\") FROM events WHERE \"Event Time\" >= TIMESTAMP '2024-04-01' GROUP BY 1"),
])
def test_a_relative_period_on_timestamps(data, q, sql):
    same_answer(data, "events", q, sql)


# ------------------------------------------------------------------ distributions in everyday words
def _same_spread(data, dataset: str, question: str, gold_sql: str, chart: str) -> None:
    """A distribution answer: its chart, and its medians (one per group for a boxplot) equal the gold's."""
    ds, con = data
    ans = answer(ds[dataset], question)
    gold = con.execute(gold_sql).fetchall()
    assert ans.chart_type == chart, (question, ans.chart_type, ans.sql)
    assert rows_match(gold, comparable_rows(ans)), (question, ans.sql, comparable_rows(ans)[:6], gold[:6])


@pytest.mark.parametrize("ds,q,sql,chart", [
    ("orders", "how are order values spread", "SELECT median(Amount) FROM orders", "histogram"),
    ("events", "distribution of wait times", "SELECT median(\"Wait Minutes\") FROM events", "histogram"),
    ("orders", "histogram of amounts", "SELECT median(Amount) FROM orders", "histogram"),
    ("orders", "how many orders fall in each price band", "SELECT median(\"Unit Price\") FROM orders", "histogram"),
    ("orders", "number of orders per amount bucket", "SELECT median(Amount) FROM orders", "histogram"),
    ("orders", "spread of delivery days by carrier",
     "SELECT Carrier, median(\"Delivery Days\") FROM orders GROUP BY 1", "boxplot"),
    ("events", "spread of wait times per queue",
     "SELECT Queue, median(\"Wait Minutes\") FROM events GROUP BY 1", "boxplot"),
    ("orders", "how many orders in each amount range", "SELECT median(Amount) FROM orders", "histogram"),
])
def test_a_distribution_said_in_everyday_words(data, ds, q, sql, chart):
    _same_spread(data, ds, q, sql, chart)
