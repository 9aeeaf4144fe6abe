"""Answer or ask: which of the ranker's next readings are worth offering, and when the best reading
is given alone.

    offered(ranked, links, threshold, doubts) -> the margin and the alternatives (none = a confident answer)
    spread(plan, profile, doubts, asked) -> the splits offered with a single number that has no runner-up

An alternative must keep what the words state and the best reading already does: a column named
after a grouping cue ("by department"), a time grain ("per month"), an aggregation cue ("average"),
a chart word. A reading that drops one of them answers another question (a KPI for "total revenue
by month"), and a sensible reading is offered before it.

The best reading is given alone when its margin over the runner-up reaches the threshold fitted
on nvBench (bench/fit_ranker.py), its shape is settled (or no sensible runner-up is left), every
content word of the question is accounted for (no doubts, planning/coverage.py), and a single
number is what the words ask for;
otherwise the sensible readings close to it are offered, and when every close reading is
pointless, the close readings all the same (the answer is still a guess). A single number with no
runner-up is offered with its splits (`spread`). The margin to the first *sensible* runner-up was
measured and left out (README, "Answer or ask"): more business answers confident, fewer nvBench
ones right (nvBench's gold charts differ from a close reading in ways no alternative shows, e.g. a
pie for a bar).
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..language.linking import Links
from ..plan import Dimension, Plan

Scored = tuple[float, Plan, dict[str, Any]]  # score, plan, readout (planning.features.readout)
_HOW_MUCH = re.compile(r"\bhow much\b")
_FEW_VALUES = 8  # a column a word like "active" or "overdue" may name a value of


def keeps_stated(best: dict[str, Any], alt: dict[str, Any], links: Links) -> bool:
    """Whether the alternative's readout keeps every stated slot the best readout has."""
    for col in {str(g.target) for g in links.groups}:
        if col in (best["x"], best["color"]) and col not in (alt["x"], alt["color"]):
            return False  # drops "by department"
    if links.grains and best["time_unit"] and not alt["time_unit"]:
        return False  # drops "per month"
    aggs = {str(a.target) for a in links.aggs}
    if best["agg"] in aggs and alt["agg"] not in aggs:
        return False  # drops "average"
    charts = {str(c.target) for c in links.charts}
    return not (best["mark"] in charts and alt["mark"] not in charts)


def _distinct(best: dict[str, Any], runners: list[Scored]) -> list[Scored]:
    """The runners that show something other than the best reading and each other."""
    seen = {json.dumps(best, default=str)}
    out: list[Scored] = []
    for s in runners:
        key = json.dumps(s[2], default=str)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def settled(readout: dict[str, Any]) -> bool:
    """Whether a reading's shape is one the margin can vouch for: bars or a pie over a column.
    Over a time axis (which unit, bars or a line), as dots or lines, or as one number, the same words
    are charted differently by different people, and the margin does not see it: on nvBench-train CV
    (`question_no_chart_word`) answers above the threshold were right 94% of the time as bars or a
    pie, under 55% as lines or dots; nvBench has no single numbers to learn them from."""
    return readout["mark"] in ("bar", "arc") and not readout["time_unit"]


def offered(ranked: list[Scored], links: Links, threshold: float,
            doubts: tuple[str, ...]) -> tuple[float, list[Plan]]:
    """The margin over the runner-up (inf when there is none) and the alternatives to offer with
    the best reading (none when it is given alone): the two best sensible readings close to it, or,
    when every close reading is pointless, the two best. Above the threshold, a reading of an
    unsettled shape is offered with its sensible runners only (none: it is given alone). A
    question with words nothing accounts for (`doubts`, planning.coverage) is never sure."""
    best = ranked[0]
    margin = best[0] - ranked[1][0] if len(ranked) > 1 else float("inf")
    sure = margin >= threshold and not doubts and (best[2]["mark"] != "kpi" or asks_one_number(links))
    if sure and settled(best[2]):
        return margin, []
    runners = _distinct(best[2], ranked[1:])
    close = [s for s in runners if best[0] - s[0] < threshold] or runners
    sensible = [s for s in close if keeps_stated(best[2], s[2], links)]
    if sure:  # only the shape is in doubt: a reading that drops what the words state is no help
        return margin, [s[1] for s in sensible[:2]]
    return margin, [s[1] for s in (sensible or close)[:2]]


def asks_one_number(links: Links) -> bool:
    """Whether the words ask for a single number: an aggregation cue ("how many", "total",
    "average"), "how much" or a share ("what share of sessions come from mobile"), and no cue of a
    comparison across things (an order, a trend). A single number read from other words ("what's
    going on with refunds", "busiest day ever") is a guess."""
    p = links.parsed  # its trend and share words were read once, by parse
    if links.order is not None or links.limit is not None or p.trend:
        return False
    return bool(links.aggs) or _HOW_MUCH.search(p.text.s) is not None or p.share


def spread(plan: Plan, profile: dict[str, Any], doubts: tuple[str, ...], asked: bool) -> list[Plan]:
    """Readings to offer with a single number the ranker had no runner-up for: split by the column
    whose values the question lists ("member vs guest sales" read as one total over both); when a
    word was not found ("how many expenses were **rejected**"), split by the columns of few values
    such a word most often qualifies (Yes/No columns first); when the words did not ask for one
    number (`asked`), over time by month and split by the column of fewest values."""
    if plan.dimension is not None or plan.color or not plan.measures:
        return []
    listed = [f.column for f in plan.filters if f.op == "in" and len(f.values) >= 2]
    few = sorted((c for c in profile["columns"] if c.get("role") == "dimension" and c["type"] in ("boolean", "text")
                  and 2 <= (c.get("distinct") or 0) <= _FEW_VALUES),
                 key=lambda c: (c["type"] != "boolean", c["distinct"]))
    dims = [Dimension(column=c) for c in listed[:1]]
    if not dims and doubts:
        dims = [Dimension(column=c["name"]) for c in few[:2]]
    if not dims and not asked:
        dates = [c["name"] for c in profile["columns"] if c.get("role") == "temporal" and not c.get("year_like")]
        dims = [Dimension(column=c, grain="month") for c in dates[:1]] + [Dimension(column=c["name"]) for c in few[:1]]
    return [plan.model_copy(deep=True, update={"dimension": d, "intent": "trend" if d.grain else "compare",
                                               "chart": "auto"}) for d in dims[:2]]
