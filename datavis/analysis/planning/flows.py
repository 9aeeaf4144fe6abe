"""Money in and out of a signed amount, and the unit the answer is asked in, applied to a chosen plan.

- A bank or ledger export keeps money in and out in one signed column (negative = money out). Words of
  money going out ("how much did we spend on supplies", "expenses by category", "biggest expense",
  "outflows") measure only its negative rows, as positive amounts (filter < 0, scale -1); words of money
  coming in ("income by month", "deposits") only its positive rows. "net" keeps the signed sum, and
  both directions said together are left alone. A column is signed when at least a tenth of its values
  are below zero and a tenth above (a sales column with a few returns is not).
- A unit said in the question (language/units.py) converts the measure: "talk time in hours" over
  Talk Time (min) is its minutes / 60, "resolution time in days" over Hours to Resolve its hours / 24,
  "revenue in thousands" its amount / 1000; a date difference is counted in that unit.
"""
from __future__ import annotations

import re
from typing import Any, cast

from ..language.lexicon import MONEY_IN_WORDS, MONEY_MOVEMENT_NOUNS, MONEY_OUT_WORDS, NET_FLOW_WORDS
from ..language.linking import Links
from ..language.names import singular
from ..language.units import factor, time_unit_of
from ..plan import Filter, Measure, Plan, TimeUnit
from .measure_base import flows_both_ways, money_taken, movement_column

_BOTH = {"net", "balance"}
_PLAIN_AGGS = ("sum", "avg", "median", "min", "max")


def direction(links: Links, profile: dict[str, Any]) -> str | None:
    """"out", "in" or None: which way the words say the money goes ("money out", "spend"; "money in", "income")."""
    # a word naming another column is that column ("profit and cost": Cost), not a way the money goes
    by_name = profile["_by_name"]
    named = {i for c in links.columns if not flows_both_ways(by_name[str(c.target)]) for i in range(c.start, c.end)}
    words = {t.text for t in links.parsed.toks if t.i not in named}
    text = links.question.lower()
    out = bool(words & MONEY_OUT_WORDS) or bool(_SAID_OUT.search(text))
    came = bool(words & MONEY_IN_WORDS) or bool(_SAID_IN.search(text))
    if words & _BOTH or out == came:
        return None
    return "out" if out else "in"


_AFTER = r"(?=\s*(?:$|[?.!,;]|\b(?:vs|versus|and|by|per|for|each|over|across)\b))"
_SAID_OUT = re.compile(r"\b(?:money|cash) out\b" + _AFTER)
_SAID_IN = re.compile(r"\b(?:money|cash) in\b" + _AFTER)


def _keep_way(plan: Plan, column: str, way: str) -> None:
    """Only the rows of `column` that go `way` (below zero out, above it in), unless a comparison of it is said."""
    if not any(f.column == column and f.op in ("<", "<=", ">", ">=") for f in plan.filters):
        plan.filters.append(Filter(column=column, op="<" if way == "out" else ">", values=[0]))


def _one_way(plan: Plan, way: str, profile: dict[str, Any]) -> None:
    """Measure only the rows of the signed money column that go `way`, money out as positive amounts."""
    by_name = profile["_by_name"]
    for m in plan.measures:
        if m.kind == "rate" and m.column is not None and flows_both_ways(by_name[m.column]):
            _keep_way(plan, m.column, way)  # "what percent of our spending goes to payroll": a share of the money out
            continue
        if m.kind is not None or m.column is None or m.agg not in _PLAIN_AGGS or m.scale is not None \
                or not flows_both_ways(by_name[m.column]):
            continue
        _keep_way(plan, m.column, way)
        if way == "out":
            m.scale, m.scaled_as = -1.0, "money out"
        plan.assumptions.append(f"I read {m.column} below zero as money out" if way == "out"
                                else f"I read {m.column} above zero as money in")


def _in_unit(m: Measure, unit: str, profile: dict[str, Any]) -> bool:
    """Convert one measure to `unit`; whether it was."""
    if m.kind == "date_diff" and unit in ("minute", "hour", "day", "week"):
        m.unit = cast(TimeUnit, unit)
        return True
    if m.kind is not None or m.column is None or m.agg not in (*_PLAIN_AGGS, "none"):
        return False
    col = profile["_by_name"][m.column]
    by = factor(unit, time_unit_of(col))
    if by is None:
        return False
    out = m.scaled_as == "money out"
    m.scale = by * (m.scale or 1.0)
    named = unit + "s" if unit in ("second", "minute", "hour", "day", "week") else unit
    m.scaled_as = f"money out, {named}" if out else named
    return True


_COUNT_WORDS = {"many", "number", "count", "counts", "frequency", "often", "times"}


def _movements_in_money(plan: Plan, links: Links, profile: dict[str, Any]) -> None:
    """Rows counted under a value that is a movement of money ("total deposits by month", "withdrawals by
    branch" over Type = Deposit / Withdrawal) measure the money that moved, unless the words count them."""
    if len(plan.measures) != 1 or plan.measures[0].column is not None or plan.measures[0].kind is not None \
            or links.words & _COUNT_WORDS or plan.share:
        return
    moved = [f for f in plan.filters if f.op in ("=", "in") and f.values and all(
        singular(str(v).lower()) in MONEY_MOVEMENT_NOUNS for v in f.values)]
    said = {singular(w) for w in links.words}
    money = money_taken(profile)
    if not moved or money is None or not any(singular(str(v).lower()) in said for f in moved for v in f.values):
        return
    plan.measures = [Measure(column=money["name"], agg="sum")]
    plan.assumptions.append(f"I read the {', '.join(str(v).lower() for f in moved for v in f.values)} as the "
                            f"money they moved ({money['name']})")


def _net_of_movements(plan: Plan, links: Links, profile: dict[str, Any]) -> bool:
    """"net flow per month", "net deposits by branch" over a Type column of deposits and withdrawals: the money
    column summed with the rows going out counted negative (not only the deposits); whether it applied."""
    moving = movement_column(profile)
    money = money_taken(profile)
    one = plan.measures[0] if len(plan.measures) == 1 else None
    if not links.words & (NET_FLOW_WORDS | {"net"}) or moving is None or money is None or flows_both_ways(money) \
            or one is None or one.kind is not None or one.agg not in ("sum", "count"):
        return False
    column, out = moving
    plan.filters = [f for f in plan.filters if f.column != column["name"]]
    plan.measures = [Measure(column=money["name"], agg="sum",
                             negate=Filter(column=column["name"], op="in", values=list(out)))]
    # the word "net" is read here: no word left out
    plan.assumptions = [a for a in plan.assumptions if not a.startswith("I did not find “net”")]
    plan.assumptions.append(f"I took the net as {money['name']} with the {', '.join(out)} rows counted negative")
    return True


def apply(plan: Plan, links: Links, profile: dict[str, Any]) -> Plan:
    """The plan with money said one way kept to that way, and its measures in the unit asked for."""
    if not _net_of_movements(plan, links, profile):
        _movements_in_money(plan, links, profile)
    way = direction(links, profile)
    if way is not None:
        _one_way(plan, way, profile)
    if links.unit is not None:
        for m in plan.measures:
            _in_unit(m, links.unit, profile)
    return plan
