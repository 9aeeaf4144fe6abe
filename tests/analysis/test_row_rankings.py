"""Rows ranked by a measure and "which X is fastest" winners (issue 11): a count before a superlative of a
kind ("the 3 longest calls", "the two quickest shipments") lists that many rows, each with its own value,
not one aggregate; "which X is fastest / slowest" is the one X whose typical length of time ranks first.
Each asks `answer()` about a small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_calls(path: Path, n: int = 120) -> None:
    """A call log: two lengths of time (the call's, in minutes, and the caller's wait, in seconds)."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Call ID", "Agent", "Duration (min)", "Wait Sec"])
        for i in range(n):
            w.writerow([f"C{i:03d}", rnd.choice(["Ana", "Ben", "Cleo", "Dev"]), round(rnd.uniform(1, 45), 2),
                        rnd.randint(5, 600)])


def _write_shipments(path: Path, n: int = 100) -> None:
    """Deliveries: one length of time (days in transit) and a weight; transit days differ by carrier."""
    rnd = random.Random(22)
    slow = {"UPS": 0, "DHL": 3, "FedEx": 6}
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Shipment ID", "Carrier", "Days in Transit", "Weight (kg)"])
        for i in range(n):
            carrier = rnd.choice(list(slow))
            w.writerow([f"S{i:03d}", carrier, rnd.randint(1, 8) + slow[carrier], round(rnd.uniform(0.5, 40), 2)])


def _write_orders(path: Path, n: int = 90) -> None:
    """Purchase orders numbered "Order #": an amount of money, a weight, a vendor, a Rush? flag."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order #", "Vendor", "Placed", "Amount ($)", "Weight (kg)", "Rush?"])
        for i in range(n):
            w.writerow([f"PO-{1000 + i}", rnd.choice(["Acme", "Globex", "Initech"]),
                        f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", round(rnd.uniform(50, 9000), 2),
                        round(rnd.uniform(1, 80), 1), rnd.choice("YN")])


def _write_deliveries(path: Path, n: int = 90) -> None:
    """Food orders numbered by integers ("Order #" 10001…): the order total is what ranks them."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order #", "Restaurant", "Order Total", "Tip"])
        for i in range(n):
            w.writerow([10001 + i, rnd.choice(["Sushi Go", "Taco Hut"]), round(rnd.uniform(10, 90), 2),
                        round(rnd.uniform(0, 12), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("rows"), (("calls", _write_calls),
                                                          ("shipments", _write_shipments),
                                                          ("orders", _write_orders),
                                                          ("deliveries", _write_deliveries))) as got:
        yield got


def _ranked(data, dataset: str, question: str, gold_sql: str, n: int) -> None:
    """The answer is n rows, in the gold query's order (ties aside), each a row's label and value."""
    ans = same_answer(data, dataset, question, gold_sql)
    assert ans.chart_type == "bar" and len(ans.data) == n, (question, ans.sql)
    values = [r[ans.spec["encoding"]["y"]["field"]] if "y" in ans.spec.get("encoding", {}) else None
              for r in ans.data]
    ds, con = data
    gold = [r[1] for r in con.execute(gold_sql).fetchall()]
    assert values == pytest.approx(gold), (question, ans.sql)


# ------------------------------------------------------------------ N rows ranked by their own value
@pytest.mark.parametrize("ds,q,sql,n", [
    ("calls", "the 3 longest calls",
     'SELECT "Call ID", "Duration (min)" FROM calls ORDER BY 2 DESC LIMIT 3', 3),
    ("calls", "show me the 5 longest calls",
     'SELECT "Call ID", "Duration (min)" FROM calls ORDER BY 2 DESC LIMIT 5', 5),
    ("calls", "the two shortest calls",
     'SELECT "Call ID", "Duration (min)" FROM calls ORDER BY 2 ASC LIMIT 2', 2),
    ("calls", "the 4 calls with the longest wait",
     'SELECT "Call ID", "Wait Sec" FROM calls ORDER BY 2 DESC LIMIT 4', 4),
    ("shipments", "the 5 heaviest shipments",
     'SELECT "Shipment ID", "Weight (kg)" FROM shipments ORDER BY 2 DESC LIMIT 5', 5),
    ("shipments", "the three lightest shipments",
     'SELECT "Shipment ID", "Weight (kg)" FROM shipments ORDER BY 2 ASC LIMIT 3', 3),
])
def test_a_count_before_a_superlative_of_a_kind_lists_that_many_rows(data, ds, q, sql, n):
    _ranked(data, ds, q, sql, n)


@pytest.mark.parametrize("q,sql,n", [
    ("the 3 slowest shipments", 'SELECT "Shipment ID", "Days in Transit" FROM shipments ORDER BY 2 DESC LIMIT 3', 3),
    ("the two quickest shipments", 'SELECT "Shipment ID", "Days in Transit" FROM shipments ORDER BY 2 LIMIT 2', 2),
])
def test_a_speed_of_rows_ranks_them_by_their_length_of_time(data, q, sql, n):
    """Ties in transit days may list other shipments: the values are what must match."""
    ds, con = data
    ans = answer(ds["shipments"], q)
    gold = [r[1] for r in con.execute(sql).fetchall()]
    assert ans.chart_type == "bar" and len(ans.data) == n, (q, ans.sql)
    assert [r["Days in Transit"] for r in ans.data] == gold, (q, ans.sql)


def test_a_superlative_without_a_count_is_still_one_number(data):
    """"the longest call" is the longest duration (one number), as before."""
    same_answer(data, "calls", "the longest call", 'SELECT max("Duration (min)") FROM calls')


# ------------------------------------------------------------------ one row: "the largest order"
@pytest.mark.parametrize("q,sql", [
    ("the largest order", 'SELECT "Order #", "Amount ($)" FROM orders ORDER BY 2 DESC LIMIT 1'),
    ("what was our biggest order ever", 'SELECT "Order #", "Amount ($)" FROM orders ORDER BY 2 DESC LIMIT 1'),
    ("biggest order", 'SELECT "Order #", "Amount ($)" FROM orders ORDER BY 2 DESC LIMIT 1'),
    ("the most expensive order", 'SELECT "Order #", "Amount ($)" FROM orders ORDER BY 2 DESC LIMIT 1'),
    ("the smallest order", 'SELECT "Order #", "Amount ($)" FROM orders ORDER BY 2 ASC LIMIT 1'),
    ("the heaviest order", 'SELECT "Order #", "Weight (kg)" FROM orders ORDER BY 2 DESC LIMIT 1'),
])
def test_a_superlative_before_the_rows_noun_in_the_singular_is_the_one_row(data, q, sql):
    """Not the total of every order (what "the largest order" read before): the one order, shown as a number
    with the order's own name under it, not as one bar."""
    ans = same_answer(data, "orders", q, sql)
    name = data[1].execute(sql).fetchone()[0]
    assert ans.chart_type == "kpi" and len(ans.data) == 1, (q, ans.sql)
    assert ans.spec["data"]["values"][0]["label"].startswith(f"{name} · ") and name in ans.insight, ans.spec


def test_rows_numbered_by_integers_are_ranked_by_their_amount_not_their_number(data):
    """An integer "Order #" is the rows' identifier: "the 3 biggest orders" ranks them by the Order Total
    (before: the identifier summed, or declined)."""
    _ranked(data, "deliveries", "the 3 biggest orders",
            'SELECT "Order #", "Order Total" FROM deliveries ORDER BY 2 DESC LIMIT 3', 3)


def test_a_superlative_before_a_group_is_not_one_row(data):
    """"the largest vendor" names a vendor, not an order: the vendors are ranked (near miss of the above)."""
    ans = answer(data[0]["orders"], "the largest vendor")
    assert ans.plan["x"]["field"] == "Vendor", ans.sql


@pytest.mark.parametrize("q", ["the biggest order for each vendor", "what was the biggest order in each vendor"])
def test_the_largest_row_per_group_is_not_one_row_overall(data, q):
    """A grouping after the rows' noun asks for the top of each group: never the one largest order alone."""
    ans = answer(data[0]["orders"], q)
    assert ans.plan["x"]["field"] == "Vendor" and len(ans.data) == 3, (q, ans.sql)


def test_the_largest_row_by_a_group_is_never_one_row_alone(data):
    """"the largest order by vendor" is the largest order of each vendor (it was declined: "order by" read as
    a sort), never one order."""
    ans = answer(data[0]["orders"], "the largest order by vendor")
    assert ans.plan["x"]["field"] == "Vendor" and len(ans.data) == 3, ans.sql
    assert "max(" in ans.sql, ans.sql


# ------------------------------------------------------------------ "which X is fastest": one X
@pytest.mark.parametrize("ds,q,sql", [
    ("shipments", "which carrier is slowest",
     'SELECT Carrier, avg("Days in Transit") AS d FROM shipments GROUP BY 1 ORDER BY d DESC LIMIT 1'),
    ("shipments", "which carrier delivers quickest",
     'SELECT Carrier, avg("Days in Transit") AS d FROM shipments GROUP BY 1 ORDER BY d ASC LIMIT 1'),
    ("calls", "which agent is fastest",
     'SELECT Agent, avg("Duration (min)") AS d FROM calls GROUP BY 1 ORDER BY d ASC LIMIT 1'),
    ("calls", "which agent is slowest to answer",  # answering is the caller's wait (test_superlative_rows.py)
     'SELECT Agent, avg("Wait Sec") AS d FROM calls GROUP BY 1 ORDER BY d DESC LIMIT 1'),
    ("calls", "the fastest agent",
     'SELECT Agent, avg("Duration (min)") AS d FROM calls GROUP BY 1 ORDER BY d ASC LIMIT 1'),
])
def test_which_x_is_fastest_is_the_one_winner(data, ds, q, sql):
    ans = same_answer(data, ds, q, sql)
    assert len(ans.data) == 1


def test_which_plural_xs_deliver_fastest_ranks_them_all(data):
    """A plural subject with a plural verb asks for every carrier, fastest first."""
    ds, con = data
    ans = answer(ds["shipments"], "which carriers deliver fastest")
    gold = [r[0] for r in con.execute('SELECT Carrier FROM shipments GROUP BY 1 ORDER BY avg("Days in Transit")')
            .fetchall()]
    assert [r["Carrier"] for r in ans.data] == gold, ans.sql
