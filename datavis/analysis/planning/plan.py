"""The typed plan both planners fill and the compiler turns into SQL + a Vega-Lite spec.

Column names in a plan are the dataset's own; `validate_plan` checks them against the
profile so a plan from any source (rules, a model, a follow-up edit) is safe to compile.
"""
from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, Field

from ..errors import Unanswerable

Agg = Literal["sum", "avg", "median", "min", "max", "count", "count_distinct", "none"]
Grain = Literal["year", "quarter", "month", "week", "day", "hour", "weekday", "month_of_year", "hour_of_day"]
Intent = Literal["kpi", "compare", "trend", "distribution", "correlation", "part_to_whole", "rank", "table"]
Chart = Literal["auto", "bar", "line", "area", "arc", "point", "histogram", "boxplot", "kpi", "table", "heatmap"]
Op = Literal["=", "!=", ">", ">=", "<", "<=", "in", "not_in", "between", "contains", "not_contains",
             "starts_with", "is_null", "not_null"]
Value = Union[str, float, int, bool]

AGG_WORDS = {"sum": "Total", "avg": "Average", "median": "Median", "min": "Minimum", "max": "Maximum",
             "count": "Number of", "count_distinct": "Distinct", "none": ""}


class Measure(BaseModel):
    """A value on the y axis: a column and how it is aggregated (column None + count = rows)."""

    column: str | None = Field(None, description="column name, or null to count rows")
    agg: Agg = Field("sum", description="aggregation; 'none' plots raw values without grouping")


class Dimension(BaseModel):
    """The x axis: a column, with a time grain for dates or a bin count for numbers."""

    column: str
    grain: Grain | None = Field(None, description="time bucket for a date column")
    bins: int | None = Field(None, description="number of bins for a numeric column (histogram)")


class Filter(BaseModel):
    column: str
    op: Op = "="
    values: list[Value] = Field(default_factory=list, description="one value; two for between; many for in")


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


def validate_plan(plan: Plan, profile: dict) -> Plan:
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
        return col["name"]

    for m in plan.measures:
        m.column = fix(m.column, "measure column")
        if m.column is None and m.agg not in ("count",):
            m.agg = "count"
        if m.column is not None and m.agg in ("sum", "avg", "median") and \
                by_name[m.column]["type"] not in ("integer", "number", "boolean"):
            raise Unanswerable(f"'{m.column}' is not numeric, so it cannot be "
                               f"{'summed' if m.agg == 'sum' else 'averaged'}; it can be counted")
    if plan.dimension is not None:
        plan.dimension.column = fix(plan.dimension.column, "dimension column")
        col = by_name[plan.dimension.column]
        if plan.dimension.grain and col["type"] not in ("date", "datetime"):
            if not (col.get("year_like") and plan.dimension.grain == "year"):
                plan.dimension.grain = None
        if plan.dimension.bins and col["type"] not in ("integer", "number"):
            plan.dimension.bins = None
    plan.color = fix(plan.color, "colour column")
    for f in plan.filters:
        f.column = fix(f.column, "filter column")
    if plan.limit is not None and plan.limit <= 0:
        plan.limit = None
    return plan
