"""The ranked planner: candidates, the fitted weights, alternatives when unsure, and the help
given when nothing links (datavis/analysis/planning)."""
from __future__ import annotations

import json

import pytest

from datavis.analysis import Unanswerable, answer
from datavis.analysis.language.parsing import parse
from datavis.analysis.planning.rules import build_plan
from datavis.analysis.planning import ranker
from datavis.analysis.planning.candidates import generate
from datavis.analysis.datasets.store import load_profile


def test_shipped_weights_are_fitted_on_the_training_corpus():
    model = json.loads(ranker.WEIGHTS.read_text())
    assert model["fitted_on"] == "nvbench-train" and model["items"] > 2000
    assert len(model["weights"]) > 1000 and model["margin"] > 0


def test_candidates_start_with_the_rule_reading_and_validate(datasets):
    profile = load_profile(datasets["sales"])["profile"]
    q = "average profit by region and segment, top 3"
    parsed = parse(q, profile)
    base = build_plan(parsed, profile)
    cands = generate(q, base, parsed, profile)
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
