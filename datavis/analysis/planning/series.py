"""A series taken off a chart of several measures: "remove cancellations" after "orders and
cancellations per month", "drop refunds" after "revenue and refunds by channel", "drop the count"
after "spend and number of orders by department".

Such a message is read before any other edit (planning.edits.candidates): its words name one of the
series on screen, so they are neither a filter ("remove cancellations" would otherwise keep the
cancelled series and count zeros in it) nor a new measure ("drop refunds" would otherwise chart the
refunds). It must be the whole message: a removal verb, then only the words of one series.
"""
from __future__ import annotations

import re
from typing import Any

from ..language.names import singular, split_name
from ..language.parsing import Parsed
from ..language.rownoun import counted_noun
from ..plan import Measure, Plan, copy_plan

# the chat's wrapping, a removal verb, what it removes, and a noun for a series ("the refunds line")
_DROP = re.compile(r"^\W*(?:(?:now|and|then|ok|okay|so|please|pls|can you|could you|just|also|but)\W+)*"
                   r"(?:remove|drop|omit|hide|lose|skip|exclude|take (?:out|away|off)|get rid of|leave out|"
                   r"no more|without)\s+(.+?)\s*(?:\b(?:from|off) (?:the |this |that )?(?:chart|graph|plot|it)\b)?"
                   r"\s*(?:\bplease\b)?\W*$")
# words that may stand beside a series' name without naming another thing
_FILLER = {"the", "a", "an", "of", "series", "line", "lines", "bar", "bars", "column", "columns", "measure", "one",
           "total", "sum", "figures", "numbers", "values", "and", ","}
_COUNT_WORDS = {"count", "counts", "number", "numbers", "rows", "records", "volume", "how", "many"}


def _row_words(profile: dict[str, Any]) -> set[str]:
    """What the rows are called ("orders" with an Order ID or in a table named ..._orders)."""
    nouns = {counted_noun(profile)} | {w.lower() for w in split_name(str(profile.get("name") or ""))[-1:]}
    return {n for noun in nouns if noun != "rows" for n in (noun, singular(noun))}


def _names_measure(m: Measure, span: range, p: Parsed, profile: dict[str, Any]) -> bool:
    """Whether the words at `span` name the series `m`, and nothing else."""
    words = {j: p.toks[j].text for j in span}
    if m.where is not None:  # a counted condition: its value is named ("cancellations" ~ Status = Cancelled)
        named = [v for v in p.values if v.column == m.where.column and v.value in m.where.values
                 and v.start >= span.start and v.end <= span.stop]
        covered = {j for v in named for j in range(v.start, v.end)}
    elif m.column is not None and m.kind is None:
        named_cols = [x for x in p.mentions if x.column == m.column and x.start >= span.start and x.end <= span.stop]
        covered = {j for x in named_cols for j in range(x.start, x.end)}
        named = named_cols  # type: ignore[assignment]  # only its truth is read
    elif m.column is None and m.agg == "count" and m.kind is None:
        counted = {j for j, w in words.items() if w in _COUNT_WORDS | _row_words(profile)}
        return bool(counted) and all(j in counted or w in _FILLER for j, w in words.items())
    else:
        return False
    return bool(named) and all(j in covered or w in _FILLER for j, w in words.items())


def dropped_series(prev: Plan, p: Parsed, profile: dict[str, Any]) -> Plan | None:
    """The chart on screen without the one series the message removes; None when the message is not
    such a removal or its words name no single series of the chart."""
    if len(prev.measures) < 2:
        return None
    m = _DROP.match(p.text.s)
    if m is None:
        return None
    a, b = p.text.span(m.start(1), m.end(1))
    hits = [i for i, meas in enumerate(prev.measures) if _names_measure(meas, range(a, b), p, profile)]
    if len(hits) != 1:
        return None
    out = copy_plan(prev)
    del out.measures[hits[0]]
    if out.chart == "table":  # a table stood for several series side by side; one series charts again
        out.chart = "auto"
    return out
