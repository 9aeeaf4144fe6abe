"""Derived measures (rates, ratios, date differences, sums of two columns) → one SQL aggregate
expression, its label and how its numbers read.

Like the compiler, this writes only quoted identifiers from a validated plan and literals escaped
by `lit`; every division is guarded with NULLIF, so a group with nothing to divide by has no
value (NULL) instead of an error or an infinity.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import Unanswerable
from ..language.names import quote_ident, split_name
from ..language.parsing import anchor_of, main_temporal
from ..plan import AGG_WORDS, Filter, Measure

_ID_WORDS = {"id", "ids", "key", "code", "no", "num", "number", "nbr", "uuid", "guid", "ref", "identifier"}
_OP_WORDS = {"=": "", "!=": "not ", ">": "over ", ">=": "at least ", "<": "under ", "<=": "at most ",
             "in": "", "not_in": "not ", "between": "between ", "contains": "containing ",
             "not_contains": "not containing ", "starts_with": "starting with ", "is_null": "missing",
             "not_null": "present", "weekday": "on "}
# columns whose values say what they are on their own ("Cancelled", "churned")
_STATE_WORDS = {"status", "state", "stage", "outcome", "result", "flag"}
_UNIT_WORDS = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks", "month": "months",
               "year": "years"}


def _agg(agg: str, expr: str) -> str:
    if agg == "count_distinct":
        return f"count(DISTINCT {expr})"
    return f"{'avg' if agg == 'none' else agg}({expr})"


def _number(column: str, by_name: dict[str, Any]) -> str:
    q = quote_ident(column)
    return f"CAST({q} AS INTEGER)" if by_name[column]["type"] == "boolean" else q


def derived_sql(m: Measure, profile: dict[str, Any], condition_sql: Callable[[Filter], str]) -> str:
    """The aggregate expression of a derived measure; `condition_sql(Filter)` is the compiler's
    filter_sql bound to the profile (one place writes WHERE conditions)."""
    by_name = profile["_by_name"]
    if m.kind == "rate":
        assert m.condition is not None  # validate_derived: a rate has a condition
        cond = condition_sql(m.condition)
        # rows whose condition column is unknown (a blank Yes/No) are in neither part, as avg() would do
        known = "" if m.condition.op in ("is_null", "not_null") else \
            f" FILTER (WHERE {quote_ident(m.condition.column)} IS NOT NULL)"
        if m.column is None:
            return f"100.0 * count(*) FILTER (WHERE {cond}) / NULLIF(count(*){known}, 0)"
        whole = f"{m.agg}({_number(m.column, by_name)})"
        return f"100.0 * {whole} FILTER (WHERE {cond}) / NULLIF({whole}{known}, 0)"
    if m.kind == "ratio":
        top = "count(*)" if m.column is None else _agg(m.agg, _number(m.column, by_name))
        both = m.column is not None and m.other is not None and m.agg == m.other_agg == "sum"
        if both:  # a ratio of two sums over the rows where both are known (cost per kg, ROAS)
            top += f" FILTER (WHERE {quote_ident(m.other or '')} IS NOT NULL)"
        if m.other is None:
            bottom = "count(*)"
        elif m.other_agg in ("count", "count_distinct"):
            bottom = _agg(m.other_agg, quote_ident(m.other))
        else:
            bottom = _agg(m.other_agg, _number(m.other, by_name))
            bottom += f" FILTER (WHERE {quote_ident(m.column or '')} IS NOT NULL)" if both else ""
        scale = "100.0 * " if m.percent else "1.0 * "
        return f"{scale}{top} / NULLIF({bottom}, 0)"
    if m.kind == "growth":  # the bucket's own aggregate; the compiler compares it with the bucket before
        return "count(*)" if m.column is None else _agg(m.agg, _number(m.column, by_name))
    if m.kind == "margin":  # over the rows where both are known, as a ratio of two sums is
        a, b = quote_ident(m.column or ""), quote_ident(m.other or "")
        whole = f"sum({a}) FILTER (WHERE {b} IS NOT NULL)"
        return f"100.0 * ({whole} - sum({b}) FILTER (WHERE {a} IS NOT NULL)) / NULLIF({whole}, 0)"
    return _agg(m.agg, row_sql(m, profile))


ROW_KINDS = ("date_diff", "add", "subtract", "multiply")  # derived from one row's own columns


def row_sql(m: Measure, profile: dict[str, Any]) -> str:
    """The value of a derived measure of ROW_KINDS for one row (a box plot spreads it): the time
    between two dates, a sum, a difference or a product of two columns."""
    a, b = quote_ident(m.column or ""), quote_ident(m.other or "")
    if m.kind == "date_diff":
        return _elapsed(a, b if m.other else _last_day(profile), m.unit)
    if m.kind == "subtract":
        return f"({a} - {b})"
    if m.kind == "multiply":
        return f"({a} * {b})"
    # add: a missing term counts as 0 unless both are missing (children left blank: adults only)
    return f"CASE WHEN {a} IS NULL AND {b} IS NULL THEN NULL ELSE coalesce({a}, 0) + coalesce({b}, 0) END"


def row_label(m: Measure) -> str:
    """The name of one row's value of a derived measure ("days from Loan Date to Return Date")."""
    return derived_label(m.model_copy(update={"agg": "none"}))


def _last_day(profile: dict[str, Any]) -> str:
    """The data's last day, which "days since" and "days overdue" run to (as relative periods do)."""
    last = anchor_of(main_temporal(profile))
    if last is None:
        raise Unanswerable("the time up to the data's last day needs a date column")
    return f"DATE '{last.isoformat()}'"


_SECONDS = {"minute": 60, "hour": 3_600, "day": 86_400, "week": 604_800}


def _elapsed(a: str, b: str, unit: str) -> str:
    """Time elapsed from a to b: exact for minutes to weeks (08:59 → 09:01 is 2 minutes, not the
    hour boundary date_diff would count); calendar months and years as DuckDB counts them."""
    if unit in _SECONDS:
        return f"(epoch(CAST({b} AS TIMESTAMP)) - epoch(CAST({a} AS TIMESTAMP))) / {_SECONDS[unit]}.0"
    return f"date_diff('{unit}', {a}, {b})"


_COMPARED = {"=": "equal to", "!=": "not equal to", ">": "over", ">=": "at least", "<": "under", "<=": "at most"}
_COMPARED_DATES = {">": "after", ">=": "on or after", "<": "before", "<=": "on or before"}


def compared_words(f: Filter) -> str:
    """A comparison of two columns in words: 'OnHand under ReorderLevel', 'Paid Date after Due Date'
    (a date read by its name: the words are only a label)."""
    dated = bool({w.lower() for w in split_name(f.column)} & {"date", "day", "on", "at", "time"})
    words = (_COMPARED_DATES if dated else {}).get(f.op) or _COMPARED.get(f.op, f.op)
    return f"{f.column} {words} {f.other}"


_YES, _NO = {"y", "yes", "true", "t"}, {"n", "no", "false", "f"}
_SEX_WORDS = {"gender", "sex"}


def truth(f: Filter) -> bool | None:
    """Whether a condition on one yes/no value keeps the column's yes (True) or its no (False): `Remote` = true,
    `Converted` = 'Y', `Rush` != 'N'; None for any other condition."""
    if len(f.values) != 1 or f.op not in ("=", "!=") or f.other is not None:
        return None
    v = f.values[0]
    if str(v).strip().lower() in ("f", "m") and {w.lower() for w in split_name(f.column)} & _SEX_WORDS:
        return None  # Gender = 'F' is female, not false
    said = v if isinstance(v, bool) else (str(v).strip().lower() in _YES if str(v).strip().lower() in _YES | _NO
                                          else None)
    return None if said is None else said == (f.op == "=")


def condition_words(f: Filter) -> str:
    """A condition in a few words: 'Returned', 'not Remote' (also of a Y/N column), 'Status Cancelled', 'Age
    over 50'."""
    vals = [str(v) for v in f.values]
    if f.other is not None:
        return compared_words(f)
    kept = truth(f)
    if kept is not None:
        return f.column if kept else f"not {f.column}"
    if f.op in ("is_null", "not_null"):
        return f"{f.column} {_OP_WORDS[f.op]}"
    joiner = " and " if f.op == "between" else " or "
    if f.op in ("=", "in") and set(split_name(f.column)) <= _STATE_WORDS:
        return joiner.join(vals)  # "% Cancelled", not "% Status Cancelled"
    return f"{f.column} {_OP_WORDS[f.op]}{joiner.join(vals)}"


def _per(column: str) -> str:
    """'per Weight (kg)'; an id column counts its things: 'Order ID' → 'per order'."""
    words = split_name(column)
    if {w.lower() for w in words} & {"date", "day"}:
        return "per day"  # a count of distinct days ("visits per day")
    if len(words) >= 2 and words[-1] in _ID_WORDS:
        return "per " + " ".join(words[:-1])
    return f"per {column}"


def aggregated_name(agg: str, name: str) -> str:
    """"Total Revenue", "Average Salary"; a sum of a column that says a total already is its name ("Order Total",
    "Total Sales": not "Total Order Total")."""
    if agg == "sum" and "total" in {w.lower() for w in split_name(name)}:
        return name
    return f"{AGG_WORDS.get(agg, '')} {name}".strip()


def derived_label(m: Measure) -> str:
    """The measure's name on the chart, in the data's column names."""
    if m.kind == "rate":
        cond = condition_words(m.condition) if m.condition else "?"
        return f"% {cond}" if m.column is None else f"% of {m.column} with {cond}"
    if m.kind == "ratio":
        top = "Rows" if m.column is None else m.column
        if m.percent:
            return f"{top} as % of {m.other or 'rows'}"
        return f"{top} {_per(m.other) if m.other else 'per row'}"
    if m.kind == "margin":
        return f"{m.column} − {m.other} as % of {m.column}"
    if m.kind == "growth":
        base = "Rows" if m.column is None else aggregated_name(m.agg, m.column)
        return f"{base.strip()} growth %"
    agg = AGG_WORDS.get(m.agg, "") if m.agg != "avg" else "Average"
    if m.kind == "date_diff":
        return f"{agg} {_UNIT_WORDS[m.unit]} from {m.column} to {m.other or 'the last day'}".strip()
    sign = {"add": "+", "subtract": "−", "multiply": "×"}[m.kind or "add"]
    return f"{agg} {m.column} {sign} {m.other}".strip()


def is_percent(m: Measure | None) -> bool:
    """Numbers of this measure are percentages (0–100)."""
    return m is not None and (m.kind in ("rate", "margin", "growth") or (m.kind == "ratio" and m.percent))


def derived_summary(m: Measure) -> dict[str, Any]:
    """What GET /charts/<id> shows of a derived measure: its kind, label and parts."""
    out: dict[str, Any] = {"kind": m.kind, "label": derived_label(m)}
    if m.kind == "rate" and m.condition is not None:
        out["condition"] = {"field": m.condition.column, "op": m.condition.op,
                            "value": m.condition.values[0] if len(m.condition.values) == 1 else m.condition.values}
    if m.other is not None:
        out["other"] = m.other
    if m.kind == "ratio":
        out["other_aggregate"] = m.other_agg
    if m.kind == "date_diff":
        out["unit"] = m.unit
    return out


def derived_money(m: Measure, by_name: dict[str, Any]) -> bool:
    """Values of this derived measure are money: a sum of two amounts, or an amount per something
    that is not money (cost per kg); never a rate, a percentage, a time or a ratio of two amounts."""
    def money(c: str | None) -> bool:
        col = by_name.get(c or "", {})
        return bool(col.get("money")) or col.get("unit") in ("$", "€", "£", "¥")
    if m.kind in ("add", "subtract"):
        return money(m.column)
    if m.kind == "multiply":
        return money(m.column) or money(m.other)
    return m.kind == "ratio" and not m.percent and money(m.column) and \
        (m.other is None or m.other_agg in ("count", "count_distinct") or not money(m.other))
