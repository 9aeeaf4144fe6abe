"""Pieces the derived-measure readers share (planning/measures.py, durations.py, amounts.py): the `Derived`
result, the tests of a measure column and of a Yes/No, the mention at a token, word stems close enough, the
aggregation said before a phrase, the money column a word of money names and the gross one, and the
columns naming the things rows repeat."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from ..datasets.profile import is_identifier
from ..datasets.store import derived
from ..language.lexicon import (
    ASIDE_MONEY_WORDS,
    COST_WORDS,
    INCOME_NOUNS,
    MONEY_IN_NOUNS,
    MONEY_IN_WORDS,
    MONEY_OUT_NOUNS,
    MONEY_OUT_WORDS,
    NET_FLOW_WORDS,
    QUANTITY_WORDS,
    VERB_MEASURES,
    VOLUME_WORDS,
)
from ..language.matching import Mention
from ..language.names import singular, split_name
from ..language.parsing import (
    Parsed,
    is_flag,
    is_numeric,
)
from ..language.phrasing import measure_named, revenue_column
from ..plan import Agg, Filter, Measure


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
    grain: str | None = None  # the time bucket its words say ("month over month growth")


# ------------------------------------------------------------------ shared helpers
def measure_col(col: dict) -> bool:
    return is_numeric(col) and col["role"] == "measure" and not col.get("year_like")


def binary(col: dict) -> bool:
    """A Yes/No column, or a 0/1 number column ("trial" 1/0): a flag whose rate a share word asks for."""
    return col["type"] == "boolean" or is_flag(col)


def flag_filter(col: dict, yes: bool) -> Filter:
    """The rows where the flag is set (or not): true/false, which a 0/1 column compares equal to."""
    return Filter(column=col["name"], op="=", values=[yes])


def mention_at(p: Parsed, k: int) -> Mention | None:
    return next((m for m in p.mentions if m.start <= k < m.end), None)


def close_words(a: str, b: str) -> bool:
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


def agg_before(p: Parsed, k: int, default: Agg) -> Agg:
    """The aggregation cue just before token k ("average delivery time"), else `default`."""
    cue = next((c for c in p.aggs if c.end <= k and k - c.end <= 3), None)
    if cue is not None and cue.value in ("max", "min") and \
            any(t.text in ("which", "who", "whose") for t in p.toks[:cue.start]):
        return default  # "which carrier has the longest delivery time" ranks carriers by it
    return cast(Agg, cue.value) if cue is not None and cue.value in ("avg", "median", "min", "max", "sum") else default


# Words of money that name no column ("monthly spend", "which vendors cost us the most", "the accounts
# paying the least", "revenue per account" in a table whose money column is "MRR").
_WHOLE_BILL_WORDS = {"total", "billed", "invoiced", "charged"}
MONEY_WORDS = COST_WORDS | {"spend", "spends", "spending", "spent", "paying", "pay", "pays", "revenue", "revenues",
                            "income", "turnover", "money", "amount", "amounts", "pipeline", "sales"}
_REVENUE_NOUNS = INCOME_NOUNS | {"sales"}  # sales are what came in, named so by a column of its own
_SPEND_NOUNS = {"spend", "spends", "spending", "spent"}
_MONEY_TOKENS = COST_WORDS | {"amount", "revenue", "sales", "price", "mrr", "arr", "fee", "fees", "spend", "income"}


_SIGNED_SHARE = 0.1


def signed(col: dict) -> bool:
    """A number column holding money both ways (a bank export's Amount): a tenth or more of its values below
    zero and a tenth above (a sales column with a few returns is not)."""
    n = col.get("non_null") or 0
    neg = col.get("negatives") or 0
    return col.get("type") in ("integer", "number") and n > 0 and neg >= _SIGNED_SHARE * n and \
        n - neg >= _SIGNED_SHARE * n


# what a column of money moving is called (a bank export's Amount, a ledger's Net or Value); a signed Profit or a
# stock's Change is a result, not money moving
_FLOW_TOKENS = {"amount", "amt", "value", "transaction", "txn", "net", "flow", "money", "cash", "sum", "total"}


def flows_both_ways(col: dict) -> bool:
    """A signed amount of money moving (not a running balance, which is a level, nor a result such as a profit)."""
    return signed(col) and "balance" not in col["tokens"] and bool(set(col["tokens"]) & _FLOW_TOKENS)


def movement_column(profile: dict) -> tuple[dict, list[str]] | None:
    """The text column whose values say which way money went (Type: Deposit / Withdrawal), with its values of
    money going out."""
    return derived(profile, "_movement_column", _movement_column)  # of the profile alone: built once per profile


def _movement_column(profile: dict) -> tuple[dict, list[str]] | None:
    for c in profile["columns"]:
        if c["type"] != "text":
            continue
        words = {str(v): singular(str(v).lower()) for v, _ in c.get("values", [])}
        out = [v for v, w in words.items() if w in MONEY_OUT_NOUNS]
        if out and any(w in MONEY_IN_NOUNS for w in words.values()):
            return c, out
    return None


def flow_column(word: str, profile: dict) -> dict | None:
    """The one signed money column a word of money in or out names ("expenses", "outflows", "income" over a
    bank export's Amount beside its running Balance); a net flow's word names the money a Type column's
    deposits and withdrawals move."""
    if word not in MONEY_OUT_WORDS | MONEY_IN_WORDS | NET_FLOW_WORDS:
        return None
    both = [c for c in profile["columns"] if measure_col(c) and flows_both_ways(c)
            and (c.get("money") or set(c["tokens"]) & _MONEY_TOKENS)]
    if len(both) == 1 and word not in NET_FLOW_WORDS:
        return both[0]
    return money_taken(profile) if word in NET_FLOW_WORDS and not both and movement_column(profile) else None


def money_column(word: str, profile: dict) -> dict | None:
    """The money column a word of money names: the lexicon's words for the verb first, then the
    table's only money column (a currency, or a money name: "MRR"), or its revenue column; "sales" first the
    money of the largest total when it is named like takings ("orderTotal", not a lone "Unit Cost")."""
    gross = gross_column(profile) if word == "sales" else None
    if gross is not None and revenue_column([gross]):
        return gross
    flow = flow_column(word, profile)
    if flow is not None:
        return flow
    if word not in MONEY_WORDS:
        return None
    by_name = profile["_by_name"]
    # "sales" names an amount that adds up, never a unit price, a refund or a tip ("sales by hour" over Unit Price
    # counts the sales)
    money = [c for c in profile["columns"] if measure_col(c) and (c.get("money") or set(c["tokens"]) & _MONEY_TOKENS)
             and (word != "sales" or c.get("additive", True) and not set(c["tokens"]) & ASIDE_MONEY_WORDS)
             and not _cost_named_as_takings(word, c)]
    named = measure_named(VERB_MEASURES.get(word, [word]), profile)
    # "revenue", "spent" beside a Unit Price and an Order Value: the amount that adds up, not the price
    taken = money_taken(profile) if word not in COST_WORDS and money and \
        not any(c.get("additive", True) for c in money) else None
    if named is not None and by_name[named] in money and (taken is None or by_name[named].get("additive", True)):
        return cast("dict", by_name[named])
    if taken is not None:
        return taken
    if len(money) == 1:
        return money[0]
    whole = [c for c in money if c.get("additive", True) and set(c["tokens"]) & _WHOLE_BILL_WORDS]
    if (word in COST_WORDS or word in _SPEND_NOUNS) and len(whole) == 1:
        return whole[0]  # "cost per mile" over Linehaul ($) and Total Billed: what was billed in all
    if word in _SPEND_NOUNS and not money:
        return _spent_value(profile)
    if word not in _REVENUE_NOUNS:
        return None
    # no money column by name or unit: the takings are a "Total" or a "Booking Value", not "Total Hours"
    takings = [c for c in profile["columns"] if measure_col(c) and c.get("additive", True)
               and not set(c["tokens"]) & (QUANTITY_WORDS | ASIDE_MONEY_WORDS)]
    pool = [c for c in money if not set(c["tokens"]) & ASIDE_MONEY_WORDS]
    return revenue_column(pool) or (revenue_column(takings) if not money else None)


def _cost_named_as_takings(word: str, col: dict) -> bool:
    """"revenue", "sales", "income" name what comes in, never a column named a cost ("revenue and cost by
    month" over an Order Value and a Cost: the Cost is the other side, not the only money there is)."""
    return word in _REVENUE_NOUNS and bool(set(col["tokens"]) & COST_WORDS)


def _spent_value(profile: dict) -> dict | None:
    """"spend by cost code" over a contract register whose only money is "Contract Value": with no column of
    money by name or unit, what is spent is the one additive column named a value, an amount or a total (not a
    "Total Clicks": a total of things said in the plural, not a count of units); None when there is not
    exactly one, so the word stays unlinked."""
    values = [c for c in profile["columns"] if measure_col(c) and c.get("additive", True)
              and set(c["tokens"]) & {"value", "amount", "amt", "total"} and not set(c["tokens"]) & QUANTITY_WORDS
              and not any(w.lower() != singular(w.lower()) for w in split_name(c["name"]))  # "Total Conversions"
              and not _value_of_counted(c, profile)]
    return values[0] if len(values) == 1 else None


def _value_of_counted(col: dict, profile: dict) -> bool:
    """"Conversion Value" beside Conversions: the worth of things the table counts, what they brought in, not
    what was spent."""
    own = set(col["tokens"]) - {"value", "amount", "amt", "total"}
    return any(c is not col and measure_col(c) and {singular(t) for t in c["tokens"]} & own
               for c in profile["columns"])


def money_taken(profile: dict) -> dict | None:
    """The amount a row brings in: its additive money column ("Revenue", "Amount"), else, when the money
    columns are only prices or there are none, the additive column named as takings ("Order Value",
    "Total"), never a quantity ("Total Hours")."""
    return derived(profile, "_money_taken", _money_taken)  # of the profile alone: built once per profile


def _money_taken(profile: dict) -> dict | None:
    kept = [c for c in profile["columns"] if measure_col(c) and c.get("additive", True)
            and not set(c["tokens"]) & ASIDE_MONEY_WORDS]
    money = [c for c in kept if c.get("money") or set(c["tokens"]) & _MONEY_TOKENS]
    if money:
        return revenue_column(money) or (money[0] if len(money) == 1 else None)
    return revenue_column([c for c in kept if not set(c["tokens"]) & QUANTITY_WORDS])


def total_of(col: dict) -> float:
    return float(col.get("mean") or 0.0) * float(col.get("non_null") or 0)


def money_mention(p: Parsed, profile: dict, k: int) -> Mention | None:
    """A word of money or sales at k ("as a share of sales") as a mention of the money column it names."""
    if k >= len(p.toks):
        return None
    word = p.toks[k].text
    col = gross_column(profile) if word in MONEY_WORDS | {"sales", "sale"} else None
    return Mention(column=col["name"], start=k, end=k + 1, score=0.5, tier="partial", words=word) if col else None


def names_things(col: dict) -> bool:
    """A column naming things that rows repeat ("Order #", "Customer ID"): an id, unique or not."""
    return is_identifier(col) or col["type"] == "text" and bool(set(col["tokens"]) & ID_WORDS)


ID_WORDS = {"#", "id", "no", "number", "code"}


def rows_noun(word: str, profile: dict) -> bool:
    """The word names the table's rows (its id column's other word: "visit" for Visit ID)."""
    return any(is_identifier(c) and word in c["tokens"] for c in profile["columns"])


def gross_column(profile: dict) -> dict | None:
    """The money column of the largest total: the gross that discounts, fees or payments are parts of (never
    a refund, a tip or a tax itself)."""
    return derived(profile, "_gross_column", _gross_column)  # of the profile alone: built once per profile


def _gross_column(profile: dict) -> dict | None:
    money = [c for c in profile["columns"] if measure_col(c) and c.get("additive", True) and c.get("money")
             and not set(c["tokens"]) & ASIDE_MONEY_WORDS]
    return max(money, key=total_of) if money else None


# the words of a weight in a column's name ("the heaviest shipment": its weight)
WEIGHT_WORDS = {"weight", "kg", "lb", "mass"}


def size_column(profile: dict[str, Any], bulky: bool = False) -> dict[str, Any] | None:
    """What "the largest orders" / "the 5 biggest shipments" rank by: the money a row brings in, else its
    weight, volume or quantity ("bulkiest": its volume, then its weight)."""
    amounts = [c for c in profile["columns"] if c["role"] == "measure" and is_numeric(c) and not c.get("year_like")]
    kinds = (VOLUME_WORDS, WEIGHT_WORDS) if bulky else (WEIGHT_WORDS, VOLUME_WORDS, QUANTITY_WORDS)
    found = None if bulky else money_taken(profile)
    for words in kinds:
        found = found or next((c for c in amounts if set(c["tokens"]) & words), None)
    return found


# What may follow the rows' noun when it ends what is measured ("the largest order by region", "median order?")
_AFTER_ROWS = {"", "by", "per", "for", "in", "across", "each", "of", "this", "last", "and", "?", ",", ".", "from",
               "with"}


def row_size_said(toks: list[Any], cue_end: int, start: int, end: int) -> bool:
    """"the largest order", "the average order by region": an aggregation right before the rows' noun (over a
    numbered id) that ends what is measured takes what a row came to; not "the most active members" (a word
    between them), nor "average delivery time" (the noun qualifies another)."""
    after = toks[end].text if end < len(toks) else ""
    return cue_end == start and after in _AFTER_ROWS
