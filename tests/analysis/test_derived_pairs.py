"""Derived measures over pairs of columns no question names (issue 11): how long each row lasts between a
start and an end column (timestamps, or dates whose order the data gives), an amount planned beside the
amount done (what is short, the share done, the rows short), an amount net of a deduction column, a
measure per a count of things or per a unit word, a part as a percentage of the gross, late events, and
counts per day. Each asks `answer()` about a small CSV written here (a solar installer's jobs, a car
rental's contracts) and checks the rows against DuckDB over the same file."""
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

CREWS = ["North", "South", "East"]
BRANCHES = ["Airport", "Downtown", "Harbor"]


def _write_jobs(path: Path, n: int = 240) -> None:
    """Solar installs: start/finish timestamps, panels planned and installed, money quoted, spent and
    rebated."""
    rnd = random.Random(31)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Job #", "Crew", "Install Start", "Install Finish", "Panels Planned", "Panels Installed",
                    "Kw", "Job Cost", "Rebate ($)", "Quote ($)"])
        for i in range(n):
            crew = rnd.choice(CREWS)
            start = dt.datetime(2024, 2, 1, 7) + dt.timedelta(days=rnd.randrange(250), minutes=15 * rnd.randrange(20))
            end = start + dt.timedelta(minutes=rnd.randint(90, 600) + (120 if crew == "East" else 0))
            planned = rnd.randint(8, 40)
            done = planned - (rnd.randint(1, 4) if rnd.random() < (0.3 if crew == "South" else 0.1) else 0)
            cost = round(done * rnd.uniform(180, 260), 2)
            w.writerow([f"J-{900 + i}", crew, start.strftime("%m/%d/%Y %H:%M"), end.strftime("%m/%d/%Y %H:%M"),
                        planned, done, round(done * 0.4, 1), cost, rnd.choice([0, 0, 250, 500]),
                        round(cost * rnd.uniform(1.2, 1.5), 2)])


def _write_rentals(path: Path, n: int = 300) -> None:
    """Car rentals: a date out and a date in (in after out), a date due back, miles driven and money."""
    rnd = random.Random(32)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Rental ID", "Branch", "Car Class", "Date In", "Date Out", "Due Back", "Returned On",
                    "Distance (mi)", "Rental Charge", "Discount"])
        for i in range(n):
            out = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            days = rnd.randint(1, 14)
            back = out + dt.timedelta(days=days + rnd.choice([0, 0, 0, 1, 2]))
            charge = days * rnd.choice([39.0, 55.0, 80.0])
            w.writerow([f"RA{i:05d}", rnd.choice(BRANCHES), rnd.choice(["Compact", "SUV", "Van"]),
                        back.isoformat(), out.isoformat(), (out + dt.timedelta(days=days)).isoformat(),
                        back.isoformat(), rnd.randint(20, 200) * days, charge,
                        round(charge * 0.1, 2) if rnd.random() < 0.3 else 0])


def _write_shop(path: Path, n: int = 200) -> None:
    """A machine shop's runs: parts made and scrapped, hours available and used."""
    rnd = random.Random(33)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Run", "Machine", "Parts Made", "Parts Scrapped", "Hours Available", "Hours Used"])
        for i in range(n):
            made = rnd.randint(50, 500)
            w.writerow([f"M{i:04d}", rnd.choice(["Lathe 1", "Lathe 2", "Mill"]), made, rnd.randint(0, made // 8), 8,
                        round(rnd.uniform(3, 8), 1)])


def _write_flats(path: Path, n: int = 200) -> None:
    """Flats to let: floor area, rent, the day listed and the day leased."""
    rnd = random.Random(34)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Flat Ref", "District", "Sq Ft", "Rent", "Listed", "Leased On"])
        for i in range(n):
            listed = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(200))
            area = rnd.randint(350, 1500)
            w.writerow([f"F{i:04d}", rnd.choice(["Docks", "Hill", "Centre"]), area, round(area * rnd.uniform(1.4, 2.8)),
                        listed.isoformat(), (listed + dt.timedelta(days=rnd.randint(2, 60))).isoformat()])


def _write_kiosk(path: Path, n: int = 150) -> None:
    """Self-checkout kiosk sessions lasting a few minutes each."""
    rnd = random.Random(35)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Session", "Store", "Began", "Ended", "Items"])
        for i in range(n):
            began = dt.datetime(2024, 5, 1, 8) + dt.timedelta(minutes=rnd.randrange(60_000))
            w.writerow([f"K{i:04d}", rnd.choice(["Elm St", "Bay Rd"]), began.isoformat(sep=" "),
                        (began + dt.timedelta(seconds=rnd.randint(60, 900))).isoformat(sep=" "), rnd.randint(1, 30)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_pairs")
    tables = [("jobs", _write_jobs), ("rentals", _write_rentals), ("shop", _write_shop), ("flats", _write_flats),
              ("kiosk", _write_kiosk)]
    with ingested_views(root, tables) as (dirs, con):
        yield dirs, con


START = "strptime(\"Install Start\", '%m/%d/%Y %H:%M')"
END = "strptime(\"Install Finish\", '%m/%d/%Y %H:%M')"


# ------------------------------------------------------------------ 1. how long each row lasts
@pytest.mark.parametrize(("question", "sql"), [
    ("average install duration by crew",
     f"SELECT Crew, avg((epoch({END}) - epoch({START})) / 3600) FROM jobs GROUP BY 1"),
    ("how long does a job take, in minutes", f"SELECT avg((epoch({END}) - epoch({START})) / 60) FROM jobs"),
    ("total install hrs per crew", f"SELECT Crew, sum((epoch({END}) - epoch({START})) / 3600) FROM jobs GROUP BY 1"),
])
def test_time_between_a_start_and_an_end_column(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs["jobs"], question)) == _gold(con, sql)


def test_a_stretch_of_a_few_minutes_is_told_in_minutes(data):
    """No unit asked: rows that typically last minutes (the profile's sample rows) are measured in minutes."""
    dirs, con = data
    ans = answer(dirs["kiosk"], "average session length by store")
    assert _rows(ans) == _gold(con, "SELECT Store, avg(epoch(Ended - Began) / 60) FROM kiosk GROUP BY 1")


def test_the_data_says_which_end_comes_first(data):
    """"Date In" is listed before "Date Out", but a rental goes out first: the days run from out to in."""
    dirs, con = data
    ans = answer(dirs["rentals"], "how long are rentals by branch")
    gold = 'SELECT Branch, avg(date_diff(\'day\', "Date Out", "Date In")) FROM rentals GROUP BY 1'
    assert _rows(ans) == _gold(con, gold)


# ------------------------------------------------------------------ 2. planned vs done
@pytest.mark.parametrize(("question", "sql"), [
    ("panels short by crew", 'SELECT Crew, sum("Panels Planned" - "Panels Installed") FROM jobs GROUP BY 1'),
    ("panels not installed by crew", 'SELECT Crew, sum("Panels Planned" - "Panels Installed") FROM jobs GROUP BY 1'),
    ("fulfillment rate per crew",
     'SELECT Crew, 100.0 * sum("Panels Installed") / sum("Panels Planned") FROM jobs GROUP BY 1'),
    ("share of jobs that came up short",
     'SELECT 100.0 * avg(CASE WHEN "Panels Installed" < "Panels Planned" THEN 1 ELSE 0 END) FROM jobs'),
])
def test_an_amount_planned_beside_the_amount_done(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs["jobs"], question)) == _gold(con, sql)


# ------------------------------------------------------------------ 3. net of a deduction, part of the gross
@pytest.mark.parametrize(("question", "sql"), [
    ("net rental charges by branch", 'SELECT Branch, sum("Rental Charge" - Discount) FROM rentals GROUP BY 1'),
    ("average spend after discount", 'SELECT avg("Rental Charge" - Discount) FROM rentals'),
])
def test_an_amount_net_of_its_deduction(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs["rentals"], question)) == _gold(con, sql)


@pytest.mark.parametrize(("question", "sql"), [
    ("rebates as a % of quote by crew",
     'SELECT Crew, 100.0 * sum("Rebate ($)") / sum("Quote ($)") FROM jobs GROUP BY 1'),
    ("what percent of the job cost is rebate", 'SELECT 100.0 * sum("Rebate ($)") / sum("Job Cost") FROM jobs'),
    ("discount rate by car class",
     'SELECT "Car Class", 100.0 * sum(Discount) / sum("Rental Charge") FROM rentals GROUP BY 1'),
])
def test_a_part_as_a_percentage_of_a_whole(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs[question.startswith("discount") and "rentals" or "jobs"], question)) == _gold(con, sql)


# ------------------------------------------------------------------ 4. per a count of things, per a unit
@pytest.mark.parametrize(("question", "sql"), [
    ("avg cost per panel by crew", 'SELECT Crew, sum("Job Cost") / sum("Panels Installed") FROM jobs GROUP BY 1'),
    ("job cost per kw", 'SELECT sum("Job Cost") / sum(Kw) FROM jobs'),
])
def test_a_measure_per_a_count_of_things(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs["jobs"], question)) == _gold(con, sql)


def test_a_unit_word_names_its_measure(data):
    dirs, con = data
    ans = answer(dirs["rentals"], "rental charge per mile for each branch")
    gold = 'SELECT Branch, sum("Rental Charge") / sum("Distance (mi)") FROM rentals GROUP BY 1'
    assert _rows(ans) == _gold(con, gold)


# ------------------------------------------------------------------ 5. late events, counts per day
def test_late_events_said_by_their_noun(data):
    dirs, con = data
    ans = answer(dirs["rentals"], "late returns % by branch")
    gold = 'SELECT Branch, 100.0 * avg(CASE WHEN "Returned On" > "Due Back" THEN 1 ELSE 0 END) FROM rentals GROUP BY 1'
    assert _rows(ans) == _gold(con, gold)


def test_rows_per_day(data):
    dirs, con = data
    ans = answer(dirs["rentals"], "how many rentals a day at each branch")
    assert _rows(ans) == _gold(con, 'SELECT Branch, count(*) / count(DISTINCT "Date Out") FROM rentals GROUP BY 1')


# ------------------------------------------------------------------ 6. what stays as it was
def test_a_column_of_durations_is_still_that_column(data):
    """"wait time" with a Wait (min) column is that column, not the stretch between two timestamps."""
    dirs, con = data
    ans = answer(dirs["jobs"], "average kw by crew")
    assert _rows(ans) == _gold(con, "SELECT Crew, avg(Kw) FROM jobs GROUP BY 1")


def test_an_average_of_a_level_per_a_repeated_code_groups_by_it(data):
    dirs, con = data
    ans = answer(dirs["rentals"], "avg discount per car class")
    assert _rows(ans) == _gold(con, 'SELECT "Car Class", avg(Discount) FROM rentals GROUP BY 1')


# ------------------------------------------------------------------ 7. a part of a count, the use of a capacity
@pytest.mark.parametrize(("question", "sql"), [
    ("scrap rate per machine",
     'SELECT Machine, 100.0 * sum("Parts Scrapped") / sum("Parts Made") FROM shop GROUP BY 1'),
    ("utilization for each machine",
     'SELECT Machine, 100.0 * sum("Hours Used") / sum("Hours Available") FROM shop GROUP BY 1'),
])
def test_a_part_of_a_count_and_a_use_of_what_is_available(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs["shop"], question)) == _gold(con, sql)


def test_a_pair_named_by_the_words_is_the_one_used(data):
    """The words choose among planned / done pairs: "panel" names Panels Planned / Panels Installed."""
    dirs, con = data
    ans = answer(dirs["jobs"], "panel fulfillment rate")
    assert _rows(ans) == _gold(con, 'SELECT 100.0 * sum("Panels Installed") / sum("Panels Planned") FROM jobs')


@pytest.mark.parametrize(("question", "sql"), [
    ("rent per sq ft by district", 'SELECT District, sum(Rent) / sum("Sq Ft") FROM flats GROUP BY 1'),
    # "lease" is a form of the data's "Leased", not a typo of "least"
    ("how many days does it take to lease", "SELECT avg(date_diff('day', Listed, \"Leased On\")) FROM flats"),
])
def test_flats(data, question, sql):
    dirs, con = data
    assert _rows(answer(dirs["flats"], question)) == _gold(con, sql)


# ------------------------------------------------------------------ 8. a derived measure for values set side by side
@pytest.mark.parametrize(("question", "sql"), [
    ("discount rate compact vs suv",
     "SELECT \"Car Class\", 100.0 * sum(Discount) / sum(\"Rental Charge\") FROM rentals "
     "WHERE \"Car Class\" IN ('Compact', 'SUV') GROUP BY 1"),
    ("avg days from date out to date in, airport vs harbor",
     "SELECT Branch, avg(date_diff('day', \"Date Out\", \"Date In\")) FROM rentals "
     "WHERE Branch IN ('Airport', 'Harbor') GROUP BY 1"),
])
def test_a_derived_measure_for_values_set_side_by_side(data, question, sql):
    """A bar per value, no colour by a column the measure itself uses (the end date of a duration)."""
    dirs, con = data
    ans = answer(dirs["rentals"], question)
    assert ans.plan["color"] is None
    assert _rows(ans) == _gold(con, sql)
