"""The LLM planner with pydantic-ai's test models (no network): typed plan output, the single
repair round, at most two model calls, and a prompt that carries the profile but no rows."""
from __future__ import annotations

import json

import pytest
from pydantic_ai.exceptions import ModelHTTPError
from pydantic_ai.messages import ModelRequest, ModelResponse, TextPart, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.models.test import TestModel

from datavis.analysis import AnalysisSettings, TransientAnalysisError, Unanswerable, answer


class Scripted:
    """A FunctionModel script: plans to return in order, then insight text; records each call."""

    def __init__(self, plans: list[dict], insight: str = "West leads with $738K."):
        self.plans, self.insight, self.calls = list(plans), insight, []

    def __call__(self, messages, info: AgentInfo) -> ModelResponse:
        self.calls.append((messages, info))
        if info.output_tools and self.plans:
            return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, self.plans.pop(0))])
        return ModelResponse(parts=[TextPart(self.insight)])

    def prompt(self, call: int) -> str:
        """Everything the model was sent in one call (instructions and user parts)."""
        messages, info = self.calls[call]
        parts = [info.instructions or ""]
        for m in messages:
            if isinstance(m, ModelRequest):
                parts += [str(getattr(p, "content", "")) for p in m.parts]
        return "\n".join(parts)


def settings(script, **kw) -> AnalysisSettings:
    return AnalysisSettings(model=FunctionModel(script), **kw)


GOOD = {"intent": "compare", "measures": [{"column": "Revenue", "agg": "sum"}], "dimension": {"column": "Region"}}


def test_structured_plan_and_worded_insight(datasets):
    s = Scripted([GOOD])
    ans = answer(datasets["sales"], "how is revenue split across regions?", settings=settings(s))
    assert ans.planner == "llm"
    assert ans.plan["x"]["field"] == "Region" and ans.plan["y"] == {"field": "Revenue", "aggregate": "sum"}
    assert 'sum("Revenue")' in ans.sql and ans.chart_type == "bar"
    assert ans.insight == "West leads with $738K."
    assert len(s.calls) == 2  # plan + wording


def test_prompt_has_profile_but_no_rows(datasets):
    s = Scripted([GOOD])
    answer(datasets["sales"], "revenue by region", settings=settings(s))
    prompt = s.prompt(0)
    assert "Revenue" in prompt and "Customer Name" in prompt and '"West"' in prompt  # profile: names, values
    assert "2024-06-30" in prompt  # the latest date, for relative periods
    for row_value in ("ORD-10000", "ORD-10001", "738381"):  # an order id, a row's id, a total
        assert row_value not in prompt


def test_insight_with_an_invented_number_is_not_used(datasets):
    s = Scripted([GOOD], insight="West leads with $999K, up 42% on last year.")
    ans = answer(datasets["sales"], "revenue by region", settings=settings(s))
    assert "999" not in ans.insight and "$738K" in ans.insight


def test_repair_round_after_a_bad_plan(datasets):
    bad = {"intent": "compare", "measures": [{"column": "Turnover", "agg": "sum"}], "dimension": {"column": "Region"}}
    s = Scripted([bad, GOOD])
    ans = answer(datasets["sales"], "revenue by region", settings=settings(s))
    assert ans.planner == "llm+repair"
    assert len(s.calls) == 2  # plan, repair; no third call for the wording
    repair_prompt = s.prompt(1)
    assert "'Turnover' is not a column" in repair_prompt
    assert ans.plan["x"]["field"] == "Region"


def test_two_failures_fall_back_to_the_embedded_planner(datasets):
    bad = {"intent": "compare", "measures": [{"column": "Nope", "agg": "sum"}]}
    s = Scripted([bad, bad])
    ans = answer(datasets["sales"], "total revenue by region", settings=settings(s))
    assert len(s.calls) == 2
    assert ans.planner == "embedded (model failed)" and ans.plan["x"]["field"] == "Region"


def test_two_failures_without_fallback_are_unanswerable(datasets):
    bad = {"intent": "compare", "measures": [{"column": "Nope", "agg": "sum"}]}
    s = Scripted([bad, bad])
    with pytest.raises(Unanswerable):
        answer(datasets["sales"], "total revenue by region", settings=settings(s, fall_back_to_embedded=False))


def test_invalid_output_counts_as_a_failed_plan(datasets):
    s = Scripted([{"intent": "dance", "measures": "lots"}, GOOD])
    ans = answer(datasets["sales"], "revenue by region", settings=settings(s))
    assert ans.planner == "llm+repair" and len(s.calls) == 2


def test_follow_up_sends_the_previous_plan(datasets):
    first = answer(datasets["sales"], "revenue by region")
    edited = dict(GOOD, filters=[{"column": "Segment", "op": "=", "values": ["Consumer"]}])
    s = Scripted([edited])
    ans = answer(datasets["sales"], "only consumers", previous=first.state, settings=settings(s))
    assert '"dimension":{"column":"Region"' in s.prompt(0) and "previous chart" in s.prompt(0)
    assert ans.plan["filters"] == [{"field": "Segment", "op": "=", "value": "Consumer"}]


def test_rate_limit_is_transient(datasets):
    def limited(messages, info):
        raise ModelHTTPError(status_code=429, model_name="test", body="slow down")
    with pytest.raises(TransientAnalysisError):
        answer(datasets["sales"], "revenue by region", settings=AnalysisSettings(model=FunctionModel(limited)))


def test_unusable_model_falls_back_to_embedded(datasets, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    ans = answer(datasets["sales"], "revenue by region", settings=AnalysisSettings(model="openai:gpt-4o-mini"))
    assert ans.planner == "embedded (model unavailable)" and ans.plan["x"]["field"] == "Region"


def test_word_insights_can_be_turned_off(datasets):
    s = Scripted([GOOD])
    ans = answer(datasets["sales"], "revenue by region", settings=settings(s, word_insights_with_model=False))
    assert len(s.calls) == 1 and "31%" in ans.insight


def test_pydantic_ai_test_model_plan_is_safe(datasets):
    """TestModel fills the schema with arbitrary values: whatever it produces is validated."""
    ans = answer(datasets["sales"], "anything", settings=AnalysisSettings(model=TestModel()))
    assert ans.planner in ("llm", "llm+repair", "embedded (model failed)")
    json.dumps(ans.spec)


def test_model_plan_goes_through_the_same_validation(datasets):
    """The model returns a plan only; the engine validates it like an embedded one (names fixed)."""
    s = Scripted([{"intent": "compare", "measures": [{"column": "revenue", "agg": "sum"}],
                   "dimension": {"column": "REGION"}}])
    ans = answer(datasets["sales"], "revenue by region", settings=settings(s, word_insights_with_model=False))
    assert ans.planner == "llm" and len(s.calls) == 1
    assert ans.plan["x"]["field"] == "Region" and ans.plan["y"] == {"field": "Revenue", "aggregate": "sum"}
