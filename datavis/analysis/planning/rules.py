"""The embedded planner: rules that turn a parsed question into a Plan, with no model and no
network — which column is the x axis, which is measured and how, filters, order and chart —
and the help given when a question cannot be mapped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, cast

from ..datasets.profile import has_line_items, is_identifier
from ..errors import Unanswerable
from ..language import cues as C
from ..language import phrasing as P
from ..language.lexicon import PAY_LEVEL_WORDS, PEOPLE, STOPWORDS
from ..language.matching import Mention, is_flag
from ..language.names import humanize, split_name
from ..language.parsing import (
    SKIP_AFTER_CUE,
    Parsed,
    counted_subject,
    excludes,
    is_numeric,
    main_temporal,
    names_people_only,
    names_period_only,
)
from ..language.phrasing import ranked_agg
from ..plan import Agg, Chart, Dimension, Filter, Grain, Measure, Order, Plan, of_a_kind
from ..sql.derived import ROW_KINDS
from .measure_base import row_size_said, size_column
from .measures import find_derived


# ---------------------------------------------------------------- building the plan
@dataclass
class _Draft:
    """What the phases of build_plan decide, in the order they decide it.

    `used` holds the mentions already spent as measures (or boolean filters), so a later phase does
    not make them an axis too; `dims` is the candidate x axis first, then a possible colour."""

    p: Parsed
    profile: dict
    plan: Plan
    free: list[Mention]  # mentions not used only by a filter ("price between 60 and 120")
    measures: list[Measure] = field(default_factory=list)
    used: list[Mention] = field(default_factory=list)
    count_rows: bool = False
    dims: list[str] = field(default_factory=list)
    color: str | None = None

    def col(self, m: Mention | str) -> dict:
        return self.profile["_by_name"][m if isinstance(m, str) else m.column]


def build_plan(p: Parsed, profile: dict) -> Plan:
    """The rule reading of a parsed question.

    The phases share one draft and also edit the parse (`p.groups`, `p.color`, `p.grain`, the
    order), which the candidate generator reads afterwards. Their order matters:
    - measures first (cued, then an explicit y axis), so the mentions they spend do not become axes;
    - a derived measure named in words (a rate, a ratio, a time between two dates, a sum of two
      columns) then replaces them, and its condition stops being a filter;
    - a Yes/No mention is a filter only when something else is measured, so it comes after them;
    - groups that are really rows or rankings are dropped once we know whether anything is aggregated;
    - dimensions are built from the groups and whatever the measures left over;
    - the label column and the colour asked for are placed before time, because a time axis
      pushes the first category to colour only when no colour was asked for;
    - the colour is settled last, from the final axis order;
    - then the shapes that end the reading early (raw scatter, distribution, KPI or a listing)
      before the general chart over an x axis.
    """
    d = _start(p, profile)
    _cued_measures(d)
    _axis_measure(d)
    _derived_measure(d)
    _boolean_mentions(d)
    _drop_row_groups(d)
    _dimensions(d)
    _label_and_colour_order(d)
    _limit_time_unit(d)
    _time_axis(d)
    _colour(d)
    plan = _raw_scatter(d)
    if plan is not None:
        return _finish(plan, p, profile)
    dim = _default_measures(d)
    plan = _distribution(d, dim)
    if plan is None:
        plan = _kpi(d) if dim is None else _axis_chart(d, dim)
    return _finish(plan, p, profile)


def _start(p: Parsed, profile: dict) -> _Draft:
    """The plan keeps the parse's filters, notes and evidence; every mention adds evidence."""
    plan = Plan(filters=list(p.filters), assumptions=list(p.notes), evidence=list(p.evidence), period=p.period)
    free = [m for m in p.mentions if id(m) not in p.filter_mentions]
    for m in p.mentions:
        tier = "" if m.tier == "exact" else f" ({m.tier})"
        plan.evidence.append(f"'{m.words}' → {m.column}{tier}")
    return _Draft(p=p, profile=profile, plan=plan, free=free)


def _cued_measures(d: _Draft) -> None:
    """Measures named after an aggregation cue ("average salary", "number of orders"). A cue on a
    text column reads the numeric column right after it; "which … highest" ranks instead."""
    p = d.p
    which = re.search(r"\b(which|who|whose)\b|\bwhat (?!is\b|are\b|was\b|were\b|s\b)\w+", p.text.s)
    chained = False
    for cue in p.aggs:
        m = _mention_after_cue(p, cue, d.free)
        # "average and max salary": the second aggregation of one column is a second measure
        again, chained = chained, _chained(p, cue)
        agg = cue.value
        if agg != "count" and m is not None and not is_numeric(d.col(m)) and d.col(m)["type"] != "boolean":
            nxt = next((o for o in d.free if o.start >= m.end and o.start - m.end <= 2 and is_numeric(d.col(o))), None)
            m = nxt or m
        if _ranks_by_extreme(p, cue, m or _measure_before_cue(d, cue, which), which):
            continue
        if m is None and agg in ("avg", "median"):  # "which team keeps people waiting longest": its average wait
            m = _measure_before_cue(d, cue, which)
        if agg == "count":
            _count_cue(d, cue, m)
        elif m is not None and P.id_by_rows_noun(m, d.profile):  # the rows' noun ("the average order")
            if row_size_said(p.toks, cue.end, m.start, m.end):
                _rows_aggregated(d, agg, m)
        else:
            _aggregate_cue(d, agg, m, again)


def _measure_before_cue(d: _Draft, cue: C.Cue, which: re.Match | None) -> Mention | None:
    """A superlative last, its measure said before it ("which department keeps people waiting
    longest", "which carrier delivered fastest"): the numeric mention between "which" and it."""
    if which is None or cue.end != len(d.p.toks) and d.p.toks[cue.end].text not in ("?", ".", "on", "in"):
        return None
    start = len(d.p.text.s[:which.start()].split())
    return next((m for m in reversed(d.free) if start <= m.start and m.end <= cue.start and
                 is_numeric(d.col(m)) and d.col(m)["role"] == "measure"), None)


def _chained(p: Parsed, cue: C.Cue) -> bool:
    """"average and max …": the cue is joined to the next aggregation cue by and / or / a comma."""
    k = cue.end
    return k + 1 < len(p.toks) and p.toks[k].text in ("and", ",", "or") and any(c.start == k + 1 for c in p.aggs)


def _ranks_by_extreme(p: Parsed, cue: C.Cue, m: Mention | None, which: re.Match | None) -> bool:
    """"which region has the highest profit": rank regions by profit, not the largest single row
    (sets the parse's order); "the maximum …" keeps max."""
    if cue.value in ("max", "min") and which and which.start() < _char_of(p, cue.start) and m is not None and \
            p.toks[cue.start].text not in ("max", "maximum", "min", "minimum", "maximal", "minimal"):
        p.order_desc = cue.value == "max" if p.order_desc is None else p.order_desc
        p.order_target = p.order_target or "y"
        p.rank_word = p.toks[cue.start].text
        return True
    return False


def _count_cue(d: _Draft, cue: C.Cue, m: Mention | None) -> None:
    """"number of X": rows, a sum of a numeric X, distinct values of an identifier, or rows per X."""
    p = d.p
    if m is None or id(m) in {id(g) for g in p.groups} and not is_numeric(d.col(m)):
        d.count_rows = True
        return
    col = d.col(m)
    if is_numeric(col) and _cue_has_total(p, cue) and not col.get("year_like"):
        d.measures.append(Measure(column=m.column, agg="sum"))
        d.used.append(m)
    elif counted_subject(p, m) and not is_numeric(col):  # "how many items are below reorder level": rows
        d.count_rows = True
        d.used.append(m)
    elif is_numeric(col) and col["role"] == "measure" and (not col.get("groupable") or _counts_its_noun(p, m, col)):
        d.measures.append(Measure(column=m.column, agg="sum" if col.get("additive", True) else "avg"))
        d.used.append(m)
    elif is_identifier(col) or (p.distinct and _distinct_near(p, cue, m)) or _repeating_id(d, m):
        if col.get("unique"):
            d.count_rows = True
        else:
            d.measures.append(Measure(column=m.column, agg="count_distinct"))
        d.used.append(m)
    else:
        # "number of <dimension>": count rows per value of it, unless another column is
        # grouped ("how many companies per headquarters": companies are what is counted)
        d.count_rows = True
        if (m.tier == "entity" or _there_are(p, m)) and not p.groups and not col.get("unique"):
            # "how many customers are there": distinct customers
            d.measures.append(Measure(column=m.column, agg="count_distinct"))
            d.used.append(m)
            d.count_rows = False
        elif p.groups and not _grouped_elsewhere(p, m) or m.tier in ("partial", "entity") or _rows_said(p, m):
            d.used.append(m)
        elif m not in p.groups and not _grouped_elsewhere(p, m):
            p.groups.append(m)


_ID_TAILS = {"id", "no", "num", "nbr", "number", "key", "code", "ref"}


def _repeating_id(d: _Draft, m: Mention) -> bool:
    """"how many orders were picked per zone" over pick lines: the plural noun of a column named as an id
    ("Order No") whose values repeat counts each order once, whatever it is grouped by."""
    words = [w.lower() for w in split_name(m.column)]
    return m.tier == "entity" and len(words) >= 2 and words[-1] in _ID_TAILS and not d.col(m).get("unique") and \
        d.p.toks[m.start].text != d.p.toks[m.start].sing and has_line_items(d.profile)


def _there_are(p: Parsed, m: Mention) -> bool:
    """"how many SKUs do we have", "how many products do they carry", "how many stores are there": the
    distinct values, not rows per value (a pronoun subject asks what exists, whatever the verb). A noun
    before "are/had" ("how many orders were late") is the rows."""
    after = " ".join(t.text for t in p.toks[m.end:m.end + 3])
    return bool(re.match(r"(?:(?:do|does|did) (?:we|you|they|i|it|he|she) \w+|are there|exist)\b", after))


def _rows_said(p: Parsed, m: Mention) -> bool:
    """"how many items are out of stock", "how many orders were late": the noun is the rows a condition
    selects (a verb follows it), one number, not a count per item."""
    after = p.toks[m.end].text if m.end < len(p.toks) else ""
    return not p.groups and after in ("are", "were", "is", "was", "have", "has", "had", "got")


def _aggregate_cue(d: _Draft, agg: str, m: Mention | None, again: bool = False) -> None:
    """sum/avg/median/max/min of the mentioned column, when that column can be aggregated so."""
    if m is None:
        return
    col = d.col(m)
    if agg in ("max", "min") and not is_numeric(col) and col["type"] not in ("date", "datetime"):
        return  # "the most common region": not an aggregate of text
    if agg in ("sum", "avg", "median") and not is_numeric(col) and col["type"] != "boolean":
        if agg == "sum":
            d.count_rows = True
        return
    if m in d.used and not (again and all(x.agg != agg for x in d.measures if x.column == m.column)):
        return
    d.measures.append(Measure(column=m.column, agg=cast(Agg, agg)))  # a cue's value is an aggregation
    d.used.append(m)


def _rows_aggregated(d: _Draft, agg: str, m: Mention) -> None:
    """An aggregation of the rows said by their noun over a numbered id: "total orders" counts them, "the
    average order", "the largest order by region" take what an order came to; an Order ID's numbers are no
    amount."""
    size = size_column(d.profile)
    if agg == "sum":
        d.count_rows = True
    elif size is not None:
        d.measures.append(Measure(column=size["name"], agg=cast(Agg, agg)))
    else:
        return
    d.used.append(m)


def _axis_measure(d: _Draft) -> None:
    """An explicit y axis ("y axis average price") replaces the cued measures."""
    p = d.p
    if p.y_axis and not any(x.column == p.y_axis for x in d.measures):
        agg = p.y_axis_agg
        if agg == "count":
            d.count_rows = True
        elif agg:
            d.measures = [Measure(column=p.y_axis, agg=cast(Agg, agg))]
        d.used += [m for m in d.free if m.column == p.y_axis]
    elif p.y_axis_agg == "count" and not d.measures:
        d.count_rows = True


def _derived_measure(d: _Draft) -> None:
    """"return rate by region", "cost per kg", "average delivery time", "adults plus children"
    (planning.measures): the one measure of the plan. Its columns are spent (not axes), the filter
    that is its condition is dropped, and its share word no longer asks for a part-to-whole."""
    found = find_derived(d.p, d.profile)
    if found is None:
        return
    p = d.p
    d.measures = [found.measure]
    d.count_rows = False
    d.used += [m for m in p.mentions if m.column in found.columns and m not in d.used]
    kinds = [m for m in p.mentions if _one_of_a_kind(p, m) and d.profile["_by_name"][m.column]["role"] == "dimension"]
    d.used += [m for m in kinds if m not in d.used]  # "days to complete a course": spent, no axis
    p.groups = [g for g in p.groups if g.column not in found.columns and g not in kinds]
    if found.measure.kind == "growth":  # along the time axis, in the bucket its words say (else by month)
        p.trend, p.grain = True, found.grain or p.grain or "month"
    measured = {m.column for m in p.mentions if d.profile["_by_name"][m.column]["role"] == "measure"}
    if p.correl and len(found.columns) >= 2 and measured <= found.columns:
        p.correl = False  # "actual spend vs budget difference": the "vs" is inside the measure, no scatter
    per = found.measure.other
    if per is not None and found.measure.other_agg == "count_distinct" and d.profile["_by_name"][per]["role"] == \
            "temporal" and p.grain == "day":
        p.grain = None  # "visits per day": the days are what is divided by, not an axis ("… by month" keeps it)
    if not p.groups and p.grain is None:
        p.groups += _values_compared(p, d.plan.filters)
    d.plan.filters = [f for f in d.plan.filters if not any(f is x for x in found.spent_filters)]
    # "delivery time" spends "time": not the Yes/No column On Time as a filter
    inside = {m.column for m in p.mentions if found.words & set(range(m.start, m.end))}
    d.plan.filters = [f for f in d.plan.filters if not (f.column in inside and f.values in ([True], [False]))]
    d.used += [m for m in p.mentions if m.column in inside and m not in d.used]
    # a rate's share word is spent; a sum keeps it ("share of stock value by warehouse")
    p.share = p.share and found.measure.kind in ("add", "multiply") and found.measure.agg == "sum"
    if found.order_desc is not None and p.order_desc is None:  # "which region pays fastest"
        p.order_desc, p.order_target = found.order_desc, "y"
    d.plan.assumptions += found.notes
    d.plan.evidence.append(f"derived measure: {found.measure.kind}")


def _one_of_a_kind(p: Parsed, g: Mention) -> bool:
    """"average days to complete a course": a singular noun after "a"/"an" and a verb names the kind of
    thing each row is about, not a breakdown (one said after "by", "per" or "each" groups)."""
    k = g.start
    return k >= 2 and p.toks[k - 1].text in ("a", "an") and p.toks[k].text == p.toks[k].sing and \
        p.toks[k - 2].text not in ("by", "per", "each", "every", "for", "in") and g.end == k + 1


def _values_compared(p: Parsed, filters: list[Filter]) -> list[Mention]:
    """Values of one column set side by side ("cost per mile ltl vs ftl", "no show % medicaid vs private"): a
    group by their column, which keeps them as its filter."""
    for f in filters:
        spans = [v for v in p.values if v.column == f.column]
        if f.op != "in" or len(f.values) < 2 or len(spans) < 2:
            continue
        lo, hi = min(v.start for v in spans), max(v.end for v in spans)
        between = {t.text for t in p.toks[lo:hi]}
        if between & {"vs", "versus"} and "or" not in between:
            return [Mention(column=f.column, start=lo, end=hi, score=1.0, tier="exact", words=f.column)]
    return []


def _boolean_mentions(d: _Draft) -> None:
    """A Yes/No column left over filters what is counted or measured ("remote employees"), or,
    with nothing else measured, is the share of rows where it is true."""
    p = d.p
    group_ids = {id(g) for g in p.groups}
    grouped = {g.column for g in p.groups}  # "resolved vs not resolved": the second side is the same grouping
    for m in d.free:
        col = d.col(m)
        # a 0/1 number is a flag when rows are counted ("how many calls were abandoned"), else a measure
        flag = col["type"] == "boolean" or (d.count_rows and not d.measures and is_flag(col))
        if not flag or id(m) in group_ids or m.column in grouped or m in d.used or names_people_only(m):
            continue
        after = p.toks[m.end].text if m.end < len(p.toks) else ""
        neg = any(excludes(p.toks[k].text) for k in range(max(0, m.start - 2), m.start))
        adjective = after in PEOPLE or after in ("orders", "order", "rows", "records", "ones", "items", "accounts")
        if d.count_rows or d.measures or adjective:
            d.plan.filters.append(Filter(column=m.column, op="=", values=[not neg]))
        else:
            d.measures.append(Measure(column=m.column, agg="avg"))
            d.plan.assumptions.append(f"I showed the share of rows where {m.column} is true")
        d.used.append(m)


def _drop_row_groups(d: _Draft) -> None:
    """Groups that are not groups: a unique id after per/by ("average revenue per order") is the
    row itself; a measure after "by" ("top 5 customers by revenue") ranks another column."""
    p = d.p
    if any(x.agg not in ("none", "count") for x in d.measures) or d.count_rows:
        for g in list(p.groups):
            col = d.col(g)
            listed = bool(d.measures) and d.measures[0].kind == "date_diff" and _after_each(p, g)
            if col.get("unique") and (col["role"] == "identifier" or g.tier == "entity") and not listed:
                p.groups.remove(g)
    text_mentions = [m for m in d.free if not is_numeric(d.col(m)) and m not in d.used]
    ranked_periods = p.periods_ranked  # "top 5 days by visitors"
    for g in list(p.groups):
        col = d.col(g)
        if is_numeric(col) and col["role"] == "measure" and not col.get("groupable") and \
                ([t for t in text_mentions if t.column != g.column] or ranked_periods) and \
                g.column not in [x.column for x in d.measures]:
            p.groups.remove(g)


def _after_each(p: Parsed, g: Mention) -> bool:
    """"for each (overdue) bill": each or every before the column's words, values between."""
    k = g.start - 1
    while k >= 0 and any(v.start <= k < v.end for v in p.values):
        k -= 1
    return k >= 0 and p.toks[k].text in ("each", "every")


def _dimensions(d: _Draft) -> None:
    """The x axis candidates: the explicit x axis and grouped columns first, then what the
    measures left over — plain numbers become measures, a free text column an axis, identifiers
    an axis or a pair to plot."""
    _grouped_dimensions(d)
    numeric, ids, texts = _ungrouped(d)
    for m in numeric:
        if m.column not in [x.column for x in d.measures]:
            d.measures.append(Measure(column=m.column, agg="none"))  # "none" = not asked; decided below
            d.used.append(m)
    _free_text_dimension(d, texts)
    _identifier_columns(d, ids)
    _plain_numeric_axis(d)


def _grouped_dimensions(d: _Draft) -> None:
    """Grouped columns in order, an explicit x axis first; a numeric group already measured is not one."""
    p = d.p
    group_cols = [g for g in p.groups if g not in d.used or not is_numeric(d.col(g))]
    if p.x_axis:
        d.dims.append(p.x_axis)
    for g in group_cols:
        if g.column not in d.dims and g.column not in [m.column for m in d.measures if m.agg != "count_distinct"]:
            d.dims.append(g.column)


def _ungrouped(d: _Draft) -> tuple[list[Mention], list[Mention], list[Mention]]:
    """Mentions neither measured nor grouped, as (numeric measures, numeric identifiers, the rest).
    A partial or entity match of a text column is left out ("customers" is what is counted),
    unless it follows top/bottom N ("top 5 customers")."""
    p = d.p
    limit_end = max((k + 1 for k in range(len(p.toks)) if p.toks[k].text in ("top", "bottom")), default=-9)
    others = [m for m in d.free if m not in d.used and m not in p.groups and m.column not in d.dims
              and not (m.tier in ("partial", "entity") and not is_numeric(d.col(m))
                       and not (p.limit and m.start <= limit_end + 2) and not _asked_which(p, m, d.col(m)))]
    numeric = [m for m in others if is_numeric(d.col(m)) and d.col(m)["role"] in ("measure",)
               and not d.col(m).get("year_like")]
    ids = [m for m in others if is_numeric(d.col(m)) and d.col(m)["role"] == "identifier"]
    rest = [m for m in others if m not in numeric and m not in ids]
    return numeric, ids, rest


def _asked_which(p: Parsed, m: Mention, col: dict) -> bool:
    """"which rep sold the most", "which manager has the most projects": the noun a which/what asks for
    names the groups of its column (Rep Nm, projectManager), not the rows counted — unless each row has its
    own value ("which orders were late" lists orders)."""
    return m.start > 0 and p.toks[m.start - 1].text in ("which", "what") and not col.get("unique") \
        and col["role"] == "dimension"


def _free_text_dimension(d: _Draft, texts: list[Mention]) -> None:
    """Free (un-cued) text columns become the x axis only when nothing is grouped explicitly; they
    are often the counted entity ("documents", "companies"), never a colour on their own — except
    "<column> by <column>" with nothing measured ("plan by country": count by country, coloured by plan)."""
    p = d.p
    if not d.dims and not (p.correl and len([m for m in d.measures if m.agg == "none"]) >= 2):
        for m in texts:
            if m.column not in d.dims and not is_identifier(d.col(m)) and not names_period_only(p, d.col(m)):
                d.dims.append(m.column)
                break
    elif d.dims and not d.measures and p.color is None and _by_follows(p):
        lead = [m for m in texts if m.end <= min((g.start for g in p.groups), default=0)
                and d.col(m)["role"] == "dimension" and m.column not in d.dims]
        if lead and d.col(lead[0])["distinct"] <= 30:
            p.color = lead[0].column
            d.dims.append(lead[0].column)


def _identifier_columns(d: _Draft, ids: list[Mention]) -> None:
    """Numeric identifiers: two of them are plotted against each other ("relationship between id A
    and id B"); one is the x axis of a single measure or of a count, or a second correlated value."""
    p = d.p
    if not d.measures and len(ids) >= 2 and not d.dims:
        d.measures = [Measure(column=m.column, agg="none") for m in ids[:2]]
    elif ids and not d.dims and (len(d.measures) == 1 and ids[0].tier not in ("partial", "entity")
                                 or not d.measures and d.count_rows):
        d.dims.append(ids[0].column)
    elif len(ids) == 1 and not d.measures and d.dims and p.correl and ids[0].tier != "partial":
        d.measures.append(Measure(column=ids[0].column, agg="none"))


def _plain_numeric_axis(d: _Draft) -> None:
    """"X and the average of Y": with an aggregated measure, a plain numeric column is the x axis."""
    if not d.dims and any(m.agg != "none" for m in d.measures) and any(m.agg == "none" for m in d.measures):
        plain = next(m for m in d.measures if m.agg == "none")
        d.measures.remove(plain)
        if plain.column is not None:
            d.dims.append(plain.column)


def _label_and_colour_order(d: _Draft) -> None:
    """A half-named id means the label column (_prefer_label); a colour asked for goes second,
    and is dropped when it is the x axis itself."""
    p = d.p
    d.dims = _prefer_label(d.dims, p, d.profile)
    if p.color and p.color in d.dims and len(d.dims) > 1:
        d.dims.remove(p.color)
        d.dims.insert(1, p.color)
    if d.dims and p.color == d.dims[0]:
        p.color = None


def _limit_time_unit(d: _Draft) -> None:
    """"top 5 days / months", "10 days with the most clicks": with no other axis, the main date column
    at that grain (sets p.grain)."""
    p = d.p
    if d.dims or not p.limit:
        return
    unit = P.limit_unit(p)
    tcol0 = main_temporal(d.profile, p.date_column)
    if unit and tcol0 is not None:
        d.dims.append(tcol0["name"])
        g = {"days": None, "weeks": "week", "months": "month", "years": "year", "quarters": "quarter",
             "hours": "hour"}[unit.group(1)]
        p.grain = (g or "day") if tcol0["type"] in ("date", "datetime") else None


def _time_axis(d: _Draft) -> None:
    """Trend words or a grain put a date column first: the one named, else the main one — and a
    category that was the x axis becomes the colour. Not for a correlation of two measures."""
    p, by_name = d.p, d.profile["_by_name"]
    tcol = next((by_name[x] for x in d.dims if by_name[x]["role"] == "temporal"), None)
    if tcol is None and (p.trend or p.grain) and not (p.correl and len(d.measures) >= 2):
        tcol = main_temporal(d.profile, p.date_column)
        if tcol is not None:
            if d.dims and by_name[d.dims[0]]["role"] != "temporal":
                if _counted_kind_axis(d):  # "completed courses per month": the rows counted, no colour
                    d.dims = d.dims[1:]
                elif not p.color:
                    p.color = d.dims[0]
                d.dims = [tcol["name"]] + [x for x in d.dims if x != tcol["name"]]
            else:
                d.dims.insert(0, tcol["name"])
            d.plan.assumptions.append(f"time axis: {tcol['name']}")
    elif tcol is not None and d.dims[0] != tcol["name"] and (p.trend or p.grain):
        d.dims.remove(tcol["name"])
        d.dims.insert(0, tcol["name"])


def _counted_kind_axis(d: _Draft) -> bool:
    """The x axis before a time axis came is a free text column named as the kind of rows counted
    (P.counted_kind), not asked to group by nor to colour."""
    p, first = d.p, d.dims[0]
    if p.color == first or first in [g.column for g in p.groups]:
        return False
    said = [m for m in p.mentions if m.column == first]
    return bool(said) and all(P.counted_kind(p, m.start, m.end, d.col(m), d.profile) for m in said)


def _colour(d: _Draft) -> None:
    """The colour: the one asked for, else a second grouped dimension (or a grouped column after a
    time axis); never the x axis itself."""
    p, dims = d.p, d.dims
    color = p.color
    if color is None and len(dims) >= 2 and (
            len([g for g in p.groups if g.column in dims]) >= 2
            or d.col(dims[0])["role"] == "temporal" and dims[1] in [g.column for g in p.groups]):
        color = dims[1]
    if color and dims and color == dims[0]:
        color = dims[1] if len(dims) > 1 else None
    d.color = color


def _raw_scatter(d: _Draft) -> Plan | None:
    """Two plain measures and no dimension: a scatter of raw values, coloured by a group if any."""
    p, plan, color = d.p, d.plan, d.color
    if d.dims or len([m for m in d.measures if m.agg == "none"]) < 2 or d.count_rows:
        return None
    plan.measures = [Measure(column=m.column, agg="none") for m in d.measures[:2]]
    plan.intent = "correlation"
    plan.color = color if color else (p.color if p.color else None)
    if color is None and p.groups:
        g = [x.column for x in p.groups if x.column not in [m.column for m in plan.measures]]
        plan.color = g[0] if g else None
    plan.chart = _chart(p.chart, "point")
    return plan


def _default_measures(d: _Draft) -> str | None:
    """The x axis (or None), with a row count when nothing is measured; a question with neither an
    axis nor a measure counts the matching rows when it filters, else it cannot be answered."""
    p = d.p
    dim = d.dims[0] if d.dims else None
    if dim is not None and not d.measures:
        d.count_rows = True
    if d.count_rows and not d.measures:
        d.measures = [Measure(column=None, agg="count")]
    if d.count_rows and d.measures and all(m.agg == "none" for m in d.measures) and dim is not None and not p.y_axis:
        # "number of X per Y" with a numeric X that is not a measure on its own
        d.measures = [Measure(column=None, agg="count")]
    if dim is None and not d.measures:
        if p.filters:
            d.measures = [Measure(column=None, agg="count")]
            d.plan.assumptions.append("I counted the rows that match")
        else:
            raise Unanswerable(help_message(d.profile, p.question))
    return dim


def _distribution(d: _Draft, dim: str | None) -> Plan | None:
    """The distribution of one plain measure: a histogram, or a boxplot by a (non-unique)
    dimension; a histogram asked for over a numeric measure axis bins that axis."""
    p, plan, measures, by_name = d.p, d.plan, d.measures, d.profile["_by_name"]
    spread = _derived_spread(d, dim)
    if spread is not None:
        return spread
    if p.distrib and len(measures) == 1 and measures[0].column and measures[0].agg == "none" and \
            p.chart not in ("bar", "arc", "line", "point", "area"):
        # "histogram of X by G": one histogram per group is a boxplot's question (a numeric G is binned below);
        # "X by G in a histogram" is how nvBench asks for bars
        per_group = C.has(p.text, r"\bhistograms? of\b") and not (is_numeric(by_name[dim]) and
                                                                  by_name[dim]["role"] == "measure") if dim else False
        if dim is None or p.chart == "histogram" and not per_group:
            plan.measures = [Measure(column=None, agg="count")]
            plan.dimension = Dimension(column=measures[0].column, bins=20)
            plan.intent, plan.chart = "distribution", "histogram"
            return plan
        if not by_name[dim].get("unique"):
            plan.measures = [Measure(column=measures[0].column, agg="none")]
            dated = by_name[dim]["type"] in ("date", "datetime")  # "spread of X by month": one box per month
            grain = (p.grain or _auto_grain(by_name[dim], plan.filters, explicit=False)) if dated else None
            plan.dimension = Dimension(column=dim, grain=cast(Grain | None, grain))
            plan.intent, plan.chart = "distribution", "boxplot"
            return plan
    # "how many orders in each amount range": rows counted over a number the words call a spread are its bins
    if (p.chart == "histogram" or p.distrib) and dim and is_numeric(by_name[dim]) and \
            by_name[dim]["role"] == "measure" and len(measures) <= 1 and (not measures or measures[0].column is None):
        plan.measures = [Measure(column=None, agg="count")]
        plan.dimension = Dimension(column=dim, bins=20)
        plan.intent, plan.chart = "distribution", "histogram"
        return plan
    return None


def _derived_spread(d: _Draft, dim: str | None) -> Plan | None:
    """"spread of delivery times", "distribution of loan lengths by branch": a measure derived from each
    row's own columns (a duration between two dates) spread over the rows, a box (per group)."""
    p, plan, measures, by_name = d.p, d.plan, d.measures, d.profile["_by_name"]
    if not (p.distrib or p.chart in ("histogram", "boxplot")) or len(measures) != 1 or \
            measures[0].kind not in ROW_KINDS or p.chart in ("bar", "arc", "line", "point", "area"):
        return None
    if dim is not None and (by_name[dim].get("unique") or by_name[dim]["type"] in ("date", "datetime")):
        return None
    plan.measures = [measures[0]]
    plan.dimension = Dimension(column=dim) if dim is not None else None
    plan.intent, plan.chart = "distribution", "boxplot"
    return plan


def _kpi(d: _Draft) -> Plan:
    """No x axis: one number per measure (total or average when not asked), or a listing of rows."""
    p, plan = d.p, d.plan
    for m in d.measures:
        if m.agg == "none" and m.column is not None:
            col = d.col(m.column)
            m.agg = "sum" if col.get("additive", True) else "avg"
            plan.assumptions.append(f"I used the {'total' if m.agg == 'sum' else 'average'} of {m.column}")
    if p.listing and all(m.column for m in d.measures):
        plan.measures = [Measure(column=m.column, agg="none") for m in d.measures]
        plan.intent, plan.chart = "table", "table"
        return plan
    plan.measures = d.measures
    plan.intent = "kpi"
    plan.chart = "kpi" if p.chart in (None, "kpi") else cast(Chart, p.chart)
    if plan.chart not in ("kpi", "table"):
        plan.chart = "kpi"
    return plan


def _axis_chart(d: _Draft, dim: str) -> Plan:
    """A chart over the x axis `dim`: its grain and aggregations, then intent and chart type."""
    dcol, grain = _dimension_and_aggregations(d, dim)
    _intent_and_chart(d, dim, dcol, grain)
    return d.plan


def _dimension_and_aggregations(d: _Draft, dim: str) -> tuple[dict, str | None]:
    """The x axis with its time grain, and the aggregation of each measure not asked for: raw when
    each x value is one row, else sum (additive) / avg (intensive). Keeps one measure (two for a
    correlation or a table). Returns the x column's profile and the grain."""
    p, plan = d.p, d.plan
    dcol = d.col(dim)
    grain = None
    if dcol["type"] in ("date", "datetime"):
        grain = p.grain or _auto_grain(dcol, plan.filters, explicit=dim in [m.column for m in p.mentions])
    plan.dimension = Dimension(column=dim, grain=cast(Grain | None, grain))
    unique_x = bool(dcol.get("unique")) and not grain
    filled: list[Measure] = []  # the measures given their usual aggregation here
    for m in d.measures:
        if m.agg == "none" and m.column is not None:
            col = d.col(m.column)
            if unique_x and not p.share or (unique_x and p.share and not d.color):
                m.agg = "none"
            elif col["role"] == "identifier":
                m.agg = "sum"
            else:
                m.agg = "sum" if col.get("additive", True) and not _level_compared(d, col) else "avg"
                if p.rank_word is not None and p.order_target == "y":
                    m.agg = cast(Agg, ranked_agg(col, p.rank_word))
                filled.append(m)
    if unique_x and any(m.agg != "none" for m in d.measures) and any(m.agg == "none" for m in d.measures):
        for m in d.measures:
            if m.agg == "none":
                m.agg = "sum"
    plan.measures = d.measures[:2] if (p.correl or p.chart == "table" or _two_asked(d)) else d.measures[:1]
    filled = [m for m in filled if any(m is k for k in plan.measures)]
    if len(filled) == len(plan.measures) == 2:
        for m, agg in zip(filled, of_a_kind([m.agg for m in filled]), strict=True):
            m.agg = agg
    plan.assumptions += [f"I used the {'total' if m.agg == 'sum' else 'average'} of {m.column} per {dim}"
                         for m in filled]
    plan.color = d.color if d.color != dim else None
    return dcol, grain


def _two_asked(d: _Draft) -> bool:
    """"total freight cost and total weight by carrier": two columns, each with its own aggregation
    word, joined by "and", are both shown."""
    cued = [m for m in d.measures[:2] if m.agg not in ("none", "count") and m.column is not None]
    if len(cued) < 2 or cued[0].column == cued[1].column:
        return False
    said = [u for m in cued for u in d.used if u.column == m.column][:2]
    if len(said) < 2 or said[0].column == said[1].column:
        return False
    lo, hi = sorted((said[0].end, said[1].start))
    return any(t.text in ("and", "plus") for t in d.p.toks[lo:hi]) and \
        all(any(c.end <= u.start <= c.end + 1 for c in d.p.aggs) for u in said)


def _level_compared(d: _Draft, col: dict) -> bool:
    """Pay compared between values the words list ("pay for men vs women"): their average pay, not their
    payroll (as generate._named_groups_compared)."""
    said = [m for m in d.p.mentions if m.column == col["name"]]
    words = set(col["tokens"]) | {t.text for m in said for t in d.p.toks[m.start:m.end]}
    return bool(words & PAY_LEVEL_WORDS) and any(f.op == "in" and len(f.values) >= 2 for f in d.plan.filters)


def _intent_and_chart(d: _Draft, dim: str, dcol: dict, grain: str | None) -> None:
    """Intent from the words and the axis (correlation, trend, share, rank, compare), then the
    chart asked for; two numeric columns row by row become a scatter with no dimension."""
    p, plan = d.p, d.plan
    if p.correl and len(plan.measures) >= 2:
        plan.intent = "correlation"
    elif dcol["role"] == "temporal" or grain:
        plan.intent = "trend"
    elif p.share:
        plan.intent = "part_to_whole"
        plan.share = plan.measures[0].agg in ("sum", "count", "count_distinct", "none")
    elif p.correl:
        plan.intent = "correlation"
    elif p.limit or (p.order_desc is not None and p.order_target in (None, "y")):
        plan.intent = "rank"
    else:
        plan.intent = "compare"
    plan.chart = _chart(p.chart, None)
    if p.correl and plan.chart == "auto" and p.chart is None and plan.intent == "correlation":
        plan.chart = "point"
    if plan.intent == "correlation" and is_numeric(dcol) and not dcol.get("year_like") and \
            len(plan.measures) == 1 and plan.measures[0].agg == "none" and plan.chart in ("auto", "point"):
        plan.measures = [Measure(column=dim, agg="none"), plan.measures[0]]
        plan.dimension = None


def _by_follows(p: Parsed) -> bool:
    """'<column> by <column>' (not 'X and the number of Y in each Z')."""
    return bool(re.search(r"^\W*(?:show |plot |chart |count )?(?:the )?\w+(?: \w+)? by \w+", p.text.s))


def _prefer_label(dims: list[str], p: Parsed, profile: dict) -> list[str]:
    """"each department" that only half-names an id column (Department_ID) means the rows' label
    column (Name) when the table has one; with no column at all after each/per, use the label too."""
    label = next((c for c in profile["columns"] if c["type"] == "text" and c.get("unique") and
                  set(c["tokens"]) & {"name", "title", "label"}), None)
    if label is None:
        return dims
    by_name = profile["_by_name"]
    if dims:
        first = next((m for m in p.mentions if m.column == dims[0]), None)
        if first is not None and first.tier == "partial" and by_name[dims[0]]["role"] == "identifier":
            return [label["name"]] + dims[1:]
        return dims
    for _g, (_a, b) in p.text.find(r"\b(each|every|per|for each|of each|by each)\b"):
        if b < len(p.toks) and not any(m.start == b for m in p.mentions) and re.match(r"[a-z]", p.toks[b].text):
            return [label["name"]]
    if re.search(r"\bnames?\b", p.text.s):
        return [label["name"]]
    return dims


def _chart(asked: str | None, default: str | None) -> Chart:
    """The chart asked for (a chart word's value), else the default."""
    return cast(Chart, asked or default or "auto")


def _finish(plan: Plan, p: Parsed, profile: dict) -> Plan:
    used = {m.column for m in plan.measures} | {f.column for f in plan.filters} | {plan.color} | \
        ({plan.dimension.column} if plan.dimension else set())
    reads = [f"I read '{m.words}' as {m.column}" for m in p.mentions if m.column in used and m.tier != "exact"
             and m.words.lower().replace(" ", "") != m.column.lower().replace(" ", "").replace("_", "")]
    plan.assumptions = list(dict.fromkeys(reads + plan.assumptions))
    # order: only what was asked; top-N implies largest first
    if p.order_desc is not None or p.order_target:
        target = p.order_target
        by: Literal["measure", "dimension"] = "measure"
        if target == "x" or (target and target not in ("y",) and plan.dimension and target == plan.dimension.column):
            by = "dimension"
        desc = True if p.order_desc is None else p.order_desc
        plan.order = Order(by=by, desc=desc)
        if target and target not in ("x", "y") and plan.dimension is not None and \
                target not in [m.column for m in plan.measures] and target != plan.dimension.column:
            plan.assumptions.append(f"I sorted by the chart's values; {target} is not on the chart")
    if p.limit:
        plan.limit = p.limit
        if plan.order is None or p.order_desc is None:
            plan.order = Order(by="measure", desc=p.limit_desc)
    if plan.chart == "auto" and p.chart_mod in ("stacked", "grouped", "group", "grouping", "side by side", "clustered"):
        plan.chart = "bar" if not p.trend else "line"
    if p.chart_mod in ("grouped", "side by side", "clustered"):
        plan.stacking = "group"
    elif p.chart_mod == "stacked":
        plan.stacking = "stack"
    if p.chart_mod in ("normalised", "normalized", "100%") and plan.color:
        plan.share = True
    if p.share and plan.intent not in ("part_to_whole", "trend", "correlation") and plan.dimension:
        plan.share = True
    return plan


def _char_of(p: Parsed, tok: int) -> int:
    return p.text.char_tok.index(tok) if tok in p.text.char_tok else 0


def _mention_after_cue(p: Parsed, cue: C.Cue, free: list[Mention]) -> Mention | None:
    """The mention an aggregation cue is said of, past filler ("the", "daily") and one word that
    names nothing ("avg **workout** minutes": the minutes are what is averaged)."""
    k = cue.end
    steps = 0
    unknown = 0
    while k < len(p.toks) and steps <= 4:
        for m in free:
            if m.start == k:
                return m
        t = p.toks[k].text
        if t not in SKIP_AFTER_CUE | {"number", "of", "total", "amount", "amounts", "value", "values", "count"} \
                and not any(c.start == k for c in p.aggs) and not (t in ("and", "or") and _chained(p, _at(k))):
            unknown += 1
            if unknown > 1 or not _names_nothing(p, k):
                return None
        k += 1
        steps += 1
    return None


def _names_nothing(p: Parsed, k: int) -> bool:
    """Token k is a word of no mention, value or cue of the parse, and not a function word."""
    if not p.toks[k].text.isalpha() or len(p.toks[k].text) < 3 or p.toks[k].text in STOPWORDS:
        return False
    spans = [(m.start, m.end) for m in p.mentions + p.groups] + [(v.start, v.end) for v in p.values] + \
        [(c.start, c.end) for c in p.aggs]
    return not any(a <= k < b for a, b in spans)


def _at(k: int) -> C.Cue:
    """A zero-width cue ending at token k (for _chained)."""
    return C.Cue("at", "", k, k)


def _counts_its_noun(p: Parsed, m: Mention, col: dict) -> bool:
    """"how many items did we sell" over an Items column of whole numbers per order: the column counts the
    things the plural names, so they are added up (not its distinct values, nor the orders); with no other column
    said ("how many nights did guests stay" is read as before: the guests' nights)."""
    t = p.toks[m.end - 1]
    others = [o for o in p.mentions if o.column != m.column and id(o) not in p.filter_mentions]
    return m.tier == "exact" and t.text != t.sing and col["type"] == "integer" and col.get("additive", True) \
        and not col.get("year_like") and split_name(col["name"])[-1].lower() == t.text and not others


def _cue_has_total(p: Parsed, cue: C.Cue) -> bool:
    words = " ".join(t.text for t in p.toks[max(0, cue.start - 2):cue.end + 3])
    return bool(re.search(r"\b(total|sum|amounts?)\b", words))


def _distinct_near(p: Parsed, cue: C.Cue, m: Mention) -> bool:
    return any(p.toks[k].text in ("distinct", "unique", "different") for k in range(cue.start, m.start))


def _grouped_elsewhere(p: Parsed, m: Mention) -> bool:
    return any(g.column == m.column for g in p.groups)


def _auto_grain(col: dict, filters: list[Filter], explicit: bool) -> str | None:
    """A grain giving a readable number of points: the named date column stays daily when it has
    at most ~1,000 days; otherwise day/week/month/quarter/year by the span of the (filtered) data."""
    lo, hi = col.get("min"), col.get("max")
    if lo is None or hi is None:
        return None
    try:
        lo_d, hi_d = dt.date.fromisoformat(str(lo)[:10]), dt.date.fromisoformat(str(hi)[:10])
    except ValueError:
        return None
    for f in filters:
        if f.column == col["name"] and f.values:
            try:
                if f.op in (">=", ">", "between"):
                    lo_d = max(lo_d, dt.date.fromisoformat(str(f.values[0])[:10]))
                if f.op in ("<=", "<"):
                    hi_d = min(hi_d, dt.date.fromisoformat(str(f.values[0])[:10]))
                if f.op == "between":
                    hi_d = min(hi_d, dt.date.fromisoformat(str(f.values[1])[:10]))
            except ValueError:
                continue  # a filter value that is not a date does not narrow the range
    days = (hi_d - lo_d).days + 1
    if explicit and col["type"] == "date" and col["distinct"] <= 1000 and days <= 1100:
        return None
    if col["type"] == "datetime" and col.get("has_time") and days <= 3:
        return "hour"
    if days <= 62:
        return "day"
    if days <= 366 * 1.2:
        return "week" if days <= 120 else "month"
    if days <= 366 * 5:
        return "month"
    if days <= 366 * 15:
        return "quarter"
    return "year"


def help_message(profile: dict, question: str | None = None) -> str:
    """What a user can ask of this dataset: its columns and three questions it can answer."""
    cols = profile["columns"]
    names = ", ".join(c["name"] for c in cols[:15]) + (f" and {len(cols) - 15} more" if len(cols) > 15 else "")
    ex = ", ".join(f"“{e}”" for e in example_questions(profile)) or "“how many rows are there?”"
    lead = f"I could not find a column of this dataset in “{question.strip()[:120]}”. " if question else ""
    return f"{lead}Its columns are {names}. Try for example {ex}."


def example_questions(profile: dict) -> list[str]:
    """Up to three questions the data can answer, built from its measures, categories and dates."""
    cols = profile["columns"]
    measures = [humanize(c["name"]).lower() for c in cols if c["role"] == "measure"]
    dims = [humanize(c["name"]).lower() for c in cols if c["role"] == "dimension" and c["distinct"] <= 50]
    temporal = [c for c in cols if c["role"] == "temporal"]
    out = []
    if measures and dims:
        out.append(f"total {measures[0]} by {dims[0]}")
    if measures and temporal:
        out.append(f"{measures[0]} by {'year' if temporal[0].get('year_like') else 'month'}")
    if len(measures) > 1 and dims:
        out.append(f"average {measures[1]} by {dims[-1]}")
    if dims:
        out.append(f"how many rows per {dims[0]}")
    if temporal:
        out.append(f"number of rows per {'year' if temporal[0].get('year_like') else 'month'}")
    if measures:
        out.append(f"distribution of {measures[0]}")
    return list(dict.fromkeys(out))[:3]
