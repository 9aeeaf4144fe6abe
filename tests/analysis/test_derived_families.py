"""Derived measures and measure choice by family (issue 11): the rate of a flag whose own name holds
a negation ("did not finish rate"), groups ranked by a level or by a superlative of one item ("which
vendor has the longest lead time": their average, not their total), the time between two dates and
to the data's last day, products and comparisons of two columns ("stock value", "below the reorder
point"), and measure words that name a column indirectly. Each asks `answer()` about a small CSV
written here and checks the rows against DuckDB over the same file."""
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

RACES = ["Harbor 10K", "Hill Half", "River 5K", "City Marathon"]
VENDORS = ["Acme", "Borealis", "Cobalt", "Dune", "Ember"]


def _write_races(path: Path, n: int = 400) -> None:
    """Race entries: two Yes/No flags whose names hold a negation (Did Not Finish, Non Member)."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Entry ID", "Race Day", "Race", "Age Group", "Non Member", "Did Not Finish", "Entry Fee"])
        for i in range(n):
            race = rnd.choice(RACES)
            dnf = rnd.random() < (0.25 if race == "City Marathon" else 0.06)
            w.writerow([f"E{i:04d}", (dt.date(2024, 3, 1) + dt.timedelta(days=rnd.randrange(200))).isoformat(), race,
                        rnd.choice(["U20", "20-39", "40-59", "60+"]), rnd.choice(["Yes", "No", "No"]),
                        "Yes" if dnf else "No", rnd.choice([25, 40, 60])])


def _write_purchases(path: Path, n: int = 300) -> None:
    """Purchase orders: a lead time in days and a satisfaction score per order; the vendor with the
    most orders is not the one with the longest average lead time nor the best average score."""
    rnd = random.Random(22)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["PO Number", "Vendor", "Buyer", "Lead Days", "CSAT", "Order Qty", "Order Total"])
        for i in range(n):
            vendor = rnd.choices(VENDORS, [6, 1, 2, 2, 2])[0]
            slow = 12 if vendor == "Borealis" else 0
            good = 1 if vendor == "Dune" else 0
            qty = rnd.randint(1, 40)
            w.writerow([f"PO{i:05d}", vendor, rnd.choice(["Kim", "Lee", "Ray"]), rnd.randint(2, 15) + slow,
                        min(5, rnd.randint(1, 4) + good), qty, round(qty * rnd.uniform(5, 30), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_families")
    with ingested_views(root, [("races", _write_races), ("purchases", _write_purchases)]) as (dirs, con):
        yield dirs, con


# ------------------------------------------------------------------ 1. a negation inside a flag's name
@pytest.mark.parametrize("question", ["did not finish rate by race", "DNF... did-not-finish rate per race"])
def test_rate_of_a_flag_whose_name_says_not(data, question):
    dirs, con = data
    ans = answer(dirs["races"], question)
    gold = _gold(con, 'SELECT Race, 100.0 * avg(CASE WHEN "Did Not Finish" THEN 1 ELSE 0 END) FROM races GROUP BY 1')
    assert _rows(ans) == gold


def test_percent_sign_after_a_flag_whose_name_says_non(data):
    dirs, con = data
    ans = answer(dirs["races"], "non member % by age group")
    gold = _gold(con, 'SELECT "Age Group", 100.0 * avg(CASE WHEN "Non Member" THEN 1 ELSE 0 END) FROM races GROUP BY 1')
    assert _rows(ans) == gold


def test_a_negation_before_the_flag_still_negates(data):
    dirs, con = data
    ans = answer(dirs["races"], "percentage of entries that are not non member")
    gold = _gold(con, 'SELECT 100.0 * avg(CASE WHEN "Non Member" THEN 0 ELSE 1 END) FROM races')
    assert _rows(ans) == gold


def test_a_value_after_a_flag_whose_name_says_no_is_not_excluded(data):
    """"did not finish count for the hill half": the race is kept, not left out."""
    dirs, con = data
    ans = answer(dirs["races"], "how many did not finish in the hill half")
    gold = _gold(con, "SELECT count(*) FROM races WHERE \"Did Not Finish\" AND Race = 'Hill Half'")
    assert _rows(ans) == gold


# ------------------------------------------------------------------ 2. ranking groups by a level
def _top(ans) -> tuple:
    f = ans.plan["data_fields"]
    return ans.data[0][f["x"]], round(ans.data[0][f["y"]], 6)


@pytest.mark.parametrize(("question", "sql"), [
    ("which vendor has the longest lead days", 'SELECT Vendor, avg("Lead Days") AS v FROM purchases GROUP BY 1 '
                                               "ORDER BY v DESC LIMIT 1"),
    ("which vendor has the shortest lead days", 'SELECT Vendor, avg("Lead Days") AS v FROM purchases GROUP BY 1 '
                                                "ORDER BY v ASC LIMIT 1"),
    ("which vendor has the best csat", "SELECT Vendor, avg(CSAT) AS v FROM purchases GROUP BY 1 "
                                       "ORDER BY v DESC LIMIT 1"),
    ("which buyer waits longest for lead days", 'SELECT Buyer, avg("Lead Days") AS v FROM purchases GROUP BY 1 '
                                                "ORDER BY v DESC LIMIT 1"),
])
def test_groups_ranked_by_their_average_item(data, question, sql):
    dirs, con = data
    ans = answer(dirs["purchases"], question)
    (gold,) = _gold(con, sql)
    assert _top(ans) == gold


def test_groups_ranked_by_an_amount_keep_its_total(data):
    """"the most" of an amount (an order total) is still the groups' total."""
    dirs, con = data
    ans = answer(dirs["purchases"], "which vendor has the highest order total")
    (gold,) = _gold(con, 'SELECT Vendor, sum("Order Total") AS v FROM purchases GROUP BY 1 ORDER BY v DESC LIMIT 1')
    assert _top(ans) == gold


def test_a_score_per_group_is_averaged(data):
    dirs, con = data
    ans = answer(dirs["purchases"], "csat by vendor")
    assert _rows(ans) == _gold(con, "SELECT Vendor, avg(CSAT) FROM purchases GROUP BY 1")


# ------------------------------------------------------------------ 3. the time between two dates, or to the last day
def _write_rent(path: Path, n: int = 240) -> None:
    """Rent bills: billed, due 10 days later, paid 0–40 days after billing or not yet (Open/Overdue)."""
    rnd = random.Random(23)
    last = dt.date(2024, 12, 31)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Bill No", "Tenant", "Building", "Billed On", "Due On", "Paid On", "Status", "Rent"])
        for i in range(n):
            billed = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(360))
            due = billed + dt.timedelta(days=10)
            paid = billed + dt.timedelta(days=rnd.randint(0, 40)) if rnd.random() < 0.85 else None
            if paid is not None and paid > last:
                paid = None
            status = "Paid" if paid else ("Overdue" if due < last else "Open")
            w.writerow([f"R{i:04d}", rnd.choice(["Ames", "Bolt", "Cruz", "Diaz"]), rnd.choice(["North", "South"]),
                        billed.isoformat(), due.isoformat(), paid.isoformat() if paid else "", status,
                        rnd.choice([900, 1200, 1500])])


def _write_vet(path: Path, n: int = 200) -> None:
    """Vet visits booked 1–30 days ahead; the appointment's date column is abbreviated (Appt Date)."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visit", "Booked", "Appt Date", "Vet", "Species", "Last Vaccination"])
        for i in range(n):
            booked = dt.date(2024, 5, 1) + dt.timedelta(days=rnd.randrange(150))
            w.writerow([f"V{i:04d}", booked.isoformat(), (booked + dt.timedelta(days=rnd.randint(1, 30))).isoformat(),
                        rnd.choice(["Dr Ito", "Dr Moss", "Dr Nel"]), rnd.choice(["Dog", "Cat", "Rabbit"]),
                        (dt.date(2023, 6, 1) + dt.timedelta(days=rnd.randrange(500))).isoformat()])


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_dates")
    with ingested_views(root, [("rent", _write_rent), ("vet", _write_vet)]) as (dirs, con):
        yield dirs, con


def test_days_to_an_event_the_words_link_to_a_date(dated):
    """"days to pay": "pay" links to Paid On (not a stem of it), from the bill's main date."""
    dirs, con = dated
    ans = answer(dirs["rent"], "avg days to pay by tenant")
    assert _rows(ans) == _gold(con, 'SELECT Tenant, avg("Paid On" - "Billed On") FROM rent GROUP BY 1')


def test_days_between_two_dates_one_abbreviated(dated):
    dirs, con = dated
    ans = answer(dirs["vet"], "average days between booking and the appointment per vet")
    assert _rows(ans) == _gold(con, 'SELECT Vet, avg("Appt Date" - Booked) FROM vet GROUP BY 1')


def test_speed_of_an_event_ranks_by_the_time_to_it(dated):
    """"which tenant pays quickest": the shortest average time to pay first."""
    dirs, con = dated
    ans = answer(dirs["rent"], "which tenant pays quickest")
    (gold,) = _gold(con, 'SELECT Tenant, avg("Paid On" - "Billed On") AS d FROM rent GROUP BY 1 ORDER BY d LIMIT 1')
    assert _top(ans) == gold


def test_days_since_runs_to_the_data_last_day(dated):
    """"days since the last vaccination": to the data's last day (its main date's latest: the appointment's,
    not the booking's), not today."""
    dirs, con = dated
    ans = answer(dirs["vet"], "average days since last vaccination by species")
    gold = _gold(con, 'SELECT Species, avg((SELECT max("Appt Date") FROM vet) - "Last Vaccination") '
                      'FROM vet GROUP BY 1')
    assert _rows(ans) == gold


def test_days_overdue_per_bill(dated):
    """"days overdue for each overdue bill": one row per bill, from its due date to the data's last day."""
    dirs, con = dated
    ans = answer(dirs["rent"], "days overdue for each overdue bill")
    gold = _gold(con, "SELECT \"Bill No\", (SELECT max(\"Billed On\") FROM rent) - \"Due On\" FROM rent "
                      "WHERE Status = 'Overdue'")
    assert _rows(ans) == gold


# ------------------------------------------------------------------ 4. products and two-column conditions
def _write_pantry(path: Path, n: int = 180) -> None:
    """A food bank's shelves: cans held, a par level, a unit cost; some shelves empty or under par."""
    rnd = random.Random(25)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Shelf", "Site", "Food Group", "Cans On Hand", "Par Level", "Unit Cost", "Weekly Use"])
        for i in range(n):
            par = rnd.choice([20, 40, 60])
            w.writerow([f"S{i:03d}", rnd.choice(["Eastside", "Harbor", "Midtown"]),
                        rnd.choice(["Grains", "Protein", "Veg"]), rnd.choice([0, rnd.randint(0, 120)]), par,
                        round(rnd.uniform(0.5, 4), 2), rnd.randint(5, 50)])


def _write_orders(path: Path, n: int = 220) -> None:
    """Orders promised by a date and shipped (or not yet): late when shipped after the promise."""
    rnd = random.Random(26)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order", "Carrier", "Ordered On", "Due By", "Shipped On", "Value", "On Time"])
        for i in range(n):
            ordered = dt.date(2024, 2, 1) + dt.timedelta(days=rnd.randrange(200))
            shipped = ordered + dt.timedelta(days=rnd.randint(1, 12)) if rnd.random() < 0.9 else None
            on_time = "Yes" if shipped is not None and shipped <= ordered + dt.timedelta(days=7) else "No"
            w.writerow([f"N{i:04d}", rnd.choice(["Kite", "Lark", "Wren"]), ordered.isoformat(),
                        (ordered + dt.timedelta(days=7)).isoformat(), shipped.isoformat() if shipped else "",
                        round(rnd.uniform(10, 400), 2), on_time])


@pytest.fixture(scope="module")
def stock(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_stock")
    with ingested_views(root, [("pantry", _write_pantry), ("orders", _write_orders)]) as (dirs, con):
        yield dirs, con


def test_stock_value_is_held_quantity_times_unit_cost(stock):
    dirs, con = stock
    ans = answer(dirs["pantry"], "inventory value by site")
    assert _rows(ans) == _gold(con, 'SELECT Site, sum("Cans On Hand" * "Unit Cost") FROM pantry GROUP BY 1')


def test_rows_below_a_level_with_the_quantity_unsaid(stock):
    """"shelves below par level": the cans on hand compared with the par level, row by row."""
    dirs, con = stock
    ans = answer(dirs["pantry"], "how many shelves are below par level")
    assert _rows(ans) == _gold(con, 'SELECT count(*) FROM pantry WHERE "Cans On Hand" < "Par Level"')
    assert not any("“below”" in a for a in ans.plan["assumptions"])  # "below" is read, not left out


def test_two_columns_compared_by_group(stock):
    dirs, con = stock
    ans = answer(dirs["pantry"], "number of shelves where cans on hand is under the par level by site")
    gold = _gold(con, 'SELECT Site, count(*) FROM pantry WHERE "Cans On Hand" < "Par Level" GROUP BY 1')
    assert _rows(ans) == gold
    assert ans.plan["filters"] == [{"field": "Cans On Hand", "op": "<", "value": "Par Level"}]


def test_what_is_missing_up_to_a_level(stock):
    """"how many cans to bring all shelves back up to their par level": par minus on hand, where under it."""
    dirs, con = stock
    ans = answer(dirs["pantry"], "how many cans must we order to bring all shelves back up to their par level")
    gold = _gold(con, 'SELECT sum("Par Level" - "Cans On Hand") FROM pantry WHERE "Cans On Hand" < "Par Level"')
    assert _rows(ans) == gold


@pytest.mark.parametrize("question", ["% of orders shipped late", "percentage of orders shipped after the due date"])
def test_share_of_rows_whose_event_passed_its_due_date(stock, question):
    dirs, con = stock
    ans = answer(dirs["orders"], question)
    gold = _gold(con, 'SELECT 100.0 * count(*) FILTER (WHERE "Shipped On" > "Due By") / count("Shipped On") '
                      "FROM orders")
    assert _rows(ans) == gold


# ------------------------------------------------------------------ 5. measure words that name a column indirectly
def _write_billing(path: Path, n: int = 200) -> None:
    """A clinic's bills: the bill's row noun is a text column (Bill Ref), the money is Charge Amount."""
    rnd = random.Random(27)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Bill Ref", "Billed On", "Payer", "Status", "Charge Amount"])
        for i in range(n):
            w.writerow([f"B-{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))).isoformat(),
                        rnd.choice(["Aetna", "Cigna", "Self"]), rnd.choice(["Open", "Settled", "Settled"]),
                        round(rnd.uniform(40, 900), 2)])


def _write_cellar(path: Path, n: int = 150) -> None:
    """A wine cellar: each row a stock record (Stock Key) with the bottles held in Inventory Units."""
    rnd = random.Random(28)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Stock Key", "Rack", "Grape", "Inventory Units", "Bottle Cost"])
        for i in range(n):
            w.writerow([f"K{i:04d}", rnd.choice(["R1", "R2", "R3"]), rnd.choice(["Syrah", "Merlot", "Riesling"]),
                        rnd.randint(0, 48), round(rnd.uniform(6, 60), 2)])


def _write_calls(path: Path, n: int = 200) -> None:
    rnd = random.Random(29)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Call", "Team", "Talk Secs", "Queue Secs"])
        for i in range(n):
            w.writerow([f"C{i:04d}", rnd.choice(["Red", "Blue"]), rnd.randint(30, 900), rnd.randint(0, 300)])


@pytest.fixture(scope="module")
def worded(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_words")
    with ingested_views(root, [("billing", _write_billing), ("cellar", _write_cellar), ("calls", _write_calls)]) \
            as (dirs, con):
        yield dirs, con


def test_a_verb_of_billing_names_the_money_not_the_row_noun(worded):
    """"billed" only half-names Bill Ref (text); the verb names the money column."""
    dirs, con = worded
    ans = answer(dirs["billing"], "total billed by payer")
    assert _rows(ans) == _gold(con, 'SELECT Payer, sum("Charge Amount") FROM billing GROUP BY 1')


def test_the_row_noun_then_total_is_the_money(worded):
    dirs, con = worded
    ans = answer(dirs["billing"], "bill total by status")
    assert _rows(ans) == _gold(con, 'SELECT Status, sum("Charge Amount") FROM billing GROUP BY 1')


def test_the_row_noun_counted_still_counts(worded):
    dirs, con = worded
    ans = answer(dirs["billing"], "bill count by status")
    assert _rows(ans) == _gold(con, "SELECT Status, count(*) FROM billing GROUP BY 1")


@pytest.mark.parametrize("question", ["how much stock is in each rack", "stock by rack"])
def test_the_row_noun_as_a_mass_noun_is_the_quantity_held(worded, question):
    dirs, con = worded
    ans = answer(dirs["cellar"], question)
    assert _rows(ans) == _gold(con, 'SELECT Rack, sum("Inventory Units") FROM cellar GROUP BY 1')


def test_handle_time_is_talk_time(worded):
    dirs, con = worded
    ans = answer(dirs["calls"], "average handle time by team")
    assert _rows(ans) == _gold(con, 'SELECT Team, avg("Talk Secs") FROM calls GROUP BY 1')


def test_the_duration_word_is_not_a_yes_no_filter(stock):
    """"ship time" spends "time": the Yes/No column On Time does not filter the rows."""
    dirs, con = stock
    ans = answer(dirs["orders"], "avg ship time in days by carrier")
    assert _rows(ans) == _gold(con, 'SELECT Carrier, avg("Shipped On" - "Ordered On") FROM orders GROUP BY 1')


def _write_menu(path: Path, n: int = 60) -> None:
    """Menu items: a camel-case sold count with digits (DishesSold30d) beside a unit price."""
    rnd = random.Random(30)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Dish", "Course", "UnitPrice", "DishesSold30d"])
        for i in range(n):
            w.writerow([f"Dish {i:02d}", rnd.choice(["Starter", "Main", "Dessert"]), round(rnd.uniform(4, 30), 2),
                        rnd.randint(0, 400)])


def test_a_sold_count_named_in_camel_case_with_digits(tmp_path):
    with ingested_views(tmp_path, [("menu", _write_menu)]) as (dirs, con):
        ans = answer(dirs["menu"], "total sold by course")
        assert _rows(ans) == _gold(con, "SELECT Course, sum(DishesSold30d) FROM menu GROUP BY 1")
        ans = answer(dirs["menu"], "which course sold the most")
        (gold,) = _gold(con, "SELECT Course, sum(DishesSold30d) AS s FROM menu GROUP BY 1 ORDER BY s DESC LIMIT 1")
        assert _top(ans) == gold


def _write_parcels(path: Path, n: int = 160) -> None:
    """Parcels whose weight was not always recorded: a cost per kg is taken over the weighed ones."""
    rnd = random.Random(32)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Parcel", "Courier", "Weight (kg)", "Cost"])
        for i in range(n):
            w.writerow([f"P{i:04d}", rnd.choice(["Ace", "Bee"]), round(rnd.uniform(0.5, 20), 1)
                        if rnd.random() < 0.8 else "", round(rnd.uniform(3, 60), 2)])


def test_a_ratio_of_sums_over_the_rows_with_both(tmp_path):
    with ingested_views(tmp_path, [("parcels", _write_parcels)]) as (dirs, con):
        ans = answer(dirs["parcels"], "cost per kg by courier")
        gold = _gold(con, 'SELECT Courier, sum(Cost) / sum("Weight (kg)") FROM parcels '
                          'WHERE "Weight (kg)" IS NOT NULL GROUP BY 1')
        assert _rows(ans) == gold
