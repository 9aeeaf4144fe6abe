"""Vocabulary (issue 11): words of the question that a column's name holds or reaches by a synonym, read
as the question means them — "spend" is money (never the things of a Cost Code, and the one "Contract
Value" when the table has no column of money by name), and a word that names nothing in the data is
declined rather than guessed. Each asks `answer()` about a small CSV written here and checks the rows
against DuckDB over the same file, or that the question is declined."""
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

VENDORS = ["Acme", "Bolt", "Crane", "Dune"]
CODES = ["CC-10 Facilities", "CC-20 Software", "CC-30 Travel"]


def _write_contracts(path: Path, n: int = 150) -> None:
    """A contract register: a Cost Code dimension and a Contract Value with no money word or unit."""
    rnd = random.Random(71)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Contract ID", "Vendor", "Cost Code", "Signed", "Term (months)", "Contract Value"])
        for i in range(n):
            signed = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
            w.writerow([f"CT-{i:04d}", rnd.choice(VENDORS), rnd.choice(CODES), signed.isoformat(),
                        rnd.choice([6, 12, 24]), round(rnd.uniform(1000, 50000), 2)])


def _write_bookings(path: Path, n: int = 300) -> None:
    """Room bookings with snake_case headers: a booked_by agent, a created date, a Category beside a
    customer_segment, and no Bookings column."""
    rnd = random.Random(73)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["booking_id", "created", "room", "booked_by", "category", "customer_segment", "nights", "total",
                    "credits_used"])
        for i in range(n):
            created = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
            nights = rnd.randint(1, 6)
            w.writerow([f"BK{i:05d}", created.isoformat(), rnd.choice(["Oak", "Elm", "Pine"]),
                        rnd.choice(["Ana Cruz", "Ben Ode", "Cy Lam"]), rnd.choice(["Standard", "Deluxe", "Suite"]),
                        rnd.choice(["Corporate", "Leisure", "Group"]), nights, round(nights * rnd.uniform(90, 250), 2),
                        rnd.randint(0, 12)])


def _write_picks(path: Path, n: int = 200) -> None:
    """A pick log, a line per SKU of an order: units Ordered and Picked (whole numbers named by their verbs), no
    hours, no cost."""
    rnd = random.Random(74)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Pick Date", "Picker", "Zone", "Order No", "SKU", "Ordered", "Picked"])
        for i in range(n):
            ordered = rnd.randint(1, 20)
            w.writerow([(dt.date(2025, 3, 1) + dt.timedelta(days=i % 60)).isoformat(), rnd.choice(["Jo", "Lu", "Ni"]),
                        rnd.choice(["A", "B", "Cold"]), f"SO-{rnd.randint(1, 70)}", f"SKU-{rnd.randint(100, 140)}",
                        ordered, ordered - rnd.choice([0, 0, 0, 1, 2])])


def _write_flights(path: Path, n: int = 90) -> None:
    """Flights by a Flight No that repeats every day it flies."""
    rnd = random.Random(76)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Flight No", "Origin", "Delay Min"])
        for i in range(n):
            w.writerow([(dt.date(2025, 1, 1) + dt.timedelta(days=i // 3)).isoformat(), f"UA{100 + 100 * (i % 3)}",
                        rnd.choice(["SFO", "LAX"]), rnd.randint(0, 60)])


def _write_rentals(path: Path, n: int = 200) -> None:
    """Car rentals identified by an Agreement No: Rental Days and a Contract Value measure each rental."""
    rnd = random.Random(75)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Agreement No", "Branch", "Pickup", "Rental Days", "Contract Value", "Sales Amount"])
        for i in range(n):
            days = rnd.randint(1, 9)
            w.writerow([f"RA{i:05d}", rnd.choice(["Airport", "Downtown"]),
                        (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(200))).isoformat(), days,
                        round(days * rnd.uniform(40, 90), 2), round(days * rnd.uniform(30, 60), 2)])


def _write_checks(path: Path, n: int = 150) -> None:
    """Restaurant checks: Subtotal, Tip and Total with no money word or unit."""
    rnd = random.Random(76)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["OrderID", "Channel", "Subtotal", "Tip", "Total"])
        for i in range(n):
            sub = round(rnd.uniform(10, 120), 2)
            tip = round(sub * rnd.choice([0, 0.1, 0.15, 0.2]), 2)
            w.writerow([f"O{i:05d}", rnd.choice(["Dine-in", "Takeout", "Delivery"]), sub, tip, round(sub + tip, 2)])


def _write_ads(path: Path, n: int = 120) -> None:
    """Ad results with no money at all: impressions, clicks and a Total Conversions count."""
    rnd = random.Random(72)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Day", "Campaign", "Impressions", "Clicks", "Total Conversions"])
        for i in range(n):
            w.writerow([(dt.date(2024, 3, 1) + dt.timedelta(days=i % 40)).isoformat(),
                        rnd.choice(["Spring", "Brand", "Retarget"]), rnd.randint(500, 5000), rnd.randint(5, 200),
                        rnd.randint(0, 20)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("vocab_collisions")
    writers = [("contracts", _write_contracts), ("ads", _write_ads), ("bookings", _write_bookings),
               ("picks", _write_picks), ("flights", _write_flights), ("rentals", _write_rentals),
               ("checks", _write_checks)]
    with ingested_views(root, writers) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


# ------------------------------------------------------------------ "spend" is money, never a code column
@pytest.mark.parametrize("question, sql", [
    ("spend by cost code", 'SELECT "Cost Code", sum("Contract Value") FROM contracts GROUP BY 1'),
    ("total spend by vendor", 'SELECT Vendor, sum("Contract Value") FROM contracts GROUP BY 1'),
    ("spend per quarter",
     "SELECT date_trunc('quarter', Signed), sum(\"Contract Value\") FROM contracts GROUP BY 1"),
])
def test_spend_is_the_one_value_column_not_the_cost_code(data, question, sql):
    _check(data, "contracts", question, sql)


def test_spend_is_a_lone_total(data):
    _check(data, "checks", "total spend by channel", "SELECT Channel, sum(Total) FROM checks GROUP BY 1")


def test_cost_code_said_in_full_still_groups(data):
    _check(data, "contracts", "contracts by cost code", 'SELECT "Cost Code", count(*) FROM contracts GROUP BY 1')


def test_spend_over_a_table_without_money_is_declined(data):
    """Near miss: "Total Conversions" is a count named "total", not what was spent."""
    dirs, _ = data
    with pytest.raises(Unanswerable):
        answer(dirs["ads"], "spend by campaign")


# ------------------------------------------------------------------ a column named "<verb> by"
@pytest.mark.parametrize("question, sql", [
    ("how many rooms were booked by month",
     "SELECT date_trunc('month', created), count(*) FROM bookings GROUP BY 1"),
    ("total nights booked by room", "SELECT room, sum(nights) FROM bookings GROUP BY 1"),
    ("nights booked each month", "SELECT date_trunc('month', created), sum(nights) FROM bookings GROUP BY 1"),
])
def test_the_verb_of_a_by_column_does_not_swallow_the_grouping(data, question, sql):
    _check(data, "bookings", question, sql)


@pytest.mark.parametrize("question, sql", [
    ("bookings by booked by", "SELECT booked_by, count(*) FROM bookings GROUP BY 1"),
    ("rooms booked by Ana Cruz by month",
     "SELECT date_trunc('month', created), count(*) FROM bookings WHERE booked_by = 'Ana Cruz' GROUP BY 1"),
])
def test_the_by_column_still_named_as_a_grouping_or_by_its_value(data, question, sql):
    """Near misses: the column said as what is grouped by, and a value of it after "by"."""
    dirs, con = data
    got = _rows(answer(dirs["bookings"], question))
    want = _gold(con, sql)
    assert sorted((r[0], r[-1]) for r in got) == sorted((r[0], r[-1]) for r in want)


def test_who_asks_for_the_doer_of_the_verb(data):
    """"who booked …": the people of booked_by, not the customer_segment ("customer" is a people word)."""
    dirs, _ = data
    assert "booked_by" in answer(dirs["bookings"], "who booked the most rooms").sql


# ------------------------------------------------------------------ "total <rows>" counts them
def test_total_of_the_rows_noun_counts_the_rows(data):
    _check(data, "bookings", "total bookings this year",
           "SELECT count(*) FROM bookings WHERE created >= DATE '2024-01-01'")


def test_total_of_a_measure_still_adds_it_up(data):
    """Near miss: "total nights" names a number column and sums it."""
    _check(data, "bookings", "total nights this year", "SELECT sum(nights) FROM bookings")


# ------------------------------------------------------------------ the word a name holds over a synonym
def test_a_column_holding_the_word_wins_over_a_synonym(data):
    """"segment" ~ category by synonym, but customer_segment holds the word."""
    _check(data, "bookings", "total revenue by segment", "SELECT customer_segment, sum(total) FROM bookings GROUP BY 1")


def test_a_synonym_still_links_when_no_name_holds_the_word(data):
    """Near miss: "type" names category by synonym; no column holds "type"."""
    _check(data, "bookings", "bookings by room category", "SELECT category, count(*) FROM bookings GROUP BY 1")


# ------------------------------------------------------------------ units of a count
@pytest.mark.parametrize("question, sql", [
    ("units picked by zone", "SELECT Zone, sum(Picked) FROM picks GROUP BY 1"),
    ("avg qty ordered in the cold zone", "SELECT avg(Ordered) FROM picks WHERE Zone = 'Cold'"),
])
def test_units_of_a_count_column_name_it(data, question, sql):
    _check(data, "picks", question, sql)


# ------------------------------------------------------------------ a key word naming nothing is declined
@pytest.mark.parametrize("table, question", [
    ("picks", "hours worked by picker"),
    ("picks", "total hours by zone"),
    ("bookings", "wifi usage per room"),
    ("ads", "total spend per day"),
])
def test_a_measure_the_data_lacks_is_declined(data, table, question):
    dirs, _ = data
    with pytest.raises(Unanswerable):
        answer(dirs[table], question)


def test_a_barely_linked_measure_said_alone_is_answered(data):
    """Near miss: "credit usage" names credits_used (its own word before the weak link)."""
    _check(data, "bookings", "credit usage per room", "SELECT room, sum(credits_used) FROM bookings GROUP BY 1")


# ------------------------------------------------------------------ a column named like a cue
@pytest.mark.parametrize("question, sql", [
    ("total by room", "SELECT room, sum(total) FROM bookings GROUP BY 1"),
    ("avg total per booking for corporate",
     "SELECT avg(total) FROM bookings WHERE customer_segment = 'Corporate'"),
])
def test_a_column_named_total_is_the_column_before_a_grouping(data, question, sql):
    _check(data, "bookings", question, sql)


def test_total_before_a_named_measure_is_still_the_cue(data):
    """Near miss: "total nights by room" sums nights, not the total column."""
    _check(data, "bookings", "total nights by room", "SELECT room, sum(nights) FROM bookings GROUP BY 1")


# ------------------------------------------------------------------ the rows said by a measure's first word
@pytest.mark.parametrize("question, sql", [
    ("rentals per month", "SELECT date_trunc('month', Pickup), count(*) FROM rentals GROUP BY 1"),
    ("how many rentals did we do", "SELECT count(*) FROM rentals"),
    ("contracts by branch", "SELECT Branch, count(*) FROM rentals GROUP BY 1"),
])
def test_the_plural_of_a_measures_first_word_counts_the_rows(data, question, sql):
    _check(data, "rentals", question, sql)


@pytest.mark.parametrize("question, sql", [
    ("rental days by branch", 'SELECT Branch, sum("Rental Days") FROM rentals GROUP BY 1'),
    ("sales by branch", 'SELECT Branch, sum("Sales Amount") FROM rentals GROUP BY 1'),
])
def test_the_measure_named_in_full_or_by_money_still_sums(data, question, sql):
    """Near misses: the column's whole name, and money said as a mass noun ("sales" of Sales Amount)."""
    _check(data, "rentals", question, sql)


# ------------------------------------------------------------------ things named by a repeating id
def test_things_of_a_repeating_id_are_counted_once(data):
    _check(data, "picks", "how many orders were picked per zone",
           'SELECT Zone, count(DISTINCT "Order No") FROM picks GROUP BY 1')


def test_things_of_a_repeating_id_without_lines_are_the_rows(data):
    """Near miss: a flight number repeats day after day, but each row is a flight (no item on each line)."""
    _check(data, "flights", "how many flights per month",
           "SELECT date_trunc('month', Date), count(*) FROM flights GROUP BY 1")


def test_things_of_a_unique_id_are_the_rows(data):
    """Near miss: Agreement No is unique, so "how many agreements" counts the rows."""
    _check(data, "rentals", "how many agreements per branch", "SELECT Branch, count(*) FROM rentals GROUP BY 1")
