"""What is asked of the one row at the top: "when was the largest order" (its date), "who placed the
biggest order" (its buyer), "which vendor got the biggest order" (its vendor).

The words say one row ("the largest order": language.phrasing.one_row_superlative) and ask who, when or
which of it. The ranked readings take such a question as a ranking of groups (the buyer with the largest
total, the vendor with the most orders) or show the row's identifier; here the chosen plan becomes the
row itself, ordered by its own size, with the column asked about as its label.
"""
from __future__ import annotations

import re
from typing import Any

from ..datasets.profile import is_identifier
from ..language.linking import Links
from ..language.parsing import is_numeric, main_temporal
from ..plan import Dimension, Measure, Order, Plan, copy_plan

# "when was ...", "what day was ...", "on which date did ...": the row's date is asked
_WHEN = re.compile(r"^\W*(?:(?:and|so|ok|okay)\s+)?(?:when\b|(?:on |in )?(?:what|which) (?:day|date|month)\b)")
# "who placed ...", "which vendor got ...", "what customer had ...": a column of the row names it
_WHO = re.compile(r"^\W*(?:(?:and|so|ok|okay)\s+)?(?:who|whose|which \w+|what \w+)\b")
_SIZED = ("sum", "avg", "max", "min", "median", "none")


def apply(plan: Plan, links: Links, profile: dict[str, Any], sized: Plan | None = None) -> Plan:
    """`plan` as the one row at the top when the question asks who, when or which of it; else as it
    is. `sized`: the reading of the superlative alone ("the biggest order"), for its size column when
    the chosen plan counts rows."""
    p = links.parsed
    if p.one_row is None or plan.limit != 1:
        return plan
    label = _asked_label(plan, links, profile)
    size = _size_column(plan, profile) or (_size_column(sized, profile) if sized is not None else None)
    if label is None or size is None:
        return plan
    out = copy_plan(plan)
    out.measures = [Measure(column=size, agg="none")]
    out.dimension, out.color, out.share = Dimension(column=label), None, False
    out.order, out.limit = Order(by="measure", desc=p.limit_desc), 1
    out.chart, out.intent = "auto", "compare"
    words = " ".join(t.text for t in p.toks[p.one_row[0]:p.one_row[1]])
    out.assumptions = [a for a in out.assumptions if not a.startswith("I used the")] + [
        f"I read '{words}' as the one row with the {'largest' if p.limit_desc else 'smallest'} {size}, "
        f"and show its {label}"]
    return out


def needs_size(plan: Plan, links: Links, profile: dict[str, Any]) -> bool:
    """Whether `apply` would rewrite `plan` but for a size column (the chosen plan counts rows)."""
    return links.parsed.one_row is not None and plan.limit == 1 and _size_column(plan, profile) is None \
        and _asked_label(plan, links, profile) is not None


def superlative_words(links: Links) -> str:
    """The superlative and the rows' noun as said ("the biggest order")."""
    a, b = links.parsed.one_row or (0, 0)
    return "the " + " ".join(t.text for t in links.parsed.toks[a:b])


def _asked_label(plan: Plan, links: Links, profile: dict[str, Any]) -> str | None:
    """The column the question asks of the row: its date after "when", else the group the chosen plan
    ranks ("who" → the buyer, "which vendor" → Vendor); None when nothing such is asked."""
    text = links.parsed.text.s
    if _WHEN.search(text):
        tcol = main_temporal(profile, links.parsed.date_column)
        return tcol["name"] if tcol is not None else None
    dim = plan.dimension
    if not _WHO.search(text) or dim is None or dim.grain or dim.bins:
        return None
    # the axis, or the colour of the rows listed by their id ("which region got ...": each order, coloured by region)
    for name in (dim.column, plan.color):
        col = profile["_by_name"].get(name or "")
        if col is not None and not is_identifier(col) and not col.get("unique") and col["role"] == "dimension":
            return str(name)
    return None  # the row's own name is what the plain reading shows already


def _size_column(plan: Plan, profile: dict[str, Any]) -> str | None:
    """The numeric column the plan's one measure is of, if a plain one ("sum of Amount": Amount)."""
    if len(plan.measures) != 1:
        return None
    m = plan.measures[0]
    if m.column is None or m.kind is not None or m.where is not None or m.agg not in _SIZED:
        return None
    col = profile["_by_name"][m.column]
    return m.column if is_numeric(col) and col["role"] == "measure" else None
