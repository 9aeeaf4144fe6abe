"""The typed plan both planners fill and the compiler turns into SQL + a Vega-Lite spec.

Column names in a plan are the dataset's own; `validate_plan` checks them against the
profile so a plan from any source (rules, a model, a follow-up edit) is safe to compile.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field

from .errors import Unanswerable

Agg = Literal["sum", "avg", "median", "min", "max", "count", "count_distinct", "none"]
Grain = Literal["year", "quarter", "month", "week", "day", "hour", "weekday", "month_of_year", "hour_of_day"]
Intent = Literal["kpi", "compare", "trend", "distribution", "correlation", "part_to_whole", "rank", "table"]
Chart = Literal["auto", "bar", "line", "area", "arc", "point", "histogram", "boxplot", "kpi", "table", "heatmap"]
Op = Literal["=", "!=", ">", ">=", "<", "<=", "in", "not_in", "between", "contains", "not_contains",
             "starts_with", "is_null", "not_null", "weekday"]
Value = str | float | int | bool

Derived = Literal["rate", "ratio", "date_diff", "add", "subtract", "multiply", "margin", "growth"]
TimeUnit = Literal["minute", "hour", "day", "week", "month", "year"]

AGG_WORDS = {"sum": "Total", "avg": "Average", "median": "Median", "min": "Minimum", "max": "Maximum",
             "count": "Number of", "count_distinct": "Distinct", "none": ""}


def of_a_kind(aggs: list[Agg]) -> list[Agg]:
    """The usual aggregations of measures shown side by side with none said: a total beside an
    average ("wait vs talk time per agent") reads as two of a kind, so a level among them makes
    every one an average."""
    return ["avg"] * len(aggs) if len(aggs) > 1 and set(aggs) == {"sum", "avg"} else aggs


class Measure(BaseModel):
    """A value on the y axis: a column and how it is aggregated (column None + count = rows)."""

    column: str | None = Field(None, description="column name, or null to count rows")
    agg: Agg = Field("sum", description="aggregation; 'none' plots raw values without grouping")
    # a derived value instead of one column (see validate_derived); null for a plain column
    kind: Derived | None = Field(None, description=(
        "null for a plain column; 'rate': 100 × rows meeting `condition` / rows where the condition's column "
        "is known (with `column` set: 100 × agg(column) over those rows / agg(column) over all); "
        "'ratio': agg(column) / other_agg(other), "
        "column null = rows, other null = rows (e.g. cost per kg = sum Cost / sum Weight); 'date_diff': agg of "
        "the time from the date `column` to the date `other` (null = the data's last day: days since, days "
        "overdue), in `unit`s (e.g. days from ship to delivery); "
        "'add': agg(column + other); 'subtract': agg(column - other) (price minus cost); 'multiply': "
        "agg(column × other) (quantity × unit cost); 'margin': 100 × (sum(column) − sum(other)) / sum(column) "
        "(gross margin of Sales and COGS); 'growth': 100 × (agg(column) / agg(column) of the time bucket before − 1) "
        "along a time axis (month over month growth; column null = rows)"))
    condition: Filter | None = Field(None, description="kind 'rate' only: which rows are counted, e.g. "
                                     "Returned = true or Status = Cancelled")
    other: str | None = Field(None, description="the second column: denominator of a 'ratio' (null = number of "
                              "rows), end date of a 'date_diff' (null = the data's last day), second term of an "
                              "'add', 'subtract' or 'multiply'")
    other_agg: Literal["sum", "count", "count_distinct", "avg"] = Field(
        "sum", description="kind 'ratio': how `other` is aggregated (count_distinct of an id: per distinct order)")
    unit: TimeUnit = Field("day", description="kind 'date_diff': unit of the time difference")
    percent: bool = Field(False, description="kind 'ratio': × 100, shown as a percentage (a margin)")
    scale: float | None = Field(None, description="plain column only: each value times this before it is "
                                "aggregated (-1: money out of a signed amount as a positive sum; 1/60: minutes "
                                "as hours; 0.001: in thousands); null = as stored")
    negate: Filter | None = Field(None, description="plain column only: the rows meeting this condition count "
                                  "negative (a net flow: Type = Withdrawal taken from the deposits)")
    scaled_as: str | None = Field(None, description="with scale: what the values become, for the label "
                                  "('money out', 'hours', 'thousands')")
    where: Filter | None = Field(None, description="plain column or row count only: the measure is taken over "
                                 "just the rows meeting this condition, beside others taken over all rows (the "
                                 "cancellations beside all bookings: count with Status = Cancelled; refunds "
                                 "beside revenue: sum of Amount with Refunded = Y); plan filters still apply")
    date: str | None = Field(None, description="with a time axis only: the date column this measure's rows "
                             "fall in time by, when it is not the axis's (\"signups and completions by month\": "
                             "the completions by Completed On, the signups by the axis's Signed Up)")


class Dimension(BaseModel):
    """The x axis: a column, with a time grain for dates or a bin count for numbers."""

    column: str
    grain: Grain | None = Field(None, description="time bucket for a date column")
    bins: int | None = Field(None, description="number of bins for a numeric column (histogram)")


class Filter(BaseModel):
    column: str
    op: Op = "="
    values: list[Value] = Field(default_factory=list, description="one value; two for between; many for in; "
                                "day names (Monday…Sunday) for weekday, on a date column")
    other: str | None = Field(None, description="compare with this column instead of values (op =, !=, >, >=, <, "
                              "<=; both numbers or both dates): OnHand < ReorderLevel, Paid Date > Due Date")


Measure.model_rebuild()  # its condition is a Filter, defined after it


class Order(BaseModel):
    by: Literal["measure", "dimension"] = "measure"
    desc: bool = True


class Plan(BaseModel):
    """What to compute and how to show it."""

    intent: Intent = "compare"
    measures: list[Measure] = Field(default_factory=list, description="one or more: with a dimension each is a "
                                    "series (grouped bars, lines); two raw measures without one make a scatter")
    dimension: Dimension | None = None
    color: str | None = Field(None, description="a second dimension (series / stack)")
    filters: list[Filter] = Field(default_factory=list)
    order: Order | None = Field(None, description="only when the question asks for an order or top/bottom N")
    limit: int | None = Field(None, description="top/bottom N")
    other: bool = Field(False, description="with a limit: the groups past the top N summed into one 'Other' "
                                           "group shown last ('top 5 and the rest'); sum and count only")
    chart: Chart = "auto"
    horizontal: bool | None = None
    share: bool = Field(False, description="show each value as a share of the total")
    stacking: Literal["stack", "group"] | None = Field(None, description="bars with a colour: stacked or side by side")
    assumptions: list[str] = Field(default_factory=list, description="what was assumed, in plain words")
    evidence: list[str] = Field(default_factory=list, description="which words mapped to what")
    period: str | None = Field(None, description="human description of a time filter, e.g. 'in 2023'")


def copy_plan(plan: Plan) -> Plan:
    """`plan.model_copy(deep=True)`, without `copy.deepcopy`'s generic dispatch on every part (the
    edits of a follow-up copy the plan for each variant they try)."""
    copied: Plan = _deep_copy(plan, {})
    return copied


_ATOMS = (str, int, float, bool, type(None))


def _deep_copy(value: Any, memo: dict[int, Any]) -> Any:
    """What `copy.deepcopy` does to a plan's parts: models, lists and dicts copied once each (the
    memo keeps an object shared inside the plan shared in the copy), plain values kept; anything
    else (or a model with private attributes) is left to `deepcopy` itself."""
    if type(value) in _ATOMS:
        return value
    hit = memo.get(id(value))
    if hit is not None:
        return hit
    if type(value) is list:
        out: list[Any] = []
        memo[id(value)] = out
        # plain values inline: most parts of a plan are (a call per string was most of the copy's time)
        out.extend([v if type(v) in _ATOMS else _deep_copy(v, memo) for v in value])
        return out
    if type(value) is dict:
        copied: dict[Any, Any] = {}
        memo[id(value)] = copied
        for k, v in value.items():
            copied[k if type(k) in _ATOMS else _deep_copy(k, memo)] = v if type(v) in _ATOMS else _deep_copy(v, memo)
        return copied
    if isinstance(value, BaseModel) and getattr(value, "__pydantic_private__", None) is None:
        cls = type(value)
        model = cls.__new__(cls)
        memo[id(value)] = model
        object.__setattr__(model, "__dict__", _deep_copy(value.__dict__, memo))
        object.__setattr__(model, "__pydantic_extra__", _deep_copy(value.__pydantic_extra__, memo))
        object.__setattr__(model, "__pydantic_fields_set__", set(value.__pydantic_fields_set__))
        object.__setattr__(model, "__pydantic_private__", None)
        return model
    return copy.deepcopy(value, memo)


def ranks_by_measure(plan: Plan) -> bool:
    """The top or bottom N groups by the measure ("the 10 days with the most clicks"): over time,
    ranked periods, said by their highest and lowest, not as a run of time (first to last)."""
    return bool(plan.limit) and plan.order is not None and plan.order.by == "measure"


def cyclic_axis(plan: Plan) -> bool:
    """An axis of places in a cycle (hours of the day, weekdays, months of the year): their values
    are compared as bars, not read as a run of time."""
    return plan.dimension is not None and plan.dimension.grain in ("hour_of_day", "weekday", "month_of_year")


def validate_plan(plan: Plan, profile: dict[str, Any]) -> Plan:
    """Check every column against the profile (case-insensitive fix-up); raise Unanswerable."""
    by_name, by_lower = profile["_by_name"], profile["_by_lower"]

    def fix(name: str | None, what: str) -> str | None:
        if name is None:
            return None
        if name in by_name:
            return name
        col = by_lower.get(str(name).lower().strip())
        if col is None:
            raise Unanswerable(f"the {what} '{name}' is not a column of this dataset")
        return str(col["name"])

    for m in plan.measures:
        if m.kind is not None:
            validate_derived(m, profile, fix)
            continue
        m.column = fix(m.column, "measure column")
        if m.date is not None:  # its own date along a time axis ("hires and exits by year")
            m.date = fix(m.date, "measure date column")
            if m.date is not None and by_name[m.date]["type"] not in ("date", "datetime"):
                raise Unanswerable(f"'{m.date}' is not a date column")
        if m.where is not None:  # a subset of the rows measured beside the others ("bookings and cancellations")
            m.where.column = fix(m.where.column, "measure condition column") or m.where.column
            _validate_other(m.where, by_name, fix)
        if m.negate is not None:
            m.negate.column = fix(m.negate.column, "negated rows' column") or m.negate.column
        if m.column is None and m.agg not in ("count",):
            m.agg = "count"
        if m.column is not None and m.agg in ("sum", "avg", "median") and \
                by_name[m.column]["type"] not in ("integer", "number", "boolean"):
            raise Unanswerable(f"'{m.column}' is not numeric, so it cannot be "
                               f"{'summed' if m.agg == 'sum' else 'averaged'}; it can be counted")
    if plan.dimension is not None:
        plan.dimension.column = fix(plan.dimension.column, "dimension column") or plan.dimension.column
        col = by_name[plan.dimension.column]
    two_numbers = ("ratio", "margin", "add", "subtract", "multiply")
    x = plan.dimension.column if plan.dimension is not None and not plan.dimension.bins else None
    if x is not None and by_name[x]["type"] in _NUMBERS and any(
            m.kind in two_numbers and x in (m.column, m.other) for m in plan.measures):
        # "revenue per mile" grouped by each value of Miles says nothing ("orders per day by month" does)
        raise Unanswerable(f"a measure made from '{x}' cannot be grouped by its values")
    if any(m.kind == "growth" for m in plan.measures) and (plan.dimension is None or not (
            plan.dimension.grain and by_name[plan.dimension.column]["type"] in ("date", "datetime"))):
        raise Unanswerable("growth is measured from one time bucket to the next, along a time axis")
    if plan.dimension is not None:
        # a grain needs a date (or a year-like number grouped by year)
        if plan.dimension.grain and col["type"] not in ("date", "datetime") and \
                not (col.get("year_like") and plan.dimension.grain == "year"):
            plan.dimension.grain = None
        if plan.dimension.bins and col["type"] not in ("integer", "number"):
            plan.dimension.bins = None
    plan.color = fix(plan.color, "colour column")
    for f in plan.filters:
        f.column = fix(f.column, "filter column") or f.column
        _validate_other(f, by_name, fix)
    if plan.limit is not None and plan.limit <= 0:
        plan.limit = None
    return plan


def _validate_other(f: Filter, by_name: dict[str, Any], fix: Callable[[str | None, str], str | None]) -> None:
    """A comparison of two columns: an order or equality of two numbers or two dates."""
    f.other = fix(f.other, "compared column")
    if f.other is None:
        return
    kinds = {by_name[c]["type"] in ("date", "datetime") for c in (f.column, f.other)}
    numbers = all(by_name[c]["type"] in ("integer", "number") for c in (f.column, f.other))
    if f.op not in ("=", "!=", ">", ">=", "<", "<=") or len(kinds) > 1 or not (numbers or kinds == {True}):
        raise Unanswerable(f"'{f.column}' cannot be compared with '{f.other}'")


_DATES = ("date", "datetime")
_NUMBERS = ("integer", "number")
_DERIVED_AGGS: dict[str, Agg] = {"rate": "count", "ratio": "sum", "date_diff": "avg", "add": "sum", "subtract": "sum",
                 "multiply": "sum", "margin": "sum",
                 "growth": "sum"}


def validate_derived(m: Measure, profile: dict[str, Any], fix: Callable[[str | None, str], str | None]) -> None:
    """A derived measure names existing columns of fitting types: a rate has a condition (and
    optionally a numeric column whose share it takes), a ratio numbers (or an id counted in the
    denominator), a date difference two dates, a sum two numbers. Never raw: per row it is a
    plain column."""
    by_name = profile["_by_name"]
    m.column = fix(m.column, "measure column")
    m.other = fix(m.other, "second measure column")
    col = by_name[m.column]["type"] if m.column else None
    other = by_name[m.other]["type"] if m.other else None
    if m.agg == "none" and m.kind is not None:
        m.agg = _DERIVED_AGGS[m.kind]
    if m.kind in ("rate", "ratio") and m.column is None:
        m.agg = "count"  # of rows
    if m.kind == "ratio" and m.other is None:
        m.other_agg = "count"
    if m.kind == "rate":
        if m.condition is None:
            raise Unanswerable("a rate needs the condition the rows must meet")
        m.condition.column = fix(m.condition.column, "condition column") or m.condition.column
        ok = col in (None, *_NUMBERS, "boolean") and (m.column is None or m.agg in ("sum", "count"))
    elif m.kind == "ratio":
        numeric_other = other in (*_NUMBERS, "boolean") or m.other_agg in ("count", "count_distinct")
        ok = (col in (*_NUMBERS, "boolean") or m.column is None) and (m.other is None or numeric_other)
    elif m.kind == "growth":
        ok = col in _NUMBERS and m.agg in ("sum", "avg", "median") or m.column is None and m.agg == "count"
    elif m.kind == "date_diff":
        ok = col in _DATES and (other in _DATES or m.other is None) and m.agg in ("avg", "median", "min", "max", "sum")
    else:
        aggs = ("sum",) if m.kind == "margin" else ("sum", "avg", "median", "min", "max")
        ok = col in _NUMBERS and other in _NUMBERS and m.agg in aggs
    if not ok:
        raise Unanswerable(f"the {m.kind} of '{m.column}' and '{m.other}' cannot be computed from their types")
