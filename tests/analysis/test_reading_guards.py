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
