"""Result shape + plan → chart type and a Vega-Lite v5 spec with the data inline.

An explicit chart word wins when the result can be drawn that way; otherwise the shape
decides (notes §7). SQL already sorted the rows, so nominal axes keep the data's order.
"""
from __future__ import annotations

import re

from ..sql.compiler import Query
from ..sql.derived import derived_money, is_percent
from .format import fmt_number, fmt_pct, is_money
from ..language.names import humanize
from ..planning.plan import Plan

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_TIME_UNITS = {"year": "utcyear", "quarter": "utcyearquarter", "month": "utcyearmonth", "week": "utcyearmonthdate",
               "day": "utcyearmonthdate", "hour": "utcyearmonthdatehours"}
MAX_BARS = 60
_WIDTH, _HEIGHT = 560, 320


_PATH_CHARS = set("\\.[]'\"")


def _plain(name: str) -> bool:
    return name.isprintable() and not _PATH_CHARS & set(name)


def plain_fields(spec: dict) -> dict:
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


def _rename_fields(node, renamed: dict[str, str]) -> None:
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


def choose_chart(plan: Plan, q: Query, rows: list[dict]) -> str:
    if q.kind in ("kpi", "histogram", "boxplot", "table"):
        if q.kind == "kpi" and plan.chart == "table":
            return "table"
        return q.kind
    if q.x is None:  # two measures, row level
        return "point" if len(q.ys) >= 2 else "table"
    asked = plan.chart
    n = len({r.get(q.x) for r in rows})
    positive = all((r.get(q.ys[0]) or 0) >= 0 for r in rows)
    if asked == "histogram" or asked == "boxplot":
        asked = "bar"
    if asked in ("bar", "line", "area", "point", "table"):
        return asked
    if asked == "arc":
        return "arc" if positive and not q.color else "bar"
    if asked == "heatmap":
        return "heatmap" if q.color else "bar"
    if asked == "kpi":
        return "table" if len(rows) > 1 else "kpi"
    # automatic
    if plan.intent == "correlation" and len(q.ys) >= 2:
        return "point"
    if q.x_type == "temporal" or (q.x_type == "ordinal" and plan.intent == "trend" and not q.x_sort):
        return "line" if n >= 3 else "bar"
    if plan.intent == "correlation":
        return "point"
    if plan.intent == "part_to_whole" and not q.color and positive and 1 < n <= 8:
        return "arc"
    if q.color and n > 12 and len({r.get(q.color) for r in rows}) > 8:
        return "heatmap"
    return "bar"


def _num_axis(field_name: str, label: str, money: bool) -> dict:
    fmt = "$~s" if money else "~s"
    return {"field": field_name, "type": "quantitative", "title": label, "axis": {"format": fmt}}


def _tooltip(fields: list[tuple[str, str, str]]) -> list[dict]:
    out = []
    for name, typ, title in fields:
        t = {"field": name, "type": typ, "title": title}
        if typ == "quantitative":
            t["format"] = ",.2~f"
        out.append(t)
    return out


def build_spec(chart: str, plan: Plan, q: Query, rows: list[dict], title: str, profile: dict,
               y_labels: dict[str, str]) -> dict:
    return plain_fields(_build_spec(chart, plan, q, rows, title, profile, y_labels))


def _build_spec(chart: str, plan: Plan, q: Query, rows: list[dict], title: str, profile: dict,
                y_labels: dict[str, str]) -> dict:
    base = {"$schema": SCHEMA, "title": {"text": title, "anchor": "start"}, "data": {"values": rows},
            "config": {"view": {"stroke": None}, "axis": {"labelLimit": 180}}}
    by_name = profile["_by_name"]
    if chart == "kpi":
        return _kpi(base, plan, q, rows, profile)
    if chart == "table":
        return _table(base, rows)
    if chart == "histogram":
        return _histogram(base, q, rows)
    if chart == "boxplot":
        return _boxplot(base, plan, q, rows)
    if q.x is None:  # scatter of two measures
        xm, ym = q.ys[0], q.ys[1]
        enc = {"x": {"field": xm, "type": "quantitative", "title": humanize(xm), "scale": {"zero": False}},
               "y": {"field": ym, "type": "quantitative", "title": humanize(ym), "scale": {"zero": False}},
               "tooltip": _tooltip([(xm, "quantitative", xm), (ym, "quantitative", ym)])}
        if q.color:
            enc["color"] = {"field": q.color, "type": "nominal", "title": humanize(q.color)}
            enc["tooltip"].append({"field": q.color, "type": "nominal"})
        return {**base, "mark": {"type": "point", "filled": True, "opacity": 0.7}, "encoding": enc,
                "width": _WIDTH, "height": _HEIGHT}
    y = q.ys[0]
    ylabel = y_labels.get(y, y)
    measure_col = plan.measures[0].column if plan.measures else None
    money = bool(measure_col and is_money(by_name.get(measure_col, {})) and plan.measures[0].agg not in ("count", "count_distinct")
                 and (plan.measures[0].kind is None or derived_money(plan.measures[0], by_name)))
    xlabel = humanize(plan.dimension.column) if plan.dimension else humanize(q.x)
    if plan.dimension and plan.dimension.grain:
        xlabel += {"year": " (year)", "quarter": " (quarter)", "month": " (month)", "week": " (week)",
                   "day": " (day)", "hour": " (hour)", "weekday": " (day of week)",
                   "month_of_year": " (month of year)", "hour_of_day": " (hour of day)"}[plan.dimension.grain]
    xenc: dict = {"field": q.x, "type": q.x_type or "nominal", "title": xlabel}
    if q.x_type == "temporal":
        grain = plan.dimension.grain if plan.dimension else None
        if grain in _TIME_UNITS:
            xenc["timeUnit"] = _TIME_UNITS[grain]
        else:
            xenc["timeUnit"] = "utcyearmonthdate"
    elif q.x_sort:
        xenc["sort"] = q.x_sort
    else:
        xenc["sort"] = None  # SQL order
    yenc = _num_axis(y, ylabel, money)
    tips = [(q.x, "temporal" if q.x_type == "temporal" else "nominal", xlabel), (y, "quantitative", ylabel)]
    if q.color:
        tips.insert(1, (q.color, "nominal", humanize(q.color)))
    if q.share:
        tips.append((q.share, "quantitative", "% of total"))
    tooltip = _tooltip(tips)
    if q.x_type == "temporal":
        tooltip[0]["timeUnit"] = xenc["timeUnit"]
    color = {"field": q.color, "type": "nominal", "title": humanize(q.color), "sort": None} if q.color else None
    n = len({r.get(q.x) for r in rows})
    if chart == "arc":
        return {**base, "mark": {"type": "arc", "innerRadius": 60, "tooltip": True},
                "encoding": {"theta": {"field": y, "type": "quantitative", "stack": True},
                             "color": {"field": q.x, "type": "nominal", "title": xlabel, "sort": None},
                             "order": {"field": y, "type": "quantitative", "sort": "descending"},
                             "tooltip": tooltip},
                "view": {"stroke": None}, "width": _HEIGHT, "height": _HEIGHT}
    if chart in ("line", "area"):
        mark = {"type": "line", "point": n <= 60, "tooltip": True} if chart == "line" else \
            {"type": "area", "line": True, "opacity": 0.6, "tooltip": True}
        if q.x_type == "nominal":
            xenc["type"] = "ordinal"
        enc = {"x": xenc, "y": yenc, "tooltip": tooltip}
        if color:
            enc["color"] = color
        return {**base, "mark": mark, "encoding": enc, "width": _WIDTH, "height": _HEIGHT}
    if chart == "point":
        enc = {"x": xenc, "y": {**yenc, "scale": {"zero": False}}, "tooltip": tooltip}
        if color:
            enc["color"] = color
        return {**base, "mark": {"type": "point", "filled": True, "size": 60}, "encoding": enc,
                "width": _WIDTH, "height": _HEIGHT}
    if chart == "heatmap":
        enc = {"x": {**xenc, "type": "ordinal" if q.x_type != "nominal" else "nominal"},
               "y": {"field": q.color, "type": "nominal", "title": humanize(q.color), "sort": None},
               "color": {"field": y, "type": "quantitative", "title": ylabel}, "tooltip": tooltip}
        return {**base, "mark": "rect", "encoding": enc, "width": _WIDTH}
    # bar (stacked / grouped with a colour)
    data = rows
    if n > MAX_BARS and q.x_type == "nominal":
        keep = list(dict.fromkeys(r.get(q.x) for r in rows))[:MAX_BARS]
        data = [r for r in rows if r.get(q.x) in set(keep)]
        base["data"] = {"values": data}
    long_labels = max((len(str(r.get(q.x))) for r in data), default=0) > 14
    horizontal = plan.horizontal if plan.horizontal is not None else \
        (q.x_type == "nominal" and (min(n, MAX_BARS) > 10 or long_labels) and not q.color)
    if q.x_type == "temporal":
        xenc = {**xenc, "type": "ordinal" if plan.dimension and plan.dimension.grain in ("year",) else "temporal"}
        if xenc["type"] == "ordinal":
            xenc["timeUnit"] = _TIME_UNITS.get(plan.dimension.grain, "utcyear")
    enc: dict = {"tooltip": tooltip}
    if horizontal:
        enc["y"], enc["x"] = xenc, yenc
    else:
        enc["x"], enc["y"] = xenc, yenc
    if color:
        enc["color"] = color
        if plan.stacking == "group" and not plan.share:
            enc["xOffset" if not horizontal else "yOffset"] = {"field": q.color, "type": "nominal", "sort": None}
        elif plan.share:
            (enc["x"] if horizontal else enc["y"])["stack"] = "normalize"
            (enc["x"] if horizontal else enc["y"])["axis"] = {"format": "%"}
    spec = {**base, "mark": {"type": "bar", "tooltip": True}, "encoding": enc}
    if horizontal:
        spec["width"] = _WIDTH - 120
        spec["height"] = {"step": 18}
    else:
        spec["width"] = _WIDTH if n > 6 else {"step": 60}
        spec["height"] = _HEIGHT
    return spec


def _kpi(base: dict, plan: Plan, q: Query, rows: list[dict], profile: dict) -> dict:
    row = rows[0] if rows else {}
    values = []
    for y, m in zip(q.ys, plan.measures or []):
        col = profile["_by_name"].get(m.column or "", {})
        money = is_money(col) and m.agg not in ("count", "count_distinct") if m.kind is None else \
            derived_money(m, profile["_by_name"])
        v = row.get(y)
        text = fmt_pct(v / 100) if is_percent(m) and isinstance(v, (int, float)) else fmt_number(v, money=money)
        values.append({"label": y, "value": v, "text": text})
    if not values:
        for y in q.ys:
            values.append({"label": y, "value": row.get(y), "text": fmt_number(row.get(y))})
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


def _table(base: dict, rows: list[dict]) -> dict:
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


def _histogram(base: dict, q: Query, rows: list[dict]) -> dict:
    col = q.extra["column"]
    return {**base, "mark": {"type": "bar", "tooltip": True, "binSpacing": 1},
            "encoding": {"x": {"field": "bin_start", "type": "quantitative", "bin": {"binned": True,
                                                                                     "step": q.extra["width"]},
                               "title": humanize(col)},
                         "x2": {"field": "bin_end"},
                         "y": {"field": "Count", "type": "quantitative", "title": "Number of rows"},
                         "tooltip": _tooltip([("bin_start", "quantitative", "from"), ("bin_end", "quantitative", "to"),
                                              ("Count", "quantitative", "rows")])},
            "width": _WIDTH, "height": _HEIGHT}


def _boxplot(base: dict, plan: Plan, q: Query, rows: list[dict]) -> dict:
    col = q.extra["column"]
    ytitle = humanize(col)
    x = {"field": q.x, "type": "nominal", "sort": None, "title": humanize(q.x)} if q.x else None

    def enc(extra: dict) -> dict:
        e = dict(extra)
        if x:
            e["x"] = x
        return e

    tips = _tooltip([(k, "quantitative", k) for k in ("min", "q1", "median", "q3", "max", "n")])
    return {**base, "width": _WIDTH if q.x else 120, "height": _HEIGHT,
            "layer": [
                {"mark": {"type": "rule"}, "encoding": enc({"y": {"field": "min", "type": "quantitative",
                                                                  "title": ytitle}, "y2": {"field": "max"}})},
                {"mark": {"type": "bar", "size": 24, "tooltip": True},
                 "encoding": enc({"y": {"field": "q1", "type": "quantitative"}, "y2": {"field": "q3"},
                                  "tooltip": tips})},
                {"mark": {"type": "tick", "color": "white", "size": 24},
                 "encoding": enc({"y": {"field": "median", "type": "quantitative"}})}]}
