"""Everyday follow-ups read as edits of the chart on screen (ninth stop): a removal verb opening the
message drops what it names ("remove the voided ones", "drop cash"), "do that by X" regroups the chart,
"show percentages" turns it into shares, "same for last year" on a chart of the latest year moves it one
year back, and a person is named by their first name ("for Carol" ~ Carol Nguyen). Each chat is asked of
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
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

CASHIERS = ["Bob Hartley", "Carol Nguyen", "Frank Li", "Dana Fox"]


def _write_tills(path: Path, n: int = 600) -> None:
    """Till transactions over 2023–2024: store, dept, pay method, cashier (full names), qty, amount, Voided Y/N,
    Loyalty Member Y/N."""
    rnd = random.Random(71)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Txn ID", "Txn Date", "Store", "Dept", "Pay Method", "Cashier", "Qty", "Amount", "Voided",
                    "Loyalty Member"])
        for i in range(n):
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(731) if i else 730)
            w.writerow([f"T{i:05d}", day.isoformat(), rnd.choice(["North", "South", "West"]),
                        rnd.choice(["Produce", "Dairy", "Bakery"]), rnd.choice(["Card", "Cash", "Mobile"]),
                        rnd.choice(CASHIERS), rnd.randint(1, 6), round(rnd.uniform(2, 60), 2),
                        "Y" if rnd.random() < 0.1 else "N", rnd.choice("YN")])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("followup_edits")
    with ingested_views(root, [("tills", _write_tills)]) as (dirs, con):
        yield dirs, con


def _chat(data, questions: list[str]) -> Any:
    """The last answer of a chat: each question follows up on the answer before it."""
    dirs, _ = data
    state = None
    ans = None
    for q in questions:
        ans = answer(dirs["tills"], q, previous=state)
        state = ans.state
    return ans


def _check(data, questions: list[str], sql: str) -> None:
    assert _rows(_chat(data, questions)) == _gold(data[1], sql)


# ------------------------------------------------------------------ a removal verb opening the message
@pytest.mark.parametrize("said, sql", [
    ("remove the voided ones", "SELECT Dept, sum(Amount) FROM tills WHERE Voided = 'N' GROUP BY 1"),
    ("drop cash", "SELECT Dept, sum(Amount) FROM tills WHERE \"Pay Method\" <> 'Cash' GROUP BY 1"),
    ("now leave out cash and mobile",
     "SELECT Dept, sum(Amount) FROM tills WHERE \"Pay Method\" NOT IN ('Cash', 'Mobile') GROUP BY 1"),
])
def test_a_removal_verb_opening_the_message_drops_what_it_names(data, said, sql):
    _check(data, ["amount by dept", said], sql)


def test_a_drop_that_is_a_noun_names_no_exclusion(data):
    # near miss: "drop in amount" is a fall, and West is what is asked about
    plan = _chat(data, ["drop in amount for West by month"]).plan
    assert [(f["field"], f["op"]) for f in plan["filters"]] == [("Store", "=")]


# ------------------------------------------------------------------ "do that by X": the chart regrouped
@pytest.mark.parametrize("said", ["can you do that by pay method", "show that by pay method",
                                  "do the same by pay method"])
def test_doing_that_by_a_column_regroups_the_chart(data, said):
    _check(data, ["qty by dept", said], 'SELECT "Pay Method", sum(Qty) FROM tills GROUP BY 1')


def test_a_new_question_without_that_stays_new(data):
    # near miss: no "that"/"it"/"the same": the message names its own measure and grouping
    _check(data, ["qty by dept for cash", "can you show amount by pay method"],
           'SELECT "Pay Method", sum(Amount) FROM tills GROUP BY 1')


# ------------------------------------------------------------------ "show percentages"
@pytest.mark.parametrize("said", ["show percentages", "show the percentages"])
def test_show_percentages_turns_the_chart_into_shares(data, said):
    ans = _chat(data, ["transactions by pay method", said])
    assert ans.plan["share"] is True  # the counts, each with its share of the total
    assert _rows(ans) == _gold(data[1], 'SELECT "Pay Method", count(*) FROM tills GROUP BY 1')


# ------------------------------------------------------------------ "same for last year"
MONTHLY = ("SELECT date_trunc('month', \"Txn Date\")::DATE, sum(Amount) FROM tills WHERE year(\"Txn Date\") = {} "
           "GROUP BY 1")


@pytest.mark.parametrize("said", ["same for last year", "and last year?"])
def test_last_year_after_the_latest_year_is_the_year_before(data, said):
    _check(data, ["amount per month", "only 2024", said], MONTHLY.format(2023))


def test_last_year_after_an_earlier_year_is_the_latest(data):
    # near miss: the chart shows 2023; last year of the data (2024) is another year, asked as it is
    _check(data, ["amount per month in 2023", "and last year?"], MONTHLY.format(2024))


# ------------------------------------------------------------------ a person by their first name
def test_a_person_is_named_by_their_first_name(data):
    _check(data, ["qty by dept for Carol"],
           "SELECT Dept, sum(Qty) FROM tills WHERE Cashier = 'Carol Nguyen' GROUP BY 1")
    _check(data, ["qty by dept for Carol", "what about for Bob"],
           "SELECT Dept, sum(Qty) FROM tills WHERE Cashier = 'Bob Hartley' GROUP BY 1")


def test_a_lowercase_word_that_is_a_first_name_is_no_person(data):
    # near miss: "frank" typed as a word, not after "for"/"about", names nobody
    assert not _chat(data, ["to be frank, qty by dept"]).plan["filters"]


# ------------------------------------------------------------------ "same but for X"
@pytest.mark.parametrize("said", ["same but for West", "ok but for West"])
def test_but_for_a_value_is_that_value(data, said):
    _check(data, ["qty by dept", said], "SELECT Dept, sum(Qty) FROM tills WHERE Store = 'West' GROUP BY 1")


def test_all_but_a_value_still_leaves_it_out(data):
    # near miss: "all stores but West" is every store except West (the filter is not lifted either)
    _check(data, ["qty by dept", "for all stores but West"],
           "SELECT Dept, sum(Qty) FROM tills WHERE Store <> 'West' GROUP BY 1")


# ------------------------------------------------------------------ "what's the average?" of the chart on screen
@pytest.mark.parametrize("said, agg", [("what's the average", "avg"), ("what is the max?", "max"),
                                       ("and the median?", "median")])
def test_a_bare_aggregation_changes_the_measure_on_screen(data, said, agg):
    _check(data, ["total qty by dept", said], f"SELECT Dept, {agg}(Qty) FROM tills GROUP BY 1")


def test_an_aggregation_of_a_named_column_is_a_new_question(data):
    # near miss: the message names its own measure
    _check(data, ["total qty by dept", "what's the average amount"], "SELECT avg(Amount) FROM tills")


# ------------------------------------------------------------------ top N of the groups on screen
@pytest.mark.parametrize("said", ["show the top 2 depts", "give me the top 2 departments"])
def test_top_n_of_the_groups_on_screen_keeps_the_chart(data, said):
    _check(data, ["amount by dept", "in 2024", said],
           "SELECT Dept, sum(Amount) AS v FROM tills WHERE year(\"Txn Date\") = 2024 "
           "GROUP BY 1 ORDER BY v DESC LIMIT 2")


def test_top_n_of_other_groups_is_a_new_question(data):
    # near miss: another grouping and its own measure: a question of its own, without the chart's year
    _check(data, ["amount by dept", "in 2024", "show the top 2 stores by qty"],
           "SELECT Store, sum(Qty) AS v FROM tills GROUP BY 1 ORDER BY v DESC LIMIT 2")


def test_top_n_of_the_groups_by_a_value_counted_is_a_new_question(data):
    """Near miss: "the 2 depts with the most cash transactions" over a chart of amounts by dept counts them
    (a value named), it does not cut the amounts on screen."""
    _check(data, ["amount by dept", "the 2 depts with the most cash transactions"],
           "SELECT Dept, count(*) AS n FROM tills WHERE \"Pay Method\" = 'Cash' GROUP BY 1 ORDER BY n DESC LIMIT 2")


# ------------------------------------------------------------------ "members only": the Yes rows of Loyalty Member
@pytest.mark.parametrize("said", ["members only", "just the members"])
def test_keeping_the_people_a_yes_no_column_is_about(data, said):
    _check(data, ["amount by dept", said],
           "SELECT Dept, sum(Amount) FROM tills WHERE \"Loyalty Member\" = 'Y' GROUP BY 1")


def test_people_named_with_another_word_are_not_the_yes_rows(data):
    # near miss: "mobile members only" names other things beside the members: no Loyalty Member filter
    plan = _chat(data, ["amount by dept", "mobile members only"]).plan
    assert all(f["field"] != "Loyalty Member" for f in plan["filters"])
