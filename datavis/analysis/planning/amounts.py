"""Derived measures of amounts over column pairs and parts: what is short of a plan, the share done, the rows
short ("qty short", "fill rate", "% of picks short", "utilisation"), an amount net of a deduction ("net
revenue", "bill after discount"), a part as a percentage of its whole ("discount %", "reject rate",
"what % of spend is fuel"), the good units (made − scrapped), the rows per day ("visits per day") and a
discount with no discount column (the list price minus the price paid) and the balance still owed (what was
billed minus what was paid)."""
from __future__ import annotations

from ..datasets.profile import is_identifier, is_numeric
from ..language.lexicon import (
    BAD_UNIT_WORDS,
    BEYOND_WORDS,
    DEDUCTION_WORDS,
    DISCOUNT_WORDS,
    EVENT_WORDS,
    FILL_WORDS,
    GOOD_WORDS,
    LIST_PRICE_WORDS,
    NET_WORDS,
    OVER_PLAN_WORDS,
    OWED_WORDS,
    PAID_PRICE_WORDS,
    PAID_WORDS,
    QUANTITY_WORDS,
    RATE_WORDS,
    SELF_RATIO_WORDS,
    SHARE_OF_WORDS,
    SHORT_WORDS,
    WHOLE_WORDS,
    negates,
)
from ..language.parsing import (
    Parsed,
    main_temporal,
)
from ..plan import Filter, Measure
from .measure_base import (
    MONEY_WORDS,
    Derived,
    agg_before,
    close_words,
    gross_column,
    measure_col,
    mention_at,
    money_mention,
    names_things,
    rows_noun,
    total_of,
)
from .pairs import column_words, plan_pairs, span_pair

_PART_VERBS = {"is", "are", "was", "were", "goes", "went", "comes", "came", "spent"}


def part_of_whole(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"what % of freight spend is fuel", "what share of revenue comes from fees": the sum of the measure said
    after the verb as a percentage of the whole said after "of" (a measure, or a word of money)."""
    toks = p.toks
    of = next((j for j in range(k, min(k + 2, len(toks))) if toks[j].text == "of"), None)
    verb = next((j for j in range(of + 1, len(toks)) if toks[j].text in _PART_VERBS), None) if of is not None else None
    if of is None or verb is None:
        return None
    whole = next((m for m in p.mentions if of < m.start < verb and measure_col(profile["_by_name"][m.column])), None)
    whole = whole or next((x for j in range(of + 1, verb) if (x := money_mention(p, profile, j))), None)
    part = next((m for m in p.mentions if verb < m.start <= verb + 3 and measure_col(profile["_by_name"][m.column])),
                None)
    if whole is None or part is None or whole.column == part.column:
        return None
    m = Measure(column=part.column, agg="sum", kind="ratio", other=whole.column, other_agg="sum", percent=True)
    return Derived(m, {part.column, whole.column}, words=set(range(of + 1, verb)))


def part_rate(p: Parsed, profile: dict, k: int) -> Derived | None:
    """"discount rate", "collection rate" (~ Amount Paid, lexicon EVENT_WORDS): an amount named before the
    rate word as a percentage of the gross money column it is part of."""
    word = p.toks[k - 1]
    m = next((x for x in p.mentions if x.end == k), None)
    col = profile["_by_name"][m.column] if m is not None else \
        next((c for c in profile["columns"] if measure_col(c) and (EVENT_WORDS.get(word.text) in c["tokens"] or any(
            close_words(word.text, w) for w in c["tokens"]))), None)  # "scrap" ~ Parts Scrapped
    if col is None or not measure_col(col) or not col.get("additive", True):
        return None
    gross = gross_column(profile) if col.get("money") else _whole_of(col, profile) or gross_column(profile)
    if gross is None or gross is col or total_of(col) > total_of(gross):
        return None
    measure = Measure(column=col["name"], agg="sum", kind="ratio", other=gross["name"], other_agg="sum", percent=True)
    return Derived(measure, {col["name"], gross["name"]}, words={k - 1, k},
                   notes=[f"I took the {word.text} rate as {col['name']} as a % of {gross['name']}"])


def _whole_of(part: dict, profile: dict) -> dict | None:
    """The count a part is taken from: the additive measure sharing a word of its name with the nearest
    larger total ("Units Rejected" of "Units Produced", "Hours Idle" of "Hours Run"); one named as a whole
    first (`lexicon.WHOLE_WORDS`: Units Scrapped of Units Produced, not of the Units Rejected it is a part of)."""
    words = set(part["tokens"]) - {"total", "#", "no", "number", "count"}
    wholes = [c for c in profile["columns"] if measure_col(c) and c is not part and c.get("additive", True)
              and set(c["tokens"]) & words and total_of(c) > total_of(part)]
    return min(wholes, key=lambda c: (not set(c["tokens"]) & WHOLE_WORDS, total_of(c))) if wholes else None


_SERIES_WORDS = {"plot", "chart", "graph", "trend", "line"}


def per_day(p: Parsed, profile: dict) -> Derived | None:
    """"visits per day", "how many orders a day": the rows (or the things an id column counts) per day with
    any, over a date column of whole days (a count of distinct days)."""
    toks = p.toks
    days = [c for c in profile["columns"] if c["type"] == "date" and not c.get("year_like")]
    if {t.text for t in toks} & _SERIES_WORDS:
        return None  # "plot orders per day": a series of days, not their average
    for k in range(1, len(toks) - 1):
        if toks[k].text not in ("per", "a") or toks[k + 1].text != "day" or not days:  # "each day" is a series
            continue
        thing = next((m for m in p.mentions if m.end == k or m.end == k - 1), None)
        col = profile["_by_name"][thing.column] if thing is not None else None
        if col is None and not rows_noun(toks[k - 1].sing, profile):
            continue
        span = span_pair(profile)  # a rental happens on its day out; else the table's main date
        day = span[0] if span is not None and span[0] in days else main_temporal(profile)
        if day is None or day not in days:
            continue
        counted = col is not None and names_things(col) and not col.get("unique")
        m = Measure(column=col["name"] if counted and col else None, agg="count_distinct" if counted else "count",
                    kind="ratio", other=day["name"], other_agg="count_distinct")
        if col is not None and not counted and not is_identifier(col):
            continue
        return Derived(m, {day["name"]} | ({col["name"]} if col else set()), words={k, k + 1},
                       notes=[f"I counted the days as the days of {day['name']} with any"])
    return None


_UNIT_NOUNS = {"units", "unit", "parts", "part", "pieces", "pcs", "items", "output", "production", "qty", "quantity",
               "products", "widgets", "goods"}


def good_units(p: Parsed, profile: dict) -> Derived | None:
    """"good units produced per month", "usable parts by line": the one column of a whole made (Units Made,
    Qty Produced: WHOLE_WORDS) minus the one column of units turned away (Units Scrapped, Rejects), when a word of
    GOOD_WORDS names no column itself (a Good Units column is that column)."""
    k = next((j for j, t in enumerate(p.toks) if t.text in GOOD_WORDS and mention_at(p, j) is None
              and j + 1 < len(p.toks) and p.toks[j + 1].text in _UNIT_NOUNS), None)  # not "good months"
    if k is None:
        return None
    nums = [c for c in profile["columns"] if measure_col(c) and c.get("additive", True)]
    wholes = [c for c in nums if set(c["tokens"]) & WHOLE_WORDS and not set(c["tokens"]) & BAD_UNIT_WORDS]
    bad = [c for c in nums if set(c["tokens"]) & BAD_UNIT_WORDS]
    if len(wholes) != 1 or len(bad) != 1 or any(set(c["tokens"]) & GOOD_WORDS for c in profile["columns"]):
        return None
    whole, scrap = wholes[0]["name"], bad[0]["name"]
    m = Measure(column=whole, agg=agg_before(p, k, "sum"), kind="subtract", other=scrap)
    after = mention_at(p, k + 1)  # "good units": the noun is the good units' too
    words = {k} | ({k + 1} if after is None or after.column in (whole, scrap) else set())
    return Derived(m, {whole, scrap}, words=words, notes=[f"I took the good units as {whole} minus {scrap}"])


# ------------------------------------------------------------------ planned vs done, net of deductions
def planned_gap(p: Parsed, profile: dict) -> Derived | None:
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
    beyond = _beyond_plan(p, profile, planned, done)
    if beyond is not None:
        return beyond
    rate = any(t.text in RATE_WORDS | SHARE_OF_WORDS for t in toks) or "%" in p.question
    for k, t in enumerate(toks):
        how_full = t.text == "full" and k > 0 and toks[k - 1].text == "how"  # "how full were the shows"
        if (t.text in FILL_WORDS and (rate or t.text in SELF_RATIO_WORDS) or how_full) and not _dated(t.text, profile):
            m = Measure(column=done["name"], agg="sum", kind="ratio", other=planned["name"], other_agg="sum",
                        percent=True)
            return Derived(m, {planned["name"], done["name"]}, words={k},
                           notes=[f"I took the {t.text} rate as {done['name']} as a % of {planned['name']}"])
        done_words = set(done["tokens"]) - set(planned["tokens"])
        not_done = k > 0 and negates(toks[k - 1].text) and _close_to_any(t, done_words)
        named = mention_at(p, k) if t.text in SHORT_WORDS else None  # a column that holds it wins ("Downtime Min")
        if named is not None and named.column not in (planned["name"], done["name"]) and \
                measure_col(profile["_by_name"][named.column]):
            continue
        if t.text not in SHORT_WORDS and not not_done and not _undone(t.text, done_words):
            continue
        if rate:
            cond = Filter(column=done["name"], op="<", other=planned["name"])
            return Derived(Measure(column=None, agg="count", kind="rate", condition=cond),
                           {planned["name"], done["name"]}, words={k})
        m = Measure(column=planned["name"], agg=agg_before(p, k, "sum"), kind="subtract", other=done["name"])
        left = {k + 1} if t.text in _LEFT_OF_CAPACITY and k + 1 < len(toks) and mention_at(p, k + 1) is None \
            else set()  # "empty seats", "unsold tickets": the places a capacity counts, said as a noun
        return Derived(m, {planned["name"], done["name"]}, words={k} | left | ({k - 1} if not_done else set()),
                       notes=[f"I took what is short as {planned['name']} minus {done['name']}"])
    return None


def _dated(word: str, profile: dict) -> bool:
    """"completion rate" beside a Completed On date some rows leave blank: the share of rows that got there
    (planning.measures' rate), not the part of a total done ("Lessons Done" of "Lessons Total")."""
    rows = profile.get("row_count") or 0
    return any(c["type"] in ("date", "datetime") and c["non_null"] < rows and
               any(w.endswith("ed") and close_words(word, w) for w in c["tokens"]) for c in profile["columns"])


_LEFT_OF_CAPACITY = {"empty", "unsold", "vacant", "unoccupied"}


def _undone(word: str, done_words: set[str]) -> bool:
    """"unbilled", "unpicked", "unshipped": un- before a word of the amount done is what is short of the plan."""
    return word.startswith("un") and len(word) >= 6 and any(close_words(word[2:], w) for w in done_words)


_HOW_MUCH = {"much", "far", "amount", "total", "avg", "average", "mean"}


def _beyond_plan(p: Parsed, profile: dict, planned: dict, done: dict) -> Derived | None:
    """"variance to budget", "overrun", "actual vs budget difference": the amount done minus the plan;
    "hours over estimate", "how much over budget": the same, when "over" is said right before the plan's
    name after an amount ("stores over budget" keeps the rows over it); "under budget": the plan minus
    what was done. The two-column condition "over budget" was read as is spent."""
    toks = p.toks
    plan_words = set(planned["tokens"]) | column_words(planned)  # "over estimate" ~ estHours
    pair = {planned["name"], done["name"]}
    others = any(m.column not in pair and profile["_by_name"][m.column]["role"] == "measure" for m in p.mentions)
    for k, t in enumerate(toks):
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        if t.text in OVER_PLAN_WORDS and mention_at(p, k) is None and after != "between" and not others \
                and not (k > 0 and toks[k - 1].text == "standard"):
            first, second = done, planned
        elif t.text in BEYOND_WORDS and k + 1 < len(toks) and _close_to_any(toks[k + 1], plan_words) and (
                k == 0 or toks[k - 1].text in _HOW_MUCH or toks[k - 1].text in done["tokens"]
                or toks[k - 1].sing in done["tokens"] or (said := mention_at(p, k - 1)) is not None and
                said.column == done["name"]):
            first, second = (done, planned) if BEYOND_WORDS[t.text] else (planned, done)
        else:
            continue
        spent = [f for _lo, _hi, f in p.compared if {f.column, f.other} == {planned["name"], done["name"]}]
        m = Measure(column=first["name"], agg=agg_before(p, k, "sum"), kind="subtract", other=second["name"])
        return Derived(m, {planned["name"], done["name"]}, spent_filters=spent, words={k},
                       notes=[f"I took it as {first['name']} minus {second['name']}"])
    return None


def _close_to_any(t, words: set[str]) -> bool:
    return any(close_words(t.text, w) or close_words(t.sing, w) for w in words)


def net_of(p: Parsed, profile: dict) -> Derived | None:
    """"net revenue", "avg bill after discount", "sales excluding refunds": an amount minus the column of
    money taken off it (Discount ($), Refunds), when no column is itself net."""
    measures = [c for c in profile["columns"] if measure_col(c)]
    deduction = next((c for c in measures if set(c["tokens"]) & DEDUCTION_WORDS), None)
    if deduction is None or any("net" in c["tokens"] for c in profile["columns"]):
        return None
    toks = p.toks
    for k, t in enumerate(toks):
        if t.text not in NET_WORDS:
            continue
        if t.text == "net" and k + 1 < len(toks):
            amount, at = _amount_at(p, profile, k + 1), k + 1
        else:  # "bill after discount"; a column named before it is that column ("revenue after discount": Revenue)
            said = next((m for m in p.mentions if m.start > k and m.start <= k + 2), None)
            if said is None or said.column != deduction["name"] or k == 0 or mention_at(p, k - 1) is not None:
                continue
            amount, at = _amount_at(p, profile, k - 1, before=True), k
        if amount is None or amount == deduction["name"]:
            continue
        m = Measure(column=amount, agg=agg_before(p, min(at, k), "sum"), kind="subtract", other=deduction["name"])
        return Derived(m, {amount, deduction["name"]}, words={k},
                       notes=[f"I took the net amount as {amount} minus {deduction['name']}"])
    return None


def _amount_at(p: Parsed, profile: dict, k: int, before: bool = False) -> str | None:
    """The amount named by the word at k (a measure's mention, ending there when `before`), or by a word
    of money or billing ("revenue", "sales", "bill"): the largest money column, the gross a deduction is
    taken from (Invoice Total, not Amount Paid)."""
    m = next((x for x in p.mentions if (x.end == k + 1 if before else x.start == k)), None)
    if m is not None and measure_col(profile["_by_name"][m.column]):
        return m.column
    if p.toks[k].text not in MONEY_WORDS | {"sales", "bill", "bills", "invoice", "invoices", "gross"}:
        return None
    gross = gross_column(profile)
    return str(gross["name"]) if gross else None


_DISCOUNT_AFTER = {"given", "offered", "applied", "granted", "amount", "amounts"}


def discount_given(p: Parsed, profile: dict) -> Derived | None:
    """"avg discount by channel", "discount % by course", "total discount given" with no discount column: the
    list price minus the price paid (summed; averaged after "avg"), or as a percentage of the list price. Only
    over one money column named as a list price and one named as paid, the paid one no larger on average."""
    if any(set(c["tokens"]) & DISCOUNT_WORDS for c in profile["columns"]):
        return None  # a column holds it
    if any(measure_col(c) and set(c["tokens"]) & QUANTITY_WORDS for c in profile["columns"]):
        return None  # prices per unit beside a quantity: the discount given is per unit times units, not read here
    k = next((j for j, t in enumerate(p.toks) if t.text in DISCOUNT_WORDS or t.sing in DISCOUNT_WORDS), None)
    pair = _list_and_paid(profile) if k is not None else None
    if k is None or pair is None:
        return None
    full, paid = pair
    toks = p.toks
    words = {k} | ({k + 1} if k + 1 < len(toks) and toks[k + 1].text in _DISCOUNT_AFTER else set())
    percent = "%" in p.question or any(t.text in RATE_WORDS | SHARE_OF_WORDS | {"percent", "percentage"}
                                       for t in toks[max(0, k - 2):k + 3])
    if percent and agg_before(p, k, "sum") == "sum":
        m = Measure(column=full["name"], agg="sum", kind="margin", other=paid["name"])
        note = f"I took the discount as {full['name']} minus {paid['name']}, as a % of {full['name']}"
    else:
        m = Measure(column=full["name"], agg=agg_before(p, k, "sum"), kind="subtract", other=paid["name"])
        note = f"I took the discount as {full['name']} minus {paid['name']}"
    return Derived(m, {full["name"], paid["name"]}, words=words, notes=[note])


def balance_owed(p: Parsed, profile: dict) -> Derived | None:
    """"outstanding balance by customer", "how much is still owed": what was billed minus what of it was paid,
    with no column of the balance itself. Only over one money column named as paid and one other money column
    that adds up (the bill), the paid one no larger on average."""
    k = next((j for j, t in enumerate(p.toks) if _owed_said(p, j)), None)
    if k is None or any(a.value == "count" for a in p.aggs):
        return None  # "how many invoices are outstanding" counts them
    if any(set(c["tokens"]) & (OWED_WORDS | {"due"}) and is_numeric(c) for c in profile["columns"]):
        return None  # a column holds it
    money = [c for c in profile["columns"] if measure_col(c) and c.get("money") and c.get("additive", True)]
    paid = [c for c in money if set(c["tokens"]) & PAID_WORDS]
    billed = [c for c in money if c not in paid and not set(c["tokens"]) & PAID_PRICE_WORDS]
    if len(paid) != 1 or len(billed) != 1 or \
            any(measure_col(c) and set(c["tokens"]) & DEDUCTION_WORDS for c in profile["columns"]):
        return None  # (with a discount beside the bill, the balance is three columns: not read here)
    if float(paid[0].get("mean") or 0.0) > float(billed[0].get("mean") or 0.0):
        return None
    m = Measure(column=billed[0]["name"], agg=agg_before(p, k, "sum"), kind="subtract", other=paid[0]["name"])
    said = {j for j, t in enumerate(p.toks) if t.text in OWED_WORDS}  # "outstanding balance": both words
    return Derived(m, {billed[0]["name"], paid[0]["name"]}, words=said,
                   notes=[f"I took what is owed as {billed[0]['name']} minus {paid[0]['name']}"])


_OWED_ADJECTIVES = {"outstanding", "unpaid"}  # also said of rows ("unpaid invoices"), then they pick them
_AFTER_OWED = {"by", "per", "for", "amount", "amounts", "balance", "balances", "money", "in", "?", "."}


def _owed_said(p: Parsed, j: int) -> bool:
    """Whether token j names money still owed: a word of it that no value of the data took ("Unpaid" as a
    Status), and "outstanding" / "unpaid" only when no noun of the rows follows ("unpaid invoices" are rows)."""
    t = p.toks[j]
    if t.text not in OWED_WORDS or any(v.start <= j < v.end for v in p.values):
        return False
    nxt = p.toks[j + 1].text if j + 1 < len(p.toks) else "?"
    return t.text not in _OWED_ADJECTIVES or nxt in _AFTER_OWED


def _list_and_paid(profile: dict) -> tuple[dict, dict] | None:
    """The one price named as listed (List Price, Original Price) and the one named as paid (Price Paid, Sale
    Price), both measures of money or price, the paid one no larger on average."""
    prices = [c for c in profile["columns"] if measure_col(c) and (c.get("money") or "price" in c["tokens"])]
    full = [c for c in prices if set(c["tokens"]) & LIST_PRICE_WORDS]
    paid = [c for c in prices if set(c["tokens"]) & PAID_PRICE_WORDS and not set(c["tokens"]) & LIST_PRICE_WORDS]
    if len(full) != 1 or len(paid) != 1:
        return None
    if float(paid[0].get("mean") or 0.0) > float(full[0].get("mean") or 0.0):
        return None
    return full[0], paid[0]


# ------------------------------------------------------------------ a distance read off two meter readings
# Column words of a reading of distance or use taken at both ends of a row ("Odometer Out" / "Odometer In",
# "Start Mileage" / "End Mileage", "Meter Start" / "Meter End"), and the words of the two ends.
_METER_WORDS = {"odometer", "odo", "mileage", "meter", "hobbs", "hubometer"}
_METER_START = {"out", "start", "begin", "beginning", "before", "pickup", "departure", "opening"}
_METER_END = {"in", "end", "ending", "return", "returned", "after", "back", "dropoff", "arrival", "closing"}
# What the difference is called: "miles driven", "mileage", "distance", "km"
_DISTANCE_WORDS = {"mile", "miles", "mileage", "milage", "distance", "km", "kms", "kilometers", "kilometres",
                   "driven"}


def meter_pair(profile: dict) -> tuple[dict, dict] | None:
    """The start and end readings of the table's one meter (Odometer Out, Odometer In): two number columns sharing a
    meter word, one named by a word of the start, the other by a word of the end."""
    meters = [c for c in profile["columns"] if measure_col(c) and set(c["tokens"]) & _METER_WORDS]
    starts = [c for c in meters if set(c["tokens"]) & _METER_START]
    ends = [c for c in meters if set(c["tokens"]) & _METER_END]
    if len(starts) != 1 or len(ends) != 1 or starts[0] is ends[0]:
        return None
    return starts[0], ends[0]


def meter_distance(p: Parsed, profile: dict) -> Derived | None:
    """"total miles driven by branch", "average mileage per rental": the end reading minus the start reading, when no
    column holds the distance itself (a "Miles" column is what the word names)."""
    pair = meter_pair(profile)
    if pair is None:
        return None
    k = next((j for j, t in enumerate(p.toks) if t.text in _DISTANCE_WORDS and t.text != "driven"), None)
    if k is None or any(mention_at(p, j) is not None for j in (k, k + 1) if j < len(p.toks)):
        return None
    if k > 0 and p.toks[k - 1].text in ("per", "a", "each", "every"):
        return None  # "fuel cost per mile": the distance divides another measure, it is not the one measured
    start, end = pair
    words = {k} | ({k + 1} if k + 1 < len(p.toks) and p.toks[k + 1].text in _DISTANCE_WORDS else set())
    m = Measure(column=end["name"], agg=agg_before(p, k, "sum"), kind="subtract", other=start["name"])
    return Derived(m, {start["name"], end["name"]}, words=words,
                   notes=[f"I took the distance as {end['name']} minus {start['name']}"])
