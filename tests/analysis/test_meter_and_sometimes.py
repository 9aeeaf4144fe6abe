"""Two everyday derived measures (issue 11): the distance read off a meter at both ends of a row ("miles driven" =
Odometer In − Odometer Out) and the rate of a charge made now and then ("damage rate" = the share of rows with a
Damage Charge, 0 or blank in most rows). Near misses: a column of miles is what "miles" names; one reading alone is
no distance; a charge in every row has no such rate; a discount's rate is not read so. Each asks `answer()` about a
small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

BRANCHES = ["Airport", "Harbor", "Midtown"]


def _write_vans(path: Path, n: int = 120) -> None:
    """Van hires: odometer out and in, a damage charge that is 0 in most rows, a damage deposit in each, tax."""
    rnd = random.Random(61)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Hire", "Branch", "Odometer Out", "Odometer In", "Damage Charge", "Tax", "Discount"])
        for i in range(n):
            odo = rnd.randint(10000, 90000)
            w.writerow([f"H{i:03d}", rnd.choice(BRANCHES), odo, odo + rnd.randint(20, 600),
                        round(rnd.uniform(100, 900), 2) if rnd.random() < 0.15 else 0, round(rnd.uniform(5, 40), 2),
                        10 if rnd.random() < 0.2 else 0])


def _write_cars(path: Path, n: int = 100) -> None:
    """Car hires: a damage charge left blank when there was none, and a column of trip miles beside the readings."""
    rnd = random.Random(62)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Hire", "Branch", "Start Mileage", "End Mileage", "Trip Miles", "Damage ($)"])
        for i in range(n):
            odo = rnd.randint(10000, 90000)
            trip = rnd.randint(20, 600)
            w.writerow([f"C{i:03d}", rnd.choice(BRANCHES), odo, odo + trip + rnd.randint(0, 5), trip,
                        round(rnd.uniform(100, 900), 2) if rnd.random() < 0.2 else ""])


def _write_meters(path: Path, n: int = 60) -> None:
    """Meter reads: one odometer reading per row, no second one."""
    rnd = random.Random(63)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Read", "Branch", "Odometer"])
        for i in range(n):
            w.writerow([f"M{i:03d}", rnd.choice(BRANCHES), rnd.randint(10000, 90000)])


def _write_visits(path: Path, n: int = 90) -> None:
    """Daily web traffic: visitors and conversions (a count that is 0 on most days)."""
    rnd = random.Random(64)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Day", "Channel", "Visitors", "Conversions"])
        for i in range(n):
            w.writerow([f"D{i:03d}", rnd.choice(["Ads", "Email"]), rnd.randint(20, 90),
                        rnd.randint(1, 3) if rnd.random() < 0.3 else 0])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("meter_and_sometimes")
    with ingested_views(root, [("vans", _write_vans), ("cars", _write_cars), ("meters", _write_meters),
                               ("visits", _write_visits)]) as v:
        yield v


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


@pytest.mark.parametrize("question", ["total miles driven by branch", "mileage by branch", "milage by branch",
                                      "distance driven by branch"])
def test_miles_driven_are_the_end_reading_minus_the_start(data, question):
    _check(data, "vans", question, 'SELECT Branch, sum("Odometer In" - "Odometer Out") FROM vans GROUP BY 1')


def test_average_miles_driven(data):
    _check(data, "vans", "average miles driven", 'SELECT avg("Odometer In" - "Odometer Out") FROM vans')


def test_a_column_of_miles_is_what_miles_names(data):
    _check(data, "cars", "total trip miles by branch", 'SELECT Branch, sum("Trip Miles") FROM cars GROUP BY 1')


def test_one_reading_is_no_distance(data):
    dirs, _con = data
    try:
        sql = answer(dirs["meters"], "total miles driven by branch").sql
    except Unanswerable:
        return
    assert " - " not in sql


@pytest.mark.parametrize("question", ["damage rate by branch", "which branch has the highest damage rate"])
def test_a_rate_of_a_charge_mostly_zero_is_the_share_of_rows_charged(data, question):
    dirs, con = data
    got = _rows(answer(dirs["vans"], question))
    want = _gold(con, 'SELECT Branch, 100.0 * avg(CASE WHEN "Damage Charge" > 0 THEN 1 ELSE 0 END) FROM vans '
                      "GROUP BY 1")
    assert got == want or (question.startswith("which") and len(got) == 1 and got <= want)


def test_a_rate_of_a_charge_mostly_blank_is_the_share_of_rows_with_one(data):
    _check(data, "cars", "damage rate by branch",
           'SELECT Branch, 100.0 * count("Damage ($)") / count(*) FROM cars GROUP BY 1')


def test_the_charge_itself_is_still_summed(data):
    _check(data, "vans", "damage charge by branch", 'SELECT Branch, sum("Damage Charge") FROM vans GROUP BY 1')


@pytest.mark.parametrize("question", ["tax rate by branch", "discount rate by branch"])
def test_a_charge_in_every_row_or_a_discount_has_no_such_rate(data, question):
    dirs, _con = data
    try:
        sql = answer(dirs["vans"], question).sql
    except Unanswerable:
        return
    assert "> 0)" not in sql


def test_when_there_was_a_charge_keeps_the_rows_charged(data):
    _check(data, "vans", "average damage charge when there was damage",
           'SELECT avg("Damage Charge") FROM vans WHERE "Damage Charge" > 0')


def test_when_there_was_none_keeps_the_rows_not_charged(data):
    _check(data, "vans", "average tax when there was no damage", 'SELECT avg(Tax) FROM vans WHERE "Damage Charge" = 0')


def test_a_rate_of_a_count_is_per_its_base_not_per_row(data):
    _check(data, "visits", "conversion rate by channel",
           "SELECT Channel, 100.0 * sum(Conversions) / sum(Visitors) FROM visits GROUP BY 1")
