"""Facts computed from the result (extremes and rank, share of total, change and trend,
spread and outliers, correlation strength, KPI with its period), phrased into two or three
sentences that quote the real numbers. A model, when configured, only rewords these facts.

With several measures each gets its own facts (tagged with its label); an "Other" group or
series (the rest past the top N, see sql/compiler.py) counts in totals and shares but is never
called the highest or the lowest."""
from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections.abc import Callable
from typing import Any, TypeGuard

from ..labels import measure_name
from ..language.names import split_name
from ..language.rownoun import counted_noun
from ..plan import Filter, Measure, Plan, cyclic_axis, ranks_by_measure
from ..sql.compiler import MONTHS, Query
from ..sql.derived import condition_words, is_percent, truth
from .format import fmt_change, fmt_number, fmt_pct, money_symbol

ADDITIVE = ("sum", "count", "count_distinct")
Fact = dict[str, Any]  # one computed fact: {"kind": ..., the numbers, their wording}
Row = dict[str, Any]  # a result row by column name
Format = Callable[[object], str]  # a number as the chart's measure is written


def _label(v: object, grain: str | None) -> str:
    if v is None:
        return "(missing)"
    if isinstance(v, str) and grain and len(v) >= 10 and v[4] == "-":
        try:
            d = dt.date.fromisoformat(v[:10])
        except ValueError:
            return v
        if grain == "year":
            return str(d.year)
        if grain == "quarter":
            return f"Q{(d.month - 1) // 3 + 1} {d.year}"
        if grain == "month":
            return f"{MONTHS[d.month - 1][:3]} {d.year}"
        if grain == "week":
            return f"the week of {d.isoformat()}"
        return d.isoformat() if grain == "day" else v
    if grain == "hour_of_day" and isinstance(v, int) and not isinstance(v, bool):
        return f"{v:02d}:00"  # "at 14:00", not "in 14"
    if isinstance(v, float):
        return fmt_number(v)
    return str(v)


def _number(v: object) -> TypeGuard[int | float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def compute_facts(plan: Plan, q: Query, rows: list[Row], chart: str, profile: dict[str, Any],
                  extra: dict[str, Any] | None = None, partial: bool = False) -> list[Fact]:
    """``partial``: the rows are cut or sampled, so no total or share of it can be told."""
    if q.kind == "kpi":
        return _kpi_facts(plan, q, rows, profile)
    if q.kind == "histogram":
        return [_histogram_fact(q, rows, extra or {})]
    if q.kind == "boxplot":
        return _boxplot_facts(q, rows)
    if q.kind == "table":
        return [{"kind": "rows", "n": len(rows)}]
    if q.kind == "raw" and q.x is None and len(q.ys) >= 2:
        return [_scatter_fact(q, rows, extra or {})]
    measures = plan.measures or [Measure(column=None, agg="count")]
    several = q.several
    facts: list[Fact] = []
    for i, y in enumerate(q.ys if several else q.ys[:1]):
        m = measures[min(i, len(measures) - 1)]
        label = measure_name(m, profile, y) if several else None
        facts += _measure_facts(plan, q, rows, y, m, profile, partial, label)
    cut = q.extra.get("series_cut")
    if cut:
        facts.append({"kind": "series_cut", "series": q.color, **cut})
    dots = _dots_fact(plan, q, rows)
    return [dots, *facts] if dots else facts


def _dots_fact(plan: Plan, q: Query, rows: list[Row]) -> Fact | None:
    """One dot per group, two measures plotted one against the other ("avg order value vs number of orders
    per customer"): how the two move together across the groups comes first, as the scatter's point."""
    if plan.intent != "correlation" or q.x is None or q.color or len(q.ys) < 2:
        return None
    a, b = q.ys[0], q.ys[1]
    xs = [(float(r[a]), float(r[b])) for r in rows if _number(r.get(a)) and _number(r.get(b))]
    r_val = _pearson(xs) if len(xs) >= 3 else None
    return {"kind": "correlation", "x": a, "y": b, "r": r_val, "n": len(xs), "strength": _strength(r_val),
            "per": q.x}


def _kpi_facts(plan: Plan, q: Query, rows: list[Row], profile: dict[str, Any]) -> list[Fact]:
    row = rows[0] if rows else {}
    facts = []
    for y, m in zip(q.ys, plan.measures, strict=False):
        col = profile["_by_name"].get(m.column or "", {})
        sym = money_symbol(m, profile)
        value = row.get(y)
        fact = {"kind": "kpi", "label": y, "value": value, "noun": counted_noun(profile),
                "text": fmt_number(value, money=sym is not None, symbol=sym or "$"), "period": plan.period}
        if col.get("type") == "boolean" and m.agg == "avg" and _number(value) and m.column and m.kind is None:
            # a Yes/No column averaged is the share of rows where it holds
            held = Filter(column=m.column, op="=", values=[True])
            fact.update(share_of=m.column, condition=held.model_dump(), text=fmt_pct(value))
        if m.kind is not None:  # a derived measure: its own units, never money of a count
            fact.update(_derived_kpi(m, value, profile))
        facts.append(fact)
    return facts


def _derived_kpi(m: Measure, value: object, profile: dict[str, Any]) -> Fact:
    """A rate reads as the share of rows where its condition holds; a percentage as one."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return {"text": fmt_number(value)}
    if m.kind == "rate" and m.column is None and m.condition is not None:
        return {"text": fmt_pct(value / 100), "share_of": condition_words(m.condition),
                "condition": m.condition.model_dump()}
    cond = m.condition
    if m.kind == "rate" and cond is not None and cond.op in ("=", "in") and \
            not any(isinstance(v, bool) for v in cond.values):
        # a share of an amount held by some values: "Mobile accounts for 42% of total sessions"
        return {"text": fmt_pct(value / 100), "share_of": condition_words(cond), "condition": cond.model_dump(),
                "noun": f"total {' '.join(split_name(m.column or '')).lower()}"}
    if is_percent(m):
        return {"text": fmt_pct(value / 100)}
    sym = money_symbol(m, profile)
    return {"text": fmt_number(value, money=sym is not None, symbol=sym or "$")}


def _histogram_fact(q: Query, rows: list[Row], s: dict[str, Any]) -> Fact:
    total = sum(r["Count"] for r in rows)
    peak = max(rows, key=lambda r: r["Count"]) if rows else None
    return {"kind": "distribution", "column": q.extra["column"], "n": total,
            "median": s.get("median"), "q1": s.get("q1"), "q3": s.get("q3"), "min": s.get("min"),
            "max": s.get("max"), "outliers": s.get("outliers"),
            "peak_from": peak["bin_start"] if peak else None, "peak_to": peak["bin_end"] if peak else None,
            "peak_count": peak["Count"] if peak else None}


def _boxplot_facts(q: Query, rows: list[Row]) -> list[Fact]:
    if rows and q.x:
        hi, lo = max(rows, key=lambda r: r["median"] or 0), min(rows, key=lambda r: r["median"] or 0)
        return [{"kind": "spread", "column": q.extra["column"], "highest": hi[q.x], "highest_median": hi["median"],
                 "lowest": lo[q.x], "lowest_median": lo["median"], "groups": len(rows)}]
    if rows:
        r = rows[0]
        return [{"kind": "spread", "column": q.extra["column"], "median": r["median"], "q1": r["q1"],
                 "q3": r["q3"], "min": r["min"], "max": r["max"], "n": r["n"]}]
    return []


def _scatter_fact(q: Query, rows: list[Row], extra: dict[str, Any]) -> Fact:
    xs = [(r[q.ys[0]], r[q.ys[1]]) for r in rows if _number(r.get(q.ys[0])) and _number(r.get(q.ys[1]))]
    r_val = extra.get("corr")
    n = extra.get("n") or len(xs)
    if r_val is None and len(xs) >= 3:
        r_val = _pearson(xs)
    return {"kind": "correlation", "x": q.ys[0], "y": q.ys[1], "r": r_val, "n": n, "strength": _strength(r_val)}


def _measure_facts(plan: Plan, q: Query, rows: list[Row], y: str, m: Measure, profile: dict[str, Any],
                   partial: bool, label: str | None) -> list[Fact]:
    """The facts of one measure column of an aggregate or raw result."""
    sym = money_symbol(m, profile)
    pct = is_percent(m)

    def f(v: object) -> str:
        if pct and isinstance(v, (int, float)) and not isinstance(v, bool):
            return fmt_pct(v / 100)
        return fmt_number(v, money=sym is not None, symbol=sym or "$")

    additive = (m.agg in ADDITIVE and not m.kind) or (m.agg == "none" and plan.share)
    # the top N alone: their sum is not the total, so no share of it is told ("among the 3 shown")
    partial = partial or (plan.limit is not None and not plan.other)
    # (x, value, series) of the rows holding a number; a scatter has no x column
    pairs = [(r.get(q.x) if q.x is not None else None, v, r.get(q.color) if q.color else None)
             for r in rows if _number(v := r.get(y))]
    if not pairs:  # rows listed by a date ("the 10 most recent calls") hold no number to tell
        return [{"kind": "rows", "n": len(rows)}] if rows else [{"kind": "empty"}]
    facts: list[Fact] = []
    if q.color and additive:
        leader = _series_leader(q, pairs, partial, f)
        facts += [leader] if leader else []
        by_x: dict[Any, float] = {}
        for xv, v, _ in pairs:
            by_x[xv] = by_x.get(xv, 0) + v
        vals = list(by_x.items())
    elif q.color:  # an average per series does not add up across series: rank the (x, series) pairs
        vals = [(f"{_label(xv, None)} ({_label(c, None)})", v) for xv, v, c in pairs]
    else:
        vals = [(xv, v) for xv, v, _ in pairs]
    temporal = q.x_type == "temporal" or (plan.intent == "trend" and q.x_type == "ordinal" and not q.x_sort
                                                           and not cyclic_axis(plan))
    if temporal and len(vals) >= 2 and not ranks_by_measure(plan):
        fact = _trend_fact(vals, plan.dimension.grain if plan.dimension else None, f)
    else:
        fact = _extremes_fact(vals, q.extra.get("other_x"), additive, partial, f,
                              plan.dimension.grain if plan.dimension else None)
    fact["direct"] = not q.color  # its values are the rows' own (check.py verifies them)
    facts.append(fact)
    if plan.intent == "correlation" and len(vals) >= 3 and all(_number(x) for x, _ in vals):
        r_val = _pearson([(float(x), float(v)) for x, v in vals])
        facts.append({"kind": "correlation", "x": q.x, "y": y, "r": r_val, "n": len(vals),
                      "strength": _strength(r_val)})
    for fact in facts:
        if label:
            fact["measure"] = label
    return facts


def _series_leader(q: Query, pairs: list[tuple[Any, float, Any]], partial: bool, f: Format) -> Fact | None:
    """The largest series of a coloured chart by its total (an "Other" series is not a leader)."""
    other = q.extra.get("other_color")
    totals: dict[Any, float] = {}
    for _, v, c in pairs:
        totals[c] = totals.get(c, 0) + v
    named = {k: v for k, v in totals.items() if not (other is not None and k == other)}
    if len(named) < 2:  # one series leads nothing
        return None
    lead = max(named, key=lambda k: named[k])
    s = sum(v for v in totals.values() if v > 0)
    return {"kind": "series_leader", "series": q.color, "name": _label(lead, None), "total": named[lead],
            "text": f(named[lead]), "share": named[lead] / s if s and named[lead] >= 0 and not partial else None,
            "count": len(named), "other": other if len(named) < len(totals) else None}


def _trend_fact(vals: list[tuple[Any, float]], grain: str | None, f: Format) -> Fact:
    pts = sorted(vals, key=lambda t: (t[0] is None, t[0]))
    (x0, v0), (x1, v1) = pts[0], pts[-1]
    peak = max(pts, key=lambda t: t[1])
    low = min(pts, key=lambda t: t[1])
    change = (v1 - v0) / v0 if v0 > 0 and v1 >= 0 else None  # a % change from or to below zero reads wrong
    jumps = [(pts[i][0], pts[i][1] - pts[i - 1][1]) for i in range(1, len(pts))]
    big = max(jumps, key=lambda t: abs(t[1])) if jumps else None
    return {"kind": "trend", "first": _label(x0, grain), "first_value": v0, "first_text": f(v0),
            "last": _label(x1, grain), "last_value": v1, "last_text": f(v1), "change": change,
            "peak": _label(peak[0], grain), "peak_value": peak[1], "peak_text": f(peak[1]),
            "low": _label(low[0], grain), "low_value": low[1], "low_text": f(low[1]),
            "points": len(pts), "direction": _direction([v for _, v in pts]),
            "biggest_change_at": _label(big[0], grain) if big else None,
            "biggest_change": big[1] if big else None}


def _extremes_fact(vals: list[tuple[Any, float]], other: object, additive: bool, partial: bool, f: Format,
                   grain: str | None) -> Fact:
    """Highest and lowest group; an "Other" group adds to the total only."""
    total = sum(v for _, v in vals)
    positive = all(v >= 0 for _, v in vals)
    rest = [v for x, v in vals if other is not None and x == other]
    named = [(x, v) for x, v in vals if not (other is not None and x == other)] or vals
    ordered = sorted(named, key=lambda t: -t[1])
    top, bottom = ordered[0], ordered[-1]
    fact = {"kind": "extremes", "top": _label(top[0], grain), "top_value": top[1], "top_text": f(top[1]),
            "bottom": _label(bottom[0], grain), "bottom_value": bottom[1], "bottom_text": f(bottom[1]),
            "count": len(named), "partial": partial}
    if rest:
        fact.update(other=other, other_value=rest[0], other_text=f(rest[0]))
    if additive and positive and total > 0 and not partial:
        fact["top_share"] = top[1] / total
        fact["total_text"] = f(total)
        if len(named) >= 4:
            fact["top3_share"] = sum(v for _, v in ordered[:3]) / total
    if bottom[1] > 0 and len(named) > 1:
        fact["ratio"] = top[1] / bottom[1]
    return fact


def _pearson(xs: list[tuple[float, float]]) -> float | None:
    try:
        return statistics.correlation([a for a, _ in xs], [b for _, b in xs])
    except (statistics.StatisticsError, ValueError, ZeroDivisionError):
        return None


def _strength(r: float | None) -> str | None:
    if r is None or math.isnan(r):
        return None
    a = abs(r)
    word = ("very weak" if a < 0.1 else "weak" if a < 0.3 else "moderate" if a < 0.5 else "strong" if a < 0.8
            else "very strong")
    return f"{word} {'positive' if r > 0 else 'negative'}"


def _direction(values: list[float]) -> str:
    n = len(values)
    if n < 3:
        return "flat"
    xbar = (n - 1) / 2
    ybar = sum(values) / n
    num = sum((i - xbar) * (v - ybar) for i, v in enumerate(values))
    den = sum((i - xbar) ** 2 for i in range(n))
    slope = num / den if den else 0
    scale = abs(ybar) or 1
    rel = slope * n / scale
    return "rising" if rel > 0.1 else "falling" if rel < -0.1 else "roughly flat"


# --- wording ---------------------------------------------------------------------------------

def _kpi_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    period = _during(fct["period"]) if fct.get("period") else ""
    if fct["label"] == "Count":
        cond = "" if not plan.filters else " that match"
        return [f"There are {fct['text']} {fct['noun']}{cond}{period}."]
    if fct.get("condition"):
        return [_share_sentence(Filter(**fct["condition"]), fct["text"], fct["noun"] + _base_words(plan)) +
                f"{period}."]
    return [f"{fct['label']}{period} is {fct['text']}."]


def _base_words(plan: Plan) -> str:
    """The rows a share is taken of, when filters narrow them: " with Role Manager" ("F accounts for 51% of
    employees with Role Manager"); the period is said on its own."""
    said = [condition_words(f) for f in plan.filters if not (plan.period and _dated(f))]
    return f" with {' and '.join(said)}" if said else ""


def _dated(f: Filter) -> bool:
    return any(isinstance(v, dt.date) or isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", v)
               for v in f.values)


# a period that starts with one of these is said as it is ("in 2023"), others after "for"
_PERIOD_WORDS = {"in", "during", "before", "after", "since", "from", "between", "on", "until", "over", "for",
                 "through"}


def _during(period: str) -> str:
    """" in 2023", " before 2018", " for the last month of the data"."""
    text = period.split(" (")[0]
    return f" {text}" if text.split(" ", 1)[0].lower() in _PERIOD_WORDS else f" for {text}"


_IS_WORDS = {"is": "are", "was": "were", "has": "have", "had": "had"}


def _share_sentence(cond: Filter, share: str, noun: str) -> str:
    """A share of rows in plain words: "West accounts for 33% of orders", "28% of employees are
    remote", "12% of employees have Age over 50"."""
    vals = [str(v) for v in cond.values]
    kept = truth(cond)
    if kept is not None:  # a Yes/No column, also written Y/N
        words = [w.lower() for w in split_name(cond.column)]
        if words and words[0] in _IS_WORDS:  # "Is Manager" → "are manager"
            verb, words = _IS_WORDS[words[0]], words[1:]
        else:  # "Onboarding Completed" → "have onboarding completed"; "Remote" → "are remote"
            verb = "have" if len(words) >= 2 and words[-1].endswith("ed") else "are"
        if not kept:
            verb = "do not have" if verb == "have" else f"{verb} not"
        return f"{share} of {noun} {verb} {' '.join(words)}"
    if cond.op in ("=", "in") and vals:
        many = len(vals) > 1
        return f"{' or '.join(vals)} account{'' if many else 's'} for {share} of {noun}"
    if cond.op in ("!=", "not_in") and vals:
        return f"{share} of {noun} have a {cond.column} other than {' or '.join(vals)}"
    return f"{share} of {noun} have {condition_words(cond)}"


def _extremes_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    if fct.get("measure"):  # one sentence per measure when there are several
        if fct["count"] > 1 and fct["top_value"] == fct["bottom_value"]:
            return [f"All {fct['count']} have the same {fct['measure'].lower()} ({fct['top_text']})."]
        text = f"{fct['top']} has the highest {fct['measure'].lower()} ({fct['top_text']})"
        if fct["count"] > 1:
            text += f" and {fct['bottom']} the lowest ({fct['bottom_text']})"
        return [text + "."]
    # the one group of a bottom-1 ("which channel has the lowest clicks") is the lowest
    bottom_one = fct["count"] == 1 and plan.limit is not None and plan.order is not None and not plan.order.desc
    lead = f"{fct['top']} has the {'lowest' if bottom_one else 'highest'} {measure.lower()} with {fct['top_text']}"
    if fct.get("partial") and fct["count"] > 1:
        lead = f"Among the {fct['count']:,} shown, {lead}"
    if fct.get("top_share") is not None and fct["count"] > 1:
        lead += f", {fmt_pct(fct['top_share'])} of the total {fct['total_text']}"
    out = [lead + "."]
    if fct["count"] > 1:
        tail = f"{fct['bottom']} is lowest with {fct['bottom_text']}"
        if fct.get("ratio") and fct["ratio"] >= 1.05 and math.isfinite(fct["ratio"]):
            tail += f" (the top is {fct['ratio']:.1f}× that)"
        if fct.get("top3_share") is not None and fct["count"] > 4:
            tail += f"; the top 3 of {fct['count']} make up {fmt_pct(fct['top3_share'])}"
        elif fct.get("other"):
            tail += f"; the rest, shown as {fct['other']}, add up to {fct['other_text']}"
        out.append(tail + ".")
    return out


def _trend_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    ch = f" ({fmt_change(fct['change'])})" if fct.get("change") is not None else ""
    if fct.get("measure"):
        return [f"{fct['measure']} went from {fct['first_text']} in {fct['first']} to {fct['last_text']} in "
                f"{fct['last']}{ch}, {fct['direction']}."]
    return [f"{measure} went from {fct['first_text']} in {fct['first']} to {fct['last_text']} in "
            f"{fct['last']}{ch}, {fct['direction']} over {fct['points']} periods.",
            f"The peak was {fct['peak_text']} in {fct['peak']} and the low {fct['low_text']} in {fct['low']}."]


def _series_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    share = f" ({fmt_pct(fct['share'])} of the total)" if fct.get("share") is not None else ""
    rest = f" (and {fct['other']})" if fct.get("other") else ""
    return [f"Of the {fct['count']} {fct['series']} series{rest}, {fct['name']} is the largest with "
            f"{fct['text']}{share}."]


def _series_cut_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    return [f"Only the {fct['kept']} largest of {fct['of']:,} {fct['series']} series are shown (an average "
            "of the rest would not compare with them)."]


def _correlation_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    if fct.get("r") is None:
        return [f"There are too few points to measure how {fct['x']} and {fct['y']} move together."]
    per = f", one per {fct['per']}" if fct.get("per") else ""
    return [f"{fct['x']} and {fct['y']} have a {fct['strength']} correlation (r = {fct['r']:.2f}, "
            f"{fct['n']:,} points{per})."]


def _distribution_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    out = []
    if fct.get("median") is not None:
        out.append(f"The median {fct['column']} is {fmt_number(fct['median'])}; half of the values lie between "
                   f"{fmt_number(fct['q1'])} and {fmt_number(fct['q3'])} (range {fmt_number(fct['min'])} to "
                   f"{fmt_number(fct['max'])}, {fct['n']:,} values).")
    if fct.get("outliers"):
        out.append(f"{fct['outliers']:,} values are outliers (beyond 1.5× the interquartile range).")
    elif fct.get("peak_from") is not None:
        out.append(f"The most common range is {fmt_number(fct['peak_from'])} to {fmt_number(fct['peak_to'])} "
                   f"({fct['peak_count']:,} values).")
    return out


def _spread_sentences(fct: Fact, plan: Plan, measure: str) -> list[str]:
    if "highest" in fct:
        return [f"{fct['highest']} has the highest median {fct['column']} ({fmt_number(fct['highest_median'])}) "
                f"and {fct['lowest']} the lowest ({fmt_number(fct['lowest_median'])}), across "
                f"{fct['groups']} groups."]
    return [f"The median {fct['column']} is {fmt_number(fct['median'])}, with half of the values between "
            f"{fmt_number(fct['q1'])} and {fmt_number(fct['q3'])}."]


_SENTENCES: dict[str, Callable[[Fact, Plan, str], list[str]]] = {
    "kpi": _kpi_sentences, "extremes": _extremes_sentences, "trend": _trend_sentences,
    "series_leader": _series_sentences, "series_cut": _series_cut_sentences,
    "correlation": _correlation_sentences, "distribution": _distribution_sentences,
    "spread": _spread_sentences,
    "rows": lambda fct, plan, measure: [f"Here are {fct['n']:,} matching rows." if fct["n"] != 1
                                        else "Here is the one matching row."],
    "empty": lambda fct, plan, measure: ["No rows match this question, so there is nothing to chart."],
}


def word_insight(facts: list[Fact], plan: Plan, measure: str, dimension: str | None) -> str:
    """Two or three sentences from the facts (the template wording); with several measures,
    one sentence for each (up to three)."""
    s: list[str] = []
    for fct in facts:
        if fct["kind"] != "series_cut":
            s += _SENTENCES[fct["kind"]](fct, plan, measure)
    measures = len({f["measure"] for f in facts if f.get("measure")})
    keep = max(2, min(measures, 3))
    s = s[:keep]
    # what the chart leaves out is always said
    s += [t for fct in facts if fct["kind"] == "series_cut" for t in _series_cut_sentences(fct, plan, measure)]
    note = _notes(plan)
    if note:
        s.append(note)
    return " ".join(s[:keep + 2])


def _notes(plan: Plan) -> str:
    parts = []
    reads = [a for a in plan.assumptions if a.startswith("I read")]
    if reads:
        parts.append("; ".join(dict.fromkeys(reads[:2])))
    parts += [a for a in plan.assumptions if a.startswith("I could not use")][:2]
    anchored = [a for a in plan.assumptions if "anchored to" in a]
    if anchored:
        parts.append(anchored[0][0].upper() + anchored[0][1:])
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
