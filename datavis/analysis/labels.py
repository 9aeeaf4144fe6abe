"""What a measure is called, in one place for the SQL result column, the chart's axis, the title,
the insight and an alternative's button: "Total Revenue", "Average Annual Salary", and a count
of rows names what each row is ("Number of employees", "Number of tickets"), taken from the
table's identifier column ("Employee ID" → employees) or, failing that, from a plural table name.

Neutral ground: planning (an alternative's question) and presentation both use it."""
from __future__ import annotations

import re
from typing import Any

from .language.rownoun import counted_noun
from .plan import Measure
from .sql.derived import aggregated_name, condition_words, derived_label

# a chart type in words, as a message says it and as a question asks for it ("... as a KPI")
CHART_NAMES = {"bar": "a bar chart", "line": "a line chart", "area": "an area chart", "arc": "a pie chart",
               "point": "a scatter plot", "table": "a table", "kpi": "a KPI", "histogram": "a histogram",
               "boxplot": "a box plot", "heatmap": "a heatmap"}
_UNIT_SUFFIX = re.compile(r" *[(\[][^)\]]*[)\]]$")  # "Talk Time (min)": the unit a scaled label replaces


def count_label(profile: dict[str, Any]) -> str:
    return f"Number of {counted_noun(profile)}"


def counts_rows(m: Measure | None) -> bool:
    """A count of rows (no measure at all counts rows too)."""
    return m is None or (m.column is None and m.kind is None)


def measure_label(m: Measure, column_label: str | None = None) -> str:
    """The measure in the data's column names: the SQL result column ("Total Revenue")."""
    if m.kind is not None:
        return derived_label(m)
    if m.where is not None:  # a subset measured beside the whole: "Count (Cancelled)", "Total Amount (Refunded)"
        return f"{measure_label(m.model_copy(update={'where': None}), column_label)} ({condition_words(m.where)})"
    if m.column is None:
        return "Count"
    name = column_label or m.column
    if m.scale is not None and m.scaled_as and m.agg not in ("count", "count_distinct"):
        # "Talk Time (min)" in hours is "Talk Time (hours)"; money out of a signed Amount "Amount (money out)"
        name = f"{_UNIT_SUFFIX.sub('', name)} ({m.scaled_as})"
    if m.negate is not None:
        name = f"Net {name}"
    if m.agg == "none":
        return name
    if m.agg == "count":
        return f"Count of {name}"
    if m.agg == "count_distinct":
        return f"Distinct {name}"
    return aggregated_name(m.agg, name)


def measure_name(m: Measure | None, profile: dict[str, Any], shown: str | None = None) -> str:
    """What people read for a measure: the counted things for a count of rows, else `shown` (the
    result column's name when the caller has one) or the measure's label."""
    if counts_rows(m):
        return count_label(profile) + (f" ({condition_words(m.where)})" if m is not None and m.where else "")
    assert m is not None  # counts_rows(None)
    return shown or measure_label(m)


def measures_name(measures: list[Measure], profile: dict[str, Any]) -> str:
    """Several measures as words: "Total Revenue and Total Profit", "Number of orders"."""
    names = [measure_name(m, profile) for m in measures] or [count_label(profile)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


BLANKS_LEFT_OUT = "rows with no "


def blanks_note(column: str) -> str:
    """The assumption of a grouping that leaves the rows without a value out (sql.compiler)."""
    return f"{BLANKS_LEFT_OUT}{column} are left out"
