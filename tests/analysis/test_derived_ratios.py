"""Derived measures that name no column (issue 11): a plan named by one word beside the amount done
("budget variance", "how far over budget"), a gross margin over two amounts, the time to resolve over a
table's opened / closed pair ("mean time to resolve", "slowest to resolve", "how long do tickets remain
open"), a trip's length over departure / return dates, and everyday ratios said by a set name (conversion
rate over a count of orders, average order value over a count column, revenue per employee over a
headcount, fuel economy, a status's rate said by its verb). Each asks `answer()` about a small CSV written
here and checks the rows against DuckDB over the same file."""
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

TEAMS = ["Platform", "Data", "Web", "Infra"]
SHOPS = ["Dockside", "Uptown", "Mill Lane"]


def _write_projects(path: Path, n: int = 120) -> None:
    """Projects: a Budget and a Forecast beside the Actual Cost, Revenue and Cost of Goods."""
    rnd = random.Random(41)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Project", "Team", "Budget", "Forecast", "Actual Cost", "Revenue", "Cost of Goods"])
        for i in range(n):
            budget = rnd.choice([20000, 35000, 50000])
            revenue = round(rnd.uniform(30000, 90000), 2)
            w.writerow([f"PRJ{i:03d}", rnd.choice(TEAMS), budget, round(budget * rnd.uniform(0.9, 1.1)),
                        round(budget * rnd.uniform(0.8, 1.3), 2), revenue, round(revenue * rnd.uniform(0.4, 0.8), 2)])


def _write_tickets(path: Path, n: int = 300) -> None:
    """Service tickets raised and closed (blank while open), with a status."""
    rnd = random.Random(42)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ticket No", "Team", "Severity", "Raised", "Closed", "Status", "Minutes Worked"])
        for i in range(n):
            raised = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            still_open = rnd.random() < 0.15
            closed = "" if still_open else (raised + dt.timedelta(days=rnd.randint(0, 20))).isoformat()
            status = "Open" if still_open else rnd.choice(["Fixed", "Fixed", "Fixed", "Rejected"])
            w.writerow([f"T{i:04d}", rnd.choice(TEAMS), rnd.choice(["Low", "High"]), raised.isoformat(), closed,
                        status, rnd.randint(10, 400)])


def _write_runs(path: Path, n: int = 200) -> None:
    """Delivery runs leaving on a departure date and back on a return date, with miles and gallons."""
    rnd = random.Random(43)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Run", "Truck", "Departure Date", "Return Date", "Miles", "Gallons"])
        for i in range(n):
            out = dt.date(2024, 5, 1) + dt.timedelta(days=rnd.randrange(120))
            miles = round(rnd.uniform(50, 500), 1)
            w.writerow([f"R{i:04d}", rnd.choice(["Truck A", "Truck B", "Truck C"]), out.isoformat(),
                        (out + dt.timedelta(days=rnd.randint(0, 4))).isoformat(), miles,
                        round(miles / rnd.uniform(8, 14), 2)])


def _write_shops(path: Path) -> None:
    """One row per shop and day: visits, orders (a count), revenue and the staff headcount."""
    rnd = random.Random(44)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Shop", "Day", "Visits", "Orders", "Revenue", "Headcount"])
        for d in range(60):
            for shop in SHOPS:
                visits = rnd.randint(200, 900)
                orders = int(visits * rnd.uniform(0.05, 0.2))
                w.writerow([shop, (dt.date(2024, 3, 1) + dt.timedelta(days=d)).isoformat(), visits, orders,
                            round(orders * rnd.uniform(20, 60), 2), rnd.randint(3, 8)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_ratios")
    with ingested_views(root, [("projects", _write_projects), ("tickets", _write_tickets), ("runs", _write_runs),
                               ("shops", _write_shops)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


# ------------------------------------------------------------------ a plan beside the amount done
@pytest.mark.parametrize("question, sql", [
    ("budget variance by team", 'SELECT Team, sum("Actual Cost" - Budget) FROM projects GROUP BY 1'),
    ("how far over budget is each team", 'SELECT Team, sum("Actual Cost" - Budget) FROM projects GROUP BY 1'),
    ("forecast overrun per team", 'SELECT Team, sum("Actual Cost" - Forecast) FROM projects GROUP BY 1'),
    ("how much under budget were projects in total", 'SELECT sum(Budget - "Actual Cost") FROM projects'),
])
def test_plan_named_by_one_word_beside_the_amount_done(data, question, sql):
    _check(data, "projects", question, sql)


# ------------------------------------------------------------------ margins over two amounts
@pytest.mark.parametrize("question", ["gross margin by team", "margin % per team"])
def test_margin_of_two_amounts_is_a_percentage(data, question):
    _check(data, "projects", question,
           'SELECT Team, 100.0 * (sum(Revenue) - sum("Cost of Goods")) / sum(Revenue) FROM projects GROUP BY 1')


def test_gross_profit_takes_the_cost_of_goods(data):
    _check(data, "projects", "gross profit by team",
           'SELECT Team, sum(Revenue - "Cost of Goods") FROM projects GROUP BY 1')


# ------------------------------------------------------------------ time between the ends of a stretch
TO_CLOSE = "date_diff('day', Raised, Closed)"


@pytest.mark.parametrize("question", ["mean time to resolve by team", "how long do tickets remain open by team",
                                      "days to fix a ticket per team"])
def test_time_to_resolve_runs_over_the_tables_stretch(data, question):
    _check(data, "tickets", question, f"SELECT Team, avg({TO_CLOSE}) FROM tickets GROUP BY 1")


def test_slowest_to_resolve_is_one_team(data):
    _check(data, "tickets", "which team is slowest to resolve",
           f"SELECT Team, avg({TO_CLOSE}) AS v FROM tickets GROUP BY 1 ORDER BY v DESC LIMIT 1")


def test_a_trips_length_runs_from_departure_to_return(data):
    _check(data, "runs", "average run length in days by truck",
           "SELECT Truck, avg(date_diff('day', \"Departure Date\", \"Return Date\")) FROM runs GROUP BY 1")


# ------------------------------------------------------------------ everyday ratios by their set names
@pytest.mark.parametrize("question, sql", [
    ("conversion rate per shop", "SELECT Shop, 100.0 * sum(Orders) / sum(Visits) FROM shops GROUP BY 1"),
    ("average order value by shop", "SELECT Shop, sum(Revenue) / sum(Orders) FROM shops GROUP BY 1"),
    ("revenue per employee for each shop", "SELECT Shop, sum(Revenue) / sum(Headcount) FROM shops GROUP BY 1"),
])
def test_shop_ratios_named_by_their_everyday_names(data, question, sql):
    _check(data, "shops", question, sql)


@pytest.mark.parametrize("question", ["fuel economy by truck", "mpg per truck"])
def test_fuel_economy_is_miles_per_gallon(data, question):
    _check(data, "runs", question, "SELECT Truck, sum(Miles) / sum(Gallons) FROM runs GROUP BY 1")


def test_a_status_rate_said_by_its_verb(data):
    _check(data, "tickets", "fix rate by severity",
           "SELECT Severity, 100.0 * avg(CASE WHEN Status = 'Fixed' THEN 1 ELSE 0 END) FROM tickets GROUP BY 1")


# ------------------------------------------------------------------ growth from one time bucket to the next
def _growth_sql(measure: str, grain: str, by: str = "") -> str:
    keys = f"date_trunc('{grain}', Day) AS w{', ' + by if by else ''}"
    part = f"PARTITION BY {by} " if by else ""
    return (f"SELECT w{', ' + by if by else ''}, g FROM (SELECT {keys}, 100.0 * ({measure} / lag({measure}) "
            f"OVER ({part}ORDER BY date_trunc('{grain}', Day)) - 1) AS g FROM shops GROUP BY {'1, 2' if by else '1'}) "
            "WHERE g IS NOT NULL")


@pytest.mark.parametrize("question", ["week over week revenue growth", "WoW growth in revenue"])
def test_growth_compares_each_week_with_the_one_before(data, question):
    _check(data, "shops", question, _growth_sql("sum(Revenue)", "week"))


def test_percent_change_of_a_count_per_series(data):
    _check(data, "shops", "% change in visits by shop week over week", _growth_sql("sum(Visits)", "week", "Shop"))


@pytest.mark.parametrize("table, question, sql", [
    ("shops", "avg revenue per order", "SELECT sum(Revenue) / sum(Orders) FROM shops"),
    ("shops", "revenue per visit for Uptown", "SELECT sum(Revenue) / sum(Visits) FROM shops WHERE Shop = 'Uptown'"),
    ("runs", "avg gallons per mile", "SELECT sum(Gallons) / sum(Miles) FROM runs"),
])
def test_a_ratio_is_never_grouped_by_its_own_denominator(data, table, question, sql):
    _check(data, table, question, sql)
