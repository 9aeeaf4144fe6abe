"""The explainable plan (what GET /charts/<id> shows) and the chart title, in the dataset's
own column names: "Total Revenue by Region, 2023 only"."""
from __future__ import annotations

from typing import Any

from ..labels import measures_name
from ..language.names import humanize
from ..plan import Filter, Measure, Plan
from ..sql.compiler import Query
from ..sql.derived import compared_words, derived_summary
from .format import fmt_number

VL_TIME_UNITS = {"year": "year", "quarter": "yearquarter", "month": "yearmonth", "week": "yearweek",
                 "day": "yearmonthdate", "hour": "yearmonthdatehours", "weekday": "day",
                 "month_of_year": "month", "hour_of_day": "hours"}
_GRAIN_WORDS = {"year": "year", "quarter": "quarter", "month": "month", "week": "week", "day": "day",
                "hour": "hour", "weekday": "day of week", "month_of_year": "month of year",
                "hour_of_day": "hour of day"}
_OPS = {"=": "", "!=": "excluding ", ">": "over ", ">=": "at least ", "<": "under ", "<=": "at most ",
        "in": "", "not_in": "excluding ", "between": "between ", "contains": "containing ",
        "not_contains": "not containing ", "starts_with": "starting with ", "is_null": "missing",
        "not_null": "present", "weekday": "on "}


def _agg_name(agg: str | None) -> str | None:
    return None if agg in (None, "none") else agg


def explain(plan: Plan, q: Query, chart: str, explicit_order: bool = True) -> dict[str, Any]:
    x: dict[str, Any] | None = None
    y: dict[str, Any] | None = None
    measures = [{"field": m.column, "aggregate": _agg_name(m.agg)} for m in plan.measures]
    if plan.dimension is not None:
        d = plan.dimension
        x = {"field": d.column, "time_unit": VL_TIME_UNITS.get(d.grain) if d.grain else None,
             "bin": bool(d.bins) or None}
        if q.kind == "histogram":
            y = {"field": None, "aggregate": "count"}
        elif plan.measures:
            m = plan.measures[0]
            y = {"field": m.column, "aggregate": _agg_name(m.agg)}
    elif len(plan.measures) >= 2 and q.kind == "raw":
        x = {"field": plan.measures[0].column, "time_unit": None, "bin": None}
        y = {"field": plan.measures[1].column, "aggregate": None}
    elif plan.measures:
        m = plan.measures[0]
        y = {"field": m.column, "aggregate": _agg_name(m.agg)}
    if y is not None and q.kind != "histogram" and plan.measures and plan.measures[0].kind is not None:
        y["derived"] = derived_summary(plan.measures[0])
    order = None
    if plan.order is not None:
        order = {"by": "x" if plan.order.by == "dimension" else "y", "desc": plan.order.desc,
                 "explicit": explicit_order}
    return {
        "intent": plan.intent, "chart_type": chart, "x": x, "y": y, "measures": measures, "color": plan.color,
        "filters": [{"field": f.column, "op": f.op, "value": f.other if f.other is not None else
                     f.values[0] if len(f.values) == 1 else f.values} for f in plan.filters],
        "order": order, "limit": plan.limit, "share": plan.share, "period": plan.period,
        "assumptions": list(dict.fromkeys(plan.assumptions)),
        "data_fields": {"x": q.x if q.x else (q.ys[0] if q.kind == "raw" and len(q.ys) > 1 else None),
                        "y": (q.ys[1] if q.kind == "raw" and q.x is None and len(q.ys) > 1 else
                              (q.ys[0] if q.ys else None)),
                        "ys": list(q.ys) if q.kind == "kpi" or q.several else None,
                        "color": q.color},
        "other": q.extra.get("other_x") or q.extra.get("other_color"),
    }


def filter_phrase(f: Filter, period: str | None = None) -> str:
    vals = [fmt_number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v) for v in f.values]
    if f.other is not None:  # "OnHand under ReorderLevel"
        return compared_words(f)
    if f.op in ("=", "!=") and len(f.values) == 1 and isinstance(f.values[0], bool):
        holds = f.values[0] == (f.op == "=")  # a Yes/No column reads as its name
        return f"{f.column} only" if holds else f"not {f.column}"
    if f.op == "between":
        return f"{f.column} between {vals[0]} and {vals[1]}"
    if f.op in ("=", "in", "weekday"):
        return f"{' or '.join(vals)} only"
    if f.op in ("is_null", "not_null"):
        return f"{f.column} {_OPS[f.op]}"
    if f.op in ("!=", "not_in"):
        return f"excluding {' and '.join(vals)}"
    return f"{f.column} {_OPS[f.op]}{' or '.join(vals)}"


def _words(column: str) -> str:
    """A column as words inside a title: 'order_date' → 'order date', 'Region' stays."""
    text = humanize(column)
    return text[0].lower() + text[1:] if column == column.lower() else text


def _column(m: Measure) -> str:
    """The column of a measure drawn as raw values or a box plot (only a count has none)."""
    assert m.column is not None
    return m.column


def title_for(plan: Plan, q: Query, profile: dict[str, Any]) -> str:
    if q.kind == "histogram":
        head = f"Distribution of {_words(q.extra['column'])}"
    elif q.kind == "boxplot":
        head = f"Spread of {_words(q.extra['column'])}" + (
            f" by {_words(plan.dimension.column)}" if plan.dimension else "")
    elif q.kind == "table":
        head = "Rows of " + ", ".join(q.ys[:4])
    elif q.kind == "raw" and plan.dimension is None:
        head = (f"{humanize(_column(plan.measures[1]))} vs {_words(_column(plan.measures[0]))}"
                if len(plan.measures) > 1 else humanize(_column(plan.measures[0])))
    else:
        label = measures_name(plan.measures, profile)
        head = label
        if plan.dimension is not None:
            d = plan.dimension
            grain = f" ({_GRAIN_WORDS[d.grain]})" if d.grain else ""
            if plan.limit:
                head = (f"{'Top' if not plan.order or plan.order.desc else 'Bottom'} {plan.limit} "
                        f"{_words(d.column)}{' and the rest' if q.extra.get('other_x') else ''} by {label}")
            else:
                head = f"{label} by {_words(d.column)}{grain}"
        if plan.color:
            head += f", split by {_words(plan.color)}"
        if plan.share and plan.dimension is not None:
            head = "Share of " + head[0].lower() + head[1:]
    parts = []
    temporal_done = False
    for f in plan.filters:
        col = profile["_by_name"].get(f.column, {})
        if col.get("role") == "temporal" and plan.period and f.op in ("between", ">=", "<=", "=", "<", ">"):
            if not temporal_done:
                parts.append(plan.period.split(" (")[0])
                temporal_done = True
            continue
        parts.append(filter_phrase(f))
    if parts:
        head += ", " + ", ".join(parts)
    return head[:200]
