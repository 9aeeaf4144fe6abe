"""The rows' noun over a numbered id (issue 11): over orders numbered 10001, 10002, … "orders over $300" compares
what an order came to, "the largest order by region" is the most an order came to in each region, and "when was
our first order" asks its date; none of them is about the Order ID's numbers, which mean nothing as amounts. Said
by its name ("order id over 10300", "largest order id") the id is what is compared or aggregated; "order value"
is what the orders came to. Over repair requests, "closed requests" are those whose Closed date is filled in,
"open requests" those whose Closed date is blank. Each asks
`answer()` about a small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_orders(path: Path, n: int = 120) -> None:
    """A shop's orders: one row per numbered Order ID, its date, customer, region, items and total."""
    rnd = random.Random(52)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Customer", "Region", "Items", "Order Total"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(360))
            items = rnd.randint(1, 12)
            w.writerow([10001 + i, day.isoformat(), rnd.choice(["Acme", "Birch", "Cobalt", "Dover"]),
                        rnd.choice(["North", "South", "East"]), items, round(items * rnd.uniform(8, 60), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("rowsnoun"), (("orders", _write_orders),)) as got:
        yield got


@pytest.mark.parametrize("q,sql", [
    ("orders over $300", 'SELECT count(*) FROM orders WHERE "Order Total" > 300'),
    ("how many orders above 500", 'SELECT count(*) FROM orders WHERE "Order Total" > 500'),
    # near misses: the id said by its name is compared; a unit after the number names its column
    ("order id over 10060", 'SELECT count(*) FROM orders WHERE "Order ID" > 10060'),
    ("orders with ids between 10010 and 10020", 'SELECT count(*) FROM orders WHERE "Order ID" BETWEEN 10010 AND 10020'),
    ("orders with more than 5 items", 'SELECT count(*) FROM orders WHERE Items > 5'),
])
def test_an_amount_after_the_rows_noun_is_what_a_row_came_to(data, q, sql):
    same_answer(data, "orders", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("the largest order by region", 'SELECT Region, max("Order Total") FROM orders GROUP BY 1'),
    ("smallest order per customer", 'SELECT Customer, min("Order Total") FROM orders GROUP BY 1'),
    ("average order by region", 'SELECT Region, avg("Order Total") FROM orders GROUP BY 1'),
    ("median order", 'SELECT median("Order Total") FROM orders'),
    ("total orders", "SELECT count(*) FROM orders"),
    ("total orders by region", "SELECT Region, count(*) FROM orders GROUP BY 1"),
    # near misses: the id by its name
    ("largest order id", 'SELECT max("Order ID") FROM orders'),
    ("sum of order id by region", 'SELECT Region, sum("Order ID") FROM orders GROUP BY 1'),
])
def test_the_largest_row_is_its_size_not_its_number(data, q, sql):
    same_answer(data, "orders", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("when was our first order", 'SELECT min("Order Date") FROM orders'),
    ("when was the last order", 'SELECT max("Order Date") FROM orders'),
    ("latest order by customer", 'SELECT Customer, max("Order Date") FROM orders GROUP BY 1'),
])
def test_a_moment_of_the_rows_is_their_date(data, q, sql):
    same_answer(data, "orders", q, sql, every_column=True)


@pytest.mark.parametrize("q,sql", [
    ("order value by region", 'SELECT Region, sum("Order Total") FROM orders GROUP BY 1'),
    ("total value of orders by customer", 'SELECT Customer, sum("Order Total") FROM orders GROUP BY 1'),
    ("total order value", 'SELECT sum("Order Total") FROM orders'),
    # near miss: an average of it is per order
    ("median order value", 'SELECT median("Order Total") FROM orders'),
    # a word of money beside the rows' noun names the money, not the rows
    ("revenue from acme orders", """SELECT sum("Order Total") FROM orders WHERE Customer = 'Acme'"""),
])
def test_the_value_of_the_rows_is_what_they_came_to(data, q, sql):
    same_answer(data, "orders", q, sql)


def _write_requests(path: Path, n: int = 90) -> None:
    """A landlord's repair requests: when each was opened and, once done, closed (blank while open)."""
    rnd = random.Random(53)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Request ID", "Building", "Opened", "Closed", "Cost"])
        for i in range(n):
            opened = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            closed = "" if rnd.random() < 0.2 else (opened + dt.timedelta(days=rnd.randint(1, 30))).isoformat()
            w.writerow([f"MR-{2000 + i}", rnd.choice(["Maple", "Oak", "Pine"]), opened.isoformat(), closed,
                        round(rnd.uniform(40, 900), 2)])


@pytest.fixture(scope="module")
def repairs(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("repairs"), (("requests", _write_requests),)) as got:
        yield got


@pytest.mark.parametrize("q,sql", [
    ("closed requests by building", "SELECT Building, count(*) FROM requests WHERE Closed IS NOT NULL GROUP BY 1"),
    ("total cost of requests that were closed", "SELECT sum(Cost) FROM requests WHERE Closed IS NOT NULL"),
    ("how many requests haven't closed", "SELECT count(*) FROM requests WHERE Closed IS NULL"),
    ("open requests by building", "SELECT Building, count(*) FROM requests WHERE Closed IS NULL GROUP BY 1"),
    ("average cost of open requests", "SELECT avg(Cost) FROM requests WHERE Closed IS NULL"),
    # near misses: the date named as what is grouped by
    ("requests closed by month", "SELECT date_trunc('month', Closed), count(*) FROM requests "
                                 "WHERE Closed IS NOT NULL GROUP BY 1"),
    ("average cost by closed month", "SELECT date_trunc('month', Closed), avg(Cost) FROM requests "
                                     "WHERE Closed IS NOT NULL GROUP BY 1"),
])
def test_an_event_said_of_the_rows_is_its_date_filled_in_or_blank(repairs, q, sql):
    same_answer(repairs, "requests", q, sql)


def test_a_share_of_an_event_is_not_also_its_filter(repairs):
    """Near miss: "% of requests not yet closed by building" is a share of all requests, not a filter of them."""
    same_answer(repairs, "requests", "percentage of requests not yet closed by building",
                "SELECT Building, 100.0 * count(*) FILTER (WHERE Closed IS NULL) / count(*) FROM requests GROUP BY 1")


def test_a_number_of_something_else_is_not_what_a_row_came_to(data):
    """Near miss: "orders that took over 5 days" counts days, not dollars: no Order Total > 5."""
    ans = answer(data[0]["orders"], "how many orders took over 5 days")
    assert '"Order Total" > 5' not in ans.sql and '"Order ID" > 5' not in ans.sql, ans.sql


def test_a_total_of_a_column_named_a_total_is_called_by_its_name(data):
    """"order value by region" sums Order Total: the bars are "Order Total", not "Total Order Total"."""
    ans = answer(data[0]["orders"], "order value by region")
    assert ans.sql.count('AS "Order Total"') == 1 and "Total Order Total" not in ans.sql + ans.insight, ans.sql
