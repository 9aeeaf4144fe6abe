"""Answer or ask: which of the ranker's next readings are worth offering, and when the best reading
is given alone.

    offered(ranked, links, threshold) -> the margin and the alternatives (none = a confident answer)

An alternative must keep what the words state and the best reading already does: a column named
after a grouping cue ("by department"), a time grain ("per month"), an aggregation cue ("average"),
a chart word. A reading that drops one of them answers another question (a KPI for "total revenue
by month"), and a sensible reading is offered before it.

The best reading is given alone when its margin over the runner-up reaches the threshold fitted
on nvBench (bench/fit_ranker.py); otherwise the sensible readings close to it are offered, and when every
close reading is pointless, the close readings all the same (the answer is still a guess).
Two ways to make fewer answers confident or more of them right were measured and left out (README,
"Answer or ask"): the margin to the first *sensible* runner-up (more business answers confident, fewer
nvBench ones right: nvBench's gold charts differ from a close reading in ways no alternative
shows, e.g. a pie for a bar), and doubt from unlinked words or uncued counts (on CV, the answers
it took alternatives from were right as often as the rest).
"""
from __future__ import annotations

import json
from typing import Any

from ..language.linking import Links
from ..plan import Plan

Scored = tuple[float, Plan, dict[str, Any]]  # score, plan, readout (planning.features.readout)


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


def offered(ranked: list[Scored], links: Links, threshold: float) -> tuple[float, list[Plan]]:
    """The margin over the runner-up (inf when there is none) and the alternatives to offer with
    the best reading (none when it is given alone): the two best sensible readings close to it, or,
    when every close reading is pointless, the two best. Above the threshold, a reading of an
    unsettled shape is offered with its sensible runners only (none: it is given alone)."""
    best = ranked[0]
    margin = best[0] - ranked[1][0] if len(ranked) > 1 else float("inf")
    sure = margin >= threshold
    if sure and settled(best[2]):
        return margin, []
    runners = _distinct(best[2], ranked[1:])
    close = [s for s in runners if best[0] - s[0] < threshold] or runners
    sensible = [s for s in close if keeps_stated(best[2], s[2], links)]
    if sure:  # only the shape is in doubt: a reading that drops what the words state is no help
        return margin, [s[1] for s in sensible[:2]]
    return margin, [s[1] for s in (sensible or close)[:2]]
