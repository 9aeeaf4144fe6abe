"""A subset of the rows measured beside the whole, applied to a chosen plan: "bookings and cancellations by
event type", "enrollments vs refunds per month", "revenue and refunds by category", "avg rating and
completions by course", "number of adoptions and total fees by shelter".

Two words joined by and / vs / & where one is a plural noun naming some of the rows — a value of a
status column ("cancellations" ~ Status = Cancelled, "adoptions" ~ Outcome = Adopted: the noun of the
verb whose participle the value is), a Yes/No column ("refunds" ~ Refunded = Y), or a date column left
blank until something happens ("completions" ~ Completed On is set) — and the other names what is
measured over all rows (the rows' noun or a count: "bookings", "orders", "number of …"; a numeric
column: "revenue", "avg rating"). Both are measured, the subset as the whole's measure over its own
rows (Measure.where): a count beside a count, money moving back beside money ("refunds", "returns" beside
revenue: the revenue refunded), else a count of the subset ("completions" beside a rating, "cancellations"
beside revenue). The condition, which
the planner may have read as a filter of every row or a colour, is spent on the subset measure.

Two subsets of one column joined ("dogs vs cats", "deposits vs withdrawals") compare its values: a split,
left as the planner read it, unless it read the noun of one as part of a number column's name
("adoptions and transfers by shelter" over Adoption Fee): then the rows of the two values are counted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..language.lexicon import COST_WORDS, MONEY_MOVEMENT_NOUNS, PROFIT_WORDS, REVENUE_WORDS
from ..language.linking import Link, Links
from ..language.matching import stem, stem_forms
from ..language.parsing import is_numeric, main_temporal, yes_letter
from ..language.rownoun import counted_noun
from ..plan import Dimension, Filter, Measure, Plan
from ..presentation.format import is_money
from .measure_base import binary

RankedPlan = tuple[float, Plan, dict[str, Any]]  # a score, the plan and its readout (ranker.scored)
_JOIN = {"and", "vs", "versus", "&", "plus"}
_COUNT_WORDS = {"number", "count", "how", "many", "no"}  # "number of adoptions", "how many … and …"
_LEAD_WORDS = {"the", "total", "number", "of", "count", "avg", "average", "mean", "sum", "all", "our"}
# nouns of money going back or out, whose rows beside a sum of money are summed too ("sales and returns")
_MONEY_BACK = MONEY_MOVEMENT_NOUNS | {"return", "discount", "rebate", "writeoff"}
_AMOUNT_WORDS = REVENUE_WORDS | PROFIT_WORDS | COST_WORDS | {"profit", "earning"}
_MAX_VALUES = 20  # a status column: a few values; a name or a city is no kind of event
_DATES = ("date", "datetime")
_TIME_GRAINS = ("year", "quarter", "month", "week", "day")


@dataclass(frozen=True)
class _Side:
    """One side of the pair: the measure it names over all rows, or the rows it names (a condition)."""

    measure: Measure | None = None
    subset: Filter | None = None
    counted: bool = False  # "number of adoptions": a count cue before it
    noun: str = ""  # the word's singular
    date: str | None = None  # the date column of every row the word names by its event ("intakes")


def apply(plan: Plan, links: Links, profile: dict[str, Any]) -> Plan:
    """The plan with the whole's measure and the subset's side by side, when the words join them."""
    values = _two_values(links, profile)
    if values is not None:
        return _split(plan, values) if _misread(plan, links) else plan
    if links.parsed.share:
        return plan  # "bookings vs cancellations share by channel": the share of the one in the other, as read
    pair = find_pair(links, profile)
    if pair is None:
        return _events_counted(plan, links, profile)
    whole, part, part_first = pair
    assert whole.measure is not None and part.subset is not None  # find_pair
    timed = _own_date(plan, whole, part.subset, profile)
    if timed is not None:  # the whole along its date, the subset along its own
        plan = plan.model_copy(update={"dimension": Dimension(column=timed[0], grain=plan.dimension.grain)
                                       if plan.dimension else None})
    if not _fits(plan, pair):
        return plan
    cond = part.subset
    base = whole.measure
    # money beside money: "revenue and refunds" is the revenue refunded; "revenue and cancellations" counts them
    mirrored = base.column is not None and base.agg == "sum" and is_money(profile["_by_name"][base.column]) and \
        part.noun in _MONEY_BACK
    sub = base.model_copy(update={"where": cond}) if (base.column is None or mirrored) and not part.counted \
        else Measure(column=None, agg="count", where=cond)
    if timed is not None:
        sub = sub.model_copy(update={"date": timed[1]})
    out = plan.model_copy(deep=True)
    out.measures = [sub, base] if part_first else [base, sub]
    out.filters = [f for f in out.filters if f.column != cond.column]
    if out.color == cond.column:
        out.color = None
    if out.dimension is not None and out.dimension.column == cond.column and out.color is not None:
        # "conversions and leads by source" read as Converted split by Source: the groups are the colour's
        out.dimension, out.color = Dimension(column=out.color), None
    out.share = False
    out.evidence.append(f"“{_word(links, cond)}” measured over {cond.column} rows beside the whole")
    used = {m.column for m in out.measures}
    return _unread(out, *(m.column for m in plan.measures if m.column and m.column not in used))


def _word(links: Links, cond: Filter) -> str:
    """The word a subset's condition is named by: its value, else its column."""
    return str(cond.values[0]) if cond.values else cond.column


def _own_date(plan: Plan, whole: _Side, cond: Filter, profile: dict[str, Any]) -> tuple[str, str] | None:
    """(the axis's date, the subset's own date) along a time axis, when the subset's rows have a date of
    their own: the date set when it happens ("completions" ~ Completed On), or the date of the status its
    value is of ("adoptions" ~ Outcome = Adopted, on Outcome Date). The whole goes along the date its
    word names ("intakes": Intake Date), else the axis's, else the table's main date."""
    d, by_name = plan.dimension, profile["_by_name"]
    if d is None or d.grain not in _TIME_GRAINS or by_name[d.column]["type"] not in _DATES:
        return None
    own = cond.column if cond.op == "not_null" and by_name[cond.column]["type"] in _DATES else \
        _status_date(cond, profile)
    if own is None:
        return None
    main = main_temporal(profile)
    axis = whole.date or (d.column if d.column != own else main["name"] if main else None)
    full = axis is not None and axis != own and by_name[axis]["non_null"] == profile["row_count"]
    return (axis, own) if full and axis is not None else None


def _status_date(cond: Filter, profile: dict[str, Any]) -> str | None:
    """The one date column named after a status column, blank on some rows ("Outcome Date" of Outcome): when
    the rows of its values came to be."""
    words = set(profile["_by_name"][cond.column].get("tokens") or ())
    dated = [c["name"] for c in profile["columns"] if c["type"] in _DATES and c["name"] != cond.column
             and c["non_null"] < profile["row_count"] and words and words < set(c.get("tokens") or ())]
    return dated[0] if len(dated) == 1 else None


def _fits(plan: Plan, pair: tuple[_Side, _Side, bool]) -> bool:
    """A plan of aggregates over groups (or one number) that does not group by the subset's own column."""
    cond = pair[1].subset
    assert cond is not None
    if plan.intent in ("distribution", "correlation") or plan.chart in ("point", "histogram", "boxplot", "arc"):
        return False
    if plan.dimension is not None and (plan.dimension.column == cond.column and plan.color is None
                                       or plan.dimension.bins):
        return False
    return all(m.kind is None or m.kind == "rate" for m in plan.measures)


def _two_values(links: Links, profile: dict[str, Any]) -> Filter | None:
    """Two subsets of one column joined ("adoptions and transfers", "refunds vs exchanges"): its two values."""
    toks = links.parsed.toks
    for j, t in enumerate(toks):
        if t.text not in _JOIN or j == 0 or j + 1 >= len(toks):
            continue
        left, right = _side(links, profile, j, before=True), _side(links, profile, j, before=False)
        a, b = (left.subset if left else None), (right.subset if right else None)
        if a is not None and b is not None and a.column == b.column and a.op == b.op == "=" and \
                a.values != b.values:
            return Filter(column=a.column, op="in", values=[*a.values, *b.values])
    return None


def _misread(plan: Plan, links: Links) -> bool:
    """Whether the plan measures a number column that a plural noun of the question only partly names (the
    "adoptions" of Adoption Fee): the noun names events, not that number."""
    toks = links.parsed.toks
    measured = {m.column for m in plan.measures if m.column}
    return any(str(c.target) in measured and "partial" in c.feats and c.end - c.start == 1 and
               toks[c.start].text != toks[c.start].sing for c in links.columns)


def _split(plan: Plan, values: Filter) -> Plan:
    """The rows of each of two values counted side by side, as a colour over the plan's groups (or as the
    groups): what "dogs vs cats by shelter" reads as, also where a word of one value named a number column."""
    if plan.intent in ("distribution", "correlation") or plan.chart in ("point", "histogram", "boxplot") or \
            plan.dimension is not None and plan.dimension.bins:
        return plan
    out = plan.model_copy(deep=True)
    out.measures = [Measure(column=None, agg="count")]
    out.filters = [f for f in out.filters if f.column != values.column] + [values]
    if out.dimension is None or out.dimension.column == values.column:
        out.dimension, out.color = Dimension(column=values.column), None
        out.intent, out.chart = "compare", "auto"  # the two counts as bars, not one number or a table
    elif out.color is None or out.color == values.column:
        out.color = values.column
    else:
        return plan
    used = {m.column for m in out.measures}
    return _unread(out, *(m.column for m in plan.measures if m.column and m.column not in used))


def find_pair(links: Links, profile: dict[str, Any]) -> tuple[_Side, _Side, bool] | None:
    """(the whole, the subset, whether the subset is said first) of two words joined by and / vs."""
    toks = links.parsed.toks
    for j, t in enumerate(toks):
        if t.text not in _JOIN or j == 0 or j + 1 >= len(toks):
            continue
        left, right = _side(links, profile, j, before=True), _side(links, profile, j, before=False)
        if left is None or right is None:
            continue
        if left.subset is not None and right.measure is not None and right.subset is None:
            return right, left, True
        if right.subset is not None and left.measure is not None and left.subset is None:
            return left, right, False
    return None


def _side(links: Links, profile: dict[str, Any], j: int, before: bool) -> _Side | None:
    """What the words just before (or after) the joiner at `j` name: a subset of the rows, a measure, or both
    ("adoptions": Outcome = Adopted, and the fee its word partly names)."""
    toks = links.parsed.toks
    if before:
        k = j - 1
    else:
        k = j + 1
        while k < len(toks) - 1 and toks[k].text in _LEAD_WORDS:
            k += 1
    start = k
    while start > 0 and toks[start - 1].text in _LEAD_WORDS:
        start -= 1
    counted = bool({t.text for t in toks[max(0, start - 1):k]} & _COUNT_WORDS)
    subset = _subset_at(links, profile, k)
    measure = _measure_at(links, profile, k, counted)
    if subset is None and measure is None:
        return None
    dated = next((str(c.target) for c in links.columns if c.start <= k < c.end and
                  profile["_by_name"][str(c.target)]["type"] in _DATES), None)
    return _Side(measure, subset, counted, toks[k].sing, dated if measure is not None and subset is None else None)


def _links_at(links: Links, k: int) -> list[Link]:
    """The column and value links spanning token `k`."""
    return [c for c in links.columns + links.values if c.start <= k < c.end]


def _subset_at(links: Links, profile: dict[str, Any], k: int) -> Filter | None:
    """The rows a plural noun at `k` names: a value said, a Yes/No column, a date set when it happens, or
    the value whose participle shares the noun's stem ("cancellations" ~ Cancelled)."""
    t = links.parsed.toks[k]
    if t.text == t.sing or t.sing in _AMOUNT_WORDS:
        return None  # a plural names some of the rows ("cancellations", "refunds"); "sales" names an amount
    by_name = profile["_by_name"]
    for c in _links_at(links, k):
        if c.kind == "value" and isinstance(c.target, tuple) and c.end - c.start == 1:
            column, value = c.target
            if stem(str(value).lower()) in stem_forms(t.text):  # "cancellations" ~ Cancelled, not "dogs" ~ Dog
                return Filter(column=str(column), op="=", values=[value])
        if c.kind != "column":
            continue
        col = by_name[str(c.target)]
        if c.end - c.start == 1 and (binary(col) or yes_letter(col) is not None) and "partial" not in c.feats:
            # the flag's own word ("refunds" ~ Refunded), not one word of a longer name ("customers" of Repeat
            # Customer counts customers)
            return Filter(column=col["name"], op="=", values=[yes_letter(col) or True])
        if col["type"] in ("date", "datetime") and col["non_null"] < profile["row_count"] and \
                _first_stem(col) in stem_forms(t.text):  # "completions" ~ Completed On, blank until then
            return Filter(column=col["name"], op="not_null")
        if is_numeric(col) and not {"partial", "entity"} & set(c.feats):
            return None  # a number the word names ("returns" of a Returns column) is measured, not a subset
    return _value_named(profile, t.text)


def _first_stem(col: dict[str, Any]) -> str:
    """The stem of a column's first word (of "Adoption Fee": of adoption)."""
    words = col.get("tokens") or [str(col["name"]).lower()]
    return stem(str(words[0]))


def _value_named(profile: dict[str, Any], word: str) -> Filter | None:
    """The one value of a status column whose participle is the noun's verb ("adoptions" ~ Adopted)."""
    forms = stem_forms(word)
    found = [(col["name"], v) for col in profile["columns"] if col["type"] == "text" and col.get("values")
             and len(col["values"]) <= _MAX_VALUES for v, _n in col["values"]
             if isinstance(v, str) and " " not in v.strip() and str(v).lower().endswith("ed")
             and stem(v.lower()) in forms]
    return Filter(column=found[0][0], op="=", values=[found[0][1]]) if len(found) == 1 else None


def _measure_at(links: Links, profile: dict[str, Any], k: int, counted: bool) -> Measure | None:
    """What a word at `k` measures over all rows: a numeric column (with the aggregation said before it),
    or the rows themselves (their noun, an id column's, a date column that every row has: "bookings")."""
    by_name = profile["_by_name"]
    t = links.parsed.toks[k]
    for c in links.columns:
        if not c.start <= k < c.end:
            continue
        col = by_name[str(c.target)]
        if is_numeric(col) and col["role"] == "measure" and not binary(col):
            agg = next((a.target for a in links.aggs if a.end <= c.start and c.start - a.end <= 2), None)
            if counted or agg == "count":
                return Measure(column=None, agg="count")
            chosen = agg if agg in ("sum", "avg", "median", "min", "max") else \
                "sum" if col.get("additive", True) else "avg"
            return Measure(column=col["name"], agg=chosen)  # type: ignore[arg-type]  # an Agg
        rows_named = "entity" in c.feats or col["type"] in ("date", "datetime") and \
            col["non_null"] == profile["row_count"] and t.text != t.sing
        if rows_named:
            return Measure(column=None, agg="count")
    if t.text != t.sing and t.text == counted_noun(profile):
        return Measure(column=None, agg="count")
    return None


def _events_counted(plan: Plan, links: Links, profile: dict[str, Any]) -> Plan:
    """"adoptions per month", "which shelter had the most adoptions" over an Adoption Fee and an Outcome
    column: the plural of the event whose participle a status value is counts those rows, where the
    planner read the word as part of a number column's name (the fee of an adoption is no adoption).
    Only when the column's other words go unsaid ("adoption fees per month" sums the fees)."""
    if len(plan.measures) != 1 or plan.measures[0].kind is not None or plan.measures[0].column is None or \
            plan.measures[0].agg not in ("sum", "avg") or plan.intent in ("distribution", "correlation"):
        return plan
    column = plan.measures[0].column
    said = {t.sing for t in links.parsed.toks}
    for c in links.columns:
        t = links.parsed.toks[c.end - 1]
        if str(c.target) != column or "partial" not in c.feats or c.end - c.start != 1 or t.text == t.sing:
            continue
        rest = set(profile["_by_name"][column].get("tokens") or []) - {t.sing}
        cond = _value_named(profile, t.text)
        if cond is None or cond.column == column or rest & said or \
                any(f.column == cond.column for f in plan.filters) or plan.color == cond.column:
            continue
        out = plan.model_copy(deep=True)
        out.measures = [Measure(column=None, agg="count")]
        out.filters.append(cond)
        dated = _status_date(cond, profile)
        if dated is not None and out.dimension is not None and out.dimension.grain in _TIME_GRAINS and \
                profile["_by_name"][out.dimension.column]["type"] in _DATES:
            out.dimension.column = dated  # "adoptions per month": when the animals were adopted
        out.evidence.append(f"“{t.text}” counted as the {cond.column} = {cond.values[0]} rows")
        return _unread(out, column)
    return plan


def _unread(plan: Plan, *columns: str) -> Plan:
    """The plan without its notes of reading a word as a column it no longer measures."""
    plan.assumptions = [a for a in plan.assumptions if not (a.startswith("I read") and
                                                            any(a.endswith(f" as {c}") for c in columns))]
    return plan


def time_axis_kept(ranked: list[RankedPlan], links: Links) -> list[RankedPlan]:
    """"food cost vs revenue by month": "A vs B" of two numbers reads as one dot per row, but a time grain
    said beside it asks for the two along time. The first reading that keeps the grain with the same two
    columns goes first, when the best one plots the raw values (and no chart is asked for)."""
    if not ranked or links.parsed.chart or not any(g.target in _TIME_GRAINS for g in links.grains):
        return ranked
    best = ranked[0][1]
    if best.dimension is not None or len(best.measures) != 2 or any(m.agg != "none" for m in best.measures):
        return ranked
    columns = [m.column for m in best.measures]
    for i, (_, plan, _r) in enumerate(ranked[1:], start=1):
        if plan.dimension is not None and plan.dimension.grain in _TIME_GRAINS and plan.color is None and \
                [m.column for m in plan.measures] == columns and all(m.agg != "none" for m in plan.measures):
            return [ranked[i], *ranked[:i], *ranked[i + 1:]]
    return ranked
