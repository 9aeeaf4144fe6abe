"""Answer or ask (issue 11): an answer is given alone only when every word of the question is
accounted for and the words ask for what it shows; otherwise it comes with alternatives and a note
naming the word not found. Extra words that name nothing ("can you quickly …, thanks") do not make
an answerable question declined; a measure or subject the data does not hold still is."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_expenses(path: Path, n: int = 300) -> None:
    """Expense claims of 2024: a department, a category, an amount, a Yes/No Approved, a refund."""
    rnd = random.Random(11)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Claim ID", "Date", "Department", "Category", "Amount", "Approved", "Refund"])
        for i in range(n):
            w.writerow([f"C{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))).isoformat(),
                        rnd.choice(["Sales", "Marketing", "Finance", "Ops"]),
                        rnd.choice(["Travel", "Meals", "Software"]), round(rnd.uniform(10, 900), 2),
                        rnd.choice(["Yes", "Yes", "No"]), rnd.choice([0, 0, 0, round(rnd.uniform(5, 50), 2)])])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("ask"), [("expenses", _write_expenses)]) as got:
        yield got


def _alternative_axes(ans) -> set[str | None]:
    return {(alt["plan"].get("x") or {}).get("field") for alt in ans.alternatives}


def test_a_fully_accounted_question_is_answered_alone(data):
    dirs, _con = data
    assert not answer(dirs["expenses"], "total refund").alternatives
    assert not answer(dirs["expenses"], "how many expenses were approved").alternatives


def test_a_word_not_found_comes_with_alternatives_and_a_note(data):
    """"flagged" links to nothing: counting every expense is a guess, said, with the split by
    the Yes/No column such a word most often qualifies offered beside it."""
    dirs, _con = data
    ans = answer(dirs["expenses"], "how many expenses were flagged")
    assert ans.alternatives
    assert "Approved" in _alternative_axes(ans)
    assert any("flagged" in note for note in ans.plan["assumptions"])


def test_a_counted_noun_that_is_also_a_command_word_is_not_dropped(data):
    """"return" opens a command ("return the top 5 …"), but "how many returns" counts returns: with no column
    of returns, counting every claim is a guess that comes with alternatives, never alone."""
    dirs, _con = data
    for q in ("how many returns", "number of returns by department"):
        assert answer(dirs["expenses"], q).alternatives, q


def test_a_number_the_words_did_not_ask_for_comes_with_alternatives(data):
    """"what's going on with refunds" is no question of one number: a single total is offered
    with the refunds over time and split."""
    dirs, _con = data
    ans = answer(dirs["expenses"], "what's going on with refunds")
    assert ans.chart_type != "kpi" or ans.alternatives
    asked = answer(dirs["expenses"], "total refund")
    assert asked.chart_type == "kpi" and not asked.alternatives


def test_values_listed_against_each_other_offer_the_split_by_their_column(data):
    dirs, _con = data
    ans = answer(dirs["expenses"], "sales vs marketing amount")
    # one total over both departments is offered with the comparison
    assert ans.chart_type != "kpi" or "Department" in _alternative_axes(ans)


@pytest.mark.parametrize("question", [
    "can you quickly break down the total amount by department for me, thanks",
    "for the board deck: total amount by department",
    "honestly I'd just love to see the total amount per department",
])
def test_extra_words_do_not_make_an_answerable_question_declined(data, question):
    same_answer(data, "expenses", question, "SELECT Department, sum(Amount) FROM expenses GROUP BY 1")


def test_a_share_of_the_rows_named_by_another_noun_is_answered(data):
    """"percentage of receipts …": what is shared out is the rows, whatever they are called."""
    dirs, _con = data
    ans = answer(dirs["expenses"], "percentage of receipts approved in each department")
    assert ans.data and any("receipts" in note for note in ans.plan["assumptions"])


@pytest.mark.parametrize("question", [
    "average wait time by department",
    "which barista approved the most",
    "what's the customer satisfaction score per category",
    "total amount by industry",
])
def test_what_the_data_does_not_hold_is_still_declined(data, question):
    dirs, _con = data
    with pytest.raises(Unanswerable):
        answer(dirs["expenses"], question)
