"""Comparisons (issue 11): two measures said "A vs B" per group (side by side in one unit, one dot per
group in two), two values of one column compared ("express vs standard"), two groupings ("by depot and
month", "broken down by service"), and how many rows carry a flag (one number). Each asks `answer()`
about a small CSV written here and checks the rows against DuckDB."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import same_answer

FEE = "CAST(REPLACE(Fee, '$', '') AS DOUBLE)"
TIP = "CAST(REPLACE(Tip, '$', '') AS DOUBLE)"


def _write_deliveries(path: Path) -> None:
    """Parcel deliveries over two years: a depot, a courier, a service level, distance in km, minutes on
    the road, a fee and a tip in dollars, a 0/1 Late flag, Yes/No Fragile and No Signature columns, and the
    customer's contract (Annual, Monthly, None: words that are also time grains), and whether it was insured."""
    rnd = random.Random(31)
    couriers = ["Ava", "Ben", "Cleo", "Dev", "Eli", "Fen"]
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Delivery ID", "Date", "Depot", "Courier", "Service", "Distance (km)", "Duration (min)",
                    "Fee", "Tip", "Parcels", "Late", "Fragile", "No Signature", "Contract", "Insured"])
        for i in range(600):
            km = round(rnd.uniform(1, 40), 1)
            w.writerow([f"D{i:05d}", (dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(730))).isoformat(),
                        rnd.choice(["Harbour", "Airport", "Old Town", "Ridge"]), rnd.choice(couriers),
                        rnd.choice(["Express", "Standard", "Standard"]), km, int(km * rnd.uniform(2, 4)) + 5,
                        f"${rnd.uniform(5, 60):.2f}", f"${rnd.uniform(0, 8):.2f}", rnd.randint(1, 6),
                        int(rnd.random() < 0.2), rnd.choice(["Yes", "No", "No"]), rnd.choice(["Yes", "No"]),
                        rnd.choice(["Annual", "Monthly", "None"]), rnd.choice(["Yes", "No"])])


def _write_shelves(path: Path) -> None:
    """Stock of each SKU on the shelves of three stores (a SKU once per store)."""
    rnd = random.Random(32)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["SKU", "Store", "Aisle", "Units"])
        for i in range(40):
            for store in ("Lyon", "Nantes", "Lille"):
                w.writerow([f"K-{i:03d}", store, rnd.choice(["Dairy", "Bakery", "Frozen"]), rnd.randint(0, 30)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("deliveries", _write_deliveries), ("shelves", _write_shelves))
    with ingested_views(tmp_path_factory.mktemp("compare"), writers) as got:
        yield got


# ------------------------------------------------------------------ two measures: bars or dots
def test_two_measures_in_different_units_per_group_are_dots(data):
    """Kilometres vs minutes share no axis: one dot per courier, distance against duration."""
    ds, _ = data
    ans = answer(ds["deliveries"], "distance vs duration for every courier")
    assert ans.chart_type == "point" and ans.plan["x"]["field"] == "Courier"
    assert [m["field"] for m in ans.plan["measures"]] == ["Distance (km)", "Duration (min)"]
    assert len(ans.data) == 6


def test_a_count_against_money_per_group_is_dots(data):
    ans = same_answer(data, "deliveries", "number of deliveries vs total fee per depot",
                      f"SELECT Depot, count(*), sum({FEE}) FROM deliveries GROUP BY 1", every_column=True)
    assert ans.chart_type == "point"


def test_one_measure_plotted_against_another_is_dots_even_in_one_unit(data):
    ds, _ = data
    ans = answer(ds["deliveries"], "plot the fee against the tip for each depot")
    assert ans.chart_type == "point" and ans.plan["x"]["field"] == "Depot"
    assert [m["field"] for m in ans.plan["measures"]] == ["Fee", "Tip"]


def test_two_amounts_of_money_vs_each_other_are_bars_side_by_side(data):
    """Fee vs tip: both dollars, read on one axis."""
    ans = same_answer(data, "deliveries", "fee vs tip by depot",
                      f"SELECT Depot, sum({FEE}), sum({TIP}) FROM deliveries GROUP BY 1", every_column=True)
    assert ans.chart_type == "bar"


# ------------------------------------------------------------------ two groupings
def test_a_date_part_after_and_is_a_second_grouping(data):
    """"by depot and quarter": one line per depot over the quarters, not the depots alone."""
    ans = same_answer(data, "deliveries", "parcels by depot and quarter",
                      "SELECT date_trunc('quarter', Date), Depot, sum(Parcels) FROM deliveries GROUP BY 1, 2")
    assert ans.plan["data_fields"]["color"] == "Depot"


def test_a_date_part_after_broken_down_by_is_the_axis(data):
    same_answer(data, "deliveries", "total fee broken down by year",
                f"SELECT date_trunc('year', Date), sum({FEE}) FROM deliveries GROUP BY 1")


def test_a_count_per_person_broken_down_by_a_category_counts_rows(data):
    """"delivery count per courier broken down by service": rows per courier and service, not distinct couriers."""
    ans = same_answer(data, "deliveries", "delivery count per courier broken down by service",
                      "SELECT Courier, Service, count(*) FROM deliveries GROUP BY 1, 2")
    assert ans.chart_type == "bar"


# ------------------------------------------------------------------ how many carry a flag
def test_how_many_rows_a_0_1_flag_marks_is_one_number(data):
    ans = same_answer(data, "deliveries", "how many deliveries were late",
                      "SELECT count(*) FROM deliveries WHERE Late = 1")
    assert ans.chart_type == "kpi"


def test_how_many_rows_a_flag_and_a_place_mark_is_one_number(data):
    ans = same_answer(data, "deliveries", "how many deliveries from the airport depot were late",
                      "SELECT count(*) FROM deliveries WHERE Late = 1 AND Depot = 'Airport'")
    assert ans.chart_type == "kpi"


def test_late_by_a_flag_with_a_grouping_word_is_still_a_breakdown(data):
    ans = same_answer(data, "deliveries", "number of deliveries by late",
                      "SELECT Late, count(*) FROM deliveries GROUP BY 1")
    assert ans.chart_type == "bar"


# ------------------------------------------------------------------ two values of one column compared
def test_two_values_joined_by_vs_are_a_bar_each(data):
    """"fee at the airport vs old town": the depots are compared, nothing is plotted against anything."""
    ans = same_answer(data, "deliveries", "fee at the airport vs old town",
                      f"SELECT Depot, sum({FEE}) FROM deliveries WHERE Depot IN ('Airport', 'Old Town') GROUP BY 1")
    assert ans.chart_type == "bar"


def test_a_yes_no_said_and_negated_is_a_grouping_not_one_side(data):
    ans = same_answer(data, "deliveries", "average tip fragile vs not fragile",
                      f"SELECT Fragile, avg({TIP}) FROM deliveries GROUP BY 1")
    assert ans.chart_type == "bar"


def test_the_other_side_of_a_flag_in_words_is_a_grouping(data):
    """"on time vs late": the words name one side of Late in words of their own."""
    ans = same_answer(data, "deliveries", "average fee on time vs late",
                      f"SELECT Late, avg({FEE}) FROM deliveries GROUP BY 1")
    assert ans.chart_type == "bar"


def test_a_column_name_starting_with_no_does_not_negate_the_values_after_it(data):
    """"no" of a column's name (No Signature) is no negation: the depots listed are kept, not left out."""
    ds, _ = data
    ans = answer(ds["deliveries"], "no signature deliveries airport vs ridge")
    assert {"field": "Depot", "op": "in", "value": ["Airport", "Ridge"]} in ans.plan["filters"]


def test_number_of_is_no_column_whose_name_starts_with_no(data):
    """"number of deliveries" counts every delivery: "No Signature" is a Yes/No, its "no" is no "number"."""
    same_answer(data, "deliveries", "number of deliveries per depot",
                "SELECT Depot, count(*) FROM deliveries GROUP BY 1")


def test_two_years_compared_are_a_grouping_never_two_conditions_at_once(data):
    ans = same_answer(data, "deliveries", "total fee 2024 vs 2023",
                      f"SELECT date_trunc('year', Date), sum({FEE}) FROM deliveries GROUP BY 1")
    assert ans.chart_type == "bar" and "2023-01-01" in ans.sql and "2024-12-31" in ans.sql


def test_values_compared_within_another_grouping_are_its_colour(data):
    ans = same_answer(data, "deliveries", "late vs not late deliveries for each courier",
                      "SELECT Courier, Late, count(*) FROM deliveries GROUP BY 1, 2")
    assert ans.plan["data_fields"]["x"] == "Courier" and ans.plan["data_fields"]["color"] == "Late"


def test_a_flag_compared_with_the_rest_is_both_sides(data):
    """"late deliveries vs the rest": late and not late, not the late ones alone."""
    ans = same_answer(data, "deliveries", "average fee for late deliveries vs the rest",
                      f"SELECT Late, avg({FEE}) FROM deliveries GROUP BY 1")
    assert ans.chart_type == "bar"


def test_two_columns_each_with_its_own_aggregation_word_are_both_shown(data):
    same_answer(data, "deliveries", "total fee and total tip by courier",
                f"SELECT Courier, sum({FEE}), sum({TIP}) FROM deliveries GROUP BY 1", every_column=True)


def test_a_grain_word_beside_vs_that_is_a_value_is_the_value(data):
    """"annual vs monthly contracts": two contracts compared, not a monthly time axis."""
    ans = same_answer(data, "deliveries", "total fee annual vs monthly contracts",
                      f"SELECT Contract, sum({FEE}) FROM deliveries WHERE Contract IN ('Annual', 'Monthly') GROUP BY 1")
    assert ans.chart_type == "bar"


def test_how_many_of_a_noun_a_condition_follows_is_one_number(data):
    """"how many items are in lyon": the rows the condition keeps, one number, not a count per SKU."""
    ans = same_answer(data, "shelves", "how many items are in lyon",
                      "SELECT count(*) FROM shelves WHERE Store = 'Lyon'")
    assert ans.chart_type == "kpi"


def test_a_yes_no_and_its_un_word_within_a_grouping_are_its_colour(data):
    """"insured vs uninsured fees per depot": both sides per depot, not the uninsured ones alone."""
    ans = same_answer(data, "deliveries", "insured vs uninsured fees per depot",
                      f"SELECT Depot, Insured, sum({FEE}) FROM deliveries GROUP BY 1, 2")
    assert ans.plan["data_fields"]["x"] == "Depot" and ans.plan["data_fields"]["color"] == "Insured"
