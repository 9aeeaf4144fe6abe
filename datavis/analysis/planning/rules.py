"""The embedded planner: rules that turn a parsed question into a Plan, with no model and no
network — which column is the x axis, which is measured and how, filters, order and chart —
and the help given when a question cannot be mapped.
"""
from __future__ import annotations

import datetime as dt
import re

from ..language import cues as C
from ..errors import Unanswerable
from ..language.lexicon import PEOPLE
from ..language.matching import Mention
from ..language.names import humanize
from ..language.parsing import NEGATIONS, SKIP_AFTER_CUE, Parsed, is_numeric, main_temporal
from .plan import Dimension, Filter, Measure, Order, Plan
from ..datasets.profile import is_identifier


# ---------------------------------------------------------------- building the plan
def build_plan(p: Parsed, profile: dict) -> Plan:
    by_name = profile["_by_name"]
    role = {m.column: by_name[m.column] for m in p.mentions}
    plan = Plan(filters=list(p.filters), assumptions=list(p.notes), evidence=list(p.evidence), period=p.period)
    # mentions used only to filter ("price between 60 and 120") do not become axes
    free = [m for m in p.mentions if id(m) not in p.filter_mentions]
    for m in p.mentions:
        tier = "" if m.tier == "exact" else f" ({m.tier})"
        plan.evidence.append(f"'{m.words}' → {m.column}{tier}")

    # measures named after an aggregation cue
    measures: list[Measure] = []
    measure_mentions: list[Mention] = []
    count_rows = False
    which = re.search(r"\b(which|who|whose)\b|\bwhat (?!is\b|are\b|was\b|were\b|s\b)\w+", p.text.s)
    for cue in p.aggs:
        m = _mention_after_cue(p, cue, free)
        agg = cue.value
        if agg != "count" and m is not None and not is_numeric(role[m.column]) and role[m.column]["type"] != "boolean":
            nxt = next((o for o in free if o.start >= m.end and o.start - m.end <= 2 and is_numeric(role[o.column])), None)
            m = nxt or m
        if agg in ("max", "min") and which and which.start() < _char_of(p, cue.start) and m is not None and \
                p.toks[cue.start].text not in ("max", "maximum", "min", "minimum", "maximal", "minimal"):
            # "which region has the highest profit": rank regions by profit, not the largest single row
            p.order_desc = agg == "max" if p.order_desc is None else p.order_desc
            p.order_target = p.order_target or "y"
            continue
        if agg == "count":
            if m is None or id(m) in {id(g) for g in p.groups} and not is_numeric(role[m.column]):
                count_rows = True
                continue
            col = role[m.column]
            if is_numeric(col) and _cue_has_total(p, cue) and not col.get("year_like"):
                measures.append(Measure(column=m.column, agg="sum"))
                measure_mentions.append(m)
            elif is_numeric(col) and col["role"] == "measure" and not col.get("groupable"):
                measures.append(Measure(column=m.column, agg="sum" if col.get("additive", True) else "avg"))
                measure_mentions.append(m)
            elif is_identifier(col) or (p.distinct and _distinct_near(p, cue, m)):
                if col.get("unique"):
                    count_rows = True
                else:
                    measures.append(Measure(column=m.column, agg="count_distinct"))
                measure_mentions.append(m)
            else:
                # "number of <dimension>": count rows per value of it, unless another column is
                # grouped ("how many companies per headquarters": companies are what is counted)
                count_rows = True
                if m.tier == "entity" and not p.groups and not col.get("unique"):
                    # "how many customers are there": distinct customers
                    measures.append(Measure(column=m.column, agg="count_distinct"))
                    measure_mentions.append(m)
                    count_rows = False
                elif p.groups and not _grouped_elsewhere(p, m) or m.tier in ("partial", "entity"):
                    measure_mentions.append(m)
                elif m not in p.groups and not _grouped_elsewhere(p, m):
                    p.groups.append(m)
            continue
        if m is None:
            continue
        col = role[m.column]
        if agg in ("max", "min") and not is_numeric(col) and col["type"] not in ("date", "datetime"):
            continue  # "the most common region": not an aggregate of text
        if agg in ("sum", "avg", "median") and not is_numeric(col) and col["type"] != "boolean":
            if agg == "sum":
                count_rows = True
            continue
        if m in measure_mentions:
            continue
        measures.append(Measure(column=m.column, agg=agg))
        measure_mentions.append(m)
    if p.y_axis and not any(x.column == p.y_axis for x in measures):
        col = by_name[p.y_axis]
        agg = p.y_axis_agg
        if agg == "count":
            count_rows = True
        elif agg:
            measures = [Measure(column=p.y_axis, agg=agg)]
        measure_mentions += [m for m in free if m.column == p.y_axis]
    elif p.y_axis_agg == "count" and not measures:
        count_rows = True

    group_ids = {id(g) for g in p.groups}
    for m in free:
        col = role[m.column]
        if col["type"] != "boolean" or id(m) in group_ids or m in measure_mentions:
            continue
        after = p.toks[m.end].text if m.end < len(p.toks) else ""
        neg = any(p.toks[k].text in NEGATIONS for k in range(max(0, m.start - 2), m.start))
        adjective = after in PEOPLE or after in ("orders", "order", "rows", "records", "ones", "items", "accounts")
        if count_rows or measures or adjective:
            plan.filters.append(Filter(column=m.column, op="=", values=[not neg]))
        else:
            measures.append(Measure(column=m.column, agg="avg"))
            plan.assumptions.append(f"I showed the share of rows where {m.column} is true")
        measure_mentions.append(m)
    # "average revenue per order": a unique id after per/by is the row itself, not a group
    if any(x.agg not in ("none", "count") for x in measures) or count_rows:
        for g in list(p.groups):
            col = role[g.column]
            if col.get("unique") and (col["role"] == "identifier" or g.tier == "entity"):
                p.groups.remove(g)
    # "top 5 customers by revenue": a (non-groupable) measure after "by" ranks another column
    text_mentions = [m for m in free if not is_numeric(role[m.column]) and m not in measure_mentions]
    for g in list(p.groups):
        col = role[g.column]
        if is_numeric(col) and col["role"] == "measure" and not col.get("groupable") and \
                [t for t in text_mentions if t.column != g.column] and g.column not in [x.column for x in measures]:
            p.groups.remove(g)
    # dimension(s): grouped columns first, explicit x axis wins
    group_cols = [g for g in p.groups if g not in measure_mentions or not is_numeric(role[g.column])]
    dims: list[str] = []
    if p.x_axis:
        dims.append(p.x_axis)
    for g in group_cols:
        if g.column not in dims and g.column not in [m.column for m in measures if m.agg != "count_distinct"]:
            dims.append(g.column)
    limit_end = max((k + 1 for k in range(len(p.toks)) if p.toks[k].text in ("top", "bottom")), default=-9)
    others = [m for m in free if m not in measure_mentions and m not in p.groups and m.column not in dims
              and not (m.tier in ("partial", "entity") and not is_numeric(role[m.column])
                       and not (p.limit and m.start <= limit_end + 2))]
    numeric_others = [m for m in others if is_numeric(role[m.column]) and role[m.column]["role"] in ("measure",)
                      and not role[m.column].get("year_like")]
    id_others = [m for m in others if is_numeric(role[m.column]) and role[m.column]["role"] == "identifier"]
    dim_others = [m for m in others if m not in numeric_others and m not in id_others]

    # plain numeric mentions are measures (aggregated by default rules below)
    for m in numeric_others:
        if m.column not in [x.column for x in measures]:
            measures.append(Measure(column=m.column, agg="none"))  # "none" = not asked; decided below
            measure_mentions.append(m)
    # free (un-cued) text columns become the x axis only when nothing is grouped explicitly; they
    # are often the counted entity ("documents", "companies"), never a colour on their own
    if not dims and not (p.correl and len([m for m in measures if m.agg == "none"]) >= 2):
        for m in dim_others:
            if m.column not in dims and not is_identifier(role[m.column]):
                dims.append(m.column)
                break
    elif dims and not measures and p.color is None and _by_follows(p):
        # "plan by country": count by country, coloured by plan
        lead = [m for m in dim_others if m.end <= min((g.start for g in p.groups), default=0)
                and role[m.column]["role"] == "dimension" and m.column not in dims]
        if lead and role[lead[0].column]["distinct"] <= 30:
            p.color = lead[0].column
            dims.append(lead[0].column)
    # "relationship between id A and id B": identifiers can be plotted against each other
    if not measures and len(id_others) >= 2 and not dims:
        measures = [Measure(column=m.column, agg="none") for m in id_others[:2]]
    elif id_others and not dims and len(measures) == 1 and id_others[0].tier not in ("partial", "entity"):
        dims.append(id_others[0].column)
    elif id_others and not dims and not measures and count_rows:
        dims.append(id_others[0].column)
    elif len(id_others) == 1 and not measures and dims and p.correl and id_others[0].tier != "partial":
        measures.append(Measure(column=id_others[0].column, agg="none"))
    # "X and the average of Y": with an aggregated measure, a plain numeric column is the x axis
    if not dims and any(m.agg != "none" for m in measures) and any(m.agg == "none" for m in measures):
        plain = next(m for m in measures if m.agg == "none")
        measures.remove(plain)
        dims.append(plain.column)

    dims = _prefer_label(dims, p, profile)
    # a dimension named in an order clause only ("order by Name") is not an axis
    if p.color and p.color in dims and len(dims) > 1:
        dims.remove(p.color)
        dims.insert(1, p.color)
    if dims and p.color == dims[0]:
        p.color = None

    if not dims and p.limit:
        unit = re.search(r"\b(?:top|bottom|best|worst)\s+\w+\s+(days|weeks|months|years|quarters|hours)\b", p.text.s)
        tcol0 = main_temporal(profile)
        if unit and tcol0 is not None:
            dims.append(tcol0["name"])
            g = {"days": None, "weeks": "week", "months": "month", "years": "year", "quarters": "quarter",
                 "hours": "hour"}[unit.group(1)]
            p.grain = g if tcol0["type"] in ("date", "datetime") and (g or tcol0["type"] == "datetime") else None
            if g is None and tcol0["type"] == "datetime":
                p.grain = "day"
    # temporal: trend words or a grain ask for a date dimension
    tcol = None
    for d in dims:
        if by_name[d]["role"] == "temporal":
            tcol = by_name[d]
            break
    if tcol is None and (p.trend or p.grain) and not (p.correl and len(measures) >= 2):
        tcol = main_temporal(profile)
        if tcol is not None:
            if dims and by_name[dims[0]]["role"] != "temporal":
                if not p.color:
                    p.color = dims[0]
                dims = [tcol["name"]] + [d for d in dims if d != tcol["name"]]
            else:
                dims.insert(0, tcol["name"])
            plan.assumptions.append(f"time axis: {tcol['name']}")
    elif tcol is not None and dims[0] != tcol["name"] and (p.trend or p.grain):
        dims.remove(tcol["name"])
        dims.insert(0, tcol["name"])

    # colour: a second grouped dimension
    color = p.color
    if color is None and len(dims) >= 2 and len([g for g in p.groups if g.column in dims]) >= 2:
        color = dims[1]
    elif color is None and len(dims) >= 2 and by_name[dims[0]]["role"] == "temporal" and dims[1] in \
            [g.column for g in p.groups]:
        color = dims[1]
    if color and dims and color == dims[0]:
        color = dims[1] if len(dims) > 1 else None

    # two measures, no dimension: a scatter of raw values
    if not dims and len([m for m in measures if m.agg == "none"]) >= 2 and not count_rows:
        plan.measures = [Measure(column=m.column, agg="none") for m in measures[:2]]
        plan.intent = "correlation"
        plan.color = color if color else (p.color if p.color else None)
        if color is None and p.groups:
            g = [x.column for x in p.groups if x.column not in [m.column for m in plan.measures]]
            plan.color = g[0] if g else None
        plan.chart = _chart(p.chart, "point")
        return _finish(plan, p, profile)

    dim = dims[0] if dims else None
    if dim is not None and not measures:
        count_rows = True
    if count_rows and not measures:
        measures = [Measure(column=None, agg="count")]
    if count_rows and measures and all(m.agg == "none" for m in measures) and dim is not None and not p.y_axis:
        # "number of X per Y" with a numeric X that is not a measure on its own
        measures = [Measure(column=None, agg="count")]

    if dim is None and not measures:
        if p.filters:
            measures = [Measure(column=None, agg="count")]
            plan.assumptions.append("I counted the rows that match")
        else:
            raise Unanswerable(help_message(profile, p.question))

    # distribution of one measure: histogram, or boxplot by a dimension
    if p.distrib and len(measures) == 1 and measures[0].column and measures[0].agg == "none" and \
            p.chart not in ("bar", "arc", "line", "point", "area"):
        if dim is None or p.chart == "histogram":
            plan.measures = [Measure(column=None, agg="count")]
            plan.dimension = Dimension(column=measures[0].column, bins=20)
            plan.intent, plan.chart = "distribution", "histogram"
            return _finish(plan, p, profile)
        if not by_name[dim].get("unique"):
            plan.measures = [Measure(column=measures[0].column, agg="none")]
            plan.dimension = Dimension(column=dim)
            plan.intent, plan.chart = "distribution", "boxplot"
            return _finish(plan, p, profile)
    if p.chart == "histogram" and dim and is_numeric(by_name[dim]) and by_name[dim]["role"] == "measure" and \
            len(measures) <= 1 and (not measures or measures[0].column is None):
        plan.measures = [Measure(column=None, agg="count")]
        plan.dimension = Dimension(column=dim, bins=20)
        plan.intent, plan.chart = "distribution", "histogram"
        return _finish(plan, p, profile)

    if dim is None:
        # KPI (or a list of rows)
        for m in measures:
            if m.agg == "none":
                col = by_name[m.column]
                m.agg = "sum" if col.get("additive", True) else "avg"
                plan.assumptions.append(f"I used the {'total' if m.agg == 'sum' else 'average'} of {m.column}")
        if p.listing and all(m.column for m in measures):
            plan.measures = [Measure(column=m.column, agg="none") for m in measures]
            plan.intent, plan.chart = "table", "table"
            return _finish(plan, p, profile)
        plan.measures = measures
        plan.intent = "kpi"
        plan.chart = "kpi" if p.chart in (None, "kpi") else p.chart
        if plan.chart not in ("kpi", "table"):
            plan.chart = "kpi"
        return _finish(plan, p, profile)

    dcol = by_name[dim]
    grain = None
    if dcol["type"] in ("date", "datetime"):
        grain = p.grain or _auto_grain(dcol, plan.filters, explicit=dim in [m.column for m in p.mentions])
    elif dcol.get("year_like"):
        grain = None
    plan.dimension = Dimension(column=dim, grain=grain)
    # default aggregations: raw when each x value is one row, else sum (additive) / avg (intensive)
    unique_x = bool(dcol.get("unique")) and not grain
    for m in measures:
        if m.agg == "none":
            col = by_name[m.column]
            if unique_x and not p.share or (unique_x and p.share and not color):
                m.agg = "none"
            elif col["role"] == "identifier":
                m.agg = "sum"
            else:
                m.agg = "sum" if col.get("additive", True) else "avg"
                plan.assumptions.append(f"I used the {'total' if m.agg == 'sum' else 'average'} of {m.column} "
                                        f"per {dim}")
    if unique_x and any(m.agg != "none" for m in measures) and any(m.agg == "none" for m in measures):
        for m in measures:
            if m.agg == "none":
                m.agg = "sum"
    # one measure per chart, two for a correlation or a table
    plan.measures = measures[:2] if (p.correl or p.chart == "table") else measures[:1]
    plan.color = color if color != dim else None

    # intent
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
        # two numeric columns, row by row: a scatter of raw values
        plan.measures = [Measure(column=dim, agg="none"), plan.measures[0]]
        plan.dimension = None
    return _finish(plan, p, profile)


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


def _chart(asked: str | None, default: str | None) -> str:
    if asked:
        return asked
    return default or "auto"


def _finish(plan: Plan, p: Parsed, profile: dict) -> Plan:
    used = {m.column for m in plan.measures} | {f.column for f in plan.filters} | {plan.color} | \
        ({plan.dimension.column} if plan.dimension else set())
    reads = [f"I read '{m.words}' as {m.column}" for m in p.mentions if m.column in used and m.tier != "exact"
             and m.words.lower().replace(" ", "") != m.column.lower().replace(" ", "").replace("_", "")]
    plan.assumptions = list(dict.fromkeys(reads + plan.assumptions))
    # order: only what was asked; top-N implies largest first
    if p.order_desc is not None or p.order_target:
        target = p.order_target
        by = "measure"
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
    k = cue.end
    steps = 0
    while k < len(p.toks) and steps <= 4:
        for m in free:
            if m.start == k:
                return m
        t = p.toks[k].text
        if t not in SKIP_AFTER_CUE | {"number", "of", "total", "amount", "amounts", "value", "values", "count"} \
                and not any(c.start == k for c in p.aggs):
            return None
        k += 1
        steps += 1
    return None


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
