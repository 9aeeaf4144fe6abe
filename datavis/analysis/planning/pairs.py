"""Pairs of columns that make one measure together, read from a table's column names and data: the two
ends of a stretch of time ("Start Time" / "End Time", "Check In" / "Check Out": each row lasts from one
to the other), and an amount planned beside the same amount done ("Qty Ordered" / "Qty Picked": what is
short, the share filled). The derived-measure readers (planning/measures.py) ask for them when the words
name a duration, a shortfall or a fill rate without naming the columns.
"""
from __future__ import annotations

import datetime as dt
from statistics import median
from typing import Any

from ..datasets.store import derived
from ..language.comparisons import spelled_words
from ..language.lexicon import (
    CAPACITY_FILL_WORDS,
    DONE_WORDS,
    PLANNED_WORDS,
    SPAN_PAIRS,
    TOTAL_DONE_WORDS,
    UNIT_WORDS,
)


def _is_date(col: dict[str, Any]) -> bool:
    return col["type"] in ("date", "datetime") and not col.get("year_like")


def span_pair(profile: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The (start, end) date columns whose names differ only by a pair of words of SPAN_PAIRS ("Start
    Time" / "End Time", "Date Out" / "Date In"); the start is the one whose first value comes first
    ("out" before "in" for a rental, "in" before "out" for a visit)."""
    dates = [c for c in profile["columns"] if _is_date(c)]
    for i, a in enumerate(dates):
        for b in dates[i + 1:]:
            ta, tb = list(a["tokens"]), list(b["tokens"])
            if len(ta) != len(tb):
                continue
            diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
            if len(diff) != 1 or not any(set(diff[0]) == set(pair) for pair in SPAN_PAIRS):
                continue
            first, second = (a, b) if diff[0] in SPAN_PAIRS else (b, a)
            if a.get("min") and b.get("min") and str(first["min"]) > str(second["min"]):
                first, second = second, first  # the data says which end comes first
            return first, second
    return None


def plan_pairs(profile: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every (planned, done): two additive number columns whose names differ by one word, the first a word of
    an amount planned or available ("Qty Ordered" / "Qty Picked", "Hours Available" / "Hours Used"), or a plan
    named by one word beside the one column of the amount done ("Budget" / "Actual Spend")."""
    return derived(profile, "_plan_pairs", _plan_pairs)  # of the profile alone: built once per profile


def _plan_pairs(profile: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    nums = [c for c in profile["columns"] if c["type"] in ("integer", "number") and c["role"] == "measure"
            and c.get("additive", True)]
    out = []
    for a in nums:
        planned = column_words(a) & PLANNED_WORDS
        if not planned:
            out += _total_and_done(a, nums)
            continue
        rest = column_words(a) - planned
        done = [b for b in nums if b is not a and rest and rest < column_words(b)
                and len(b["tokens"]) == len(a["tokens"]) and not column_words(b) & PLANNED_WORDS]
        if len(done) == 1:
            out.append((a, done[0]))
        elif not done and not rest - set(UNIT_WORDS) - _AMOUNT_WORDS:  # "Budget ($)", "Planned Qty"
            out += _done_beside(a, nums)
    return out


# words of an amount or its unit that leave a plan named by its one word ("Planned Qty", "Target Units", "Budget $")
_AMOUNT_WORDS = {"h", "usd", "$", "dollar", "qty", "quantity", "units", "unit", "count", "volume", "output", "pcs"}


def _total_and_done(total: dict[str, Any], nums: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """"Lessons Total" / "Lessons Done", "Tasks Total" / "Tasks Completed": a total of things beside the same
    things done (names differing only by "total" and a word of being done) are a plan and its amount done."""
    words = column_words(total)
    if "total" not in words or len(words) < 2:
        return []
    rest = words - {"total"}
    done = [b for b in nums if b is not total and column_words(b) - rest and len(column_words(b) - rest) == 1
            and rest < column_words(b) and (column_words(b) - rest) & TOTAL_DONE_WORDS]
    return [(total, done[0])] if len(done) == 1 else []


def column_words(col: dict[str, Any]) -> set[str]:
    """A column's words with export shorthand spelled out, as a set (language.comparisons.spelled_words)."""
    return set(spelled_words(col))


def _done_beside(planned: dict[str, Any], nums: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """A plan named by its one word ("Budget", "Estimate (h)") and the one column of a word of the amount done
    ("Actual Spend", "Hours Logged") of the same size in the data (totals within 4× of each other)."""
    size = float(planned.get("mean") or 0.0)
    done = [b for b in nums if b is not planned and column_words(b) & DONE_WORDS
            and not column_words(b) & PLANNED_WORDS and size > 0 and 0.25 <= float(b.get("mean") or 0.0) / size <= 4]
    if not done and column_words(planned) & {"capacity"}:
        # a capacity is filled by what is sold or taken ("Capacity" / "Tickets Sold", "Seats Occupied"): never
        # more than it, and a count like it (no money)
        done = [b for b in nums if b is not planned and column_words(b) & CAPACITY_FILL_WORDS and not b.get("money")
                and not column_words(b) & PLANNED_WORDS and 0 < float(b.get("mean") or 0.0) <= size]
    return [(planned, done[0])] if len(done) == 1 else []


def typical_unit(start: dict[str, Any], end: dict[str, Any], profile: dict[str, Any]) -> str | None:
    """The unit a stretch between two timestamp columns reads best in, from the sample rows the profile
    keeps: minutes when a row typically lasts under an hour (a pick, a bike trip), hours under two days,
    days beyond; None without timestamps or samples."""
    if not (start.get("has_time") and end.get("has_time")):
        return None
    lengths = []
    for row in profile.get("_samples") or []:
        try:
            a, b = dt.datetime.fromisoformat(str(row[start["name"]])), dt.datetime.fromisoformat(str(row[end["name"]]))
        except (KeyError, TypeError, ValueError):
            continue
        lengths.append((b - a).total_seconds())
    if len(lengths) < 3:
        return None
    typical = median(lengths)
    return "minute" if typical < 3_600 else "hour" if typical < 172_800 else "day"
