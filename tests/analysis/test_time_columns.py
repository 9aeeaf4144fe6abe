"""Time series over everyday tables whose dates are named by their event (Placed / Delivered, Enrolled /
Completed) and whose rows are labelled by a numbered identifier ("Order #"): counts of the rows per period,
hour or weekday (an "Order #" counts rows, it is never summed), the rows' noun said beside a column that
holds its kinds ("data courses", "completed courses" count the rows, they do not split by Course), and the
period with the most of something ("which month had the most enrollments"). Each asks `answer()` about a
small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer, ingest_csv
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

ZONES = ["Downtown", "Uptown", "Harbor"]
COURSES = {"Python Basics": "Data", "SQL Intro": "Data", "Logo Design": "Design", "SEO 101": "Marketing"}


def _write_orders(path: Path, n: int = 300) -> None:
    """Delivery orders numbered 5001…: placed and delivered (blank when cancelled) ISO timestamps."""
    rnd = random.Random(61)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order #", "Zone", "Placed", "Delivered", "Status", "# Items", "Total"])
        for i in range(n):
            placed = dt.datetime(2025, 1, 1) + dt.timedelta(days=rnd.randrange(120), hours=rnd.choice([12, 18, 19]),
                                                            minutes=rnd.randrange(60))
            cancelled = rnd.random() < 0.1
            done = "" if cancelled else (placed + dt.timedelta(minutes=rnd.randint(20, 60))).isoformat()
            w.writerow([5001 + i, rnd.choice(ZONES), placed.isoformat(), done,
                        "Cancelled" if cancelled else "Delivered", rnd.randint(1, 6), round(rnd.uniform(10, 80), 2)])


def _write_enrollments(path: Path, n: int = 300) -> None:
    """Course enrollments: US dates Enrolled / Completed (blank until completed), a Course and its Category."""
    rnd = random.Random(62)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Enrollment ID", "Student", "Course", "Category", "Enrolled", "Completed", "Fee"])
        for i in range(n):
            course = rnd.choice(list(COURSES))
            enrolled = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            done = enrolled + dt.timedelta(days=rnd.randint(10, 60)) if rnd.random() < 0.6 else None
            w.writerow([f"E{i:04d}", f"Student {rnd.randrange(150)}", course, COURSES[course],
                        enrolled.strftime("%m/%d/%Y"), done.strftime("%m/%d/%Y") if done else "",
                        rnd.choice([49, 99, 149])])


def _write_requests(path: Path, n: int = 300) -> None:
    """Maintenance requests: created_at / closed_at ("2024-07-03 14:22", closed_at blank while open)."""
    rnd = random.Random(63)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["request_id", "building", "created_at", "closed_at", "cost"])
        for i in range(n):
            created = dt.datetime(2024, 7, 1, 8) + dt.timedelta(days=rnd.randrange(200), minutes=rnd.randrange(600))
            closed = created + dt.timedelta(hours=rnd.randint(2, 400)) if rnd.random() < 0.9 else None
            w.writerow([f"MR-{i:04d}", rnd.choice(["Elm", "Oak"]), created.strftime("%Y-%m-%d %H:%M"),
                        closed.strftime("%Y-%m-%d %H:%M") if closed else "", round(rnd.uniform(50, 400), 2)])


def _write_applicants(path: Path, n: int = 300) -> None:
    """Job applicants: the date applied first, then the date hired (blank unless hired)."""
    rnd = random.Random(64)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Applicant", "Dept", "Applied", "Hired"])
        for i in range(n):
            applied = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            hired = applied + dt.timedelta(days=rnd.randint(10, 50)) if rnd.random() < 0.3 else None
            w.writerow([f"Person {i}", rnd.choice(["ENG", "OPS"]), applied.isoformat(),
                        hired.isoformat() if hired else ""])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("time_columns")
    with ingested_views(root, [("orders", _write_orders), ("enrollments", _write_enrollments),
                               ("requests", _write_requests), ("applicants", _write_applicants)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


# ------------------------------------------------------------------ a numbered identifier counts the rows
@pytest.mark.parametrize("question, sql", [
    ("orders by hour", "SELECT hour(Placed), count(*) FROM orders GROUP BY 1"),
    ("order volume by weekday", "SELECT dayname(Placed), count(*) FROM orders GROUP BY 1"),
    ("weekly orders in downtown",
     "SELECT date_trunc('week', Placed), count(*) FROM orders WHERE Zone = 'Downtown' GROUP BY 1"),
    ("orders delivered each month",
     "SELECT date_trunc('month', Delivered), count(*) FROM orders WHERE Delivered IS NOT NULL GROUP BY 1"),
])
def test_numbered_identifier_counts_rows(data, question, sql):
    _check(data, "orders", question, sql)


def test_count_column_named_with_a_number_sign_is_still_summed(data):
    """Near miss: "# Items" leads with the sign; it is a count per order, summed, not an identifier."""
    _check(data, "orders", "total items by zone", 'SELECT Zone, sum("# Items") FROM orders GROUP BY 1')


# ------------------------------------------------------------------ which period had the most
TOP_MONTH = "SELECT date_trunc('month', Enrolled) AS m, {agg} AS v FROM enrollments GROUP BY 1 ORDER BY v DESC LIMIT 1"


@pytest.mark.parametrize("question, agg", [
    ("which month had the most enrollments", "count(*)"),
    ("what month had the highest fees", "sum(Fee)"),
])
def test_which_period_had_the_most_is_the_top_period(data, question, agg):
    _check(data, "enrollments", question, TOP_MONTH.format(agg=agg))


def test_which_weekday_had_the_most_orders(data):
    _check(data, "orders", "which weekday had the most orders",
           "SELECT dayname(Placed) AS d, count(*) AS n FROM orders GROUP BY 1 ORDER BY n DESC LIMIT 1")


def test_a_month_named_is_a_period_not_the_period_asked(data):
    """Near miss: "which course … in march" asks for a course over a month, not for a month."""
    _check(data, "enrollments", "which course had the most enrollments in march 2024",
           "SELECT Course, count(*) AS n FROM enrollments WHERE Enrolled >= DATE '2024-03-01' "
           "AND Enrolled < DATE '2024-04-01' GROUP BY 1 ORDER BY n DESC LIMIT 1")


# ------------------------------------------------------------------ the kind of rows counted is no colour
COMPLETED_BY_MONTH = ("SELECT date_trunc('month', Completed), count(*) FROM enrollments WHERE Completed IS NOT NULL "
                      "GROUP BY 1")


@pytest.mark.parametrize("question", ["trend of completed courses", "completed courses per month",
                                      "course completions per month"])
def test_plural_kind_of_rows_counted_is_no_colour(data, question):
    _check(data, "enrollments", question, COMPLETED_BY_MONTH)


def test_kind_before_the_rows_noun_is_no_colour(data):
    _check(data, "enrollments", "course enrollments by month",
           "SELECT date_trunc('month', Enrolled), count(*) FROM enrollments GROUP BY 1")


@pytest.mark.parametrize("question", ["completed courses per month by course", "monthly completions for each course",
                                      "completed courses per month, courses separately"])
def test_kind_asked_to_group_by_still_splits(data, question):
    """Near miss: a grouping word before the column's name asks for the breakdown."""
    _check(data, "enrollments", question,
           "SELECT date_trunc('month', Completed), Course, count(*) FROM enrollments WHERE Completed IS NOT NULL "
           "GROUP BY 1, 2")


# ------------------------------------------------------------------ an event noun or gerund names its date column
@pytest.mark.parametrize("table, question, sql", [
    ("requests", "closures by month",
     "SELECT date_trunc('month', closed_at), count(*) FROM requests WHERE closed_at IS NOT NULL GROUP BY 1"),
    ("requests", "closings per week",
     "SELECT date_trunc('week', closed_at), count(*) FROM requests WHERE closed_at IS NOT NULL GROUP BY 1"),
    ("applicants", "hiring trend",
     "SELECT date_trunc('month', Hired), count(*) FROM applicants WHERE Hired IS NOT NULL GROUP BY 1"),
    ("applicants", "hiring by quarter",
     "SELECT date_trunc('quarter', Hired), count(*) FROM applicants WHERE Hired IS NOT NULL GROUP BY 1"),
])
def test_event_noun_names_its_date_column(data, table, question, sql):
    _check(data, table, question, sql)


@pytest.mark.parametrize("question", ["refunds by month", "attrition by month"])
def test_noun_of_no_date_column_is_still_declined(data, question):
    """Near miss: a noun that is no form of a date column's word names nothing here."""
    dirs, _ = data
    with pytest.raises(Unanswerable):
        answer(dirs["requests"], question)


@pytest.mark.parametrize("question, grain", [("what hour do most requests come in", "hour"),
                                             ("which month do most requests come in", "month")])
def test_most_after_the_period_asked_ranks_the_periods(data, question, grain):
    """"most" with no "the" after which/what and a unit: the period with the most rows, not a maximum."""
    part = "hour(created_at)" if grain == "hour" else "date_trunc('month', created_at)"
    _check(data, "requests", question,
           f"SELECT {part} AS p, count(*) AS n FROM requests GROUP BY 1 ORDER BY n DESC LIMIT 1")


def test_when_do_most_rows_come_in_is_the_top_hour(data):
    _check(data, "orders", "when do most orders come in",
           "SELECT hour(Placed) AS h, count(*) AS n FROM orders GROUP BY 1 ORDER BY n DESC LIMIT 1")


def test_when_over_dates_alone_implies_no_hour(data):
    """Near miss: dates without times have no hour; "when … most" is not read as one."""
    dirs, _ = data
    try:
        ans = answer(dirs["enrollments"], "when do most students enroll")
    except Unanswerable:
        return
    assert "hour(" not in ans.sql


def test_a_plural_column_beside_a_measure_is_a_breakdown_not_the_kind_counted(data):
    """"monthly totals of the zones": a number is measured, so the plural column splits it (a line per zone);
    the kind of rows counted ("trend of completed courses") is read only when rows are counted."""
    _check(data, "orders", "monthly totals of the zones",
           "SELECT date_trunc('month', Placed), Zone, sum(Total) FROM orders GROUP BY 1, 2")


def test_the_start_of_a_span_is_the_main_date_over_when_the_row_was_written(tmp_path):
    """Meetings with created_at (when booked) and start_time / end_time, all filled: "bookings by weekday" is by
    the day the meeting starts, not the day it was written down."""
    rnd = random.Random(64)
    lines = []
    for i in range(80):
        start = dt.datetime(2024, 3, 4, 9) + dt.timedelta(days=rnd.randrange(60) // 7 * 7 + rnd.randrange(5))
        created = start - dt.timedelta(days=rnd.randint(1, 9), hours=rnd.randint(0, 5))
        lines.append(f"B{i},{created.isoformat()},{start.isoformat()},{(start + dt.timedelta(hours=1)).isoformat()}")
    path = tmp_path / "meetings.csv"
    path.write_text("booking_id,created_at,start_time,end_time\n" + "\n".join(lines) + "\n")
    ingest_csv(path, tmp_path / "ds", name="meetings")
    assert "start_time" in answer(tmp_path / "ds", "bookings by weekday").sql
