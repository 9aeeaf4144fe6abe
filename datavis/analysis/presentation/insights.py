"""Facts computed from the result (extremes and rank, share of total, change and trend,
spread and outliers, correlation strength, KPI with its period), phrased into two or three
sentences that quote the real numbers. A model, when configured, only rewords these facts."""
from __future__ import annotations

import datetime as dt
import math
import statistics

from ..sql.compiler import MONTHS, Query
from ..sql.derived import condition_words, derived_money, is_percent
from .format import currency, fmt_change, fmt_number, fmt_pct, is_money
from ..planning.plan import Plan
from .wording import counted_noun


def _label(v, grain: str | None) -> str:
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
    if isinstance(v, float):
        return fmt_number(v)
    return str(v)


def _money(plan: Plan, profile: dict) -> tuple[bool, str]:
    if not plan.measures or plan.measures[0].column is None or plan.measures[0].agg in ("count", "count_distinct"):
        return False, "$"
    col = profile["_by_name"].get(plan.measures[0].column, {})
    if plan.measures[0].kind is not None:
        return derived_money(plan.measures[0], profile["_by_name"]), currency(col)
    return is_money(col), currency(col)


def compute_facts(plan: Plan, q: Query, rows: list[dict], chart: str, profile: dict,
                  extra: dict | None = None, partial: bool = False) -> list[dict]:
    """``partial``: the rows are cut or sampled, so no total or share of it can be told."""
    facts: list[dict] = []
    money, sym = _money(plan, profile)
    pct = is_percent(plan.measures[0] if plan.measures else None)

    def f(v):
        if pct and isinstance(v, (int, float)):
            return fmt_pct(v / 100)
        return fmt_number(v, money=money, symbol=sym)

    grain = plan.dimension.grain if plan.dimension else None
    if q.kind == "kpi":
        row = rows[0] if rows else {}
        for y, m in zip(q.ys, plan.measures):
            col = profile["_by_name"].get(m.column or "", {})
            mm = is_money(col) and m.agg not in ("count", "count_distinct")
            fact = {"kind": "kpi", "label": y, "value": row.get(y),
                    "text": fmt_number(row.get(y), money=mm, symbol=currency(col)), "period": plan.period}
            if col.get("type") == "boolean" and m.agg == "avg" and isinstance(row.get(y), (int, float)):
                # a Yes/No column averaged is the share of rows where it holds
                fact.update(share_of=m.column, text=fmt_pct(row.get(y)), noun=counted_noun(profile))
            if m.kind is not None:  # a derived measure: its own units, never money of a count
                fact.update(_derived_kpi(m, row.get(y), profile))
            facts.append(fact)
        return facts
    if q.kind == "histogram":
        s = extra or {}
        total = sum(r["Count"] for r in rows)
        peak = max(rows, key=lambda r: r["Count"]) if rows else None
        facts.append({"kind": "distribution", "column": q.extra["column"], "n": total,
                      "median": s.get("median"), "q1": s.get("q1"), "q3": s.get("q3"), "min": s.get("min"),
                      "max": s.get("max"), "outliers": s.get("outliers"),
                      "peak_from": peak["bin_start"] if peak else None, "peak_to": peak["bin_end"] if peak else None,
                      "peak_count": peak["Count"] if peak else None})
        return facts
    if q.kind == "boxplot":
        if rows and q.x:
            hi, lo = max(rows, key=lambda r: r["median"] or 0), min(rows, key=lambda r: r["median"] or 0)
            facts.append({"kind": "spread", "column": q.extra["column"], "highest": hi[q.x], "highest_median": hi["median"],
                          "lowest": lo[q.x], "lowest_median": lo["median"], "groups": len(rows)})
        elif rows:
            r = rows[0]
            facts.append({"kind": "spread", "column": q.extra["column"], "median": r["median"], "q1": r["q1"],
                          "q3": r["q3"], "min": r["min"], "max": r["max"], "n": r["n"]})
        return facts
    if q.kind == "table":
        facts.append({"kind": "rows", "n": len(rows)})
        return facts
    if q.kind == "raw" and q.x is None and len(q.ys) >= 2:
        xs = [(r[q.ys[0]], r[q.ys[1]]) for r in rows if isinstance(r.get(q.ys[0]), (int, float))
              and isinstance(r.get(q.ys[1]), (int, float))]
        r_val = (extra or {}).get("corr")
        n = (extra or {}).get("n") or len(xs)
        if r_val is None and len(xs) >= 3:
            r_val = _pearson(xs)
        facts.append({"kind": "correlation", "x": q.ys[0], "y": q.ys[1], "r": r_val, "n": n,
                      "strength": _strength(r_val)})
        return facts
    y = q.ys[0]
    vals = [(r.get(q.x), r.get(y)) for r in rows if isinstance(r.get(y), (int, float)) and not isinstance(r.get(y), bool)]
    if not vals:
        facts.append({"kind": "empty"})
        return facts
    if q.color:
        totals: dict = {}
        for r in rows:
            if isinstance(r.get(y), (int, float)):
                totals[r.get(q.color)] = totals.get(r.get(q.color), 0) + r[y]
        if totals:
            lead = max(totals, key=lambda k: totals[k])
            s = sum(v for v in totals.values() if v > 0)
            facts.append({"kind": "series_leader", "series": q.color, "name": _label(lead, None), "total": totals[lead],
                          "text": f(totals[lead]),
                          "share": totals[lead] / s if s and totals[lead] >= 0 and not partial else None,
                          "count": len(totals)})
        agg_by_x: dict = {}
        for xv, v in vals:
            agg_by_x[xv] = agg_by_x.get(xv, 0) + v
        vals = list(agg_by_x.items())
    additive = plan.measures and plan.measures[0].agg in ("sum", "count", "count_distinct") and \
        not plan.measures[0].kind or \
        (plan.measures and plan.measures[0].agg == "none" and plan.share)
    temporal = q.x_type == "temporal" or (plan.intent == "trend" and q.x_type == "ordinal" and not q.x_sort)
    if temporal and len(vals) >= 2:
        pts = sorted(vals, key=lambda t: (t[0] is None, t[0]))
        (x0, v0), (x1, v1) = pts[0], pts[-1]
        peak = max(pts, key=lambda t: t[1])
        low = min(pts, key=lambda t: t[1])
        change = (v1 - v0) / abs(v0) if v0 else None
        jumps = [(pts[i][0], pts[i][1] - pts[i - 1][1]) for i in range(1, len(pts))]
        big = max(jumps, key=lambda t: abs(t[1])) if jumps else None
        facts.append({"kind": "trend", "first": _label(x0, grain), "first_value": v0, "first_text": f(v0),
                      "last": _label(x1, grain), "last_value": v1, "last_text": f(v1), "change": change,
                      "peak": _label(peak[0], grain), "peak_value": peak[1], "peak_text": f(peak[1]),
                      "low": _label(low[0], grain), "low_value": low[1], "low_text": f(low[1]),
                      "points": len(pts), "direction": _direction([v for _, v in pts]),
                      "biggest_change_at": _label(big[0], grain) if big else None,
                      "biggest_change": big[1] if big else None})
    else:
        ordered = sorted(vals, key=lambda t: -t[1])
        top, bottom = ordered[0], ordered[-1]
        total = sum(v for _, v in vals)
        positive = all(v >= 0 for _, v in vals)
        fact = {"kind": "extremes", "top": _label(top[0], grain), "top_value": top[1], "top_text": f(top[1]),
                "bottom": _label(bottom[0], grain), "bottom_value": bottom[1], "bottom_text": f(bottom[1]),
                "count": len(vals), "partial": partial}
        if additive and positive and total > 0 and not partial:
            fact["top_share"] = top[1] / total
            fact["total_text"] = f(total)
            if len(vals) >= 4:
                fact["top3_share"] = sum(v for _, v in ordered[:3]) / total
        if bottom[1] > 0 and len(vals) > 1:
            fact["ratio"] = top[1] / bottom[1]
        facts.append(fact)
        if plan.intent == "correlation" and len(vals) >= 3 and all(isinstance(x, (int, float)) for x, _ in vals):
            r_val = _pearson([(float(x), float(v)) for x, v in vals])
            facts.append({"kind": "correlation", "x": q.x, "y": y, "r": r_val, "n": len(vals),
                          "strength": _strength(r_val)})
    return facts


def _derived_kpi(m, value, profile: dict) -> dict:
    """A rate reads as the share of rows where its condition holds; a percentage as one."""
    if not isinstance(value, (int, float)):
        return {"text": fmt_number(value)}
    if m.kind == "rate" and m.column is None and m.condition is not None:
        return {"text": fmt_pct(value / 100), "share_of": condition_words(m.condition), "noun": counted_noun(profile)}
    if is_percent(m):
        return {"text": fmt_pct(value / 100)}
    col = profile["_by_name"].get(m.column or "", {})
    return {"text": fmt_number(value, money=derived_money(m, profile["_by_name"]), symbol=currency(col))}


def _pearson(xs: list[tuple[float, float]]) -> float | None:
    try:
        return statistics.correlation([a for a, _ in xs], [b for _, b in xs])
    except (statistics.StatisticsError, ValueError, ZeroDivisionError):
        return None


def _strength(r: float | None) -> str | None:
    if r is None or math.isnan(r):
        return None
    a = abs(r)
    word = "very weak" if a < 0.1 else "weak" if a < 0.3 else "moderate" if a < 0.5 else "strong" if a < 0.8 else "very strong"
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


def word_insight(facts: list[dict], plan: Plan, measure: str, dimension: str | None) -> str:
    """Two or three sentences from the facts (the template wording)."""
    s: list[str] = []
    for fct in facts:
        k = fct["kind"]
        if k == "kpi":
            period = f" for {fct['period'].split(' (')[0]}" if fct.get("period") else ""
            noun = measure[len("Number of "):] if measure.startswith("Number of ") else "rows"
            if fct["label"] == "Count":
                cond = "" if not plan.filters else " that match"
                s.append(f"There are {fct['text']} {noun}{cond}{period}.")
            elif fct.get("share_of"):
                s.append(f"{fct['share_of']} holds for {fct['text']} of the {fct['noun']}{period}.")
            else:
                s.append(f"{fct['label']}{period} is {fct['text']}.")
        elif k == "extremes":
            lead = f"{fct['top']} has the highest {measure.lower()} with {fct['top_text']}"
            if fct.get("partial"):
                lead = f"Among the {fct['count']:,} shown, {lead}"
            if fct.get("top_share") is not None and fct["count"] > 1:
                lead += f", {fmt_pct(fct['top_share'])} of the total {fct['total_text']}"
            s.append(lead + ".")
            if fct["count"] > 1:
                tail = f"{fct['bottom']} is lowest with {fct['bottom_text']}"
                if fct.get("ratio") and fct["ratio"] >= 1.05 and math.isfinite(fct["ratio"]):
                    tail += f" (the top is {fct['ratio']:.1f}× that)"
                if fct.get("top3_share") is not None and fct["count"] > 4:
                    tail += f"; the top 3 of {fct['count']} make up {fmt_pct(fct['top3_share'])}"
                s.append(tail + ".")
        elif k == "trend":
            ch = f" ({fmt_change(fct['change'])})" if fct.get("change") is not None else ""
            s.append(f"{measure} went from {fct['first_text']} in {fct['first']} to {fct['last_text']} in "
                     f"{fct['last']}{ch}, {fct['direction']} over {fct['points']} periods.")
            s.append(f"The peak was {fct['peak_text']} in {fct['peak']} and the low {fct['low_text']} in {fct['low']}.")
        elif k == "series_leader":
            share = f" ({fmt_pct(fct['share'])} of the total)" if fct.get("share") is not None else ""
            s.append(f"Of the {fct['count']} {fct['series']} series, {fct['name']} is the largest with {fct['text']}{share}.")
        elif k == "correlation":
            if fct.get("r") is None:
                s.append(f"There are too few points to measure how {fct['x']} and {fct['y']} move together.")
            else:
                s.append(f"{fct['x']} and {fct['y']} have a {fct['strength']} correlation (r = {fct['r']:.2f}, "
                         f"{fct['n']:,} points).")
        elif k == "distribution":
            if fct.get("median") is not None:
                s.append(f"The median {fct['column']} is {fmt_number(fct['median'])}; half of the values lie between "
                         f"{fmt_number(fct['q1'])} and {fmt_number(fct['q3'])} (range {fmt_number(fct['min'])} to "
                         f"{fmt_number(fct['max'])}, {fct['n']:,} values).")
            if fct.get("outliers"):
                s.append(f"{fct['outliers']:,} values are outliers (beyond 1.5× the interquartile range).")
            elif fct.get("peak_from") is not None:
                s.append(f"The most common range is {fmt_number(fct['peak_from'])} to {fmt_number(fct['peak_to'])} "
                         f"({fct['peak_count']:,} values).")
        elif k == "spread":
            if "highest" in fct:
                s.append(f"{fct['highest']} has the highest median {fct['column']} ({fmt_number(fct['highest_median'])}) "
                         f"and {fct['lowest']} the lowest ({fmt_number(fct['lowest_median'])}), across "
                         f"{fct['groups']} groups.")
            else:
                s.append(f"The median {fct['column']} is {fmt_number(fct['median'])}, with half of the values between "
                         f"{fmt_number(fct['q1'])} and {fmt_number(fct['q3'])}.")
        elif k == "rows":
            s.append(f"Here are {fct['n']:,} matching rows.")
        elif k == "empty":
            s.append("No rows match this question, so there is nothing to chart.")
    s = s[:2]
    note = _notes(plan)
    if note:
        s.append(note)
    return " ".join(s[:3])


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
