"""Answer or ask: which of the ranker's next readings are worth offering, and when the best reading
is given alone.

    offered(ranked, links, coverage, threshold) -> the alternatives (empty = a confident answer)

An alternative must keep what the words state and the best reading already does: a column named
after a grouping cue ("by department"), a time grain ("per month"), an aggregation cue ("average"),
a chart word. A reading that drops one of them answers another question (a KPI for "total revenue
by month"), and a sensible reading is offered before it.

The best reading is given alone when its margin over the runner-up reaches the threshold fitted
on nvBench and nothing makes it doubtful. Doubtful: words of the question link to nothing in the
data (planning/coverage.py), or the reading counts rows that no count word asked for (the
generator's default when no measure links). Otherwise the sensible readings close to it are
offered; when every close reading is pointless they are offered all the same, since the answer is
still a guess. (Measuring the margin to the first *sensible* runner-up instead made more answers
confident on the business set but fewer of them right on nvBench, whose gold charts differ from
a close reading in ways no alternative shows, e.g. a pie for a bar: see DONE/README.)
"""
from __future__ import annotations

import json
from typing import Any

from ..language.linking import Links
from ..plan import Plan
from .coverage import Coverage

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


def doubtful(best: dict[str, Any], links: Links, coverage: Coverage) -> bool:
    """Weak evidence for the best reading: unlinked words, or a count no word asked for."""
    counted = best["agg"] == "count" and best["y"] is None
    return bool(coverage.unsure) or (counted and not any(a.target == "count" for a in links.aggs))


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


def offered(ranked: list[Scored], links: Links, coverage: Coverage, threshold: float) -> tuple[float, list[Plan]]:
    """The margin over the runner-up (inf when there is none) and the alternatives to offer with
    the best reading (none when it is given alone): the two best sensible readings close to it,
    or, when every close reading is pointless, the two best (the answer is still a guess)."""
    best = ranked[0]
    runners = _distinct(best[2], ranked[1:])
    margin = best[0] - runners[0][0] if runners else float("inf")
    if margin >= threshold and not doubtful(best[2], links, coverage):
        return margin, []
    close = [s for s in runners if best[0] - s[0] < threshold] or runners
    sensible = [s for s in close if keeps_stated(best[2], s[2], links)]
    return margin, [s[1] for s in (sensible or close)[:2]]
