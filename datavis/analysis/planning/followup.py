"""Follow-ups edit the previous plan of the chat: "now by month", "only for 2023", "what about
profit?", "top 3", "as a line chart", "split by segment"; "start over" forgets it."""
from __future__ import annotations

import re

from ..errors import Unanswerable
from .plan import Dimension, Measure, Order, Plan
from ..language.parsing import Parsed, is_numeric, main_temporal
from .rules import build_plan
from ..datasets.profile import is_identifier


def is_follow_up(p: Parsed, previous: Plan | None, forced: bool) -> bool:
    if previous is None or p.reset:
        return False
    if forced or p.followup_cue:
        return True
    # a message that names no column of its own but changes something
    edits = p.filters or p.grain or p.chart or p.limit or p.order_desc is not None
    return not p.mentions and bool(edits)


def apply_follow_up(prev: Plan, p: Parsed, profile: dict) -> tuple[Plan, list[str]]:
    by_name = profile["_by_name"]
    plan = prev.model_copy(deep=True)
    plan.assumptions = [a for a in plan.assumptions if not a.startswith("I read")]
    changes: list[str] = []
    text = p.text.s
    free = [m for m in p.mentions if id(m) not in p.filter_mentions]
    # filters: replace those on the same column, add the rest
    if p.filters:
        cols = {f.column for f in p.filters}
        plan.filters = [f for f in plan.filters if f.column not in cols] + list(p.filters)
        if p.period:
            plan.period = p.period
        changes.append("filter")
    if re.search(r"\b(all|every) (rows|data|regions|years|time)\b|\bremove (the )?filters?\b|\bno filters?\b", text):
        plan.filters, plan.period = [], None
        changes.append("filters removed")
    # measure: "what about profit?", "average instead"
    measure_cols = [m for m in free if is_numeric(by_name[m.column]) and by_name[m.column]["role"] == "measure"]
    # identifiers ("workers" → Employee ID) never become the chart's categories
    dim_cols = [m for m in free if not (is_numeric(by_name[m.column]) and by_name[m.column]["role"] == "measure")
                and not is_identifier(by_name[m.column])]
    agg = next((c.value for c in p.aggs), None)
    if measure_cols:
        col = by_name[measure_cols[0].column]
        new_agg = agg if agg and agg != "count" else ("sum" if col.get("additive", True) else "avg")
        if plan.measures and plan.measures[0].agg not in ("count", "count_distinct", "none") and not agg:
            old = plan.measures[0].agg
            new_agg = old if old in ("avg", "median", "min", "max") or col.get("additive", True) else new_agg
        if plan.intent == "correlation" and len(plan.measures) >= 2:
            plan.measures[1] = Measure(column=col["name"], agg="none")
        else:
            plan.measures = [Measure(column=col["name"], agg=new_agg)]
            if plan.intent in ("distribution",) and plan.dimension and plan.dimension.bins:
                plan.dimension = Dimension(column=col["name"], bins=plan.dimension.bins)
                plan.measures = [Measure(column=None, agg="count")]
        changes.append("measure")
    elif agg and plan.measures:
        m = plan.measures[0]
        if agg == "count":
            plan.measures = [Measure(column=None, agg="count")]
        elif m.column and agg in ("sum", "avg", "median", "min", "max"):
            plan.measures[0] = Measure(column=m.column, agg=agg)
        changes.append("aggregation")
    # dimension: "by segment" replaces; "split by / also by" adds a colour
    if dim_cols:
        d = dim_cols[0].column
        color_words = re.search(r"\b(split|break(?:down)?|broken|colou?r|stack|also|segment(?:ed)?)\b.{0,12}\b(by|per)\b|"
                                r"\band by\b", text)
        if color_words and plan.dimension is not None and d != plan.dimension.column:
            plan.color = d
            changes.append("colour")
        elif by_name[d]["role"] == "temporal" and not is_numeric(by_name[d]) or by_name[d].get("year_like"):
            plan.dimension = Dimension(column=d, grain=p.grain if by_name[d]["type"] != "integer" else None)
            plan.intent = "trend"
            changes.append("dimension")
        else:
            plan.dimension = Dimension(column=d)
            if plan.intent == "trend":
                plan.intent = "compare"
            if plan.color == d:
                plan.color = None
            if plan.intent == "kpi":
                plan.intent = "compare"
            changes.append("dimension")
    # time grain: "now by month", "weekly"
    if p.grain:
        tcol = None
        if plan.dimension is not None and by_name[plan.dimension.column]["type"] in ("date", "datetime"):
            tcol = by_name[plan.dimension.column]
        if tcol is None:
            tcol = main_temporal(profile)
            if tcol is None or tcol["type"] not in ("date", "datetime"):
                raise Unanswerable("this dataset has no date column, so it cannot be shown by "
                                   f"{p.grain.replace('_', ' ')}")
            if plan.dimension is not None and plan.dimension.column != tcol["name"] and not plan.color and \
                    by_name[plan.dimension.column]["role"] != "temporal" and re.search(r"\b(and|split|also)\b", text):
                plan.color = plan.dimension.column
            plan.dimension = Dimension(column=tcol["name"], grain=p.grain)
        else:
            plan.dimension.grain = p.grain
        plan.intent = "trend"
        if plan.chart in ("arc", "kpi"):
            plan.chart = "auto"
        changes.append("grain")
    # chart type
    if p.chart:
        plan.chart = p.chart
        if p.chart == "histogram" and plan.measures and plan.measures[0].column:
            plan.dimension = Dimension(column=plan.measures[0].column, bins=20)
            plan.measures = [Measure(column=None, agg="count")]
            plan.intent = "distribution"
        changes.append("chart")
    if p.share:
        plan.share = True
        if plan.intent != "trend":
            plan.intent = "part_to_whole"
        changes.append("share")
    # order and top-N
    if p.limit:
        plan.limit = p.limit
        plan.order = Order(by="measure", desc=p.limit_desc)
        changes.append("limit")
    if p.order_desc is not None:
        by = "dimension" if p.order_target == "x" or (plan.dimension and p.order_target == plan.dimension.column) \
            else "measure"
        plan.order = Order(by=by, desc=p.order_desc)
        changes.append("order")
    if re.search(r"\b(all of them|show all|no limit|remove the limit|everything)\b", text):
        plan.limit = None
        changes.append("limit removed")
    if not changes:
        # nothing recognised as an edit: treat it as a new question (it must stand on its own)
        return build_plan(p, profile), ["new question"]
    plan.evidence = list(dict.fromkeys(plan.evidence + p.evidence))
    used = {m.column for m in plan.measures} | {f.column for f in plan.filters} | {plan.color} | \
        ({plan.dimension.column} if plan.dimension else set())  # a reading the plan does not use is not claimed
    plan.assumptions = list(dict.fromkeys(plan.assumptions + p.notes + [
        f"I read '{m.words}' as {m.column}" for m in p.mentions
        if m.column in used and m.tier != "exact" and m.words.lower() != m.column.lower()]))
    return plan, changes
