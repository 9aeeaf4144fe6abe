"""revise(): one plan edit applied to a previous answer, validated like any plan, run."""
from __future__ import annotations

import pytest

from datavis.analysis import Unanswerable, answer, revise


def test_each_edit_changes_what_it_names_and_nothing_else(datasets):
    sales = datasets["sales"]
    base = answer(sales, "total revenue by region in 2023")
    assert base.plan["y"] == {"field": "Revenue", "aggregate": "sum"} and base.plan["filters"]

    def edited(edit):
        plan = revise(sales, base.state, edit).plan
        return plan

    avg = edited({"aggregate": "avg"})
    assert avg["y"] == {"field": "Revenue", "aggregate": "avg"}
    assert avg["x"] == base.plan["x"] and avg["filters"] == base.plan["filters"]
    assert edited({"measure": "Profit"})["y"] == {"field": "Profit", "aggregate": "sum"}
    by_date = edited({"dimension": "Order Date"})
    assert by_date["x"]["field"] == "Order Date" and by_date["x"]["time_unit"] == "yearmonth"
    assert by_date["chart_type"] == "line"
    assert edited({"color": "segment"})["color"] == "Segment"
    assert edited({"chart_type": "arc"})["chart_type"] == "arc"
    assert edited({"remove_filter": 0})["filters"] == []
    top = edited({"limit": 2})
    assert top["limit"] == 2 and top["order"]["desc"] is True
    histogram = revise(sales, base.state, {"chart_type": "histogram"})
    assert histogram.chart_type == "histogram" and histogram.plan["x"]["field"] == "Revenue"
    # Revising a revision: its state carries the edited plan.
    quarterly = revise(sales, revise(sales, base.state, {"dimension": "Order Date"}).state,
                       {"time_unit": "quarter"})
    assert quarterly.plan["x"]["time_unit"] == "yearquarter"
    assert quarterly.data and quarterly.sql.count("SELECT") >= 1
    # The numbers are the edited question's own, not the previous answer's.
    assert revise(sales, base.state, {"aggregate": "max"}).data != base.data


@pytest.mark.parametrize("edit, words", [
    ({"time_unit": "month"}, "not over a date"),
    ({"measure": "no_such_column"}, "'no_such_column' is not a column"),
    ({"color": "region"}, "already on the x axis"),
    ({"remove_filter": 3}, "no filter number 3"),
    ({"chart_type": "heatmap"}, "needs a colour column"),
    ({"aggregate": "avg", "limit": 3}, "exactly one"),
    ({"aggregate": "mean"}, "not an aggregate"),
])
def test_an_edit_that_cannot_apply_says_why(datasets, edit, words):
    base = answer(datasets["sales"], "total revenue by region")
    with pytest.raises(Unanswerable, match=words) as raised:
        revise(datasets["sales"], base.state, edit)
    message = str(raised.value)
    assert not message[0].islower() and message.endswith(".")  # the assistant's sentence


def test_a_state_from_another_dataset_is_refused(datasets):
    base = answer(datasets["traffic"], "visitors by day of the week")
    with pytest.raises(Unanswerable, match="can no longer be read"):
        revise(datasets["sales"], base.state, {"aggregate": "avg"})


def test_the_measure_chip_changes_the_first_measure_only(datasets):
    """The chip names the first measure: the second stays; a text column is counted distinct."""
    sales = datasets["sales"]
    base = answer(sales, "total revenue and profit by region")
    assert [m["field"] for m in base.plan["measures"]] == ["Revenue", "Profit"]
    names = revise(sales, base.state, {"measure": "Customer Name"}).plan["measures"]
    assert names == [{"field": "Customer Name", "aggregate": "count_distinct"}, {"field": "Profit", "aggregate": "sum"}]
    histogram = answer(sales, "distribution of revenue")
    with pytest.raises(Unanswerable, match="not numeric, so it has no distribution to bin"):
        revise(sales, histogram.state, {"measure": "Region"})


def test_the_dimension_chip_keeps_every_aggregated_measure(datasets):
    """Putting another column on the axis of "revenue and profit by region" keeps both measures
    (only a scatter's raw values are folded into one total)."""
    sales = datasets["sales"]
    base = answer(sales, "total revenue and profit by region")
    moved = revise(sales, base.state, {"dimension": "Segment"})
    assert moved.plan["measures"] == base.plan["measures"]
    assert {r["Segment"] for r in moved.data} == {"Consumer", "Corporate", "Home Office"}
