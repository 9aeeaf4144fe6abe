"""Derived measures named in words, read from a parsed question: a rate of rows meeting a
condition ("return rate", "percentage of orders cancelled"), a ratio of two sums ("cost per kg",
"profit margin", "average order value"), the time between two dates ("delivery time in days",
"how long to resolve"), a sum or difference of two columns ("adults plus children", profit as money taken
minus money spent), a quantity times its price ("revenue" = Units × Unit Price when no amount column
answers), "A as a percentage of B", and the money column a word of money names.

Each reader looks for a general word pattern (lexicon: RATE_WORDS, SHARE_OF_WORDS, DURATION_WORDS…)
and the columns or values the pattern points at; none knows a dataset. The rule planner's
`_derived_measure` phase puts what is found in the plan. The readers of time are in durations.py, those
of column pairs and parts in amounts.py, their shared pieces in measure_base.py; `find_derived` here
tries them all in order.
"""
from __future__ import annotations

import re
from typing import cast

from ..datasets.profile import is_identifier
from ..language.lexicon import (
    ABBREVIATIONS,
    CHANGE_WORDS,
    CONVERTED_COUNT_WORDS,
    COST_WORDS,
    GRAIN_WORDS,
    GROWTH_WORDS,
    MEASURE_UNIT_WORDS,
    PAY_WORDS,
    PEOPLE,
    PERIOD_OVER_PERIOD,
    PRICE_WORDS,
    PROFIT_WORDS,
    QUANTITY_WORDS,
    RATE_BASE_WORDS,
    RATE_VALUE_WORDS,
    RATE_WORDS,
    ROW_VALUE_WORDS,
    SHARE_OF_WORDS,
    STOCK_WORDS,
    STOPWORDS,
)
from ..language.matching import Mention, Tok, ValueMention, get_index, negated_booleans, value_key
from ..language.names import singular
from ..language.parsing import (
    Parsed,
    excludes,
    is_numeric,
    main_temporal,
    negated_between,
    yes_letter,
)
from ..language.phrasing import revenue_column
from ..plan import Derived as DerivedKind
from ..plan import Filter, Measure
from .amounts import (
    balance_owed,
    discount_given,
    good_units,
    meter_distance,
    net_of,
    part_of_whole,
    part_rate,
    per_day,
    planned_gap,
)
from .durations import between_dates, days_late, row_span, since_day, tenure
from .measure_base import (
    MONEY_WORDS,
    Derived,
    agg_before,
    binary,
    close_words,
    flag_filter,
    measure_col,
    mention_at,
    money_column,
    money_mention,
    money_taken,
    names_things,
    total_of,
)
from .pairs import plan_pairs

_SCOPE_END = {"by", "per", "each", "every", "across", "among", "within", "vs", "versus", ",", "?", ".",
              "broken", "split", "grouped", "and"}
_CMP = (">", ">=", "<", "<=", "between")


def find_derived(p: Parsed, profile: dict) -> Derived | None:
    """The first derived measure the words name, or None."""
    for reader in (_growth, planned_gap, days_late, tenure, since_day, row_span, between_dates, _added, net_of,
                   discount_given, balance_owed, good_units, _shortfall, _stock_value, meter_distance, _as_share_of,
                   per_day, _ratio, _margin, _profit, _row_value, _priced_quantity, _rate):
        found = reader(p, profile)
        if found is not None:
            return found
    return None


# ------------------------------------------------------------------ rates
def _rate(p: Parsed, profile: dict) -> Derived | None:
    """"<condition> rate" or "percentage / share / % of <rows or a measure> <condition>". Not a pie
    (it shows a breakdown), nor two values of one column ("the proportion of male and female")."""
    toks = p.toks
    if p.chart == "arc":
        return None
    lead = p.question.lstrip()
    if lead.startswith("%") and not re.match(r"%\s*of\b", lead):  # "% late by vendor": the share of rows that are
        end = next((j for j in range(len(toks)) if _ends_scope(p, j)), len(toks))
        found = _condition(p, profile, 0, end, rate_word=False)
        if found is not None:
            return _rate_of(None, *found)
    for k, t in enumerate(toks):
        if _as_a_share(p, k):  # "how many tickets were refunded, as a percent": the rate of what was counted
            found = _condition(p, profile, 0, k - 2, rate_word=False)
            if found is not None:
                return _rate_of(None, *found)
        named = mention_at(p, k)  # "bounce rate" is a column; "rate" alone only half-names bounce_rate
        if t.text in RATE_WORDS and k > 0 and (named is None or named.tier == "partial" and named.start == k):
            found = _condition(p, profile, max(0, k - 3), k, rate_word=True)
            rate = _rate_of(None, *found) if found is not None else \
                _counted_per_base(p, profile, k) or part_rate(p, profile, k)
            if rate is not None and named is not None:
                rate.columns.add(named.column)
            if rate is not None and found is not None:
                rate.words |= {k - 1, k}  # "pass rate" ~ Passed: the word the condition was read from
            if rate is not None or found is not None:
                return rate  # None when it is a breakdown
        if _percent_after(p, k):  # "no show %", "churn %": the flag's rate
            found = _condition(p, profile, max(0, k - 3), k + 1, rate_word=True)
            flag = profile["_by_name"][found[0].column] if found is not None else {}
            if found is not None and (binary(flag) or yes_letter(flag) is not None or found[0].other is not None
                                      or found[0].op == "not_null" and flag.get("role") == "temporal"):
                # "no show %" of a Y/N column, "late returns %" (Returned On > Due Back), "churn %" (Cancelled
                # filled in)
                return _rate_of(None, *found)
        after = p.toks[k + 1].text if k + 1 < len(p.toks) else ""
        if k > 0 and t.text in SHARE_OF_WORDS and after != "of":
            part = part_rate(p, profile, k)  # "discount percentage by vet": Discount as a % of the gross
            if part is not None:
                return part
        if _percent_after(p, k) and k + 1 < len(p.toks) and (part := part_rate(p, profile, k + 1)) is not None:
            return part  # "fuel surcharge % by carrier"
        if _how_much_of(p, k):  # "how much of our stock is expired": the expired part of the units
            found_share = _share_of(p, profile, k)
            if found_share is not None and found_share.measure.column is not None:
                return found_share
        share = t.text in SHARE_OF_WORDS or (t.text == "of" and p.question[:t.start].rstrip().endswith("%")) or \
            _portion_of(p, k) or _what_percent(p, k)
        if share:
            found_share = _share_of(p, profile, k) or part_of_whole(p, profile, k)
            if found_share is not None:
                return found_share
    return None


def _as_a_share(p: Parsed, k: int) -> bool:
    """Word k is the share word of "as a percent / percentage / share" (or "as a %") said after the rows."""
    toks = p.toks
    return k >= 3 and toks[k - 2].text == "as" and toks[k - 1].text in ("a", "an") and \
        (toks[k].text in SHARE_OF_WORDS | {"percent", "percentage", "%"})


def _how_much_of(p: Parsed, k: int) -> bool:
    """Word k is the "of" of "how much of <a measure> is / was / came …": a part of the measure's total (what
    share of it), said by a verb after the measure; "how much of the budget did we spend" names no part."""
    toks = p.toks
    if k < 2 or toks[k].text != "of" or toks[k - 2].text != "how" or toks[k - 1].text != "much":
        return False
    return any(t.text in _PART_OF_VERBS for t in toks[k + 1:k + 6])


def _portion_of(p: Parsed, k: int) -> bool:
    """Word k is "portion" of "what portion of …", a share word, where no column is named "portion"
    ("Portion Size")."""
    return p.toks[k].text == "portion" and k + 1 < len(p.toks) and p.toks[k + 1].text == "of" and \
        mention_at(p, k) is None


def _what_percent(p: Parsed, k: int) -> bool:
    """Word k is "what" of "what % were paid late" (the % said as a sign, not "% of"): a share of the rows
    in scope, its condition said after."""
    return p.toks[k].text == "what" and _percent_after(p, k) and k + 1 < len(p.toks)


_COPULAS = {"is", "are", "was", "were"}
_PART_OF_VERBS = {"is", "are", "was", "were", "came", "comes", "come", "went", "goes", "go"}


def _percent_after(p: Parsed, k: int) -> bool:
    """A "%" right after word k that is not "% of" nor a number's ("over 50%")."""
    after = p.question[p.toks[k].end:].lstrip()
    return after.startswith("%") and not re.match(r"%\s*of\b", after) and not p.toks[k].text[:1].isdigit()


_MONEY_NOUNS = {"dollars", "dollar", "money", "amount", "amounts", "value", "euros", "pounds", "$"}


def _share_of(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"percentage of <rows> <condition>" from the share word at k: the condition said after the
    noun of the rows ("what fraction of enterprise accounts are in EMEA": the words before it keep
    the rows, as filters), a measure's sum when the words name one or its money ("what percent of
    engineering spend went on software")."""
    toks = p.toks
    start = k + 1 if toks[k].text == "of" else k + 1 + (k + 1 < len(toks) and toks[k + 1].text == "of")
    end = next((j for j in range(start, len(toks)) if _ends_scope(p, j)), len(toks))
    numerator = mention_at(p, start)
    column = None
    ncol = profile["_by_name"][numerator.column] if numerator is not None else None
    if numerator is not None and ncol is not None and measure_col(ncol) and not binary(ncol):
        column, start = numerator.column, numerator.end
    # a measure the condition compares ("members who visited more than 10 times") is no amount to share out
    compared = {m.column for m in p.mentions if id(m) in p.filter_mentions}
    rows = next((m for m in p.mentions if start <= m.start < end and (m.tier == "entity" or column is None and (
        measure_col(col := profile["_by_name"][m.column]) and not binary(col) and m.column not in compared))),
        None)
    if column is None and rows is not None and rows.tier != "entity":  # "percent of research spend" (Cost)
        column = rows.column
    elif column is None and rows is not None and not toks[rows.start].text.endswith("s"):  # "% of expenses" counts
        money = money_column(toks[rows.start].text, profile)
        column = money["name"] if money is not None else None
    found = _condition(p, profile, rows.end, end, rate_word=False) if rows is not None else None
    lead = next((v for v in p.values if v.start == start), None) if rows is None and column is None else None
    if lead is not None and lead.end < end:  # "% of deposits made online": the rows are a value's, kept as a filter
        column, found = _part_after_a_value(p, profile, lead, end)
    found = found or _condition(p, profile, start, end, rate_word=False)
    said = next((v for v in p.values if v.end == k), None) if found is None and toks[k].text != "of" else None
    if said is not None:  # "chat's share of tickets by month": the value said before the share word
        found = Filter(column=said.column, op="=", values=[said.value]), _filters_on(p, said.column)
    rate = _rate_of(column, *found) if found is not None else None
    if rate is not None and column is None:
        rate.columns |= _rows_named(p, profile, start, end)
    return rate


def _part_after_a_value(p: Parsed, profile: dict, lead: ValueMention, end: int
                        ) -> tuple[str | None, tuple[Filter, list[Filter]] | None]:
    """The amount shared out (None: the rows) and the part, of a share whose words start with a value ("% of
    deposits made online"): the part said after a verb ("what share of sales managers hired in 2020 are
    women"), else the first condition after the value; of two values side by side and nothing after
    ("proportion of female managers") the last is the rows and the one before it the part."""
    toks, column, after = p.toks, None, lead.end
    money = money_taken(profile) if toks[after].text in _MONEY_NOUNS else None
    if money is not None:  # "what share of deposit dollars came in via mobile": of the money, not the rows
        column, after = money["name"], after + 1
    verb = next((j for j in range(after, end) if toks[j].text in _COPULAS), None)
    said_after = _condition(p, profile, verb + 1, end, rate_word=False) if verb is not None else None
    found = said_after or (_condition(p, profile, after, end, rate_word=False) if after < end else None)
    head = next((v for v in p.values if v.start == lead.end and v.column != lead.column), None)
    if head is not None and column is None and all(t.text in STOPWORDS for t in toks[head.end:end]):
        found = Filter(column=lead.column, op="=", values=[lead.value]), _filters_on(p, lead.column)
    return column, found


def _rows_named(p: Parsed, profile: dict, start: int, end: int) -> set[str]:
    """"what fraction of hotels are 5 star": a plural noun naming a column of one name per row names the rows
    counted, not a breakdown by them."""
    by_name = profile["_by_name"]
    return {m.column for m in p.mentions if start <= m.start < end and m.end - m.start == 1
            and by_name[m.column].get("unique") and not is_numeric(by_name[m.column])
            and p.toks[m.start].text != p.toks[m.start].sing}


def _counted_per_base(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"conversion rate" where conversions are a count column: conversions per session (or visit,
    visitor, impression…: the table's base count, RATE_BASE_WORDS), as a percentage."""
    m = next((x for x in p.mentions if x.end == k), None)
    column: str | None
    if m is not None and measure_col(profile["_by_name"][m.column]):
        column = m.column
    elif m is None and p.toks[k - 1].text in ("conversion", "converted", "conv"):
        column = _converted_count(profile)  # "conversion rate" over Transactions and Visitors
    else:
        return None
    bases = [c for c in profile["columns"] if measure_col(c) and c["name"] != column and c.get("additive", True)
             and set(c["tokens"]) & RATE_BASE_WORDS]  # counts, not "avg_session_duration"
    if column is None or not bases:
        return None
    # a funnel's step is taken over the step before it: conversions per click, not per impression
    total = total_of(profile["_by_name"][column])
    above = [c for c in bases if total_of(c) > total]
    base = min(above, key=total_of) if above else bases[0]
    measure = Measure(column=column, agg="sum", kind="ratio", other=base["name"], other_agg="sum", percent=True)
    return Derived(measure, {column, base["name"]}, words={k - 1, k},
                   notes=[f"I took the rate as {column} per {base['name']}"])


def _converted_count(profile: dict) -> str | None:
    """The one count column of what a visit converts into (Transactions, Orders, Bookings): whole numbers, no
    money."""
    counts = [c for c in profile["columns"] if measure_col(c) and c["type"] == "integer" and not c.get("money")
              and c.get("additive", True) and set(c["tokens"]) & CONVERTED_COUNT_WORDS]
    return counts[0]["name"] if len(counts) == 1 else None


def _ends_scope(p: Parsed, j: int) -> bool:
    t = p.toks[j].text
    nxt = p.toks[j + 1].text if j + 1 < len(p.toks) else ""
    if t == "by" and any(v.start == j + 1 for v in p.values):
        return False  # "% of tickets that come in by phone": a value after "by" is the condition, not a breakdown
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
            return flag_filter(by_name[m.column], not neg), _filters_on(p, m.column)
        yes = yes_letter(by_name[m.column])
        if a <= m.start < b and yes is not None and m not in p.groups:  # "% of promo days": Promo = Y
            return Filter(column=m.column, op="!=" if neg else "=", values=[yes]), _filters_on(p, m.column)
        if a <= m.start < b and _dated_event(p, m, profile):  # "% of timesheets not yet approved"
            return Filter(column=m.column, op="is_null" if neg else "not_null", values=[]), []
        happened = _sometimes(by_name[m.column], profile) if rate_word and a <= m.start < b else None
        if happened is not None:  # "damage rate" over a Damage Charge most rows leave 0 or blank
            return happened, []
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
    dated = _dated_word(p, profile, a, b)
    if dated is not None:  # "completion rate" ~ Completed On: the rows with the date filled in
        return Filter(column=dated, op="is_null" if neg else "not_null", values=[]), []
    weekday = next((f for f in p.filters if f.op == "weekday"), None)
    if weekday is not None and any(a <= j < b for j in p.weekday_toks):  # "share of orders on weekends"
        return weekday, [weekday]
    present = next((f for f in p.filters if f.op == ">" and f.values == [0] and f.other is None and
                    any(a <= m.start < b and m.column == f.column for m in p.mentions)), None)
    if present is not None and not rate_word:  # "% of picks with a mispick": Mispicks > 0
        return present, [present]
    equal = next((f for f in p.filters if f.op == "=" and f.other is None and is_numeric(by_name[f.column])
                  and any(a <= m.start < b and m.column == f.column for m in p.mentions)), None)
    if equal is not None and not rate_word:  # "% of tickets with a csat of 5": CSAT = 5
        return equal, [equal]
    period = next((f for lo, hi, f in p.period_spans if a <= lo and hi <= b and f in p.filters), None)
    if period is not None and not rate_word:  # "what percent of members joined in 2024": the period is the part
        return period, [period]
    scope = " ".join(t.text for t in p.toks[a:b])
    if not rate_word and re.search(r"\b(over|above|under|below|more|less|fewer|least|most|older|younger|"
                                   r"between|greater|higher|lower)\b.*\d", scope):
        cmp = next((f for f in p.filters if f.op in _CMP and is_numeric(by_name[f.column])
                    and by_name[f.column]["role"] != "temporal"), None)
        if cmp is not None:
            return cmp, [cmp]
    return None


def _sometimes(col: dict, profile: dict) -> Filter | None:
    """The rows where an amount charged now and then was charged ("damage rate" over Damage Charge, "refund rate"
    over Refund Amt): a measure never below zero that is 0 in most rows (> 0), or blank in a fifth of the rows or
    more and never 0 (filled in). None for any other column, and for a discount (its rate is a percentage off)."""
    rows = profile.get("row_count") or 0
    if not measure_col(col) or binary(col) or (col.get("negatives") or 0) > 0 or set(col["tokens"]) & _OFF_WORDS:
        return None
    if col["type"] == "integer" and not col.get("money"):
        return None  # a count (Conversions, Errors): its rate is per a base count (_counted_per_base), not per row
    if col.get("min") == 0 and col.get("median") == 0:
        return Filter(column=col["name"], op=">", values=[0])
    if (col.get("min") or 0) > 0 and col["non_null"] <= 0.8 * rows:
        return Filter(column=col["name"], op="not_null", values=[])
    return None


_OFF_WORDS = {"discount", "markdown", "rebate", "rate", "pct", "percent", "%"}


def _dated_event(p: Parsed, m: Mention, profile: dict) -> bool:
    """A date column left blank until something happens, named by its verb ("approved" → Approved
    On, "shipped" → Ship Date): whether the row has the date says whether it happened."""
    col = profile["_by_name"][m.column]
    blank = col["non_null"] < (profile.get("row_count") or 0)
    return col["type"] in ("date", "datetime") and blank and p.toks[m.start].text.endswith("ed")


def _dated_word(p: Parsed, profile: dict, a: int, b: int) -> str | None:
    """A word in [a, b) naming, by a noun or verb of the same stem, the event of a date column left blank
    until it happens ("completion" ~ Completed On, "cancellation" ~ Cancelled Date): that column. Only a
    past-tense word of the column's name, and only a column some rows leave blank (else every row had it)."""
    rows = profile.get("row_count") or 0
    dates = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and c["non_null"] < rows]
    for j in range(a, b):
        word = p.toks[j].text
        said = mention_at(p, j)  # a word naming another column is that column's
        if not re.fullmatch(r"[a-z]{4,}", word) or said is not None and said.column not in {c["name"] for c in dates}:
            continue
        said_as = [word] + RATE_VALUE_WORDS.get(word, [])  # "churn rate" ~ Cancelled, as "churn" ~ churned values
        hits = {c["name"] for c in dates
                if any(w.endswith("ed") and any(close_words(s, w) for s in said_as) for w in c["tokens"])}
        if len(hits) == 1:
            return hits.pop()
    return None


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
            if c["type"] == "boolean" and any(close_words(word, t) for t in c["tokens"][-1:]):
                return c["name"], "true"
            letter = yes_letter(c)
            if letter is not None and any(close_words(word, t) for t in c["tokens"][-1:]):
                return c["name"], letter
            if c["type"] == "text" and c["role"] == "dimension" and c["distinct"] <= 30:
                for v, _n in c.get("values", []):
                    low = str(v).lower()  # "fix rate" ~ Fixed: a verb too short for close_words, + "ed"
                    if " " not in low and (close_words(word, low) or low in (word + "ed", word + "d")):
                        return c["name"], v
    return None


# ------------------------------------------------------------------ growth
_OVER = re.compile(r"\b(day|week|month|quarter|year)[- ]?(?:over|on)[- ]?(?:the )?(?:previous )?\1\b")
def _growth(p: Parsed, profile: dict) -> Derived | None:
    """"month over month revenue growth", "MoM growth in orders", "monthly sales growth %", "% change in sign-ups
    by quarter": each time bucket's total as a percentage change from the bucket before (a count of rows when no
    measure is named), along the table's time axis."""
    toks = p.toks
    said = {t.text for t in toks}
    over = _OVER.search(p.text.s)
    said_short = re.search(rf"\b({'|'.join(PERIOD_OVER_PERIOD)})\b", p.question, re.IGNORECASE)  # "WoW" is 2 tokens
    short = PERIOD_OVER_PERIOD[said_short.group(1).lower()] if said_short else None
    percent_change = any(t.text in CHANGE_WORDS and (k > 0 and toks[k - 1].text in SHARE_OF_WORDS or
                                                     p.question[:t.start].rstrip().endswith("%"))
                         for k, t in enumerate(toks))
    named = said & GROWTH_WORDS or (over or short) and said & CHANGE_WORDS or percent_change
    if not named or main_temporal(profile) is None:
        return None
    grain = over.group(1) if over else short or next((GRAIN_WORDS[t.text] for t in toks if t.text in GRAIN_WORDS), None)
    mention = next((m for m in p.mentions if measure_col(profile["_by_name"][m.column])
                    and not binary(profile["_by_name"][m.column])), None)
    column = mention.column if mention is not None else None
    if column is None:
        money = next((money_mention(p, profile, k) for k in range(len(toks)) if money_mention(p, profile, k)), None)
        column = money.column if money is not None else None
    agg = agg_before(p, mention.start, "sum") if mention is not None else "sum"
    m = Measure(column=column, agg=agg if column else "count", kind="growth")
    words = {k for k, t in enumerate(toks) if t.text in GROWTH_WORDS | CHANGE_WORDS or said_short is not None
             and said_short.start() <= t.start < said_short.end()}
    return Derived(m, {column} if column else set(), words=words, grain=grain,
                   notes=["I took the growth as the % change from the period before"])


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
        if t.text == "per" and _priced_per(by_name[top_col], p.toks[k + 1]):
            continue  # "price per lb" names Price ($/lb) itself, not its ratio to Net Wt (lb)
        bottom = _counted_not_money(p, profile, _done_not_planned(p, profile, bottom), top[0])
        bcol = by_name[bottom.column]
        cued = any(c.end <= top_start and top_start - c.end <= 2 for c in p.aggs)
        others = any(g.column != bottom.column for g in p.groups)
        if measure_col(bcol) and bottom.column != top_col:
            # "average rating per age" groups by a level; "avg weight per pallet" divides by a count of things
            grouped = bcol.get("groupable") and cued and not (bcol.get("additive") and p.toks[bottom.start].text
                                                               == p.toks[bottom.start].sing)
            if not grouped:  # "cost per kg" divides
                m = Measure(column=top_col, agg="sum", kind="ratio", other=bottom.column, other_agg="sum")
                return Derived(m, {top_col, bottom.column}, words=set(range(bottom.start, bottom.end)))
        elif t.text == "per" and not _each_row_plotted(p, bcol) and (
                names_things(bcol) and bottom.tier != "exact" and (not cued if bcol.get("unique") else others or (
                    cued and by_name[top_col].get("additive")))  # "avg units per order", not "avg score per course"
                or bcol["role"] == "dimension" and set(bcol["tokens"]) & PEOPLE and any(
                    g.column != bottom.column and by_name[g.column]["role"] == "dimension" for g in p.groups)):
            # one row per order: "average revenue per order" is the plain average already; a repeated
            # id alone ("revenue per customer") is a group by it, and a ratio next to another group
            m = Measure(column=top_col, agg="sum", kind="ratio", other=bottom.column, other_agg="count_distinct")
            return Derived(m, {top_col, bottom.column})
    return None


def _each_row_plotted(p: Parsed, bottom: dict) -> bool:
    """"distribution of attendees per booking", "hours vs output per employee" over one row per booking or
    employee: "per" says what one value or one dot is (the row), not a ratio to a count that would fold the
    spread or the scatter into one number."""
    return bool(bottom.get("unique")) and is_identifier(bottom) and (p.distrib or p.correl)


def _priced_per(col: dict, word: Tok) -> bool:
    """Whether a price column is already per the unit a word says ("Price ($/lb)" and "lb", "pound")."""
    unit = per_unit(col)
    return unit is not None and bool({word.text, word.sing, ABBREVIATIONS.get(word.text, word.text)} & unit)


def _counted_not_money(p: Parsed, profile: dict, bottom: Mention, top: str) -> Mention:
    """"concessions per ticket" beside Ticket Revenue and Tickets Sold: a thing divided by is counted, so a word
    said after "per" that half-names a money column names the one count column holding the word instead."""
    bcol = profile["_by_name"][bottom.column]
    if bottom.tier != "partial" or not bcol.get("money") or bottom.end - bottom.start != 1:
        return bottom
    word = p.toks[bottom.start].sing
    counts = [c for c in profile["columns"] if measure_col(c) and c["type"] == "integer" and not c.get("money")
              and c.get("additive", True) and word in c["tokens"] and c["name"] != top]
    if len(counts) != 1:
        return bottom
    return Mention(column=counts[0]["name"], start=bottom.start, end=bottom.end, score=bottom.score,
                   tier=bottom.tier, words=bottom.words)


def _done_not_planned(p: Parsed, profile: dict, bottom: Mention) -> Mention:
    """"units made per hour" beside Planned Hrs / Run Hrs: a rate of work is per the amount done, unless the
    words name the plan ("per planned hour")."""
    said = {t.sing for t in p.toks} | {t.text for t in p.toks}
    for planned, done in plan_pairs(profile):
        if bottom.column == planned["name"] and not said & (set(planned["tokens"]) - set(done["tokens"])):
            return Mention(column=done["name"], start=bottom.start, end=bottom.end, score=bottom.score,
                           tier=bottom.tier, words=bottom.words)
    return bottom


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
        bottom = next((m for m in p.mentions if j + 2 <= m.start <= j + 3), None) or mention_at(p, j + 2) or \
            money_mention(p, profile, j + 2)
        if top is None or bottom is None or not measure_col(profile["_by_name"][bottom.column]) or \
                bottom.column == top[0]:
            continue
        m = Measure(column=top[0], agg="sum", kind="ratio", other=bottom.column, other_agg="sum", percent=True)
        return Derived(m, {top[0], bottom.column})
    return None


def _numerator(p: Parsed, profile: dict, k: int) -> tuple[str, int] | None:
    """The measure column named just before token k, and where its words start: a mention of a
    measure (also before a word of money or a verb: "fuel cost" → Fuel Surcharge, "units picked"), a
    unit word ("meters walked" → Travel (m)), or a word of money ("spend per employee")."""
    for end in (k, k - 1):
        top = next((m for m in p.mentions if m.end == end), None)
        if top is not None and measure_col(profile["_by_name"][top.column]) and \
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
    cols = [c for c in profile["columns"] if measure_col(c) and set(c["tokens"]) & words
            and per_unit(c) is None]  # Price ($/lb) is paid per lb, not measured in lb
    if len(cols) != 1:
        return None
    return Mention(column=cols[0]["name"], start=k, end=k + 1, score=0.5, tier="partial", words=p.toks[k].text)


def _margin(p: Parsed, profile: dict) -> Derived | None:
    """"profit margin", "margin by category": profit as a percentage of revenue, when no column
    is itself a margin and the table has both."""
    k = next((j for j, t in enumerate(p.toks) if t.sing == "margin"), None)
    if k is None or any("margin" in c["tokens"] for c in profile["columns"]):
        return None
    measures = [c for c in profile["columns"] if measure_col(c)]
    named = [by for m in p.mentions if m.start <= k <= m.end + 1 and measure_col(by := profile["_by_name"][m.column])]
    profit = next((c for c in named if set(c["tokens"]) & PROFIT_WORDS), None) or \
        next((c for c in measures if set(c["tokens"]) & PROFIT_WORDS), None)
    revenue = revenue_column([c for c in measures if c is not profit and c.get("additive", True)])
    if profit is None:
        return _margin_as_difference(p, profile, measures, k)
    if revenue is None:
        return None
    m = Measure(column=profit["name"], agg="sum", kind="ratio", other=revenue["name"], other_agg="sum", percent=True)
    return Derived(m, {profit["name"], revenue["name"]},
                   notes=[f"I took the margin as {profit['name']} as a percentage of {revenue['name']}"])


def _margin_as_difference(p: Parsed, profile: dict, measures: list[dict], k: int) -> Derived | None:
    """No profit column: the margin is what is taken minus what it cost ("avg margin per unit":
    the average of Unit Price − unitCost), summed for amounts, averaged for prices."""
    cost = _cost_of_sales(measures, profile)
    taken = revenue_column([c for c in measures if c is not cost])
    if cost is None or taken is None:
        return None
    amounts = taken.get("additive", True) and "price" not in taken["tokens"]
    after = p.toks[k + 1].text if k + 1 < len(p.toks) else ""
    grouped = after == "per" and (g := mention_at(p, k + 2)) is not None and \
        profile["_by_name"][g.column]["role"] != "measure"  # "margin per team" groups; "margin per unit" divides
    gross = {k - 1} if k > 0 and p.toks[k - 1].text == "gross" else set()
    if amounts and (grouped or after not in ("per", "on", "amount", "dollars", "$")) and \
            agg_before(p, k, "sum") == "sum":
        # "gross margin by store" over Sales and COGS: what is left as a percentage of what was taken
        m = Measure(column=taken["name"], agg="sum", kind="margin", other=cost["name"])
        return Derived(m, {taken["name"], cost["name"]}, words={k} | gross,
                       notes=[f"I took the margin as {taken['name']} minus {cost['name']}, as a % of {taken['name']}"])
    agg = agg_before(p, k, "sum" if amounts else "avg")
    m = Measure(column=taken["name"], agg=agg, kind="subtract", other=cost["name"])
    return Derived(m, {taken["name"], cost["name"]}, words={k} | gross,
                   notes=[f"I took the margin as {taken['name']} minus {cost['name']}"])


def _profit(p: Parsed, profile: dict) -> Derived | None:
    """"profit by channel" in a table of money taken and money spent with no profit column: what
    was taken minus what was spent ("Revenue" − "Spend ($)")."""
    k = next((j for j, t in enumerate(p.toks) if t.text in PROFIT_WORDS - {"margin"} and mention_at(p, j) is None),
             None)
    if k is None or any(set(c["tokens"]) & PROFIT_WORDS for c in profile["columns"]):
        return None
    money = [c for c in profile["columns"] if measure_col(c) and c.get("additive", True) and
             (c.get("money") or set(c["tokens"]) & COST_WORDS)]
    # the cost of what was sold (COGS) before a spend beside it (Actual Spend against a Budget)
    cost = _cost_of_sales(money, profile) or next((c for c in money if set(c["tokens"]) & {"spend", "spending"}), None)
    taken = revenue_column([c for c in money if c is not cost])
    if cost is None or taken is None:
        return None
    m = Measure(column=taken["name"], agg=agg_before(p, k, "sum"), kind="subtract", other=cost["name"])
    gross = {k - 1} if k > 0 and p.toks[k - 1].text == "gross" else set()
    return Derived(m, {taken["name"], cost["name"]}, words={k} | gross,
                   notes=[f"I took the profit as {taken['name']} minus {cost['name']}"])


def _cost_of_sales(columns: list[dict], profile: dict) -> dict | None:
    """The column of what the things sold cost among `columns`: one named so (COGS, Cost of Goods) first, then a
    cost that is not the amount done against a plan (Actual Cost beside a Budget), then any cost."""
    costs = [c for c in columns if set(c["tokens"]) & COST_WORDS]
    against_plan = {done["name"] for _plan, done in plan_pairs(profile)}
    costs.sort(key=lambda c: (not set(c["tokens"]) & {"cog", "good", "sold"}, c["name"] in against_plan))
    return costs[0] if costs else None


def _priced_quantity(p: Parsed, profile: dict) -> Derived | None:
    """"revenue by region" over Units and Unit Price, "labour cost by project" over Hours and
    Rate/hr: a word of money no amount column answers is the quantity times its price, summed."""
    measures = [c for c in profile["columns"] if measure_col(c)]
    if money_taken(profile) is not None:
        return None  # an amount column is the money ("revenue" = Sales, "Order Value")
    for k, t in enumerate(p.toks):
        if t.text not in MONEY_WORDS | PAY_WORDS or t.text == "sales" or mention_at(p, k) is not None:
            continue  # "sales by hour" with no amount column counts the sales
        prices = [c for c in measures if not c.get("additive", True) and set(c["tokens"]) & PRICE_WORDS]
        costly = t.text in COST_WORDS | PAY_WORDS
        prices.sort(key=lambda c: ("cost" not in c["tokens"]) if costly else ("cost" in c["tokens"]))
        # "labor cost" is paid at a pay rate, "revenue" at a price (Pay Rate ($/hr) beside Price ($/lb))
        prices.sort(key=lambda c: bool(set(c["tokens"]) & _PAY_TOKENS) != (t.text in PAY_WORDS))
        qty = sorted((c for c in measures if c.get("additive", True) and not c.get("money")
                      and set(c["tokens"]) & QUANTITY_WORDS), key=lambda c: len(c["tokens"]))
        # a price per a unit goes with the quantity measured in it ("$/lb" with Net Wt (lb)), never another one
        pair = _priced_per_unit(prices, measures) or (
            (prices[0], qty[0]) if prices and qty and not _physical(prices[0]) else None)
        if pair is not None:
            price, q = pair
            m = Measure(column=q["name"], agg=agg_before(p, k, "sum"), kind="multiply", other=price["name"])
            money = {k + 1} if k + 1 < len(p.toks) and p.toks[k + 1].text in MONEY_WORDS else set()  # "labor cost"
            return Derived(m, {q["name"], price["name"]}, words={k} | money,
                           notes=[f"I took the {t.text} as {q['name']} × {price['name']}"])
    return None



_PAY_TOKENS = PAY_WORDS | {"salary", "wage"}
# "Price ($/lb)", "Pay Rate ($/hr)", "Cost per kg": the unit a price is per, said after a slash or "per"
_PER_UNIT = re.compile(r"(?:/|\bper\s+)\s*([a-z]+)\W*$", re.IGNORECASE)


def per_unit(price: dict) -> set[str] | None:
    """The words of the unit a price column's name says it is per ("$/lb": lb, lbs, pound, weight…), or None."""
    m = _PER_UNIT.search(price["name"])
    if m is None:
        return None
    unit = m[1].lower()
    return set(MEASURE_UNIT_WORDS.get(unit, ())) | {unit, ABBREVIATIONS.get(unit, unit), singular(unit)}


# units a quantity is measured in (weights, lengths, areas, volumes, hours): a price per one of them goes with a
# quantity in it or with none ("Price/Month" or "Cost per Unit" may still go with Seats or Units)
_PHYSICAL_UNITS = set(MEASURE_UNIT_WORDS) - {"employee", "employees", "head", "staff", "fte", "worker", "workers"} | \
    {"hr", "hrs", "hour", "hours", "h", "min", "mins", "minute", "minutes"}


def _physical(price: dict) -> bool:
    """Whether a price column is said per a unit of measure ("$/lb", "/hr"), not per a thing or a period."""
    m = _PER_UNIT.search(price["name"])
    return m is not None and m[1].lower() in _PHYSICAL_UNITS


def _measured_in(col: dict, unit: set[str]) -> bool:
    """Whether a quantity column is measured in the unit ("Net Wt (lb)" in lb, "Hours" in hr)."""
    return bool({w for t in col["tokens"] for w in (t, ABBREVIATIONS.get(t, t))} & unit)


def _priced_per_unit(prices: list[dict], measures: list[dict]) -> tuple[dict, dict] | None:
    """The first price said per a unit (Price ($/lb)) with the quantity measured in that unit (Net Wt (lb)):
    what the money word is, before any other quantity (Hours × a price per lb is no revenue)."""
    for price in prices:
        unit = per_unit(price)
        if unit is None:
            continue
        qty = sorted((c for c in measures if c is not price and c.get("additive", True) and not c.get("money")
                      and _measured_in(c, unit)), key=lambda c: len(c["tokens"]))
        if qty:  # Hours before OT Hrs: the plainest name
            return price, qty[0]
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
    k = next((j for j, t in enumerate(toks) if t.text in ("value", "worth") and mention_at(p, j) is None and
              {x.text for x in toks[max(0, j - 2):j + 4]} & STOCK_WORDS), None)
    if k is None:
        return None
    measures = [c for c in profile["columns"] if measure_col(c)]
    held = [c for c in measures if c.get("additive", True) and not c.get("money") and set(c["tokens"]) & STOCK_WORDS]
    unit = sorted((c for c in measures if not c.get("additive", True) and set(c["tokens"]) & PRICE_WORDS),
                  key=lambda c: "cost" not in c["tokens"])
    if not held or not unit:
        return None
    m = Measure(column=held[0]["name"], agg=agg_before(p, k, "sum"), kind="multiply", other=unit[0]["name"])
    return Derived(m, {held[0]["name"], unit[0]["name"]},
                   notes=[f"I took the {toks[k].text} as {held[0]['name']} × {unit[0]['name']}"])


def _row_value(p: Parsed, profile: dict) -> Derived | None:
    """"average order value", "mean basket size": the money per thing counted (an id named by
    its noun), when no column is named so."""
    for k in range(len(p.toks) - 2):
        if p.toks[k].text not in ("average", "avg", "mean", "typical", "median") or \
                p.toks[k + 2].text not in ROW_VALUE_WORDS:
            continue
        thing = mention_at(p, k + 1)
        if thing is None or thing.end != k + 2 or mention_at(p, k + 2) is not None:
            continue
        col = profile["_by_name"][thing.column]
        money = revenue_column([c for c in profile["columns"] if measure_col(c) and c.get("money")])
        if p.toks[k].text == "median":
            # a median of money per thing is a median over things: one row each only when the id is unique
            if money is None or not (is_identifier(col) and col.get("unique")) or thing.tier == "exact":
                continue
            return Derived(Measure(column=money["name"], agg="median"), {money["name"], thing.column},
                           words={k, k + 1, k + 2},
                           notes=[f"I took the {p.toks[k + 1].text} {p.toks[k + 2].text} as {money['name']}, "
                                  f"one row per {p.toks[k + 1].sing}"])
        if money is not None and _counts_things(col) and col["name"] != money["name"]:
            # "average transaction value" over a count column (Transactions): money per thing counted
            m = Measure(column=money["name"], agg="sum", kind="ratio", other=thing.column, other_agg="sum")
            return Derived(m, {money["name"], thing.column}, words={k, k + 1, k + 2},
                           notes=[f"I took the {p.toks[k + 1].text} {p.toks[k + 2].text} as {money['name']} "
                                  f"per {p.toks[k + 1].sing}"])
        if is_identifier(col) and thing.tier != "exact" and money is not None:
            m = Measure(column=money["name"], agg="sum", kind="ratio", other=thing.column, other_agg="count_distinct")
            return Derived(m, {money["name"], thing.column},
                           notes=[f"I took the {p.toks[k + 1].text} {p.toks[k + 2].text} as {money['name']} "
                                  f"per {p.toks[k + 1].sing}"])
    return None


def _counts_things(col: dict) -> bool:
    """A column of how many things each row holds (Transactions, Orders): additive whole numbers, no money."""
    return measure_col(col) and col["type"] == "integer" and not col.get("money") and col.get("additive", True) \
        and bool(set(col["tokens"]) & CONVERTED_COUNT_WORDS)


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
        elif between == "and" and re.search(r"\b(?:difference|gap|delta|spread) between( the)?$", before):
            kind = "subtract"
        if kind and a.column != b.column and measure_col(by_name[a.column]) and measure_col(by_name[b.column]):
            m = Measure(column=a.column, agg=agg_before(p, a.start, "sum"), kind=cast(DerivedKind, kind),
                        other=b.column)
            return Derived(m, {a.column, b.column})
    return None
