"""revise(): one plan edit (a "How I read it" chip changed on the page) applied to a previous
answer's plan, validated like any plan, then run and presented like a question.

An edit is a dict with exactly one key (README, "Revisions"): aggregate, measure, dimension,
time_unit, color, chart_type, remove_filter or limit. An edit that cannot apply to this plan
raises Unanswerable with a message that names the problem.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from .datasets.store import load_profile
from .engine import DEFAULT_SETTINGS, execute, present, previous_plan
from .errors import Unanswerable
from .labels import CHART_NAMES
from .models import EDIT_AGGREGATES as AGGREGATES
from .models import EDIT_CHART_TYPES as CHART_TYPES
from .models import EDIT_TIME_UNITS as TIME_UNITS
from .models import AnalysisSettings, Answer
from .plan import Dimension, Measure, Order, Plan
from .planning.edits import aggregated, on_axis, with_measure

CHART_NEEDS = {"heatmap": " (it needs a colour column: choose one first)",
               "arc": " (it needs positive values and no colour)",
               "kpi": " (it needs a result of one row)"}
DATES = ("date", "datetime")
NUMBERS = ("integer", "number")
HISTOGRAM_BINS = 20


def _column(profile: dict[str, Any], name: Any) -> dict[str, Any]:
    col: dict[str, Any] | None = profile["_by_name"].get(name) or profile["_by_lower"].get(str(name).lower().strip())
    if col is None:
        raise Unanswerable(f"'{name}' is not a column of this dataset")
    return col


def _take(plan: Plan, edited: Plan) -> None:
    """The edits here change the plan in place; the ones shared with follow-ups return a copy."""
    for name in Plan.model_fields:
        setattr(plan, name, getattr(edited, name))


def _aggregate(plan: Plan, agg: Any, profile: dict[str, Any]) -> str:
    if agg not in AGGREGATES:
        raise Unanswerable(f"'{agg}' is not an aggregate; choose one of {', '.join(AGGREGATES)}")
    _take(plan, aggregated(plan, agg))
    return "aggregation"


def _measure(plan: Plan, name: Any, profile: dict[str, Any]) -> str:
    _take(plan, with_measure(plan, _column(profile, name), None, keep_others=True))
    return "measure"


def _dimension(plan: Plan, name: Any, profile: dict[str, Any]) -> str:
    _take(plan, on_axis(plan, _column(profile, name), None, profile))
    return "dimension"


def _time_unit(plan: Plan, unit: Any, profile: dict[str, Any]) -> str:
    if unit is not None and unit not in TIME_UNITS:
        raise Unanswerable(f"'{unit}' is not a time grain; choose one of {', '.join(TIME_UNITS)}")
    dimension = plan.dimension
    col = profile["_by_name"][dimension.column] if dimension else None
    if dimension is None or col is None or col["type"] not in DATES:
        raise Unanswerable("the chart is not over a date, so it has no time grain to change")
    if unit == "hour" and col["type"] == "date":
        raise Unanswerable(f"'{col['name']}' holds dates without a time of day, so it cannot be "
                           "shown by hour")
    dimension.grain = unit
    return "grain"


def _color(plan: Plan, name: Any, profile: dict[str, Any]) -> str:
    if name is None:
        plan.color = None
        return "colour removed"
    col = _column(profile, name)
    if plan.dimension is None:
        raise Unanswerable("the chart has no x axis to split by colour")
    if col["name"] == plan.dimension.column:
        raise Unanswerable(f"'{col['name']}' is already on the x axis; colour by another column")
    plan.color = col["name"]
    return "colour"


def _chart_type(plan: Plan, chart: Any, profile: dict[str, Any]) -> str:
    if chart not in CHART_TYPES:
        raise Unanswerable(f"'{chart}' is not a chart type; choose one of {', '.join(CHART_TYPES)}")
    binned = plan.dimension is not None and plan.dimension.bins
    if chart == "boxplot" and binned:  # the spread of the column the histogram bins
        assert plan.dimension is not None  # binned
        plan.measures = [Measure(column=plan.dimension.column, agg="sum")]
        plan.dimension = None
    elif chart == "histogram" and not binned:
        column = next((m.column for m in plan.measures if m.column), None)
        if column is None or profile["_by_name"][column]["type"] not in NUMBERS:
            raise Unanswerable("a histogram needs a numeric measure to bin")
        plan.dimension = Dimension(column=column, bins=HISTOGRAM_BINS)
        plan.measures = [Measure(column=None, agg="count")]
        plan.color, plan.intent = None, "distribution"
    plan.chart = chart
    return "chart"


def _remove_filter(plan: Plan, index: Any, profile: dict[str, Any]) -> str:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(plan.filters):
        raise Unanswerable(f"there is no filter number {index} to remove "
                           f"(this chart has {len(plan.filters)})")
    plan.filters.pop(index)
    if not any(profile["_by_name"][f.column]["role"] == "temporal" for f in plan.filters):
        plan.period = None  # the period described a date filter that is gone
    return "filter removed"


def _limit(plan: Plan, limit: Any, profile: dict[str, Any]) -> str:
    if limit is None:
        plan.limit = None
        return "limit removed"
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise Unanswerable(f"'{limit}' is not a number of items to show")
    plan.limit = limit
    plan.order = plan.order or Order(by="measure", desc=True)
    return "limit"


EDITS: dict[str, Callable[[Plan, Any, dict[str, Any]], str]] = {
    "aggregate": _aggregate, "measure": _measure, "dimension": _dimension,
    "time_unit": _time_unit, "color": _color, "chart_type": _chart_type,
    "remove_filter": _remove_filter, "limit": _limit,
}


def revise(dataset_dir: Path, previous_state: dict[str, Any], edit: dict[str, Any], *,
           settings: AnalysisSettings = DEFAULT_SETTINGS) -> Answer:
    """The previous answer (its ``Answer.state``) with ``edit`` applied, answered anew."""
    try:
        return _revise(Path(dataset_dir), previous_state, edit, settings)
    except Unanswerable as exc:  # shown in the chat as the assistant's sentence
        text = str(exc).strip()
        raise Unanswerable(text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) from exc


def _revise(dataset_dir: Path, previous_state: dict[str, Any], edit: dict[str, Any],
            settings: AnalysisSettings) -> Answer:
    profile = load_profile(dataset_dir)["profile"]
    plan = previous_plan(previous_state, profile)
    if plan is None:
        raise Unanswerable("the chart to change can no longer be read; ask the question again")
    if not isinstance(edit, dict) or len(edit) != 1 or next(iter(edit)) not in EDITS:
        raise Unanswerable(f"an edit changes exactly one of {', '.join(EDITS)}")
    [(key, value)] = edit.items()
    change = EDITS[key](plan, value, profile)
    plan.evidence.append(f"edit: changed {change}")
    try:
        executed = execute(dataset_dir, plan, profile, settings)
    except duckdb.Error as exc:  # a validated plan must run; say so plainly if it does not
        raise Unanswerable(f"I could not compute that ({str(exc).splitlines()[0][:200]})") from exc
    answer = present(executed, profile, previous_state.get("question", ""), "edit")
    if key == "chart_type" and answer.chart_type != value and (value, answer.chart_type) != ("kpi", "table"):
        raise Unanswerable(f"this result cannot be drawn as {CHART_NAMES[value]}"
                           f"{CHART_NEEDS.get(value, '')}; it is shown as {CHART_NAMES[answer.chart_type]}")
    return answer
