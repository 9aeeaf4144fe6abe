"""Units said in the question: "talk time in hours" over a minutes column, "revenue in thousands".

The phrase is taken out of the words before they are read (`split_unit`), because its unit word would
otherwise name a column ("in hours" ~ Hours to Resolve, "in days" ~ a day axis); the planner converts the
measure to it afterwards (planning/flows.py). A unit of time is taken out only when a number column states
a unit of time in its name (else "in hours" stays for the date-difference reader: "time to ship in hours").
"""
from __future__ import annotations

import re
from typing import Any

# minutes in one unit of time
TIME_UNITS: dict[str, float] = {"second": 1 / 60, "minute": 1.0, "hour": 60.0, "day": 1440.0, "week": 10080.0}
_TIME_WORDS = {**dict.fromkeys(["sec", "secs", "second", "seconds"], "second"),
               **dict.fromkeys(["min", "mins", "minute", "minutes"], "minute"),
               **dict.fromkeys(["hr", "hrs", "hour", "hours", "h"], "hour"),
               **dict.fromkeys(["day", "days"], "day"), **dict.fromkeys(["week", "weeks", "wk", "wks"], "week")}
# "in thousands", "in $k", "in 000s", "in millions": a size of number
SIZE_UNITS: dict[str, tuple[float, str]] = {
    **dict.fromkeys(["thousand", "thousands", "k", "$k", "000s", "'000s"], (1e3, "thousands")),
    **dict.fromkeys(["million", "millions", "mn", "$m"], (1e6, "millions"))}  # not "mm": rainfall in millimetres
# the phrase ends the question or comes before a grouping or another clause
_PHRASE = re.compile(r"\s*\b(?:in|into)\s+(?P<unit>\$?[a-z']+|'?000s)(?=\s*(?:$|[?.!,;]|\b(?:by|per|for|each|across|"
                     r"over|and|vs|versus|from|of|grouped|split|broken|as|please|this|last|since|during|"
                     r"between|in|on|at)\b))", re.IGNORECASE)


def time_unit_of(col: dict[str, Any]) -> str | None:
    """The unit of time a number column's name states ("Talk Time (min)", "Hours to Resolve")."""
    if col.get("type") not in ("integer", "number"):
        return None
    units = {_TIME_WORDS[t] for t in col.get("tokens", []) if t in _TIME_WORDS}
    return next(iter(units)) if len(units) == 1 else None


def split_unit(question: str, profile: dict[str, Any]) -> tuple[str, str | None]:
    """The question without its "in <unit>" phrase, and that unit ("hour", "thousands"), when it asks one."""
    timed = any(time_unit_of(c) for c in profile["columns"])
    for m in _PHRASE.finditer(question):
        word = m.group("unit").lower()
        if word in SIZE_UNITS:
            unit = SIZE_UNITS[word][1]
        elif word in _TIME_WORDS and timed and word not in ("h", "min"):
            unit = _TIME_WORDS[word]
        else:
            continue
        return (question[:m.start()] + question[m.end():]).strip(), unit
    return question, None


def factor(unit: str, column_unit: str | None) -> float | None:
    """What each value is multiplied by to be in `unit` (a stored unit of time, or a size of number)."""
    if unit in TIME_UNITS:
        if column_unit is None or column_unit == unit:
            return None
        return TIME_UNITS[column_unit] / TIME_UNITS[unit]
    size = next((s for s, name in SIZE_UNITS.values() if name == unit), None)
    return 1 / size if size else None
