"""KPIs and rankings whose words name no column outright (issue 11): a Yes/No quality before the rows' noun is a
condition of one number, not a breakdown by that noun ("total tips from subscribed listeners"); a people word
that is all a Y/N column says is its Yes ("members"); a unit ending a column's name need not be said ("tip" ~
Tip ($)); verbs and nouns of money taken ("collected", "takings") name the money column; a noun of a length of
time ("length", "stay") names the one duration column; "which X <past tense> the least" is one X; a doubled
consonant before -ed is one ("drops" ~ Dropped). Each asks `answer()` about a small CSV written here and checks
the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from tests.helpers import ingested_views

from .scoring import same_answer

SHOWS = ["Deep Dive", "Night Owls", "Money Talks", "Garden Hour"]


def _write_listens(path: Path, n: int = 300) -> None:
    """Podcast listens: a 1/0 Subscribed flag, a Y/N Member column, a true/false Dropped, seconds, tips."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Listen ID", "Listened On", "Listener", "Show", "Time (sec)", "Subscribed", "Is Member", "Dropped",
                    "Tip ($)"])
        for i in range(n):
            tip = rnd.choice([0, 0, 0, 1.5, 2.5, 5, 12.75])
            w.writerow([f"L{i:04d}", (dt.date(2024, 3, 1) + dt.timedelta(days=rnd.randrange(200))).strftime("%m/%d/%Y"),
                        f"listener{rnd.randrange(40):02d}", rnd.choice(SHOWS), rnd.randint(30, 3600),
                        rnd.choice([0, 1, 1]), rnd.choice(["Y", "N", "N"]), rnd.choice(["true", "false", "false"]),
                        f"${tip:,.2f}"])


def _write_rentals(path: Path, n: int = 200) -> None:
    """Boat rentals: a duration in hours, the amount paid as "$120.00" text, Yes/No Insured and Damage Report."""
    rnd = random.Random(22)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Rental #", "Dock", "Boat Class", "Duration (hrs)", "Amt (USD)", "Insured", "Damage Report"])
        for i in range(n):
            hours = rnd.choice([1, 2, 2, 3, 4, 8])
            w.writerow([f"R{i:03d}", rnd.choice(["North", "South", "Marina"]),
                        rnd.choice(["Kayak", "Sail", "Motor", "eFoil"]), hours, f"${hours * rnd.uniform(20, 60):,.2f}",
                        rnd.choice(["Yes", "No"]),
                        rnd.choice(["Yes", "No", "No", "No"])])


def _write_cabins(path: Path, n: int = 150) -> None:
    """Cabin reservations: adults, children (0 for most), nights, a 1/0 on_time flag of the arrival, cancelled."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["res_id", "lake", "adults", "children", "nights", "on_time", "cancelled", "amenity"])
        for i in range(n):
            w.writerow([f"C{i:03d}", rnd.choice(["Clear", "Bass", "Loon"]), rnd.randint(1, 4),
                        rnd.choice([0, 0, 0, 1, 2, 3]), rnd.randint(1, 12), rnd.choice([1, 1, 0]),
                        rnd.choice(["true", "false", "false"]), rnd.choice(["TV", "Grill", "Hot Tub"])])


def _write_bids(path: Path, n: int = 160) -> None:
    """Tender bids whose outcome ends on a participle ("Bid Won", "Bid Lost"), with the hours spent preparing."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Bid No", "Region", "Outcome", "Bid Value", "Prep Hours", "Client"])
        for i in range(n):
            w.writerow([f"B{i:03d}", rnd.choice(["North", "South"]), rnd.choice(["Bid Won", "Bid Lost", "Pending"]),
                        rnd.randint(5, 90) * 1000, rnd.randint(2, 40),
                        rnd.choice(["Port Authority", "City Council", "Water Board"])])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("kpi_words"), (("listens", _write_listens),
                                                                ("rentals", _write_rentals),
                                                                ("cabins", _write_cabins),
                                                                ("bids", _write_bids))) as got:
        yield got


TIP = "CAST(REPLACE(REPLACE(\"Tip ($)\", '$', ''), ',', '') AS DOUBLE)"
AMT = "CAST(REPLACE(REPLACE(\"Amt (USD)\", '$', ''), ',', '') AS DOUBLE)"


@pytest.mark.parametrize("q,sql", [
    ("total tips from subscribed listeners", f"SELECT sum({TIP}) FROM listens WHERE Subscribed = 1"),
    ("sum of time for dropped listens", 'SELECT sum("Time (sec)") FROM listens WHERE Dropped'),
])
def test_a_quality_before_the_rows_noun_is_a_condition_of_one_number(data, q, sql):
    ans = same_answer(data, "listens", q, sql)
    assert ans.chart_type == "kpi"


@pytest.mark.parametrize("q,sql", [
    ("avg tip for members", f"SELECT avg({TIP}) FROM listens WHERE \"Is Member\" = 'Y'"),
    ("how many listens came from non-members", "SELECT count(*) FROM listens WHERE \"Is Member\" = 'N'"),
])
def test_a_people_word_that_is_all_a_yes_no_column_says_is_its_yes(data, q, sql):
    same_answer(data, "listens", q, sql)


def test_a_unit_ending_a_column_name_need_not_be_said(data):
    same_answer(data, "rentals", "median amt per dock", f"SELECT Dock, median({AMT}) FROM rentals GROUP BY 1")


@pytest.mark.parametrize("q,sql", [
    ("takings by dock", f"SELECT Dock, sum({AMT}) FROM rentals GROUP BY 1"),
    ("which boat class collected the least", f"SELECT \"Boat Class\", sum({AMT}) AS s FROM rentals GROUP BY 1 "
                                             "ORDER BY s LIMIT 1"),
])
def test_money_taken_said_by_a_verb_or_noun_is_the_money_column(data, q, sql):
    same_answer(data, "rentals", q, sql)


def test_which_x_with_a_past_tense_and_a_several_word_name_is_one_x(data):
    ans = same_answer(data, "rentals", "which boat class generated the most money",
                      f"SELECT \"Boat Class\", sum({AMT}) AS s FROM rentals GROUP BY 1 ORDER BY s DESC LIMIT 1")
    assert len(ans.data) == 1


@pytest.mark.parametrize("q,sql", [
    ("average rental length at the marina dock", 'SELECT avg("Duration (hrs)") FROM rentals WHERE Dock = \'Marina\''),
    ("what was the longest stay at the north dock", 'SELECT max("Duration (hrs)") FROM rentals WHERE Dock = \'North\''),
])
def test_a_noun_of_a_length_of_time_is_the_duration_column(data, q, sql):
    same_answer(data, "rentals", q, sql)


def test_a_doubled_consonant_before_ed_is_one(data):
    same_answer(data, "listens", "drops per show", 'SELECT "Show", count(*) FROM listens WHERE Dropped GROUP BY 1')


def test_which_x_has_a_superlative_of_a_level_is_one_x(data):
    ans = same_answer(data, "rentals", "which boat class has the shortest duration",
                      'SELECT "Boat Class", avg("Duration (hrs)") AS d FROM rentals GROUP BY 1 ORDER BY d LIMIT 1')
    assert len(ans.data) == 1


@pytest.mark.parametrize("q,sql", [
    ("avg length of stay for guests with no kids", "SELECT avg(nights) FROM cabins WHERE children = 0"),
    ("number of reservations with kids by lake", "SELECT lake, count(*) FROM cabins WHERE children > 0 GROUP BY 1"),
    ("how many arrivals were delayed", "SELECT count(*) FROM cabins WHERE on_time = 0"),
])
def test_nights_kids_and_delays_said_in_everyday_words(data, q, sql):
    same_answer(data, "cabins", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("total value of lost bids", "SELECT sum(\"Bid Value\") FROM bids WHERE Outcome = 'Bid Lost'"),
    ("won bids per region", "SELECT Region, count(*) FROM bids WHERE Outcome = 'Bid Won' GROUP BY 1"),
    ("average time for won bids", "SELECT avg(\"Prep Hours\") FROM bids WHERE Outcome = 'Bid Won'"),
])
def test_an_outcome_said_by_its_last_word_and_time_after_an_aggregation(data, q, sql):
    same_answer(data, "bids", q, sql)


def test_a_word_naming_a_flags_no_before_the_rows_noun_is_a_condition_of_one_number(data):
    ans = same_answer(data, "listens", "total tips from unsubscribed listeners",
                      f"SELECT sum({TIP}) FROM listens WHERE Subscribed = 0")
    assert ans.chart_type == "kpi"


def test_an_action_noun_names_its_participle_column(data):
    same_answer(data, "cabins", "nights per lake excluding cancellations",
                "SELECT lake, sum(nights) FROM cabins WHERE NOT cancelled GROUP BY 1")


def test_the_number_of_a_flags_events_counts_its_yes_rows(data):
    same_answer(data, "rentals", "number of damage reports by boat class",
                'SELECT "Boat Class", count(*) FROM rentals WHERE "Damage Report" GROUP BY 1')


def test_time_spent_is_the_duration_and_a_brand_cased_value_is_one_word(data):
    same_answer(data, "rentals", "total time efoil renters spent out",
                "SELECT sum(\"Duration (hrs)\") FROM rentals WHERE \"Boat Class\" = 'eFoil'")


def test_the_plural_of_a_two_letter_code_is_that_value(data):
    same_answer(data, "cabins", "average nights for cabins with TVs",
                "SELECT avg(nights) FROM cabins WHERE amenity = 'TV'")


@pytest.mark.parametrize("q,sql", [
    ("average bid value for the council", "SELECT avg(\"Bid Value\") FROM bids WHERE Client = 'City Council'"),
    ("total value bid by the south region", "SELECT sum(\"Bid Value\") FROM bids WHERE Region = 'South'"),
])
def test_one_thing_named_after_the_is_a_condition_of_one_number(data, q, sql):
    ans = same_answer(data, "bids", q, sql)
    assert ans.chart_type == "kpi"


def _write_leads(path: Path, n: int = 600) -> None:
    """Sales leads by source and owner: a stage, Y/N converted, and the value of the deal once won."""
    rnd = random.Random(3)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Lead ID", "Created", "Source", "Owner", "Stage", "Converted", "Deal Value", "Seats", "Country"])
        for i in range(n):
            won = rnd.random() < 0.22
            stage = "Won" if won else rnd.choice(["New", "Contacted", "Qualified", "Lost", "Lost"])
            w.writerow([f"L{i:05d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(540))).isoformat(),
                        rnd.choice(["Webinar", "Referral", "Organic"]), rnd.choice(["Ana", "Ben", "Dev"]), stage,
                        "Y" if won else "N", round(rnd.uniform(2000, 90000)) if won else "", rnd.randint(1, 60),
                        rnd.choice(["US", "UK", "DE"])])


def test_how_many_counts_the_things_a_worth_column_is_of(tmp_path):
    """"how many deals did we win": deals are counted, not the total of Deal Value (what each row is worth);
    a column of things still sums ("how many seats did we sell")."""
    with ingested_views(tmp_path, [("leads", _write_leads)]) as data:
        same_answer(data, "leads", "how many deals did we win", "SELECT count(*) FROM leads WHERE Stage = 'Won'")
        same_answer(data, "leads", "how many seats did we sell", "SELECT sum(Seats) FROM leads")


def _write_invoices(path: Path, n: int = 400) -> None:
    """Monthly invoices of 60 customers, each on one plan in one country: customers repeat across rows."""
    rnd = random.Random(5)
    plans = {f"Cust {k}": (rnd.choice(["Basic", "Pro", "Team"]), rnd.choice(["US", "UK", "FR"])) for k in range(60)}
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Invoice ID", "Customer", "Plan", "Country", "Amount"])
        for i in range(n):
            cust = f"Cust {rnd.randrange(60) if i % 3 else rnd.randrange(10)}"  # some customers pay often
            w.writerow([f"INV{i:04d}", cust, *plans[cust], rnd.randint(10, 400)])


def test_a_plural_column_a_group_has_the_most_of_counts_its_distinct_values(tmp_path):
    """"which plan has the most customers", "customers per country" over invoices: customers (who repeat) are
    counted once each, as "how many customers" counts them; "top 2 countries by invoices" still ranks rows."""
    with ingested_views(tmp_path, [("invoices", _write_invoices)]) as data:
        same_answer(data, "invoices", "which plan has the most customers",
                    "SELECT Plan, count(DISTINCT Customer) AS n FROM invoices GROUP BY 1 ORDER BY n DESC LIMIT 1")
        same_answer(data, "invoices", "customers per country",
                    "SELECT Country, count(DISTINCT Customer) FROM invoices GROUP BY 1")
        same_answer(data, "invoices", "number of invoices per country",
                    "SELECT Country, count(*) FROM invoices GROUP BY 1")
