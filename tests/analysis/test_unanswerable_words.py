"""Knowing when not to answer (issue 11's declines): a question naming what the data does not hold is
declined with what it holds, and its near-misses are still answered.

- a period or a trend in a table with no dates at all ("loans last week", "overdue trend over time") is
  declined; a table with a Year column still answers "by year", and a dateless one its other questions;
- a value said with its column's name that the column lacks ("at the boston club") is declined, naming
  the column's values; a value it holds ("at the harbor club") filters;
- who did it, when no column holds them ("how many classes did jessica teach"), or one word naming which
  rows ("avg minutes for jessica"), is declined; a name in the data ("did priya shah teach") filters;
- a word in -ing measured by an aggregation ("average rating by genre") is the thing measured, not a verb:
  with no rating column it is declined, not read as a count;
- everyday words for a column: "instructor" / "coach" for a Trainer, "satisfaction" for a rating.

Each asks `answer()` about a small CSV written here and checks the rows against DuckDB over the same file.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

TRAINERS = ["Priya Shah", "Ben Carter", "Mia Wong"]


def _write_classes(path: Path, n: int = 240) -> None:
    """Gym class visits over two months: club, class, trainer, minutes and the member's rating."""
    rnd = random.Random(71)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visit Date", "Club", "Class", "Trainer", "Minutes", "Member Rating"])
        for _ in range(n):
            day = dt.date(2025, 3, 1) + dt.timedelta(days=rnd.randrange(61))
            w.writerow([day.isoformat(), rnd.choice(["Northside", "Harbor"]), rnd.choice(["Yoga", "Spin"]),
                        rnd.choice(TRAINERS), rnd.randint(30, 90), rnd.randint(1, 5)])


def _write_loans(path: Path, n: int = 200) -> None:
    """Library loans with no date column: branch, genre, format, days out, overdue and the late fee."""
    rnd = random.Random(72)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Loan No", "Branch", "Genre", "Format", "Days Out", "Overdue", "Late Fee"])
        for i in range(n):
            overdue = rnd.random() < 0.2
            w.writerow([f"L{i:04d}", rnd.choice(["Central", "Westside", "Lakeview"]),
                        rnd.choice(["Mystery", "Fantasy", "Cooking"]), rnd.choice(["Print", "eBook"]),
                        rnd.randint(3, 30), "Y" if overdue else "N", round(rnd.uniform(0.5, 5), 2) if overdue else 0])


def _write_seasons(path: Path) -> None:
    """A club's seasons by year, as a whole number: no date column, but a year."""
    rnd = random.Random(73)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Year", "Team", "Wins", "Losses"])
        for year in range(2015, 2025):
            for team in ("Hawks", "Owls"):
                wins = rnd.randint(5, 25)
                w.writerow([year, team, wins, 30 - wins])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("unanswerable_words")
    with ingested_views(root, [("classes", _write_classes), ("loans", _write_loans),
                               ("seasons", _write_seasons)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


def _declined(data, table: str, question: str) -> str:
    dirs, _con = data
    with pytest.raises(Unanswerable) as e:
        answer(dirs[table], question)
    return e.value.message


# ------------------------------------------------------------------ periods without dates
@pytest.mark.parametrize("question", [
    "how many loans last week", "overdue trend over time", "late fees this year", "loans in march",
])
def test_a_period_or_trend_in_a_table_with_no_dates_is_declined(data, question):
    assert "no dates" in _declined(data, "loans", question)


@pytest.mark.parametrize("question, sql", [
    ("late fees by branch", 'SELECT Branch, sum("Late Fee") FROM loans GROUP BY 1'),
    ("how many loans were overdue", "SELECT count(*) FROM loans WHERE Overdue = 'Y'"),
    ("average days out by genre", 'SELECT Genre, avg("Days Out") FROM loans GROUP BY 1'),
])
def test_a_table_with_no_dates_still_answers_its_other_questions(data, question, sql):
    _check(data, "loans", question, sql)


def test_a_year_column_is_a_time_for_a_trend(data):
    dirs, _con = data
    ans = answer(dirs["seasons"], "wins trend by year")
    assert '"Year"' in ans.sql and "Wins" in ans.sql


# ------------------------------------------------------------------ values the data does not hold
def test_a_value_said_with_its_column_that_the_column_lacks_is_declined(data):
    message = _declined(data, "classes", "visits at the boston club")
    assert "boston" in message and "Harbor" in message


@pytest.mark.parametrize("question", ["which is our busiest club", "share of visits of each club"])
def test_a_superlative_or_the_rows_before_a_column_name_is_no_value(data, question):
    dirs, _con = data
    assert '"Club"' in answer(dirs["classes"], question).sql  # answered, grouped by the club


def test_a_value_the_column_holds_filters(data):
    _check(data, "classes", "how many visits at the harbor club", "SELECT count(*) FROM classes WHERE Club = 'Harbor'")


@pytest.mark.parametrize("question", ["how many classes did jessica teach", "how many visits did kevin run"])
def test_who_did_it_is_declined_when_no_column_holds_them(data, question):
    assert "could not find" in _declined(data, "classes", question)


def test_who_did_it_filters_when_a_column_holds_them(data):
    _check(data, "classes", "how many visits did priya shah teach",
           "SELECT count(*) FROM classes WHERE Trainer = 'Priya Shah'")


@pytest.mark.parametrize("question", ["avg minutes for jessica", "total minutes in boston by class"])
def test_a_filter_word_no_value_holds_is_declined(data, question):
    assert "could not find" in _declined(data, "classes", question)


@pytest.mark.parametrize("question, sql", [
    ("avg minutes for priya shah", "SELECT avg(Minutes) FROM classes WHERE Trainer = 'Priya Shah'"),
    ("avg minutes for spin", "SELECT avg(Minutes) FROM classes WHERE Class = 'Spin'"),
    ("avg minutes for each club", "SELECT Club, avg(Minutes) FROM classes GROUP BY 1"),
])
def test_a_filter_word_a_value_holds_filters(data, question, sql):
    _check(data, "classes", question, sql)


# ------------------------------------------------------------------ a word in -ing after an aggregation
def test_an_ing_noun_measured_that_the_data_lacks_is_declined(data):
    assert "rating" in _declined(data, "loans", "average rating by genre")


def test_an_ing_word_before_the_noun_measured_is_no_gap(data):
    """"avg listening time": the minutes are measured; the -ing word before them says which, as a verb would."""
    dirs, _con = data
    ans = answer(dirs["classes"], "avg listening minutes by club")
    assert 'avg("Minutes")' in ans.sql and not any("listening" in note for note in ans.plan["assumptions"])


def test_an_ing_noun_measured_that_the_data_holds_is_answered(data):
    _check(data, "classes", "average rating by club", 'SELECT Club, avg("Member Rating") FROM classes GROUP BY 1')


# ------------------------------------------------------------------ everyday words for a column
@pytest.mark.parametrize("question, sql", [
    ("spin visits by instructor", "SELECT Trainer, count(*) FROM classes WHERE Class = 'Spin' GROUP BY 1"),
    ("minutes by coach", "SELECT Trainer, sum(Minutes) FROM classes GROUP BY 1"),
    ("member satisfaction by trainer", 'SELECT Trainer, avg("Member Rating") FROM classes GROUP BY 1'),
])
def test_everyday_words_for_a_trainer_and_a_rating(data, question, sql):
    _check(data, "classes", question, sql)
