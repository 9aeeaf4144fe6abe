"""Candidate plans: the rule planner's reading and every one-slot edit of it that the question's
links allow (another aggregation, another linked column on x, colour added or dropped, an order,
a chart type, a time grain). Each candidate records its edits; the ranker scores them."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, cast

from ..datasets.profile import is_identifier
from ..errors import Unanswerable
from ..language.lexicon import CHART_WORDS, PEOPLE
from ..language.parsing import Parsed, is_numeric
from ..language.phrasing import id_by_rows_noun
from ..language.rownoun import counted_noun
from ..plan import Agg, Chart, Dimension, Grain, Measure, Order, Plan, copy_plan, validate_plan

AGGS: tuple[Agg, ...] = ("sum", "avg", "max", "min", "none")
CHARTS: tuple[Chart, ...] = ("bar", "line", "arc", "point")
GRAINS: tuple[Grain | None, ...] = (None, "year", "quarter", "month", "week", "weekday")


@dataclass
class Licence:
    """What the question's words allow an edit to introduce: a candidate needs a link for every
    change it makes (nvBench has no single-number charts and few business conventions, so edits
    the words do not ask for would learn its habits instead of the question's meaning)."""

    aggs: set[str]
    charts: set[str]
    grains: set[Grain | None]
    ordered: bool
    grouped: bool
    entity: bool  # the question names what the rows are ("employees", "who")


_GROUP_WORDS = re.compile(r"\b(by|per|each|every|across|group|grouped|for all|breakdown|split)\b")
_GRAIN_NAMES: dict[str, Grain] = {"year": "year", "years": "year", "yearly": "year", "annual": "year", "month": "month",
                "months": "month", "monthly": "month", "weekday": "weekday", "weekdays": "weekday",
                "week": "week", "weekly": "week", "quarter": "quarter", "quarterly": "quarter"}


def licence(question: str, parsed: Parsed, profile: dict[str, Any]) -> Licence:
    text = question.lower()
    words = set(re.findall(r"[a-z]+", text))
    aggs = {str(c.value) for c in parsed.aggs} or {"none"}
    if parsed.order_desc is not None or parsed.limit:  # "which region has the highest profit" ranks regions
        aggs -= {"max", "min"}
    charts = {CHART_WORDS[w] for w in words if w in CHART_WORDS}
    if parsed.trend and not charts:  # "the trend of capacity over the opening year"; a chart word decides
        charts.add("line")
    grains: set[Grain | None] = {g for w, g in _GRAIN_NAMES.items() if w in words}
    ordered = parsed.order_desc is not None or bool(parsed.order_target) or bool(parsed.limit)
    noun = counted_noun(profile)
    entity = bool(words & {"who", "whom", noun, noun.rstrip("s")} | (words & PEOPLE))
    return Licence(aggs, charts, grains, ordered, bool(_GROUP_WORDS.search(text)), entity)


@dataclass
class Candidate:
    """One reading: a validated plan, the edits that turned the rule reading into it, where it
    came from (the rule reading, an edit of it, or generated from links) and, for a plan the
    links generate, how each of its slots was licensed (planning/generate.py)."""

    plan: Plan
    edits: tuple[str, ...]
    source: str = "rule"
    licence: tuple[str, ...] = ()


def _linked(parsed: Parsed) -> list[str]:
    return list(dict.fromkeys(m.column for m in parsed.mentions))


def _setting(**fields: object) -> Callable[[Plan], None]:
    """An edit that sets these plan fields, in this order (validate_plan checks the result)."""
    def change(plan: Plan) -> None:
        for name, value in fields.items():
            setattr(plan, name, value)
    return change


def _edit(base: Plan, change: Callable[[Plan], None]) -> Plan:
    plan = copy_plan(base)
    change(plan)
    if plan.chart == "kpi" and plan.dimension is not None:  # a number that gained an axis is a chart
        plan.chart = "auto"
    return plan


def _raw_allowed(base: Plan, profile: dict[str, Any], lic: Licence) -> bool:
    """Unaggregated values on a per-row or numeric x, or when no word groups ("by", "per", "each") nor limits:
    "revenue by country" sums, it never repeats a bar per row."""
    d = base.dimension
    if d is None:
        return False
    col = profile["_by_name"][d.column]
    # the top N of a repeating axis are N groups: raw rows would repeat one (as generate._assemble)
    return not d.grain and (bool(col.get("unique")) or is_numeric(col) or not lic.grouped and base.limit is None)


def _agg_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    by_name = profile["_by_name"]
    m0 = base.measures[0] if base.measures else None
    if len(base.measures) > 1:
        return
    if m0 is not None and m0.column and is_numeric(by_name[m0.column]):
        aggs: tuple[Agg, ...] = (*AGGS, "count")
        for agg in aggs:
            if agg != m0.agg and agg in lic.aggs and (agg != "none" or _raw_allowed(base, profile, lic)):
                measure = Measure(column=None, agg="count") if agg == "count" else Measure(column=m0.column, agg=agg)
                yield f"agg:{agg}", _edit(base, _setting(measures=[measure]))
        return
    used = {base.dimension.column if base.dimension else None, base.color}
    for col in _linked(parsed):
        if col in used or not is_numeric(by_name[col]):
            continue
        for agg in AGGS:
            if agg in lic.aggs and (agg != "none" or _raw_allowed(base, profile, lic)) and \
                    (agg == "none" or not _rows_noun_only(parsed, by_name[col], profile)):
                yield f"measure:{agg}", _edit(base, _setting(measures=[Measure(column=col, agg=agg)]))


def _rows_noun_only(parsed: Parsed, col: dict[str, Any], profile: dict[str, Any]) -> bool:
    """A numbered id said only by the rows' noun ("total orders" over Order ID): its numbers are no amount to
    aggregate (the rule reading counts the rows or takes what they came to: rules._rows_aggregated)."""
    said = [m for m in parsed.mentions if m.column == col["name"]]
    return bool(said) and all(id_by_rows_noun(m, profile) for m in said)


def _dimension(col: dict[str, Any], parsed: Parsed) -> Dimension:
    # parsed.grain comes from cues.find_grain: GRAIN_WORDS values or a "binned by" unit, all Grain values
    grain = cast("Grain | None", parsed.grain) if col["type"] in ("date", "datetime") else None
    return Dimension(column=col["name"], grain=grain)


def _dim_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    by_name = profile["_by_name"]
    measured = {m.column for m in base.measures}
    current = base.dimension.column if base.dimension else None
    if len(base.measures) > 1 or (current is None and not lic.grouped):
        return
    for col in _linked(parsed):
        info = by_name[col]
        if col in (current, base.color) or col in measured or is_identifier(info) or \
                (current is not None and is_numeric(info) and info["role"] == "measure"):
            continue
        dim = _dimension(by_name[col], parsed)
        yield "dim:other", _edit(base, _setting(dimension=dim))
        if current is not None and base.color is None:
            yield "dim:color_old", _edit(base, _setting(dimension=dim, color=current))
    if current is not None and not lic.grouped and len(base.measures) == 1 and base.measures[0].agg != "none":
        yield "dim:drop", _edit(base, _setting(dimension=None, color=None, order=None, limit=None))


def _color_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    if base.color is not None:  # a colour the question names stays (no edit drops what was asked)
        if base.color not in _linked(parsed):
            yield "color:drop", _edit(base, _setting(color=None))
        return
    if base.dimension is None:
        return
    # a derived measure's own columns (a rate's condition, a duration's end) are no colour for it
    used = {c for m in base.measures for c in (m.column, m.other, m.condition.column if m.condition else None)} | \
        {base.dimension.column}
    for col in _linked(parsed):
        info = profile["_by_name"][col]
        if col not in used and not (is_numeric(info) and info["role"] == "measure") and not is_identifier(info) \
                and not info.get("unique"):
            yield "color:add", _edit(base, _setting(color=col))


def _split_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    """Several values of one column asked for ("men and women across departments") may be the colour."""
    if base.dimension is None or base.color is not None:
        return
    for f in base.filters:
        if f.op == "in" and len(f.values) >= 2 and f.column != base.dimension.column:
            yield "color:values", _edit(base, _setting(color=f.column))


def _entity_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    """"the 5 highest paid employees": the rows themselves, named by their label column."""
    if base.dimension is not None or not base.limit or len(base.measures) != 1 or not base.measures[0].column:
        return
    label = next((c for c in profile["columns"] if c["type"] == "text" and c.get("unique")
                  and set(c.get("tokens") or []) & {"name", "title", "label"}), None)
    label = label or next((c for c in profile["columns"] if is_identifier(c) and c.get("unique")), None)
    if label is not None and lic.entity:
        m = Measure(column=base.measures[0].column, agg="none")
        entity = _setting(dimension=Dimension(column=label["name"]), measures=[m], intent="rank")
        yield "dim:entity", _edit(base, entity)


def _order_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    if base.dimension is None or not (lic.ordered or base.order is not None):
        return
    if base.order is not None and not lic.ordered:
        yield "order:drop", _edit(base, _setting(order=None, limit=None))
    bys: tuple[Literal["measure", "dimension"], ...] = ("measure",) if base.limit else ("measure", "dimension")
    for by in bys:  # a top N is ranked by its measure, not its axis
        for desc in (True, False):
            if base.order is None or (base.order.by, base.order.desc) != (by, desc):
                yield f"order:{by}", _edit(base, _setting(order=Order(by=by, desc=desc)))


def _setting_grain(grain: Grain | None) -> Callable[[Plan], None]:
    """An edit of the dimension's time grain (only made when the plan has a dimension)."""
    def change(plan: Plan) -> None:
        assert plan.dimension is not None  # _grain_edits returns early on a plan without one
        plan.dimension.grain = grain
    return change


def _chart_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    if base.dimension is None and len(base.measures) < 2:
        return
    for chart in CHARTS:
        if chart != base.chart and chart in lic.charts:
            yield f"chart:{chart}", _edit(base, _setting(chart=chart))


def _grain_edits(base: Plan, parsed: Parsed, profile: dict[str, Any], lic: Licence) -> Iterator[tuple[str, Plan]]:
    if base.dimension is None or parsed.grain:  # a grain phrase ("month of year") was read already
        return
    col = profile["_by_name"][base.dimension.column]
    if col["type"] not in ("date", "datetime"):
        if col.get("year_like") and not base.dimension.grain and "year" in lic.grains:
            yield "grain:year", _edit(base, _setting_grain("year"))
        return
    for grain in GRAINS:
        if grain != base.dimension.grain and grain in lic.grains:
            yield f"grain:{grain}", _edit(base, _setting_grain(grain))


EDITORS = (_agg_edits, _dim_edits, _color_edits, _split_edits, _entity_edits, _order_edits, _chart_edits,
           _grain_edits)


def rule_edits(question: str, base: Plan, parsed: Parsed, profile: dict[str, Any]) -> list[Candidate]:
    """The rule reading first, then every valid one-slot edit of it the words licence (duplicates dropped)."""
    lic = licence(question, parsed, profile)
    out = [Candidate(base, ())]
    seen = {base.model_dump_json(exclude={"assumptions", "evidence"})}
    for editor in EDITORS:
        for name, plan in editor(base, parsed, profile, lic):
            try:
                plan = validate_plan(plan, profile)
            except Unanswerable:
                continue
            key = plan.model_dump_json(exclude={"assumptions", "evidence"})
            if key not in seen:
                seen.add(key)
                out.append(Candidate(plan, (name,), "edit"))
    return out
