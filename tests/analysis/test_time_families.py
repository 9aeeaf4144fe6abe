"""Time grains and periods, follow-ups, top/bottom-N without "top" and declines (issue 11), each
asked through `answer()` about small CSVs written here and checked against DuckDB over the same
file: the hour of the day over months of timestamps, a ranked period ("busiest hour", "worst
month"), a median of daily rows, a named period that filters, the date column named after the
rows, short values in follow-ups, a number that opens a top-N, and words the data does not hold."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import ingested_views

from .scoring import answer_rows, rows_match, same_answer

PROMOS = ["Spring Flash", "Loyalty Week", "Back To School"]
TRAINERS = ["Ines", "Kofi", "Mara", "Ravi"]


def _write_chats(path: Path, n: int = 600) -> None:
    """Support chats opened over three months, between 7:00 and 19:00, with their wait in seconds."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Chat ID", "Opened At", "Team", "Wait Seconds", "Handled By"])
        for i in range(n):
            opened = dt.datetime(2025, 2, 1, 7) + dt.timedelta(days=rnd.randrange(90), hours=rnd.randrange(12),
                                                               minutes=rnd.randrange(60))
            w.writerow([f"CH{i:04d}", opened.isoformat(sep=" "), rnd.choice(["Billing", "Returns", "Setup"]),
                        rnd.randint(5, 400), rnd.choice(["Ola", "Ben", "Sue"])])


def _write_promo_days(path: Path) -> None:
    """One row per day, promotion and country over a year: visits, orders and the cost of the day."""
    rnd = random.Random(22)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Day", "Promo", "Country", "Visits", "Orders", "Cost"])
        for d in range(0, 365, 3):
            for promo in PROMOS:
                for country in ("US", "UK", "DE"):
                    visits = rnd.randint(50, 900)
                    w.writerow([(dt.date(2024, 1, 1) + dt.timedelta(days=d)).isoformat(), promo, country, visits,
                                rnd.randint(0, visits // 20), round(rnd.uniform(20, 400), 2)])


def _write_sessions(path: Path, n: int = 300) -> None:
    """Gym sessions: signed up on one date, held on a later one; the date named after the rows is
    the second column of dates, so the first is not the default by position."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Session ID", "Signed Up On", "Session Date", "Trainer", "Class Type", "Minutes", "Fee", "Season"])
        for i in range(n):
            held = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(180))
            signed = held - dt.timedelta(days=rnd.randrange(1, 80))
            w.writerow([f"S{i:04d}", signed.strftime("%m/%d/%Y"), held.strftime("%m/%d/%Y"), rnd.choice(TRAINERS),
                        rnd.choice(["Drop-in", "Drop-in", "Personal", "Group Class"]), rnd.choice([30, 45, 60, 90]),
                        rnd.choice([0, 15, 25, 40]), f"{'Winter' if held.month <= 3 else 'Spring'} {held.year}"])


def _write_stays(path: Path, n: int = 200) -> None:
    """Hotel stays booked before they start: the booking date comes first, the arrival second."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Stay Ref", "Booked On", "Arrival", "Nights", "Room", "Guest"])
        for i in range(n):
            arrival = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(200))
            w.writerow([f"R{i:04d}", (arrival - dt.timedelta(days=rnd.randrange(3, 90))).isoformat(),
                        arrival.isoformat(), rnd.randint(1, 7), rnd.choice(["Single", "Double", "Suite"]),
                        f"G{rnd.randrange(80):03d}"])


def _write_parcels(path: Path, n: int = 300) -> None:
    """Parcels shipped to clients: a ship date named by the verb of the question."""
    rnd = random.Random(25)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Parcel ID", "Ship Date", "Delivered On", "Carrier", "Customer", "Weight (kg)"])
        for i in range(n):
            shipped = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            delivered = shipped + dt.timedelta(days=rnd.randint(1, 6))
            w.writerow([f"P{i:04d}", shipped.isoformat(), delivered.isoformat(), rnd.choice(["UPS", "DHL", "FedEx"]),
                        f"Client {rnd.randrange(40)}", round(rnd.uniform(1, 30), 1)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("chats", _write_chats), ("promo_days", _write_promo_days), ("sessions", _write_sessions),
               ("stays", _write_stays), ("parcels", _write_parcels))
    with ingested_views(tmp_path_factory.mktemp("timefamilies"), writers) as got:
        yield got


# ------------------------------------------------------------------ time grains and periods
def test_by_hour_over_months_of_timestamps_is_the_hour_of_the_day(data):
    ans = same_answer(data, "chats", "average wait seconds by hour",
                      'SELECT hour("Opened At"), avg("Wait Seconds") FROM chats GROUP BY 1')
    assert len(ans.data) == 12  # 7:00 … 18:00, not one point per clock hour of three months
    assert ans.chart_type == "bar" and "went from" not in ans.insight  # places in a day compared, not a run


def test_the_busiest_hour_of_the_day_is_one_bar(data):
    ans = same_answer(data, "chats", "what is the busiest hour of the day",
                      'SELECT hour("Opened At"), count(*) FROM chats GROUP BY 1 ORDER BY 2 DESC LIMIT 1')
    assert ans.chart_type == "bar"


def test_the_worst_month_ranks_the_months_and_says_lowest(data):
    ans = same_answer(data, "promo_days", "worst month for orders",
                      "SELECT date_trunc('month', Day), sum(Orders) FROM promo_days GROUP BY 1 ORDER BY 2 LIMIT 1")
    assert ans.chart_type == "bar" and "lowest" in ans.insight


def test_the_days_with_the_most_visits_are_ranked_bars(data):
    ans = same_answer(data, "promo_days", "the 4 days with the most visits",
                      "SELECT Day, sum(Visits) FROM promo_days GROUP BY 1 ORDER BY 2 DESC LIMIT 4")
    assert ans.chart_type == "bar" and "went from" not in ans.insight


def test_a_median_of_a_daily_measure_is_one_number_over_the_rows(data):
    ans = same_answer(data, "promo_days", "median daily visits for loyalty week",
                      "SELECT median(Visits) FROM promo_days WHERE Promo = 'Loyalty Week'")
    assert ans.chart_type == "kpi"


def test_a_daily_measure_of_one_named_value_is_a_line_by_day(data):
    ans = same_answer(data, "promo_days", "daily cost for the spring flash promo",
                      "SELECT Day, sum(Cost) FROM promo_days WHERE Promo = 'Spring Flash' GROUP BY 1")
    assert ans.chart_type == "line"


def test_a_named_period_without_by_is_a_filter_on_the_date_the_words_name(data):
    ans = same_answer(data, "chats", "chats opened in march 2025",
                      "SELECT count(*) FROM chats WHERE \"Opened At\" >= '2025-03-01' AND \"Opened At\" < '2025-04-01'")
    assert ans.chart_type == "kpi"
    ans = same_answer(data, "sessions", "sessions signed up in march 2025",
                      "SELECT count(*) FROM sessions WHERE \"Signed Up On\" BETWEEN '2025-03-01' AND '2025-03-31'")
    assert ans.chart_type == "kpi"


def test_the_default_date_is_the_one_named_after_the_rows(data):
    same_answer(data, "sessions", "total fee per month",
                "SELECT date_trunc('month', \"Session Date\"), sum(Fee) FROM sessions GROUP BY 1")


def test_a_unit_of_time_that_ends_a_by_list_is_the_time_axis(data):
    ans = same_answer(data, "promo_days", "visits by country and month",
                      "SELECT date_trunc('month', Day), Country, sum(Visits) FROM promo_days GROUP BY 1, 2")
    assert ans.chart_type == "line"


def test_a_period_is_about_the_booked_event_not_the_booking(data):
    same_answer(data, "stays", "total nights in march 2025",
                "SELECT sum(Nights) FROM stays WHERE Arrival BETWEEN '2025-03-01' AND '2025-03-31'")
    same_answer(data, "stays", "stays booked in march 2025",
                "SELECT count(*) FROM stays WHERE \"Booked On\" BETWEEN '2025-03-01' AND '2025-03-31'")


def test_a_date_said_by_its_verb_alone_is_no_axis(data):
    ans = same_answer(data, "parcels", "how many customers do we ship for",
                      "SELECT count(DISTINCT Customer) FROM parcels")
    assert ans.chart_type == "kpi"


# ------------------------------------------------------------------ follow-ups
def _follow(data, dataset: str, first: str, then: str):
    ds, _con = data
    return answer(ds[dataset], then, previous=answer(ds[dataset], first).state)


def test_a_short_value_that_is_also_a_word_keeps_its_rows_in_a_follow_up(data):
    ans = _follow(data, "promo_days", "total visits by promo", "only us")
    gold = data[1].execute("SELECT Promo, sum(Visits) FROM promo_days WHERE Country = 'US' GROUP BY 1").fetchall()
    assert rows_match(gold, answer_rows(ans)), ans.sql


def test_a_hyphenated_value_said_in_the_plural_is_that_value(data):
    ans = _follow(data, "sessions", "average minutes by trainer", "just drop-ins")
    gold = data[1].execute("SELECT Trainer, avg(Minutes) FROM sessions WHERE \"Class Type\" = 'Drop-in' "
                           "GROUP BY 1").fetchall()
    assert rows_match(gold, answer_rows(ans)), ans.sql


def test_a_period_that_is_a_value_of_a_column_is_that_value(data):
    ans = _follow(data, "sessions", "average minutes by trainer", "only spring 2025")
    gold = data[1].execute("SELECT Trainer, avg(Minutes) FROM sessions WHERE Season = 'Spring 2025' "
                           "GROUP BY 1").fetchall()
    assert rows_match(gold, answer_rows(ans)), ans.sql


# ------------------------------------------------------------------ top/bottom-N without "top"
def test_a_number_that_opens_the_question_is_the_limit(data):
    same_answer(data, "promo_days", "2 promos with the best visits per order",
                "SELECT Promo, sum(Visits) / sum(Orders) FROM promo_days GROUP BY 1 ORDER BY 2 DESC LIMIT 2")


# ------------------------------------------------------------------ declines
@pytest.mark.parametrize("dataset,question", [
    ("sessions", "which trainer sold the most memberships"),  # what the superlative ranks by
    ("chats", "average cost per chat by team"),  # a money noun after an aggregation, no money column
    ("sessions", "class satisfaction score by trainer"),  # the head's noun, not a column's other word
    ("promo_days", "how many male and female shoppers"),  # qualities of what is counted
])
def test_a_content_word_the_data_lacks_is_declined(data, question, dataset):
    with pytest.raises(Unanswerable):
        answer(data[0][dataset], question)


@pytest.mark.parametrize("dataset,question", [
    ("sessions", "which trainer has the most minutes"),
    ("sessions", "how many drop-in sessions"),
    ("promo_days", "average cost by promo"),
    ("chats", "how many chats were there"),
    ("sessions", "session volume by trainer"),  # one word the data lacks after a linked one is a doubt only
])
def test_the_answerable_neighbours_are_answered(data, question, dataset):
    assert answer(data[0][dataset], question).data


def test_a_value_compared_with_the_one_on_screen_joins_it(data):
    ans = _follow(data, "promo_days", "monthly visits for spring flash", "compare with loyalty week")
    gold = data[1].execute("SELECT date_trunc('month', Day), Promo, sum(Visits) FROM promo_days "
                           "WHERE Promo IN ('Spring Flash', 'Loyalty Week') GROUP BY 1, 2").fetchall()
    assert ans.chart_type == "line" and rows_match(gold, answer_rows(ans)), ans.sql
    ans = _follow(data, "promo_days", "total visits for spring flash", "vs loyalty week")
    gold = data[1].execute("SELECT Promo, sum(Visits) FROM promo_days WHERE Promo IN ('Spring Flash', 'Loyalty Week') "
                           "GROUP BY 1").fetchall()
    assert ans.chart_type == "bar" and rows_match(gold, answer_rows(ans)), ans.sql
    assert "Loyalty Week" not in _follow(data, "promo_days", "total visits for spring flash", "only uk").sql


def _write_billing(path: Path) -> None:
    """Invoices of subscribers in a file not named after them: the signup date first, then the invoice's."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Invoice ID", "Customer", "Signup Date", "Invoice Date", "MRR"])
        for i in range(200):
            signup = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(60))
            w.writerow([f"INV{i:04d}", f"C{i % 40}", signup.isoformat(),
                        (signup + dt.timedelta(days=30 * rnd.randrange(1, 12))).isoformat(), rnd.randint(10, 90)])


def test_the_date_named_by_the_rows_identifier_is_the_axis(tmp_path):
    """"mrr by month" over invoices (an "Invoice ID") in a file called billing: the invoice's date is the rows'
    own event, as the file's name would say it; the signup date only when named."""
    with ingested_views(tmp_path, [("billing", _write_billing)]) as data:
        same_answer(data, "billing", "mrr by month",
                    "SELECT date_trunc('month', \"Invoice Date\"), sum(MRR) FROM billing GROUP BY 1")
        same_answer(data, "billing", "signups per month",
                    "SELECT date_trunc('month', \"Signup Date\"), count(*) FROM billing GROUP BY 1")
