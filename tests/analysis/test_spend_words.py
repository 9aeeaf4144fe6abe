"""What "spend" names (issue 11): a buyer's spend is what they paid, the money taken ("which client spends the
most" over Revenue and Food Cost), and spending adds up ("total spend by vendor" over Unit Cost and Amount is the
amount paid, not a price per unit); where the table's spend is a cost ("spend by channel" over a campaign's Cost)
or a column is named so, it stays. Each asks `answer()` about a small CSV written here and checks the rows
against DuckDB over the same file."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from tests.helpers import ingested_views

from .scoring import same_answer


def _write_catering(path: Path, n: int = 80) -> None:
    """Events sold to clients: what each client paid (Revenue) and what the food cost us."""
    rnd = random.Random(31)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order No", "Client", "Event Type", "Revenue", "Food Cost"])
        for i in range(n):
            revenue = round(rnd.uniform(800, 9000), 2)
            w.writerow([f"C-{i:04d}", rnd.choice(["Quill Books", "Fern & Co", "Nova Gym", "Hill Clinic"]),
                        rnd.choice(["Wedding", "Corporate"]), revenue, round(revenue * rnd.uniform(0.2, 0.9), 2)])


def _write_purchases(path: Path, n: int = 80) -> None:
    """Purchase orders: a price per unit and the amount paid for the order."""
    rnd = random.Random(32)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["PO Number", "Vendor", "Qty", "Unit Cost", "Amount"])
        for i in range(n):
            qty, unit = rnd.randint(1, 40), round(rnd.uniform(2, 90), 2)
            w.writerow([f"PO-{i:04d}", rnd.choice(["Acme", "Globex", "Initech"]), qty, unit, round(qty * unit, 2)])


def _write_campaigns(path: Path, n: int = 60) -> None:
    """Ad campaigns: the spend is the Cost of the clicks (no buyer, nothing per unit)."""
    rnd = random.Random(33)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Campaign", "Channel", "Clicks", "Cost", "Revenue", "New Customers"])
        for i in range(n):
            w.writerow([f"cmp{i}", rnd.choice(["Search", "Social", "Email"]), rnd.randint(10, 900),
                        round(rnd.uniform(50, 900), 2), round(rnd.uniform(0, 3000), 2), rnd.randint(1, 40)])


def _write_shop(path: Path, n: int = 80) -> None:
    """Shop orders: a price per unit, what the order brought in, the customer's segment (no cost column)."""
    rnd = random.Random(34)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["order_id", "customer_segment", "unit_price", "revenue"])
        for i in range(n):
            price = round(rnd.uniform(5, 90), 2)
            w.writerow([f"SO-{i:04d}", rnd.choice(["Consumer", "Corporate"]), price,
                        round(price * rnd.randint(1, 9), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("spend"), (("catering", _write_catering),
                                                           ("purchases", _write_purchases),
                                                           ("campaigns", _write_campaigns),
                                                           ("shop", _write_shop))) as got:
        yield got


@pytest.mark.parametrize("q,sql", [
    ("which client spends the most",
     "SELECT Client, sum(Revenue) AS s FROM catering GROUP BY 1 ORDER BY s DESC LIMIT 1"),
    ("spend by client", "SELECT Client, sum(Revenue) FROM catering GROUP BY 1"),
    ("average spend per client", "SELECT Client, avg(Revenue) FROM catering GROUP BY 1"),
])
def test_a_buyers_spend_is_the_money_taken(data, q, sql):
    same_answer(data, "catering", q, sql)


@pytest.mark.parametrize("q,sql", [
    # no column half-named by "spend": the verb's own words name unit_price, a price per unit
    ("spend by customer segment", "SELECT customer_segment, sum(revenue) FROM shop GROUP BY 1"),
    ("total spend", "SELECT sum(revenue) FROM shop"),
])
def test_the_spend_a_verb_names_is_what_was_paid_too(data, q, sql):
    same_answer(data, "shop", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("total spend by vendor", "SELECT Vendor, sum(Amount) FROM purchases GROUP BY 1"),
    ("what did we spend in total", "SELECT sum(Amount) FROM purchases"),
])
def test_spending_adds_up_to_the_amount_paid_not_a_price_per_unit(data, q, sql):
    same_answer(data, "purchases", q, sql)


@pytest.mark.parametrize("ds,q,sql", [
    ("campaigns", "spend by channel", "SELECT Channel, sum(Cost) FROM campaigns GROUP BY 1"),
    # a number of customers is no buyer: the spend per new customer is still ours
    ("campaigns", "spend per new customer by channel",
     'SELECT Channel, sum(Cost) / sum("New Customers") FROM campaigns GROUP BY 1'),
    ("catering", "food cost by client", 'SELECT Client, sum("Food Cost") FROM catering GROUP BY 1'),
    ("purchases", "average unit cost by vendor", 'SELECT Vendor, avg("Unit Cost") FROM purchases GROUP BY 1'),
])
def test_a_cost_that_is_spent_or_named_stays(data, ds, q, sql):
    """Near misses: no buyer and a cost that adds up, or the column named in full."""
    same_answer(data, ds, q, sql)
