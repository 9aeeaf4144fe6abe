"""Ranking questions in everyday wording (issue 11, "top/bottom-N without 'top'"): a "Charge" column is the
money a customer is billed, so "which 3 branches made the most money", "which customers spent the most",
"revenue by branch" rank by it; goods sell in units ("the 3 best-selling products", "our best-selling dishes"
over Portions), a seller's sales stay money; an order clause said after the question ("sorted by amount", "in
descending order", "rank the branches by revenue") sorts the question's groups instead of swallowing its
words. Each asks `answer()` about a small CSV written here and checks the rows against DuckDB over the
same file; near-misses check that the rules stay in their lane."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from datavis.analysis.errors import Unanswerable
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

BRANCHES = ["Airport", "Downtown", "Harbor", "Uptown", "Westgate"]
CUSTOMERS = ["Ann Lee", "Bo Kim", "Cy Ford", "Di Shaw", "Ed Park", "Flo Ruiz", "Gus Hale", "Hal Webb"]


def _write_rentals(path: Path, n: int = 240) -> None:
    """Car rentals: a Charge (the money billed) beside Days, a Daily Rate, Miles and a Rating, no column named
    revenue."""
    rnd = random.Random(81)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Agreement", "Branch", "Customer", "Pickup", "Days", "Daily Rate", "Charge", "Miles", "Rating"])
        for i in range(n):
            days, rate = rnd.randint(1, 9), round(rnd.uniform(30, 120), 2)
            w.writerow([f"RA{i:04d}", rnd.choice(BRANCHES), rnd.choice(CUSTOMERS),
                        (dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(180))).isoformat(), days, rate,
                        round(days * rate + rnd.choice([0, 15, 30]), 2), round(days * rnd.uniform(20, 150), 1),
                        rnd.randint(1, 5)])


def _write_batteries(path: Path, n: int = 200) -> None:
    """Battery test log: "Charge Cycles" and "Charge Level" are no money; Cost is."""
    rnd = random.Random(82)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Cell", "Maker", "Charge Cycles", "Charge Level", "Cost"])
        for i in range(n):
            w.writerow([f"C{i:04d}", rnd.choice(["Volta", "Ampex", "Ohmic"]), rnd.randint(50, 900),
                        rnd.randint(5, 100), round(rnd.uniform(3, 12), 2)])


def _write_sales(path: Path, n: int = 300) -> None:
    """Sales lines: a Product and a Store, the units sold (Qty) beside the Revenue."""
    rnd = random.Random(83)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Line", "Store", "Product", "Qty", "Revenue"])
        prices = {"Kettle": 40.0, "Toaster": 25.0, "Blender": 90.0, "Mixer": 150.0, "Grill": 220.0, "Fan": 18.0}
        for i in range(n):
            product = rnd.choice(list(prices))
            qty = rnd.randint(1, 12)
            w.writerow([f"L{i:04d}", rnd.choice(["North", "South", "East"]), product, qty,
                        round(qty * prices[product] * rnd.uniform(0.9, 1.1), 2)])


def _write_dishes(path: Path, n: int = 240) -> None:
    """Dish sales: Portions (the units of a kitchen) beside the Revenue and the Food Cost."""
    rnd = random.Random(84)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Day", "Location", "Dish", "Portions", "Revenue", "Food Cost"])
        prices = {"Soup": 6.0, "Burger": 14.0, "Ribeye": 29.0, "Salmon": 22.0, "Pie": 7.0}
        for i in range(n):
            dish = rnd.choice(list(prices))
            portions = rnd.randint(2, 40)
            w.writerow([(dt.date(2025, 3, 1) + dt.timedelta(days=i % 60)).isoformat(),
                        rnd.choice(["Riverside", "Mall"]), dish, portions, portions * prices[dish],
                        round(portions * prices[dish] * 0.3, 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("ranks_wording")
    writers = [("rentals", _write_rentals), ("batteries", _write_batteries), ("sales", _write_sales),
               ("dishes", _write_dishes)]
    with ingested_views(root, writers) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


# ------------------------------------------------------------------ a Charge column is the money billed
@pytest.mark.parametrize("question, sql", [
    ("which 3 branches made the most money",
     "SELECT Branch, sum(Charge) AS s FROM rentals GROUP BY 1 ORDER BY s DESC LIMIT 3"),
    ("which 3 customers spent the most",
     "SELECT Customer, sum(Charge) AS s FROM rentals GROUP BY 1 ORDER BY s DESC LIMIT 3"),
    ("which branch brings in the least revenue",
     "SELECT Branch, sum(Charge) AS s FROM rentals GROUP BY 1 ORDER BY s ASC LIMIT 1"),
    ("total revenue", "SELECT sum(Charge) FROM rentals"),
])
def test_a_charge_column_is_the_money_taken(data, question, sql):
    _check(data, "rentals", question, sql)


def test_charge_cycles_and_level_are_no_money(data):
    """Near-miss: "Charge" not as the head noun ("Charge Cycles", "Charge Level") says no money, so "how
    much did we spend" is the Cost."""
    dirs, con = data
    ans = answer(dirs["batteries"], "total spend by maker")
    assert _rows(ans) == _gold(con, "SELECT Maker, sum(Cost) FROM batteries GROUP BY 1")


def test_an_extra_charge_is_not_the_bill(tmp_path):
    """Near-miss: a "Damage Charge" beside a "Total Billed" is an extra on the bill; "revenue" is what was billed."""
    def write(path: Path) -> None:
        rnd = random.Random(85)
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["Agreement", "Branch", "Damage Charge", "Total Billed"])
            for i in range(120):
                w.writerow([f"A{i:04d}", rnd.choice(BRANCHES), rnd.choice([0, 0, 0, 150.0]),
                            round(rnd.uniform(80, 900), 2)])

    with ingested_views(tmp_path, [("vans", write)]) as (dirs, con):
        assert _rows(answer(dirs["vans"], "revenue by branch")) == _gold(
            con, 'SELECT Branch, sum("Total Billed") FROM vans GROUP BY 1')


def test_a_charge_level_is_never_the_revenue(data):
    """Near-miss: "revenue" over a table whose "charge" columns are a battery's never reads them."""
    dirs, _ = data
    try:
        ans = answer(dirs["batteries"], "revenue by maker")
    except Unanswerable:
        return
    assert "Charge" not in ans.sql


# ------------------------------------------------------------------ goods sell in units
@pytest.mark.parametrize("question, sql", [
    ("the 3 best-selling products", "SELECT Product, sum(Qty) AS s FROM sales GROUP BY 1 ORDER BY s DESC LIMIT 3"),
    ("which product sold the most", "SELECT Product, sum(Qty) AS s FROM sales GROUP BY 1 ORDER BY s DESC LIMIT 1"),
])
def test_goods_sell_in_units(data, question, sql):
    _check(data, "sales", question, sql)


def test_a_kitchens_portions_are_its_units(data):
    _check(data, "dishes", "the two best selling dishes",
           "SELECT Dish, sum(Portions) AS s FROM dishes GROUP BY 1 ORDER BY s DESC LIMIT 2")


def test_sold_the_most_of_goods_named_by_a_value_counts_units(data):
    _check(data, "sales", "which store sold the most kettles",
           "SELECT Store, sum(Qty) AS s FROM sales WHERE Product = 'Kettle' GROUP BY 1 ORDER BY s DESC LIMIT 1")


def test_sold_the_most_of_a_place_is_no_goods(data):
    """Near-miss: a singular value after "sold the most" ("… in North") names no goods: the money stays."""
    _check(data, "sales", "which product sold the most in north",
           "SELECT Product, sum(Qty) AS s FROM sales WHERE Store = 'North' GROUP BY 1 ORDER BY s DESC LIMIT 1")
    _check(data, "sales", "which store sold the most",
           "SELECT Store, sum(Revenue) AS s FROM sales GROUP BY 1 ORDER BY s DESC LIMIT 1")


@pytest.mark.parametrize("question, sql", [
    ("which 2 stores sold the most", "SELECT Store, sum(Revenue) AS s FROM sales GROUP BY 1 ORDER BY s DESC LIMIT 2"),
    ("top selling store", "SELECT Store, sum(Revenue) AS s FROM sales GROUP BY 1 ORDER BY s DESC LIMIT 1"),
    ("best-selling product by revenue",
     "SELECT Product, sum(Revenue) AS s FROM sales GROUP BY 1 ORDER BY s DESC LIMIT 1"),
])
def test_a_sellers_sales_stay_money(data, question, sql):
    """Near-miss: a store is no goods, and a measure named beside "best-selling" wins."""
    _check(data, "sales", question, sql)


# ------------------------------------------------------------------ one group ranked by its verb
@pytest.mark.parametrize("question, sql", [
    ("which customer was charged the most",
     "SELECT Customer, sum(Charge) AS s FROM rentals GROUP BY 1 ORDER BY s DESC LIMIT 1"),
    ("which branch rents out the most", "SELECT Branch, count(*) AS s FROM rentals GROUP BY 1 ORDER BY s DESC LIMIT 1"),
])
def test_one_group_ranked_by_what_its_verb_says(data, question, sql):
    _check(data, "rentals", question, sql)


def test_a_plural_subject_of_any_verb_lists_every_group(data):
    """Near-miss: "which branches rent out the most" ranks them all (a plural asks for no one group)."""
    _check(data, "rentals", "which branches rent out the most", "SELECT Branch, count(*) FROM rentals GROUP BY 1")


# ------------------------------------------------------------------ an order clause after the question
@pytest.mark.parametrize("question", [
    "rank the branches by revenue", "branches sorted by revenue", "total charge by branch sorted by charge",
    "charge by branch in descending order", "total charge by branch descending",
])
def test_an_order_clause_sorts_the_questions_groups(data, question):
    dirs, con = data
    ans = answer(dirs["rentals"], question)
    assert _rows(ans) == _gold(con, "SELECT Branch, sum(Charge) FROM rentals GROUP BY 1")
    assert [r[ans.plan["data_fields"]["y"]] for r in ans.data] == sorted(
        (r[ans.plan["data_fields"]["y"]] for r in ans.data), reverse=True)


def test_rank_the_groups_then_a_follow_up_cuts_them(data):
    dirs, con = data
    first = answer(dirs["rentals"], "rank the customers by miles")
    assert _rows(first) == _gold(con, "SELECT Customer, sum(Miles) FROM rentals GROUP BY 1")
    top = answer(dirs["rentals"], "just the top 3", previous=first.state)
    assert _rows(top) == _gold(con, "SELECT Customer, sum(Miles) AS s FROM rentals GROUP BY 1 ORDER BY s DESC LIMIT 3")
    low = answer(dirs["rentals"], "now the bottom 2", previous=top.state)
    assert _rows(low) == _gold(con, "SELECT Customer, sum(Miles) AS s FROM rentals GROUP BY 1 ORDER BY s ASC LIMIT 2")


def test_the_sort_verbs_target_stays_its_own(data):
    """Near-miss: a clause naming the groups after its verb sorts the labels, not the values."""
    dirs, _ = data
    ans = answer(dirs["rentals"], "total charge by branch sorted by branch")
    labels = [r[ans.plan["data_fields"]["x"]] for r in ans.data]
    assert sorted(labels) == labels or sorted(labels, reverse=True) == labels
