"""Everyday vocabulary for what a table holds under another name (issue 11): value codes said in full words
("engineering" ~ ENG, "marketing" ~ MKT, "operations" ~ OPS, "northeast" ~ NE, "credit card" ~ CC, "night
shift" ~ N), also in a follow-up ("just engineering"). Each asks `answer()` about a small CSV written here and
checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views


def _write_claims(path: Path, n: int = 400) -> None:
    """Expense claims: region, department and payment method as codes in capitals, a D / N shift."""
    rnd = random.Random(61)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Claim ID", "Region", "Dept", "Method", "Shift", "Amount"])
        for i in range(n):
            w.writerow([f"C{i:04d}", rnd.choice(["NE", "NW", "SE", "SW", "MW"]),
                        rnd.choice(["ENG", "MKT", "FIN", "OPS"]), rnd.choice(["CC", "ACH", "WIRE"]),
                        rnd.choice(["D", "N"]), round(rnd.uniform(10, 900), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("vocabulary")
    with ingested_views(root, [("claims", _write_claims)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str, previous: dict | None = None) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question, previous=previous)) == _gold(con, sql)


# ------------------------------------------------------------------ codes said in full words
@pytest.mark.parametrize("question, sql", [
    ("engineering amount by region", "SELECT Region, sum(Amount) FROM claims WHERE Dept = 'ENG' GROUP BY 1"),
    ("total amount for marketing", "SELECT sum(Amount) FROM claims WHERE Dept = 'MKT'"),
    ("how many operations claims", "SELECT count(*) FROM claims WHERE Dept = 'OPS'"),
    ("finance amount by method", "SELECT Method, sum(Amount) FROM claims WHERE Dept = 'FIN' GROUP BY 1"),
])
def test_a_code_is_the_start_or_consonants_of_the_word_said(data, question, sql):
    _check(data, "claims", question, sql)


@pytest.mark.parametrize("question, sql", [
    ("northeast amount by dept", "SELECT Dept, sum(Amount) FROM claims WHERE Region = 'NE' GROUP BY 1"),
    ("total amount in the midwest", "SELECT sum(Amount) FROM claims WHERE Region = 'MW'"),
    ("south-west claims by dept", "SELECT Dept, count(*) FROM claims WHERE Region = 'SW' GROUP BY 1"),
])
def test_a_region_code_is_the_initials_of_the_compass_points(data, question, sql):
    _check(data, "claims", question, sql)


def test_a_code_is_the_initials_of_two_words(data):
    _check(data, "claims", "amount paid by credit card by dept",
           "SELECT Dept, sum(Amount) FROM claims WHERE Method = 'CC' GROUP BY 1")


@pytest.mark.parametrize("question, sql", [
    ("night shift amount", "SELECT sum(Amount) FROM claims WHERE Shift = 'N'"),
    ("amount day vs night shift", "SELECT Shift, sum(Amount) FROM claims GROUP BY 1"),
])
def test_a_one_letter_code_is_the_initial_of_the_word_before_its_column(data, question, sql):
    _check(data, "claims", question, sql)


def test_a_follow_up_names_a_code_in_full(data):
    dirs, _con = data
    first = answer(dirs["claims"], "amount by region")
    _check(data, "claims", "just engineering",
           "SELECT Region, sum(Amount) FROM claims WHERE Dept = 'ENG' GROUP BY 1", previous=first.state)


def test_two_initials_alone_are_no_code(data):
    """"cost centre" has the initials of CC (credit card) but names no value of the table."""
    dirs, _con = data
    try:
        sql = answer(dirs["claims"], "amount by cost centre").sql
    except Unanswerable:
        return
    assert "'CC'" not in sql


def test_a_word_naming_no_column_or_code_is_still_declined(data):
    dirs, _con = data
    with pytest.raises(Unanswerable):
        answer(dirs["claims"], "amount by warehouse")
