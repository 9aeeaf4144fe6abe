"""Answer or ask, through analysis.answer: a question about something the data does not hold is
declined with what the data can answer; answerable questions are not; alternatives keep what the
words state before those that drop it."""
from __future__ import annotations

import pytest

from datavis.analysis import Unanswerable, answer


@pytest.mark.parametrize(("question", "named"), [
    ("what's the NPS by region", "NPS"),  # the measure asked for
    ("attrition rate by region", "attrition rate"),  # a rate of nothing the data records
    ("which region has the longest lead time", "lead time"),  # what the superlative is about
    ("which courier delivered the most orders", "courier"),  # the subject of "which"
])
def test_a_subject_the_data_lacks_is_declined_by_name(datasets, question, named):
    with pytest.raises(Unanswerable) as e:
        answer(datasets["sales"], question)
    message = e.value.message
    assert f"“{named}" in message  # says what it could not find
    assert "Region" in message and "Revenue" in message  # the columns that exist
    assert message.count("“") >= 4  # and three questions the data can answer


def test_the_declined_questions_suggestions_are_answerable(datasets):
    with pytest.raises(Unanswerable) as e:
        answer(datasets["sales"], "what's the NPS by region")
    suggestions = [s.split("”")[0] for s in e.value.message.split("Try for example ")[1].split("“")[1:]]
    assert len(suggestions) == 3
    for s in suggestions:
        assert answer(datasets["sales"], s).data


@pytest.mark.parametrize("question", [
    "how many orders do we have right now",  # filler words
    "revenue minus profit by region",  # the words of a derived measure
    "profit margin by region",
    "total revenue in each region",
    "how many customers ordered furniture",  # what is counted is the rows, whatever the noun
])
def test_answerable_questions_are_not_declined(datasets, question):
    assert answer(datasets["sales"], question).data


def test_a_close_call_offers_the_readings_that_keep_the_stated_grouping_first(datasets):
    ans = answer(datasets["sales"], "busiest region for revenue")  # "busiest" links to nothing: a close call
    assert ans.data and ans.alternatives
    sensible = [a for a in ans.alternatives if (a["plan"].get("x") or {}).get("field") == "Region"]
    assert sensible and ans.alternatives[0] == sensible[0]  # "for region" kept before a KPI of everything


def test_a_follow_up_still_edits_the_chart(datasets):
    first = answer(datasets["sales"], "total revenue by region")
    then = answer(datasets["sales"], "only furniture", previous=first.state)
    assert "Furniture" in then.sql and "Region" in then.sql


def test_a_ranking_word_or_a_rate_of_a_data_word_is_no_gap(write_csv, tmp_path, datasets):
    from datavis.analysis import ingest_csv

    lines = [f"O{i},{['North', 'South'][i % 2]},2024-03-{i % 28 + 1:02d} {i % 24:02d}:15:00,{'YN'[i % 3 > 0]}"
             for i in range(120)]
    d = tmp_path / "orders"
    ingest_csv(write_csv("Order ID,Region,Placed At,Returned\n" + "\n".join(lines) + "\n"), d, name="orders")
    assert answer(d, "busiest hours of the day").data  # "busiest": an order, not a thing
    assert answer(d, "return rate by region").data  # "return" ~ Returned
    with pytest.raises(Unanswerable) as e:  # no column holds returns: still declined
        answer(datasets["sales"], "return rate by region")
    assert "rate" in e.value.message
