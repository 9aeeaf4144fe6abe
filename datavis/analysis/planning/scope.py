"""Questions no table of past rows can answer, declined with what the data can answer instead of
a confident answer to another question:

- a forecast ("forecast visits next quarter", "predicted sales"): the data records what happened;
- a cause ("why did sales drop in august", "what caused the dip"): it shows what happened, not why;
- a period the data's dates do not reach ("sales in 2019" over 2023–2024): an empty chart or a zero
  would read as a fact about 2019 (language.parsing sets `Parsed.outside`);
- a period or a trend in a table with no dates at all ("loans last week", "overdue trend over time" over
  a loans table with no date, no year and no month column): answered, the period is dropped silently and
  the total of every row reads as last week's;
- a value the data does not hold ("at the boston club", "how many jobs did kevin do"): planning.absent.

A forecast or a cause word that names a column ("Forecast Units", "Cause") is a column's word, not
such a question (only its first word counts: "next **week**" is a forecast over a Week Of column).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..language import cues as C
from ..language.linking import Links
from ..language.names import split_name
from ..language.parsing import main_temporal
from ..language.rownoun import counted_noun
from ..language.timeparse import find_periods
from .absent import absent_value
from .rules import help_message


def beyond_the_data(links: Links, profile: dict[str, Any]) -> str | None:
    """Why the question cannot be answered from the data's rows (with what it can answer), or None."""
    text = links.parsed.text
    named = {i for s in (*links.columns, *links.values) for i in range(s.start, s.end)}
    # a forecast's first word is no column's ("next **week**" over Week Of is still a forecast); no word of a
    # cause is ("the reasons for returns" beside a Return Reason column is answered)
    for pattern, why, first_only in (
            (C.FORECAST, "I can only show what this dataset records, not forecast what comes next.", True),
            (C.CAUSE, "This dataset shows what happened, not why: it records no causes.", False)):
        if any(not set(range(a, a + 1 if first_only else b)) & named
               for _m, (a, b) in text.find(pattern, protect=False)):
            return f"{why} {help_message(profile)}"
    if links.parsed.outside:
        return f"This dataset has no {counted_noun(profile)} {links.parsed.outside}. {help_message(profile)}"
    if _time_asked(links, named) and not _has_time(profile):
        return f"This dataset has no dates, so it cannot say when things happened. {help_message(profile)}"
    absent = absent_value(links, profile)  # "check-ins at the boston club" with no Boston among the clubs
    return f"{absent} {help_message(profile)}" if absent else None


# Words of a column's name that say it holds a time, whatever its type ("Year" as a number, "Month" as text).
_TIME_NAMES = {"date", "time", "day", "week", "month", "quarter", "year", "yr", "fy", "period", "season", "hour",
               "when", "timestamp", "at", "on", "dt"}
_ANY_DAY = dt.date(2000, 6, 15)  # an anchor, so that relative periods ("last week") are found at all


def _has_time(profile: dict[str, Any]) -> bool:
    """Whether any column can place a row in time: a date, a year, or a column named for a time."""
    return main_temporal(profile) is not None or any(
        c.get("year_like") or {w.lower() for w in split_name(c["name"])} & _TIME_NAMES for c in profile["columns"])


def _time_asked(links: Links, named: set[int]) -> bool:
    """The question says a period ("last week", "in 2023") or a change over time ("trend", "over time") in
    words no column or value of the data takes ("Growth Stage", a title with "March" in it)."""
    text = links.parsed.text
    spans = [text.span(p.start, p.end) for p in find_periods(text.s, _ANY_DAY)]
    # not "a trend between hours and salary" (two numbers related), nor "tickets in progress" (a state)
    spans += [span for m, span in text.find(C.TREND, protect=False)
              if not _NOT_A_TREND.search(text.s[max(0, m.start() - 3):m.end() + 30])]
    return any(not set(range(a, b)) & named for a, b in spans)


_NOT_A_TREND = re.compile(r"^in progress|^\W*\w+\s+(?:\w+\s+)?(?:between|with|against|vs\.?|versus)\b", re.I)
