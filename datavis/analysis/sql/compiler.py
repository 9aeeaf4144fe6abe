"""Plan → one DuckDB SELECT over the dataset table, plus the shape of its result.

Only this module writes SQL text. Identifiers come from the profile (quoted), literals are
escaped here, so a plan from a model or from a question cannot inject SQL.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Unanswerable
from ..labels import measure_label
from ..language.lexicon import WEEKDAYS
from ..language.names import quote_ident
from ..plan import Filter, Measure, Plan
from .derived import ROW_KINDS, derived_sql, row_label, row_sql

TABLE = "data"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
COLOR_LIMIT = 10  # series kept in a coloured chart (largest first)


@dataclass
class Query:
    sql: str
    kind: str  # aggregate | raw | kpi | histogram | boxplot | table
    x: str | None = None  # result column of the x axis
    x_type: str | None = None  # nominal | ordinal | temporal | quantitative
    x_sort: list[str] | None = None  # explicit ordinal order (weekdays, months)
    ys: list[str] = field(default_factory=list)  # result columns of the measures
    color: str | None = None
    share: str | None = None  # result column with the % of total
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def several(self) -> bool:
        """Two or more measures over an x axis: one series per measure."""
        return self.kind in ("aggregate", "raw") and self.x is not None and len(self.ys) > 1


def lit(value: object, kind: str = "text") -> str:
    """A SQL literal for a filter value of a column of type `kind`."""
    if value is None:
        return "NULL"
    if kind in ("integer", "number") and isinstance(value, bool):
        return "1" if value else "0"  # a 0/1 flag column held to true or false
    if kind in ("integer", "number"):
        num = float(str(value)) if not isinstance(value, (int, float)) else value
        if isinstance(num, float) and not math.isfinite(num):
            raise Unanswerable(f"'{value}' is not a usable number")
        return repr(int(num)) if float(num).is_integer() and abs(num) < 2**53 else repr(float(num))
    if kind in ("date", "datetime"):
        text = str(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?", text):
            raise Unanswerable(f"'{value}' is not a date (use YYYY-MM-DD)")
        return f"TIMESTAMP '{text}'" if kind == "datetime" else f"DATE '{text[:10]}'"
    if kind == "boolean":
        return "TRUE" if str(value).lower() in ("true", "1", "yes", "t", "y") else "FALSE"
    return "'" + str(value).replace("'", "''") + "'"


def agg_expr(m: Measure, col_type: str | None) -> str:
    if m.column is None:
        return "count(*)"
    q = quote_ident(m.column)
    if col_type == "boolean" and m.agg in ("sum", "avg", "median"):
        q = f"CAST({q} AS INTEGER)"
    if m.scale is not None and m.agg not in ("count", "count_distinct"):
        q = scaled(q, m.scale)
    return {"sum": f"sum({q})", "avg": f"avg({q})", "median": f"median({q})", "min": f"min({q})",
            "max": f"max({q})", "count": f"count({q})", "count_distinct": f"count(DISTINCT {q})",
            "none": q}[m.agg]


def scaled(q: str, scale: float) -> str:
    """A value times a plan's scale, written as a division when that is exact (minutes / 60 as hours,
    not × 0.01666…) and as a sign change for -1."""
    if scale == -1:
        return f"(-{q})"
    inverse = 1 / scale
    if abs(inverse - round(inverse)) < 1e-9:
        return f"({q} / {round(inverse)}.0)"
    return f"({q} * {scale!r})"


def measure_sql(m: Measure, profile: dict[str, Any]) -> str:
    """The aggregate expression of a measure, plain or derived; a plain one over the rows of its own
    condition, if it has one (the cancellations counted beside all bookings)."""
    if m.kind is not None:
        return derived_sql(m, profile, lambda f: filter_sql(f, profile))
    if m.negate is not None and m.column is not None and m.agg in ("sum", "avg", "median", "min", "max"):
        q = quote_ident(m.column)  # a net flow: the negated rows (withdrawals) taken from the others
        flow = f"CASE WHEN {filter_sql(m.negate, profile)} THEN -{q} ELSE {q} END"
        expr = f"{m.agg}({scaled(flow, m.scale) if m.scale is not None else flow})"  # "… in thousands"
    else:
        expr = agg_expr(m, profile["_by_name"][m.column]["type"] if m.column else None)
    if m.where is not None and m.agg != "none":
        expr = f"{expr} FILTER (WHERE {filter_sql(m.where, profile)})"
    return expr


def filter_sql(f: Filter, profile: dict[str, Any]) -> str:
    col = profile["_by_name"][f.column]
    kind = "integer" if col.get("year_like") else col["type"]
    q = quote_ident(f.column)
    vals = list(f.values)
    if f.op in ("is_null", "not_null"):
        return f"{q} IS {'NOT ' if f.op == 'not_null' else ''}NULL"
    if f.other is not None:  # validate_plan: two numbers or two dates, an order or equality
        return f"{q} {'<>' if f.op == '!=' else f.op} {quote_ident(f.other)}"
    if not vals:
        raise Unanswerable(f"the filter on '{f.column}' has no value")
    # text compares case-insensitively, except values spelled exactly as in the data (the usual
    # case: they come from the profile), which keeps DuckDB's fast path for plain equality
    known = {v for v, _ in col.get("values", [])}
    text = kind == "text" and not all(str(x) in known for x in vals)
    target = f"lower({q})" if text else q
    if kind == "text" and not text:
        kind = "plain_text"

    def v(x: object) -> str:
        return f"lower({lit(x)})" if text else lit(x, "text" if kind == "plain_text" else kind)

    if f.op in ("=", "!=", ">", ">=", "<", "<="):
        op = "<>" if f.op == "!=" else f.op
        if f.op in ("=", "!=") and len(vals) > 1:
            return f"{target} {'NOT ' if f.op == '!=' else ''}IN ({', '.join(v(x) for x in vals)})"
        return f"{target} {op} {v(vals[0])}"
    if f.op in ("in", "not_in"):
        return f"{target} {'NOT ' if f.op == 'not_in' else ''}IN ({', '.join(v(x) for x in vals)})"
    if f.op == "weekday":  # "weekend visits": the rows whose date falls on one of the days named
        days = [str(x).capitalize() for x in vals]
        if kind not in ("date", "datetime") or not set(days) <= set(WEEKDAYS):
            raise Unanswerable(f"a day of the week needs a date column, not '{f.column}'")
        return f"dayname({q}) IN ({', '.join(lit(d) for d in days)})"
    if f.op == "between":
        if len(vals) < 2:
            raise Unanswerable(f"'between' on '{f.column}' needs two values")
        lo, hi = vals[0], vals[1]
        k = "text" if kind == "plain_text" else kind
        return f"{q} BETWEEN {lit(lo, k)} AND {lit(hi, k)}"
    likes = []
    for val in vals:  # several values: any of them ("the letters D or S")
        pattern = str(val).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        wrapped = pattern + "%" if f.op == "starts_with" else "%" + pattern + "%"
        likes.append(f"{q}::VARCHAR ILIKE {lit(wrapped)} ESCAPE '\\'")
    like = " OR ".join(likes)
    return f"NOT ({like})" if f.op == "not_contains" else f"({like})" if len(likes) > 1 else like


def where_sql(plan: Plan, profile: dict[str, Any], extra: list[str] | None = None) -> str:
    parts = [filter_sql(f, profile) for f in plan.filters] + (extra or [])
    return (" WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else ""


def dimension_expr(plan: Plan, profile: dict[str, Any]) -> tuple[str, str, list[str] | None, str | None]:
    """(SQL expression, Vega-Lite type, explicit sort, order expression) of the x axis."""
    d = plan.dimension
    assert d is not None  # called only for a plan with an x axis
    col = profile["_by_name"][d.column]
    q = quote_ident(d.column)
    g = d.grain
    if col["type"] in ("date", "datetime") and g:
        if g == "weekday":
            return f"dayname({q})", "ordinal", WEEKDAYS, f"min(isodow({q}))"
        if g == "month_of_year":
            return f"monthname({q})", "ordinal", MONTHS, f"min(month({q}))"
        if g == "hour_of_day":
            return f"hour({q})", "ordinal", None, None
        if g in ("hour",):
            return f"date_trunc('hour', {q})", "temporal", None, None
        return f"CAST(date_trunc('{g}', {q}) AS DATE)", "temporal", None, None
    if col["type"] in ("date", "datetime"):
        return q, "temporal", None, None
    if col.get("year_like"):
        return q, "ordinal", None, None
    if col["type"] in ("integer", "number") and col.get("role") == "measure" and not col.get("groupable"):
        return q, "quantitative" if plan.intent in ("correlation",) else "ordinal", None, None
    if col["type"] in ("integer", "number"):
        return q, "ordinal", None, None
    return q, "nominal", None, None


def _unique_alias(name: str, taken: set[str]) -> str:
    alias, n = name, 2
    while alias.lower() in taken:
        alias, n = f"{name} ({n})", n + 1
    taken.add(alias.lower())
    return alias


def compile_plan(plan: Plan, profile: dict[str, Any], max_rows: int) -> Query:
    measures = plan.measures or [Measure(column=None, agg="count")]
    if plan.chart == "table" and plan.dimension is None:
        return _table(plan, profile, max_rows)
    if plan.dimension is not None and plan.dimension.bins:
        return _histogram(plan, profile)
    if plan.chart == "boxplot" and measures[0].column and measures[0].kind in (None, *ROW_KINDS):
        return _boxplot(plan, profile, measures[0])
    raw = all(m.agg == "none" for m in measures)
    if raw:
        return _raw(plan, profile, measures, max_rows)
    if plan.dimension is None:
        taken: set[str] = set()
        sel = [f"{measure_sql(m, profile)} AS "
               f"{quote_ident(_unique_alias(measure_label(m), taken))}" for m in measures]
        ys = [s.rsplit(" AS ", 1)[1].strip('"').replace('""', '"') for s in sel]
        sql = f"SELECT {', '.join(sel)} FROM {TABLE}{where_sql(plan, profile)}"
        return Query(sql=sql, kind="kpi", ys=ys)
    own = [m for m in measures if m.date and m.date != plan.dimension.column]
    if own and _own_dates_fit(plan, profile):
        return _own_dates(plan, profile, measures, max_rows)
    q = _aggregate(plan, profile, measures, max_rows)
    if own:  # said plainly: such a chart cannot put each measure on its own date (engine.present notes it)
        q.extra["own_dates_off"] = {"axis": plan.dimension.column, "dates": sorted({str(m.date) for m in own})}
    return q


def _own_dates_fit(plan: Plan, profile: dict[str, Any]) -> bool:
    """Measures on their own dates need a plain time axis: a date bucketed by a grain along time, with no
    top-N or share, and a colour only of a few series ("split by course": each course's own dates)."""
    d = plan.dimension
    few = plan.color is None or profile["_by_name"][plan.color]["distinct"] <= COLOR_LIMIT
    return d is not None and d.grain in ("year", "quarter", "month", "week", "day") and \
        profile["_by_name"][d.column]["type"] in ("date", "datetime") and few and not plan.limit and \
        not plan.share and all(m.kind is None and m.agg != "none" for m in plan.measures)


def _own_dates(plan: Plan, profile: dict[str, Any], measures: list[Measure], max_rows: int) -> Query:
    """"hires and exits by year": each measure over its own date's buckets (the axis's date for the
    others), the buckets of any of them joined, a measure with no rows in a bucket 0 (a count or sum) or
    blank."""
    assert plan.dimension is not None and plan.dimension.grain  # _own_dates_fit
    taken: set[str] = set()
    x = _unique_alias(plan.dimension.column, taken)
    color = _unique_alias(plan.color, taken) if plan.color else None
    ys = [_unique_alias(measure_label(m), taken) for m in measures]
    # with a colour, each bucket is a (date, series) pair; a series' blank is a series of its own
    c_sel, c_key, c_on = (f", {quote_ident(plan.color)} AS c", ", c", " AND m{i}.c IS NOT DISTINCT FROM k.c") \
        if plan.color else ("", "", "")
    parts, cols = [], []
    for i, (m, y) in enumerate(zip(measures, ys, strict=True)):
        q = quote_ident(m.date or plan.dimension.column)
        bucket = f"CAST(date_trunc('{plan.dimension.grain}', {q}) AS DATE)"
        parts.append(f"m{i} AS (SELECT {bucket} AS x{c_sel}, {measure_sql(m, profile)} AS y FROM {TABLE}"
                     f"{where_sql(plan, profile, [f'{q} IS NOT NULL'])} GROUP BY ALL)")
        zero = "0" if m.agg in ADDITIVE else "NULL"
        cols.append(f"coalesce(m{i}.y, {zero}) AS {quote_ident(y)}")
    keys = " UNION ".join(f"SELECT x{c_key} FROM m{i}" for i in range(len(measures)))
    joins = " ".join(f"LEFT JOIN m{i} ON m{i}.x = k.x" + c_on.format(i=i) for i in range(len(measures)))
    csel = f"k.c AS {quote_ident(color)}, " if color else ""
    sql = (f"WITH {', '.join(parts)}, k AS ({keys}) SELECT k.x AS {quote_ident(x)}, {csel}{', '.join(cols)} "
           f"FROM k {joins} ORDER BY 1{', 2' if color else ''} LIMIT {max_rows + 1}")
    return Query(sql=sql, kind="aggregate", x=x, x_type="temporal", ys=ys, color=color)


ADDITIVE = ("sum", "count")  # aggregations whose groups add up, so the rest can be one "Other" group
OTHER_LABELS = ("Other", "All others", "All the rest")


def other_label(col: dict[str, Any]) -> str:
    """The name of the rest bucket: "Other", unless the column holds a value spelled so."""
    known = {str(v).strip().lower() for v, _ in col.get("values", [])}
    return next((w for w in OTHER_LABELS if w.lower() not in known), "(rest)")


@dataclass
class _Parts:
    """The pieces of an aggregate SELECT, built up by the steps of _aggregate."""

    ctes: list[str] = field(default_factory=list)
    conds: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    rest_x: str = ""  # ORDER BY key that puts an "Other" x group last
    rest_color: str = ""  # … and an "Other" series last


def _aggregate(plan: Plan, profile: dict[str, Any], measures: list[Measure], max_rows: int) -> Query:
    assert plan.dimension is not None  # compile_plan makes a KPI of a plan without one
    taken: set[str] = set()
    xexpr, xtype, xsort, xorder = dimension_expr(plan, profile)
    x = _unique_alias(plan.dimension.column, taken)
    color = _unique_alias(plan.color, taken) if plan.color else None
    ys = [_unique_alias(measure_label(m), taken) for m in measures]
    aggs = [measure_sql(m, profile) for m in measures]
    additive = all(m.agg in ADDITIVE for m in measures)
    parts = _Parts()
    if profile["_by_name"][plan.dimension.column]["non_null"] < profile["row_count"]:
        # a blank is no group: the rows without a value are left out, and the plan says so (present)
        parts.conds.append(f"{xexpr} IS NOT NULL")
        parts.extra["blank_x"] = plan.dimension.column
    xsel = _rank_x(plan, profile, parts, xexpr, xtype, aggs[0], additive)
    csel = _rank_color(plan, profile, parts, aggs[0], additive) if color else None
    select = [f"{xsel} AS {quote_ident(x)}"]
    if color:
        select.append(f"{csel} AS {quote_ident(color)}")
    growth = measures[0].kind == "growth"
    if growth:  # each time bucket against the one before it (per series); the first has none
        window = f"OVER ({'PARTITION BY ' + csel + ' ' if csel else ''}ORDER BY {xexpr})"
        aggs[0] = f"100.0 * ({aggs[0]} / NULLIF(lag({aggs[0]}) {window}, 0) - 1)"
    select += [f"{a} AS {quote_ident(y)}" for a, y in zip(aggs, ys, strict=True)]
    share = None
    if plan.share and not color and measures[0].agg in ("sum", "count", "count_distinct") and not measures[0].kind:
        share = _unique_alias("Share of total", taken)
        total = f"(SELECT {aggs[0]} FROM {TABLE}{where_sql(plan, profile, parts.conds)})"  # blanks left out
        select.append(f"{aggs[0]} * 100.0 / NULLIF({total}, 0) AS {quote_ident(share)}")
    order = _order_sql(plan, xtype, xorder, x, quote_ident(ys[0]), color, parts)
    limit_rows = None if (color or "other_x" in parts.extra) else plan.limit
    limit = int(limit_rows) if limit_rows else max_rows + 1
    keys = "1, 2" if color else "1"  # a window over the groups' aggregates needs the keys said (not ALL)
    grouped = f"SELECT {', '.join(select)} FROM {TABLE}{where_sql(plan, profile, parts.conds)} " \
        f"GROUP BY {keys if growth else 'ALL'}"
    if growth:  # the buckets with one before them, ordered along time (QUALIFY cannot follow GROUP BY ALL)
        order = ", ".join(quote_ident(c) for c in (x, color) if c)
        grouped = f"SELECT * FROM ({grouped}) WHERE {quote_ident(ys[0])} IS NOT NULL"
    sql = (("WITH " + ", ".join(parts.ctes) + " ") if parts.ctes else "") + f"{grouped} ORDER BY {order} LIMIT {limit}"
    return Query(sql=sql, kind="aggregate", x=x, x_type=xtype, x_sort=xsort, ys=ys, color=color, share=share,
                 extra=parts.extra)


def _rank_x(plan: Plan, profile: dict[str, Any], parts: _Parts, xexpr: str, xtype: str, agg: str,
            additive: bool) -> str:
    """The x expression; with a colour and a limit, only the top-N x values (ranked by their
    total) are kept with every series; with ``plan.other`` the rest is one "Other" group."""
    other = plan.other and plan.limit and additive and xtype == "nominal"
    if not plan.limit or not (plan.color or other):
        return xexpr
    desc = "DESC" if (plan.order is None or plan.order.desc) else "ASC"
    parts.ctes.append(f"top_x AS (SELECT {xexpr} AS k FROM {TABLE}{where_sql(plan, profile, [f'{xexpr} IS NOT NULL'])} "
                      f"GROUP BY 1 ORDER BY {agg} {desc} NULLS LAST, 1 LIMIT {int(plan.limit)})")
    if not other:
        parts.conds.append(f"{xexpr} IN (SELECT k FROM top_x)")
        return xexpr
    assert plan.dimension is not None  # _aggregate's plans have one
    label = other_label(profile["_by_name"][plan.dimension.column])
    parts.extra["other_x"] = label
    parts.rest_x = f"max(CASE WHEN {xexpr} IN (SELECT k FROM top_x) THEN 0 ELSE 1 END), "
    return f"CASE WHEN {xexpr} IN (SELECT k FROM top_x) THEN CAST({xexpr} AS VARCHAR) ELSE {lit(label)} END"


def _rank_color(plan: Plan, profile: dict[str, Any], parts: _Parts, agg: str, additive: bool) -> str:
    """The colour expression: past COLOR_LIMIT series, the largest are kept and, for an additive
    aggregation, the rest (missing values included) is one "Other" series; an average or a
    median of the rest would not be comparable with the series, so those are left out instead."""
    assert plan.color is not None  # called only for a plan with a colour
    ccol = profile["_by_name"][plan.color]
    qc = quote_ident(plan.color)
    if ccol["distinct"] <= COLOR_LIMIT:
        return qc
    parts.ctes.append(f"top_color AS (SELECT {qc} AS k FROM {TABLE}{where_sql(plan, profile, [f'{qc} IS NOT NULL'])} "
                      f"GROUP BY 1 ORDER BY {agg} DESC NULLS LAST, 1 LIMIT {COLOR_LIMIT})")
    if not additive:
        parts.conds.append(f"{qc} IN (SELECT k FROM top_color)")
        parts.extra["series_cut"] = {"kept": COLOR_LIMIT, "of": ccol["distinct"]}
        return qc
    label = other_label(ccol)
    parts.extra["other_color"] = label
    parts.rest_color = f"max(CASE WHEN {qc} IN (SELECT k FROM top_color) THEN 0 ELSE 1 END), "
    return f"CASE WHEN {qc} IN (SELECT k FROM top_color) THEN CAST({qc} AS VARCHAR) ELSE {lit(label)} END"


def _order_sql(plan: Plan, xtype: str, xorder: str | None, x: str, first_y: str, color: str | None,
               parts: _Parts | None = None) -> str:
    """ORDER BY of an aggregate; an "Other" group or series always comes last."""
    qx = quote_ident(x)
    xkey = xorder or qx
    head = parts.rest_x if parts else ""
    ckey = f", {parts.rest_color if parts else ''}{quote_ident(color)}" if color else ""
    if plan.order is not None:
        d = "DESC" if plan.order.desc else "ASC"
        if plan.order.by == "dimension":
            return f"{head}{xkey} {d} NULLS LAST{ckey}"
        return f"{head}{first_y} {d} NULLS LAST, {qx}{ckey}"
    if plan.limit:  # top-N without a direction: largest first
        return f"{head}{first_y} DESC NULLS LAST, {qx}{ckey}"
    if xtype in ("temporal", "ordinal", "quantitative") or color:
        return f"{head}{xkey} ASC NULLS LAST{ckey}"
    return f"{head}{first_y} DESC NULLS LAST, {qx}"


def _raw(plan: Plan, profile: dict[str, Any], measures: list[Measure], max_rows: int) -> Query:
    taken: set[str] = set()
    select, ys = [], []
    x = None
    xtype = None
    nonnull = []
    if plan.dimension is not None:
        xexpr, xtype, _, _ = dimension_expr(plan, profile)
        x = _unique_alias(plan.dimension.column, taken)
        select.append(f"{quote_ident(plan.dimension.column)} AS {quote_ident(x)}")
    for m in measures:
        assert m.column is not None  # validate_plan counts rows for a measure without a column
        y = _unique_alias(m.column, taken)
        ys.append(y)
        select.append(f"{quote_ident(m.column)} AS {quote_ident(y)}")
        nonnull.append(f"{quote_ident(m.column)} IS NOT NULL")
    color = None
    if plan.color:
        color = _unique_alias(plan.color, taken)
        select.append(f"{quote_ident(plan.color)} AS {quote_ident(color)}")
    where = where_sql(plan, profile, nonnull if plan.dimension is None else None)
    order = ""
    if plan.order is not None:
        key = quote_ident(ys[0]) if plan.order.by == "measure" or x is None else quote_ident(x)
        order = f" ORDER BY {key} {'DESC' if plan.order.desc else 'ASC'} NULLS LAST"
    elif plan.limit:
        order = f" ORDER BY {quote_ident(ys[0])} DESC NULLS LAST"
    limit = int(plan.limit) if plan.limit else max_rows + 1
    sample = ""
    if not order and profile["row_count"] > max_rows:
        # a scatter of a big table: a repeatable sample instead of the first rows
        sample = f" USING SAMPLE reservoir({max_rows} ROWS) REPEATABLE (42)"
    sql = f"SELECT {', '.join(select)} FROM {TABLE}{where}{order} LIMIT {limit}"
    if sample:
        sql = f"SELECT * FROM (SELECT {', '.join(select)} FROM {TABLE}{where}){sample}"
    return Query(sql=sql, kind="raw", x=x, x_type=xtype if xtype != "quantitative" or x else None, ys=ys,
                 color=color, extra={"sampled": bool(sample)})


def _table(plan: Plan, profile: dict[str, Any], max_rows: int) -> Query:
    cols = [m.column for m in plan.measures if m.column] or [c["name"] for c in profile["columns"][:12]]
    order = ""
    if plan.order is not None and plan.measures and plan.measures[0].column:
        order = f" ORDER BY {quote_ident(plan.measures[0].column)} {'DESC' if plan.order.desc else 'ASC'} NULLS LAST"
    limit = int(plan.limit) if plan.limit else min(max_rows, 100) + 1
    sql = (f"SELECT {', '.join(quote_ident(c) for c in cols)} FROM {TABLE}{where_sql(plan, profile)}{order} "
           f"LIMIT {limit}")
    return Query(sql=sql, kind="table", ys=cols)


def nice_bins(lo: float, hi: float, target: int, integer: bool = False) -> tuple[float, float]:
    """(start, width) of about `target` bins with a round width covering [lo, hi]; for whole numbers a
    whole width of at least 1 (bins of 2.5 years of age would hold 3 ages, then 2)."""
    if hi <= lo:
        return lo, 1.0
    raw = (hi - lo) / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if integer and mag < 10 else (1, 2, 2.5, 5, 10)
    width = next(m * mag for m in steps if m * mag >= raw)
    if integer:
        width = max(1.0, float(round(width)))
    return math.floor(lo / width) * width, width


def _histogram(plan: Plan, profile: dict[str, Any]) -> Query:
    d = plan.dimension
    assert d is not None  # compile_plan's test for bins
    col = profile["_by_name"][d.column]
    lo, hi = float(col.get("min") or 0), float(col.get("max") or 0)
    start, width = nice_bins(lo, hi, d.bins or 20, integer=col["type"] == "integer")
    q = quote_ident(d.column)
    b = f"floor(({q} - {start!r}) / {width!r}) * {width!r} + {start!r}"
    sql = (f"SELECT {b} AS bin_start, {b} + {width!r} AS bin_end, count(*) AS \"Count\" FROM {TABLE}"
           f"{where_sql(plan, profile, [f'{q} IS NOT NULL'])} GROUP BY ALL ORDER BY bin_start")
    return Query(sql=sql, kind="histogram", x="bin_start", x_type="quantitative", ys=["Count"],
                 extra={"bin_end": "bin_end", "width": width, "column": d.column})


def _boxplot(plan: Plan, profile: dict[str, Any], m: Measure) -> Query:
    assert m.column is not None  # compile_plan's test
    q = quote_ident(m.column) if m.kind is None else f"({row_sql(m, profile)})"  # a duration: each row's
    group = plan.dimension.column if plan.dimension else None
    stats = (f"min({q}) AS \"min\", quantile_cont({q}, 0.25) AS q1, median({q}) AS median, "
             f"quantile_cont({q}, 0.75) AS q3, max({q}) AS \"max\", count({q}) AS n")
    where = where_sql(plan, profile, [f"{q} IS NOT NULL"])
    if group:
        g = quote_ident(group)
        expr, order = g, f"median DESC, {g}"
        if plan.dimension and plan.dimension.grain:  # "spread of X by month": a box per month, in time order
            expr, _type, _sort, by = dimension_expr(plan, profile)
            order = by or g
        sql = f"SELECT {expr} AS {g}, {stats} FROM {TABLE}{where} GROUP BY ALL ORDER BY {order} LIMIT 50"
    else:
        sql = f"SELECT {stats} FROM {TABLE}{where}"
    return Query(sql=sql, kind="boxplot", x=group, x_type="nominal", ys=["median"],
                 extra={"column": m.column if m.kind is None else row_label(m)})

