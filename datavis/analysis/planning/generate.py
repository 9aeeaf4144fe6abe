"""Plans generated from a question's links (language/linking.py): every combination of a
measure reading, a dimension, a colour and an order that the links license, with the filters
the words state. Each slot records how it was licensed ("agg=cue_near", "dim=grouped", ...);
the ranker (ranker.py) scores those licences with weights fitted on nvBench-train.

A slot needs a link: no measure, column, colour or order appears that no word of the question
asked for, except the defaults a reading needs (rows are counted when nothing is measured; an
aggregation with no column measures the table's main numeric columns, "the largest single
invoice"). The count is bounded (MAX_PLANS) so answering stays fast.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast

from ..datasets.profile import has_line_items, is_identifier
from ..errors import Unanswerable
from ..language.lexicon import (
    ABBREVIATIONS,
    BUYER_WORDS,
    BUYING_VERBS,
    LEVEL_SUPERLATIVES,
    MOMENT_SUPERLATIVES,
    NUMBER_WORDS,
    PAY_LEVEL_WORDS,
    PEOPLE,
    PEOPLE_ROLES,
    PRICE_WORDS,
    SELLER_WORDS,
    SELLING_VERBS,
    SIZE_SUPERLATIVES,
    SPEED_WORDS,
    STOPWORDS,
)
from ..language.linking import Link, Links
from ..language.matching import doer_column, get_index, stem
from ..language.names import singular
from ..language.parsing import is_numeric, main_temporal, names_event_only
from ..language.phrasing import counted_kind, ranked_agg, time_lengths, waits_or_lengths
from ..language.rownoun import counted_noun
from ..plan import Agg, Chart, Dimension, Filter, Grain, Intent, Measure, Order, Plan, of_a_kind, validate_plan
from .measure_base import WEIGHT_WORDS, money_taken, row_size_said, size_column
from .measures import binary, money_column

MAX_PLANS = 160
_AND = {"and", ",", "&", "vs", "versus", "plus", "with"}
_SINGLE_AGGS = ("max", "min", "avg", "median", "sum")
T = TypeVar("T")


@dataclass
class Reading(Generic[T]):
    """One slot's reading and the licence features that allowed it."""

    value: T
    feats: tuple[str, ...]


Measures = Reading[tuple[Measure, ...]]
Ordering = Reading[tuple[Order | None, int | None]]  # the order and the limit


def _agg_of(link: Link) -> Agg:
    # an agg link's target is a key of the lexicon's AGG_CUES (cues.find_aggs), each one an Agg
    return cast("Agg", link.target)


def _filter_of(link: Link) -> Filter:
    assert isinstance(link.target, Filter)  # condition and quality links carry their Filter (linking.py)
    return link.target


def _near_agg(links: Links, start: int) -> Link | None:
    """The aggregation cue just before a column (at most 4 words before it, none in between), or
    the first word of it (the A of ADR said "avg daily rate")."""
    best = None
    for a in value_aggs(links):
        if a.end <= start and start - a.end <= 4 or a.start == start:
            best = a
    return best


def _default_agg(col: dict[str, Any]) -> Agg:
    return "sum" if col.get("additive", True) else "avg"


# A question about groups: "which region", "what product" (not "what is", "what's the youngest age").
_WHICH = re.compile(r"\b(which|who|whose)\b|\bwhat (?!is\b|are\b|was\b|were\b|s\b|the\b|a\b|an\b)\w+")
_EXPLICIT = {"max", "maximum", "maximal", "min", "minimum", "minimal"}


def value_aggs(links: Links) -> list[Link]:
    """Aggregation cues that aggregate values: a superlative that ranks groups ("which 3 stores
    sold the most", "which region has the highest profit") orders them instead, unless the words
    say one row ("the largest single order") or name the maximum outright."""
    ranking = links.limit is not None or bool(_WHICH.search(links.parsed.text.s)) or ranked_groups(links) is not None
    toks = links.parsed.toks
    out: list[Link] = []
    for a in links.aggs:
        words = {t.text for t in toks[a.start:a.end]}
        if a.target in ("max", "min") and ranking and not links.single and not words & _EXPLICIT:
            continue
        out.append(a)
    return out


def rank_word(links: Links) -> str | None:
    """The superlative that ranks groups rather than taking a maximum ("which supplier has the
    longest lead time": "longest"), if any."""
    kept = {id(a) for a in value_aggs(links)}
    ranking = [a for a in links.aggs if a.target in ("max", "min") and id(a) not in kept]
    if ranking:
        return links.parsed.toks[ranking[0].start].text
    # "which carrier is slowest": a speed ranks the groups by their typical length of time
    return next((t.text for t in links.parsed.toks if t.text in SPEED_WORDS), None)


_NOT_BETWEEN = {"by", "per", "for", "each", "across", "in", "of", "over", "and", ",", "vs"}


def _group_links(links: Links) -> list[Link]:
    return [c for c in links.columns if "role=dimension" in c.feats and "condition" not in c.feats]


def ranked_groups(links: Links) -> tuple[bool, int | None] | None:
    """A superlative that ranks the groups of the dimension it describes, as (descending, limit):
    before its noun ("biggest spending department", "the 2 cheapest software vendors", "lowest churn
    plan": a singular noun is one group, a number says how many) or a few words after "N <noun>"
    ("3 categories with the lowest spend", "which 3 sales reps billed the least"). None when no
    superlative describes a dimension."""
    toks = links.parsed.toks
    # a speed ranks by time: "the two fastest carriers" are the two of least time
    sups = [(a.start, a.end, a.target == "max") for a in links.aggs if a.target in ("max", "min")] + \
        [(t.i, t.i + 1, SPEED_WORDS[t.text]) for t in toks if t.text in SPEED_WORDS]
    for (start, end, desc), d in itertools.product(sups, _group_links(links)):
        if d.start >= end and d.start - end <= 3 and not {t.text for t in toks[end:d.start]} & _NOT_BETWEEN:
            n = _number_at(toks, start - 1)
            return desc, n if n is not None else None if toks[d.end - 1].text.endswith("s") else 1
        # "3 categories with the lowest spend", "which 3 reps billed the least", "3 destination states with …"
        n = _number_at(toks, d.start - 1)
        if n is None and d.start >= 2 and toks[d.start - 1].text not in _NOT_BETWEEN | STOPWORDS:
            n = _number_at(toks, d.start - 2)
        if n is not None and d.end <= start <= d.end + 5 and \
                not {t.text for t in toks[d.end:start]} & (_NOT_BETWEEN - {"in", "of"}):
            return desc, n
        if n is None and [t.text for t in toks[d.end:start]] == ["with", "the"] and d.end - d.start == 1 \
                and toks[d.start].text == toks[d.start].sing:
            return desc, 1  # "agent with the slowest first response": one agent, as "which agent has the …"
    return None


def _number_at(toks: list[Any], i: int) -> int | None:
    """The small whole number at token i ("the 3 ...", "the five ..."), if any."""
    if not 0 <= i < len(toks):
        return None
    if re.fullmatch(r"\d{1,2}", toks[i].text) and int(toks[i].text) > 0:
        return int(toks[i].text)
    n = NUMBER_WORDS.get(toks[i].text)
    return n if isinstance(n, int) and n > 1 else None


def _numeric_links(links: Links, profile: dict[str, Any]) -> list[Link]:
    """Linked numeric columns that can be measured: measures, and numeric identifiers the words
    name (nvBench plots "manager_id by last name" as the raw values)."""
    by_name = profile["_by_name"]
    rows = ranks_rows(links)  # "the 3 biggest orders" over Order #: the noun is the rows ranked, not a number
    dated = _dated_rows(links)  # "our first order": its date, not its number
    out: list[Link] = []
    for c in links.columns:
        col = by_name[str(c.target)]
        if is_numeric(col) and col["role"] in ("measure", "identifier") and "condition" not in c.feats and \
                str(c.target) not in [str(o.target) for o in out] and \
                not ((rows or c is dated) and col["role"] == "identifier"):
            out.append(c)
    return out


def _measures_of(c: Link, links: Links, profile: dict[str, Any]) -> Iterator[Measures]:
    col = profile["_by_name"][str(c.target)]
    near = _near_agg(links, c.start)
    if col["role"] == "identifier":  # an id is shown as it is, or aggregated only when a cue just before asks
        if near is not None and "entity" in c.feats:  # the id named by the rows' noun: never its numbers' sum
            # "the largest order by region", "the average order": what an order came to ("total orders": a count)
            said = row_size_said(links.parsed.toks, near.end, c.start, c.end)
            size = size_column(profile) if said and near.target not in ("sum", "count") else None
            if size is not None:  # (rules._rows_aggregated reads them so)
                yield Reading((Measure(column=size["name"], agg=_agg_of(near)),),
                              ("agg=cue_near", f"aggcue={near.feats[0]}"))
        elif near is not None and near.target != "count":
            yield Reading((Measure(column=col["name"], agg=_agg_of(near)),), ("agg=cue_near", "yid"))
        yield Reading((Measure(column=col["name"], agg="none"),), ("agg=raw", "yid"))
        return
    seen: set[Agg] = set()
    if near is not None and near.target != "count":
        seen.add(_agg_of(near))
        yield Reading((Measure(column=col["name"], agg=_agg_of(near)),), ("agg=cue_near", f"aggcue={near.feats[0]}"))
    for a in value_aggs(links):
        if a.target not in seen and a.target != "count":
            seen.add(_agg_of(a))
            yield Reading((Measure(column=col["name"], agg=_agg_of(a)),), ("agg=cue_far",))
    if near is not None and near.target == "count":
        yield Reading((Measure(column=col["name"], agg=_default_agg(col)),), ("agg=count_of_measure",))
    ranked = cast("Agg", ranked_agg(col, rank_word(links)))
    if not seen and ranked != _default_agg(col):  # "which supplier has the longest lead time": by its average
        yield Reading((Measure(column=col["name"], agg=ranked),), ("agg=ranked_level",))
    if _default_agg(col) not in seen:
        yield Reading((Measure(column=col["name"], agg=_default_agg(col)),), ("agg=default",))
    if not seen and _named_groups_compared(c, links, col):
        yield Reading((Measure(column=col["name"], agg="avg"),), ("agg=compared_level",))
    yield Reading((Measure(column=col["name"], agg="none"),), ("agg=raw",))


def _named_groups_compared(c: Link, links: Links, col: dict[str, Any]) -> bool:
    """Pay compared between groups the words name ("compare pay for men vs women", "salary of men and
    women across departments"): each group's typical pay, its average, not its payroll."""
    words = set(col["tokens"]) | {t.text for t in links.parsed.toks[c.start:c.end]}
    listed = any(_filter_of(x).op == "in" and len(_filter_of(x).values) >= 2 for x in links.conditions)
    return bool(words & PAY_LEVEL_WORDS) and listed and _default_agg(col) != "avg"


def _pairs(nums: list[Link], links: Links, profile: dict[str, Any]) -> Iterator[Measures]:
    """Two measures joined by and / vs / a comma ("revenue and profit", "min and max salary"), and
    three listed ("revenue, cost and units")."""
    toks = links.parsed.toks
    joined = [(a, b) for a, b in itertools.pairwise(nums) if _joins(a, b, links)]
    for a, b in joined:
        ms = _joined_measures((a, b), links, profile)
        yield Reading(ms, ("two=and", *_money_feat(a, b)))
        if not (links.groups or links.grains or links.parsed.trend):  # "by month" aggregates them
            yield Reading(tuple(Measure(column=m.column, agg="none") for m in ms), ("two=raw",))
    for (a, b), (b2, c) in itertools.pairwise(joined):
        if b is b2 and len({str(x.target) for x in (a, b, c)}) == 3:
            yield Reading(_joined_measures((a, b, c), links, profile), ("two=and", *_money_feat(a, b, c)))
    # "min and max salary": two cues on one column
    cues = [a for a in value_aggs(links) if a.target in _SINGLE_AGGS]
    for x, y in itertools.pairwise(cues):
        nxt = next((c for c in nums if c.start >= y.end and c.start - y.end <= 3), None)
        if nxt is not None and {t.text for t in toks[x.end:y.start]} & _AND and _agg_of(x) != _agg_of(y):
            col = str(nxt.target)
            yield Reading((Measure(column=col, agg=_agg_of(x)), Measure(column=col, agg=_agg_of(y))),
                          ("two=cues", *_money_feat(nxt)))
    yield from _count_pairs(nums, links, profile)


def _joins(a: Link, b: Link, links: Links) -> bool:
    """Whether two measure links next to each other are joined by and / vs / a comma, and name two columns."""
    toks = links.parsed.toks
    between = {t.text for t in toks[a.end:b.start]} | _symbols_between(links, a, b)
    money_side = "money_word" in a.feats or "money_word" in b.feats  # "revenue vs cost": a word of money is a number
    if not between & _AND or b.start - a.end > 4 or \
            between & {"vs", "versus"} and not (links.parsed.correl or money_side):
        return False  # "fee on time vs late": vs joins two measures only between two numbers (parsing._versus)
    return str(a.target) != str(b.target)  # two spans naming one column: "profit ... and profit?" is one measure


def _joined_measures(cs: tuple[Link, ...], links: Links, profile: dict[str, Any]) -> tuple[Measure, ...]:
    """Joined measures, each with the aggregation said just before it, else the one said before the
    first ("average sent and opened"), else its column's usual one; with no aggregation said and a level
    among them per group ("wait vs talk time per agent"), every one's average: a total beside an average
    reads as two of a kind."""
    cols = [profile["_by_name"][str(c.target)] for c in cs]
    said: list[Agg | None] = []
    for c in cs:
        near = _near_agg(links, c.start)
        said.append(_agg_of(near) if near is not None and near.target != "count" else None)
    usual = [_default_agg(col) for col in cols]
    if (links.groups or links.grains or links.parsed.trend) and not any(said):
        usual = of_a_kind(usual)
    return tuple(Measure(column=col["name"], agg=agg or said[0] or level)
                 for col, agg, level in zip(cols, said, usual, strict=True))


def _plural_label(c: Link, links: Links, profile: dict[str, Any]) -> bool:
    """A column of one label per row named by the rows' noun ("tickets" of Ticket): the rows it labels
    ("the famous titles and ages" lists titles; it counts nothing)."""
    return "type=text" in c.feats and links.parsed.toks[c.end - 1].text == counted_noun(profile)


def _symbols_between(links: Links, a: Link, b: Link) -> set[str]:
    """"&" between two links ("impressions & clicks"): the tokenizer keeps words only."""
    p = links.parsed
    if a.end < 1 or b.start >= len(p.toks) or a.end > b.start:
        return set()
    return {"&"} if "&" in p.question[p.toks[a.end - 1].end:p.toks[b.start].start] else set()


def _money_feat(*cs: Link) -> tuple[str, ...]:
    return ("money=word",) if any("money_word" in c.feats for c in cs) else ()


def _count_pairs(nums: list[Link], links: Links, profile: dict[str, Any]) -> Iterator[Measures]:
    """A count and a measure joined by "and" ("number of claims and total amount", "monthly spend and
    number of orders"), or the rows' noun right beside one ("sales and orders by month", "tickets and
    average csat"): the rows counted beside the measure."""
    toks = links.parsed.toks
    cued = {k for a in links.aggs for k in range(a.start, a.end)}
    nouns = [c for c in links.columns
             if "unique" in c.feats and ("entity" in c.feats or _plural_label(c, links, profile))
             or _events_of_a_date(c, links, profile)]
    for cue in [a for a in links.aggs if a.target == "count"] + nouns:
        for c in nums:
            lo, hi = (cue.end, c.start) if cue.end <= c.start else (c.end, cue.start)
            between = {toks[k].text for k in range(lo, hi) if cue.kind == "agg" or k not in cued}
            # "plot total spend against number of orders": "against" joins two numbers plotted one by the other
            joiners = between & (_AND | ({"against"} if links.parsed.correl else set()))
            versus = joiners & {"vs", "versus"} and not links.parsed.correl  # "approved vs rejected expenses"
            if hi < lo or hi - lo > 6 or not joiners or versus or cue.kind == "column" and not between <= _AND:
                continue  # ("number of invoices vs total amount per customer" plots one against the other: _dots)
            near = _near_agg(links, c.start)
            col = profile["_by_name"][str(c.target)]
            if col["role"] == "identifier":
                continue  # "the number of pilots" counts the pilots: their ids are no measure
            agg = _agg_of(near) if near is not None and near.target != "count" else _default_agg(col)
            pair = (Measure(column=None, agg="count"), Measure(column=col["name"], agg=agg))
            yield Reading(pair if cue.end <= c.start else pair[::-1], ("two=count_and", *_money_feat(c)))


def _events_of_a_date(c: Link, links: Links, profile: dict[str, Any]) -> bool:
    """A plural noun of the event a date column records on every row ("bookings" of Booked On, "intakes" of
    Intake Date): the rows, counted ("bookings and revenue by city")."""
    col = profile["_by_name"][str(c.target)]
    t = links.parsed.toks[c.end - 1]
    if c.end - c.start != 1 or t.text == t.sing or col["type"] not in ("date", "datetime") or \
            col["non_null"] < profile["row_count"]:
        return False
    first = str((col.get("tokens") or [""])[0])
    return len(first) >= 4 and stem(t.sing) == stem(first)


_GROUPING = {"by", "per", "across", "over", "for"}
_PREDICATE = {"were", "was", "are", "is", "been", "be", "that", "who", "which", "got", "get"}  # "that were returned"
_SHARE_WORDS = {"rate", "rates", "percent", "percentage", "proportion", "ratio", "fraction", "share", "often"}


def share_asked(links: Links) -> bool:
    """Whether the words ask for a share ("what percentage", "return rate", "% of"), or measure a
    Yes/No column by groups ("conversion by channel")."""
    toks = links.parsed.toks
    measured = any(c.target in links.booleans and c.end < len(toks) and toks[c.end].text in _GROUPING
                   and not (c.start > 0 and toks[c.start - 1].text in _PREDICATE) for c in links.columns)
    return links.parsed.share or bool(links.words & _SHARE_WORDS) or "%" in links.question or measured


def money_links(links: Links, profile: dict[str, Any]) -> list[Link]:
    """A column link for each word of money no numeric column link covers ("monthly spend"), to the
    money column it names (measures.money_column)."""
    by_name = profile["_by_name"]
    toks = links.parsed.toks
    taken = {k for c in links.columns + links.values + links.conditions for k in range(c.start, c.end)
             if (not _value_said_by_alias(c, toks) if c.kind != "column" else is_numeric(by_name[str(c.target)])
                 or not {"entity", "partial"} & set(c.feats)
                 and toks[k].sing in by_name[str(c.target)]["tokens"])}  # "spending team" names Team by its word
    out: list[Link] = []
    for t in toks:
        if t.i + 1 < len(toks) and toks[t.i + 1].text == "of" and t.sing == "amount":
            continue  # "the amount of orders" counts them
        col = money_column(t.text, profile) if t.i not in taken else None
        if col is not None and col["name"] not in [str(o.target) for o in out]:
            out.append(Link("column", col["name"], t.i, t.i + 1, 0.7, ("money_word",)))
    return out


def _money_beside(nums: list[Link], links: Links, profile: dict[str, Any]) -> list[Link]:
    """A word of money joined to a named number ("revenue and cost by month" over an Order Value and a
    Cost): the money column it names, for a pair only (`_pairs` joins it to its neighbour by and / vs / a
    comma); a word of the very column already named adds nothing."""
    named = {str(c.target) for c in nums}
    return [c for c in money_links(links, profile) if str(c.target) not in named]


def _value_said_by_alias(link: Link, toks: list[Any]) -> bool:
    """A one-word value link whose word is not the value ("pipeline" → Stage = Open): the word may also
    name the money it filters."""
    target = link.target
    return link.kind == "value" and link.end - link.start == 1 and isinstance(target, tuple) and \
        str(target[1]).lower() != toks[link.start].text


def measure_readings(links: Links, profile: dict[str, Any], money: bool = True) -> list[Measures]:
    """What can be measured: counted rows, each linked numeric column with its licensed
    aggregations, a word of money (unless `money` is False), a share of a Yes/No column, two
    measures joined by "and"."""
    by_name = profile["_by_name"]
    count_cue = any(a.target == "count" for a in links.aggs)
    nums = _numeric_links(links, profile)
    out: list[Measures] = []  # rows are counted when the words ask, or when they name nothing to measure
    timed = not nums and _speed_of_lengths(links, profile)  # "which agent is fastest": never a count
    if count_cue or not nums and not timed or nums and all(binary(by_name[str(c.target)]) for c in nums):
        out.append(Reading((Measure(column=None, agg="count"),), ("count=cue" if count_cue else "count=default",)))
    for c in nums:
        out += list(_measures_of(c, links, profile))
    moneyed = money_links(links, profile) if money and not nums else []
    for c in moneyed:
        near = _near_agg(links, c.start)
        if near is not None and near.target == "count":
            continue  # "how many expenses" counts them
        out += [Reading(r.value, (*r.feats, "money=raw" if r.feats[0] == "agg=raw" else "money=word"))
                for r in _measures_of(c, links, profile)]
    beside = _money_beside(nums, links, profile) if money and nums else []
    out += list(_pairs(sorted(nums + moneyed + beside, key=lambda c: c.start), links, profile))
    if count_cue:
        out += _counted_people(links, profile)
    for c in links.columns:
        col = by_name[str(c.target)]
        if col["type"] == "boolean" and share_asked(links):  # "orders that were returned" is a condition
            out.append(Reading((Measure(column=col["name"], agg="avg"),), ("share=boolean",)))
        elif not is_numeric(col) and not col.get("unique") and col["role"] != "temporal" and \
                (count_cue or _counted_plural(c, links)):
            feat = "agg=count_distinct" if count_cue else "agg=counted_plural"
            counted = _counted_entity(col["name"], links) if has_line_items(profile) else ()
            out.append(Reading((Measure(column=col["name"], agg="count_distinct"),), (feat, *counted)))
    single = [a for a in value_aggs(links) if a.target in _SINGLE_AGGS]
    ranked = [a for a in links.aggs if a.target in ("max", "min")]
    # "the largest single invoice", "which 5 customers did we bill the most", "the 3 priciest products"
    if (single or ranked or kind_tokens(links, profile)) and not nums and not _total_of_rows(links, single):
        out += _implicit_readings(links, profile, single)
        out += _count_and_cue(links, out, single)
    return out + _moment_readings(links, profile, nums)


_MORE_WORDS = {"most", "fewest", "more", "fewer", "least"}
_HAVING = {"has", "have", "had", "with", "having", "got", "gets"}


def _counted_plural(c: Link, links: Links) -> bool:
    """A column named in the plural as what a group has the most of, or per group ("which plan has the most
    (churned) **customers**", "**customers** per country"): its distinct values are counted, as after "how
    many". ("the 5 least used stations", "top 5 countries by …" rank the groups themselves.)"""
    toks = links.parsed.toks
    t = toks[c.end - 1]
    if t.text == t.sing or c.end - c.start != 1:
        return False
    after = toks[c.end].text if c.end < len(toks) else ""
    more = next((k for k in (c.start - 1, c.start - 2) if k >= 2 and toks[k].text in _MORE_WORDS), None)
    had = more is not None and toks[more - 1].text == "the" and toks[more - 2].text in _HAVING
    return had or after == "per"


def _moment_readings(links: Links, profile: dict[str, Any], nums: list[Link]) -> list[Measures]:
    """"the 10 most recent calls", "the 5 newest hires": a count before a superlative of a moment lists that
    many rows by their date (the date column the words name, else the main one), each with its date; groups
    by their latest (or earliest) date."""
    dated = _dated_rows(links)
    if not (dated or links.limit is not None and not nums and links.words & MOMENT_SUPERLATIVES):
        return []
    col = main_temporal(profile, links.parsed.date_column)
    if col is None or col["type"] not in ("date", "datetime"):
        return []
    # "which customer ordered most recently": per group; "when was our first order": the earliest date
    last: Agg = "min" if links.words & {"earliest", "first", "oldest"} else "max"
    return [Reading((Measure(column=col["name"], agg="none"),), ("agg=raw", "implicit=0", "implicit=kind")),
            Reading((Measure(column=col["name"], agg=last),), ("agg=implicit_cue", "implicit=0", "implicit=kind"))]


_GROUP_WORDS = {"per", "by", "each", "every", "across"}
_ROW_MOMENTS = MOMENT_SUPERLATIVES | {"first", "last", "oldest"}


def _dated_rows(links: Links) -> Link | None:
    """The rows' noun said right after a moment ("our first order", "the latest order by customer", "last
    booking"): the rows' date is asked, not their id; with no count before it ("the first 5 orders" lists rows)."""
    toks = links.parsed.toks
    if links.limit is not None:
        return None
    return next((c for c in links.columns if "entity" in c.feats and "unique" in c.feats and c.start > 0
                 and toks[c.start - 1].text in _ROW_MOMENTS and toks[c.end - 1].text == toks[c.end - 1].sing), None)


def _count_and_cue(links: Links, readings: list[Measures], single: list[Link]) -> list[Measures]:
    """"count and total of orders", "number and value of sales": the rows counted beside the aggregation
    of the table's main measure that the second cue names (its first implicit reading)."""
    toks = links.parsed.toks
    counts = [a for a in links.aggs if a.target == "count"]
    for cue, other in itertools.product(counts, single):
        lo, hi = (cue.end, other.start) if cue.end <= other.start else (other.end, cue.start)
        if not 0 <= hi - lo <= 2 or not {t.text for t in toks[lo:hi]} & _AND:
            continue
        main = next((r for r in readings if "agg=implicit_cue" in r.feats and "implicit=0" in r.feats), None)
        if main is not None:
            pair = (Measure(column=None, agg="count"), main.value[0])
            return [Reading(pair if cue.end <= other.start else pair[::-1], ("two=count_and",))]
    return []


# a noun of someone who does something ("contractors", "engineers", "part-timers", "trainees", "technicians")
_AGENT_NOUN = re.compile(r"[a-z-]{3,}(?:ers?|ors?|ists?|ees?|ians?)")


def _counted_people(links: Links, profile: dict[str, Any]) -> list[Measures]:
    """"how many employees per department", "number of people by gender" in a table whose rows are
    not people (timesheets, orders): the distinct people of its column of people, not the rows."""
    if counted_noun(profile) in PEOPLE_ROLES | {w + "s" for w in PEOPLE_ROLES}:
        return []
    toks = links.parsed.toks
    out: list[Measures] = []
    # a value coded otherwise than said ("contractors" ~ CTR): a kind of person; a value said as written
    # ("transfers" ~ Transfer, "printers") is a kind of thing
    valued = {k for v in links.values if isinstance(v.target, tuple) and singular(str(v.target[1]).lower())
              != singular(links.parsed.toks[v.start].text) for k in range(v.start, v.end)}
    for cue in (a for a in links.aggs if a.target == "count"):
        said = [t for t in toks[cue.end:cue.end + 3]
                if t.sing in PEOPLE_ROLES or t.text in PEOPLE_ROLES or ABBREVIATIONS.get(t.sing) in PEOPLE_ROLES
                or t.i in valued and _AGENT_NOUN.fullmatch(t.text)]  # "how many contractors" ~ Type = CTR
        if any(t.text in ("headcount", "head") for t in toks[cue.start:cue.end]):
            said = toks[cue.start:cue.start + 1]  # "headcount by department": people, whatever follows
        if not said or any(t.text in _GROUP_WORDS for t in toks[cue.end:said[0].i]):
            continue  # "invoice count per rep" counts invoices for each rep
        named = {str(c.target) for c in links.columns if c.start <= said[0].i < c.end}
        for col in _people_columns(profile):
            if (not named or col["name"] in named) and 2 * (col.get("distinct") or 0) < (profile.get("row_count") or 0):
                out.append(Reading((Measure(column=col["name"], agg="count_distinct"),), ("agg=count_people",)))
                break
    return out[:1]


_PRICE_SUPERLATIVES = {"cheapest", "cheaper", "priciest", "pricier", "expensive", "costliest", "dearest"}
# a superlative that says which quantity it ranks ("the heaviest shipment": its weight)
_DURATION = {"duration", "length", "night", "minute", "min", "hour", "day", "time"}  # column tokens are singular
_KIND_SUPERLATIVES = {"heaviest": WEIGHT_WORDS, "lightest": WEIGHT_WORDS, "tallest": {"height"}, "oldest": {"age"},
                      "youngest": {"age"}, "longest": _DURATION, "shortest": _DURATION,
                      **dict.fromkeys(SPEED_WORDS, _DURATION)}  # "the slowest shipments": by their duration


def _speed_of_lengths(links: Links, profile: dict[str, Any]) -> bool:
    """A speed said over a table with a column of lengths of time ("which carrier is slowest": by days in transit)."""
    return bool(links.words & SPEED_WORDS.keys()) and any(
        set(c["tokens"]) & _DURATION for c in profile["columns"] if c["role"] == "measure" and is_numeric(c))


def priced(links: Links) -> bool:
    """Whether a superlative of price ranks ("the five cheapest products", "most expensive hotel")."""
    return bool(links.words & _PRICE_SUPERLATIVES)


def kind_tokens(links: Links, profile: dict[str, Any]) -> set[str]:
    """The column words of the quantity a superlative ranks: a price, a weight, an age, a duration, or
    the size of the rows (`size_column`)."""
    if priced(links):  # "the 5 most expensive orders": what each order came to; "products": their price
        taken = money_taken(profile) if _rows_named(links) else None
        return set(taken["tokens"]) if taken is not None else PRICE_WORDS
    kind = next((_KIND_SUPERLATIVES[w] for w in sorted(links.words & _KIND_SUPERLATIVES.keys())), set())
    if kind is _DURATION:  # "slowest to answer": the wait's length, of several
        lengths = waits_or_lengths(time_lengths(profile), set(links.words))
        return {w for c in lengths for w in c["tokens"]} if len(lengths) == 1 else kind
    if kind or not links.words & SIZE_SUPERLATIVES:
        return kind
    col = size_column(profile, bulky="bulkiest" in links.words)
    return set(col["tokens"]) if col is not None else set()


def _rows_named(links: Links) -> bool:
    """The words name the rows themselves (a unique column's noun: "orders" → Order ID, "receipts" → Receipt)."""
    return any("unique" in c.feats for c in links.columns)


def _counted_entity(column: str, links: Links) -> tuple[str, ...]:
    """"how many orders were picked per zone" over pick lines whose Order No repeats: the things a count cue
    names by the noun of a repeating id column (the entity tier) are counted once each."""
    return ("count=entity",) if any(
        str(c.target) == column and "entity" in c.feats and c.end - c.start == 1 and a.target == "count"
        and a.end == c.start for c in links.columns for a in links.aggs) else ()


def _total_of_rows(links: Links, single: list[Link]) -> bool:
    """"total bookings this year": a total whose next word is the rows' own noun
    (linked to the unique identifier by its noun, "bookings" → booking_id) counts the rows; it adds up no
    number column the words do not name. ("the total of orders" is what they came to.)"""
    cues = [a for a in single if a.target == "sum"]
    toks = links.parsed.toks  # the noun said in the plural: "bookings", not a "booking value"
    return any(c.start == a.end and "unique" in c.feats and "entity" in c.feats
               and c.start < len(toks) and toks[c.start].text != toks[c.start].sing
               for a in cues for c in links.columns)


def _implicit_readings(links: Links, profile: dict[str, Any], single: list[Link]) -> list[Measures]:
    """The table's main measures for an aggregation or a superlative with no column named: amounts
    first, the quantity a superlative names first ("the five cheapest products": by unit price; "the
    heaviest shipment": by weight)."""
    by_price, kind = priced(links), kind_tokens(links, profile)
    main = sorted((c for c in profile["columns"] if c["role"] == "measure" and is_numeric(c)),
                  key=lambda c: (bool(kind) and not set(c["tokens"]) & kind,
                                 by_price and "price" not in c["tokens"],  # the price asked, before a cost
                                 not c.get("money"), not c.get("additive", True)))[:2]
    out: list[Measures] = []
    for i, col in enumerate(main):
        cue = _agg_of(single[0]) if single else None
        # cheapness and speed are per thing, not a total
        usual: Agg = "avg" if by_price or links.words & (SPEED_WORDS.keys() | LEVEL_SUPERLATIVES) else _default_agg(col)
        named = i == 0 and bool(set(col["tokens"]) & kind)
        for agg in dict.fromkeys((cue or usual, usual)):
            how = "agg=implicit_cue" if agg == cue else "agg=implicit_default"
            extra = (("implicit=price",) if by_price else ("implicit=kind",)) if named else ()
            out.append(Reading((Measure(column=col["name"], agg=agg),), (how, f"implicit={i}", *extra)))
        if named and links.limit is not None:  # "the 3 longest calls": each call's own duration, N rows
            out.append(Reading((Measure(column=col["name"], agg="none"),), ("agg=raw", f"implicit={i}", *extra)))
    return out


def _grain_for(col: dict[str, Any], links: Links, base: Plan | None) -> Grain | None:
    if links.grains and (col["type"] in ("date", "datetime") or col.get("year_like")):
        # a grain link carries parsed.grain, from cues.find_grain: GRAIN_WORDS values or a "binned by" unit, all Grains
        return cast("Grain", str(links.grains[0].target))
    if base is not None and base.dimension is not None and base.dimension.column == col["name"]:
        return base.dimension.grain
    return span_grain(col) if col["type"] in ("date", "datetime") else None


_SPAN_GRAINS: tuple[tuple[int, Grain], ...] = ((62, "day"), (120, "week"), (366 * 5, "month"), (366 * 15, "quarter"))


def span_grain(col: dict[str, Any]) -> Grain | None:
    """A grain giving a readable number of points over the column's whole span (no grain word)."""
    try:
        days = (dt.date.fromisoformat(str(col["max"])[:10]) - dt.date.fromisoformat(str(col["min"])[:10])).days + 1
    except (KeyError, TypeError, ValueError):
        return None
    if col["type"] == "date" and (col.get("distinct") or 0) <= 1000 and days <= 1100:
        return None  # a named date column with at most ~1,000 days stays daily
    for limit, grain in _SPAN_GRAINS:
        if days <= limit:
            return grain
    return "year"


_ALT_GRAINS: tuple[Grain | None, ...] = (None, "year", "month", "weekday")


def _grains_of(col: dict[str, Any], links: Links, base: Plan | None,
               feats: tuple[str, ...]) -> list[Reading[Dimension | None]]:
    """A date axis at the grain the words or the span give, and, when no grain word is said, at the
    other grains a chart of it commonly takes (each dates, years, months, days of the week)."""
    grain = _grain_for(col, links, base)
    out: list[Reading[Dimension | None]] = [Reading(Dimension(column=col["name"], grain=grain), feats)]
    if col["type"] in ("date", "datetime") and not links.grains:
        out += [Reading(Dimension(column=col["name"], grain=g), (*feats, f"grain=alt_{g}"))
                for g in _ALT_GRAINS if g != grain]
    return out


def dimension_readings(links: Links, profile: dict[str, Any], base: Plan | None) -> list[Reading[Dimension | None]]:
    """None (one number), each linked column that can be an axis, the main date for a grain or
    trend word, and the rows' label column when the question names the rows ("who")."""
    by_name = profile["_by_name"]
    grouped = {str(g.target) for g in links.groups}
    one_number: list[Reading[Dimension | None]] = [Reading(None, ("dim=none",))]
    compared = set() if links.groups or links.grains else {f.column for f in listed_with_and(links)}
    out = one_number if links.limit is None else []  # a limit needs an axis
    rows_ranked = ranks_rows(links)
    for c in links.columns:
        col = by_name[str(c.target)]
        if any(r.value is not None and r.value.column == col["name"] for r in out):
            continue
        if (is_identifier(col) and not col.get("unique")) or (is_numeric(col) and col["role"] == "measure"
                                                               and not col.get("groupable")
                                                               and (col["name"] not in grouped or rows_ranked)):
            continue  # "the 6 largest parcels by volume": rows ranked by it, not grouped
        if links.grains and col["role"] != "temporal":
            continue  # "monthly revenue by region": the grain word names the time axis; region is a colour
        if col["name"] not in grouped and (names_event_only(links.parsed, col) or counted_distinct(c, links)):
            continue  # "number of distinct films by cinema": the films are counted, not an axis
        if "condition" in c.feats and col["name"] not in grouped and col["role"] == "measure":
            continue  # "how many items are below reorder level": a number compared is not an axis
        how = "dim=grouped" if col["name"] in grouped else "dim=linked"
        listed = ("dim=values",) if col["name"] in compared else ()  # "annual vs monthly contracts"
        out += _grains_of(col, links, base, (how, f"dimrole={col['role']}", f"dimtier={c.feats[0]}", *listed))
    for f in listed_with_and(links) if not (links.groups or links.grains) else []:
        if not any(r.value is not None and r.value.column == f.column for r in out):
            out.append(Reading(Dimension(column=f.column), ("dim=values",)))  # "male and female": a bar each
    tcol = main_temporal(profile, links.parsed.date_column)  # the date column the words name, else the main one
    if tcol is not None and (links.grains or links.parsed.trend) and \
            not any(r.value is not None and r.value.column == tcol["name"] for r in out):
        out += _grains_of(tcol, links, base, ("dim=time_word",))
    people = _people_by_role(links, _people_columns(profile)) if links.words & {"who", "whom"} else []
    said = {str(c.target) for c in links.columns} & {c["name"] for c in people}
    if said:  # "who manages the most projects": the people the words name (projectManager), not the clients
        out = [dataclasses.replace(r, feats=(*r.feats, "dim=who")) if r.value is not None and r.value.column in said
               and not r.value.grain else r for r in out]
        people = []
    # "who spent the most on travel": the people who did, not each row
    out += [Reading(Dimension(column=c["name"]), ("dim=who",)) for c in people
            if not any(r.value is not None and r.value.column == c["name"] for r in out)]
    label = _label_column(profile)
    dims = [r.value for r in out if r.value is not None]
    asked = links.limit is not None or bool(links.words & {"who", "whom"})  # "the top 5 ...", "who ..."
    if label is not None and _names_rows(links, profile) and asked and not people \
            and not any(profile["_by_name"][d.column]["role"] == "dimension" for d in dims) and \
            not any(d.column == label["name"] for d in dims):
        out.append(Reading(Dimension(column=label["name"]), ("dim=entity",)))
    return out


def listed_with_and(links: Links) -> list[Filter]:
    """Conditions that list two or more values of one column joined by "and" or "vs" ("male and female");
    with "or" ("Texas or Ohio") the values are pooled."""
    out = []
    for f in map(_filter_of, links.conditions):
        spans = [(v.start, v.end) for v in links.values if isinstance(v.target, tuple) and v.target[0] == f.column]
        if f.op != "in" or len(f.values) < 2 or len(spans) < 2:
            continue
        between = {t.text for t in links.parsed.toks[min(a for a, _ in spans):max(b for _, b in spans)]}
        if between & {"and", "vs", "versus"} and "or" not in between:  # "canada vs the uk": a bar each too
            out.append(f)
    return out


def _people_columns(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """Text columns of people that repeat (each person has several rows): "Employee", "sales_rep", "agent"."""
    idx = get_index(profile)  # a name's words expanded: cust_id is a customer's, emp_nm an employee's
    forms = idx.forms
    # a name of who did a thing, "<verb> by" (booked_by, approved_by), holds people too
    return [c for c in profile["columns"] if c["role"] == "dimension" and c["type"] == "text"
            and not c.get("unique") and ((set(c.get("tokens") or []) | set(forms[c["name"]])) & PEOPLE_ROLES
                                         or doer_column(idx.plain[c["name"]]))]


def _people_by_role(links: Links, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"who sold the most": the sellers' column first (Sales Rep before Customer); "who spent the most": the
    buyers' (the ranker takes the first of equal readings)."""
    first = SELLER_WORDS if links.words & SELLING_VERBS else BUYER_WORDS if links.words & BUYING_VERBS else None
    return sorted(people, key=lambda c: not (first and set(c.get("tokens") or []) & first))


def _label_column(profile: dict[str, Any]) -> dict[str, Any] | None:
    cols = profile["columns"]
    label = next((c for c in cols if c["type"] == "text" and c.get("unique")
                  and set(c.get("tokens") or []) & {"name", "title", "label"}), None)
    return label or next((c for c in cols if is_identifier(c) and c.get("unique")), None) or \
        next((c for c in cols if c["type"] == "text" and c.get("unique") and set(c.get("tokens") or []) & PEOPLE_ROLES),
             None)  # a staff list's "Employee": each row is one person


def _names_rows(links: Links, profile: dict[str, Any]) -> bool:
    """The words name the rows: "who", their counted noun, people, or a count before a superlative of a
    kind of row ("the 3 heaviest parcels", "the 5 newest hires": rows, whatever the noun)."""
    noun = counted_noun(profile)
    return ranks_rows(links) or bool(links.words & ({"who", "whom", noun, noun.rstrip("s")} | PEOPLE))


def ranks_rows(links: Links) -> bool:
    """A count before a superlative that says what it ranks by ("the 3 heaviest parcels", "the 5 biggest
    shipments", "the 10 most recent calls"): rows listed by their own weight, size or date."""
    return links.limit is not None and links.parsed.limit_numbered and bool(links.words & row_superlatives())


def row_superlatives() -> set[str]:
    """The superlatives that say what rows are ranked by: a size, a kind (weight, length), a price, a moment."""
    return MOMENT_SUPERLATIVES | SIZE_SUPERLATIVES | _KIND_SUPERLATIVES.keys() | _PRICE_SUPERLATIVES


def counted_distinct(c: Link, links: Links) -> bool:
    """A column said right after a count cue and "distinct", "unique" or "different" ("how many different films",
    "number of unique customers"): its values are what is counted, never an axis or a colour ("the proportion of
    the different types" still breaks down by them)."""
    toks = links.parsed.toks
    return c.start > 1 and toks[c.start - 1].text in ("distinct", "unique", "different") and \
        toks[c.start - 2].text in ("many", "of", "count", "number", "total")


def color_readings(links: Links, profile: dict[str, Any]) -> list[Reading[str | None]]:
    """No colour, a second linked category, or the column whose several values were named
    ("men and women across departments" splits by gender)."""
    by_name = profile["_by_name"]
    out: list[Reading[str | None]] = [Reading(None, ())]
    for c in links.columns:
        col = by_name[str(c.target)]
        # a 0/1 flag splits too ("trial and non-trial"), unless an aggregation names it ("total bounced")
        flag = binary(col) and not (col["role"] != "dimension" and _near_agg(links, c.start) is not None)
        category = col["role"] == "dimension" or flag
        if category and not col.get("unique") and (col.get("distinct") or 99) <= 30 and \
                "condition" not in c.feats and col["name"] not in [r.value for r in out] and \
                not counted_kind(links.parsed, c.start, c.end, col, profile) and \
                not counted_distinct(c, links):  # "completed courses", "number of distinct films": what is counted
            out.append(Reading(col["name"], ("color=linked",)))
    for f in (_filter_of(x) for x in links.conditions):
        if f.op == "in" and len(f.values) >= 2 and f.column not in [r.value for r in out]:
            out.append(Reading(f.column, ("color=values",)))
    return out


def order_readings(links: Links, has_dim: bool) -> list[Ordering]:
    """The order and limit the words ask for; a superlative ranks groups ("which 3 stores sold the most")."""
    if not has_dim:
        return [Reading((None, None), ())]
    out: list[Ordering] = []
    p = links.parsed
    if links.limit is not None:
        assert isinstance(links.limit.target, tuple)  # (parsed.limit, parsed.limit_desc): linking.py
        n, desc = links.limit.target
        out.append(Reading((Order(by="measure", desc=desc if p.order_desc is None else p.order_desc), n),
                           ("order=limit",)))
    elif links.order is not None and (described := ranked_groups(links)) is not None and described[1] is not None:
        out.append(Reading((Order(by="measure", desc=described[0]), described[1]), ("order=sup_dim",)))  # "two fastest"
    elif links.order is not None:
        assert isinstance(links.order.target, tuple)  # (parsed.order_desc, parsed.order_target): linking.py
        desc, target = links.order.target
        by: Literal["measure", "dimension"] = "dimension" if target == "x" else "measure"
        out.append(Reading((Order(by=by, desc=True if desc is None else desc), None), ("order=words",)))
    else:
        out.append(Reading((None, None), ()))
        sup = [a for a in links.aggs if a.target in ("max", "min")]
        described = ranked_groups(links)
        if described is not None:
            out.append(Reading((Order(by="measure", desc=described[0]), described[1]), ("order=sup_dim",)))
        elif sup and _WHICH.search(p.text.s):
            desc = sup[0].target == "max"
            out.append(Reading((Order(by="measure", desc=desc), 1), ("order=superlative_one",)))
            out.append(Reading((Order(by="measure", desc=desc), None), ("order=superlative",)))
    return out


def _intent(plan: Plan, profile: dict[str, Any], links: Links) -> Intent:
    if plan.dimension is None:
        return "correlation" if len(plan.measures) == 2 and plan.measures[0].agg == "none" else "kpi"
    col = profile["_by_name"][plan.dimension.column]
    if col["role"] == "temporal" or plan.dimension.grain:
        return "trend"
    if links.parsed.share and plan.color is None:
        return "part_to_whole"
    ranked = plan.limit or (plan.order is not None and plan.order.by == "measure")
    return "rank" if ranked else "compare"  # as the rule planner names them, so equal readings merge


def _assemble(m: Measures, d: Reading[Dimension | None], c: Reading[str | None], o: Ordering, links: Links,
              profile: dict[str, Any]) -> Plan | None:
    measures = [x.model_copy() for x in m.value]
    dim = d.value.model_copy() if d.value is not None else None
    used = {x.column for x in measures if x.column}
    raw = all(x.agg == "none" for x in measures)
    if dim is not None and (dim.column in used or dim.column == c.value):
        return None
    if raw and dim is None and len(measures) < 2:
        return None
    if dim is not None and not raw and not dim.grain and profile["_by_name"][dim.column].get("unique"):
        return None  # an aggregate per unique row is the row itself: every count is 1
    pinned = {f.column for f in map(_filter_of, links.conditions) if f.op == "="}
    if (dim is not None and dim.column in pinned and not dim.grain) or c.value in pinned or used & pinned:
        return None  # a column held to one value has one bar
    if raw and dim is not None and (dim.grain or o.value[1] is not None and not _one_row_each(dim, profile)):
        return None  # "the top 5 customers" are 5 customers: raw rows would repeat one
    if c.value is not None and (len(measures) > 1 or c.value in used):
        return None
    if c.value is not None and raw and profile["_by_name"][c.value]["role"] != "dimension":
        return None  # a 0/1 flag splits counts and totals, not raw values
    order, limit = o.value
    p = links.parsed
    if order is not None and dim is not None and p.order_target == dim.column and limit is None:
        order = Order(by="dimension", desc=order.desc)  # "sort by the <dimension> from high to low"
    filters = [_filter_of(f).model_copy() for f in links.conditions]
    slots = used | {c.value, dim.column if dim else None}
    filters += [q.model_copy() for q in map(_filter_of, links.qualities) if q.column not in slots]
    held = [(f.column, f.values[0]) for f in filters if f.op == "=" and f.values]
    if len(set(held)) > len({c for c, _ in held}):
        return None  # "resolved vs not resolved" as two conditions: no row is both
    plan = Plan(measures=measures, dimension=dim, color=c.value, filters=filters,
                order=order, limit=limit, period=p.period, assumptions=list(p.notes))
    # parsed.chart is a value of the lexicon's CHART_WORDS, each one a Chart
    plan.chart = cast("Chart", p.chart or "auto") if dim is not None or len(measures) > 1 else "kpi"
    if plan.chart == "auto" and measures[0].column and measures[0].agg in ("none", "max", "min") and \
            profile["_by_name"][measures[0].column]["type"] in ("date", "datetime"):
        plan.chart = "table"  # "the 10 most recent calls": each row with its date, no bar of dates
    if p.chart_mod in ("stacked",) and c.value:
        plan.stacking = "stack"
    elif p.chart_mod in ("grouped", "side by side", "clustered") and c.value:
        plan.stacking = "group"
    plan.intent = _intent(plan, profile, links)
    if plan.intent == "part_to_whole":
        plan.share = measures[0].agg in ("sum", "count", "count_distinct")
    return plan


def _dots(plan: Plan, links: Links) -> list[Plan]:
    """Two totals per group said "A vs B" (parsing._versus): also one dot per group, A against B
    (the ranker weighs bars against dots by their units: features.prior)."""
    if not links.parsed.correl or plan.dimension is None or plan.dimension.grain or plan.color or \
            len(plan.measures) != 2 or any(m.agg == "none" for m in plan.measures) or links.parsed.chart:
        return []
    return [plan.model_copy(update={"intent": "correlation", "chart": "point"})]


def _key(plan: Plan) -> str:
    return plan.model_dump_json(exclude={"assumptions", "evidence"})


def _one_row_each(dim: Dimension, profile: dict[str, Any]) -> bool:
    col = profile["_by_name"][dim.column]
    return bool(col.get("unique")) or is_numeric(col)


def _many_per_group(plan: Plan, profile: dict[str, Any]) -> bool:
    """More than 20 rows per value of the axis on average: a table of transactions, not of things."""
    assert plan.dimension is not None  # a repeating axis
    distinct = profile["_by_name"][plan.dimension.column].get("distinct") or 1
    return (profile.get("row_count") or 0) > 20 * distinct


def _shape(plan: Plan, profile: dict[str, Any]) -> tuple[str, ...]:
    """Raw values over an axis that repeats (several points per category: nvBench's "name and
    code" plots) are licensed, and marked so the ranker weighs them."""
    if plan.dimension is None or any(m.agg != "none" for m in plan.measures):
        return ()
    return () if _one_row_each(plan.dimension, profile) else ("raw=repeating_axis",)


def _joined_columns(ms: list[Measures], profile: dict[str, Any]) -> dict[str, set[str]]:
    """Each measure column the words join to others ("budget vs actual", "revenue and cost"): its
    partners (an id joined by "and" is no measure: "the employee and their department's id")."""
    out: dict[str, set[str]] = {}
    by_name = profile["_by_name"]
    for m in ms:
        if len(m.value) > 1 and m.feats[0].startswith("two=and") and \
                all(by_name[str(x.column)]["role"] == "measure" for x in m.value):
            for x in m.value:
                out.setdefault(str(x.column), set()).update(str(y.column) for y in m.value if y is not x)
    return out


def _partner_left_out(plan: Plan, joined: dict[str, set[str]]) -> bool:
    """One measure's raw values over a repeating axis, while the words join it to another measure
    ("budget vs actual by team"): the two are compared per group, not one plotted row by row."""
    return len(plan.measures) == 1 and bool(joined.get(str(plan.measures[0].column)))


@dataclass
class Generated:
    """A generated plan and the licence features of its slots."""

    plan: Plan
    feats: tuple[str, ...]


def generate(links: Links, profile: dict[str, Any], base: Plan | None = None) -> list[Generated]:
    """Every licensed plan, validated, without duplicates, at most MAX_PLANS."""
    derived = base is not None and any(m.kind is not None for m in base.measures)  # "spend per employee"
    spent = set() if derived else {k for c in money_links(links, profile) for k in range(c.start, c.end)}
    if spent:  # "revenue" half-naming sales_rep is the money, not an axis
        links = dataclasses.replace(links, columns=[c for c in links.columns
                                                    if "partial" not in c.feats or c.start not in spent])
    ms, ds = measure_readings(links, profile, money=not derived), dimension_readings(links, profile, base)
    cs = color_readings(links, profile)
    joined = _joined_columns(ms, profile)
    out: list[Generated] = []
    seen: set[str] = set()
    for m, d in itertools.product(ms, ds):
        orders = order_readings(links, d.value is not None)
        for c, o in itertools.product(cs if d.value is not None else cs[:1], orders):
            plan = _assemble(m, d, c, o, links, profile)
            if plan is None:
                continue
            try:
                plan = validate_plan(plan, profile)
            except Unanswerable:
                continue
            key = _key(plan)
            if key in seen:
                continue
            seen.add(key)
            feats = (*m.feats, *d.feats, *c.feats, *o.feats, *_shape(plan, profile))
            if "raw=repeating_axis" in feats and ("money=raw" in feats or _many_per_group(plan, profile)
                                                  or _partner_left_out(plan, joined)):
                continue  # raw values of many rows per bar overlap: "sales by region" sums them
            out.append(Generated(plan, feats))
            out += [Generated(dots, feats) for dots in _dots(plan, links) if _key(dots) not in seen]
            if len(out) >= MAX_PLANS:
                return out
    return out
