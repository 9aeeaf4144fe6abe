"""Guards found by a review of the sixth stop's readers: ordinary words that a new reader must not
misread (a typo of a cue beside a short stop word, a real word one letter from a lexicon word, "fastest"
of a speed, "each day", a word that is also a state code, "the team", "late 2024"). Each asks `answer()`
about a small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_orders(path: Path, n: int = 400) -> None:
    """Orders of 2023–2024 with a ship date, a two-letter state code, a category, sales and profit."""
    rnd = random.Random(41)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Ship Date", "State", "Category", "Sales", "Profit"])
        for i in range(n):
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(700))
            w.writerow([f"O{i:04d}", day.isoformat(), (day + dt.timedelta(days=rnd.randint(0, 6))).isoformat(),
                        rnd.choice(["CA", "NY", "GA", "MO", "TX"]), rnd.choice(["Tech", "Paper", "Chairs"]),
                        round(rnd.uniform(5, 900), 2), round(rnd.uniform(-50, 200), 2)])


def _write_cars(path: Path, n: int = 60) -> None:
    """Car models with a maker and a top speed."""
    rnd = random.Random(42)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Model", "Maker", "Top Speed (km/h)", "Price"])
        for i in range(n):
            w.writerow([f"M{i}", rnd.choice(["Audi", "Fiat", "Kia"]), rnd.randint(150, 320), rnd.randint(9000, 90000)])


def _write_deliveries(path: Path, n: int = 300) -> None:
    """Deliveries of 2024–2025 by courier, on time or not."""
    rnd = random.Random(43)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Delivery ID", "Date", "Courier", "On Time", "Minutes"])
        for i in range(n):
            w.writerow([f"D{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(540))).isoformat(),
                        rnd.choice(["Ace", "Bolt"]), rnd.choice(["Yes", "Yes", "No"]), rnd.randint(10, 90)])


def _write_expenses(path: Path, n: int = 120) -> None:
    """Project expenses: a department (one of them a team), a project, hours."""
    rnd = random.Random(44)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Department", "Project", "Hours", "Expense (USD)"])
        for _ in range(n):
            w.writerow([rnd.choice(["Sales", "Operations", "Whole Foods Team"]),
                        rnd.choice(["Annual Gala", "Website Revamp", "Office Move"]), rnd.randint(1, 40),
                        rnd.randint(50, 5000)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("orders", _write_orders), ("cars", _write_cars), ("deliveries", _write_deliveries),
               ("expenses", _write_expenses))
    with ingested_views(tmp_path_factory.mktemp("guards"), writers) as got:
        yield got


def test_a_typo_of_a_ranking_word_beside_a_short_stop_word(data):
    # "higest" is no longer form of "high": it is "highest", one group
    same_answer(data, "orders", "which category has the higest profit",
                "SELECT Category, sum(Profit) FROM orders GROUP BY 1 ORDER BY 2 DESC LIMIT 1")


def test_a_real_word_one_letter_from_a_lexicon_word_is_left_as_typed(data):
    ds, _con = data
    with pytest.raises(Unanswerable) as e:  # "status" is no typo of "states"
        answer(ds["orders"], "how many orders by status")
    assert "“status”" in e.value.message


def test_the_fastest_of_a_speed_is_its_highest(data):
    same_answer(data, "cars", "which maker has the fastest top speed",
                "SELECT Maker, avg(\"Top Speed (km/h)\") FROM cars GROUP BY 1 ORDER BY 2 DESC LIMIT 1")


def test_each_day_is_a_series_of_days_and_per_day_by_month_keeps_the_months(data):
    same_answer(data, "orders", "how many orders each day",
                "SELECT \"Order Date\", count(*) FROM orders GROUP BY 1")
    same_answer(data, "orders", "orders per day by month",
                "SELECT date_trunc('month', \"Order Date\"), count(*) / count(DISTINCT \"Order Date\") "
                "FROM orders GROUP BY 1")


def test_a_word_that_is_also_a_plural_state_code_is_a_word(data):
    for question in ("sales over the last 6 mos by state", "total gas sales by state"):
        ans = answer(data[0]["orders"], question)
        assert "'MO'" not in ans.sql and "'GA'" not in ans.sql, (question, ans.sql)


def test_the_subject_of_a_verb_names_no_value_by_its_word(data):
    ans = answer(data[0]["expenses"], "how many hours did the team spend")
    assert "Whole Foods Team" not in ans.sql, ans.sql


def test_late_before_a_year_is_part_of_the_period(data):
    ans = answer(data[0]["deliveries"], "how many deliveries in late 2024")
    assert "On Time" not in ans.sql, ans.sql


# ------------------------------------------------------------------ guards of the seventh stop's merge review
def _write_shop(path: Path, n: int = 300) -> None:
    """Web-shop orders: Cash is a payment method, a return reason blank when kept, a tip, items per order."""
    rnd = random.Random(71)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Customer", "Payment Method", "Return Reason", "Amount", "Tip", "Items"])
        for i in range(n):
            w.writerow([f"W{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(360))).isoformat(),
                        rnd.choice(["Ada", "Bo", "Cy", "Di", "Ed", "Flo"]), rnd.choice(["Cash", "Card", "Paypal"]),
                        rnd.choice(["", "", "", "Too small", "Damaged", "Late"]), round(rnd.uniform(10, 400), 2),
                        round(rnd.uniform(0, 20), 2), rnd.randint(1, 8)])


def _write_people(path: Path, n: int = 150) -> None:
    """Staff with a birth date (1960–2000) before a hire date (2015–2024)."""
    rnd = random.Random(72)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Employee ID", "Birth Date", "Hire Date", "Department", "Salary"])
        for i in range(n):
            w.writerow([f"E{i:04d}", (dt.date(1960, 1, 1) + dt.timedelta(days=rnd.randrange(14000))).isoformat(),
                        (dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3600))).isoformat(),
                        rnd.choice(["HR", "IT", "Ops"]), rnd.randrange(30000, 90000, 1000)])


def _write_branches(path: Path) -> None:
    """Monthly takings of stores numbered 1 to 6, a unit price beside units, a budget beside the actual spend."""
    rnd = random.Random(73)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Month", "Store", "Units", "Unit Price", "Budget", "Actual", "Revenue"])
        for month in range(1, 13):
            for store in range(1, 7):
                budget = rnd.choice([10000, 20000])
                w.writerow([f"2024-{month:02d}-01", store, rnd.randint(100, 900), rnd.choice([2.5, 4.0, 6.5]), budget,
                            round(budget * rnd.uniform(0.8, 1.2)), rnd.randint(20000, 90000)])


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    writers = (("shop", _write_shop), ("people", _write_people), ("branches", _write_branches))
    with ingested_views(tmp_path_factory.mktemp("merged"), writers) as got:
        yield got


def test_a_money_word_that_is_a_value_of_the_data_stays_that_value(merged):
    """"cash orders" where Cash is a payment method: counted, not the money of "cash collected"."""
    same_answer(merged, "shop", "number of cash payments",
                "SELECT count(*) FROM shop WHERE \"Payment Method\" = 'Cash'")
    same_answer(merged, "shop", "percentage of cash orders",
                "SELECT 100.0 * count(*) FILTER (WHERE \"Payment Method\" = 'Cash') / count(*) FROM shop")


def test_a_comparison_goes_to_the_column_named_between_number_and_comparison(merged):
    same_answer(merged, "shop", "average amount of orders with 5 items or more",
                "SELECT avg(Amount) FROM shop WHERE Items >= 5")


@pytest.mark.parametrize("question", ["what are the reasons for returns", "top 3 customers and the rest",
                                      "headcount by department in 2024"])
def test_answerable_questions_are_not_declined(merged, question):
    """A "reasons" column answers "the reasons for"; "the rest" asks for an Other bucket; a year the
    hire dates cover is no year outside the data although the birth dates miss it."""
    ds = "people" if "headcount" in question else "shop"
    answer(merged[0][ds], question)  # raises Unanswerable when declined


def test_a_plural_before_a_numbered_column_counts_its_things(merged):
    """"2 stores" over Store 1–6 is no filter Store = 2 ("2 bed" is: test_conditions)."""
    ans = answer(merged[0]["branches"], "total revenue for 2 stores")
    assert "= 2" not in ans.sql, ans.sql


def test_sales_are_no_unit_price_and_a_variance_of_another_measure_is_not_the_budgets(merged):
    sales = answer(merged[0]["branches"], "total sales by store")
    assert "sum(\"Unit Price\")" not in sales.sql, sales.sql
    variance = answer(merged[0]["branches"], "revenue variance by store")
    assert "\"Actual\" - \"Budget\"" not in variance.sql, variance.sql


# ---------------------------------------------------------------- the review of the eighth stop's merge
def _write_tees(path: Path) -> None:
    """T-shirt orders by size (S/M/L), grades by letter, transfers among a customer's transactions."""
    rnd = random.Random(81)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Txn ID", "Day", "Customer", "Type", "Size", "Grade", "Qty", "Start Date", "End Date"])
        for i in range(240):
            start = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            w.writerow([f"T{i:04d}", start.isoformat(), f"C{rnd.randint(1, 40)}",
                        rnd.choice(["Order", "Transfer", "Return"]), rnd.choice("SML"), rnd.choice("ABCDF"),
                        rnd.randint(1, 9), start.isoformat(),
                        (start + dt.timedelta(days=rnd.randint(1, 30))).isoformat()])


def test_words_asking_about_a_coded_column_name_no_value_of_it(tmp_path):
    """A word before a column of one-letter codes is its initial only when it names one ("night shift" ~ N), not
    when it asks which ("the most common grade", "best selling size"); a value said as written ("transfers" ~
    Transfer) counts rows, not distinct people; "days on hold" names no stretch of the two dates."""
    with ingested_views(tmp_path, [("tx", _write_tees)]) as data:
        same_answer(data, "tx", "what is the most common grade",
                    "SELECT Grade, count(*) AS n FROM tx GROUP BY 1 ORDER BY n DESC LIMIT 1")
        same_answer(data, "tx", "best selling size",
                    "SELECT Size, sum(Qty) AS q FROM tx GROUP BY 1 ORDER BY q DESC LIMIT 1")
        same_answer(data, "tx", "how many transfers by month",
                    "SELECT date_trunc('month', Day), count(*) FROM tx WHERE Type = 'Transfer' GROUP BY 1")
        assert "End Date" not in answer(data[0]["tx"], "days on hold by customer").sql


def test_made_is_no_production_budget(tmp_path):
    """"which studio made the most" counts films by studio: "made" names Units Produced, not a Production Budget."""
    def write(path: Path) -> None:
        rnd = random.Random(82)
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["Title", "Studio", "Production Budget", "Gross"])
            for i in range(90):
                w.writerow([f"M{i}", rnd.choice(["A24", "Fox", "WB"]), rnd.randint(1, 200) * 10**5,
                            rnd.randint(1, 900)])
    with ingested_views(tmp_path, [("films", write)]) as data:
        assert "Production Budget" not in answer(data[0]["films"], "which studio made the most").sql
