"""Edits of the chart on screen that a follow-up's words allow: a filter added or replaced (data
values, Yes/No columns, periods, a grain word that is also a value: "annual billing"), filters
removed, the period shifted ("the year before"), another measure or aggregation, another x axis
or a colour split, a time grain, a chart type, a share, top/bottom N, an order ("and the worst?"
flips it), the colour split or the limit removed, the groups without a value dropped ("drop the
blanks"), the filters on a column lifted ("for all clubs"), the chart summed into one number ("what's
the total?"), the condition on screen negated ("and the ones without?").

Each family reads the message (language.parsing.Parsed) and returns the variants it allows of a
plan; a family the words do not touch returns none. `candidates` is every combination of the
variants, validated like any plan. planning.followup ranks them against the fresh reading.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from ..datasets.profile import is_identifier
from ..errors import Unanswerable
from ..labels import BLANKS_LEFT_OUT
from ..language import cues as C
from ..language.lexicon import MONTH_NAMES, NUMBER_WORDS
from ..language.matching import Mention, find_values
from ..language.parsing import Parsed, is_numeric, main_temporal
from ..language.timeparse import add_months, month_end, period_start
from ..plan import Agg, Dimension, Filter, Grain, Measure, Order, Plan, Value, copy_plan, validate_plan
from .series import dropped_series

_REMOVE_FILTERS = re.compile(r"\b(all|every) (rows|data|regions|years|time)\b|\bremove (the )?filters?\b|"
                             r"\bno filters?\b|\bwithout (the )?filters?\b")
_EXPLICIT_EXTREMES = {"max", "maximum", "maximal", "min", "minimum", "minimal"}
_SHIFT = re.compile(r"\b(year|quarter|month|week|day) (?:before|earlier|prior)\b(?! \d)|"
                    r"\b(?:a|one) (year|quarter|month|week|day) (?:earlier|ago)\b")
# said of a chart that already has a period: "and the previous month", "same period last year"
_SHIFT_FROM_SHOWN = re.compile(r"\b(?:previous|preceding|prior) (year|quarter|month|week|day)\b(?! \d)|"
                               r"\bsame (?:period|time|months?|quarter|weeks?|days?) (?:a |the )?(?:last|previous|"
                               r"prior) (year)\b")
# a period said relative to the data's end ("last year"): the one before the chart's if that is the one shown
_LAST_UNIT = re.compile(r"\b(?:last|previous|prior) (year|quarter|month|week)\b(?! \d)")
# "the average instead of the total": the total is what goes, not a share of it
_NOT_SHARE = re.compile(r"\b(instead of|rather than|not) (the )?(total|sum)\b")
# a period smaller than one bucket of the trend on screen: its next finer grain ("zoom into Q3")
_FINER: dict[str, Grain] = {"year": "month", "quarter": "month", "month": "day", "week": "day"}
_REMOVE_COLOUR = re.compile(r"\b(remove|drop|without|no|hide)( the)? (colou?rs?|split|breakdown|stack(ing)?)\b|"
                            r"\bunsplit\b|\bnot split\b")
# "drop the blanks", "without missing values", "non-empty ones only": rows without a value go
_DROP_NULLS = re.compile(r"\b(drop|remove|exclude|excluding|without|no|hide|skip|ignore|filter out|leave out|"
                         r"except|get rid of)( the| any| all)?( rows with)? (nulls?|blanks?|empty|empties|missing|"
                         r"n/?as?|unknowns?|not set)\b|\bnon[- ]?(blank|empty|null|missing)\b")
_ALL_OF = {"all", "every", "any"}
# "what's the total?", "and overall?", "in total": the chart on screen summed into one number
_TOTAL = re.compile(r"^\W*(?:and |so |ok |okay )?(?:what(?: is|s)? )?(?:the )?(?:grand |overall )?"
                    r"(?:total|overall|altogether|in total|all together|combined|sum of (?:it|that|them|all))\W*$")
# "in percentages", "as %", "as shares": the values on screen as shares of their total
# ... and "show percentages", "give me the shares": a whole message asking to see them
_AS_SHARE = re.compile(r"\b(?:in|as|to|into) (?:a )?(?:percent(?:ages?|s)?|%|shares?|proportions?|fractions?)\b|"
                       r"^\W*(?:show|give|display|use)(?: me| us)?(?: the| them as| it as)? (?:percent(?:ages|s)|%|"
                       r"shares|proportions)\W*$")
_REMOVE_LIMIT = re.compile(r"\b(all of them|show all|no limit|remove the limit|everything)\b")
# "and profit too", "also the quantity", "add profit": the named measure joins the one on screen
_ALSO = re.compile(r"\b(too|also|as well|both|add|plus|alongside|together with|in addition)\b")
_MAX_LIMIT = 100  # a larger bare number is rather a value than a number of bars
_MAX_MEASURES = 3  # a chart with more series than that is no longer read


@dataclass
class Edit:
    """One reading of a follow-up: the edited plan and the changes that made it."""

    plan: Plan
    changes: list[str] = field(default_factory=list)


def _copy(plan: Plan) -> Plan:
    return copy_plan(plan)


def free_mentions(p: Parsed) -> list[Mention]:
    """Mentions that are not only part of a filter ("only remote workers": Remote filters), nor the
    column named next to one of its values ("for spin classes", "just the north region")."""
    return [m for m in p.mentions if id(m) not in p.filter_mentions and
            not any(v.column == m.column and (v.end == m.start or m.end == v.start) for v in p.values)]


def is_measure(col: dict[str, Any]) -> bool:
    return is_numeric(col) and col["role"] == "measure"


# ---------------------------------------------------------------- edit families
# Each family reads the message and returns the variants it allows of a plan, as (plan, change)
# pairs; an empty list means the words do not touch that part of the plan.
Variants = list[tuple[Plan, str]]


def _filters(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """Filters on a column the message names replace the previous ones on it; others are added. A
    period that fits in one bucket of the trend on screen shows it at a finer grain ("zoom into Q3")."""
    shifted = _shift_unit(plan, p, profile) is not None  # the period words move the one on screen
    said = [f for f in p.filters if not (shifted and _dated(f, profile))]
    if not said:
        return []
    out = _copy(plan)
    # a day of the week and a period on one date column are two conditions ("only weekends" keeps March)
    slots = {(f.column, f.op == "weekday") for f in said}
    said = list({f.model_dump_json(): f for f in said}.values())  # "no guests" may be read twice
    # "how many over budget" then "what about over estimate": a two-column comparison takes the place of the last
    paired = any(f.other is not None for f in said)
    kept = [f for f in out.filters if (f.column, f.op == "weekday") not in slots and not (paired and f.other)]
    year = _year_on_screen(plan, p, profile)
    out.filters = kept + [_in_year(f, year) if year and _dated(f, profile) else f.model_copy() for f in said]
    if p.period and not shifted:
        out.period = re.sub(r"\b\d{4}\b", str(year), p.period) if year else p.period
        _zoomed(out, profile)
    return [(out, "filter"), *_compared(plan, said, p)]


# "compare with pine lodge", "vs the uk", "against loyalty week": the value joins the one on screen
_COMPARED = re.compile(r"\b(?:compared? (?:it |that |this |them )?(?:with|to|against)|vs|versus|against|alongside|"
                       r"next to|side by side with)\b")


def _compared(plan: Plan, said: list[Filter], p: Parsed) -> Variants:
    """"compare with pine lodge" after a chart of one hotel: both values, split by their column (the
    colour of an axis, or the axis of one number)."""
    if not _COMPARED.search(p.text.s):
        return []
    out: Variants = []
    for f in said:
        shown = [g for g in plan.filters if g.column == f.column and g.op == "=" and f.op == "="]
        if len(shown) != 1 or shown[0].values == f.values:
            continue
        new = _copy(plan)
        new.filters = [g for g in new.filters if g.column != f.column] + \
            [Filter(column=f.column, op="in", values=[*shown[0].values, *f.values])]
        if new.dimension is None:
            new.dimension, new.intent = Dimension(column=f.column), "compare"
            new.chart = "auto" if new.chart == "kpi" else new.chart
        elif new.color is None and new.dimension.column != f.column:
            new.color = f.column
        out.append((new, "compared"))
    return out


_NAMED_YEAR = re.compile(r"\b(?:\d{4}|last|this|next|previous|prior|past|ago|current)\b")


def _year_on_screen(plan: Plan, p: Parsed, profile: dict[str, Any]) -> int | None:
    """"and april?" after a chart of March 2024: a month said without a year is in the year the chart on
    screen shows (one calendar year), not the latest April of the data. None when the message says a year
    or a relative period, or the chart shows no single year."""
    if not p.period or _NAMED_YEAR.search(p.text.s) or not any(t.text in MONTH_NAMES for t in p.toks):
        return None
    years = set()
    for f in plan.filters:
        if _dated(f, profile) and f.op == "between" and len(f.values) == 2:
            years |= {str(v)[:4] for v in f.values}
    return int(years.pop()) if len(years) == 1 and next(iter(years)).isdigit() else None


def _in_year(f: Filter, year: int) -> Filter:
    """A period filter of one month moved to `year` (its dates' text keeps its form: a date or a timestamp)."""
    if f.op != "between" or len(f.values) != 2 or str(f.values[0])[:4] != str(f.values[1])[:4]:
        return f.model_copy()
    try:
        lo = dt.date.fromisoformat(str(f.values[0])[:10])
    except ValueError:
        return f.model_copy()
    hi = month_end(year, lo.month).isoformat()
    values = [f"{year}{str(f.values[0])[4:]}", hi + str(f.values[1])[10:]]
    return f.model_copy(update={"values": values})


def _dated(f: Filter, profile: dict[str, Any]) -> bool:
    return bool(profile["_by_name"][f.column]["role"] == "temporal")


def _zoomed(plan: Plan, profile: dict[str, Any]) -> None:
    """A trend whose date filter now spans one bucket of its grain takes the next finer grain."""
    d = plan.dimension
    if d is None or d.grain not in _FINER:
        return
    for f in plan.filters:
        if f.column == d.column and f.op == "between" and len(f.values) == 2:
            try:
                lo, hi = (dt.date.fromisoformat(str(v)[:10]) for v in f.values)
            except ValueError:
                return
            if period_start(lo, d.grain) == period_start(hi, d.grain):
                d.grain = _FINER[d.grain]


def _filters_removed(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"remove the filters" lifts them all; "for all clubs" lifts the filters on Club only."""
    if plan.filters and _REMOVE_FILTERS.search(p.text.s):
        out = _copy(plan)
        out.filters, out.period = [], None
        return [(out, "filters removed")]
    lifted = lifted_columns(plan, p)
    if not lifted:
        return []
    out = _copy(plan)
    out.filters = [f for f in out.filters if f.column not in lifted]
    if not any(_dated(f, profile) for f in out.filters):
        out.period = None  # the period described a date filter that is gone
    return [(out, "filter lifted")]


def lifted_columns(plan: Plan, p: Parsed) -> set[str]:
    """Columns the plan filters that the words name after "all", "every", "any" ("for all clubs"), unless
    the words set a condition on it themselves ("all stores but West")."""
    filtered = {f.column for f in plan.filters} - {f.column for f in p.filters}
    return {m.column for m in p.mentions if m.column in filtered and
            any(t.text in _ALL_OF for t in p.toks[max(0, m.start - 2):m.start])}


def with_measure(plan: Plan, col: dict[str, Any], agg: Agg | None, *, keep_others: bool = False) -> Plan:
    """The named column becomes the measure, for a follow-up's words ("what about profit?") and for
    the page's measure chip (revise, `keep_others`: the chip names the first measure only). An
    intensive aggregation on screen is kept, a text column is counted distinct; a scatter's second
    axis or a histogram's binned column takes the column. Unanswerable says why not."""
    out = _copy(plan)
    binned = out.dimension is not None and out.dimension.bins
    if (out.intent == "correlation" and len(out.measures) >= 2) or binned:
        if not is_numeric(col):
            why = ("it has no distribution to bin" if binned
                   else f"it cannot be plotted against '{out.measures[0].column}'")
            raise Unanswerable(f"'{col['name']}' is not numeric, so {why}")
        if binned:
            assert out.dimension is not None and out.dimension.bins  # binned
            out.dimension = Dimension(column=col["name"], bins=out.dimension.bins)
            out.measures = [Measure(column=None, agg="count")]
        else:
            out.measures[1] = Measure(column=col["name"], agg="none")
        return out
    new_agg: Agg = agg if agg and agg != "count" else ("sum" if col.get("additive", True) else "avg")
    if out.measures and out.measures[0].agg not in ("count", "count_distinct", "none") and not agg:
        old = out.measures[0].agg
        new_agg = old if old in ("avg", "median", "min", "max") or col.get("additive", True) else new_agg
    if not is_numeric(col) and not agg:
        new_agg = "count_distinct"
    out.measures[: 1 if keep_others else len(out.measures)] = [Measure(column=col["name"], agg=new_agg)]
    return out


def _measure(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"what about profit?" swaps the measure; "average instead" changes the aggregation."""
    by_name = profile["_by_name"]
    named = [by_name[m.column] for m in free_mentions(p) if is_measure(by_name[m.column])]
    aggs = [c for c in p.aggs if c.value not in ("max", "min") or p.toks[c.start].text in _EXPLICIT_EXTREMES
            or plan.dimension is None]  # "and the worst?" on a chart by category orders it (_order)
    # the lexicon's aggregation cues are the plan's names (pydantic checks them again)
    agg = next((cast(Agg, c.value) for c in aggs), None)
    if named:
        return [(with_measure(plan, named[0], agg), "measure"), *_added_measure(plan, named[0], agg)]
    if not agg:
        return []
    try:
        out = aggregated(plan, agg)
    except Unanswerable:  # raw values, a rate: the words ask for no aggregation of this chart
        return []
    return [] if out.measures == plan.measures else [(out, "aggregation")]


def aggregated(plan: Plan, agg: Agg) -> Plan:
    """The plan with its first measure aggregated by `agg`, for a follow-up's words and for the
    page's aggregation chip (revise); Unanswerable says why a chart cannot take it."""
    if not plan.measures:
        raise Unanswerable("this chart has no measure to aggregate")
    m = plan.measures[0]
    if plan.intent == "correlation" or m.agg == "none":
        raise Unanswerable("this chart shows raw values, so it has no aggregate to change")
    out = _copy(plan)
    if agg == "count":
        out.measures[0] = Measure(column=None, agg="count")
    elif m.kind in ("rate", "ratio", "margin"):
        raise Unanswerable("this chart shows a rate or a ratio, whose aggregate is part of what it means")
    elif m.column is None:
        raise Unanswerable("this chart counts rows; choose a measure before changing the aggregate")
    else:
        out.measures[0] = m.model_copy(update={"agg": agg})  # a derived measure stays derived
    return out


def _added_measure(plan: Plan, col: dict[str, Any], agg: Agg | None) -> Variants:
    """The named measure next to the ones on screen (a second series, or a second number), when
    the chart aggregates; followup.edit_score prefers it when the words say "too", "also", "add"."""
    ms = plan.measures
    if (plan.dimension is not None and plan.dimension.bins) or not ms or len(ms) >= _MAX_MEASURES or \
            any(m.agg == "none" for m in ms) or any(m.column == col["name"] for m in ms) or plan.share:
        return []
    out = _copy(plan)
    new = with_measure(plan, col, agg).measures[0]
    out.measures = [*out.measures, new]
    if out.chart in ("arc", "kpi", "histogram"):  # one series only
        out.chart = "auto"
    return [(out, "measure added")]


def also_words(p: Parsed) -> bool:
    return bool(_ALSO.search(p.text.s))


def _one_measure(plan: Plan, profile: dict[str, Any]) -> None:
    """Raw values (a scatter's) put on an axis become the last one's total (or average); aggregated
    measures ("revenue and profit by region") all stay."""
    if plan.intent == "correlation" or any(m.agg == "none" for m in plan.measures):
        m = plan.measures[-1]
        additive = m.column is None or profile["_by_name"][m.column].get("additive", True)
        plan.measures = [m if m.column is None else Measure(column=m.column, agg="sum" if additive else "avg")]


def on_axis(plan: Plan, col: dict[str, Any], grain: Grain | None, profile: dict[str, Any]) -> Plan:
    """The column replaces the x axis, for a follow-up's words and for the page's dimension chip
    (revise): a date column makes a trend at the given grain (else the chart's, else by month)."""
    out = _copy(plan)
    _one_measure(out, profile)
    if col["role"] == "temporal" and not is_numeric(col) or col.get("year_like"):
        dated = col["type"] in ("date", "datetime")
        kept = plan.dimension.grain if plan.dimension else None
        out.dimension = Dimension(column=col["name"], grain=(grain or kept or "month") if dated else None)
        out.intent = "trend"
    else:
        out.dimension = Dimension(column=col["name"])
        out.intent = "compare" if out.intent in ("trend", "kpi", "distribution") else out.intent
        if out.chart in ("line", "area"):  # a line drawn through categories would read as a trend
            out.chart = "auto"
    if out.color == col["name"]:
        out.color = None
    if out.chart in ("kpi", "histogram"):
        out.chart = "auto"
    return out


def _dimension(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """A category the message names either replaces the x axis or splits it by colour."""
    by_name = profile["_by_name"]
    # "only for the West region" filters, it does not regroup (nor does "annual billing")
    filtered = {f.column for f in [*p.filters, *grain_values(p, profile)]} | lifted_columns(plan, p)
    named = [by_name[m.column] for m in free_mentions(p) if not is_measure(by_name[m.column])
             and not is_identifier(by_name[m.column])  # identifiers ("workers" → Employee) never chart
             and m.column not in filtered]
    current = plan.dimension.column if plan.dimension else None
    named = [c for c in named if c["name"] != current]
    if not named:
        return []
    col = named[0]
    out = [(_unpinned(on_axis(plan, col, _parsed_grain(p), profile), col["name"]), "dimension")]
    if current is not None and col["role"] != "temporal":
        split = _unpinned(_copy(plan), col["name"])
        split.color = col["name"]
        out.append((split, "colour"))
    return out


def _parsed_grain(p: Parsed) -> Grain | None:
    """The message's grain: the parser reads grain words as the plan's names (pydantic checks them again)."""
    return cast("Grain | None", p.grain)


def _unpinned(plan: Plan, column: str) -> Plan:
    """A split by a column shows all its values: an earlier "only women" on it goes."""
    plan.filters = [f for f in plan.filters if not (f.column == column and f.op == "=")]
    return plan


def grain_values(p: Parsed, profile: dict[str, Any]) -> list[Filter]:
    """Data values spelled like the message's grain word ("only annual billing", a "monthly" plan)."""
    cue = C.find_grain(p.text)
    if cue is None:
        return []
    return [Filter(column=v.column, op="=", values=[v.value]) for v in find_values(p.toks, profile, set())
            if v.start <= cue.start and cue.end <= v.end][:1]


def _grain(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"by quarter instead": the date axis takes the grain; a chart by category moves to the date
    axis, or keeps its category as the colour ("and by month"); a grain word that is also a value
    of the data may filter on it instead."""
    grain = _parsed_grain(p)
    if not grain:
        return []
    variants = []
    for f in grain_values(p, profile):
        valued = _copy(plan)
        valued.filters = [g for g in valued.filters if g.column != f.column] + [f]
        variants.append((valued, "grain value"))
    try:
        return _regrained(plan, grain, profile) + variants
    except Unanswerable:
        if variants:
            return variants
        raise


def _regrained(plan: Plan, grain: Grain, profile: dict[str, Any]) -> Variants:
    by_name = profile["_by_name"]
    if plan.dimension is not None and by_name[plan.dimension.column]["type"] in ("date", "datetime"):
        regrained = _copy(plan)
        regrained.dimension = Dimension(column=plan.dimension.column, grain=grain)
        return [(_as_trend(regrained, profile), "grain")]
    tcol = main_temporal(profile)
    if tcol is None or tcol["type"] not in ("date", "datetime"):
        raise Unanswerable(f"this dataset has no date column, so it cannot be shown by {grain.replace('_', ' ')}")
    moved = _copy(plan)
    moved.dimension = Dimension(column=tcol["name"], grain=grain)
    variants = [(_as_trend(moved, profile), "grain")]
    old = plan.dimension.column if plan.dimension else None
    if old is not None and by_name[old]["role"] != "temporal" and not plan.color:
        split = _copy(moved)
        split.color = old
        variants.append((_as_trend(split, profile), "grain+colour"))
    return variants


def _as_trend(plan: Plan, profile: dict[str, Any]) -> Plan:
    plan.intent = "trend"
    _one_measure(plan, profile)
    if plan.chart in ("arc", "kpi"):
        plan.chart = "auto"
    return plan


def _chart(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    if not p.chart or p.chart == plan.chart:
        return []
    out = _copy(plan)
    out.chart = p.chart  # type: ignore[assignment]  # parse() reads only the Chart literal's names
    if p.chart == "histogram" and out.measures and out.measures[0].column:
        out.dimension = Dimension(column=out.measures[0].column, bins=20)
        out.measures = [Measure(column=None, agg="count")]
        out.intent = "distribution"
    return [(out, "chart")]


# "make it horizontal", "horizontal bars please", "flip it sideways", "vertical bars": the bars' orientation
_ORIENTED = re.compile(r"\b(?:(horizontal(?:ly)?|sideways)|(vertical(?:ly)?|upright))\b")


def _oriented(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"make it horizontal": the chart on screen as bars laid that way. Only a chart over categories or
    periods can be; a number, a pie or a scatter has no bars to turn."""
    m = _ORIENTED.search(p.text.s)
    if m is None or plan.dimension is None or plan.chart not in ("auto", "bar", "line", "area") \
            or (plan.chart != "bar" and p.chart not in (None, "bar")):
        return []
    out = _copy(plan)
    out.chart, out.horizontal = "bar", m[1] is not None
    return [(out, "orientation")] if out.horizontal != plan.horizontal or plan.chart != "bar" else []


def _share(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    if not (p.share or _AS_SHARE.search(p.text.s)) or plan.share or _NOT_SHARE.search(p.text.s):
        return []
    out = _copy(plan)
    out.share = True
    if out.intent != "trend":
        out.intent = "part_to_whole"
    return [(out, "share")]


def _numbered(p: Parsed) -> bool:
    return any(t.text.isdigit() or t.text in NUMBER_WORDS for t in p.toks)


def _bare_count(plan: Plan, p: Parsed) -> int | None:
    """"show 8", "just 3", "10 instead": a number that is no value, date or filter of the data sets
    how many groups of the chart on screen are shown."""
    if plan.dimension is None or plan.dimension.grain or p.filters or p.period or p.mentions:
        return None
    # "one" is rather a pronoun ("and that one?")
    nums = [int(t.text) if t.text.isdigit() else NUMBER_WORDS[t.text] for t in p.toks
            if t.text.isdigit() or (t.text in NUMBER_WORDS and t.text != "one")]
    return nums[0] if len(nums) == 1 and 1 <= nums[0] <= _MAX_LIMIT else None


def _directions(plan: Plan, p: Parsed) -> set[bool]:
    """The ranking directions the message's superlatives say of the measure on screen."""
    return C.rank_directions(p.text.s, (plan.measures[0].column or "") if plan.measures else "")


def _order(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """Top/bottom N, an explicit order, or a superlative alone: "and the worst?" flips the order
    of the chart on screen and keeps its N; a number alone ("show 8") sets N and keeps the order."""
    if p.limit and (_numbered(p) or not plan.limit):
        out = _copy(plan)  # copied only for a variant made (most messages make none here)
        out.limit, out.order = p.limit, Order(by="measure", desc=p.limit_desc)
        return [(out, "limit")]
    bare = _bare_count(plan, p) if p.limit is None and p.order_desc is None else None
    if bare is not None and bare != plan.limit:
        out = _copy(plan)
        out.limit, out.order = bare, plan.order or Order(by="measure", desc=False not in _directions(plan, p))
        return [(out, "limit")]
    if p.order_desc is not None or p.order_target == "x":  # "sort by name": labels read A to Z
        dimension = p.order_target == "x" or (plan.dimension is not None and p.order_target == plan.dimension.column)
        out = _copy(plan)
        out.order = Order(by="dimension" if dimension else "measure", desc=bool(p.order_desc))
        return [(out, "order")]
    directions = _directions(plan, p)
    if plan.dimension is None or len(directions) != 1 or not (plan.limit or plan.order or False in directions):
        return []
    out = _copy(plan)
    out.order = Order(by="measure", desc=True in directions)
    if out.order == plan.order:
        return []
    return [(out, "order")]


def _shift_date(value: Value, unit: str) -> Value | None:
    """A filter's date (a year number, "YYYY-MM-DD" or "YYYY-MM-DD hh:mm:ss") one unit earlier;
    the last day of a month stays the last day of the month."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value - 1 if unit == "year" else None
    text = str(value)
    try:
        d = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    if unit in ("day", "week"):
        out = d - dt.timedelta(days=1 if unit == "day" else 7)
    else:
        start = add_months(d, -{"month": 1, "quarter": 3, "year": 12}[unit])
        last = month_end(start.year, start.month)
        out = last if d == month_end(d.year, d.month) else start.replace(day=min(d.day, last.day))
    return out.isoformat() + text[10:]


def _shift_unit(plan: Plan, p: Parsed, profile: dict[str, Any]) -> str | None:
    """The unit by which the words move the period on screen ("the year before", "and the previous
    month", "same period last year"), if it has one; a period of their own is not a shift."""
    if not any(_dated(f, profile) for f in plan.filters):
        return None
    m = _SHIFT.search(p.text.s)
    if m is not None and not any(_dated(f, profile) for f in p.filters):
        return m.group(1) or m.group(2)
    m = _SHIFT_FROM_SHOWN.search(p.text.s)
    if m:
        return m.group(1) or m.group(2)
    # "same for last year" on a chart of 2024 when 2024 is the data's last year: the one before the period shown
    m = _LAST_UNIT.search(p.text.s)
    shown = {(f.column, f.op, tuple(map(str, f.values))) for f in plan.filters if _dated(f, profile)}
    said = {(f.column, f.op, tuple(map(str, f.values))) for f in p.filters if _dated(f, profile)}
    # (not when this message's period was just put on the chart: then it was another one)
    return m.group(1) if m and said and said <= shown and plan.period != p.period else None


def _period_shift(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"what about the year before?": the date filters on screen, one period earlier."""
    unit = _shift_unit(plan, p, profile)
    if unit is None:
        return []
    out = _copy(plan)
    for f in out.filters:
        if _dated(f, profile):
            shifted = [_shift_date(v, unit) for v in f.values]
            if None in shifted:
                return []
            f.values = [v for v in shifted if v is not None]
    # "in December 2024" → "the year before December 2024"
    before = re.sub(r"^(in|during|for) ", "", plan.period) if plan.period else None
    out.period = f"the {unit} before {before}" if before else None
    return [(out, "period")]


def _colour_removed(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    if plan.color is None or not _REMOVE_COLOUR.search(p.text.s):
        return []
    out = _copy(plan)
    out.color, out.stacking = None, None
    return [(out, "colour removed")]


def _total(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"what's the total?": the chart on screen as one number (its filters kept)."""
    if plan.dimension is None or plan.dimension.bins or plan.intent == "correlation" or not _TOTAL.search(p.text.s):
        return []
    out = _copy(plan)
    out.dimension, out.color, out.limit, out.order, out.share, out.stacking = None, None, None, None, False, None
    out.measures, out.intent, out.chart = out.measures[:1], "kpi", "auto"
    return [(out, "total")]


def _nulls_dropped(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"drop the blanks": the groups without a value go, on the columns the words name, else on the
    chart's axis and colour that have missing values (else on its axis: the chart is unchanged)."""
    if not _DROP_NULLS.search(p.text.s):
        return []
    by_name = profile["_by_name"]
    grouped = [c for c in (plan.dimension.column if plan.dimension else None, plan.color) if c]
    named = [m.column for m in p.mentions if m.column in grouped or by_name[m.column].get("non_null", 0) <
             profile.get("row_count", 0)]
    gappy = [c for c in grouped if by_name[c].get("non_null", 0) < profile.get("row_count", 0)]
    targets = list(dict.fromkeys(named or gappy or grouped[:1]))
    if not targets:
        return []
    out = _copy(plan)
    out.filters = [f for f in out.filters if not (f.column in targets and f.op == "not_null")] + \
        [Filter(column=c, op="not_null") for c in targets]
    return [(out, "blanks removed")]


# "and the ones without?", "and with one?", "what about the rest?": the other side of the condition on screen
_FLIP = re.compile(r"^\W*(?:and|what about|how about|now|then|so|ok)?\s*(?:for\s+)?(?:(?:the|those)\s+(?:ones?\s+)?)?"
                   r"(?:with(?:out)?(?:\s+(?:one|ones|it|them|any|some))?|"
                   r"(?:the\s+)?(?:rest|others|other ones|opposite))\W*$")
_NEGATED: dict[str, str] = {"=": "!=", "!=": "=", ">": "<=", "<=": ">", "<": ">=", ">=": "<", "in": "not_in",
                            "not_in": "in", "contains": "not_contains", "not_contains": "contains",
                            "is_null": "not_null", "not_null": "is_null"}


def _flipped(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    """"and the ones without?" after "tickets with a refund": the last condition on screen (not a
    period) negated; a Yes/No condition takes its other value."""
    conds = [f for f in plan.filters if not _dated(f, profile) and f.op in _NEGATED]
    if not conds or not _FLIP.search(p.text.s):
        return []
    last = conds[-1]
    if last.op == "=" and len(last.values) == 1 and isinstance(last.values[0], bool):
        flipped = last.model_copy(update={"values": [not last.values[0]]})
    else:
        flipped = last.model_copy(update={"op": _NEGATED[last.op]})
    out = _copy(plan)
    out.filters = [flipped if f == last else f for f in out.filters]
    return [(out, "condition flipped")]


def _limit_removed(plan: Plan, p: Parsed, profile: dict[str, Any]) -> Variants:
    if plan.limit is None or not _REMOVE_LIMIT.search(p.text.s):
        return []
    out = _copy(plan)
    out.limit = None
    return [(out, "limit removed")]


FAMILIES: tuple[Callable[[Plan, Parsed, dict[str, Any]], Variants], ...] = (
    # the filters go after the new axis: "for all clubs" lifts a filter, it does not regroup by club
    _filters, _period_shift, _measure, _dimension, _filters_removed, _grain, _chart, _oriented, _share, _order,
    _colour_removed, _limit_removed, _nulls_dropped, _total, _flipped)


# ---------------------------------------------------------------- every combination
ANCHORED = "is anchored to the latest date"  # the note parsing writes on a relative period
def candidates(prev: Plan, p: Parsed, profile: dict[str, Any]) -> list[Edit]:
    """Every combination of the variants the message's words allow, validated like any plan."""
    start = _copy(prev)
    start.assumptions = [a for a in start.assumptions if not a.startswith(("I read", BLANKS_LEFT_OUT))]
    if any(ANCHORED in n for n in p.notes):  # a new period said: the old one's anchoring is off the chart
        start.assumptions = [a for a in start.assumptions if ANCHORED not in a]
    start.evidence = [e for e in start.evidence if not e.startswith("follow-up")]  # this message's only
    dropped = dropped_series(start, p, profile)
    if dropped is not None:  # "remove cancellations" names a series on screen: no filter, no new measure
        return [_noted(Edit(validate_plan(dropped, profile), ["series removed"]), p)]
    partial = [Edit(start)]
    for family in FAMILIES:
        grown: list[Edit] = []
        for e in partial:
            grown += [Edit(plan, e.changes + [c]) for plan, c in family(e.plan, p, profile)] or [e]
        partial = grown
    out = []
    for e in partial:
        try:
            e.plan = validate_plan(e.plan, profile)
        except Unanswerable:
            continue
        if e.changes:
            out.append(_noted(e, p))
    return out


def _noted(e: Edit, p: Parsed) -> Edit:
    """The message's evidence, and the readings of its words the edited plan uses."""
    plan = e.plan
    used = {m.column for m in plan.measures} | {f.column for f in plan.filters} | {plan.color} | \
        ({plan.dimension.column} if plan.dimension else set())
    plan.evidence = list(dict.fromkeys(plan.evidence + p.evidence + [f"follow-up: changed {', '.join(e.changes)}"]))
    # a month moved to the year on screen is no longer where the message's words were anchored
    notes = [n for n in p.notes if not (ANCHORED in n and p.period and plan.period != p.period)]
    plan.assumptions = list(dict.fromkeys(plan.assumptions + notes + [
        f"I read '{m.words}' as {m.column}" for m in p.mentions
        if m.column in used and m.tier != "exact" and m.words.lower() != m.column.lower()]))
    return e
