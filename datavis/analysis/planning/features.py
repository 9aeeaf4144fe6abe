"""Features of a candidate plan for the ranker: what the plan would show (chart mark, y
aggregation, x role, time unit, colour, order) alone and conjoined with the question's words,
how its columns were linked (link tier, the word before the link), and which edit made it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..language import cues as C
from ..language.lexicon import ROW_VALUE_WORDS, UNIT_WORDS
from ..language.linking import Links
from ..language.parsing import Parsed, counted_subject
from ..plan import Plan
from ..presentation.explain import explain
from ..presentation.vegalite import choose_chart
from ..sql.compiler import compile_plan
from .candidates import Candidate
from .generate import listed_with_and, ranked_groups, share_asked
from .measures import binary

_WORD = re.compile(r"[a-z]+|\d+")
_RANKING = {"which", "who", "whom", "each", "per", "every", "by"}
_FAKE_POINTS = 12  # category count assumed when estimating the chart a plan gets before it runs


@dataclass
class Context:
    """What the features read from the question: its words and the columns' links."""

    words: tuple[str, ...]
    links: dict[str, tuple[str, str]]  # column -> (link tier, word before the link)
    pos: dict[str, int]  # column -> where its first mention starts (token index)
    bigrams: tuple[str, ...] = ()  # adjacent words, a linked column's words as "COL"


def context(question: str, parsed: Parsed, skip: frozenset[str] = frozenset()) -> Context:
    """Words that name a column or a value are left out of the conjunctions: weights learned on
    one table's column names would not carry to another table (delexicalised, as in SEMPRE).
    `skip`: more words to leave out (a period's, "this year", which filters and asks no grain)."""
    linked = set(skip) | {t.text for m in parsed.mentions for t in parsed.toks[m.start:m.end]}
    linked |= {t.text for v in parsed.values for t in parsed.toks[v.start:v.end]}
    words = tuple(w for w in dict.fromkeys(_WORD.findall(question.lower())) if w not in linked)
    links: dict[str, tuple[str, str]] = {}
    pos: dict[str, int] = {}
    for m in parsed.mentions:
        before = parsed.toks[m.start - 1].text if m.start > 0 else "^"
        links.setdefault(m.column, (m.tier, before))
        pos.setdefault(m.column, m.start)
    toks = [t.text for t in parsed.toks]
    for m in parsed.mentions:
        toks[m.start:m.end] = ["COL"] * (m.end - m.start)
    seq = [t for i, t in enumerate(toks) if _WORD.fullmatch(t) or (t == "COL" and (i == 0 or toks[i - 1] != "COL"))]
    bigrams = tuple(dict.fromkeys(f"{a}_{b}" for a, b in zip(seq, seq[1:], strict=False)))
    return Context(words, links, pos, bigrams)


def readout(plan: Plan, profile: dict[str, Any]) -> dict[str, Any]:
    """What the plan would show, in the scorer's terms, without running it."""
    q = compile_plan(plan, profile, 5000)
    n = _FAKE_POINTS
    if plan.dimension is not None and not plan.dimension.grain:
        n = max(1, min(n, profile["_by_name"][plan.dimension.column].get("distinct") or n))
    rows = [{**{y: 1 for y in q.ys}, q.x: i, **({q.color: i % 3} if q.color else {})} for i in range(n)] if q.x else []
    chart = choose_chart(plan, q, rows)
    e = explain(plan, q, chart)
    x, y = e.get("x") or {}, e.get("y") or {}
    order = e.get("order")
    return {"mark": chart, "x": x.get("field"), "time_unit": x.get("time_unit"), "y": y.get("field"),
            "agg": y.get("aggregate"), "color": e.get("color"),
            "order": (order["by"], order["desc"]) if order else None}


def _role(col: str | None, profile: dict[str, Any]) -> str:
    if col is None:
        return "none"
    info = profile["_by_name"].get(col)
    return f"{info['role']}/{info['type']}" if info else "none"


def _link(col: str | None, ctx: Context, kind: str) -> list[str]:
    if col is None:
        return [f"{kind}link=none"]
    tier, before = ctx.links.get(col, ("unlinked", ""))
    return [f"{kind}link={tier}", f"{kind}before={before}"]


def slot_order(x: str | None, y: str | None, plan: Plan, ctx: Context) -> list[str]:
    """Which of the axis and the measure the words name first, with the word before each
    ("B over A" puts A on the axis, "A and B" most often B), and a measure the words only name in a
    condition ("commission is not null")."""
    out = []
    filtered = {f.column for f in plan.filters}
    if y is not None and y in filtered:
        out.append("y_filtered")
    if x is not None and y is not None and x in ctx.pos and y in ctx.pos:
        first = "x<y" if ctx.pos[x] < ctx.pos[y] else "y<x"
        out += [f"xy={first}", f"xy={first}&yb={ctx.links[y][1]}", f"xy={first}&xb={ctx.links[x][1]}"]
    return out


def pieces(r: dict[str, Any], plan: Plan, profile: dict[str, Any]) -> list[str]:
    """The plan's parts that conjoin with question words."""
    order = "none" if r["order"] is None else f"{r['order'][0]}:{r['order'][1]}"
    return [f"mark={r['mark']}", f"agg={r['agg']}", f"x={_role(r['x'], profile)}", f"tu={r['time_unit']}",
            f"color={r['color'] is not None}", f"order={order}", f"limit={plan.limit is not None}",
            f"ycount={r['y'] is None}"]


def coverage(plan: Plan, links: Links | None) -> list[str]:
    """How much of what the words linked the plan uses: linked columns left out, an aggregation
    cue no measure uses, a limit asked for and not applied."""
    if links is None:
        return []
    used = {m.column for m in plan.measures} | {plan.color} | {f.column for f in plan.filters} | \
        ({plan.dimension.column} if plan.dimension else set())
    unused = [c for c in links.linked_columns() if c not in used]
    aggs = {str(a.target) for a in links.aggs} - {"count"}
    out = [f"unused={min(len(unused), 2)}", f"measures={len(plan.measures)}"]
    out += [f"unused:{'&'.join(links.column_feats(c)[:2])}" for c in unused]  # an exact measure left out
    if aggs and not aggs & {m.agg for m in plan.measures}:
        out.append("agg_cue_unused")
    if links.limit is not None and plan.limit is None:
        out.append("limit_unused")
    if links.grains and not (plan.dimension and plan.dimension.grain):
        out.append("grain_unused")
    return out


def prior(plan: Plan, links: Links | None, profile: dict[str, Any] | None) -> list[str]:
    """Business phrasing nvBench never shows (every nvBench chart has an x axis): a count or a
    single aggregate asked with no grouping word is one number (see ranker.PRIOR)."""
    if links is None:
        return []
    if any(m.kind is not None for m in plan.measures):
        return ["prior:derived"]  # a rate, ratio or time between dates the words name: nvBench has none
    if plan.dimension is not None and plan.color is None and any(
            f.column == plan.dimension.column and f.op == "=" for f in plan.filters):
        return ["prior:one_value_axis"]  # "daily spend for the holiday push campaign": one bar says nothing
    if plan.dimension is not None and (plan.order is None or any(m.agg in ("max", "min") for m in plan.measures)) \
            and ranked_groups(links) is not None:
        return ["prior:superlative_aggregated"]  # "2 suppliers with the lowest spend" ranks suppliers
    stated = {f.target.model_dump_json() for f in links.conditions}  # type: ignore[attr-defined]
    if stated - {f.model_dump_json() for f in plan.filters}:
        return ["prior:condition_dropped"]  # nvBench's gold charts do not say which rows were kept
    if any(m.agg == "avg" and m.column in links.booleans for m in plan.measures) and not share_asked(links):
        return ["prior:share_uncued"]  # "orders that were returned" counts them; a share needs a share word
    if plan.limit == 1 and links.limit is None:  # nvBench's scorer does not compare limits
        return ["prior:superlative_one"]  # "which department has the highest average salary"
    versus = _versus_reading(plan, links, profile)
    if _raw_against_same_unit(plan, links, profile):
        return ["prior:versus_raw_same_unit"]  # "budget vs actual by team": per team, not each row's pair
    if plan.intent == "correlation" and plan.dimension is not None and all(m.agg != "none" for m in plan.measures) \
            and not C.has(links.parsed.text, C.CORREL_NAMED):
        if versus == "dots":
            return ["prior:versus_dots"]  # "spend vs conversions per campaign": one dot per campaign
        if _few_groups(plan.dimension.column, profile):
            return ["prior:versus_points"]  # "spend vs revenue by channel", "hours: billable vs not" are bars
    if len(plan.measures) >= 2 and all(m.agg != "none" for m in plan.measures) and versus != "dots":
        return ["prior:two_measures"]  # "revenue and profit by region": nvBench has no such chart
    if plan.chart == "histogram" and C.has(links.parsed.text, C.BINS):
        return ["prior:bins_named"]  # "how many orders fall in each price band": rows counted per bin
    if plan.dimension is not None and _counted_axis(plan.dimension.column, links, profile):
        return ["prior:counted_axis"]  # "how many customers are there" is one number, not a count per customer
    if plan.dimension is not None or len(plan.measures) != 1:
        return []
    p = links.parsed
    measured = {plan.measures[0].column} | {f.column for f in plan.filters} | {f.other for f in plan.filters}
    rows = {str(c.target) for c in links.columns if "unique" in c.feats}
    rows |= {m.column for m in p.mentions if counted_subject(p, m)}  # "how many items are below …"
    axes = [c for c in links.linked_columns() if c not in measured | rows]  # "users" names the rows
    if p.groups or links.grains or p.trend or links.limit or links.words & _RANKING or axes or listed_with_and(links):
        return []  # values listed ("annual vs monthly contracts") are compared: a bar each, not one number
    m, cues = plan.measures[0], {str(a.target) for a in links.aggs}
    # "how many conversions in 2023" sums a count it names; "how many deals did we win" counts deals, not the
    # total of Deal Value: money is no count of things
    if "count" in cues and (m.agg in ("count", "count_distinct") or m.agg == "sum" and not _worth(m.column, profile)):
        return ["prior:kpi_count"]
    if m.agg in cues or (m.agg == "avg" and p.share):
        return ["prior:kpi_agg"]
    return []


def _versus_reading(plan: Plan, links: Links, profile: dict[str, Any] | None) -> str | None:
    """Two measures per group joined by vs / against ("A vs B by G"): "bars" side by side when they share a
    unit (revenue vs profit, reorder level vs on hand), "dots", one per group, when their units differ
    (spend vs conversions, wait (sec) vs talk time (min)) or the words plot one "against" the other."""
    p = links.parsed
    if not p.correl or plan.dimension is None or len(plan.measures) != 2 or C.has(p.text, C.CORREL_NAMED):
        return None  # p.correl without a named relation: "A vs B" between two numbers (parsing._versus)
    if any(t.text == "against" for t in p.toks):
        return "dots"
    a, b = (_unit(m.column, profile) for m in plan.measures)
    return "bars" if a == b else "dots"


def _raw_against_same_unit(plan: Plan, links: Links, profile: dict[str, Any] | None) -> bool:
    """One raw measure plotted against another of the same unit, while a grouping word names a third
    column ("budget vs actual spend by team"): nvBench's "A vs B by C" is a scatter coloured by C, but two
    amounts of one unit grouped by a category are compared group by group."""
    p = links.parsed
    d = plan.dimension
    if not p.correl or not p.groups or d is None or d.bins or len(plan.measures) != 1 or \
            plan.measures[0].agg != "none" or C.has(p.text, C.CORREL_NAMED):
        return False
    col = (profile or {}).get("_by_name", {}).get(d.column) or {}
    if col.get("role") != "measure" or d.column in {str(g.target) for g in links.groups}:
        return False
    unit = _unit(plan.measures[0].column, profile)
    return unit is not None and unit == _unit(d.column, profile)


def _unit(column: str | None, profile: dict[str, Any] | None) -> str | None:
    """The unit of a measure: rows for a count, money, the unit its name or its values state, else none."""
    if column is None:
        return "rows"
    col = (profile or {}).get("_by_name", {}).get(column) or {}
    if col.get("money"):
        return "money"
    named = [UNIT_WORDS[t] for t in col.get("tokens", []) if t in UNIT_WORDS]
    return named[-1] if named else col.get("unit")


def _worth(column: str | None, profile: dict[str, Any] | None) -> bool:
    """A column of what each row is worth ("Deal Value", "Order Total", money): a total of it counts nothing."""
    col = (profile or {}).get("_by_name", {}).get(column) or {}
    tokens = col.get("tokens") or []
    return _unit(column, profile) == "money" or bool(tokens) and tokens[-1] in ROW_VALUE_WORDS


def _few_groups(column: str, profile: dict[str, Any] | None) -> bool:
    """Few enough groups to read as bars (a point per customer of hundreds reads as a scatter)."""
    col = (profile or {}).get("_by_name", {}).get(column) or {}
    return (col.get("distinct") or 99) <= 20


def _counted_axis(column: str, links: Links, profile: dict[str, Any] | None) -> bool:
    """The axis is the thing "how many" counts ("how many discontinued skus", a quality between), or a
    Yes/No or 0/1 flag the words state ("how many calls were abandoned"), and no word groups by it
    (nvBench counts "the number of the dates" per date; nothing there asks "how many customers are there")."""
    p = links.parsed
    if p.groups or links.grains or p.trend or links.words & _RANKING or p.correl:
        return False
    col = (profile or {}).get("_by_name", {}).get(column) or {}
    if col and binary(col) and not C.has(p.text, r"\b(vs\.?|versus|or not|and not)\b"):
        return True
    m = next((m for m in p.mentions if m.column == column), None)
    if m is None:
        return False
    spans = [(x.start, x.end) for x in p.mentions if x is not m] + [(v.start, v.end) for v in p.values]
    said = {k for a, b in spans for k in range(a, b)}
    k = m.start
    while k - 1 in said:  # "how many discontinued skus": a value or a quality before the noun
        k -= 1
    return [t.text for t in p.toks[max(0, k - 2):k]] == ["how", "many"]


def _slots(plan: Plan) -> dict[str, object]:
    d = plan.dimension
    return {"measure": [(m.column, m.agg) for m in plan.measures], "dim": (d.column, d.grain, d.bins) if d else None,
            "color": plan.color, "order": (plan.order.by, plan.order.desc, plan.limit) if plan.order else plan.limit,
            "filters": sorted(f.model_dump_json() for f in plan.filters), "chart": plan.chart}


def agreement(plan: Plan, rule: Plan | None) -> list[str]:
    """Which slots of the plan agree with the rule reading's: the ranker learns, slot by slot,
    how far to trust the rules (the rules' reading stays one source among the candidates)."""
    if rule is None:
        return ["rule=none"]
    mine, theirs = _slots(plan), _slots(rule)
    return [f"rule_{'same' if mine[k] == theirs[k] else 'diff'}={k}" for k in mine]


def features(cand: Candidate, r: dict[str, Any], ctx: Context, profile: dict[str, Any], links: Links | None = None,
             rule: Plan | None = None) -> dict[str, float]:
    """Sparse binary features of one candidate."""
    plan = cand.plan
    f: dict[str, float] = {"base": 1.0} if cand.source == "rule" else {f"src={cand.source}": 1.0}
    for e in cand.edits:
        f[f"edit={e}"] = 1.0
    for e in cand.licence:
        f[f"lic={e}"] = 1.0
        for w in ctx.words:
            f[f"lic={e}|{w}"] = 1.0
    for name in (*coverage(plan, links), *prior(plan, links, profile), *(agreement(plan, rule) if links else ())):
        f[name] = 1.0
    parts = pieces(r, plan, profile)
    for p in parts:
        f[p] = 1.0
        for w in ctx.words:
            f[f"{p}|{w}"] = 1.0
    for e in cand.edits:
        for w in ctx.words:
            f[f"edit={e}|{w}"] = 1.0
    for p in parts[:4]:  # mark, agg, x role, time unit: "total number" sums, "number of" counts
        for b in ctx.bigrams:
            f[f"{p}||{b}"] = 1.0
    ycol = plan.measures[0].column if plan.measures else None
    for name in (*_link(r["x"], ctx, "x"), *_link(ycol, ctx, "y"), *_link(r["color"], ctx, "c"),
                 *slot_order(r["x"], ycol, plan, ctx)):
        f[name] = 1.0
    f[f"mark={r['mark']}&x={_role(r['x'], profile)}"] = 1.0
    f[f"agg={r['agg']}&y={_role(ycol, profile)}"] = 1.0
    return f
