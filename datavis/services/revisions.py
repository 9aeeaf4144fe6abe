"""Revisions: a chart re-answered with one plan edit (a chip changed on the page).

A revision takes ``/analyze``'s path: the task and the user's message — a readable
description such as "Change: average instead of total" — are recorded together, published
to QStash, and the receiver stores exactly one answer (``analysis.revise`` runs the edited
plan of the chart).
"""
from __future__ import annotations

from typing import Any

from datavis.services import chart_rows, submission

AGGREGATE_WORDS = {"sum": "total", "avg": "average", "median": "median", "min": "minimum",
                   "max": "maximum", "count": "count of rows", "count_distinct": "count of distinct values"}
GRAIN_WORDS = {"year": "year", "quarter": "quarter", "month": "month", "week": "week", "day": "day",
               "weekday": "day of week", "month_of_year": "month of year", "hour": "hour"}
# The explained plan names grains as Vega-Lite time units.
VEGA_GRAINS = {"year": "year", "yearquarter": "quarter", "yearmonth": "month", "yearweek": "week",
               "yearmonthdate": "day", "yearmonthdatehours": "hour", "day": "weekday",
               "month": "month_of_year", "hours": "hour"}
# The same words as the page's filter chips (web/static/chips.js), so the chat reads like the chip removed.
FILTER_WORDS = {"=": "is", "!=": "is not", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "in": "is", "not_in": "is not",
                "between": "between", "contains": "contains", "not_contains": "does not contain",
                "starts_with": "starts with", "is_null": "is missing", "not_null": "is present", "weekday": "is on"}
CHART_WORDS = {"bar": "bar chart", "line": "line chart", "area": "area chart", "arc": "pie chart",
               "point": "scatter plot", "table": "table", "kpi": "single number",
               "histogram": "histogram", "boxplot": "box plot", "heatmap": "heatmap"}


def _instead(new: str, old: str | None) -> str:
    return f"{new} instead of {old}" if old and old != new else new


def _filter_words(f: dict[str, Any]) -> str:
    """A filter as its chip reads: "order_date is on Saturday, Sunday", "revenue between 10 and 20"."""
    op = FILTER_WORDS.get(f["op"], f["op"])
    if f["op"] in ("is_null", "not_null"):
        return f"{f['field']} {op}"
    value = f["value"]
    if isinstance(value, list):
        value = (" and " if f["op"] == "between" else ", ").join(map(str, value))
    return f"{f['field']} {op} {value}"


def describe(edit: dict[str, Any], plan: dict[str, Any]) -> str:
    """The user's side of a revision, in words: "Change: average instead of total"."""
    [(key, value)] = edit.items()
    measure = (plan.get("measures") or [plan.get("y") or {}])[0] or {}
    x = plan.get("x") or {}
    if key == "aggregate":
        text = _instead(AGGREGATE_WORDS[value], AGGREGATE_WORDS.get(measure.get("aggregate") or ""))
    elif key == "measure":
        text = _instead(value, measure.get("field"))
    elif key == "dimension":
        text = _instead(f"by {value}", x.get("field") and f"by {x['field']}")
    elif key == "time_unit":
        old = VEGA_GRAINS.get(x.get("time_unit") or "")
        text = _instead(f"by {GRAIN_WORDS[value]}" if value else "exact dates",
                        old and f"by {GRAIN_WORDS[old]}")
    elif key == "color":
        old = plan.get("color") and f"colour by {plan['color']}"
        text = _instead(f"colour by {value}" if value else "no colour", old)
    elif key == "chart_type":
        text = _instead(CHART_WORDS[value], CHART_WORDS.get(plan.get("chart_type") or ""))
    elif key == "remove_filter":
        filters = plan.get("filters") or []
        if value < len(filters):
            text = f"without the filter {_filter_words(filters[value])}"
        else:
            text = f"without filter number {value}"
    else:  # limit
        old = plan.get("limit") and f"top {plan['limit']}"
        text = _instead(f"top {value}" if value else "show all", old)
    return f"Change: {text}"


def submit(chart_id: str, edit: dict[str, Any], request_id: str | None = None) -> dict[str, Any]:
    """Queue the revision of a chart (NotFound if there is no such chart); 202 like /analyze."""
    chart = chart_rows.get(chart_id)
    return submission.submit(describe(edit, chart["plan"]), chart["file_id"], chart["chat_id"],
                             request_id, is_follow_up=True, last_chart_id=chart_id, edit=edit)
