"""Follow-ups in a chat and relative periods, by family: a month or quarter without its year ("in Q2",
"since March", "between Jan and Jun 2024"), a value named with its column ("for spin classes"),
"drop the blanks", the period on screen moved ("and the previous month", "same period last year"),
"zoom into Q3" on a trend, "the average instead of the total", and a whole new question in a chat.
Each chat goes through `answer()` with the previous answer's state, over a small CSV written here,
and its rows are checked against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import ingested_views

from .scoring import answer_rows, rows_match

FIRST, LAST = dt.date(2023, 1, 1), dt.date(2024, 9, 30)  # the data's latest date anchors relative periods


def _write_classes(path: Path, n: int = 600) -> None:
    """Studio bookings 2023-01 .. 2024-09-30: class, studio, trainer (blank for open sessions), fee,
    guest Yes/No."""
    rnd = random.Random(11)
    span = (LAST - FIRST).days
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Booking Date", "Studio", "Class Kind", "Trainer", "Fee", "Guest"])
        guests = random.Random(12)
        for i in range(n):
            kind = rnd.choice(["Spin", "Yoga", "Boxing", "Open"])
            day = FIRST + dt.timedelta(days=rnd.randrange(span + 1) if i else span)
            w.writerow([day.isoformat(), rnd.choice(["Harbor", "Uptown", "Mill"]), kind,
                        "" if kind == "Open" else rnd.choice(["Ana", "Ben", "Cleo"]), rnd.choice([8, 12, 15, 20]),
                        guests.choice(["Yes", "No", "No", "No"])])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("follow"), [("classes", _write_classes)]) as got:
        yield got


def _chat(data, *messages: str):
    """Each message answered with the previous answer's state; the last answer."""
    ds, _con = data
    state = None
    for message in messages:
        ans = answer(ds["classes"], message, previous=state)
        state = ans.state
    return ans


def _same(data, ans, gold_sql: str) -> None:
    _ds, con = data
    gold = con.execute(gold_sql).fetchall()
    got = [tuple(r.values()) for r in ans.data] if ans.chart_type == "kpi" else answer_rows(ans)
    assert rows_match(gold, got), (ans.sql, got[:6], gold[:6])


# ------------------------------------------------------------------ relative periods
def test_a_quarter_without_its_year_is_the_latest_one(data):
    _same(data, _chat(data, "bookings per studio in Q2"),
          "SELECT Studio, count(*) FROM classes WHERE \"Booking Date\" BETWEEN '2024-04-01' AND '2024-06-30' "
          "GROUP BY 1")


def test_a_quarter_not_yet_reached_this_year_is_last_years(data):
    _same(data, _chat(data, "total fee in the fourth quarter"),
          "SELECT sum(Fee) FROM classes WHERE \"Booking Date\" BETWEEN '2023-10-01' AND '2023-12-31'")


def test_since_a_month_without_its_year(data):
    _same(data, _chat(data, "how many bookings since March"),
          "SELECT count(*) FROM classes WHERE \"Booking Date\" >= '2024-03-01'")


def test_a_range_whose_year_is_named_once(data):
    _same(data, _chat(data, "bookings between Jan and Jun 2023 by studio"),
          "SELECT Studio, count(*) FROM classes WHERE \"Booking Date\" BETWEEN '2023-01-01' AND '2023-06-30' "
          "GROUP BY 1")


def test_a_range_of_months_without_a_year_is_the_latest_such_span(data):
    _same(data, _chat(data, "between November and February, bookings per class kind"),
          "SELECT \"Class Kind\", count(*) FROM classes WHERE \"Booking Date\" BETWEEN '2023-11-01' AND '2024-02-29' "
          "GROUP BY 1")


# ------------------------------------------------------------------ follow-ups
def test_a_value_named_with_its_column_filters_the_chart_on_screen(data):
    ans = _chat(data, "number of bookings per trainer", "for spin classes")
    _same(data, ans, "SELECT Trainer, count(*) FROM classes WHERE \"Class Kind\" = 'Spin' GROUP BY 1")
    assert ans.chart_type == "bar"


def test_drop_the_blanks_removes_the_group_without_a_value(data):
    _same(data, _chat(data, "bookings by trainer", "drop the blanks"),
          "SELECT Trainer, count(*) FROM classes WHERE Trainer IS NOT NULL GROUP BY 1")


def test_the_previous_month_moves_the_period_on_screen(data):
    _same(data, _chat(data, "total fee by studio last month", "and the previous month"),
          "SELECT Studio, sum(Fee) FROM classes WHERE \"Booking Date\" BETWEEN '2024-08-01' AND '2024-08-31' "
          "GROUP BY 1")


def test_same_period_last_year_moves_it_a_year(data):
    _same(data, _chat(data, "total fee by studio in Q3", "same period last year"),
          "SELECT Studio, sum(Fee) FROM classes WHERE \"Booking Date\" BETWEEN '2023-07-01' AND '2023-09-30' "
          "GROUP BY 1")


def test_zooming_into_a_quarter_of_a_quarterly_trend_shows_its_months(data):
    ans = _chat(data, "total fee per quarter", "zoom into Q3")
    _same(data, ans, "SELECT date_trunc('month', \"Booking Date\"), sum(Fee) FROM classes "
                     "WHERE \"Booking Date\" BETWEEN '2024-07-01' AND '2024-09-30' GROUP BY 1")
    assert len(ans.data) == 3


def test_the_average_instead_of_the_total_is_no_share(data):
    ans = _chat(data, "total fee by studio", "and the average instead of the total?")
    _same(data, ans, "SELECT Studio, avg(Fee) FROM classes GROUP BY 1")
    assert ans.chart_type != "arc"


def test_a_whole_new_question_in_a_chat_keeps_no_filter(data):
    _same(data, _chat(data, "bookings by studio", "only for 2024", "average fee by class kind"),
          "SELECT \"Class Kind\", avg(Fee) FROM classes GROUP BY 1")


def test_for_all_of_a_filtered_column_lifts_its_filter_only(data):
    ans = _chat(data, "bookings by class kind in 2024", "same for Harbor", "for all studios")
    _same(data, ans, "SELECT \"Class Kind\", count(*) FROM classes WHERE year(\"Booking Date\") = 2024 GROUP BY 1")


def test_the_total_of_the_chart_on_screen(data):
    ans = _chat(data, "total fee by studio in 2023", "what's the total?")
    _same(data, ans, "SELECT sum(Fee) FROM classes WHERE year(\"Booking Date\") = 2023")
    assert ans.chart_type == "kpi"


def test_in_percentages_shows_shares_of_the_chart_on_screen(data):
    ans = _chat(data, "bookings by studio", "in percentages")
    _ds, con = data
    gold = con.execute("SELECT Studio, 100.0 * count(*) / sum(count(*)) OVER () FROM classes GROUP BY 1").fetchall()
    got = [(r["Studio"], r["Share of total"]) for r in ans.data]
    assert rows_match(gold, got), (ans.sql, got)


def test_a_bare_imperative_edits_the_chart_on_screen(data):
    _same(data, _chat(data, "bookings by class kind", "show me the bottom 2"),
          "SELECT \"Class Kind\", count(*) AS n FROM classes GROUP BY 1 ORDER BY n LIMIT 2")


def test_sort_by_name_orders_the_labels(data):
    ans = _chat(data, "total fee by studio", "sort by name")
    assert [r["Studio"] for r in ans.data] == ["Harbor", "Mill", "Uptown"], ans.sql


def test_exclude_before_a_yes_no_column_keeps_its_no_rows(data):
    _same(data, _chat(data, "bookings by studio", "exclude guests"),
          "SELECT Studio, count(*) FROM classes WHERE NOT Guest GROUP BY 1")


def test_a_polite_wrapping_hides_no_cue(data):
    ans = _chat(data, "total fee by studio", "could you make it monthly please")
    _same(data, ans, "SELECT date_trunc('month', \"Booking Date\"), sum(Fee) FROM classes GROUP BY 1")


def test_a_message_opening_with_a_preposition_continues_the_chart(data):
    _same(data, _chat(data, "total fee by class kind", "per studio please"),
          "SELECT Studio, sum(Fee) FROM classes GROUP BY 1")


def test_a_half_year_with_or_without_its_year(data):
    _same(data, _chat(data, "total fee in the first half of 2023"),
          "SELECT sum(Fee) FROM classes WHERE \"Booking Date\" BETWEEN '2023-01-01' AND '2023-06-30'")
    _same(data, _chat(data, "bookings by studio in H2"),
          "SELECT Studio, count(*) FROM classes WHERE \"Booking Date\" >= '2024-07-01' GROUP BY 1")


def test_a_closing_month_without_its_year(data):
    _same(data, _chat(data, "how many bookings through March"),
          "SELECT count(*) FROM classes WHERE \"Booking Date\" <= '2024-03-31'")


def test_since_the_start_of_the_year(data):
    _same(data, _chat(data, "total fee since the start of the year"),
          "SELECT sum(Fee) FROM classes WHERE \"Booking Date\" >= '2024-01-01'")


def test_two_periods_that_follow_each_other_are_one_span(data):
    _same(data, _chat(data, "how many bookings in Q1 and Q2"),
          "SELECT count(*) FROM classes WHERE \"Booking Date\" BETWEEN '2024-01-01' AND '2024-06-30'")


def test_over_the_past_year_is_the_last_twelve_months(data):
    _same(data, _chat(data, "total fee over the past year"),
          "SELECT sum(Fee) FROM classes WHERE \"Booking Date\" >= '2023-10-01'")


def test_a_new_question_about_what_the_data_lacks_stays_unanswerable_in_a_chat(data):
    with pytest.raises(Unanswerable, match="profit"):
        _chat(data, "total fee by class kind", "profit by studio")


def test_a_column_counted_with_a_new_axis_is_a_new_question(data):
    """"top 2 studios by number of trainers" names its own measure: in a chat it is read as it is
    alone, not as the fee on screen regrouped."""
    ds, _con = data
    question = "top 2 studios by number of trainers"
    alone = answer(ds["classes"], question)
    assert _chat(data, "total fee by class kind", question).sql == alone.sql


@pytest.mark.parametrize("question, gold", [
    ("monthly bookings", "SELECT date_trunc('month', \"Booking Date\"), count(*) FROM classes GROUP BY 1"),
    ("weekly booking count in 2024", "SELECT date_trunc('week', \"Booking Date\"), count(*) FROM classes "
                                     "WHERE year(\"Booking Date\") = 2024 GROUP BY 1"),
    ("monthly revenue trend", "SELECT date_trunc('month', \"Booking Date\"), sum(Fee) FROM classes GROUP BY 1"),
])
def test_a_grain_word_opening_a_question_of_its_own_is_a_new_question(data, question, gold):
    """In a chat (as /analyze asks: with the chart on screen), "monthly bookings" or "monthly revenue
    trend" names what it measures (the rows, a measure by another name): it is answered as it is alone,
    not as the guests' average fee on screen by month; "monthly" alone still changes the grain on screen."""
    _same(data, _chat(data, "average fee by studio for guests", question), gold)
    _same(data, _chat(data, "average fee by studio for guests", "monthly"),
          "SELECT date_trunc('month', \"Booking Date\"), avg(Fee) FROM classes WHERE Guest GROUP BY 1")


@pytest.mark.parametrize("follows, desc", [(["and the cheapest?"], False), (["and the shortest?"], False),
                                           (["and the lowest?", "what about the priciest"], True)])
def test_a_superlative_of_a_level_alone_turns_the_ranking_on_screen(data, follows, desc):
    """"and the cheapest?" after the dearest studio ranks the same chart the other way; so does any
    superlative of a level ("shortest", "quickest"), not only "worst"/"lowest"."""
    ans = _chat(data, "which studio has the highest average fee", *follows)
    assert ans.chart_type == "bar" and ans.plan["x"]["field"] == "Studio" and ans.plan["y"]["aggregate"] == "avg"
    fees = [r[ans.plan["data_fields"]["y"]] for r in ans.data]
    assert fees == sorted(fees, reverse=desc), (ans.sql, fees)
