"""The ranked planner: candidates, the fitted weights, alternatives when unsure, and the help
given when nothing links (datavis/analysis/planning)."""
from __future__ import annotations

import json

import pytest

from datavis.analysis import Unanswerable, answer
from datavis.analysis.datasets.store import load_profile
from datavis.analysis.language.linking import link
from datavis.analysis.language.parsing import parse
from datavis.analysis.planning import ranker
from datavis.analysis.planning.candidates import rule_edits
from datavis.analysis.planning.generate import MAX_PLANS
from datavis.analysis.planning.generate import generate as generate_plans
from datavis.analysis.planning.rules import build_plan


def test_shipped_weights_are_fitted_on_the_training_corpus():
    model = json.loads(ranker.WEIGHTS.read_text())
    assert model["fitted_on"] == "nvbench-train" and model["items"] > 2000
    assert len(model["weights"]) > 1000 and model["margin"] > 0


def test_candidates_start_with_the_rule_reading_and_validate(datasets):
    profile = load_profile(datasets["sales"])["profile"]
    q = "average profit by region and segment, top 3"
    parsed = parse(q, profile)
    base = build_plan(parsed, profile)
    cands = rule_edits(q, base, parsed, profile)
    assert cands[0].edits == () and cands[0].plan == base
    for c in cands:
        assert c.plan.dimension is None or profile["_by_name"][c.plan.dimension.column]["role"] != "identifier"


def test_weights_decide_between_readings(datasets):
    q = "average profit by region, sorted from high to low"
    default = answer(datasets["sales"], q)
    try:  # a model that dislikes the rule reading picks an edit of it
        ranker.use_weights({"weights": {"base": -100.0}, "margin": 0.0})
        edited = answer(datasets["sales"], q)
    finally:
        ranker.use_weights(None)
    assert edited.sql != default.sql


def test_low_margin_answers_offer_two_readings_that_can_be_asked(datasets):
    q = "average profit by region, sorted from high to low"
    try:  # every answer is unsure under this threshold
        ranker.use_weights({"weights": {}, "margin": 1e9})
        ans = answer(datasets["sales"], q)
    finally:
        ranker.use_weights(None)
    assert 1 <= len(ans.alternatives) <= 2
    for alt in ans.alternatives:
        assert alt["question"] and {"x", "y", "chart_type"} <= set(alt["plan"])
        again = answer(datasets["sales"], alt["question"])
        assert again.chart_type in ("bar", "line", "arc", "point", "kpi", "table", "heatmap", "area")


def test_only_a_settled_shape_is_answered_without_alternatives(datasets):
    """Above any margin, a trend whose unit no word states is offered with other readings; one
    "by month" is not offered readings that drop the month (a KPI); bars over a column are given
    alone."""
    try:  # every margin clears this threshold
        ranker.use_weights({**json.loads(ranker.WEIGHTS.read_text()), "margin": -1e9})
        unsaid = answer(datasets["sales"], "revenue over time")
        by_month = answer(datasets["sales"], "total revenue by month")
        bars = answer(datasets["sales"], "total revenue by region")
    finally:
        ranker.use_weights(None)
    assert unsaid.chart_type == "line" and unsaid.alternatives
    assert by_month.chart_type == "line"
    assert all((alt["plan"]["x"] or {}).get("time_unit") == "month" for alt in by_month.alternatives)
    assert bars.chart_type == "bar" and not bars.alternatives


def test_a_question_nothing_links_names_the_columns_and_three_questions(datasets):
    with pytest.raises(Unanswerable) as e:
        answer(datasets["sales"], "what is the meaning of life")
    msg = e.value.message
    assert "Region" in msg and "Revenue" in msg
    assert msg.count("“") >= 4  # the question quoted, then three suggestions


@pytest.mark.parametrize(("question", "expected"), [
    # a number range next to a period keeps both: the range is not a pair of years
    ("total revenue for revenue between 1000 and 5000 in 2023", {("Revenue", "between"), ("Order Date", "between")}),
    # "from 50 to 2000" is a number range, not a period ending in the year 2000
    ("number of orders with quantity from 50 to 2000", {("Quantity", "between")}),
])
def test_number_ranges_and_periods_are_read_apart(datasets, question, expected):
    profile = load_profile(datasets["sales"])["profile"]
    filters = build_plan(parse(question, profile), profile).filters
    assert {(f.column, f.op) for f in filters} == expected


# ---------------------------------------------------------------- links and generated plans


def _profile(datasets, name: str) -> dict:
    return load_profile(datasets[name])["profile"]


def test_links_correct_a_misspelt_cue_and_name_columns_values_and_features(datasets):
    links = link("avergae profit by region in the West", _profile(datasets, "sales"))
    assert links.corrections == {"avergae": "average"}
    assert [a.target for a in links.aggs] == ["avg"] and links.aggs[0].feats == ("fuzzy",)
    cols = {c.target: c.feats for c in links.columns}
    assert cols["Profit"][0] == "exact" and "role=measure" in cols["Profit"]
    assert ("Region", "West") in [v.target for v in links.values]


def test_a_word_naming_a_column_is_never_corrected_into_a_cue(datasets):
    links = link("revenue by segment", _profile(datasets, "sales"))
    assert links.corrections == {} and not links.aggs


def test_a_negated_yes_no_word_links_to_its_no(datasets):
    links = link("number of unconverted users by country", _profile(datasets, "signups"))
    assert [(c.target.column, c.target.values) for c in links.conditions] == [("converted", [False])]
    assert links.qualities == []


def test_generated_plans_use_only_linked_slots_and_stay_bounded(datasets):
    profile = _profile(datasets, "sales")
    plans = generate_plans(link("total revenue by region and segment, top 3", profile), profile)
    assert 1 < len(plans) <= MAX_PLANS
    for g in plans:
        p = g.plan
        assert {m.column for m in p.measures} <= {"Revenue", None}
        assert p.dimension is not None and p.dimension.column in ("Region", "Segment")  # a limit needs an axis
        assert p.color in (None, "Region", "Segment") and p.limit == 3
        assert g.feats  # every slot says how it was licensed


def test_a_superlative_that_ranks_groups_is_an_order_not_a_maximum(datasets):
    profile = _profile(datasets, "sales")
    plans = generate_plans(link("which 3 products sold the most units", profile), profile)
    assert plans and all(m.agg != "max" for g in plans for m in g.plan.measures)
    ans = answer(datasets["sales"], "which 3 products sold the most units")
    assert ans.plan["x"]["field"] == "Product" and ans.plan["limit"] == 3
    assert ans.plan["y"] == {"field": "Quantity", "aggregate": "sum"} and ans.plan["order"]["desc"] is True


def test_the_largest_single_order_is_the_maximum_of_the_amounts(datasets):
    ans = answer(datasets["sales"], "the largest single order")
    assert ans.chart_type == "kpi" and ans.plan["y"] == {"field": "Revenue", "aggregate": "max"}


def test_a_count_with_a_condition_is_one_number(datasets):
    ans = answer(datasets["signups"], "how many users are over 40")
    assert ans.chart_type == "kpi" and ans.plan["x"] is None
    assert ans.plan["filters"] == [{"field": "age", "op": ">", "value": 40}]


def test_a_percentage_of_a_yes_no_column_is_its_share(datasets):
    ans = answer(datasets["signups"], "what percentage of users converted")
    assert ans.chart_type == "kpi" and _is_rate_of_converted(ans.plan["y"])


def test_conditions_in_words_filter_the_rows(datasets):
    ans = answer(datasets["signups"], "average monthly fee of converted users by country")
    assert {"field": "converted", "op": "=", "value": True} in ans.plan["filters"]
    ans = answer(datasets["signups"], "number of unconverted users by country")
    assert {"field": "converted", "op": "=", "value": False} in ans.plan["filters"]


def test_per_quarter_is_a_time_grain(datasets):
    ans = answer(datasets["sales"], "revenue per quarter")
    assert ans.plan["x"]["field"] == "Order Date" and ans.plan["x"]["time_unit"] == "yearquarter"


def test_two_measures_joined_by_and_are_both_computed(datasets):
    ans = answer(datasets["sales"], "revenue and profit by region")
    assert ans.plan["measures"] == [{"field": "Revenue", "aggregate": "sum"}, {"field": "Profit", "aggregate": "sum"}]
    assert len(ans.data[0]) >= 3  # the region and both totals


def test_a_generated_plan_answers_where_the_rule_reading_has_none(datasets):
    profile = _profile(datasets, "sales")
    with pytest.raises(Unanswerable):  # the rule planner alone finds no column in these words
        build_plan(parse("the largest single order", profile), profile)
    _links, cands = ranker.readings("the largest single order", profile)
    assert cands and {c.source for c in cands} == {"gen"}
    ranked = ranker.choose("the largest single order", profile)
    assert ranked.plan.dimension is None and (ranked.plan.measures[0].column, ranked.plan.measures[0].agg) == \
        ("Revenue", "max")


def test_a_yes_no_column_is_a_condition_unless_a_share_is_asked(datasets):
    ans = answer(datasets["signups"], "users that were converted by country")
    assert ans.plan["y"] == {"field": None, "aggregate": "count"}
    assert {"field": "converted", "op": "=", "value": True} in ans.plan["filters"]
    ans = answer(datasets["signups"], "conversion rate by country")
    assert _is_rate_of_converted(ans.plan["y"]) and ans.plan["filters"] == []


def _is_rate_of_converted(y: dict) -> bool:
    """The share of converted users: a rate of the Yes/No column (a percentage; planning/measures.py)."""
    return y["derived"]["kind"] == "rate" and \
        y["derived"]["condition"] == {"field": "converted", "op": "=", "value": True}


def test_no_reading_shows_one_measure_twice(datasets):
    """"Total revenue and Total profit by region": two cues of one aggregation name two columns,
    not one column twice (an alternative once read "Total profit and Total profit")."""
    ans = answer(datasets["sales"], "Total revenue and Total profit by region")
    for plan in [ans.plan, *(alt["plan"] for alt in ans.alternatives)]:
        measures = [(m["field"], m["aggregate"]) for m in plan["measures"]]
        assert len(measures) == len(set(measures)), measures


def test_an_order_clause_naming_the_axis_column_sorts_the_labels(datasets):
    profile = _profile(datasets, "sales")
    q = "total revenue by region, sorted by the region from high to low"
    plans = generate_plans(link(q, profile), profile)
    by_region = [g.plan for g in plans if g.plan.dimension is not None and g.plan.dimension.column == "Region"]
    assert by_region and all(p.order is not None and p.order.by == "dimension" and p.order.desc for p in by_region)


def test_a_trend_word_offers_a_line_over_any_axis(datasets):
    profile = load_profile(datasets["stores"])["profile"]  # no date column
    charts = {}
    for q in ("the trend of employees over the cities", "employees by city"):
        parsed = parse(q, profile)
        base = build_plan(parsed, profile)
        assert base.dimension is not None and base.dimension.column == "city" and base.chart != "line"
        charts[q] = {c.plan.chart for c in rule_edits(q, base, parsed, profile)}
    assert "line" in charts["the trend of employees over the cities"] and "line" not in charts["employees by city"]


def test_an_order_clause_after_the_columns_does_not_swallow_them(datasets):
    profile = _profile(datasets, "sales")
    p = parse("list the quantity and revenue of orders in descending order of revenue", profile)
    assert {"Quantity", "Revenue"} <= {m.column for m in p.mentions}
    assert p.order_desc is True and p.order_target == "Revenue"


def test_values_listed_with_and_get_a_bar_each_and_with_or_are_pooled(datasets):
    both = answer(datasets["sales"], "how many orders in East and West")
    assert both.chart_type == "bar" and both.plan["x"]["field"] == "Region"
    assert {"field": "Region", "op": "in", "value": ["East", "West"]} in both.plan["filters"]
    pooled = answer(datasets["sales"], "how many orders in East or West")
    assert pooled.chart_type == "kpi" and pooled.plan["x"] is None


@pytest.mark.parametrize("q", ["list each region and its count in descending order of count",
                               "sort the regions in descending order of their number of orders",
                               "each region and its count in the descending order of count by a bar chart"])
def test_the_words_after_in_descending_order_of_are_its_target(datasets, q):
    p = parse(q, _profile(datasets, "sales"))
    assert p.order_desc is True and p.order_target == "y"
    assert "Region" in {m.column for m in p.mentions}  # the clause does not swallow the axis
