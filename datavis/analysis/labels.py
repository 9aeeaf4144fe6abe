"""What a measure is called, in one place for the SQL result column, the chart's axis, the title,
the insight and an alternative's button: "Total Revenue", "Average Annual Salary", and a count
of rows names what each row is ("Number of employees", "Number of tickets"), taken from the
table's identifier column ("Employee ID" → employees) or, failing that, from a plural table name.

Neutral ground: planning (an alternative's question) and presentation both use it."""
from __future__ import annotations

import re
from typing import Any

from .datasets.profile import is_identifier
from .language.lexicon import ABBREVIATIONS, PEOPLE_ROLES
from .language.names import split_name
from .plan import AGG_WORDS, Measure
from .sql.derived import derived_label

# a chart type in words, as a message says it and as a question asks for it ("... as a KPI")
CHART_NAMES = {"bar": "a bar chart", "line": "a line chart", "area": "an area chart", "arc": "a pie chart",
               "point": "a scatter plot", "table": "a table", "kpi": "a KPI", "histogram": "a histogram",
               "boxplot": "a box plot", "heatmap": "a heatmap"}
_NOT_NOUNS = {"id", "ids", "key", "code", "uuid", "guid", "ref", "name", "title", "label", "number", "index"}
_UNIT_SUFFIX = re.compile(r" *[(\[][^)\]]*[)\]]$")  # "Talk Time (min)": the unit a scaled label replaces
_ID_WORDS = {"id", "ids", "key", "code", "no", "num", "number", "nbr", "uuid", "guid", "ref"}


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("sh", "ch", "x")) else "s")


def counted_noun(profile: dict[str, Any]) -> str:
    """What one row of the table is, in the plural; "rows" when the data does not say: the
    identifier column's name ("Employee ID", or "Employee" holding E0001…), else the table's."""
    for col in profile["columns"]:
        if is_identifier(col) and col.get("unique"):
            words = [w.lower() for w in split_name(col["name"])]
            if len(words) >= 2 and words[-1] in _ID_WORDS and re.fullmatch(r"[a-z]{3,}", words[-2]):
                full = ABBREVIATIONS.get(words[-2], words[-2])  # emp_id, txn_id: employees, transactions
                return _plural(full if " " not in full else words[-2])
            if len(words) == 1 and re.fullmatch(r"[a-z]{3,}", words[0]) and words[0] not in _NOT_NOUNS:
                return _plural(words[0])
    for col in profile["columns"]:  # a staff list's "Employee" (names, one per row): each row is one person
        words = [w.lower() for w in split_name(col["name"])]
        if col["type"] == "text" and col.get("unique") and words and words[-1] in PEOPLE_ROLES:
            return _plural(words[-1])
    name = [w.lower() for w in split_name(str(profile.get("name") or ""))]
    if name and re.fullmatch(r"[a-z]{4,}s", name[-1]) and not name[-1].endswith(("ss", "ics", "us")):
        return name[-1]
    return "rows"


def count_label(profile: dict[str, Any]) -> str:
    return f"Number of {counted_noun(profile)}"


def counts_rows(m: Measure | None) -> bool:
    """A count of rows (no measure at all counts rows too)."""
    return m is None or (m.column is None and m.kind is None)


def measure_label(m: Measure, column_label: str | None = None) -> str:
    """The measure in the data's column names: the SQL result column ("Total Revenue")."""
    if m.kind is not None:
        return derived_label(m)
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
    return f"{AGG_WORDS[m.agg]} {name}"


def measure_name(m: Measure | None, profile: dict[str, Any], shown: str | None = None) -> str:
    """What people read for a measure: the counted things for a count of rows, else `shown` (the
    result column's name when the caller has one) or the measure's label."""
    if counts_rows(m):
        return count_label(profile)
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
