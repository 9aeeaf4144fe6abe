"""Who/which questions about people and items, and conditions comparing two columns (issue 11): the noun
a which/what asks for names the groups of its column ("which rep sold the most" over rep_nm, "which manager
has the most jobs over budget" over jobManager), a seller's sales are money ("who sold the most": the order
total, not the units), the words of a two-column comparison ("how many jobs are over budget") are no
breakdown by the column compared with, a buyer's spend and an order's value are the order total, and an
event is late against a promised date ("late shipments" ~ shipped_dt > promised_dt). Each asks `answer()`
about a small CSV written here and checks the rows against DuckDB over the same file."""
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

REPS = ["Ann Lee", "Bo Park", "Cy Ward", "Di Fox"]
CUSTOMERS = ["Acme", "Birch", "Cobalt", "Delta", "Ember"]
MANAGERS = ["Gus Hale", "Ida Moss", "Jo Reid"]


def _write_sales(path: Path, n: int = 200) -> None:
    """snake_case orders: a rep and a customer per order, a promised and a shipped date, units, the order's
    total and its discount amount."""
    rnd = random.Random(51)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["order_id", "order_dt", "promised_dt", "shipped_dt", "rep_nm", "cust_name", "item", "units",
                    "order_total", "discount_amt"])
        for i in range(n):
            units = rnd.randint(1, 30)
            price = rnd.choice([12.5, 40.0, 310.0])  # a rep of many cheap units is not the rep of most money
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            total = round(units * price * rnd.uniform(0.9, 1.1), 2)
            w.writerow([f"O{i:04d}", day.isoformat(), (day + dt.timedelta(days=5)).isoformat(),
                        (day + dt.timedelta(days=rnd.randint(1, 9))).isoformat(), rnd.choice(REPS),
                        rnd.choice(CUSTOMERS), {12.5: "Cable", 40.0: "Mouse", 310.0: "Screen"}[price], units, total,
                        round(total * rnd.choice([0, 0.05, 0.3]), 2)])


def _write_jobs(path: Path, n: int = 80) -> None:
    """camelCase jobs: a manager, opened and closed dates, a budget beside the actual cost, estimated (estHours)
    beside actual hours."""
    rnd = random.Random(52)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["jobId", "jobManager", "clientName", "openedOn", "closedOn", "budgetUsd", "actualCost", "estHours",
                    "actualHours"])
        for i in range(n):
            budget = round(rnd.uniform(10000, 90000), -2)
            est = rnd.choice([40, 80, 160])  # whole hours estimated, fractions logged
            opened = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(200))
            w.writerow([f"J{i:03d}", rnd.choice(MANAGERS), rnd.choice(CUSTOMERS), opened.isoformat(),
                        (opened + dt.timedelta(days=rnd.randint(3, 60))).isoformat(), budget,
                        round(budget * rnd.uniform(0.7, 1.3), 2), est, round(est * rnd.uniform(0.7, 1.4), 1)])


def _write_cases(path: Path, n: int = 150) -> None:
    """A helpdesk's cases (no status column): an agent, a customer, opened and closed dates (blank while open)."""
    rnd = random.Random(53)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Case ID", "Agent", "Customer", "Opened", "Closed"])
        for i in range(n):
            opened = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(150))
            closed = "" if rnd.random() < 0.2 else (opened + dt.timedelta(days=rnd.randint(0, 12))).isoformat()
            w.writerow([f"CS{i:04d}", rnd.choice(REPS), rnd.choice(CUSTOMERS), opened.isoformat(), closed])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("people_questions")
    with ingested_views(root, [("sales", _write_sales), ("jobs", _write_jobs), ("cases", _write_cases)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


# ------------------------------------------------------------------ the noun a which/what asks for
@pytest.mark.parametrize("question, sql", [
    ("which customer bought the most units",
     "SELECT cust_name, sum(units) FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 1"),
    ("which manager has the most jobs over budget",
     "SELECT jobManager, count(*) FROM jobs WHERE actualCost > budgetUsd GROUP BY 1 ORDER BY 2 DESC LIMIT 1"),
])
def test_the_noun_after_which_names_the_groups(data, question, sql):
    _check(data, "jobs" if "jobs" in question else "sales", question, sql)


# ------------------------------------------------------------------ a seller's sales are money
@pytest.mark.parametrize("question", ["which rep sold the most", "who sold the most"])
def test_what_a_seller_sold_is_money(data, question):
    _check(data, "sales", question, "SELECT rep_nm, sum(order_total) FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 1")


def test_what_an_item_sold_is_still_units(data):
    _check(data, "sales", "which item sold the most", "SELECT item, sum(units) FROM sales GROUP BY 1 ORDER BY 2 DESC "
           "LIMIT 1")


# ------------------------------------------------------------------ a two-column comparison is no breakdown
@pytest.mark.parametrize("question, sql", [
    ("how many jobs are over budget", "SELECT count(*) FROM jobs WHERE actualCost > budgetUsd"),
    ("how many jobs went over budget", "SELECT count(*) FROM jobs WHERE actualCost > budgetUsd"),
])
def test_count_over_a_plan_is_one_number(data, question, sql):
    _check(data, "jobs", question, sql)


# ------------------------------------------------------------------ a buyer's spend, a row's value
@pytest.mark.parametrize("question, sql", [
    ("top 3 customers by spend",
     "SELECT cust_name, sum(order_total) FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 3"),
    ("total order value by rep", "SELECT rep_nm, sum(order_total) FROM sales GROUP BY 1"),
])
def test_spend_and_order_value_are_the_order_total(data, question, sql):
    _check(data, "sales", question, sql)


# ------------------------------------------------------------------ an event later than its promised date
@pytest.mark.parametrize("question, sql", [
    ("how many orders shipped late", "SELECT count(*) FROM sales WHERE shipped_dt > promised_dt"),
    ("late shipments by rep", "SELECT rep_nm, count(*) FROM sales WHERE shipped_dt > promised_dt GROUP BY 1"),
])
def test_late_against_a_promised_date(data, question, sql):
    _check(data, "sales", question, sql)


# ------------------------------------------------------------------ a plan named by export shorthand
@pytest.mark.parametrize("question, sql", [
    ("how many jobs ran over estimate", "SELECT count(*) FROM jobs WHERE actualHours > estHours"),
    ("avg hours over estimate per manager", "SELECT jobManager, avg(actualHours - estHours) FROM jobs GROUP BY 1"),
])
def test_est_hours_is_an_estimate(data, question, sql):
    _check(data, "jobs", question, sql)


# ------------------------------------------------------------------ the work finished ends the stretch
def test_days_to_resolve_over_opened_and_closed(data):
    _check(data, "jobs", "avg days to resolve by manager",
           "SELECT jobManager, avg(date_diff('day', openedOn, closedOn)) FROM jobs GROUP BY 1")


# ------------------------------------------------------------------ a follow-up's comparison replaces the last
def test_follow_up_comparison_replaces_the_one_on_screen(data):
    dirs, con = data
    first = answer(dirs["jobs"], "how many jobs are over budget")
    then = answer(dirs["jobs"], "what about over estimate", previous=first.state)
    assert _rows(then) == _gold(con, "SELECT count(*) FROM jobs WHERE actualHours > estHours")


# ------------------------------------------------------------------ a role said with its trade
@pytest.mark.parametrize("question", ["units by sales rep", "units per sales rep"])
def test_a_role_said_with_its_trade_is_grouped(data, question):
    _check(data, "sales", question, "SELECT rep_nm, sum(units) FROM sales GROUP BY 1")


# ------------------------------------------------------------------ "who" over the people the words name
def test_who_asks_for_the_people_the_verb_names(data):
    _check(data, "jobs", "who manages the most jobs",
           "SELECT jobManager, count(*) FROM jobs GROUP BY 1 ORDER BY 2 DESC LIMIT 1")


# ------------------------------------------------------------------ a measure after "by" ranks a top-N's groups
def test_a_few_valued_measure_after_by_ranks_the_groups(data):
    _check(data, "jobs", "bottom 2 clients by estHours",
           "SELECT clientName, sum(estHours) FROM jobs GROUP BY 1 ORDER BY 2 ASC LIMIT 2")


# ------------------------------------------------------------------ a helpdesk's tickets, still open
@pytest.mark.parametrize("question, sql", [
    ("which customer opened the most tickets",
     "SELECT Customer, count(*) FROM cases GROUP BY 1 ORDER BY 2 DESC LIMIT 1"),
    ("how many tickets are still open", "SELECT count(*) FROM cases WHERE Closed IS NULL"),
    ("unresolved cases by agent", "SELECT Agent, count(*) FROM cases WHERE Closed IS NULL GROUP BY 1"),
])
def test_tickets_are_cases_and_open_ones_have_no_close_date(data, question, sql):
    _check(data, "cases", question, sql)


def test_how_long_cases_stay_open_is_still_a_duration(data):
    _check(data, "cases", "how long do cases stay open by agent",
           "SELECT Agent, avg(date_diff('day', Opened, Closed)) FROM cases GROUP BY 1")


# ------------------------------------------------------------------ "<one> with the <superlative>" names one
@pytest.mark.parametrize("question, sql", [
    ("rep with the highest order total",
     "SELECT rep_nm, sum(order_total) FROM sales GROUP BY 1 ORDER BY 2 DESC LIMIT 1"),
    ("customer with the fewest units", "SELECT cust_name, sum(units) FROM sales GROUP BY 1 ORDER BY 2 ASC LIMIT 1"),
])
def test_one_noun_with_the_superlative_is_one_group(data, question, sql):
    _check(data, "sales", question, sql)
