"""Ordinary words that are no condition, value or cue (issue 11, found by review after the fifth stop's
merges): "before"/"after" between two numbers, a verb whose participle is some column's value ("break
down", "leave"), a period written inside an unrelated column's name, "variable" in a column's name.
Each question goes through `answer()` over a small CSV written here; rows are checked against DuckDB."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import answer_rows, rows_match


def _write_orders(path: Path, n: int = 300) -> None:
    """Orders of 2024 with profit and tax, revenue and discount, a part's condition (Broken/New/Used),
    a Side (Left/Right), a Returned30d Yes/No flag and a Variable Cost."""
    rnd = random.Random(41)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order", "Order Date", "Region", "Profit", "Tax", "Revenue", "Discount", "Condition", "Side",
                    "Returned30d", "Variable Cost"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366) if i else 365)
            w.writerow([f"O{i:04d}", day.isoformat(), rnd.choice(["North", "South", "East"]), rnd.randint(10, 90),
                        rnd.randint(5, 60), rnd.randint(100, 900), rnd.randint(0, 50),
                        rnd.choice(["Broken", "New", "Used"]), rnd.choice(["Left", "Right"]),
                        rnd.choice(["Yes", "No"]), rnd.randint(1, 20)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("ordinary"), [("orders", _write_orders)]) as got:
        yield got


@pytest.mark.parametrize("question, gold", [
    ("total profit before tax by region", "SELECT Region, sum(Profit) FROM orders GROUP BY 1"),
    ("revenue after discount by region", "SELECT Region, sum(Revenue) FROM orders GROUP BY 1"),
    ("break down revenue by condition", "SELECT Condition, sum(Revenue) FROM orders GROUP BY 1"),
    ("how many orders did we leave open", "SELECT count(*) FROM orders"),
    ("total revenue in the last 30 days",
     "SELECT sum(Revenue) FROM orders WHERE \"Order Date\" BETWEEN '2024-12-02' AND '2024-12-31'"),
    ("variable cost by region", "SELECT Region, sum(\"Variable Cost\") FROM orders GROUP BY 1"),
])
def test_an_ordinary_word_changes_nothing(data, question, gold):
    dirs, con = data
    ans = answer(dirs["orders"], question)
    got = [tuple(r.values()) for r in ans.data] if ans.chart_type == "kpi" else answer_rows(ans)
    assert rows_match(con.execute(gold).fetchall(), got), (question, ans.sql)


def test_the_rows_noun_opening_a_message_is_no_sort_cue(data):
    """In a chat (as /analyze asks, the chart on screen passed along), "order value distribution" in a table of
    orders asks a question of its own: "order" is what the rows are, not "order by"."""
    dirs, _con = data
    alone = answer(dirs["orders"], "order value distribution")
    shown = answer(dirs["orders"], "biggest revenue")
    assert answer(dirs["orders"], "order value distribution", previous=shown.state).sql == alone.sql
