"""Top-N and superlatives without the word "top" (issue 11): a superlative of size ranks rows by the money they
bring in, else by their weight, volume or quantity ("the 4 biggest sales", "the 3 largest consignments"); a
superlative of a moment lists the newest or latest rows by their date; "revenue" beside a unit price is the
amount that adds up; "slowest to answer" is the wait, not the call's length; a number word, "top3" or a
compound ("best-rated 3") keeps its count. Each asks `answer()` about a small CSV written here and checks the
rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_sales(path: Path, n: int = 150) -> None:
    """Till receipts: a unit price (money, not additive) and the receipt's amount ("Basket Value")."""
    rnd = random.Random(31)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Receipt", "Sold On", "Cashier", "Store", "Items", "Unit Price", "Basket Value"])
        for i in range(n):
            items, price = rnd.randint(1, 9), round(rnd.uniform(2, 80), 2)
            w.writerow([f"R-{i:04d}", (dt.date(2025, 1, 1) + dt.timedelta(days=i)).isoformat(),
                        rnd.choice(["Mia", "Noah", "Zoe"]), rnd.choice(["Leeds", "York", "Hull", "Bath"]),
                        items, price, round(items * price * rnd.uniform(0.9, 1.0), 3)])


def _write_consignments(path: Path, n: int = 90) -> None:
    """Freight with no money column: a gross weight, a volume in cubic metres, pallets, days on the road."""
    rnd = random.Random(32)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Consignment", "Haulier", "Gross Weight", "Volume (cbm)", "Pallets", "Transit Days"])
        for i in range(n):
            w.writerow([f"K{i:03d}", rnd.choice(["Acme", "Bolt", "Crate"]), round(rnd.uniform(50, 900), 3),
                        round(rnd.uniform(0.5, 30), 4), rnd.randint(1, 12), round(rnd.uniform(1, 12), 3)])


def _write_helpdesk(path: Path, n: int = 160) -> None:
    """A phone line: the caller's queue time (seconds) and the call's handle time (minutes), per agent."""
    rnd = random.Random(33)
    slow = {"Ivy": 30, "Jon": 200, "Kat": 90, "Lou": 400}
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ticket", "Opened", "Agent", "Queue Seconds", "Handle Minutes"])
        start = dt.datetime(2025, 3, 1, 9)
        for i in range(n):
            agent = rnd.choice(list(slow))
            w.writerow([f"T{i:03d}", (start + dt.timedelta(minutes=37 * i + rnd.randint(0, 30))).isoformat(sep=" "),
                        agent, round(rnd.uniform(0, 2 * slow[agent]), 2), round(rnd.uniform(1, 40), 3)])


def _write_roster(path: Path) -> None:
    """A staff roster: one row per person (a unique name column, no id), a start date and a salary."""
    rnd = random.Random(34)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Staff Member", "Team", "Start Date", "Base Salary"])
        for i in range(40):
            w.writerow([f"Person {i:02d}", rnd.choice(["Ops", "Tech"]),
                        (dt.date(2015, 1, 1) + dt.timedelta(days=97 * i + rnd.randint(0, 50))).isoformat(),
                        round(rnd.uniform(30000, 90000), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("sup"), (("sales", _write_sales), ("freight", _write_consignments),
                                                         ("helpdesk", _write_helpdesk),
                                                         ("roster", _write_roster))) as got:
        yield got


# ------------------------------------------------------------------ size: money taken, else weight/volume
@pytest.mark.parametrize("ds,q,sql", [
    ("sales", "the 4 biggest sales", 'SELECT Receipt, "Basket Value" FROM sales ORDER BY 2 DESC LIMIT 4'),
    ("sales", "list the six smallest receipts", 'SELECT Receipt, "Basket Value" FROM sales ORDER BY 2 LIMIT 6'),
    ("freight", "the 3 largest consignments",
     'SELECT Consignment, "Gross Weight" FROM freight ORDER BY 2 DESC LIMIT 3'),
    ("freight", "our five bulkiest consignments",
     'SELECT Consignment, "Volume (cbm)" FROM freight ORDER BY 2 DESC LIMIT 5'),
    ("freight", "the 2 heaviest loads", 'SELECT Consignment, "Gross Weight" FROM freight ORDER BY 2 DESC LIMIT 2'),
    # "by <a measure>" after a row superlative says what ranks them: never a grouping
    ("freight", "the 4 biggest consignments by volume",
     'SELECT Consignment, "Volume (cbm)" FROM freight ORDER BY 2 DESC LIMIT 4'),
    # a price superlative of the rows themselves is what each came to; of a category, its price
    ("sales", "the 5 most expensive receipts", 'SELECT Receipt, "Basket Value" FROM sales ORDER BY 2 DESC LIMIT 5'),
    ("sales", "the 3 largest receipts by unit price",
     'SELECT Receipt, "Unit Price" FROM sales ORDER BY 2 DESC LIMIT 3'),
])
def test_a_count_before_a_size_superlative_lists_rows_by_their_size(data, ds, q, sql):
    ans = same_answer(data, ds, q, sql)
    assert ans.chart_type in ("bar", "table")


def test_the_biggest_one_is_the_largest_amount(data):
    same_answer(data, "sales", "the biggest sale", 'SELECT max("Basket Value") FROM sales')


@pytest.mark.parametrize("q,sql", [
    ("revenue per store", 'SELECT Store, sum("Basket Value") FROM sales GROUP BY 1'),
    ("which 2 stores bring in the most money",
     'SELECT Store, sum("Basket Value") FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 2'),
    ("worst store by sales", 'SELECT Store, sum("Basket Value") FROM sales GROUP BY 1 ORDER BY 2 LIMIT 1'),
])
def test_money_words_beside_a_unit_price_name_the_amount_that_adds_up(data, q, sql):
    same_answer(data, "sales", q, sql)


# ------------------------------------------------------------------ moments: rows by their date
@pytest.mark.parametrize("ds,q,sql", [
    ("helpdesk", "the 6 most recent tickets", 'SELECT Ticket, Opened FROM helpdesk ORDER BY 2 DESC LIMIT 6'),
    ("sales", "the three latest receipts", 'SELECT Receipt, "Sold On" FROM sales ORDER BY 2 DESC LIMIT 3'),
    ("roster", "the 4 newest starters", 'SELECT "Staff Member", "Start Date" FROM roster ORDER BY 2 DESC LIMIT 4'),
    ("roster", "the 3 earliest starters", 'SELECT "Staff Member", "Start Date" FROM roster ORDER BY 2 LIMIT 3'),
])
def test_a_count_before_a_moment_lists_rows_by_their_date(data, ds, q, sql):
    ans = same_answer(data, ds, q, sql)
    assert ans.chart_type == "table" and "match" in ans.insight


# ------------------------------------------------------------------ waiting is the wait's length
@pytest.mark.parametrize("q,sql", [
    ("which agent is slowest to pick up",
     'SELECT Agent, avg("Queue Seconds") FROM helpdesk GROUP BY 1 ORDER BY 2 DESC LIMIT 1'),
    ("who answers quickest",
     'SELECT Agent, avg("Queue Seconds") FROM helpdesk GROUP BY 1 ORDER BY 2 LIMIT 1'),
    ("which agent leaves callers waiting longest",
     'SELECT Agent, avg("Queue Seconds") FROM helpdesk GROUP BY 1 ORDER BY 2 DESC LIMIT 1'),
    ("which agent is fastest", 'SELECT Agent, avg("Handle Minutes") FROM helpdesk GROUP BY 1 ORDER BY 2 LIMIT 1'),
])
def test_a_speed_of_answering_ranks_by_the_wait(data, q, sql):
    same_answer(data, "helpdesk", q, sql)


# ------------------------------------------------------------------ how the count is said
@pytest.mark.parametrize("q,n", [("top3 cashiers by basket value", 3), ("top-2 stores by items", 2),
                                 ("highest-grossing 3 stores", 3), ("the two busiest stores", 2)])
def test_the_count_is_kept_however_it_is_written(data, q, n):
    ans = answer(data[0]["sales"], q)
    assert len(ans.data) == n, (q, ans.sql)


def test_two_speed_ranked_groups_keep_their_count(data):
    same_answer(data, "freight", "the two fastest hauliers",
                'SELECT Haulier, avg("Transit Days") FROM freight GROUP BY 1 ORDER BY 2 LIMIT 2')


# ------------------------------------------------------------------ one group, and who did it
@pytest.mark.parametrize("ds,q,sql", [
    ("helpdesk", "the agent with the shortest handle time",
     'SELECT Agent, avg("Handle Minutes") FROM helpdesk GROUP BY 1 ORDER BY 2 LIMIT 1'),
    ("freight", "the haulier with the most pallets",
     'SELECT Haulier, sum(Pallets) FROM freight GROUP BY 1 ORDER BY 2 DESC LIMIT 1'),
])
def test_the_singular_noun_with_the_superlative_is_one_group(data, ds, q, sql):
    ans = same_answer(data, ds, q, sql)
    assert len(ans.data) == 1


def test_who_sold_is_the_seller_not_the_buyer(tmp_path):
    """A table with a seller and a buyer column: "who sold" ranks the sellers, "who bought" the buyers."""
    path = tmp_path / "deals.csv"
    rnd = random.Random(35)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Deal", "Client", "Account Manager", "Deal Size"])
        for i in range(60):
            w.writerow([f"D{i:02d}", rnd.choice(["Ajax", "Brio", "Cato", "Dune"]), rnd.choice(["Eve", "Finn", "Gus"]),
                        round(rnd.uniform(1000, 9000), 2)])
    from datavis.analysis import forget, ingest_csv  # noqa: PLC0415
    ingest_csv(path, tmp_path / "deals", name="deals")
    try:
        sold = answer(tmp_path / "deals", "who sold the most")
        bought = answer(tmp_path / "deals", "who bought the most")
    finally:
        forget(tmp_path / "deals")
    assert sold.spec["encoding"]["x"]["field"] == "Account Manager" or "Account Manager" in sold.data[0], sold.sql
    assert "Client" in bought.data[0], bought.sql


@pytest.mark.parametrize("ds,q,sql", [
    ("roster", "who started most recently",
     'SELECT "Staff Member", "Start Date" FROM roster ORDER BY 2 DESC LIMIT 1'),
    ("sales", "which store sold latest", 'SELECT Store, max("Sold On") FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 1'),
])
def test_who_or_which_did_it_most_recently_is_one_row_or_group(data, ds, q, sql):
    ans = same_answer(data, ds, q, sql)
    assert len(ans.data) == 1 and ans.chart_type == "table"


def test_people_in_a_list_of_people_are_its_rows(data):
    """A roster with one row per named person (no id column): "people" counts the rows, and says so."""
    ans = same_answer(data, "roster", "which team has the most people",
                      'SELECT Team, count(*) FROM roster GROUP BY 1 ORDER BY 2 DESC LIMIT 1')
    assert "members" in ans.insight.lower(), ans.insight


@pytest.mark.parametrize("q,sql", [
    ("the two weakest stores by revenue", 'SELECT Store, sum("Basket Value") FROM sales GROUP BY 1 ORDER BY 2 LIMIT 2'),
    ("our 3 strongest stores by basket value",
     'SELECT Store, sum("Basket Value") FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 3'),
])
def test_strong_and_weak_rank_groups(data, q, sql):
    same_answer(data, "sales", q, sql)
