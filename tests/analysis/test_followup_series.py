"""Follow-ups on the chart on screen (tenth stop): a month said alone swaps the period ("and september?"),
"make it horizontal" lays the bars sideways, "slowest 3" ranks the chart of durations on screen, and on a
chart of several measures "remove cancellations" / "drop refunds" / "drop the count" takes that series away
(before, the first kept a series of zeros and the second charted the refunds). Each chat is asked of
`answer()` over a small CSV written here and its rows checked against DuckDB over the same file; each
mechanism has a near miss that must not fire."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from datavis.analysis import answer
from datavis.analysis.errors import Unanswerable
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views


def _write_orders(path: Path, n: int = 700) -> None:
    """Shop orders over 2024-01 .. 2025-06-30: channel, category, status, revenue, refund (0 unless refunded)."""
    rnd = random.Random(83)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Channel", "Category", "Status", "Revenue", "Refund"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(547) if i else 546)
            revenue = round(rnd.uniform(5, 400), 2)
            status = rnd.choices(["Shipped", "Cancelled", "Pending"], [0.8, 0.1, 0.1])[0]
            w.writerow([f"O{i:05d}", day.isoformat(), rnd.choice(["Web", "Store", "Phone"]),
                        rnd.choice(["Books", "Toys", "Games", "Music"]), status, revenue,
                        round(revenue * 0.5, 2) if rnd.random() < 0.08 else 0])


def _write_runs(path: Path, n: int = 400) -> None:
    """Courier runs: run id, driver, stops, duration in minutes (each driver at their own pace)."""
    rnd = random.Random(89)
    pace = {"Ada": 1.0, "Bo": 1.3, "Cy": 0.8, "Di": 1.1, "Ed": 0.9}
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Run ID", "Driver", "Stops", "Duration Min"])
        for i in range(n):
            driver, stops = rnd.choice(list(pace)), rnd.randint(3, 20)
            w.writerow([f"R{i:04d}", driver, stops, round(stops * rnd.uniform(6, 10) * pace[driver])])


def _write_signups(path: Path, n: int = 500) -> None:
    """Course signups over 2024: signup id, student (20 names), course (4), signed up, completed on (often blank)."""
    rnd = random.Random(91)
    students = [f"Student {k:02d}" for k in range(20)]
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Signup ID", "Student", "Course", "Signed Up", "Completed On"])
        for i in range(n):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
            done = day + dt.timedelta(days=rnd.randint(20, 90)) if rnd.random() < 0.5 else None
            w.writerow([f"S{i:04d}", rnd.choice(students), rnd.choice(["Python", "SQL", "Excel", "Stats"]),
                        day.isoformat(), done.isoformat() if done else ""])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("followup_series")
    tables = [("orders", _write_orders), ("runs", _write_runs), ("signups", _write_signups)]
    with ingested_views(root, tables) as (dirs, con):
        yield dirs, con


def _chat(data, questions: list[str], table: str = "orders") -> Any:
    """The last answer of a chat: each question follows up on the answer before it."""
    dirs, _ = data
    state = None
    ans = None
    for q in questions:
        ans = answer(dirs[table], q, previous=state)
        state = ans.state
    return ans


def _check(data, questions: list[str], sql: str, table: str = "orders") -> Any:
    ans = _chat(data, questions, table)
    assert _rows(ans) == _gold(data[1], sql), (questions, ans.sql)
    return ans


SEPT = "\"Order Date\" BETWEEN DATE '2024-09-01' AND DATE '2024-09-30'"


@pytest.mark.parametrize("said", ["and september?", "what about september", "ok, and sept?", "september then"])
def test_a_month_said_alone_swaps_the_period_on_screen(data, said):
    ans = _check(data, ["revenue by channel in august", said],
                 f"SELECT Channel, sum(Revenue) FROM orders WHERE {SEPT} GROUP BY 1")
    assert not any("'in august'" in a for a in ans.plan["assumptions"])  # the old period's note goes with it


def test_may_said_alone_is_the_month(data):
    _check(data, ["revenue by channel in april", "and may"],
           "SELECT Channel, sum(Revenue) FROM orders WHERE \"Order Date\" BETWEEN DATE '2025-05-01' "
           "AND DATE '2025-05-31' GROUP BY 1")


@pytest.mark.parametrize("first", ["revenue by channel in march 2024", "revenue by channel in 2024"])
def test_a_month_said_alone_is_in_the_year_on_screen(data, first):
    """The data ends in June 2025, so the latest April is 2025's; after a chart of 2024 it is April 2024."""
    ans = _check(data, [first, "and april?"],
                 "SELECT Channel, sum(Revenue) FROM orders WHERE \"Order Date\" BETWEEN DATE '2024-04-01' "
                 "AND DATE '2024-04-30' GROUP BY 1")
    assert not any("anchored" in a for a in ans.plan["assumptions"])


def test_near_miss_a_month_with_its_year_keeps_it(data):
    _check(data, ["revenue by channel in march 2024", "and april 2025?"],
           "SELECT Channel, sum(Revenue) FROM orders WHERE \"Order Date\" BETWEEN DATE '2025-04-01' "
           "AND DATE '2025-04-30' GROUP BY 1")


@pytest.mark.parametrize("said", ["may I see it by category", "and may i have it as a pie"])
def test_near_miss_may_the_verb_sets_no_period(data, said):
    ans = _chat(data, ["revenue by channel", said])
    assert "Order Date" not in ans.sql


def _orientation(ans: Any) -> str:
    return "horizontal" if ans.spec["encoding"]["y"].get("type") == "nominal" else "vertical"


@pytest.mark.parametrize("said", ["make it horizontal", "horizontal bars please", "can you flip it sideways"])
def test_horizontal_lays_the_bars_sideways(data, said):
    first = _chat(data, ["revenue by channel"])
    assert _orientation(first) == "vertical"
    ans = _check(data, ["revenue by channel", said], "SELECT Channel, sum(Revenue) FROM orders GROUP BY 1")
    assert ans.chart_type == "bar" and _orientation(ans) == "horizontal"
    back = _chat(data, ["revenue by channel", said, "vertical bars"])
    assert _orientation(back) == "vertical"


def test_near_miss_one_number_has_no_bars_to_turn(data):
    with pytest.raises(Unanswerable):
        _chat(data, ["total revenue", "make it horizontal"])


MONTH = "date_trunc('month', \"Order Date\")"


def test_remove_a_counted_condition_series(data):
    ans = _check(data, ["orders and cancellations per month", "remove cancellations"],
                 f"SELECT {MONTH}, count(*) FROM orders GROUP BY 1")
    assert "Cancelled" not in ans.sql


@pytest.mark.parametrize("said", ["drop refunds", "remove the refund line", "now take out refunds"])
def test_remove_a_measure_series(data, said):
    _check(data, ["revenue and refunds by channel", said], "SELECT Channel, sum(Revenue) FROM orders GROUP BY 1")


def test_drop_the_count_series(data):
    _check(data, ["revenue and number of orders by category", "drop the count"],
           "SELECT Category, sum(Revenue) FROM orders GROUP BY 1")


def test_near_miss_remove_on_one_series_filters(data):
    _check(data, ["orders per channel", "remove cancellations"],
           "SELECT Channel, count(*) FROM orders WHERE Status <> 'Cancelled' GROUP BY 1")


def test_near_miss_remove_a_value_of_no_series_filters(data):
    ans = _chat(data, ["revenue and refunds by category", "remove web"])
    assert "\"Channel\" <> 'Web'" in ans.sql and "Refund" in ans.sql


AVG_DURATION = 'SELECT Driver, avg("Duration Min") AS d FROM runs GROUP BY 1'


@pytest.mark.parametrize(("said", "order"), [("slowest 3", "d DESC LIMIT 3"), ("the 3 slowest", "d DESC LIMIT 3"),
                                             ("fastest 2", "d LIMIT 2")])
def test_a_speed_and_a_number_rank_the_durations_on_screen(data, said, order):
    _check(data, ["average duration by driver", said], f"{AVG_DURATION} ORDER BY {order}", "runs")


def test_slowest_n_groups_asked_alone(data):
    _check(data, ["slowest 3 drivers"], f"{AVG_DURATION} ORDER BY d DESC LIMIT 3", "runs")


def test_near_miss_a_speed_over_a_chart_of_no_duration_asks_anew(data):
    ans = _chat(data, ["average stops by driver", "the 3 slowest"], "runs")
    assert "Stops" not in ans.sql


OWN_DATES = """WITH a AS (SELECT date_trunc('month', "Signed Up") AS m, Course, count(*) AS n FROM signups
      GROUP BY ALL),
b AS (SELECT date_trunc('month', "Completed On") AS m, Course, count(*) AS k FROM signups
      WHERE "Completed On" IS NOT NULL GROUP BY ALL)
SELECT CAST(CAST(coalesce(a.m, b.m) AS DATE) AS VARCHAR), coalesce(a.Course, b.Course), coalesce(n, 0), coalesce(k, 0)
FROM a FULL JOIN b ON a.m = b.m AND a.Course = b.Course"""


def test_a_split_keeps_each_measure_on_its_own_date(data):
    """"signups and completions per month" counts completions by their own date; split by course it still does."""
    first = _chat(data, ["signups and completions per month"], "signups")
    assert "Completed On" in first.sql and "WITH" in first.sql  # the premise: each measure along its own date
    ans = _chat(data, ["signups and completions per month", "split by course"], "signups")
    got = {tuple(str(v) if i == 0 else v for i, v in enumerate(r.values())) for r in ans.data}
    assert got == set(data[1].execute(OWN_DATES).fetchall()), ans.sql


def test_a_split_that_cannot_keep_the_dates_says_so(data):
    """Split into more series than a chart keeps, the measures fall back to the axis's date: said, not silent."""
    ans = _chat(data, ["signups and completions per month", "split by student"], "signups")
    assert any("not by 'Completed On'" in a for a in ans.plan["assumptions"]), ans.plan["assumptions"]


def test_near_miss_a_split_of_one_date_has_no_note(data):
    ans = _chat(data, ["signups per month", "split by student"], "signups")
    assert not any("placed by" in a for a in ans.plan["assumptions"])


@pytest.mark.parametrize("said", ["which channel had the most", "and which channel had the most?"])
def test_a_bare_superlative_ranks_what_the_chart_on_screen_counts(data, said):
    """"which rep had the most" after "how many projects got cancelled": the most cancelled, by rep."""
    _check(data, ["how many orders were cancelled", said],
           "SELECT Channel, count(*) AS n FROM orders WHERE Status = 'Cancelled' GROUP BY 1 ORDER BY n DESC LIMIT 1")


def test_near_miss_a_superlative_of_its_own_asks_anew(data):
    ans = _chat(data, ["how many orders were cancelled", "which channel had the highest revenue"])
    assert "Cancelled" not in ans.sql and "Revenue" in ans.sql
