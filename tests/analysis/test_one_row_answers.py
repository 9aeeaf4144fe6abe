"""What is asked of the one row at the top (tenth stop): "when was the largest order" gives that order's
date, "who placed the biggest order" its customer (not the customer of the largest total), "which region
got the biggest order" its region; "the largest order by region" is each region's largest single order
(it was declined: "order by" read as a sort). Each question is asked of `answer()` over a small CSV written
here and its rows checked against DuckDB over the same file; near misses keep their ranking of groups."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from datavis.analysis.language.cues import Text, find_order
from datavis.analysis.language.matching import tokenize
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

CUSTOMERS = ["Alder Cafe", "Birch Hotel", "Cedar Deli", "Dana Price", "Eli Stone", "Fern Market"]


def _write_orders(path: Path, n: int = 500) -> None:
    """Orders over 2024: order id, date, customer, sales rep, region, amount (distinct values)."""
    rnd = random.Random(97)
    amounts = rnd.sample(range(1000, 900000), n)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Customer", "Sales Rep", "Region", "Amount"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
            w.writerow([f"SO-{i:05d}", day.isoformat(), rnd.choice(CUSTOMERS), rnd.choice(["Ann", "Raj", "Tim"]),
                        rnd.choice(["North", "South", "East"]), amounts[i] / 100])


def _write_calls(path: Path, n: int = 300) -> None:
    """Support calls over 2024: call id, date, agent, duration in minutes (distinct values)."""
    rnd = random.Random(98)
    minutes = rnd.sample(range(100, 9000), n)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Call ID", "Call Date", "Agent", "Duration Min"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
            w.writerow([f"C{i:04d}", day.isoformat(), rnd.choice(["Kim", "Lee", "Moe"]), minutes[i] / 100])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("one_row")
    with ingested_views(root, [("orders", _write_orders), ("calls", _write_calls)]) as (dirs, con):
        yield dirs, con


def _check(data, question: str, sql: str, table: str = "orders") -> None:
    dirs, con = data
    ans = answer(dirs[table], question)
    assert _rows(ans) == _gold(con, sql), (question, ans.sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("when was the largest order", 'SELECT "Order Date", Amount FROM orders ORDER BY Amount DESC LIMIT 1'),
    ("what day was the biggest order", 'SELECT "Order Date", Amount FROM orders ORDER BY Amount DESC LIMIT 1'),
    ("when was the smallest order", 'SELECT "Order Date", Amount FROM orders ORDER BY Amount LIMIT 1'),
    ("who placed the biggest order", "SELECT Customer, Amount FROM orders ORDER BY Amount DESC LIMIT 1"),
    ("which region got the biggest order", "SELECT Region, Amount FROM orders ORDER BY Amount DESC LIMIT 1"),
])
def test_what_is_asked_of_the_top_row(data, question, sql):
    _check(data, question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("the largest order by region", "SELECT Region, max(Amount) FROM orders GROUP BY 1"),
    ("largest order by region", "SELECT Region, max(Amount) FROM orders GROUP BY 1"),
    ("smallest order per sales rep", 'SELECT "Sales Rep", min(Amount) FROM orders GROUP BY 1'),
])
def test_the_largest_row_of_each_group(data, question, sql):
    _check(data, question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("what was the largest order", 'SELECT "Order ID", Amount FROM orders ORDER BY Amount DESC LIMIT 1'),
    ("which region has the most orders", "SELECT Region, count(*) AS n FROM orders GROUP BY 1 ORDER BY n DESC LIMIT 1"),
    ("largest region by amount", "SELECT Region, sum(Amount) AS s FROM orders GROUP BY 1 ORDER BY s DESC LIMIT 1"),
    ("sort amount by region", "SELECT Region, sum(Amount) FROM orders GROUP BY 1"),
])
def test_near_misses_keep_their_reading(data, question, sql):
    _check(data, question, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("when was the longest call", 'SELECT "Call Date", "Duration Min" FROM calls ORDER BY 2 DESC LIMIT 1'),
    ("who took the longest call", 'SELECT Agent, "Duration Min" FROM calls ORDER BY 2 DESC LIMIT 1'),
    ("when was the shortest call", 'SELECT "Call Date", "Duration Min" FROM calls ORDER BY 2 LIMIT 1'),
    ("the longest call by agent", 'SELECT Agent, max("Duration Min") FROM calls GROUP BY 1'),
])
def test_the_longest_row_is_one_row_too(data, question, sql):
    _check(data, question, sql, "calls")


def test_near_miss_the_longest_average_ranks_groups(data):
    _check(data, "which agent has the longest average call",
           'SELECT Agent, avg("Duration Min") AS a FROM calls GROUP BY 1 ORDER BY a DESC LIMIT 1', "calls")


@pytest.mark.parametrize(("text", "sort"), [
    ("the largest order by region", False), ("biggest single order by rep", False),
    ("sales in the west order by amount", True), ("order by amount", True)])
def test_order_by_after_a_superlative_is_the_rows_noun(text, sort):
    """"order by" is a sort unless a superlative stands before "order" ("west" is no superlative)."""
    cue, _span, _clause = find_order(Text(tokenize(text)))
    assert (cue is not None) == sort
