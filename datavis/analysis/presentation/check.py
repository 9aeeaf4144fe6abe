"""The last step before an answer is sent: the chart's data, the SQL result and every number
in the insight must agree.

- Every number quoted in the insight (``$738K``, ``31%``, ``1.6×``, ``2,374``) must be one of
  the result's values, or a fact derived from them, written the way format.py writes numbers.
  A sentence quoting any other number is dropped and logged; the answer still goes out.
- A fact that claims to be a row's value (the highest, the first, a KPI) must be one.
- The spec's inline data must be the rows: the same rows (field names aside, plain_fields may
  rename them), or the rows folded one per measure, or the first bars of a capped chart plus an
  "Other" bar worth the sum of the rest, as ``usermeta.datavis`` says. A spec that fails is
  replaced by a table of the rows.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from ..plan import Plan, Value
from .format import fmt_change, fmt_number, fmt_pct
from .vegalite import table_spec

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"(?<![\w.])[-+]?[$€£¥]?\d[\d,]*(?:\.\d+)?[KMBT]?%?×?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z\s])")
_TEMPLATE_NUMBERS = {"3", "1.5×"}  # "the top 3 of …", "beyond 1.5× the interquartile range"
_DIRECT_KEYS = ("top_value", "bottom_value", "first_value", "last_value", "peak_value", "low_value")
_SYMBOLS = ("$", "€", "£", "¥")


@dataclass
class Checked:
    """The answer's parts after the check, and what the check found wrong (empty when none)."""

    chart: str
    spec: dict[str, Any]
    insight: str
    problems: list[str] = field(default_factory=list)


def numbers_in(text: str) -> list[str]:
    """The numbers quoted in a text, as written (a trailing thousands comma dropped)."""
    return [t.rstrip(",") for t in _NUMBER.findall(text)]


def _is_number(v: object) -> TypeGuard[float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _walk(node: object) -> Iterator[object]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _walk(item)
    else:
        yield node


def _spellings(v: float) -> Iterator[str]:
    """Every way the templates write a number: 738381.1 → $738K, 738K, 738,381.1 …"""
    yield fmt_number(v)
    money = fmt_number(v, money=True, symbol="$")
    for s in _SYMBOLS:  # the symbol is the money text's one sign character: swapped, not formatted again
        yield money.replace("$", s)
    yield str(v)
    if float(v).is_integer():
        yield f"{int(v):,}"
    yield fmt_pct(v)
    yield fmt_change(v)
    yield f"{v:.1f}×"
    yield f"{v:.2f}"


class _Allowed:
    """The numbers an insight may quote: the sources' spellings are written out only as far as
    needed to find the numbers asked about, and the rows only for a number found nowhere else."""

    def __init__(self, sources: Iterable[object], rows: list[dict[str, Any]]) -> None:
        self.tokens: set[str] = set(_TEMPLATE_NUMBERS)
        self._pending = [_tokens(sources), _tokens(rows)]

    def __contains__(self, token: str) -> bool:
        while token not in self.tokens and self._pending:
            batch = next(self._pending[0], None)
            if batch is None:
                self._pending.pop(0)
            else:
                self.tokens.update(batch)
        return token in self.tokens


def _tokens(sources: Iterable[object]) -> Iterator[list[str]]:
    """The number tokens of each value of the sources, value by value."""
    for v in _walk(sources):
        if isinstance(v, str):
            yield numbers_in(v)
        elif _is_number(v):
            yield [t for text in _spellings(v) for t in numbers_in(text)]


def _unverified_facts(facts: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[str]:
    """Facts whose values claim to be the rows' own but are not."""
    values: set[float] | None = None
    bad = []
    for i, fact in enumerate(facts):
        keys = [k for k in _DIRECT_KEYS if k in fact] if fact.get("direct") else []
        if fact.get("kind") == "kpi":
            keys = ["value"]
        if keys and values is None:
            values = {round(float(v), 9) for r in rows for v in r.values() if _is_number(v)}
        for key in keys:
            v = fact.get(key)
            if _is_number(v) and values is not None and round(float(v), 9) not in values:
                bad.append(f"fact {i} ({fact.get('kind')}): {key} {v!r} is not in the result")
    return bad


def check_insight(insight: str, facts: list[dict[str, Any]], rows: list[dict[str, Any]],
                  context: Iterable[Value] = ()) -> tuple[str, list[str]]:
    """The insight without the sentences quoting a number the result does not hold."""
    bad_facts = _unverified_facts(facts, rows)
    trusted = [f for i, f in enumerate(facts) if not any(b.startswith(f"fact {i} ") for b in bad_facts)]
    allowed = _Allowed([trusted, list(context), len(rows)], rows)
    kept, problems = [], list(bad_facts)
    for sentence in _SENTENCE_END.split(insight.strip()):
        wrong = [n for n in numbers_in(sentence) if n not in allowed]
        if wrong:
            problems.append(f"dropped {sentence!r}: {', '.join(wrong)} not in the result")
        elif sentence:
            kept.append(sentence)
    return " ".join(kept), problems


def _signature(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(sorted(repr(round(v, 9) if isinstance(v, float) else v) for v in values))


def check_spec(spec: dict[str, Any], rows: list[dict[str, Any]], chart: str) -> list[str]:
    """What disagrees between the spec's inline data and the rows (empty when they agree)."""
    values = (spec.get("data") or {}).get("values")
    if chart in ("table",) or values is None:
        return [] if chart == "table" else ["the spec holds no inline data"]
    if chart == "kpi":
        row = rows[0] if rows else {}
        return [f"the number {v.get('field')!r} shown is {v.get('value')!r}, the result has {row.get(v.get('field'))!r}"
                for v in values if row.get(v.get("field")) != v.get("value")]
    meta = (spec.get("usermeta") or {}).get("datavis") or {}
    if "fold" in meta:
        fold = meta["fold"]
        expected = [(*(r.get(k) for k in fold["keep"]), label, r.get(y))
                    for r in rows for label, y in fold["measures"].items()]
    elif values is rows or values == rows:
        return []
    else:
        expected = [tuple(r.values()) for r in rows]
    if "bars_cut" in meta:
        return _check_capped(meta, values, expected, rows)
    # the same rows in the same order (plain_fields may have renamed the fields, never the values)
    if [tuple(r.values()) for r in values] != expected:
        return [f"the chart shows {len(values)} data rows that differ from the {len(rows)} result rows"]
    return []


def _check_capped(meta: dict[str, Any], values: list[dict[str, Any]], expected: list[tuple[Any, ...]],
                  rows: list[dict[str, Any]]) -> list[str]:
    """A capped bar chart: its bars are result rows, and an Other bar is the sum of the rest."""
    other = meta.get("other_bar")
    shown = values[:-1] if other else values
    if Counter(_signature(r.values()) for r in shown) - Counter(_signature(v) for v in expected):
        return ["the chart shows bars that are not in the result"]
    if not other:
        return []
    k = len(shown)
    if [_signature(r.values()) for r in shown] != [_signature(r.values()) for r in rows[:k]]:
        return ["the bars before Other are not the first rows of the result"]
    sums = sorted(sum(r.get(key) or 0 for r in rows[k:]) for key in other["sums"])
    got = sorted(v for v in values[-1].values() if _is_number(v))
    if len(sums) != len(got) or not all(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
                                        for a, b in zip(sums, got, strict=True)):
        return [f"the Other bar shows {got}, the rest of the result adds up to {sums}"]
    return []


def plan_context(plan: Plan) -> list[Value]:
    """Text of the plan an insight may quote: its assumptions, period and filter values."""
    return [*plan.assumptions, plan.period or "", *(v for f in plan.filters for v in f.values)]


def check_answer(plan: Plan, chart: str, spec: dict[str, Any], insight: str, facts: list[dict[str, Any]],
                 rows: list[dict[str, Any]], title: str) -> Checked:
    """Check an answer before it is sent and repair what disagrees instead of failing it: a
    sentence quoting a number the result does not hold is dropped; a chart whose data is not
    the result becomes a table of the result."""
    try:
        text, problems = check_insight(insight, facts, rows, plan_context(plan))
        spec_problems = check_spec(spec, rows, chart)
    except Exception:  # noqa: BLE001 - a bug in the check must not cost the user the answer
        log.exception("answer check crashed; the answer goes out unchecked")
        return Checked(chart=chart, spec=spec, insight=insight, problems=["the check crashed"])
    if spec_problems:
        spec, chart = table_spec(rows, title), "table"
    for problem in (*problems, *spec_problems):
        log.error("answer check: %s", problem)
    return Checked(chart=chart, spec=spec, insight=text, problems=[*problems, *spec_problems])
