"""Chart shapes said in everyday words (issue 11's scatter, distribution and two-measure families):
"revenue" / "sales" never name a column of cost (so "revenue and cost by month" is two measures, and a
table whose only money is a cost declines "revenue by region"), and "per <the rows' id>" in a scatter or
a distribution names the rows ("hours worked vs output per employee" is one dot per employee, "distribution
of attendees per booking" one value per booking), while "output per employee by department" stays a ratio.
Each asks `answer()` about a small CSV written here and checks the rows against DuckDB over the same file."""
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

REGIONS = ["North", "South", "East", "West"]


def _write_orders(path: Path, n: int = 240) -> None:
    """Orders with a plain-number order_value (no currency sign) beside a cost column."""
    rnd = random.Random(71)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["order_id", "order_date", "region", "category", "order_value", "cost"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            value = round(rnd.uniform(40, 900), 2)
            w.writerow([f"O{i:04d}", day.isoformat(), rnd.choice(REGIONS), rnd.choice(["Tools", "Paint", "Garden"]),
                        value, round(value * rnd.uniform(0.5, 0.8), 2)])


def _write_jobs(path: Path) -> None:
    """Jobs whose only money is a cost."""
    rnd = random.Random(72)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Job", "Region", "Cost", "Hours"])
        for i in range(60):
            w.writerow([f"J{i:03d}", rnd.choice(REGIONS), round(rnd.uniform(50, 400), 2), rnd.randint(1, 9)])


def _write_staff(path: Path) -> None:
    """One row per employee: hours per week and output, in a department."""
    rnd = random.Random(73)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["emp_id", "department", "hours_per_week", "output_units"])
        for i in range(80):
            hours = round(rnd.uniform(30, 50), 1)
            w.writerow([f"E{i:03d}", rnd.choice(["Ops", "Sales", "Support"]), hours, round(hours * rnd.uniform(2, 3))])


def _write_bookings(path: Path) -> None:
    """One row per room booking, with its number of attendees."""
    rnd = random.Random(74)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["booking_id", "room", "attendees"])
        for i in range(150):
            w.writerow([f"B{i:04d}", rnd.choice(["Oak", "Elm", "Ash"]), rnd.randint(2, 14)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("shapes_wording")
    with ingested_views(root, [("orders", _write_orders), ("jobs", _write_jobs), ("staff", _write_staff),
                               ("bookings", _write_bookings)]) as (dirs, con):
        yield dirs, con


def _all_rows(ans) -> set[tuple]:
    return {tuple(round(v, 6) if isinstance(v, float) else v for v in r.values()) for r in ans.data}


def _gold_all(con, sql: str) -> set[tuple]:
    return {tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in con.execute(sql).fetchall()}


# ------------------------------------------------------------------ revenue is not the cost
@pytest.mark.parametrize(("question", "sql"), [
    ("revenue and cost by category", "SELECT category, sum(order_value), sum(cost) FROM orders GROUP BY 1"),
    ("cost and revenue per region", "SELECT region, sum(cost), sum(order_value) FROM orders GROUP BY 1"),
])
def test_revenue_beside_a_cost_is_two_measures(data, question, sql):
    dirs, con = data
    ans = answer(dirs["orders"], question)
    assert ans.chart_type == "bar"
    assert _all_rows(ans) == _gold_all(con, sql)


def test_revenue_by_month_beside_a_cost_takes_the_order_value(data):
    dirs, con = data
    ans = answer(dirs["orders"], "revenue by month")
    assert "cost" not in ans.sql
    assert _rows(ans) == _gold(con, "SELECT date_trunc('month', order_date), sum(order_value) FROM orders GROUP BY 1")


def test_cost_alone_is_still_the_cost(data):  # near-miss: the cost's own word
    dirs, con = data
    ans = answer(dirs["orders"], "total cost by region")
    assert _rows(ans) == _gold(con, "SELECT region, sum(cost) FROM orders GROUP BY 1")


@pytest.mark.parametrize("question", ["revenue by region", "total sales by region"])
def test_revenue_over_a_table_of_costs_is_declined(data, question):
    dirs, _ = data
    with pytest.raises(Unanswerable):
        answer(dirs["jobs"], question)


# ------------------------------------------------------------------ "per <the rows' id>" in a scatter or spread
def test_versus_per_row_id_is_one_dot_per_row(data):
    dirs, con = data
    ans = answer(dirs["staff"], "hours worked vs output per employee")
    assert ans.chart_type == "point"
    assert _rows(ans) == _gold(con, "SELECT hours_per_week, output_units FROM staff")


def test_distribution_per_row_id_is_a_histogram(data):
    dirs, con = data
    ans = answer(dirs["bookings"], "distribution of attendees per booking")
    assert ans.chart_type == "histogram"
    assert ans.facts[0]["median"] == con.execute("SELECT median(attendees) FROM bookings").fetchone()[0]


def test_per_row_id_beside_a_group_stays_a_ratio(data):  # near-miss: no scatter or spread asked
    dirs, con = data
    ans = answer(dirs["staff"], "output per employee by department")
    assert ans.chart_type == "bar"
    assert _rows(ans) == _gold(con, "SELECT department, sum(output_units) / count(DISTINCT emp_id) FROM staff "
                                    "GROUP BY 1")


def test_average_per_row_id_is_one_number(data):  # near-miss: a KPI, not a spread
    dirs, con = data
    ans = answer(dirs["bookings"], "average attendees per booking")
    assert ans.chart_type == "kpi"
    assert abs(list(ans.data[0].values())[0] - con.execute("SELECT avg(attendees) FROM bookings").fetchone()[0]) < 1e-9


# ------------------------------------------------------------------ a dot per group tells its correlation
def test_dots_per_group_tell_their_correlation(data):
    dirs, con = data
    ans = answer(dirs["orders"], "plot avg order value against avg cost for each region")
    assert ans.chart_type == "point"
    r = con.execute("SELECT corr(a, b) FROM (SELECT avg(order_value) a, avg(cost) b FROM orders GROUP BY region)"
                    ).fetchone()[0]
    assert f"r = {r:.2f}" in ans.insight and "one per region" in ans.insight


def test_two_measures_as_bars_tell_no_correlation(data):  # near-miss: bars side by side, no scatter
    dirs, _ = data
    ans = answer(dirs["orders"], "revenue and cost by category")
    assert ans.chart_type == "bar" and "correlation" not in ans.insight


# ------------------------------------------------------------------ a generic head noun names its one column
def _write_rentals(path: Path) -> None:
    """Rentals: a Vehicle Class beside a Customer Type ("class" and "type" are synonyms), and a Seat Class
    in the second file, so that "class" is written in two column names there."""
    rnd = random.Random(75)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Agreement No", "Vehicle Class", "Customer Type", "Daily Rate", "Rental Days"])
        for i in range(90):
            w.writerow([f"RA{i:04d}", rnd.choice(["SUV", "Compact", "Van"]), rnd.choice(["Leisure", "Business"]),
                        round(rnd.uniform(40, 120), 2), rnd.randint(1, 9)])


def _write_trips(path: Path) -> None:
    rnd = random.Random(76)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Trip", "Vehicle Class", "Seat Class", "Price"])
        for i in range(60):
            w.writerow([f"T{i:03d}", rnd.choice(["Bus", "Rail"]), rnd.choice(["First", "Second"]),
                        round(rnd.uniform(5, 50), 2)])


@pytest.fixture(scope="module")
def rentals(tmp_path_factory):
    root = tmp_path_factory.mktemp("shapes_rentals")
    with ingested_views(root, [("rentals", _write_rentals), ("trips", _write_trips)]) as (dirs, con):
        yield dirs, con


def test_generic_head_noun_names_its_one_column(rentals):
    dirs, con = rentals
    ans = answer(dirs["rentals"], "avg daily rate by class")
    assert _rows(ans) == _gold(con, 'SELECT "Vehicle Class", avg("Daily Rate") FROM rentals GROUP BY 1')


def test_per_group_scatter_by_a_generic_head_noun(rentals):
    dirs, con = rentals
    ans = answer(dirs["rentals"], "plot avg daily rate against avg rental days for each class")
    assert ans.chart_type == "point"
    assert _all_rows(ans) == _gold_all(con, 'SELECT "Vehicle Class", avg("Daily Rate"), avg("Rental Days") '
                                            'FROM rentals GROUP BY 1')


def test_synonym_still_names_its_own_column(rentals):  # near-miss: "type" is written in Customer Type
    dirs, con = rentals
    ans = answer(dirs["rentals"], "avg daily rate by type")
    assert _rows(ans) == _gold(con, 'SELECT "Customer Type", avg("Daily Rate") FROM rentals GROUP BY 1')


def test_generic_word_of_two_columns_names_neither(rentals):  # near-miss: two columns end in "class"
    dirs, _ = rentals
    ans = answer(dirs["trips"], "avg price by class")
    assert "Class" not in (ans.plan["data_fields"].get("x") or "")


# ------------------------------------------------------------------ a count plotted "against" a measure
@pytest.mark.parametrize(("question", "sql"), [
    ("plot total order value against number of orders for each region",
     "SELECT region, sum(order_value), count(*) FROM orders GROUP BY 1"),
    ("plot number of orders against avg cost for each category",
     "SELECT category, count(*), avg(cost) FROM orders GROUP BY 1"),
])
def test_count_against_a_measure_is_one_dot_per_group(data, question, sql):
    dirs, con = data
    ans = answer(dirs["orders"], question)
    assert ans.chart_type == "point"
    assert _all_rows(ans) == _gold_all(con, sql)


def test_against_without_two_numbers_pairs_nothing(data):  # near-miss: "against" beside one number only
    dirs, con = data
    ans = answer(dirs["orders"], "number of orders logged against each region")
    assert ans.chart_type == "bar"
    assert _rows(ans) == _gold(con, "SELECT region, count(*) FROM orders GROUP BY 1")


# ------------------------------------------------------------------ "revenue vs cost": a word of money is a number
@pytest.mark.parametrize(("question", "sql"), [
    ("revenue vs cost by category", "SELECT category, sum(order_value), sum(cost) FROM orders GROUP BY 1"),
    ("revenue vs cost by month",
     "SELECT strftime(date_trunc('month', order_date), '%Y-%m-%d'), sum(order_value), sum(cost) "
     "FROM orders GROUP BY 1"),
])
def test_revenue_vs_cost_is_two_measures(data, question, sql):
    dirs, con = data
    ans = answer(dirs["orders"], question)
    assert _all_rows(ans) == _gold_all(con, sql)


def test_revenue_vs_a_value_compares_the_values(data):  # near-miss: two values of one column, one measure
    dirs, con = data
    ans = answer(dirs["orders"], "revenue north vs south")
    assert _rows(ans) == _gold(con, "SELECT region, sum(order_value) FROM orders WHERE region IN ('North', 'South') "
                                    "GROUP BY 1")
