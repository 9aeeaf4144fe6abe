"""Conditions that compare two columns of a row, read from the question (issue 11): "on hand below
the reorder point", "items below reorder level" (the quantity held is the unsaid subject of a level
it is compared with), "paid after the due date", "invoices paid late" (an event's date past the
row's due date). Each becomes a Filter with `other` set; the words it spends are no longer columns
to chart or values to filter on.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..plan import Filter, Op
from .lexicon import (
    ABBREVIATIONS,
    DUE_DATE_WORDS,
    EVENT_WORDS,
    IRREGULAR_PARTICIPLES,
    LEVEL_SUBJECTS,
    MONTH_NAMES,
    TIMING_WORDS,
)
from .matching import Mention, ValueMention

if TYPE_CHECKING:
    from .parsing import Parsed

_TIME_ORDER = {"before", "after", "earlier", "later", "since", "until", "prior"}  # said of dates only
_NUMBER = {"integer", "number"}
_BETWEEN = {"the", "its", "their", "is", "are", "was", "were", "a", "an", "it", "s"}


def column_comparisons(p: Parsed, profile: dict[str, Any], values: list[ValueMention],
                       comparators: list[tuple[str, Op]], levels_only: bool = False) -> None:
    """Add the two-column conditions the words state to `p.filters`; the mentions they spend join
    `p.filter_mentions` and the values read in their words are dropped from `values`. `levels_only`: the words
    compare an amount with a level, never dates ("missed plan"; "missed the due date" is no earlier date)."""
    for pattern, op in comparators:
        for _, (a, b) in p.text.find(rf"\b(?:{pattern})\b"):
            right = _mention_from(p, b)
            if right is None or _is_date(right, profile) is None or levels_only and _is_date(right, profile):
                continue
            if not _is_date(right, profile) and (not _a_level(right, profile) or p.toks[a].text in _TIME_ORDER):
                continue  # a number is compared only with a level ("stock over the reorder level"); "profit before
                # tax", "revenue after discount", "sum of budget over the creation" name no condition
            before = _mention_before(p, a)
            if before is not None and _is_date(before, profile) is not _is_date(right, profile):
                before = None  # "items below reorder level": items are not what is compared
            dated = _dated_word(p, a - 1, profile) if _is_date(right, profile) else None  # "paid after the due date"
            left = before.column if before is not None else dated or _level_subject(right, profile)
            if left is None or left == right.column:
                continue
            spent = [right] + ([before] if before is not None else [])
            _add(p, values, Filter(column=left, op=op, other=right.column), spent, a - (dated is not None), b)
    _late_events(p, profile, values)


def _is_date(m: Mention, profile: dict[str, Any]) -> bool | None:
    """True for a date column, False for a measure, None for anything else (a year, an id, text)."""
    col = profile["_by_name"][m.column]
    if col["type"] in ("date", "datetime"):
        return True
    return False if col["type"] in ("integer", "number") and col["role"] == "measure" else None


def _mention_from(p: Parsed, k: int) -> Mention | None:
    while k < len(p.toks) and p.toks[k].text in _BETWEEN:
        k += 1
    return next((m for m in p.mentions if m.start == k), None)


def _mention_before(p: Parsed, k: int) -> Mention | None:
    while k > 0 and p.toks[k - 1].text in _BETWEEN:
        k -= 1
    return next((m for m in p.mentions if m.end == k), None)


def spelled_words(col: dict[str, Any]) -> list[str]:
    """A column's words with export shorthand spelled out ("estHours": estimate, hour; "act_hrs": hour)."""
    return [ABBREVIATIONS.get(w, w) for w in col["tokens"]]


def _a_level(m: Mention, profile: dict[str, Any]) -> bool:
    return bool(set(spelled_words(profile["_by_name"][m.column])) & LEVEL_SUBJECTS.keys())


def _level_subject(level: Mention, profile: dict[str, Any]) -> str | None:
    """The column a level is the level of, when the words leave it unsaid ("items below reorder
    level": the quantity on hand; "jobs over estimate": actualHours beside estHours, the one sharing
    the level's other words before actualCost)."""
    col = profile["_by_name"][level.column]
    subjects = next((LEVEL_SUBJECTS[w] for w in spelled_words(col) if w in LEVEL_SUBJECTS), None)
    if subjects is None:
        return None
    kind = _NUMBER if col["type"] in _NUMBER else {col["type"]}  # whole estimated hours beside logged fractions
    same = [c for c in profile["columns"] if c["type"] in kind and c["role"] == "measure"
            and c["name"] != level.column and set(spelled_words(c)) & subjects]
    same.sort(key=lambda c: -len(set(spelled_words(c)) & set(spelled_words(col))))
    return same[0]["name"] if same else None


def _late_events(p: Parsed, profile: dict[str, Any], values: list[ValueMention]) -> None:
    """"invoices paid late", "orders shipped after the due date": a date column named by its verb,
    then late (after) or early (before), compared with the row's due date."""
    due = next((c for c in profile["columns"] if c["type"] in ("date", "datetime")
                and set(c["tokens"]) & DUE_DATE_WORDS), None)
    if due is None:
        return
    for k in range(len(p.toks) - 1):
        dated = _dated_word(p, k, profile)
        after = p.toks[k + 1].text
        if after in TIMING_WORDS and dated is not None and dated != due["name"]:
            op: Op = ">" if TIMING_WORDS[after] == ">" else "<"
            spent = [m for m in p.mentions if m.start <= k < m.end]
            _add(p, values, Filter(column=dated, op=op, other=due["name"]), spent, k, k + 2)
        event = _event_noun(p, k + 1, profile) if p.toks[k].text in TIMING_WORDS else None
        if event is not None and _every_row_has(profile, event):  # "late orders" over Ordered: the rows, which
            event = _arrival_date(profile, due) or event      # came late when they arrived (Received)
        if event is not None and event != due["name"]:  # "late payments", "early deliveries"
            spent = [m for m in p.mentions if m.start <= k + 1 < m.end]
            _add(p, values, Filter(column=event, op=">" if TIMING_WORDS[p.toks[k].text] == ">" else "<",
                                   other=due["name"]), spent, k, k + 2)
    _late_arrivals(p, profile, values, due)


def _late_arrivals(p: Parsed, profile: dict[str, Any], values: list[ValueMention], due: dict[str, Any]) -> None:
    """"how many POs arrived late", "% late by vendor", "late deliveries per month": "late" or "early" said with no
    date column named, in a table with a due date and one date of arrival, which is then compared with it."""
    if any(f.other == due["name"] for f in p.filters):
        return  # a verb or a noun named the event ("paid late")
    arrival = _arrival_date(profile, due)
    if arrival is None:
        return
    words = [t.text for t in p.toks]
    for k, word in enumerate(words):
        said = "on time" if words[k:k + 2] == ["on", "time"] else word
        if said not in _ARRIVAL_TIMING or any(m.start <= k < m.end for m in p.mentions) or \
                any(v.start <= k < v.end for v in values) or \
                _of_a_period(words, k + len(said.split())) and not (k > 0 and words[k - 1] in _BE_OR_CAME):
            continue  # a Late Fee column, a Status = Late value, an On Time flag, "early 2024": what the words name
        end = k + len(said.split())
        noun = end < len(words) and words[end] in _ARRIVAL_NOUNS  # "late deliveries": the arrival's own noun
        _add(p, values, Filter(column=arrival, op=_ARRIVAL_TIMING[said], other=due["name"]), [], k, end + noun)
        if noun and p.date_column is None:
            p.date_column = arrival  # "late deliveries per month": months of the deliveries
        return


# words before "late" / "early" that make it the arrival's timing even before a period ("how many deliveries were
# late last month", "arrived early this week"); "sales late last year" still names a period
_BE_OR_CAME = {"was", "were", "is", "are", "been", "arrived", "arrive", "came", "come", "got"}
# "overdue" is past the due date and not yet done (durations.since_day), no comparison of two dates
_ARRIVAL_TIMING: dict[str, Op] = {"late": ">", "early": "<", "on time": "<="}
_ARRIVAL_NOUNS = {"delivery", "deliveries", "arrival", "arrivals", "receipt", "receipts"}


def _of_a_period(words: list[str], k: int) -> bool:
    """Whether word k begins a period ("early 2024", "late march", "late last year"): "late" then says when."""
    skip = 2 if words[k:k + 2] in (["in", "the"], ["on", "in"]) else 1 if k < len(words) and words[k] == "in" else 0
    k += skip  # "early in the year", "late in q4"
    return k < len(words) and (words[k].isdigit() or words[k] in MONTH_NAMES or words[k] in _PERIOD_WORDS or
                               re.fullmatch(r"q[1-4]|h[12]|fy\d*", words[k]) is not None)


# words of a period "early" or "late" may open ("late summer", "early in the year", "late this quarter")
_PERIOD_WORDS = {"last", "this", "next", "spring", "summer", "autumn", "fall", "winter", "year", "quarter", "month",
                 "week", "morning", "afternoon", "evening", "night", "season", "period", "term", "semester"}


def _every_row_has(profile: dict[str, Any], column: str) -> bool:
    return profile["_by_name"][column].get("non_null") == profile.get("row_count")


def _arrival_date(profile: dict[str, Any], due: dict[str, Any]) -> str | None:
    """The one date column a row gets when its thing is done or comes in (Received, Delivered On, Completed), told
    by a participle among its words and blanks in the rows not done yet; None unless exactly one."""
    rows = profile.get("row_count") or 0
    found = [c["name"] for c in profile["columns"] if c["type"] in ("date", "datetime") and c is not due
             and (c.get("non_null") or 0) < rows and any(w.endswith("ed") and len(w) > 4 or w in IRREGULAR_PARTICIPLES
                                                        for w in c["tokens"])]
    return found[0] if len(found) == 1 else None


def _event_noun(p: Parsed, k: int, profile: dict[str, Any]) -> str | None:
    """The date column an event's noun names ("payments" → Paid Date by the lexicon's EVENT_WORDS, "deliveries"
    → Delivered by a shared beginning of 4+ letters): a column named by a participle, and not the rows'
    own noun ("overdue invoices", "overdue bills" with a Bill No name the rows)."""
    word, one = p.toks[k].text, p.toks[k].sing
    if word in TIMING_WORDS or any(c.get("unique") and one in c["tokens"] for c in profile["columns"]):
        return None  # "overdue bills" with a Bill No: the rows themselves
    event = EVENT_WORDS.get(word)
    for c in profile["columns"]:
        if c["type"] not in ("date", "datetime"):
            continue
        for w in c["tokens"]:
            if len(w) < 4 or not (w.endswith("ed") or w in IRREGULAR_PARTICIPLES):
                continue
            if w == event or word[:max(4, len(w) - 2)] == w[:max(4, len(w) - 2)] and word.startswith(w[:4]):
                return str(c["name"])
    return None


def _dated_word(p: Parsed, k: int, profile: dict[str, Any]) -> str | None:
    """The date column a participle at token k names by one of its own words ("paid" → Paid Date,
    "shipped" → Shipped On), also when the word is a value of another column (Status = Paid)."""
    if not 0 <= k < len(p.toks) or not (re.fullmatch(r"[a-z]+ed", p.toks[k].text)
                                        or p.toks[k].text in IRREGULAR_PARTICIPLES):
        return None
    return next((c["name"] for c in profile["columns"] if c["type"] in ("date", "datetime")
                 and p.toks[k].text in c["tokens"]), None)


def _add(p: Parsed, values: list[ValueMention], f: Filter, spent: list[Mention], a: int, b: int) -> None:
    if any(x.column == f.column and x.other == f.other for x in p.filters):
        return
    p.filters.append(f)
    p.filter_mentions.update(id(m) for m in spent)
    lo, hi = min([a, *(m.start for m in spent)]), max([b, *(m.end for m in spent)])
    p.compared.append((lo, hi, f))
    values[:] = [v for v in values if not (lo <= v.start < hi)]  # "late" is not the value Overdue here
    p.evidence.append(f"'{' '.join(t.text for t in p.toks[lo:hi])}' → {f.column} {f.op} {f.other}")
