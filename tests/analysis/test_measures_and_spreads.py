"""Two or more measures per group and distributions (issue 11), on small CSVs written here: "budget vs
actual by team", "revenue, cost and units by region", a count beside a measure ("tickets and average
hours to resolve by queue", "count and total of orders by channel"), measures of one kind side by side,
and the spread of a duration between two dates or of a number in bands. Each asks `answer()` and checks
the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_shop(path: Path, n: int = 240) -> None:
    """Orders of one year: units, revenue and its cost, a 1-5 rating."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order No", "Order Date", "Region", "Channel", "Units", "Revenue", "Cost", "Rating"])
        for i in range(n):
            units = rnd.randint(1, 8)
            rev = round(units * rnd.uniform(8, 60), 2)
            w.writerow([f"N{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))).isoformat(),
                        rnd.choice(["North", "South", "East", "West"]), rnd.choice(["Web", "Store", "Phone"]),
                        units, rev, round(rev * rnd.uniform(0.5, 0.9), 2), rnd.randint(1, 5)])


def _write_mailings(path: Path, n: int = 40) -> None:
    """Email campaigns with a planned budget and the actual spend, both in money."""
    rnd = random.Random(22)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Campaign", "Send Date", "Team", "Sent", "Clicks", "Budget", "Actual Spend"])
        for i in range(n):
            sent = rnd.randint(1000, 9000)
            budget = rnd.choice([500, 1000, 1500, 2000])
            w.writerow([f"Camp {i:02d}", (dt.date(2024, 1, 1) + dt.timedelta(days=7 * i)).isoformat(),
                        rnd.choice(["Growth", "Retention", "Brand"]), sent, int(sent * rnd.uniform(0.01, 0.05)),
                        budget, round(budget * rnd.uniform(0.7, 1.3), 2)])


def _write_tickets(path: Path, n: int = 200) -> None:
    """Support tickets labelled one per row ("Ticket"), with the hours each took (a level, averaged)."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ticket", "Queue", "Priority", "Wait Minutes", "Handle Time (min)"])
        for i in range(n):
            w.writerow([f"T{i:04d}", rnd.choice(["Billing", "Tech", "Account"]),
                        rnd.choice(["Low", "Medium", "High"]), rnd.randint(1, 48), round(rnd.uniform(3, 40), 1)])


def _write_deliveries(path: Path, n: int = 180) -> None:
    """Deliveries: ordered and delivered dates (1-12 days apart), the basket's value."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Carrier", "Ordered On", "Delivered On", "Order Value"])
        for i in range(n):
            d0 = dt.date(2024, 2, 1) + dt.timedelta(days=rnd.randrange(200))
            delivered = d0 + dt.timedelta(days=rnd.randint(1, 12))
            w.writerow([f"D{i:04d}", rnd.choice(["FastShip", "Parcelo", "PostCo"]), d0.isoformat(),
                        delivered.isoformat(), round(rnd.lognormvariate(3.5, 0.6), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("shop", _write_shop), ("mailings", _write_mailings), ("tickets", _write_tickets),
               ("deliveries", _write_deliveries))
    with ingested_views(tmp_path_factory.mktemp("spreads"), writers) as got:
        yield got


# ------------------------------------------------------------------ two or more measures per group
@pytest.mark.parametrize("q", ["budget vs actual by team", "budget versus actual spend by team"])
def test_two_amounts_said_versus_by_group_are_compared_per_group(data, q):
    """Not one measure's raw rows per team, nor one amount plotted against the other row by row."""
    ans = same_answer(data, "mailings", q,
                      'SELECT Team, sum(Budget), sum("Actual Spend") FROM mailings GROUP BY 1', every_column=True)
    assert ans.chart_type == "bar"


def test_three_measures_listed_are_all_shown(data):
    same_answer(data, "shop", "revenue, cost and units by region",
                "SELECT Region, sum(Revenue), sum(Cost), sum(Units) FROM shop GROUP BY 1", every_column=True)


def test_the_rows_label_column_in_the_plural_counts_rows_beside_a_measure(data):
    same_answer(data, "tickets", "tickets and average handle time by queue",
                'SELECT Queue, count(*), avg("Handle Time (min)") FROM tickets GROUP BY 1', every_column=True)


def test_count_and_total_of_the_rows_counts_them_beside_the_money(data):
    same_answer(data, "shop", "count and total of orders by channel",
                "SELECT Channel, count(*), sum(Revenue) FROM shop GROUP BY 1", every_column=True)


def test_a_level_beside_a_total_with_no_aggregation_said_makes_both_averages(data):
    """"wait vs handle time per queue": a total of waits beside an average handle time is no comparison."""
    same_answer(data, "tickets", "wait minutes and handle time per queue",
                'SELECT Queue, avg("Wait Minutes"), avg("Handle Time (min)") FROM tickets GROUP BY 1',
                every_column=True)


def test_aggregations_said_are_kept_beside_each_other(data):
    same_answer(data, "tickets", "total wait minutes and average handle time per queue",
                'SELECT Queue, sum("Wait Minutes"), avg("Handle Time (min)") FROM tickets GROUP BY 1',
                every_column=True)


def test_two_totals_of_one_kind_stay_totals(data):
    same_answer(data, "shop", "revenue and cost by channel",
                "SELECT Channel, sum(Revenue), sum(Cost) FROM shop GROUP BY 1", every_column=True)


# ------------------------------------------------------------------ distributions
@pytest.mark.parametrize("q", ["spread of delivery times", "distribution of days to deliver"])
def test_the_spread_of_a_duration_between_two_dates_is_a_box_of_each_rows_days(data, q):
    ds, con = data
    ans = answer(ds["deliveries"], q)
    assert ans.chart_type == "boxplot"
    gold = con.execute('SELECT median("Delivered On" - "Ordered On"), count(*) FROM deliveries').fetchone()
    assert [(r["median"], r["n"]) for r in ans.data] == [(float(gold[0]), gold[1])]
    assert "Ordered On" in ans.insight and "Delivered On" in ans.insight


def test_the_spread_of_a_duration_by_group_is_a_box_per_group(data):
    ds, con = data
    ans = answer(ds["deliveries"], "delivery time distribution by carrier")
    assert ans.chart_type == "boxplot"
    gold = con.execute('SELECT Carrier, median("Delivered On" - "Ordered On") FROM deliveries GROUP BY 1').fetchall()
    assert sorted((r["Carrier"], r["median"]) for r in ans.data) == sorted((c, float(m)) for c, m in gold)


@pytest.mark.parametrize("q", ["how many orders fall in each order value band", "orders per order value range"])
def test_rows_in_each_band_of_a_number_named_in_several_words_are_a_histogram(data, q):
    ds, con = data
    ans = answer(ds["deliveries"], q)
    assert ans.chart_type == "histogram"
    width = ans.data[0]["bin_end"] - ans.data[0]["bin_start"]
    assert width in (1, 2, 2.5, 5, 10, 20, 25, 50)  # round bin edges
    assert all(r["bin_start"] % width == 0 for r in ans.data)
    assert sum(r["Count"] for r in ans.data) == con.execute("SELECT count(*) FROM deliveries").fetchone()[0]


def test_whole_numbers_are_binned_in_whole_widths(data):
    """Ratings 1-5 one bin each; waits of 1-48 minutes in whole bins (never 2.5: 3 values, then 2)."""
    ds, con = data
    for q, col in (("distribution of wait minutes", '"Wait Minutes"'), ("histogram of units", "Units")):
        table = "tickets" if "wait" in q else "shop"
        ans = answer(ds[table], q)
        assert ans.chart_type == "histogram"
        widths = {r["bin_end"] - r["bin_start"] for r in ans.data}
        assert len(widths) == 1 and widths.pop() in (1, 2, 5, 10)
        assert sum(r["Count"] for r in ans.data) == con.execute(f"SELECT count({col}) FROM {table}").fetchone()[0]
