"""Result shape + plan → chart type and a Vega-Lite v5 spec with the data inline.

An explicit chart word wins when the result can be drawn that way; otherwise the shape
decides (notes §7). SQL already sorted the rows, so nominal axes keep the data's order.
Several measures are folded into one series each (grouped bars, a multi-line chart);
``usermeta.datavis`` says how the spec's data derives from the rows, for check.py.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..labels import count_label, measure_name
from ..language.names import humanize
from ..language.rownoun import counted_noun
from ..plan import Measure, Plan, cyclic_axis, ranks_by_measure
from ..sql.compiler import Query
from ..sql.derived import is_percent
from .format import fmt_number, fmt_pct, money_symbol

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_TIME_UNITS = {"year": "utcyear", "quarter": "utcyearquarter", "month": "utcyearmonth", "week": "utcyearmonthdate",
               "day": "utcyearmonthdate", "hour": "utcyearmonthdatehours"}
MAX_BARS = 60
_PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d",
            "#bab0ac"]  # Vega's tableau10, the default for nominal colours
_OTHER_GREY = "#d4d4d4"
_GRAIN_SUFFIX = {"year": " (year)", "quarter": " (quarter)", "month": " (month)", "week": " (week)",
                 "day": " (day)", "hour": " (hour)", "weekday": " (day of week)",
                 "month_of_year": " (month of year)", "hour_of_day": " (hour of day)"}
_WIDTH, _HEIGHT = 560, 320


_PATH_CHARS = set("\\.[]'\"")


def _plain(name: str) -> bool:
    return name.isprintable() and not _PATH_CHARS & set(name)


def plain_fields(spec: dict[str, Any]) -> dict[str, Any]:
    """Vega-Lite reads quotes, dots, brackets and backslashes in a field name as an access
    path, and its escaping fails for some of them (quotes, backslashes, line breaks): the
    data keys that hold any are renamed to plain words in the spec, and every encoding of
    them keeps the column's own name as its title. The chart's ``data`` keeps the names."""
    values = spec.get("data", {}).get("values") or []
    names = list(dict.fromkeys(key for row in values for key in row))
    taken, renamed = set(names), {}
    for name in names:
        if _plain(name):
            continue
        base = re.sub(r"\W+", "_", name).strip("_") or "field"
        new, n = base, 1
        while new in taken:
            n += 1
            new = f"{base}_{n}"
        taken.add(new)
        renamed[name] = new
    if renamed:
        spec["data"] = {"values": [{renamed.get(k, k): v for k, v in row.items()} for row in values]}
        _rename_fields(spec, renamed)
    return spec


def _rename_fields(node: object, renamed: dict[str, str]) -> None:
    if isinstance(node, dict):
        field = node.get("field")
        if isinstance(field, str) and field in renamed:
            node.setdefault("title", field)
            node["field"] = renamed[field]
        for key, value in node.items():
            if key != "data":
                _rename_fields(value, renamed)
    elif isinstance(node, list):
        for item in node:
            _rename_fields(item, renamed)


def choose_chart(plan: Plan, q: Query, rows: list[dict[str, Any]]) -> str:
    if q.kind in ("kpi", "histogram", "boxplot", "table"):
        if q.kind == "kpi" and plan.chart == "table":
            return "table"
        return q.kind
    if q.x is None:  # two measures, row level
        return "point" if len(q.ys) >= 2 else "table"
    asked = plan.chart
    n = len({r.get(q.x) for r in rows})
    several = q.several  # folded into one series per measure
    # a max/min of a date column is a date: only numbers can be negative
    positive = all(not isinstance(v, (int, float)) or v >= 0 for v in (r.get(q.ys[0]) for r in rows))
    if asked == "histogram" or asked == "boxplot":
        asked = "bar"
    if asked == "point" and plan.intent == "correlation" and q.x_type == "nominal" and q.color:
        asked = "bar"  # "churned vs retained accounts for each plan" compares counts of categories, side by side
    if asked in ("bar", "line", "area", "point", "table"):
        return asked
    if asked == "auto" and len(rows) == 1 and plan.limit == 1 and not q.color and not several and \
            all(m.agg == "none" for m in plan.measures):
        return "kpi"  # "the largest order": one row by its own value is a number with its name, not one bar
    if asked == "arc":
        return "arc" if positive and not q.color and not several else "bar"
    if asked == "heatmap":
        return "heatmap" if q.color and not several else "bar"
    if asked == "kpi":
        return "table" if len(rows) > 1 else "kpi"
    # automatic; "A vs B" over categories (nominal x) compares them side by side: bars, not dots
    related = plan.intent == "correlation" and q.x_type != "nominal"
    if related and len(q.ys) >= 2:
        return "point"
    if ranks_by_measure(plan) and q.x_type == "temporal" and plan.dimension and plan.dimension.grain in (None, "day"):
        return "bar"  # "the 10 days with the most clicks": days picked by their value, not a run of time
    if q.x_type == "temporal" or (q.x_type == "ordinal" and plan.intent == "trend" and not q.x_sort
                                                            and not cyclic_axis(plan)):
        return "line" if n >= 3 else "bar"
    if related:
        return "point"
    if plan.intent == "part_to_whole" and not q.color and not several and positive and 1 < n <= 8:
        return "arc"
    if q.color and not several and n > 12 and len({r.get(q.color) for r in rows}) > 8:
        return "heatmap"
    return "bar"


def _locale(plan: Plan, q: Query, profile: dict[str, Any]) -> dict[str, Any]:
    """The number locale of a chart whose money is not in dollars: d3's "$" format writes the
    locale's currency, so "€"/"£" columns show their own sign on axes and tooltips."""
    shown = [*plan.measures, *(Measure(column=c, agg="none") for c in (q.extra.get("column"), q.x) if c)]
    symbol = next((s for m in shown if (s := money_symbol(m, profile)) is not None), None)
    if symbol in (None, "$"):
        return {}
    return {"locale": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": [symbol, ""]}}}


def _num_format(money: bool, axis: bool) -> str:
    """One rule for the chart's numbers: an axis of thousands abbreviates (1.2M), a tooltip shows
    the value (1,234,567.5); money has its sign on both, as in the insight (the sign is the
    chart's locale currency: `_locale`)."""
    return ("$" if money else "") + ("~s" if axis else ",.2~f")


def _num_axis(field_name: str, label: str, money: bool, values: Iterable[object]) -> dict[str, Any]:
    """A measure's axis; below a thousand it writes plain numbers (SI would turn 0.45 into "450m")."""
    big = any(isinstance(v, (int, float)) and abs(v) >= 1000 for v in values)
    return {"field": field_name, "type": "quantitative", "title": label,
            "axis": {"format": _num_format(money, axis=big)}}


def _tooltip(fields: list[tuple[str, str, str]], money: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Tooltip fields (name, type, title); the quantitative ones named in `money` are money."""
    out = []
    for name, typ, title in fields:
        t = {"field": name, "type": typ, "title": title}
        if typ == "quantitative":
            t["format"] = _num_format(name in money, axis=False)
        out.append(t)
    return out


def build_spec(chart: str, plan: Plan, q: Query, rows: list[dict[str, Any]], title: str, profile: dict[str, Any],
               y_labels: dict[str, str]) -> dict[str, Any]:
    return plain_fields(_build_spec(chart, plan, q, rows, title, profile, y_labels))


@dataclass
class Axes:
    """The encodings shared by the charts of an x axis and one or more measures."""

    x: dict[str, Any]
    y: dict[str, Any]
    tooltip: list[dict[str, Any]]
    color: dict[str, Any] | None
    n: int  # distinct x values
    xlabel: str
    ylabel: str
    data: list[dict[str, Any]]  # the rows as the spec holds them (folded when there are several measures)
    folded: str | None = None  # the field naming the measure of each folded row
    meta: dict[str, Any] = field(default_factory=dict)  # how the spec's data derives from the rows (check.py)


def _build_spec(chart: str, plan: Plan, q: Query, rows: list[dict[str, Any]], title: str, profile: dict[str, Any],
                y_labels: dict[str, str]) -> dict[str, Any]:
    base = {"$schema": SCHEMA, "title": {"text": title, "anchor": "start"}, "data": {"values": rows},
            "config": {"view": {"stroke": None}, "axis": {"labelLimit": 180}, **_locale(plan, q, profile)}}
    if chart == "kpi":
        return _kpi(base, plan, q, rows, profile)
    if chart == "table":
        return _table(base, rows)
    if chart == "histogram":
        return _histogram(base, q, rows, profile)
    if chart == "boxplot":
        return _boxplot(base, q, rows, profile)
    if q.x is None:
        return _scatter(base, q, rows, profile)
    ax = _axes(plan, q, rows, profile, y_labels)
    if q.several:
        ax = _fold(ax, plan, q, rows, profile, y_labels)
    builder = {"arc": _arc, "line": _line, "area": _line, "point": _point, "heatmap": _heatmap}.get(chart, _bar)
    spec = builder({**base, "data": {"values": ax.data}}, chart, plan, q, ax)
    if ax.meta:
        spec["usermeta"] = {"datavis": ax.meta}
    return spec


def _scatter(base: dict[str, Any], q: Query, rows: list[dict[str, Any]], profile: dict[str, Any]) -> dict[str, Any]:
    xm, ym = q.ys[0], q.ys[1]
    money = _raw_money(xm, profile) | _raw_money(ym, profile)
    enc: dict[str, Any] = {
        "x": {**_raw_axis(xm, humanize(xm), xm in money, (r.get(xm) for r in rows)), "scale": {"zero": False}},
        "y": {**_raw_axis(ym, humanize(ym), ym in money, (r.get(ym) for r in rows)), "scale": {"zero": False}},
        "tooltip": _tooltip([(xm, "quantitative", xm), (ym, "quantitative", ym)], money)}
    if q.color:
        enc["color"] = {"field": q.color, "type": "nominal", "title": humanize(q.color)}
        enc["tooltip"].append({"field": q.color, "type": "nominal"})
    return {**base, "mark": {"type": "point", "filled": True, "opacity": 0.7}, "encoding": enc,
            "width": _WIDTH, "height": _HEIGHT}


def _y_label(y: str, m: Measure | None, profile: dict[str, Any], y_labels: dict[str, str]) -> str:
    """A measure's axis title; a count names what is counted ("Number of employees")."""
    return measure_name(m, profile, y_labels.get(y, y))


def _money(measures: list[Measure], profile: dict[str, Any]) -> bool:
    """The measures drawn on one axis are all money."""
    return bool(measures) and all(money_symbol(m, profile) is not None for m in measures)


def _raw_money(column: str, profile: dict[str, Any]) -> frozenset[str]:
    """{column} when its raw values (a scatter's, a histogram's, a box plot's) are money."""
    return frozenset([column]) if _money([Measure(column=column, agg="none")], profile) else frozenset()


def _raw_axis(field_name: str, label: str, money: bool, values: Iterable[object]) -> dict[str, Any]:
    """An axis of raw values: money formatted like a measure's axis, other numbers as they are."""
    if not money:
        return {"field": field_name, "type": "quantitative", "title": label}
    return _num_axis(field_name, label, True, values)


def _x_encoding(plan: Plan, q: Query) -> tuple[dict[str, Any], str]:
    assert q.x is not None  # without an x axis _build_spec draws a scatter
    xlabel = humanize(plan.dimension.column) if plan.dimension else humanize(q.x)
    if plan.dimension and plan.dimension.grain:
        xlabel += _GRAIN_SUFFIX[plan.dimension.grain]
    xenc: dict[str, Any] = {"field": q.x, "type": q.x_type or "nominal", "title": xlabel}
    if q.x_type == "temporal":
        grain = plan.dimension.grain if plan.dimension else None
        xenc["timeUnit"] = _TIME_UNITS.get(grain or "", "utcyearmonthdate")
    elif q.x_sort:
        xenc["sort"] = q.x_sort
    else:
        xenc["sort"] = None  # SQL order
    return xenc, xlabel


def _axes(plan: Plan, q: Query, rows: list[dict[str, Any]], profile: dict[str, Any],
          y_labels: dict[str, str]) -> Axes:
    assert q.x is not None  # the charts of an x axis (_build_spec)
    y = q.ys[0]
    ylabel = _y_label(y, plan.measures[0] if plan.measures else None, profile, y_labels)
    xenc, xlabel = _x_encoding(plan, q)
    money = _money(plan.measures[:1], profile)
    yenc = _num_axis(y, ylabel, money, (r.get(y) for r in rows))
    tips = [(q.x, "temporal" if q.x_type == "temporal" else "nominal", xlabel), (y, "quantitative", ylabel)]
    if q.color:
        tips.insert(1, (q.color, "nominal", humanize(q.color)))
    if q.share:
        tips.append((q.share, "quantitative", "% of total"))
    tooltip = _tooltip(tips, frozenset([y] if money else []))
    if q.x_type == "temporal":
        tooltip[0]["timeUnit"] = xenc["timeUnit"]
    color: dict[str, Any] | None = None
    if q.color:
        color = {"field": q.color, "type": "nominal", "title": humanize(q.color), "sort": None}
        other = q.extra.get("other_color")
        if other is not None:  # the rest comes last in the legend, in grey
            series = [s for s in dict.fromkeys(r.get(q.color) for r in rows) if s != other]
            color["sort"] = series + [other]
            color["scale"] = {"domain": series + [other],
                              "range": [_PALETTE[i % len(_PALETTE)] for i in range(len(series))] + [_OTHER_GREY]}
    n = len({r.get(q.x) for r in rows})
    return Axes(x=xenc, y=yenc, tooltip=tooltip, color=color, n=n, xlabel=xlabel, ylabel=ylabel, data=rows)


def _fold(ax: Axes, plan: Plan, q: Query, rows: list[dict[str, Any]], profile: dict[str, Any],
          y_labels: dict[str, str]) -> Axes:
    """Several measures become one series each: the rows are folded in Python (a measure name
    becomes a value, not a field name, so no Vega-Lite field path can break on it)."""
    assert q.x is not None  # several measures over an x axis (Query.several)
    measures = plan.measures or [Measure(column=None, agg="count")]
    labels = [_y_label(y, measures[min(i, len(measures) - 1)], profile, y_labels) for i, y in enumerate(q.ys)]
    taken = {k for r in rows[:1] for k in r}
    mkey = next(k for k in ("Measure", "measure", "Measure (series)", "_measure") if k not in taken)
    vkey = next(k for k in ("Value", "value", "Value (measure)", "_value") if k not in taken)
    keep = [k for k in (q.x, q.color) if k]
    data = [{**{k: r.get(k) for k in keep}, mkey: label, vkey: r.get(y)}
            for r in rows for y, label in zip(q.ys, labels, strict=True)]
    ylabel = " and ".join(labels) if len(labels) <= 3 else "Value"
    money = _money(measures, profile)
    yenc = _num_axis(vkey, ylabel, money, (d[vkey] for d in data))
    tips = [(q.x, "temporal" if q.x_type == "temporal" else "nominal", ax.xlabel)]
    if q.color:
        tips.append((q.color, "nominal", humanize(q.color)))
    tooltip = _tooltip(tips + [(mkey, "nominal", "Measure"), (vkey, "quantitative", "Value")],
                       frozenset([vkey] if money else []))
    if q.x_type == "temporal":
        tooltip[0]["timeUnit"] = ax.x["timeUnit"]
    series = {"field": mkey, "type": "nominal", "title": None, "sort": labels}
    meta = {"fold": {"key": mkey, "value": vkey, "keep": keep, "measures": dict(zip(labels, q.ys, strict=True))}}
    if q.color:  # the colour keeps its column; one panel per measure, each on its own scale
        return Axes(x=ax.x, y=yenc, tooltip=tooltip, color=ax.color, n=ax.n, xlabel=ax.xlabel, ylabel=ylabel,
                    data=data, folded=mkey, meta={**meta, "panels": series})
    return Axes(x=ax.x, y=yenc, tooltip=tooltip, color=series, n=ax.n, xlabel=ax.xlabel, ylabel=ylabel,
                data=data, folded=mkey, meta=meta)


def _panels(spec: dict[str, Any], ax: Axes) -> dict[str, Any]:
    """Several measures and a colour: one row of the chart per measure, independent y scales."""
    panels = ax.meta.pop("panels", None)
    if panels:
        spec["encoding"]["row"] = {**panels, "header": {"labelAngle": 0, "labelAlign": "left"}}
        spec["resolve"] = {"scale": {"y": "independent"}}
        spec["height"] = _HEIGHT // 2
        spec["encoding"]["y"]["title"] = None
    return spec


def _arc(base: dict[str, Any], chart: str, plan: Plan, q: Query, ax: Axes) -> dict[str, Any]:
    y = q.ys[0]
    return {**base, "mark": {"type": "arc", "innerRadius": 60, "tooltip": True},
            "encoding": {"theta": {"field": y, "type": "quantitative", "stack": True},
                         "color": {"field": q.x, "type": "nominal", "title": ax.xlabel, "sort": None},
                         "order": {"field": y, "type": "quantitative", "sort": "descending"},
                         "tooltip": ax.tooltip},
            "view": {"stroke": None}, "width": _HEIGHT, "height": _HEIGHT}


def _line(base: dict[str, Any], chart: str, plan: Plan, q: Query, ax: Axes) -> dict[str, Any]:
    mark = {"type": "line", "point": ax.n <= 60, "tooltip": True} if chart == "line" else \
        {"type": "area", "line": True, "opacity": 0.6, "tooltip": True}
    xenc = {**ax.x, "type": "ordinal"} if q.x_type == "nominal" else ax.x
    yenc = dict(ax.y)
    if chart == "area" and ax.folded and not q.color:
        yenc["stack"] = None  # measures overlap; stacking revenue on profit would add them up
        mark["opacity"] = 0.4
    enc = {"x": xenc, "y": yenc, "tooltip": ax.tooltip}
    if ax.color:
        enc["color"] = ax.color
    return _panels({**base, "mark": mark, "encoding": enc, "width": _WIDTH, "height": _HEIGHT}, ax)


def _point(base: dict[str, Any], chart: str, plan: Plan, q: Query, ax: Axes) -> dict[str, Any]:
    enc = {"x": ax.x, "y": {**ax.y, "scale": {"zero": False}}, "tooltip": ax.tooltip}
    if ax.color:
        enc["color"] = ax.color
    return _panels({**base, "mark": {"type": "point", "filled": True, "size": 60}, "encoding": enc,
                    "width": _WIDTH, "height": _HEIGHT}, ax)


def _heatmap(base: dict[str, Any], chart: str, plan: Plan, q: Query, ax: Axes) -> dict[str, Any]:
    assert q.color is not None  # choose_chart picks a heatmap only for a colour split
    enc = {"x": {**ax.x, "type": "ordinal" if q.x_type != "nominal" else "nominal"},
           "y": {"field": q.color, "type": "nominal", "title": humanize(q.color), "sort": None},
           "color": {"field": q.ys[0], "type": "quantitative", "title": ax.ylabel}, "tooltip": ax.tooltip}
    return {**base, "mark": "rect", "encoding": enc, "width": _WIDTH}


def _cap_bars(base: dict[str, Any], plan: Plan, q: Query, ax: Axes) -> list[dict[str, Any]]:
    """Past MAX_BARS nominal bars, the first MAX_BARS - 1 (SQL order) are drawn and, for a single
    additive measure, the rest as one "Other" bar; otherwise only the first MAX_BARS."""
    assert q.x is not None  # bars are drawn over an x axis
    if ax.n <= MAX_BARS or q.x_type != "nominal":
        return ax.data
    xs = list(dict.fromkeys(r.get(q.x) for r in ax.data))
    additive = not ax.folded and not q.color and all(m.agg in ("sum", "count") for m in plan.measures[:1])
    keep = set(xs[:MAX_BARS - 1] if additive else xs[:MAX_BARS])
    data = [r for r in ax.data if r.get(q.x) in keep]
    if additive:
        rest = [r for r in ax.data if r.get(q.x) not in keep]
        label = next(w for w in (f"Other ({len(rest)} more)", f"All others ({len(rest)} more)")
                     if w not in keep)
        other = {q.x: label, q.ys[0]: sum(r.get(q.ys[0]) or 0 for r in rest)}
        if q.share:
            other[q.share] = sum(r.get(q.share) or 0 for r in rest)
        data.append(other)
        ax.meta["other_bar"] = {"label": label, "rest": len(rest), "sums": [k for k in (q.ys[0], q.share) if k]}
    ax.meta["bars_cut"] = {"kept": len(keep), "of": ax.n}
    base["data"] = {"values": data}
    return data


def _bar(base: dict[str, Any], chart: str, plan: Plan, q: Query, ax: Axes) -> dict[str, Any]:
    """Bars, stacked or grouped with a colour; several measures side by side."""
    assert q.x is not None  # bars are drawn over an x axis
    data = _cap_bars(base, plan, q, ax)
    n = min(ax.n, MAX_BARS)
    long_labels = max((len(str(r.get(q.x))) for r in data), default=0) > 14
    horizontal = plan.horizontal if plan.horizontal is not None else \
        (q.x_type == "nominal" and (n > 10 or long_labels) and not ax.color)
    xenc, yenc = ax.x, dict(ax.y)
    grain = plan.dimension.grain if plan.dimension else None
    if q.x_type == "temporal":
        xenc = {**xenc, "type": "ordinal" if grain == "year" else "temporal"}
        if grain == "year":
            xenc["timeUnit"] = _TIME_UNITS.get(grain, "utcyear")
    enc: dict[str, Any] = {"tooltip": ax.tooltip}
    enc["y" if horizontal else "x"], enc["x" if horizontal else "y"] = xenc, yenc
    offset = "yOffset" if horizontal else "xOffset"
    if ax.color:
        enc["color"] = ax.color
        if ax.folded and not q.color:  # measures side by side, never stacked (they do not add up)
            enc[offset] = {"field": ax.folded, "type": "nominal", "sort": ax.color["sort"]}
        elif plan.stacking == "group" and not plan.share:
            enc[offset] = {"field": q.color, "type": "nominal", "sort": ax.color.get("sort")}
        elif plan.share:
            yenc["stack"] = "normalize"
            yenc["axis"] = {"format": "%"}
    spec = {**base, "mark": {"type": "bar", "tooltip": True}, "encoding": enc}
    if horizontal:
        spec["width"] = _WIDTH - 120
        spec["height"] = {"step": 18}
    else:
        spec["width"] = _WIDTH if ax.n > 6 or ax.folded else {"step": 60}
        spec["height"] = _HEIGHT
    return _panels(spec, ax)


def _kpi(base: dict[str, Any], plan: Plan, q: Query, rows: list[dict[str, Any]],
         profile: dict[str, Any]) -> dict[str, Any]:
    row = rows[0] if rows else {}
    values = []
    for y, m in zip(q.ys, plan.measures or [], strict=False):
        sym = money_symbol(m, profile)
        v = row.get(y)
        text = fmt_pct(v / 100) if is_percent(m) and isinstance(v, (int, float)) else \
            fmt_number(v, money=sym is not None, symbol=sym or "$")
        # the label says what is counted ("Number of employees"); field names the result's column
        label = _y_label(y, m, profile, {})
        if q.x is not None and row.get(q.x) is not None:  # one row by its own value: which one it is
            label = f"{row[q.x]} · {label}"
        values.append({"label": label, "field": y, "value": v, "text": text})
    if not values:
        for y in q.ys:
            values.append({"label": y, "field": y, "value": row.get(y), "text": fmt_number(row.get(y))})
    base["data"] = {"values": values}
    return {**base, "width": max(200, 220 * len(values)), "height": 140,
            "layer": [
                {"mark": {"type": "text", "fontSize": 44, "fontWeight": "bold", "baseline": "middle"},
                 "encoding": {"x": {"field": "label", "type": "nominal", "axis": None, "sort": None},
                              "text": {"field": "text", "type": "nominal"},
                              "tooltip": [{"field": "label", "type": "nominal"},
                                          {"field": "value", "type": "quantitative", "format": ",.4~f"}]}},
                {"mark": {"type": "text", "fontSize": 15, "dy": 42, "color": "#555"},
                 "encoding": {"x": {"field": "label", "type": "nominal", "axis": None, "sort": None},
                              "text": {"field": "label", "type": "nominal"}}}]}


def table_spec(rows: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """A table of the rows (the first 50), e.g. when a chart's data failed the answer check."""
    return plain_fields(_table({"$schema": SCHEMA, "title": {"text": title, "anchor": "start"},
                                "config": {"view": {"stroke": None}}}, rows))


def _table(base: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    rows = rows[:50]
    cols = list(rows[0].keys()) if rows else []
    data = []
    for i, r in enumerate(rows):
        for c in cols:
            v = r.get(c)
            data.append({"row": i + 1, "column": c, "value": fmt_number(v) if isinstance(v, (int, float))
                         and not isinstance(v, bool) else ("" if v is None else str(v)[:40])})
    base["data"] = {"values": data}
    return {**base, "mark": {"type": "text", "align": "left", "dx": -40},
            "encoding": {"y": {"field": "row", "type": "ordinal", "axis": None},
                         "x": {"field": "column", "type": "nominal", "sort": cols,
                               "axis": {"orient": "top", "title": None, "labelAngle": 0, "domain": False,
                                        "ticks": False}},
                         "text": {"field": "value", "type": "nominal"}},
            "width": {"step": 130}, "height": {"step": 20}}


def _histogram(base: dict[str, Any], q: Query, rows: list[dict[str, Any]], profile: dict[str, Any]) -> dict[str, Any]:
    col = q.extra["column"]
    money = bool(_raw_money(col, profile))
    return {**base, "mark": {"type": "bar", "tooltip": True, "binSpacing": 1},
            "encoding": {"x": {**_raw_axis("bin_start", humanize(col), money, (r.get("bin_end") for r in rows)),
                               "bin": {"binned": True, "step": q.extra["width"]}},
                         "x2": {"field": "bin_end"},
                         "y": {"field": "Count", "type": "quantitative", "title": count_label(profile)},
                         "tooltip": _tooltip([("bin_start", "quantitative", "from"), ("bin_end", "quantitative", "to"),
                                              ("Count", "quantitative", counted_noun(profile))],
                                             frozenset(["bin_start", "bin_end"] if money else []))},
            "width": _WIDTH, "height": _HEIGHT}


def _boxplot(base: dict[str, Any], q: Query, rows: list[dict[str, Any]],
             profile: dict[str, Any]) -> dict[str, Any]:
    col = q.extra["column"]
    ytitle = humanize(col)
    money = frozenset(["min", "q1", "median", "q3", "max"]) if _raw_money(col, profile) else frozenset()
    x = {"field": q.x, "type": "nominal", "sort": None, "title": humanize(q.x)} if q.x else None

    def enc(extra: dict[str, Any]) -> dict[str, Any]:
        e = dict(extra)
        if x:
            e["x"] = x
        return e

    tips = _tooltip([(k, "quantitative", k) for k in ("min", "q1", "median", "q3", "max", "n")], money)
    return {**base, "width": _WIDTH if q.x else 120, "height": _HEIGHT,
            "layer": [
                {"mark": {"type": "rule"}, "encoding": enc({"y": _raw_axis("min", ytitle, bool(money),
                                                                      (r.get("max") for r in rows)),
                                                            "y2": {"field": "max"}})},
                {"mark": {"type": "bar", "size": 24, "tooltip": True},
                 "encoding": enc({"y": {"field": "q1", "type": "quantitative"}, "y2": {"field": "q3"},
                                  "tooltip": tips})},
                {"mark": {"type": "tick", "color": "white", "size": 24},
                 "encoding": enc({"y": {"field": "median", "type": "quantitative"}})}]}
