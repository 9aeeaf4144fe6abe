"""Units said in column headers (issue 11, S1): "lb", "lbs", "pounds", "weight" and "wt" reach ``Net Wt (lb)``;
a prefixed unit ("System kW", "Energy_kWh") is one word, not "k", "w"; a price per a unit ("Price ($/lb)",
"Pay Rate ($/hr)") goes with the quantity measured in that unit (revenue = Net Wt × Price, labour cost = Hours ×
Pay Rate), and never with another quantity. Each asks `answer()` about a small CSV written here and checks the rows
against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from datavis.analysis.language.names import split_name
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

CROPS = ["Apples", "Pears", "Plums"]


def _write_picks(path: Path, n: int = 120) -> None:
    """Picks: a weight in lb, hours, a price per lb and a pay rate per hour."""
    rnd = random.Random(91)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Crop", "Picker", "Net Wt (lb)", "Hours", "Price ($/lb)", "Pay Rate ($/hr)"])
        for i in range(n):
            w.writerow([(dt.date(2024, 6, 1) + dt.timedelta(days=i)).isoformat(), rnd.choice(CROPS),
                        rnd.choice(["Ana", "Ben", "Cy"]), round(rnd.uniform(50, 400), 1), rnd.randint(2, 9),
                        round(rnd.uniform(0.8, 2.5), 2), rnd.choice([16.5, 18.0])])


def _write_stalls(path: Path, n: int = 60) -> None:
    """Market stalls: hours open and a price per lb, but no weight sold (no quantity in lb)."""
    rnd = random.Random(92)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Stall", "Crop", "Hours", "Price ($/lb)"])
        for i in range(n):
            w.writerow([f"S{i:02d}", rnd.choice(CROPS), rnd.randint(3, 10), round(rnd.uniform(0.8, 2.5), 2)])


def _write_solar(path: Path, n: int = 50) -> None:
    """Solar installs: a system size in kW."""
    rnd = random.Random(93)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Project", "City", "System kW", "Contract Value"])
        for i in range(n):
            kw = round(rnd.uniform(4, 14), 1)
            w.writerow([f"P{i:03d}", rnd.choice(["Napa", "Davis"]), kw, round(kw * rnd.uniform(2800, 3600), 2)])


def _write_fields(path: Path, n: int = 60) -> None:
    """Field harvests: acres, a weight in lb and a price per lb."""
    rnd = random.Random(94)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Harvest", "Farm", "Acres", "Net Wt (lb)", "Price ($/lb)"])
        for i in range(n):
            acres = round(rnd.uniform(0.5, 4), 1)
            w.writerow([f"H{i:03d}", rnd.choice(["Oak", "Elm"]), acres, round(acres * rnd.uniform(800, 1500)),
                        round(rnd.uniform(0.8, 2.5), 2)])


def _write_stocks(path: Path, n: int = 40) -> None:
    """Stocks: a dividend yield column (what "yield" names) beside a weight in a portfolio."""
    rnd = random.Random(95)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ticker", "Sector", "Dividend Yield", "Weight"])
        for i in range(n):
            w.writerow([f"T{i:02d}", rnd.choice(["Tech", "Energy"]), round(rnd.uniform(0, 6), 2),
                        round(rnd.uniform(0.5, 5), 2)])


def _write_plans(path: Path, n: int = 40) -> None:
    """Subscriptions: seats and a price per month (a period, no unit of measure)."""
    rnd = random.Random(96)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Account", "Plan", "Seats", "Price/Month"])
        for i in range(n):
            w.writerow([f"A{i:03d}", rnd.choice(["Team", "Pro"]), rnd.randint(1, 40), rnd.choice([12.0, 25.0])])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("units_in_headers")
    tables = [("picks", _write_picks), ("stalls", _write_stalls), ("solar", _write_solar), ("fields", _write_fields),
              ("stocks", _write_stocks), ("plans", _write_plans)]
    with ingested_views(root, tables) as v:
        yield v


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


WEIGHT_BY_CROP = 'SELECT Crop, sum("Net Wt (lb)") FROM picks GROUP BY 1'


@pytest.mark.parametrize("question", ["total lbs by crop", "pounds by crop", "total weight by crop",
                                      "total wt by crop", "lb by crop"])
def test_a_unit_or_weight_word_names_the_column_measured_in_it(data, question):
    _check(data, "picks", question, WEIGHT_BY_CROP)


def test_a_prefixed_unit_is_one_word():
    assert split_name("System kW") == ["system", "kw"]
    assert split_name("Energy_kWh") == ["energy", "kwh"]
    assert split_name("orderID") == ["order", "id"]  # camel case still splits


def test_kw_names_the_system_size(data):
    _check(data, "solar", "total kw by city", 'SELECT City, sum("System kW") FROM solar GROUP BY 1')


def test_revenue_is_the_weight_times_the_price_per_lb(data):
    _check(data, "picks", "revenue by crop", 'SELECT Crop, sum("Net Wt (lb)" * "Price ($/lb)") FROM picks GROUP BY 1')


def test_labour_cost_is_the_hours_times_the_pay_rate_per_hour(data):
    _check(data, "picks", "labor cost by picker",
           'SELECT Picker, sum(Hours * "Pay Rate ($/hr)") FROM picks GROUP BY 1')


def test_a_price_per_lb_is_never_multiplied_by_hours(data):
    dirs, _con = data
    try:
        sql = answer(dirs["stalls"], "revenue by crop").sql
    except Exception:  # noqa: BLE001 - a decline is a fine answer here
        return
    assert '"Hours" * "Price' not in sql


def test_the_money_word_of_a_priced_quantity_is_spent(data):
    # "cost" of "labor cost" is no price column to split the months by
    _check(data, "picks", "labor cost by month", "SELECT date_trunc('month', Date), sum(Hours * \"Pay Rate ($/hr)\") "
                                                 "FROM picks GROUP BY 1")


@pytest.mark.parametrize("table", ["picks", "fields"])
@pytest.mark.parametrize("question", ["avg price per lb by farm", "price per pound by farm"])
def test_a_price_per_its_own_unit_is_the_price(data, question, table):
    _check(data, table, question.replace("farm", "crop" if table == "picks" else "farm"),
           f'SELECT {"Crop" if table == "picks" else "Farm"}, avg("Price ($/lb)") FROM {table} GROUP BY 1')


def test_another_measure_per_lb_still_divides(data):
    _check(data, "picks", "hours per lb by crop", 'SELECT Crop, sum(Hours) / sum("Net Wt (lb)") FROM picks GROUP BY 1')


@pytest.mark.parametrize("question", ["yield per acre by farm", "lbs per acre by farm"])
def test_yield_per_acre_is_the_weight_over_the_acres(data, question):
    _check(data, "fields", question, 'SELECT Farm, sum("Net Wt (lb)") / sum(Acres) FROM fields GROUP BY 1')


def test_a_yield_column_is_what_yield_names(data):
    _check(data, "stocks", "average yield by sector", 'SELECT Sector, avg("Dividend Yield") FROM stocks GROUP BY 1')


def test_a_price_per_month_still_goes_with_the_seats(data):
    _check(data, "plans", "revenue by plan", 'SELECT Plan, sum(Seats * "Price/Month") FROM plans GROUP BY 1')
