"""Derived measures named in words, read from a parsed question: a rate of rows meeting a
condition ("return rate", "percentage of orders cancelled"), a ratio of two sums ("cost per kg",
"profit margin", "average order value"), the time between two dates ("delivery time in days",
"how long to resolve"), a sum or difference of two columns ("adults plus children", profit as money taken
minus money spent), a quantity times its price ("revenue" = Units × Unit Price when no amount column
answers), "A as a percentage of B", and the money column a word of money names.

Each reader looks for a general word pattern (lexicon: RATE_WORDS, SHARE_OF_WORDS, DURATION_WORDS…)
and the columns or values the pattern points at; none knows a dataset. The rule planner's
`_derived_measure` phase puts what is found in the plan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from ..datasets.profile import is_identifier
from ..language.lexicon import (
    ABBREVIATIONS,
    COST_WORDS,
    DEDUCTION_WORDS,
    DUE_WORDS,
    DURATION_WORDS,
    EVENT_WORDS,
    FILL_WORDS,
    LENGTH_WORDS,
    MEASURE_UNIT_WORDS,
    NET_WORDS,
    OVERDUE_WORDS,
    PAY_WORDS,
    PEOPLE,
    PRICE_WORDS,
    PROFIT_WORDS,
    QUANTITY_WORDS,
    RATE_BASE_WORDS,
    RATE_VALUE_WORDS,
    RATE_WORDS,
    ROW_VALUE_WORDS,
    SELF_RATIO_WORDS,
    SHARE_OF_WORDS,
    SHORT_WORDS,
    SPEED_WORDS,
    STOCK_WORDS,
    TIME_UNIT_WORDS,
    VERB_MEASURES,
    negates,
)
from ..language.matching import Mention, get_index, negated_booleans, value_key
from ..language.parsing import (
    Parsed,
    excludes,
    is_flag,
    is_numeric,
    main_temporal,
    negated_between,
    yes_letter,
)
from ..language.phrasing import measure_named, revenue_column
from ..plan import Agg, Filter, Measure, TimeUnit
from ..plan import Derived as DerivedKind
from .pairs import plan_pairs, span_pair

_SCOPE_END = {"by", "per", "each", "every", "across", "among", "within", "vs", "versus", ",", "?", ".",
              "broken", "split", "grouped", "and"}
_CMP = (">", ">=", "<", "<=", "between")


@dataclass
class Derived:
    """A derived measure, the columns it spends (not axes any more), the filters that became
    its condition (no longer filters) and what was assumed."""

    measure: Measure
    columns: set[str]
    spent_filters: list[Filter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    order_desc: bool | None = None  # the order its words ask for ("pays fastest": lowest first)
    words: set[int] = field(default_factory=set)  # tokens its phrase spent ("time" in "delivery time")


def find_derived(p: Parsed, profile: dict) -> Derived | None:
    """The first derived measure the words name, or None."""
    for reader in (_since, _span, _date_diff, _added, _planned_gap, _net_of, _shortfall, _stock_value, _as_share_of,
                   _per_day, _ratio, _margin, _profit, _row_value, _priced_quantity, _rate):
        found = reader(p, profile)
        if found is not None:
            return found
    return None


# ------------------------------------------------------------------ shared helpers
def _measure_col(col: dict) -> bool:
    return is_numeric(col) and col["role"] == "measure" and not col.get("year_like")


def binary(col: dict) -> bool:
    """A Yes/No column, or a 0/1 number column ("trial" 1/0): a flag whose rate a share word asks for."""
    return col["type"] == "boolean" or is_flag(col)


def _flag_filter(col: dict, yes: bool) -> Filter:
    """The rows where the flag is set (or not): true/false, which a 0/1 column compares equal to."""
    return Filter(column=col["name"], op="=", values=[yes])


def _mention_at(p: Parsed, k: int) -> Mention | None:
    return next((m for m in p.mentions if m.start <= k < m.end), None)


def _close_words(a: str, b: str) -> bool:
    """"cancellation" ~ "cancelled", "escalation" ~ "escalated", "churn" ~ "churned": a shared
    beginning of 5+ letters, each word at most 5 letters longer (word endings only)."""
    if a == b:
        return len(a) >= 3
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n == min(len(a), len(b)) >= 4:  # "ship" ~ "shipping", "order" ~ "ordered"
        return max(len(a), len(b)) - n <= 4
    return n >= 5 and len(a) - n <= 5 and len(b) - n <= 5


def _agg_before(p: Parsed, k: int, default: Agg) -> Agg:
    """The aggregation cue just before token k ("average delivery time"), else `default`."""
    cue = next((c for c in p.aggs if c.end <= k and k - c.end <= 3), None)
    if cue is not None and cue.value in ("max", "min") and \
            any(t.text in ("which", "who", "whose") for t in p.toks[:cue.start]):
        return default  # "which carrier has the longest delivery time" ranks carriers by it
    return cast(Agg, cue.value) if cue is not None and cue.value in ("avg", "median", "min", "max", "sum") else default


# ------------------------------------------------------------------ rates
def _rate(p: Parsed, profile: dict) -> Derived | None:
    """"<condition> rate" or "percentage / share / % of <rows or a measure> <condition>". Not a pie
    (it shows a breakdown), nor two values of one column ("the proportion of male and female")."""
    toks = p.toks
    if p.chart == "arc":
        return None
    for k, t in enumerate(toks):
        named = _mention_at(p, k)  # "bounce rate" is a column; "rate" alone only half-names bounce_rate
        if t.text in RATE_WORDS and k > 0 and (named is None or named.tier == "partial" and named.start == k):
            found = _condition(p, profile, max(0, k - 3), k, rate_word=True)
            rate = _rate_of(None, *found) if found is not None else \
                _counted_per_base(p, profile, k) or _part_rate(p, profile, k)
            if rate is not None and named is not None:
                rate.columns.add(named.column)
            if rate is not None and found is not None:
                rate.words |= {k - 1, k}  # "pass rate" ~ Passed: the word the condition was read from
            if rate is not None or found is not None:
                return rate  # None when it is a breakdown
        if _percent_after(p, k):  # "no show %", "churn %": the flag's rate
            found = _condition(p, profile, max(0, k - 3), k + 1, rate_word=True)
            flag = profile["_by_name"][found[0].column] if found is not None else None
            if found is not None and (binary(flag) or yes_letter(flag) is not None or found[0].other is not None):
                # "no show %" of a Y/N column, "late returns %" (Returned On > Due Back)
                return _rate_of(None, *found)
        after = p.toks[k + 1].text if k + 1 < len(p.toks) else ""
        if k > 0 and t.text in SHARE_OF_WORDS and after != "of":
            part = _part_rate(p, profile, k)  # "discount percentage by vet": Discount as a % of the gross
            if part is not None:
                return part
        if _percent_after(p, k) and k + 1 < len(p.toks) and (part := _part_rate(p, profile, k + 1)) is not None:
            return part  # "fuel surcharge % by carrier"
        share = t.text in SHARE_OF_WORDS or (t.text == "of" and p.question[:t.start].rstrip().endswith("%"))
        if share:
            found_share = _share_of(p, profile, k) or _part_of_whole(p, profile, k)
            if found_share is not None:
                return found_share
    return None


_PART_VERBS = {"is", "are", "was", "were", "goes", "went", "comes", "came", "spent"}


def _part_of_whole(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"what % of freight spend is fuel", "what share of revenue comes from fees": the sum of the measure said
    after the verb as a percentage of the whole said after "of" (a measure, or a word of money)."""
    toks = p.toks
    of = next((j for j in range(k, min(k + 2, len(toks))) if toks[j].text == "of"), None)
    verb = next((j for j in range(of + 1, len(toks)) if toks[j].text in _PART_VERBS), None) if of is not None else None
    if of is None or verb is None:
        return None
    whole = next((m for m in p.mentions if of < m.start < verb and _measure_col(profile["_by_name"][m.column])), None)
    whole = whole or next((x for j in range(of + 1, verb) if (x := _money_mention(p, profile, j))), None)
    part = next((m for m in p.mentions if verb < m.start <= verb + 3 and _measure_col(profile["_by_name"][m.column])),
                None)
    if whole is None or part is None or whole.column == part.column:
        return None
    m = Measure(column=part.column, agg="sum", kind="ratio", other=whole.column, other_agg="sum", percent=True)
    return Derived(m, {part.column, whole.column}, words=set(range(of + 1, verb)))


def _percent_after(p: Parsed, k: int) -> bool:
    """A "%" right after word k that is not "% of" nor a number's ("over 50%")."""
    after = p.question[p.toks[k].end:].lstrip()
    return after.startswith("%") and not re.match(r"%\s*of\b", after) and not p.toks[k].text[:1].isdigit()


def _share_of(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"percentage of <rows> <condition>" from the share word at k: the condition said after the
    noun of the rows ("what fraction of enterprise accounts are in EMEA": the words before it keep
    the rows, as filters), a measure's sum when the words name one or its money ("what percent of
    engineering spend went on software")."""
    toks = p.toks
    start = k + 1 if toks[k].text == "of" else k + 1 + (k + 1 < len(toks) and toks[k + 1].text == "of")
    end = next((j for j in range(start, len(toks)) if _ends_scope(p, j)), len(toks))
    numerator = _mention_at(p, start)
    column = None
    ncol = profile["_by_name"][numerator.column] if numerator is not None else None
    if numerator is not None and ncol is not None and _measure_col(ncol) and not binary(ncol):
        column, start = numerator.column, numerator.end
    rows = next((m for m in p.mentions if start <= m.start < end and (m.tier == "entity" or column is None and (
        _measure_col(col := profile["_by_name"][m.column]) and not binary(col)))), None)
    if column is None and rows is not None and rows.tier != "entity":  # "percent of research spend" (Cost)
        column = rows.column
    elif column is None and rows is not None and not toks[rows.start].text.endswith("s"):  # "% of expenses" counts
        money = money_column(toks[rows.start].text, profile)
        column = money["name"] if money is not None else None
    found = _condition(p, profile, rows.end, end, rate_word=False) if rows is not None else None
    found = found or _condition(p, profile, start, end, rate_word=False)
    return _rate_of(column, *found) if found is not None else None


# Words of money that name no column ("monthly spend", "which vendors cost us the most", "the accounts
# paying the least", "revenue per account" in a table whose money column is "MRR").
MONEY_WORDS = COST_WORDS | {"spend", "spends", "spending", "spent", "paying", "pay", "pays", "revenue", "revenues",
                            "income", "turnover", "money"}
_REVENUE_NOUNS = {"revenue", "revenues", "income", "turnover"}
_MONEY_TOKENS = COST_WORDS | {"amount", "revenue", "sales", "price", "mrr", "arr", "fee", "fees", "spend", "income"}


def money_column(word: str, profile: dict) -> dict | None:
    """The money column a word of money names: the lexicon's words for the verb first, then the
    table's only money column (a currency, or a money name: "MRR"), or its revenue column."""
    if word not in MONEY_WORDS:
        return None
    by_name = profile["_by_name"]
    money = [c for c in profile["columns"] if _measure_col(c) and (c.get("money") or set(c["tokens"]) & _MONEY_TOKENS)]
    named = measure_named(VERB_MEASURES.get(word, [word]), profile)
    if named is not None and by_name[named] in money:
        return cast("dict", by_name[named])
    if len(money) == 1:
        return money[0]
    if word not in _REVENUE_NOUNS:
        return None
    # no money column by name or unit: the takings are a "Total" or a "Booking Value", not "Total Hours"
    takings = [c for c in profile["columns"] if _measure_col(c) and c.get("additive", True)
               and not set(c["tokens"]) & QUANTITY_WORDS]
    return revenue_column(money) or (revenue_column(takings) if not money else None)


def _counted_per_base(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"conversion rate" where conversions are a count column: conversions per session (or visit,
    visitor, impression…: the table's base count, RATE_BASE_WORDS), as a percentage."""
    m = next((x for x in p.mentions if x.end == k), None)
    if m is None or not _measure_col(profile["_by_name"][m.column]):
        return None
    bases = [c for c in profile["columns"] if _measure_col(c) and c["name"] != m.column and c.get("additive", True)
             and set(c["tokens"]) & RATE_BASE_WORDS]  # counts, not "avg_session_duration"
    if not bases:
        return None
    # a funnel's step is taken over the step before it: conversions per click, not per impression
    total = _total(profile["_by_name"][m.column])
    above = [c for c in bases if _total(c) > total]
    base = min(above, key=_total) if above else bases[0]
    measure = Measure(column=m.column, agg="sum", kind="ratio", other=base["name"], other_agg="sum", percent=True)
    return Derived(measure, {m.column, base["name"]},
                   notes=[f"I took the rate as {m.column} per {base['name']}"])


def _part_rate(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"discount rate", "collection rate" (~ Amount Paid, lexicon EVENT_WORDS): an amount named before the
    rate word as a percentage of the gross money column it is part of."""
    word = p.toks[k - 1]
    m = next((x for x in p.mentions if x.end == k), None)
    col = profile["_by_name"][m.column] if m is not None else \
        next((c for c in profile["columns"] if _measure_col(c) and (EVENT_WORDS.get(word.text) in c["tokens"] or any(
            _close_words(word.text, w) for w in c["tokens"]))), None)  # "scrap" ~ Parts Scrapped
    if col is None or not _measure_col(col) or not col.get("additive", True):
        return None
    gross = _gross(profile) if col.get("money") else _whole_of(col, profile) or _gross(profile)
    if gross is None or gross is col or _total(col) > _total(gross):
        return None
    measure = Measure(column=col["name"], agg="sum", kind="ratio", other=gross["name"], other_agg="sum", percent=True)
    return Derived(measure, {col["name"], gross["name"]}, words={k - 1, k},
                   notes=[f"I took the {word.text} rate as {col['name']} as a % of {gross['name']}"])


def _whole_of(part: dict, profile: dict) -> dict | None:
    """The count a part is taken from: the additive measure sharing a word of its name with the nearest
    larger total ("Units Rejected" of "Units Produced", "Hours Idle" of "Hours Run")."""
    words = set(part["tokens"]) - {"total", "#", "no", "number", "count"}
    wholes = [c for c in profile["columns"] if _measure_col(c) and c is not part and c.get("additive", True)
              and set(c["tokens"]) & words and _total(c) > _total(part)]
    return min(wholes, key=_total) if wholes else None


def _per_day(p: Parsed, profile: dict) -> Derived | None:
    """"visits per day", "how many orders a day": the rows (or the things an id column counts) per day with
    any, over a date column of whole days (a count of distinct days)."""
    toks = p.toks
    days = [c for c in profile["columns"] if c["type"] == "date" and not c.get("year_like")]
    for k in range(1, len(toks) - 1):
        if toks[k].text not in ("per", "a", "each") or toks[k + 1].text != "day" or not days:
            continue
        thing = next((m for m in p.mentions if m.end == k or m.end == k - 1), None)
        col = profile["_by_name"][thing.column] if thing is not None else None
        if col is None and not _rows_noun(toks[k - 1].sing, profile):
            continue
        span = span_pair(profile)  # a rental happens on its day out; else the table's main date
        day = span[0] if span is not None and span[0] in days else main_temporal(profile)
        if day is None or day not in days:
            continue
        counted = col is not None and _names_things(col) and not col.get("unique")
        m = Measure(column=col["name"] if counted and col else None, agg="count_distinct" if counted else "count",
                    kind="ratio", other=day["name"], other_agg="count_distinct")
        if col is not None and not counted and not is_identifier(col):
            continue
        return Derived(m, {day["name"]} | ({col["name"]} if col else set()), words={k, k + 1},
                       notes=[f"I counted the days as the days of {day['name']} with any"])
    return None


def _total(col: dict) -> float:
    return float(col.get("mean") or 0.0) * float(col.get("non_null") or 0)


def _ends_scope(p: Parsed, j: int) -> bool:
    t = p.toks[j].text
    nxt = p.toks[j + 1].text if j + 1 < len(p.toks) else ""
    return t in _SCOPE_END or (t in ("in", "for", "of") and nxt in ("each", "every")) or \
        (t == "over" and nxt in ("time", "the")) or \
        any(g.start == j for g in p.groups)


def _rate_of(column: str | None, cond: Filter, spent: list[Filter]) -> Derived | None:
    if any(f.column == cond.column and f.op in ("in", "not_in") for f in spent):
        return None  # several values of the condition's column: a breakdown by it
    m = Measure(column=column, agg="sum" if column else "count", kind="rate", condition=cond)
    return Derived(m, {cond.column} | ({column} if column else set()), spent)


def _condition(p: Parsed, profile: dict, a: int, b: int, rate_word: bool) -> tuple[Filter, list[Filter]] | None:
    """The condition named in tokens [a, b): a Yes/No column, a value of the data (also one the
    parser left as a stop word, "high priority"), a word close to either ("cancellation" ~
    Cancelled), or — after "percentage of" — a comparison with a number ("over 50")."""
    by_name = profile["_by_name"]
    if rate_word:  # "<word> rate": the word right before it (or the mention or value ending there)
        ending = [x.start for x in p.mentions if x.end == b] + [x.start for x in p.values if x.end == b]
        a = min(ending, default=b - 1)
        # "late delivery rate": a value right before the column word that names the rate
        a = min([v.start for v in p.values if v.end == a], default=a)
    neg = negated_between(p, profile, a, b)
    compared = next((f for lo, hi, f in p.compared if lo < b and a < hi), None)
    if compared is not None:  # "% of invoices paid late": Paid Date > Due Date
        return compared, [compared]
    for m in p.mentions:
        if a <= m.start < b and binary(by_name[m.column]) and m not in p.groups:
            return _flag_filter(by_name[m.column], not neg), _filters_on(p, m.column)
        yes = yes_letter(by_name[m.column])
        if a <= m.start < b and yes is not None and m not in p.groups:  # "% of promo days": Promo = Y
            return Filter(column=m.column, op="!=" if neg else "=", values=[yes]), _filters_on(p, m.column)
        if a <= m.start < b and _dated_event(p, m, profile):  # "% of timesheets not yet approved"
            return Filter(column=m.column, op="is_null" if neg else "not_null", values=[]), []
    for v in p.values:
        if a <= v.start < b:
            return Filter(column=v.column, op="!=" if neg else "=", values=[v.value]), _filters_on(p, v.column)
    unsaid = next((c for j in range(a, b) for c in negated_booleans(p.toks[j].text, profile)), None)
    if unsaid is not None:  # "share of invoices unpaid": Paid = No
        return Filter(column=unsaid, op="=", values=[neg]), _filters_on(p, unsaid)
    hit = _value_word(p, profile, a, b)
    if hit is not None:
        col, value = hit
        if by_name[col]["type"] == "boolean":
            return Filter(column=col, op="=", values=[not neg]), _filters_on(p, col)
        return Filter(column=col, op="!=" if neg else "=", values=[value]), _filters_on(p, col)
    present = next((f for f in p.filters if f.op == ">" and f.values == [0] and f.other is None and
                    any(a <= m.start < b and m.column == f.column for m in p.mentions)), None)
    if present is not None and not rate_word:  # "% of picks with a mispick": Mispicks > 0
        return present, [present]
    scope = " ".join(t.text for t in p.toks[a:b])
    if not rate_word and re.search(r"\b(over|above|under|below|more|less|fewer|least|most|older|younger|"
                                   r"between|greater|higher|lower)\b.*\d", scope):
        cmp = next((f for f in p.filters if f.op in _CMP and is_numeric(by_name[f.column])
                    and by_name[f.column]["role"] != "temporal"), None)
        if cmp is not None:
            return cmp, [cmp]
    return None


def _dated_event(p: Parsed, m: Mention, profile: dict) -> bool:
    """A date column left blank until something happens, named by its verb ("approved" → Approved
    On, "shipped" → Ship Date): whether the row has the date says whether it happened."""
    col = profile["_by_name"][m.column]
    blank = col["non_null"] < (profile.get("row_count") or 0)
    return col["type"] in ("date", "datetime") and blank and p.toks[m.start].text.endswith("ed")


def _filters_on(p: Parsed, column: str) -> list[Filter]:
    return [f for f in p.filters if f.column == column and f.op in ("=", "!=", "in", "not_in")]


def _value_word(p: Parsed, profile: dict, a: int, b: int) -> tuple[str, str] | None:
    """A word in [a, b) that is, or is close to, a value of a low-cardinality text column or the
    name of a Yes/No column: (column, value)."""
    idx = get_index(profile)
    for j in range(a, b):
        word = p.toks[j].text
        if not re.fullmatch(r"[a-z][a-z-]+", word) or excludes(word):
            continue
        keys = [value_key(word)] + [value_key(w) for w in RATE_VALUE_WORDS.get(word, [])]
        hits = [h for key in keys for h in idx.values.get(key, []) if profile["_by_name"][h[0]]["type"] == "text"]
        if hits:
            return hits[0][0], hits[0][1]
        for c in profile["columns"]:
            if c["type"] == "boolean" and any(_close_words(word, t) for t in c["tokens"][-1:]):
                return c["name"], "true"
            letter = yes_letter(c)
            if letter is not None and any(_close_words(word, t) for t in c["tokens"][-1:]):
                return c["name"], letter
            if c["type"] == "text" and c["role"] == "dimension" and c["distinct"] <= 30:
                for v, _n in c.get("values", []):
                    if " " not in str(v) and _close_words(word, str(v).lower()):
                        return c["name"], v
    return None


# ------------------------------------------------------------------ ratios
def _ratio(p: Parsed, profile: dict) -> Derived | None:
    """"cost per kg", "revenue per unit": a measure per another measure is the ratio of their sums;
    "revenue per order" (an id named by its noun) divides by the number of orders, "spend per
    employee by department" by the number of people (a column of people beside another group);
    "ratio of A to B". A word of money names the measure ("spend per employee")."""
    by_name = profile["_by_name"]
    for k, t in enumerate(p.toks):
        divided = t.text == "by" and k > 1 and p.toks[k - 1].text == "divided"
        if t.text not in ("per", "to", "over") and not divided or k == 0:
            continue
        top = _numerator(p, profile, k - divided)
        if t.text in ("to", "over"):  # "ratio of cost to revenue"
            ratio_word = any(x.text in ("ratio", "divided") for x in p.toks[max(0, k - 5):k + 5])
            if not ratio_word or top is None:
                continue
        bottom = next((m for m in p.mentions if k < m.start <= k + 2), None) or _unit_named(p, profile, k + 1)
        if top is None or bottom is None:
            continue
        top_col, top_start = top
        bcol = by_name[bottom.column]
        cued = any(c.end <= top_start and top_start - c.end <= 2 for c in p.aggs)
        others = any(g.column != bottom.column for g in p.groups)
        if _measure_col(bcol) and bottom.column != top_col:
            # "average rating per age" groups by a level; "avg weight per pallet" divides by a count of things
            grouped = bcol.get("groupable") and cued and not (bcol.get("additive") and p.toks[bottom.start].text
                                                               == p.toks[bottom.start].sing)
            if not grouped:  # "cost per kg" divides
                m = Measure(column=top_col, agg="sum", kind="ratio", other=bottom.column, other_agg="sum")
                return Derived(m, {top_col, bottom.column}, words=set(range(bottom.start, bottom.end)))
        elif t.text == "per" and (
                _names_things(bcol) and bottom.tier != "exact" and (not cued if bcol.get("unique") else others or (
                    cued and by_name[top_col].get("additive")))  # "avg units per order", not "avg score per course"
                or bcol["role"] == "dimension" and set(bcol["tokens"]) & PEOPLE and any(
                    g.column != bottom.column and by_name[g.column]["role"] == "dimension" for g in p.groups)):
            # one row per order: "average revenue per order" is the plain average already; a repeated
            # id alone ("revenue per customer") is a group by it, and a ratio next to another group
            m = Measure(column=top_col, agg="sum", kind="ratio", other=bottom.column, other_agg="count_distinct")
            return Derived(m, {top_col, bottom.column})
    return None


def _as_share_of(p: Parsed, profile: dict) -> Derived | None:
    """"overtime as a percentage of hours", "cost as a share of revenue": one measure's total as a
    percentage of another's."""
    toks = p.toks
    for k in range(1, len(toks) - 2):
        if toks[k].text != "as":
            continue
        j = k + 1 + (toks[k + 1].text in ("a", "an"))
        if j + 1 >= len(toks) or toks[j].text not in SHARE_OF_WORDS or toks[j + 1].text != "of":
            if not re.match(r"(an? )?% of", p.question[toks[k].end:].lstrip()):
                continue
            j = next((i for i in range(k + 1, len(toks)) if toks[i].text == "of"), len(toks)) - 1
        top = _numerator(p, profile, k)
        bottom = next((m for m in p.mentions if j + 2 <= m.start <= j + 3), None) or _mention_at(p, j + 2) or \
            _money_mention(p, profile, j + 2)
        if top is None or bottom is None or not _measure_col(profile["_by_name"][bottom.column]) or \
                bottom.column == top[0]:
            continue
        m = Measure(column=top[0], agg="sum", kind="ratio", other=bottom.column, other_agg="sum", percent=True)
        return Derived(m, {top[0], bottom.column})
    return None


def _money_mention(p: Parsed, profile: dict, k: int) -> Mention | None:
    """A word of money or sales at k ("as a share of sales") as a mention of the money column it names."""
    if k >= len(p.toks):
        return None
    word = p.toks[k].text
    col = _gross(profile) if word in MONEY_WORDS | {"sales", "sale"} else None
    return Mention(column=col["name"], start=k, end=k + 1, score=0.5, tier="partial", words=word) if col else None


def _numerator(p: Parsed, profile: dict, k: int) -> tuple[str, int] | None:
    """The measure column named just before token k, and where its words start: a mention of a
    measure (also before a word of money or a verb: "fuel cost" → Fuel Surcharge, "units picked"), a
    unit word ("meters walked" → Travel (m)), or a word of money ("spend per employee")."""
    for end in (k, k - 1):
        top = next((m for m in p.mentions if m.end == end), None)
        if top is not None and _measure_col(profile["_by_name"][top.column]) and \
                (end == k or p.toks[k - 1].text in MONEY_WORDS | _QUANTITY_NOUNS or p.toks[k - 1].text.endswith("ed")):
            return top.column, top.start
        unit = _unit_named(p, profile, end - 1) if end > 0 else None
        if unit is not None and (end == k or p.toks[k - 1].text.endswith("ed")):
            return unit.column, end - 1
    word = p.toks[k - 1].text if k > 0 else ""
    # "rate per mile", "price per lb": what is paid per unit, the money column
    money = money_column("cost" if word in _PRICE_NOUNS and p.toks[k].text == "per" else word, profile) if k else None
    return (money["name"], k - 1) if money is not None else None


_QUANTITY_NOUNS = {w for ws in MEASURE_UNIT_WORDS.values() for w in ws if len(w) > 2}  # "travel distance"
_PRICE_NOUNS = {"rate", "rates", "price", "charge", "charges"}


def _unit_named(p: Parsed, profile: dict, k: int) -> Mention | None:
    """The measure column a unit word at k names by its unit or quantity ("per lb" → Weight (lbs), "per mile"
    → Miles, "meters" → Travel (m)), as a mention of that one word."""
    if not 0 <= k < len(p.toks) or p.toks[k].text not in MEASURE_UNIT_WORDS:
        return None
    words = MEASURE_UNIT_WORDS[p.toks[k].text]
    cols = [c for c in profile["columns"] if _measure_col(c) and set(c["tokens"]) & words]
    if len(cols) != 1:
        return None
    return Mention(column=cols[0]["name"], start=k, end=k + 1, score=0.5, tier="partial", words=p.toks[k].text)


def _names_things(col: dict) -> bool:
    """A column naming things that rows repeat ("Order #", "Customer ID"): an id, unique or not."""
    return is_identifier(col) or col["type"] == "text" and bool(set(col["tokens"]) & _ID_WORDS)


_ID_WORDS = {"#", "id", "no", "number", "code"}


def _margin(p: Parsed, profile: dict) -> Derived | None:
    """"profit margin", "margin by category": profit as a percentage of revenue, when no column
    is itself a margin and the table has both."""
    k = next((j for j, t in enumerate(p.toks) if t.sing == "margin"), None)
    if k is None or any("margin" in c["tokens"] for c in profile["columns"]):
        return None
    measures = [c for c in profile["columns"] if _measure_col(c)]
    named = [by for m in p.mentions if m.start <= k <= m.end + 1 and _measure_col(by := profile["_by_name"][m.column])]
    profit = next((c for c in named if set(c["tokens"]) & PROFIT_WORDS), None) or \
        next((c for c in measures if set(c["tokens"]) & PROFIT_WORDS), None)
    revenue = revenue_column([c for c in measures if c is not profit and c.get("additive", True)])
    if profit is None:
        return _margin_as_difference(p, measures, k)
    if revenue is None:
        return None
    m = Measure(column=profit["name"], agg="sum", kind="ratio", other=revenue["name"], other_agg="sum", percent=True)
    return Derived(m, {profit["name"], revenue["name"]},
                   notes=[f"I took the margin as {profit['name']} as a percentage of {revenue['name']}"])


def _margin_as_difference(p: Parsed, measures: list[dict], k: int) -> Derived | None:
    """No profit column: the margin is what is taken minus what it cost ("avg margin per unit":
    the average of Unit Price − unitCost), summed for amounts, averaged for prices."""
    cost = next((c for c in measures if set(c["tokens"]) & COST_WORDS), None)
    taken = revenue_column([c for c in measures if c is not cost])
    if cost is None or taken is None:
        return None
    agg = _agg_before(p, k, "sum" if taken.get("additive", True) and "price" not in taken["tokens"] else "avg")
    m = Measure(column=taken["name"], agg=agg, kind="subtract", other=cost["name"])
    return Derived(m, {taken["name"], cost["name"]},
                   notes=[f"I took the margin as {taken['name']} minus {cost['name']}"])


def _profit(p: Parsed, profile: dict) -> Derived | None:
    """"profit by channel" in a table of money taken and money spent with no profit column: what
    was taken minus what was spent ("Revenue" − "Spend ($)")."""
    k = next((j for j, t in enumerate(p.toks) if t.text in PROFIT_WORDS - {"margin"} and _mention_at(p, j) is None),
             None)
    if k is None or any(set(c["tokens"]) & PROFIT_WORDS for c in profile["columns"]):
        return None
    money = [c for c in profile["columns"] if _measure_col(c) and c.get("money") and c.get("additive", True)]
    cost = next((c for c in money if set(c["tokens"]) & (COST_WORDS | {"spend", "spending"})), None)
    taken = revenue_column([c for c in money if c is not cost])
    if cost is None or taken is None:
        return None
    m = Measure(column=taken["name"], agg=_agg_before(p, k, "sum"), kind="subtract", other=cost["name"])
    return Derived(m, {taken["name"], cost["name"]},
                   notes=[f"I took the profit as {taken['name']} minus {cost['name']}"])


def _priced_quantity(p: Parsed, profile: dict) -> Derived | None:
    """"revenue by region" over Units and Unit Price, "labour cost by project" over Hours and
    Rate/hr: a word of money no amount column answers is the quantity times its price, summed."""
    measures = [c for c in profile["columns"] if _measure_col(c)]
    if any(c.get("additive", True) and c.get("money") for c in measures):
        return None  # an amount column is the money ("revenue" = Sales)
    for k, t in enumerate(p.toks):
        if t.text not in MONEY_WORDS | PAY_WORDS or _mention_at(p, k) is not None:
            continue
        prices = [c for c in measures if not c.get("additive", True) and set(c["tokens"]) & PRICE_WORDS]
        costly = t.text in COST_WORDS | PAY_WORDS
        prices.sort(key=lambda c: ("cost" not in c["tokens"]) if costly else ("cost" in c["tokens"]))
        qty = sorted((c for c in measures if c.get("additive", True) and not c.get("money")
                      and set(c["tokens"]) & QUANTITY_WORDS), key=lambda c: len(c["tokens"]))
        if prices and qty:
            price, q = prices[0], qty[0]
            m = Measure(column=q["name"], agg=_agg_before(p, k, "sum"), kind="multiply", other=price["name"])
            return Derived(m, {q["name"], price["name"]},
                           notes=[f"I took the {t.text} as {q['name']} × {price['name']}"])
    return None



def _shortfall(p: Parsed, profile: dict) -> Derived | None:
    """"how many units to get everything back up to its reorder level": over the rows under the
    level (the two-column condition read by language.comparisons), the level minus what is held."""
    for lo, _hi, f in p.compared:
        words = [t.text for t in p.toks[lo:lo + 2]]
        if f.op in ("<", "<=") and words == ["up", "to"] and f.other is not None:
            m = Measure(column=f.other, agg="sum", kind="subtract", other=f.column)
            return Derived(m, {f.column, f.other}, notes=[f"I took what is missing as {f.other} minus {f.column} "
                                                          f"where {f.column} is under it"])
    return None


def _stock_value(p: Parsed, profile: dict) -> Derived | None:
    """"inventory value by category", "value of stock on hand": the quantity held times its unit
    cost (its price when no cost), summed, when no column holds the value."""
    toks = p.toks
    k = next((j for j, t in enumerate(toks) if t.text in ("value", "worth") and _mention_at(p, j) is None and
              {x.text for x in toks[max(0, j - 2):j + 4]} & STOCK_WORDS), None)
    if k is None:
        return None
    measures = [c for c in profile["columns"] if _measure_col(c)]
    held = [c for c in measures if c.get("additive", True) and not c.get("money") and set(c["tokens"]) & STOCK_WORDS]
    unit = sorted((c for c in measures if not c.get("additive", True) and set(c["tokens"]) & PRICE_WORDS),
                  key=lambda c: "cost" not in c["tokens"])
    if not held or not unit:
        return None
    m = Measure(column=held[0]["name"], agg=_agg_before(p, k, "sum"), kind="multiply", other=unit[0]["name"])
    return Derived(m, {held[0]["name"], unit[0]["name"]},
                   notes=[f"I took the {toks[k].text} as {held[0]['name']} × {unit[0]['name']}"])


def _row_value(p: Parsed, profile: dict) -> Derived | None:
    """"average order value", "mean basket size": the money per thing counted (an id named by
    its noun), when no column is named so."""
    for k in range(len(p.toks) - 2):
        if p.toks[k].text not in ("average", "avg", "mean", "typical") or p.toks[k + 2].text not in ROW_VALUE_WORDS:
            continue
        thing = _mention_at(p, k + 1)
        if thing is None or thing.end != k + 2 or _mention_at(p, k + 2) is not None:
            continue
        col = profile["_by_name"][thing.column]
        money = revenue_column([c for c in profile["columns"] if _measure_col(c) and c.get("money")])
        if is_identifier(col) and thing.tier != "exact" and money is not None:
            m = Measure(column=money["name"], agg="sum", kind="ratio", other=thing.column, other_agg="count_distinct")
            return Derived(m, {money["name"], thing.column},
                           notes=[f"I took the {p.toks[k + 1].text} {p.toks[k + 2].text} as {money['name']} "
                                  f"per {p.toks[k + 1].sing}"])
    return None


# ------------------------------------------------------------------ sums of two columns
_ARITHMETIC = {"+": "add", "plus": "add", "-": "subtract", "minus": "subtract", "less": "subtract",
               "*": "multiply", "×": "multiply", "times": "multiply", "multiplied by": "multiply"}


def _added(p: Parsed, profile: dict) -> Derived | None:
    """"adults plus children", "adults + children", "adults and children combined", "price minus
    cost", "qty * unit price", "the difference between price and cost"."""
    by_name = profile["_by_name"]
    ms = sorted(p.mentions, key=lambda m: m.start)
    for a, b in zip(ms, ms[1:], strict=False):
        between = p.question[p.toks[a.end - 1].end:p.toks[b.start].start].strip().lower()
        after = p.toks[b.end].text if b.end < len(p.toks) else ""
        before = " ".join(t.text for t in p.toks[max(0, a.start - 3):a.start])
        kind = _ARITHMETIC.get(between)
        if between == "and" and after in ("combined", "together"):
            kind = "add"
        elif between == "and" and re.search(r"\bdifference between( the)?$", before):
            kind = "subtract"
        if kind and a.column != b.column and _measure_col(by_name[a.column]) and _measure_col(by_name[b.column]):
            m = Measure(column=a.column, agg=_agg_before(p, a.start, "sum"), kind=cast(DerivedKind, kind),
                        other=b.column)
            return Derived(m, {a.column, b.column})
    return None


# ------------------------------------------------------------------ time between two dates
def _date_diff(p: Parsed, profile: dict) -> Derived | None:
    """"days between order date and ship date", "delivery time", "how long … to resolve": the time
    from one date column to another, in the unit named (days for dates, hours for timestamps)."""
    dates = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and not c.get("year_like")]
    if len(dates) < 2:
        return None
    pair = _two_dates(p, profile) or _duration_of(p, dates, profile["_by_name"])
    if pair is None:
        return None
    start, end, at = pair
    unit = _unit(p)
    if unit is None:
        unit = "hour" if start.get("has_time") and end.get("has_time") else "day"
    m = Measure(column=start["name"], agg=_agg_before(p, at, "avg"), kind="date_diff", other=end["name"],
                unit=unit)  # type: ignore[arg-type]
    near = range(max(0, at - 2), min(len(p.toks), at + 3))
    speed = next((SPEED_WORDS[p.toks[j].text] for j in near if p.toks[j].text in SPEED_WORDS), None)
    return Derived(m, {start["name"], end["name"]}, notes=[f"I measured the time from {start['name']} to "
                                                           f"{end['name']}"], order_desc=speed,
                   words={j for j in near if p.toks[j].text in DURATION_WORDS})


_SINCE_SKIP = {"the", "last", "latest", "their", "its", "most", "recent", "a"}


def _since(p: Parsed, profile: dict) -> Derived | None:
    """"days since the last delivery", "days overdue", "days past due": the time from a date column
    to the data's last day (other=None; the compiler anchors it as relative periods are)."""
    dates = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and not c.get("year_like")]
    toks = p.toks
    for k in range(1, len(toks)):
        unit = TIME_UNIT_WORDS.get(toks[k - 1].text) if toks[k - 1].text != toks[k - 1].sing else None
        if unit is None and not (toks[k].text == "since" and toks[k - 1].text == "long"):  # "how long since"
            continue
        col = None
        if toks[k].text == "since":
            j = k + 1
            while j < len(toks) and toks[j].text in _SINCE_SKIP:
                j += 1
            at = _date_at(p, j, dates, profile)
            col = at[0] if at is not None else dates[0] if len(dates) == 1 else None
        elif toks[k].text in OVERDUE_WORDS and (toks[k].text != "past" or k + 1 < len(toks) and toks[k + 1].text
                                                 == "due"):
            col = next((c for c in dates if set(c["tokens"]) & DUE_WORDS), None)
        if col is not None:
            m = Measure(column=col["name"], agg=_agg_before(p, k - 1, "avg"), kind="date_diff", other=None,
                        unit=cast(TimeUnit, unit or "day"))
            return Derived(m, {col["name"]}, notes=[f"I measured the time from {col['name']} to the data's last day"])
    return None


_UNIT_BEFORE = {"in", "many", "average", "avg", "mean", "median", "total", "of", "number"}
_UNIT_AFTER = {"between", "to", "from", "until", "it", "for", "does", "do", "did", "on"}


def _unit(p: Parsed) -> str | None:
    """The unit asked for: "in hours", "how many days between", "days to ship" (a plural next to
    the duration phrase, not a period such as "the last 6 months")."""
    toks = p.toks
    for k, t in enumerate(toks):
        if t.text in TIME_UNIT_WORDS and t.text != t.sing or t.text in ("mins", "hrs"):
            before = toks[k - 1].text if k > 0 else ""
            after = toks[k + 1].text if k + 1 < len(toks) else ""
            if before in _UNIT_BEFORE or after in _UNIT_AFTER:
                return TIME_UNIT_WORDS[t.text]
    return None


def _two_dates(p: Parsed, profile: dict) -> tuple[dict, dict, int] | None:
    """"between <date> and <date>", "from order to delivery": two words naming date columns."""
    dates = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and not c.get("year_like")]
    toks = p.toks
    for k, t in enumerate(toks):
        if t.text not in ("between", "from"):
            continue
        first = _date_at(p, k + 1, dates, profile)
        if first is None:
            continue
        col, nxt = first
        if nxt + 1 < len(toks) and toks[nxt].text not in _JOINS and toks[nxt + 1].text in _JOINS:
            nxt += 1  # "between week start and submission": a word after the column's name
        while nxt < len(toks) and toks[nxt].text in (*_JOINS, "the"):
            nxt += 1
        second = _date_at(p, nxt, dates, profile) if nxt > first[1] else None
        if second is not None and second[0] is not col:
            return col, second[0], k
    return None


_JOINS = ("and", "to", "until", "till")


def _date_at(p: Parsed, k: int, dates: list[dict], profile: dict) -> tuple[dict, int] | None:
    """The date column named at token k ("ship date", "delivery", "ordering") and the token after it."""
    if k < len(p.toks) and p.toks[k].text == "the":
        k += 1
    m = next((m for m in p.mentions if m.start == k), None)
    if m is not None and profile["_by_name"][m.column]["type"] in ("date", "datetime"):
        return profile["_by_name"][m.column], m.end
    if k >= len(p.toks):
        return None
    col = _date_named(p.toks[k], dates)
    if col is None:
        return None
    end = k + 1
    if end < len(p.toks) and p.toks[end].text in ("date", "time", "day"):
        end += 1
    return col, end


def _duration_of(p: Parsed, dates: list[dict], by_name: dict) -> tuple[dict, dict, int] | None:
    """A duration word next to a word naming a date column ("delivery time", "time to ship",
    "how long … to resolve", "days to pay"): from the row's main date (the fullest date column:
    ordered, created, invoiced) to that one, or from the date before it when it is the main one."""
    toks = p.toks
    how_long = re.search(r"\bhow long\b", p.text.s) is not None
    for k, t in enumerate(toks):
        near = (k > 0 and toks[k - 1].text in DURATION_WORDS and toks[k - 1].text not in ("time", "times")
                or k + 1 < len(toks) and toks[k + 1].text in SPEED_WORDS  # "pays fastest"
                or k > 1 and toks[k - 1].text == "to" and toks[k - 2].text in SPEED_WORDS  # "slowest to ship"
                or k > 1 and toks[k - 1].text == "to" and toks[k - 2].text in DURATION_WORDS
                or k + 1 < len(toks) and toks[k + 1].text in DURATION_WORDS and toks[k + 1].text not in
                ("days", "hours", "minutes", "weeks") or how_long and k > 0 and toks[k - 1].text == "to"
                or t.text == "transit" and not _in_value(p, k))  # "transit days": the time up to delivery
        if not near or t.text in ("date", "the", "it", "a", "how", "long", "over", "by"):
            continue
        named = _mention_at(p, k) or (_mention_at(p, k + 1) if k + 1 < len(toks) else None)
        if named is not None and is_numeric(by_name[named.column]):
            return None  # "resolution time" names a column of durations (resolution_hours): it is that column
        end = _date_named(t, dates)
        if end is None and named is not None and named.start == k and by_name[named.column] in dates:
            end = by_name[named.column]  # "days to pay": the words link "pay" to Paid Date
        if end is None:
            continue
        main = _started(dates, end) or max(dates, key=lambda c: (c["non_null"], -dates.index(c)))
        if main is not end:
            return main, end, k
        i = dates.index(end)
        if i == 0:
            continue  # the first date has no date before it
        return dates[i - 1], end, k
    return None


def _in_value(p: Parsed, k: int) -> bool:
    """Word k is part of a value a filter keeps ("still in transit": Status = In Transit)."""
    return any(isinstance(v, str) and p.toks[k].text in v.lower().split() for f in p.filters for v in f.values)


def _started(dates: list[dict], end: dict) -> dict | None:
    """The event a duration runs from when the table records one ("Submitted" before "Approved
    On", "Opened" before "Closed On"): the nearest full date column before it named by a participle."""
    full = max(c["non_null"] for c in dates)
    events = [c for c in dates[:dates.index(end)] if c["non_null"] == full
              and any(w.endswith("ed") for w in c["tokens"])]
    return events[-1] if events else None


def _date_named(t, dates: list[dict]) -> dict | None:
    """The date column a word names by its other words: "delivery" → Delivery Date, "resolve" →
    Resolved, "pay" → Payment Date (a short word may begin a longer one)."""
    event = EVENT_WORDS.get(t.text)  # "arrive" ~ Delivered, "payment" ~ Paid Date
    for c in dates:
        for w in (*c["tokens"], *(ABBREVIATIONS[w] for w in c["tokens"] if w in ABBREVIATIONS)):  # "Appt Date"
            if w in ("date", "time", "at", "on", "dt", "ts"):
                continue
            if _close_words(t.text, w) or _close_words(t.sing, w) or event is not None and _close_words(event, w) or \
                    len(t.text) == 3 and w.startswith(t.text) and len(w) - 3 <= 4:
                return c
    return None


# ------------------------------------------------------------------ how long each row lasts
_NOT_LENGTH_BEFORE = {"over", "on", "any", "each", "every", "first", "last", "the", "a", "of", "in", "what", "same",
                      "at", "per", "by", "this", "that", "some", "full", "part"}


def _span(p: Parsed, profile: dict) -> Derived | None:
    """"how long does a pick take", "visit length", "avg mins per job", "total hours on site by tech": the
    time each row lasts, from the start to the end column of the table's one stretch of time (Start Time
    → End Time, Check In → Check Out), when the words name no column of durations and no other two dates."""
    pair = span_pair(profile)
    if pair is None or _two_dates(p, profile) is not None:
        return None
    at = _length_cue(p)
    if at is None or _names_duration_column(p, profile):
        return None
    start, end = pair
    named = _date_named(p.toks[at - 1], [c for c in profile["columns"] if c["type"] in ("date", "datetime")]) \
        if at > 0 else None
    if named is not None and named not in pair and not _rows_noun(p.toks[at - 1].sing, profile):
        return None  # "delivery time" names another date: the time up to it (_date_diff)
    unit = _unit(p) or ("hour" if start.get("has_time") and end.get("has_time") else "day")
    agg = _agg_before(p, at, "avg")
    if agg == "avg" and at > 0 and p.toks[at - 1].text == "total" or p.toks[at].text in TIME_UNIT_WORDS and \
            at > 0 and p.toks[at - 1].text == "total":
        agg = "sum"
    m = Measure(column=start["name"], agg=agg, kind="date_diff", other=end["name"], unit=cast(TimeUnit, unit))
    near = range(max(0, at - 2), min(len(p.toks), at + 3))
    speed = next((SPEED_WORDS[p.toks[j].text] for j in near if p.toks[j].text in SPEED_WORDS), None)
    said = {at - 1} if at > 0 and _mention_at(p, at - 1) is None else set()  # "pick time": the rows' noun
    if at + 2 < len(p.toks) and p.toks[at + 1].text == "of":
        said.add(at + 2)  # "length of stay"
    return Derived(m, {start["name"], end["name"]}, notes=[f"I measured the time from {start['name']} to "
                                                           f"{end['name']}"], order_desc=speed, words={at} | said)


def _length_cue(p: Parsed) -> int | None:
    """Where the words ask how long a row lasts: "how long", "duration", "length", "<noun> time", a unit
    of time measured ("avg mins per pick", "total hours"), a speed ("which picker is fastest")."""
    toks = p.toks
    for k, t in enumerate(toks):
        before = toks[k - 1].text if k > 0 else ""
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        if t.text == "long" and before == "how" or t.text in SPEED_WORDS:
            return k
        if t.text in LENGTH_WORDS - {"long", "last", "time", "times", "take", "takes", "took", "taking"}:
            return k
        if t.text == "time" and before and before not in _NOT_LENGTH_BEFORE and after not in ("of", "to", "period"):
            return k
        measured = before in _UNIT_BEFORE - {"in", "of", "number"} or k > 1 and toks[k - 2].text in _AGG_WORDS
        if t.text in TIME_UNIT_WORDS and (t.text != t.sing or t.text in ("hrs", "mins")) and measured and \
                after not in ("ago", "old"):
            return k
    return None


_AGG_WORDS = {"average", "avg", "mean", "median", "total"}  # "total install hrs"


def _names_duration_column(p: Parsed, profile: dict) -> bool:
    """The words name a column of lengths of time ("wait time" → Wait (min)) by more than its unit."""
    for m in p.mentions:
        col = profile["_by_name"][m.column]
        words = {t.text for t in p.toks[m.start:m.end]}
        timed = set(col["tokens"]) & (set(TIME_UNIT_WORDS) | DURATION_WORDS | {"min", "hr", "hrs", "sec"})
        if is_numeric(col) and col["role"] == "measure" and timed and \
                not words <= set(TIME_UNIT_WORDS) | {"in", "hrs", "min"}:
            return True
    return False


def _rows_noun(word: str, profile: dict) -> bool:
    """The word names the table's rows (its id column's other word: "visit" for Visit ID)."""
    return any(is_identifier(c) and word in c["tokens"] for c in profile["columns"])


# ------------------------------------------------------------------ planned vs done, net of deductions
def _planned_gap(p: Parsed, profile: dict) -> Derived | None:
    """Over a planned / done pair (Qty Ordered / Qty Picked): "qty short", "shortfall", "units not picked"
    (planned − done, summed); "% of picks short", "short rate" (the rows where done < planned); "fill
    rate", "% fulfilled" (done as a percentage of planned)."""
    pairs = plan_pairs(profile)
    if not pairs:
        return None
    said = {p.toks[j].sing for j in range(len(p.toks))} | {t.text for t in p.toks}
    # the pair the words name ("panels short", "hours utilisation"), else the first
    planned, done = max(pairs, key=lambda pair: len(said & (set(pair[0]["tokens"]) | set(pair[1]["tokens"]))))
    toks = p.toks
    rate = any(t.text in RATE_WORDS | SHARE_OF_WORDS for t in toks) or "%" in p.question
    for k, t in enumerate(toks):
        if t.text in FILL_WORDS and (rate or t.text in SELF_RATIO_WORDS):
            m = Measure(column=done["name"], agg="sum", kind="ratio", other=planned["name"], other_agg="sum",
                        percent=True)
            return Derived(m, {planned["name"], done["name"]}, words={k},
                           notes=[f"I took the {t.text} rate as {done['name']} as a % of {planned['name']}"])
        not_done = k > 0 and negates(toks[k - 1].text) and \
            _close_to_any(t, set(done["tokens"]) - set(planned["tokens"]))
        if t.text not in SHORT_WORDS and not not_done:
            continue
        if rate:
            cond = Filter(column=done["name"], op="<", other=planned["name"])
            return Derived(Measure(column=None, agg="count", kind="rate", condition=cond),
                           {planned["name"], done["name"]}, words={k})
        m = Measure(column=planned["name"], agg=_agg_before(p, k, "sum"), kind="subtract", other=done["name"])
        return Derived(m, {planned["name"], done["name"]}, words={k} | ({k - 1} if not_done else set()),
                       notes=[f"I took what is short as {planned['name']} minus {done['name']}"])
    return None


def _close_to_any(t, words: set[str]) -> bool:
    return any(_close_words(t.text, w) or _close_words(t.sing, w) for w in words)


def _net_of(p: Parsed, profile: dict) -> Derived | None:
    """"net revenue", "avg bill after discount", "sales excluding refunds": an amount minus the column of
    money taken off it (Discount ($), Refunds), when no column is itself net."""
    measures = [c for c in profile["columns"] if _measure_col(c)]
    deduction = next((c for c in measures if set(c["tokens"]) & DEDUCTION_WORDS), None)
    if deduction is None or any("net" in c["tokens"] for c in profile["columns"]):
        return None
    toks = p.toks
    for k, t in enumerate(toks):
        if t.text not in NET_WORDS:
            continue
        if t.text == "net" and k + 1 < len(toks):
            amount, at = _amount_at(p, profile, k + 1), k + 1
        else:
            said = next((m for m in p.mentions if m.start > k and m.start <= k + 2), None)
            if said is None or said.column != deduction["name"] or k == 0:
                continue
            amount, at = _amount_at(p, profile, k - 1, before=True), k
        if amount is None or amount == deduction["name"]:
            continue
        m = Measure(column=amount, agg=_agg_before(p, min(at, k), "sum"), kind="subtract", other=deduction["name"])
        return Derived(m, {amount, deduction["name"]}, words={k},
                       notes=[f"I took the net amount as {amount} minus {deduction['name']}"])
    return None


def _amount_at(p: Parsed, profile: dict, k: int, before: bool = False) -> str | None:
    """The amount named by the word at k (a measure's mention, ending there when `before`), or by a word
    of money or billing ("revenue", "sales", "bill"): the largest money column, the gross a deduction is
    taken from (Invoice Total, not Amount Paid)."""
    m = next((x for x in p.mentions if (x.end == k + 1 if before else x.start == k)), None)
    if m is not None and _measure_col(profile["_by_name"][m.column]):
        return m.column
    if p.toks[k].text not in MONEY_WORDS | {"sales", "bill", "bills", "invoice", "invoices", "gross"}:
        return None
    gross = _gross(profile)
    return str(gross["name"]) if gross else None


def _gross(profile: dict) -> dict | None:
    """The money column of the largest total: the gross that discounts, fees or payments are parts of."""
    money = [c for c in profile["columns"] if _measure_col(c) and c.get("additive", True) and c.get("money")]
    return max(money, key=_total) if money else None
