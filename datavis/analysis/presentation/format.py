"""Numbers for humans: 1.2M, 725K, 3,450, 12.5, 32%, $1.4K (a currency only for money measures,
`money_symbol`, the one rule the insight, the KPI card and the chart's axes and tooltips follow)."""
from __future__ import annotations

import math
from typing import Any

from ..plan import Measure
from ..sql.derived import derived_money


def is_money(col: dict[str, Any]) -> bool:
    return bool(col.get("money")) or col.get("unit") in ("$", "€", "£", "¥")


def currency(col: dict[str, Any]) -> str:
    unit = col.get("unit")
    return unit if isinstance(unit, str) and unit in ("$", "€", "£", "¥") else "$"


def money_symbol(m: Measure | None, profile: dict[str, Any]) -> str | None:
    """The currency of a measure whose values are money, None when they are not: a count never is,
    a derived measure is when its parts say so (sql.derived.derived_money)."""
    if m is None or m.column is None or m.agg in ("count", "count_distinct"):
        return None
    col = profile["_by_name"].get(m.column, {})
    money = derived_money(m, profile["_by_name"]) if m.kind is not None else is_money(col)
    return currency(col) if money else None


def fmt_number(v: object, money: bool = False, symbol: str = "$") -> str:
    if v is None:
        return "n/a"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if not isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, float) and not math.isfinite(v):
        return "n/a"
    sign = "-" if v < 0 else ""
    a = abs(v)
    prefix = symbol if money else ""
    for limit, div, suffix in ((1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "K")):
        if a >= limit:
            x = a / div
            text = f"{x:.1f}" if x < 100 else f"{x:.0f}"
            if text.endswith(".0"):
                text = text[:-2]
            if suffix == "K" and x >= 999.5:
                return f"{sign}{prefix}{a / 1e6:.1f}M"
            return f"{sign}{prefix}{text}{suffix}"
    if float(a).is_integer():
        return f"{sign}{prefix}{int(a):,}"
    if a >= 100:
        return f"{sign}{prefix}{a:,.0f}"
    if a >= 1:
        return f"{sign}{prefix}{a:,.2f}".rstrip("0").rstrip(".")
    if a == 0:
        return "0"
    return f"{sign}{prefix}{a:.3g}"


def fmt_pct(share: float) -> str:
    """A share in [0, 1] as a percentage: 0.3217 -> '32%', 0.052 -> '5.2%'."""
    p = share * 100
    if abs(p) >= 10:
        return f"{p:.0f}%"
    if abs(p) >= 1:
        return f"{p:.1f}%".replace(".0%", "%")
    return f"{p:.2g}%"


def fmt_change(ratio: float) -> str:
    """A relative change: 0.25 -> '+25%', -0.1 -> '-10%'."""
    return ("+" if ratio >= 0 else "-") + fmt_pct(abs(ratio))
