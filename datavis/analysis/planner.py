"""The embedded planner: rules that turn a question into a Plan, with no model and no network.

parse() finds what the words say (columns, values, numbers, periods, cues); build_plan() turns
that into a Plan: which column is the x axis, which is measured and how, filters, order and
chart. Follow-up edits of a previous plan live in followup.py and reuse parse().
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import cues as C
from .errors import Unanswerable
from .lexicon import NUMBER_WORDS, PEOPLE
from .matching import Mention, Tok, ValueMention, find_mentions, find_values, tokenize
from .names import humanize
from .plan import Dimension, Filter, Measure, Order, Plan
from .timeparse import find_periods

_NEG = {"not", "except", "excluding", "exclude", "without", "non", "but", "besides", "other", "isn't", "aren't",
        "don't", "doesn't", "no", "outside", "n't", "nor", "never"}
_SKIP_AFTER_CUE = {"the", "attribute", "different", "all", "their", "its", "a", "an", "each", "every", "of",
                   "distinct", "unique", "individual", "various", "given", "specific", "respective", "corresponding"}
_COMPARATORS = [
    (r"greater than or equal to|at least|no less than|not less than|>=|reach(?:es|ed)?|or more|or above|"
     r"or higher|and above|and up|minimum of|a minimum of", ">="),
    (r"less than or equal to|at most|no more than|not more than|<=|or less|or fewer|or below|and below|up to|"
     r"maximum of|a maximum of", "<="),
    (r"not equal to|does not equal|doesn't equal|!=|<>|different from|other than", "!="),
    (r"greater than|more than|higher than|larger than|bigger than|over|above|exceeds?|exceeding|older than|"
     r"longer than|later than|>|after", ">"),
    (r"less than|fewer than|lower than|smaller than|under|below|younger than|shorter than|earlier than|<|before", "<"),
    (r"equal to|equals?|==|=|is exactly|exactly", "="),
]
_NUM = r"-?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?:k|m|b|bn)?"


def parse_number(text: str) -> float | None:
    t = text.lower().replace("$", "").replace(",", "").strip()
    mult = 1.0
    if t.endswith("%"):
        t = t[:-1]
    for suf, m in (("bn", 1e9), ("k", 1e3), ("m", 1e6), ("b", 1e9)):
        if t.endswith(suf):
            t, mult = t[: -len(suf)], m
            break
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        v = float(t) * mult
    except ValueError:
        return None
    return v


def _num_value(v: float, col: dict):
    return int(v) if float(v).is_integer() and col["type"] in ("integer", "number") else v


@dataclass
class Parsed:
    question: str
    toks: list[Tok]
    text: C.Text
    mentions: list[Mention] = field(default_factory=list)
    values: list[ValueMention] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    filter_mentions: set[int] = field(default_factory=set)  # ids of mentions used only by filters
    period: str | None = None
    period_relative: bool = False
    aggs: list[C.Cue] = field(default_factory=list)
    groups: list[Mention] = field(default_factory=list)
    color: str | None = None
    chart: str | None = None
    chart_mod: str | None = None
    grain: str | None = None
    order_desc: bool | None = None
    order_target: str | None = None  # x | y | column name
    limit: int | None = None
    limit_desc: bool = True
    x_axis: str | None = None
    y_axis: str | None = None
    y_axis_agg: str | None = None
    trend: bool = False
    share: bool = False
    correl: bool = False
    distrib: bool = False
    listing: bool = False
    distinct: bool = False
    reset: bool = False
    followup_cue: bool = False
    notes: list[str] = field(default_factory=list)  # assumptions
    evidence: list[str] = field(default_factory=list)


def main_temporal(profile: dict, prefer: str | None = None) -> dict | None:
    cols = [c for c in profile["columns"] if c["role"] == "temporal"]
    if prefer:
        for c in cols:
            if c["name"] == prefer:
                return c
    dated = [c for c in cols if c["type"] in ("date", "datetime")]
    pool = dated or cols
    if not pool:
        return None
    # prefer the date column with most values (order date over ship date ties: first)
    return max(pool, key=lambda c: (c["non_null"], -profile["columns"].index(c)))


def anchor_of(col: dict | None) -> dt.date | None:
    if col is None or col.get("max") is None:
        return None
    if col.get("year_like"):
        return dt.date(int(col["max"]), 12, 31)
    return dt.date.fromisoformat(str(col["max"])[:10])


def parse(question: str, profile: dict) -> Parsed:
    toks = tokenize(question)
    text = C.Text(toks)
    p = Parsed(question, toks, text)
    by_name = profile["_by_name"]
    consumed: set[int] = set()
    # words inside a multi-word column name ("monthly fee", "page views") are that column, not cues
    for m in find_mentions(toks, profile):
        if m.tier == "exact" and m.end - m.start >= 2:
            text.protected.update(range(m.start, m.end))
    p.reset = C.has(text, C.RESET)
    p.followup_cue = C.has(text, C.FOLLOWUP)

    # order and top-N clauses ("list by the y axis in desc", "top 5")
    cue, clause_span, clause = C.find_order(text)
    if cue is not None:
        p.order_desc = cue.value
        p.order_target = C.order_target(clause or "")
        consumed.update(range(*clause_span))
        clause_mentions = find_mentions(toks[clause_span[0]:clause_span[1]], profile)
        if clause_mentions and p.order_target is None:
            p.order_target = clause_mentions[0].column
    lim, numbered = C.find_limit(text)
    if lim is not None:
        p.limit, p.limit_desc = lim.value
        consumed.update(range(lim.start, lim.end))
    chart = C.find_chart(text)
    if chart is not None:
        if chart.kind == "chart":
            p.chart = chart.value
        consumed.update(range(chart.start, chart.end))
    p.chart_mod = C.chart_modifier(text)
    grain = C.find_grain(text)
    if grain is not None:
        p.grain = grain.value
        consumed.update(range(grain.start, grain.end))
    p.trend = C.has(text, C.TREND)
    p.share = C.has(text, C.SHARE)
    p.correl = C.has(text, C.CORREL)
    p.distrib = C.has(text, C.DISTRIB)
    p.listing = C.has(text, r"^\s*(list|show all|show me all|give me all|display all)\b|\b(as a table|in a table|"
                            r"table of|raw rows|the rows)\b")
    p.distinct = C.has(text, r"\b(distinct|unique|different)\b")

    # periods anchored to the latest date of the main temporal column
    tcol = main_temporal(profile)
    anchor = anchor_of(tcol)
    if tcol is not None:
        for per in find_periods(text.s, anchor):
            a, b = text.span(per.start, per.end)
            consumed.update(range(a, b))
            p.filters.append(_period_filter(tcol, per.lo, per.hi))
            p.period, p.period_relative = per.label, per.relative
            if per.relative:
                p.notes.append(f"'{text.s[per.start:per.end].strip()}' is anchored to the latest date in the "
                               f"data: {per.label}")

    # column mentions, then numbers that compare a column ("age older than 18"), then values ("West")
    # numbers typed as words of their own ("meter_200" keeps its 200 as part of the name)
    number_toks = {t.i for t in toks if re.fullmatch(_NUM, t.text) and t.raw.lower() == t.text}
    mentions = find_mentions(toks, profile, skip=consumed)  # numbers may be part of a name ("sku 7")
    strong = {k for m in mentions if m.score >= 0.9 for k in range(m.start, m.end)}
    values = find_values(toks, profile, skip=consumed | strong | number_toks)
    value_toks = {k for v in values for k in range(v.start, v.end)}
    mentions = [m for m in mentions if not any(k in value_toks for k in range(m.start, m.end))]
    p.mentions = mentions
    _numeric_filters(p, profile, consumed)
    _text_filters(p, profile)
    _value_filters(p, values, profile)
    p.values = values

    # aggregation cues; a cue inside a longer column name ("number of employees") is the column
    aggs = C.find_aggs(text)
    kept = []
    for a in aggs:
        if any(k in consumed for k in range(a.start, a.end)):
            continue
        inside = [m for m in p.mentions if m.start <= a.start and a.end <= m.end]
        if inside:
            m = inside[0]
            if (m.end - m.start) > (a.end - a.start):
                continue
            # the cue word is itself a column name ("total"): the cue wins when a column follows
            if any(o.start >= a.end and o.start - a.end <= 3 for o in p.mentions if o is not m):
                p.mentions.remove(m)
            else:
                continue
        kept.append(a)
    p.aggs = kept

    # grouping: a column right after by/per/each/across...
    ids = {id(m) for m in p.mentions}
    for g in C.find_groups(text):
        if any(k in consumed for k in range(g.start, g.end)) and g.value not in ("by", "per"):
            continue
        m = _next_mention(p, g.end)
        word = g.value
        if word in ("versus", "vs", "against"):
            prev = _prev_mention(p, g.start)
            nxt = m
            if prev and nxt and _numeric(by_name[prev.column]) and _numeric(by_name[nxt.column]):
                p.correl = True
                continue
            if prev and (nxt is None or _numeric(by_name[nxt.column]) or _agg_between(p, g.end, nxt)):
                if prev not in p.groups:
                    p.groups.append(prev)
            continue
        if word == "over" and m is None:
            continue
        if m is not None and id(m) in ids and m not in p.groups:
            if re.match(C.COLOR_CUE, word) and (p.groups or _dim_before(p, g.start, profile)):
                p.color = m.column
            p.groups.append(m)
            # "by region and segment": a second grouped column joined by and / a comma
            k = m.end
            if k + 1 < len(p.toks) and p.toks[k].text in ("and", ",", "&"):
                nxt = _next_mention(p, k + 1, within=1)
                if nxt is not None and nxt not in p.groups and not _numeric(by_name[nxt.column]):
                    p.groups.append(nxt)
    # x axis / y axis named explicitly ("x axis building y axis maximal capacity")
    for m, (a, b) in text.find(r"\bx(?: |-)?axis (?:is |as |shows? |with )?"):
        nm = _next_mention(p, b, within=2)
        if nm:
            p.x_axis = nm.column
    for m, (a, b) in text.find(r"\by(?: |-)?axis (?:is |as |shows? |with )?"):
        ag = next((c for c in p.aggs if b <= c.start <= b + 1), None)
        nm = _next_mention(p, (ag.end if ag else b), within=2)
        if nm:
            p.y_axis = nm.column
            p.y_axis_agg = ag.value if ag else None
        elif ag and ag.value == "count":
            p.y_axis_agg = "count"
    return p


def _period_filter(col: dict, lo: dt.date | None, hi: dt.date | None) -> Filter:
    if col.get("year_like"):
        if lo and hi:
            return Filter(column=col["name"], op="between", values=[lo.year, hi.year]) if lo.year != hi.year \
                else Filter(column=col["name"], op="=", values=[lo.year])
        return Filter(column=col["name"], op=">=" if lo else "<=", values=[(lo or hi).year])
    if col["type"] == "datetime":
        hi_s = (hi + dt.timedelta(days=1)).isoformat() if hi else None
        if lo and hi:
            return Filter(column=col["name"], op="between", values=[lo.isoformat() + " 00:00:00",
                                                                    (hi.isoformat() + " 23:59:59")])
        if lo:
            return Filter(column=col["name"], op=">=", values=[lo.isoformat() + " 00:00:00"])
        return Filter(column=col["name"], op="<", values=[hi_s + " 00:00:00"])
    if lo and hi:
        return Filter(column=col["name"], op="between", values=[lo.isoformat(), hi.isoformat()])
    if lo:
        return Filter(column=col["name"], op=">=", values=[lo.isoformat()])
    return Filter(column=col["name"], op="<=", values=[hi.isoformat()])


def _numeric(col: dict) -> bool:
    return col["type"] in ("integer", "number")


def _next_mention(p: Parsed, pos: int, within: int = 4) -> Mention | None:
    k = pos
    steps = 0
    while k < len(p.toks) and steps <= within:
        for m in p.mentions:
            if m.start == k:
                return m
        if p.toks[k].text not in _SKIP_AFTER_CUE and not any(c.start == k for c in p.aggs):
            return None
        k += 1
        steps += 1
    return None


def _prev_mention(p: Parsed, pos: int, within: int = 3) -> Mention | None:
    best = None
    for m in p.mentions:
        if pos - within <= m.end <= pos:
            best = m
    return best


def _agg_between(p: Parsed, a: int, m: Mention) -> bool:
    return any(a <= c.start < m.start for c in p.aggs)


def _dim_before(p: Parsed, pos: int, profile: dict) -> bool:
    return any(m.end <= pos and not _numeric(profile["_by_name"][m.column]) for m in p.mentions)


def _numeric_filters(p: Parsed, profile: dict, consumed: set[int]) -> None:
    """Comparisons with a number: 'price between 60 and 120', 'older than 18', 'less than 1500 hours'."""
    text, by_name = p.text, profile["_by_name"]
    used_spans: list[tuple[int, int]] = []

    def column_near(a: int, b: int) -> Mention | str | None:
        phrase = " ".join(t.text for t in p.toks[max(0, a - 3):b])
        lex = _lexicon_column(phrase, profile)
        if lex and re.search(r"older|younger|aged?\b", phrase):
            return lex
        before = [m for m in p.mentions if m.end <= a and a - m.end <= 5 and _numeric(by_name[m.column])]
        after = [m for m in p.mentions if m.start >= b and m.start - b <= 2 and _numeric(by_name[m.column])]
        if before:
            return before[-1]
        if after:
            return after[0]
        # "less than 1500 hours" after "hours spent": the unit word repeats a numeric column's mention
        if b < len(p.toks):
            unit = p.toks[b].sing
            for m in p.mentions:
                if _numeric(by_name[m.column]) and m.words.split()[0] in (unit, p.toks[b].text):
                    return m
        return lex

    def add(col: str, op: str, vals: list, a: int, b: int, m: Mention | None):
        c = by_name[col]
        if c["type"] in ("date", "datetime"):
            return
        p.filters.append(Filter(column=col, op=op, values=[_num_value(v, c) for v in vals]))
        consumed.update(range(a, b))
        used_spans.append((a, b))
        if m is not None:
            p.filter_mentions.add(id(m))
        p.evidence.append(f"'{' '.join(t.text for t in text.toks[a:b])}' → {col} {op} {', '.join(str(v) for v in vals)}")

    for m, (a, b) in text.find(rf"\b(?:between|in the range of|in the range|from|range of) ({_NUM}) (?:and|to|-) ({_NUM})\b"):
        lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
        if lo is None or hi is None or re.fullmatch(r"\d{4}", m.group(1)) and _has_year_period(p):
            continue
        col = column_near(a, b)
        if col:
            add(col if isinstance(col, str) else col.column, "between", [lo, hi], a, b,
                None if isinstance(col, str) else col)
    for pattern, op in _COMPARATORS:
        for m, (a, b) in text.find(rf"\b(?:is |are |was |be )?(?:{pattern}) (?:the |a |an |of )?({_NUM})(?!\w)"):
            if any(not (b <= s or a >= e) for s, e in used_spans):
                continue
            v = parse_number(m.group(1))
            if v is None:
                continue
            col = column_near(a, b)
            if col is None:
                continue
            name = col if isinstance(col, str) else col.column
            neg = a > 0 and p.toks[a - 1].text in ("not", "n't") and op in (">", "<", "=")
            real_op = {">": "<=", "<": ">=", "=": "!="}[op] if neg else op
            add(name, real_op, [v], a, b, None if isinstance(col, str) else col)
    # "<column> (is) (not) (in) <number>" for whole-number columns: "problem id is 10", "not majoring in 600"
    for m in list(p.mentions):
        col = by_name[m.column]
        if not _numeric(col) and not col.get("values"):
            continue
        k = m.end
        neg = any(p.toks[j].text in _NEG for j in range(max(0, m.start - 3), m.start))
        while k < len(p.toks) and p.toks[k].text in ("is", "are", "in", "of", "=", "equal", "to", "equals", "not", "n't"):
            neg = neg or p.toks[k].text in ("not", "n't")
            k += 1
        if k < len(p.toks) and k > m.end and re.fullmatch(r"-?\d+(\.\d+)?", p.toks[k].text) and \
                k not in consumed and not any(not (k + 1 <= s or k >= e) for s, e in used_spans) and \
                (_numeric(col) or p.toks[k].text in {str(v[0]).lower() for v in col.get("values", [])}):
            v = parse_number(p.toks[k].text)
            add(m.column, "!=" if neg else "=", [v if _numeric(col) else p.toks[k].text], m.end, k + 1, m)


def _has_year_period(p: Parsed) -> bool:
    return p.period is not None


def _lexicon_column(phrase: str, profile: dict) -> str | None:
    """'older than 18', 'aged 25 to 30', 'users under 25' → the age column."""
    words = set(phrase.split())
    if re.search(r"older|younger|\baged?\b", phrase) or words & PEOPLE:
        for c in profile["columns"]:
            if "age" in c["tokens"] and _numeric(c):
                return c["name"]
    return None


def _text_filters(p: Parsed, profile: dict) -> None:
    """'with the letter a in their names', 'names starting with S'."""
    text, by_name = p.text, profile["_by_name"]
    for m, (a, b) in text.find(r"\b(?:the )?(?:letters?|characters?|string|substring|text|word) ([a-z0-9]{1,20})"
                               r"((?: or [a-z0-9]{1,20})*)"):
        vals = [m.group(1)] + re.findall(r" or ([a-z0-9]{1,20})", m.group(2) or "")
        target = None
        for mm in p.mentions:
            if mm.start >= b and mm.start - b <= 4 and by_name[mm.column]["type"] == "text":
                target = mm
                break
            if mm.end <= a and a - mm.end <= 4 and by_name[mm.column]["type"] == "text":
                target = mm
        if target is None:
            target_name = next((c["name"] for c in profile["columns"] if c["type"] == "text" and "name" in c["tokens"]), None)
        else:
            target_name = target.column
            p.filter_mentions.add(id(target))
        if target_name:
            raw_vals = [_raw_word(p, v, a) for v in vals]
            p.filters.append(Filter(column=target_name, op="contains", values=raw_vals))
            p.evidence.append(f"'{m.group(0)}' → {target_name} contains {' or '.join(raw_vals)}")
    for m, (a, b) in text.find(r"\b(?:starting|starts|beginning|begins) with (?:the letter )?([a-z0-9]{1,20})\b"):
        target = _prev_mention(p, a, within=2)
        if target and by_name[target.column]["type"] == "text":
            p.filters.append(Filter(column=target.column, op="starts_with", values=[_raw_word(p, m.group(1), a)]))
            p.filter_mentions.add(id(target))


def _raw_word(p: Parsed, word: str, near: int) -> str:
    for t in p.toks[near:]:
        if t.text == word:
            return t.raw
    return word


def _value_filters(p: Parsed, values: list[ValueMention], profile: dict) -> None:
    """Values of the data become filters; 'not'/'except'/'excluding' before them negate."""
    grouped: dict[tuple[str, bool], list[ValueMention]] = {}
    for v in values:
        window = [t.text for t in p.toks[max(0, v.start - 4):v.start]]
        neg = any(w in _NEG for w in window) and not any(w in ("only", "just") for w in window[-2:])
        grouped.setdefault((v.column, neg), []).append(v)
    for (col, neg), vs in grouped.items():
        vals = list(dict.fromkeys(v.value for v in vs))
        if len(vals) == 1:
            f = Filter(column=col, op="!=" if neg else "=", values=vals)
        else:
            f = Filter(column=col, op="not_in" if neg else "in", values=vals)
        p.filters.append(f)
        for v in vs:
            p.evidence.append(f"'{v.words}' is a value of {col}")


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
        if agg != "count" and m is not None and not _numeric(role[m.column]) and role[m.column]["type"] != "boolean":
            nxt = next((o for o in free if o.start >= m.end and o.start - m.end <= 2 and _numeric(role[o.column])), None)
            m = nxt or m
        if agg in ("max", "min") and which and which.start() < _char_of(p, cue.start) and m is not None and \
                p.toks[cue.start].text not in ("max", "maximum", "min", "minimum", "maximal", "minimal"):
            # "which region has the highest profit": rank regions by profit, not the largest single row
            p.order_desc = agg == "max" if p.order_desc is None else p.order_desc
            p.order_target = p.order_target or "y"
            continue
        if agg == "count":
            if m is None or id(m) in {id(g) for g in p.groups} and not _numeric(role[m.column]):
                count_rows = True
                continue
            col = role[m.column]
            if _numeric(col) and _cue_has_total(p, cue) and not col.get("year_like"):
                measures.append(Measure(column=m.column, agg="sum"))
                measure_mentions.append(m)
            elif _numeric(col) and col["role"] == "measure" and not col.get("groupable"):
                measures.append(Measure(column=m.column, agg="sum" if col.get("additive", True) else "avg"))
                measure_mentions.append(m)
            elif col["role"] in ("identifier",) or (p.distinct and _distinct_near(p, cue, m)):
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
        if agg in ("max", "min") and not _numeric(col) and col["type"] not in ("date", "datetime"):
            continue  # "the most common region": not an aggregate of text
        if agg in ("sum", "avg", "median") and not _numeric(col) and col["type"] != "boolean":
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
        neg = any(p.toks[k].text in _NEG for k in range(max(0, m.start - 2), m.start))
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
    text_mentions = [m for m in free if not _numeric(role[m.column]) and m not in measure_mentions]
    for g in list(p.groups):
        col = role[g.column]
        if _numeric(col) and col["role"] == "measure" and not col.get("groupable") and \
                [t for t in text_mentions if t.column != g.column] and g.column not in [x.column for x in measures]:
            p.groups.remove(g)
    # dimension(s): grouped columns first, explicit x axis wins
    group_cols = [g for g in p.groups if g not in measure_mentions or not _numeric(role[g.column])]
    dims: list[str] = []
    if p.x_axis:
        dims.append(p.x_axis)
    for g in group_cols:
        if g.column not in dims and g.column not in [m.column for m in measures if m.agg != "count_distinct"]:
            dims.append(g.column)
    limit_end = max((k + 1 for k in range(len(p.toks)) if p.toks[k].text in ("top", "bottom")), default=-9)
    others = [m for m in free if m not in measure_mentions and m not in p.groups and m.column not in dims
              and not (m.tier in ("partial", "entity") and not _numeric(role[m.column])
                       and not (p.limit and m.start <= limit_end + 2))]
    numeric_others = [m for m in others if _numeric(role[m.column]) and role[m.column]["role"] in ("measure",)
                      and not role[m.column].get("year_like")]
    id_others = [m for m in others if _numeric(role[m.column]) and role[m.column]["role"] == "identifier"]
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
            if m.column not in dims and role[m.column]["role"] != "identifier":
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
    if p.chart == "histogram" and dim and _numeric(by_name[dim]) and by_name[dim]["role"] == "measure" and \
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
    if plan.intent == "correlation" and _numeric(dcol) and not dcol.get("year_like") and \
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
        if t not in _SKIP_AFTER_CUE | {"number", "of", "total", "amount", "amounts", "value", "values", "count"} \
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
    """What a user can ask of this dataset: its columns and two example questions."""
    cols = profile["columns"]
    measures = [c["name"] for c in cols if c["role"] == "measure"]
    dims = [c["name"] for c in cols if c["role"] == "dimension" and c["distinct"] <= 50]
    temporal = [c["name"] for c in cols if c["role"] == "temporal"]
    names = ", ".join(c["name"] for c in cols[:15]) + (f" and {len(cols) - 15} more" if len(cols) > 15 else "")
    examples = []
    if measures and dims:
        examples.append(f"total {humanize(measures[0]).lower()} by {humanize(dims[0]).lower()}")
    if measures and temporal:
        examples.append(f"{humanize(measures[0]).lower()} by month")
    if dims and not examples:
        examples.append(f"how many rows per {humanize(dims[0]).lower()}")
    ex = " or ".join(f"“{e}”" for e in examples[:2]) or "“how many rows are there?”"
    lead = f"I could not find a column of this dataset in “{question.strip()[:120]}”. " if question else ""
    return f"{lead}Its columns are {names}. Try for example {ex}."
