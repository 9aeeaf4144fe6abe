"""Two measures in one question where one is a subset of the rows (issue 11, the two-measures family):
"leads and conversions by source" counts all leads and the converted ones side by side; "orders vs
returns per month", "bookings and cancellations by channel", "revenue and refunds by region" (the
revenue refunded), "avg deal size and conversions by rep", "number of wins and total value". The
subset is named by a plural noun: a Yes/No column's ("conversions" ~ Converted), a status value's
("cancellations" ~ Cancelled, "wins" ~ Won is irregular and not read), or a date left blank until it
happens ("reviews" ~ Reviewed On). Each asks `answer()` about a small CSV written here and checks every
column of its rows against DuckDB over the same file; near misses (two values of one column, plain two
measures, a numeric column named by the plural) keep their reading."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from datavis.analysis import answer, ingest_csv
from datavis.analysis.plan import Filter, Measure
from datavis.analysis.sql.compiler import measure_sql
from tests.helpers import ingested_views

SOURCES = ["Web", "Referral", "Event", "Partner"]
CHANNELS = ["Phone", "Website", "Agent"]


def _write_leads(path: Path, n: int = 400) -> None:
    """Sales leads: created on a date, converted (Y/N) on a date, a quoted deal value, a status, and a
    closing date left blank while open."""
    rnd = random.Random(61)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Lead ID", "Source", "Rep", "Created", "Converted", "Deal Value", "Stage", "Closed On",
                    "Converted On"])
        for i in range(n):
            created = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(330))
            converted = rnd.random() < 0.3
            stage = "Open" if rnd.random() < 0.2 else ("Won" if converted else "Lost")
            closed = "" if stage == "Open" else (created + dt.timedelta(days=rnd.randint(3, 30))).isoformat()
            w.writerow([f"L{i:04d}", rnd.choice(SOURCES), rnd.choice(["Ana", "Bo", "Cy"]), created.isoformat(),
                        "Y" if converted else "N", round(rnd.uniform(500, 9000), 2), stage,
                        closed, (created + dt.timedelta(days=rnd.randint(2, 60))).isoformat() if converted else ""])


def _write_tours(path: Path, n: int = 300) -> None:
    """Tour bookings with a status (Confirmed / Cancelled / Completed), a booking amount, the amount refunded
    the date a review came in (blank when none did), the fee kept on a cancellation and the date of the
    status (blank while confirmed)."""
    rnd = random.Random(62)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Booking Ref", "Channel", "Booked", "Status", "Amount", "Refund Amount", "Reviewed On",
                    "Cancellation Fee", "Status Date"])
        for i in range(n):
            status = rnd.choice(["Confirmed", "Completed", "Completed", "Cancelled"])
            amount = round(rnd.uniform(40, 400), 2)
            booked = dt.date(2024, 3, 1) + dt.timedelta(days=rnd.randrange(200))
            reviewed = (booked + dt.timedelta(days=rnd.randint(5, 40))).isoformat() \
                if status == "Completed" and rnd.random() < 0.5 else ""
            w.writerow([f"B{i:04d}", rnd.choice(CHANNELS), booked.isoformat(), status, amount,
                        amount if status == "Cancelled" else 0, reviewed,
                        round(rnd.uniform(5, 30), 2) if status == "Cancelled" else 0,
                        "" if status == "Confirmed" else (booked + dt.timedelta(days=rnd.randint(1, 50))).isoformat()])


def _write_sales(path: Path, n: int = 250) -> None:
    """Shop sales with an Amount, whether the sale was refunded (Yes/No), its kind (Sale / Exchange), the
    profit and whether the customer came back (Y/N)."""
    rnd = random.Random(63)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Sale No", "Region", "Sold On", "Amount", "Refunded", "Kind", "Profit", "Repeat Customer"])
        for i in range(n):
            amount = round(rnd.uniform(10, 300), 2)
            w.writerow([f"S{i:04d}", rnd.choice(["North", "South", "West"]),
                        (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(180))).isoformat(),
                        amount, "Yes" if rnd.random() < 0.15 else "No", rnd.choice(["Sale", "Sale", "Exchange"]),
                        round(amount * rnd.uniform(0.1, 0.4), 2), rnd.choice(["Y", "N"])])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("two_measures")
    with ingested_views(root, [("leads", _write_leads), ("tours", _write_tours),
                                           ("sales", _write_sales)]) as (dirs, con):
        yield dirs, con


def _norm(v: Any) -> Any:
    if isinstance(v, float):
        return round(v, 6)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return v


def _all_columns(ans: Any) -> set[tuple]:
    return {tuple(_norm(v) for v in r.values()) for r in ans.data}


def _gold(con: Any, sql: str) -> set[tuple]:
    return {tuple(_norm(v) for v in r) for r in con.execute(sql).fetchall()}


def _check(data, table: str, question: str, sql: str) -> Any:
    dirs, con = data
    ans = answer(dirs[table], question)
    assert _all_columns(ans) == _gold(con, sql), (question, ans.sql)
    return ans


# ------------------------------------------------------------------ a subset counted beside the whole
@pytest.mark.parametrize("question, sql", [
    ("leads and conversions by source",
     "SELECT Source, count(*), count(*) FILTER (WHERE Converted = 'Y') FROM leads GROUP BY 1"),
    ("conversions and leads by source",
     "SELECT Source, count(*) FILTER (WHERE Converted = 'Y'), count(*) FROM leads GROUP BY 1"),
    ("bookings and cancellations by channel",
     "SELECT Channel, count(*), count(*) FILTER (WHERE Status = 'Cancelled') FROM tours GROUP BY 1"),
])
def test_a_subset_is_counted_beside_all_rows(data, question, sql):
    table = "leads" if "leads" in question else "tours"
    _check(data, table, question, sql)


def test_a_date_set_when_it_happens_names_the_rows_it_happened_to(data):
    _check(data, "tours", "bookings and reviews by channel",
           'SELECT Channel, count(*), count(*) FILTER (WHERE "Reviewed On" IS NOT NULL) FROM tours GROUP BY 1')


def test_a_level_beside_a_subset_counts_the_subset(data):
    _check(data, "leads", "average deal value and conversions by source",
           "SELECT Source, avg(\"Deal Value\"), count(*) FILTER (WHERE Converted = 'Y') FROM leads GROUP BY 1")


def test_money_beside_cancellations_counts_them(data):
    _check(data, "tours", "amount and cancellations by channel",
           "SELECT Channel, sum(Amount), count(*) FILTER (WHERE Status = 'Cancelled') FROM tours GROUP BY 1")


@pytest.mark.parametrize("question", ["sales and refunds by region", "revenue vs refunds by region"])
def test_money_back_beside_money_is_summed_over_its_rows(data, question):
    _check(data, "sales", question,
           "SELECT Region, sum(Amount), sum(Amount) FILTER (WHERE Refunded) FROM sales GROUP BY 1")


def test_a_count_beside_refunds_counts_them(data):
    _check(data, "sales", "number of sales and refunds per month",
           "SELECT CAST(date_trunc('month', \"Sold On\") AS DATE), count(*), count(*) FILTER (WHERE Refunded) "
           "FROM sales GROUP BY 1")


def test_a_count_said_before_the_subset_counts_it(data):
    _check(data, "leads", "number of conversions and total deal value by source",
           "SELECT Source, count(*) FILTER (WHERE Converted = 'Y'), sum(\"Deal Value\") FROM leads GROUP BY 1")


def test_subset_counts_as_kpis(data):
    _check(data, "leads", "how many leads and conversions",
           "SELECT count(*), count(*) FILTER (WHERE Converted = 'Y') FROM leads")


# ------------------------------------------------------------------ the rows' event said by its date
def test_the_plural_of_a_dates_event_counts_the_rows_beside_a_measure(data):
    _check(data, "tours", "bookings and amount by channel",
           "SELECT Channel, count(*), sum(Amount) FROM tours GROUP BY 1")


def test_a_dates_word_not_in_the_plural_is_the_date(data):
    dirs, _ = data
    ans = answer(dirs["tours"], "amount by booked date")
    assert "count(*)" not in ans.sql


# ------------------------------------------------------------------ an event noun is no fee of the event
@pytest.mark.parametrize("question, sql", [
    ("cancellations per channel", "SELECT Channel, count(*) FROM tours WHERE Status = 'Cancelled' GROUP BY 1"),
    ("which channel had the most cancellations",
     "SELECT Channel, count(*) AS n FROM tours WHERE Status = 'Cancelled' GROUP BY 1 ORDER BY n DESC LIMIT 1"),
    ("cancellation fees by channel", 'SELECT Channel, sum("Cancellation Fee") FROM tours GROUP BY 1'),
])
def test_the_plural_of_an_event_counts_its_rows_not_its_fee(data, question, sql):
    _check(data, "tours", question, sql)


def test_events_counted_by_time_fall_on_their_status_date(data):
    _check(data, "tours", "cancellations per month",
           "SELECT CAST(date_trunc('month', \"Status Date\") AS DATE), count(*) FROM tours "
           "WHERE Status = 'Cancelled' GROUP BY 1")


def test_two_events_of_one_status_are_counted_as_a_split(data):
    _check(data, "tours", "cancellations and completions by channel",
           "SELECT Channel, Status, count(*) FROM tours WHERE Status IN ('Cancelled', 'Completed') GROUP BY 1, 2")


# ------------------------------------------------------------------ "A vs B by month" along time
@pytest.mark.parametrize("question", ["amount vs refund amount by month", "amount vs refund amount per week"])
def test_two_numbers_versus_with_a_time_grain_run_along_time(data, question):
    grain = "week" if "week" in question else "month"
    _check(data, "tours", question,
           f"SELECT CAST(date_trunc('{grain}', Booked) AS DATE), sum(Amount), sum(\"Refund Amount\") FROM tours "
           "GROUP BY 1")


def test_two_numbers_versus_alone_stay_a_scatter(data):
    dirs, _ = data
    assert answer(dirs["tours"], "amount vs refund amount").chart_type == "point"


# ------------------------------------------------------------------ each along its own date
def _by_two_dates(first: str, second: str) -> str:
    return (f"SELECT coalesce(a.m, b.m), coalesce(a.n, 0), coalesce(b.n, 0) FROM ({first}) a "
            f"FULL JOIN ({second}) b ON a.m = b.m")


def test_a_subset_with_its_own_date_runs_along_it(data):
    _check(data, "tours", "bookings and reviews by month", _by_two_dates(
        "SELECT CAST(date_trunc('month', Booked) AS DATE) AS m, count(*) AS n FROM tours GROUP BY 1",
        "SELECT CAST(date_trunc('month', \"Reviewed On\") AS DATE) AS m, count(*) AS n FROM tours "
        "WHERE \"Reviewed On\" IS NOT NULL GROUP BY 1"))


def test_a_status_value_runs_along_its_status_date(data):
    _check(data, "leads", "leads and conversions by month", _by_two_dates(
        "SELECT CAST(date_trunc('month', Created) AS DATE) AS m, count(*) AS n FROM leads GROUP BY 1",
        "SELECT CAST(date_trunc('month', \"Converted On\") AS DATE) AS m, count(*) AS n FROM leads "
        "WHERE Converted = 'Y' GROUP BY 1"))


def test_a_status_value_runs_along_the_status_date(data):
    _check(data, "tours", "bookings vs cancellations per month", _by_two_dates(
        "SELECT CAST(date_trunc('month', Booked) AS DATE) AS m, count(*) AS n FROM tours GROUP BY 1",
        "SELECT CAST(date_trunc('month', \"Status Date\") AS DATE) AS m, count(*) AS n FROM tours "
        "WHERE Status = 'Cancelled' GROUP BY 1"))


def test_a_subset_without_a_date_of_its_own_runs_along_the_axis(data):
    _check(data, "sales", "number of sales and refunds per week",
           "SELECT CAST(date_trunc('week', \"Sold On\") AS DATE), count(*), count(*) FILTER (WHERE Refunded) "
           "FROM sales GROUP BY 1")


# ------------------------------------------------------------------ near misses keep their reading
def test_two_values_of_one_column_stay_a_split(data):
    dirs, con = data
    ans = answer(dirs["tours"], "cancelled vs completed bookings by channel")
    assert "FILTER" not in ans.sql


def test_two_plain_measures_stay_plain(data):
    _check(data, "tours", "amount and refund amount by channel",
           'SELECT Channel, sum(Amount), sum("Refund Amount") FROM tours GROUP BY 1')


def test_one_word_of_a_flags_name_is_no_subset(data):
    dirs, _ = data
    assert "FILTER" not in answer(dirs["sales"], "amount and customers by region").sql


def test_a_word_of_an_amount_is_no_subset(data):
    dirs, _ = data
    assert "FILTER" not in answer(dirs["sales"], "sales and profit by region").sql


def test_a_single_subset_stays_a_filter(data):
    _check(data, "tours", "cancellations by channel",
           "SELECT Channel, count(*) FROM tours WHERE Status = 'Cancelled' GROUP BY 1")


# ------------------------------------------------------------------ the plan's own condition
def test_a_measures_condition_compiles_as_a_filter_clause(data):
    dirs, _ = data
    from datavis.analysis.datasets.store import load_profile  # noqa: PLC0415

    profile = load_profile(dirs["tours"])["profile"]
    m = Measure(column="Amount", agg="sum", where=Filter(column="Status", values=["Cancelled"]))
    assert measure_sql(m, profile) == "sum(\"Amount\") FILTER (WHERE \"Status\" = 'Cancelled')"


def test_a_share_asked_is_not_two_measures(tmp_path):
    """"bookings vs cancellations share by channel" asks for the share cancelled, not two counts side by side."""
    rnd = random.Random(63)
    path = tmp_path / "bookings.csv"
    path.write_text("Booking ID,Booked On,Channel,Status,Amount\n" + "".join(
        f"B{i:04d},2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d},{rnd.choice(CHANNELS)},"
        f"{rnd.choice(['Cancelled', 'Confirmed', 'Confirmed'])},{rnd.randint(50, 500)}\n" for i in range(200)))
    ingest_csv(path, tmp_path / "ds", name="bookings")
    ans = answer(tmp_path / "ds", "bookings vs cancellations share by channel")
    assert len(ans.plan["measures"]) == 1 and "%" in ans.sql, ans.sql
