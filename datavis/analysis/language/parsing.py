"""What the words of a question say, for the embedded planner: columns and values mentioned,
aggregation and chart cues, periods, numbers compared to columns, and the filters they make.

parse() returns a Parsed; planning.rules.build_plan() turns it into a Plan, and followup.py uses it
to edit a previous plan.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..datasets.profile import is_numeric as is_numeric  # re-exported: planning imports it from here
from ..datasets.store import derived
from ..plan import Filter, Op, Value
from . import cues as C
from . import phrasing as P
from .comparisons import column_comparisons
from .lexicon import (
    AGE_GROUP_WORDS,
    AGG_CUES,
    MONEY_MOVEMENT_NOUNS,
    MONTH_NAMES,
    NUMBER_WORDS,
    PEOPLE,
    PEOPLE_ROLES,
    RANKING_WORDS,
    REST_WORDS,
    STARTS_WORDS,
    STOPWORDS,
    TIME_UNIT_WORDS,
    WEEKDAYS,
    negates,
)
from .matching import (
    Mention,
    SpanScores,
    Tok,
    ValueMention,
    find_mentions,
    find_values,
    get_index,
    negated_booleans,
    tokenize,
    value_key,
)
from .matching import is_flag as is_flag  # re-exported: planning imports it from here
from .names import singular, split_name
from .rownoun import counted_noun
from .timeparse import Period, find_periods

NEGATIONS = {"not", "except", "excluding", "exclude", "without", "non", "but", "besides", "other", "isn't", "aren't",
        "don't", "doesn't", "no", "outside", "n't", "nor", "never"}


def excludes(word: str) -> bool:
    """Whether a token negates or excludes what follows it ("not", "except", "didn't", "didnt")."""
    return word in NEGATIONS or negates(word)


# An imperative that takes rows away ("remove the voided ones", "drop cash", "leave out EBT") when it opens the
# message: what it names right after it is excluded. Elsewhere "drop" is rather a fall ("drop in sales").
_REMOVAL_VERBS = {"remove", "drop", "omit", "exclude", "hide", "ignore", "skip"}
_REMOVAL_PHRASES = {("leave", "out"), ("take", "out"), ("filter", "out"), ("rid", "of"), ("cut", "out")}
# what may come before the verb: the chat's wrapping ("now", "ok", "can you", "let's", "please")
_BEFORE_REMOVAL = {"now", "and", "then", "ok", "okay", "so", "also", "please", "pls", "can", "could", "would", "you",
                   "let", "let's", "lets", "us", "just", "get", "maybe", "but"}
# between the verb and what it removes: determiners and the other things removed ("drop cash and EBT")
_REMOVAL_FILLER = {"the", "all", "any", "those", "these", "and", "or", ",", "&"}


def removed_by_verb(p: Parsed, start: int, named: set[int]) -> bool:
    """The words at `start` follow a removal verb opening the message, with only determiners, "and" or
    other removed things (token positions `named`) between ("remove the voided ones", "drop cash and EBT")."""
    j = start - 1
    while j >= 0 and (p.toks[j].text in _REMOVAL_FILLER or j in named):
        j -= 1
    if j < 0:
        return False
    if p.toks[j].text in _REMOVAL_VERBS:
        verb_start = j
    elif j >= 1 and (p.toks[j - 1].text, p.toks[j].text) in _REMOVAL_PHRASES:
        verb_start = j - 1
    else:
        return False
    return all(t.text in _BEFORE_REMOVAL for t in p.toks[:verb_start])


def negated_between(p: Parsed, profile: dict[str, Any], a: int, b: int,
                    values: list[ValueMention] | None = None) -> bool:
    """A negation among tokens [a, b) that is not part of a name: a "no" inside a value or inside
    the name of the column it mentions ("no-show rate" over a No Show column, "non-profit share"
    over Non Profit) names the thing, it does not negate it."""
    values = p.values if values is None else values

    def named(j: int) -> bool:
        word = p.toks[j].text
        return any(v.start <= j < v.end for v in values) or any(
            m.start <= j < m.end and word in profile["_by_name"][m.column]["tokens"] for m in p.mentions)
    return any(excludes(p.toks[j].text) and not named(j) and not _but_then(p, j) for j in range(max(0, a), b))


# "same but for West", "ok but only cash": a "but" that turns to what is asked, not "all but" (except)
_BUT_THEN = {"for", "only", "just", "in", "at", "with", "now", "then", "show", "what", "how"}


def _but_then(p: Parsed, j: int) -> bool:
    """A "but" that turns to what is asked ("same but for West"), not "all but" excluding it."""
    return p.toks[j].text == "but" and j + 1 < len(p.toks) and p.toks[j + 1].text in _BUT_THEN


def counted_subject(p: Parsed, m: Mention) -> bool:
    """"how many items are below …", "how many invoices were paid late": the noun after "how many" is
    the subject of a clause that says which rows count (not "are there", not "… in each X"), so the
    rows are counted, not each value of it."""
    before = [t.text for t in p.toks[max(0, m.start - 2):m.start]]
    after = [t.text for t in p.toks[m.end:m.end + 2]]
    return before == ["how", "many"] and bool(after) and after[0] in ("are", "is", "were", "was") and \
        after[1:] != ["there"] and not any(g.start > m.end for g in p.groups)


SKIP_AFTER_CUE = {"the", "attribute", "different", "all", "their", "its", "a", "an", "each", "every", "of",
                   "distinct", "unique", "individual", "various", "given", "specific", "respective", "corresponding",
                   # "median daily kwh": the measure of each day's rows
                   "daily", "weekly", "monthly", "hourly", "yearly", "quarterly"}
# Words that name an id after the rows' noun ("customers with ids between 10 and 20")
_ID_WORDS = {"id", "ids", "#", "number", "numbers", "no", "code", "codes"}
# Words after an amount that do not say what it counts ("orders over 300 in march", "over 300 by region")
_AFTER_AMOUNT = {"in", "by", "for", "and", "or", "per", "from", "last", "this", "during", "since", "each", "with"}
_COMPARATORS: list[tuple[str, Op]] = [
    (r"greater than or equal to|at least|no less than|not less than|>=|reach(?:es|ed)?|or more|or above|"
     r"or higher|and above|and up|minimum of|a minimum of", ">="),
    (r"less than or equal to|at most|no more than|not more than|<=|or less|or fewer|or below|and below|up to|"
     r"maximum of|a maximum of", "<="),
    (r"not equal to|does not equal|doesn't equal|!=|<>|different from|other than", "!="),
    (r"greater than|more than|higher than|larger than|bigger than|over|above|exceeds?|exceeding|older than|"
     r"longer than|later than|>|after", ">"),
    (r"less than|fewer than|lower than|smaller than|under|below|younger than|shorter than|earlier than|<|before", "<"),
    (r"equal to|equals?|==|=|is exactly|exactly", "="),
]
# said of a level only (never of a number: "missed 2 payments" is no comparison): "shifts that missed plan",
# "stores short of target", "reps behind quota" keep the rows whose amount done is under the level
_MISSED_LEVEL: list[tuple[str, Op]] = [(r"miss(?:es|ed)?|short of|behind", "<")]
_NEGATED: dict[Op, Op] = {">": "<=", "<": ">=", "=": "!="}  # 'not more than 5' is '<= 5'
# said after the number: "4 or more", "2 baths or fewer", "10k and above"
_COMPARATORS_AFTER: list[tuple[str, Op]] = [
    (r"or more|or above|or higher|or over|or greater|and above|and up|and over|plus", ">="),
    (r"or less|or fewer|or below|or under|or lower|and below|and under", "<="),
]
_PLAIN_NUM = r"-?\d+(\.\d+)?"
_FEW_COUNTS = 12  # a whole-number column of at most this many values may be named by one ("2 bed")
_NUM = r"-?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?:k|m|b|bn)?"


def parse_number(text: str) -> float | None:
    t = text.lower().replace("$", "").replace(",", "").strip()
    mult = 1.0
    if t.endswith("%"):
        t = t[:-1]
    for suf, m in (("bn", 1e9), ("k", 1e3), ("m", 1e6), ("b", 1e9)):
        if t.endswith(suf):
            t, mult = t[: -len(suf)], m
            break
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        v = float(t) * mult
    except ValueError:
        return None
    return v


def _num_value(v: float, col: dict[str, Any]) -> float:
    return int(v) if float(v).is_integer() and col["type"] in ("integer", "number") else v


@dataclass
class Parsed:
    question: str
    toks: list[Tok]
    text: C.Text
    mentions: list[Mention] = field(default_factory=list)
    span_scores: SpanScores = field(default_factory=dict, repr=False, compare=False)  # find_mentions' memo
    values: list[ValueMention] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    filter_mentions: set[int] = field(default_factory=set)  # ids of mentions used only by filters
    period: str | None = None
    period_relative: bool = False
    outside: str | None = None  # every period named misses the data's dates: the periods and the dates there are
    aggs: list[C.Cue[str]] = field(default_factory=list)
    groups: list[Mention] = field(default_factory=list)
    color: str | None = None
    chart: str | None = None
    chart_mod: str | None = None
    grain: str | None = None
    order_desc: bool | None = None
    order_target: str | None = None  # x | y | column name
    compared: list[tuple[int, int, Filter]] = field(default_factory=list)  # two-column conditions and their words
    period_spans: list[tuple[int, int, Filter]] = field(default_factory=list)  # the period filters and their words
    number_toks: set[int] = field(default_factory=set)  # the words of conditions on a number ("patients over 65")
    rank_word: str | None = None  # the superlative that ranks the groups ("longest": by their average item)
    date_column: str | None = None  # the date column the words name ("churned in 2024" → churnDate)
    weekday_toks: list[int] = field(default_factory=list)  # "weekend", "saturdays": a weekday filter's words
    limit: int | None = None
    limit_desc: bool = True
    limit_numbered: bool = False  # "top 5" (a number said) rather than "the top stores"
    one_row: tuple[int, int] | None = None  # "the largest order": the superlative and the rows' noun (phrasing)
    periods_ranked: bool = False  # "the busiest hour", "top 5 days": a limit of periods
    x_axis: str | None = None
    y_axis: str | None = None
    y_axis_agg: str | None = None
    trend: bool = False
    share: bool = False
    correl: bool = False
    distrib: bool = False
    row_grain: str | None = None  # "distribution of daily spend": the rows' grain, not an axis
    listing: bool = False
    distinct: bool = False
    reset: bool = False
    followup_cue: bool = False
    notes: list[str] = field(default_factory=list)  # assumptions
    evidence: list[str] = field(default_factory=list)


def main_temporal(profile: dict[str, Any], prefer: str | None = None) -> dict[str, Any] | None:
    """The date column `prefer` names, else the dataset's main one (chosen once per profile)."""
    if prefer:
        col: dict[str, Any]
        for col in profile["columns"]:
            if col["role"] == "temporal" and col["name"] == prefer:
                return col
    return derived(profile, "_main_temporal", _main_temporal)


def _main_temporal(profile: dict[str, Any]) -> dict[str, Any] | None:
    cols: list[dict[str, Any]] = [c for c in profile["columns"] if c["role"] == "temporal"]
    dated = [c for c in cols if c["type"] in ("date", "datetime")]
    pool = dated or cols
    if not pool:
        return None
    # prefer the date column with most values; in a tie not the date something was booked on (the
    # appointment, the check-in), then the start of a span the row lasts (a meeting's start_time over the
    # created_at it was written down), then the one named after the rows' own event (sessions: "Session
    # Date" over "Signed Up On"), else the first (order date over ship date)
    ends = any(set(c.get("tokens") or []) & _SPAN_ENDS for c in pool)
    return max(pool, key=lambda c: (c["non_null"], not P.reserves(c), ends and bool(set(c.get("tokens") or [])
                                                                                   & _SPAN_STARTS),
                                    P.names_the_rows(c, profile), -profile["columns"].index(c)))


_SPAN_STARTS = {"start", "begin", "starts", "begins"}
_SPAN_ENDS = {"end", "finish", "stop", "ends"}


_DATE_WORDS = {"date", "day", "time", "year", "month", "week", "quarter", "timestamp", "dt", "datetime"}


def names_event_only(p: Parsed, col: dict[str, Any]) -> bool:
    """"how many customers do we ship for", "appointments booked in january": a date column said by a
    verb, not as a date ("visit dates", "hire_date"), with no grain or trend word, names what the rows
    went through, not an axis. The caller checks "by"/"per"."""
    said = [m for m in p.mentions if m.column == col["name"]]
    as_date = any(m.tier == "fuzzy" or {singular(w) for w in split_name(m.words)} & _DATE_WORDS for m in said)
    return col["role"] == "temporal" and p.grain is None and not p.trend and "when" not in p.text.s.split() \
        and not as_date and p.x_axis != col["name"]  # "let hire data as X"


def names_period_only(p: Parsed, col: dict[str, Any]) -> bool:
    """"appointments booked in january 2025": the date a period filters, said by a verb, is that
    filter's column, not an axis."""
    return names_event_only(p, col) and p.period is not None and any(f.column == col["name"] for f in p.filters)


def anchor_of(col: dict[str, Any] | None) -> dt.date | None:
    if col is None or col.get("max") is None:
        return None
    if col.get("year_like"):
        return dt.date(int(col["max"]), 12, 31)
    return dt.date.fromisoformat(str(col["max"])[:10])


def parse(question: str, profile: dict[str, Any]) -> Parsed:
    """What the words of `question` say about `profile`'s columns.

    The readers run in an order that matters: clauses that are not columns (order, top-N, chart,
    grain, periods) are consumed first so their words are not read as columns; then column
    mentions and values, the filters that spend them, the aggregation cues left over, and last
    the groups and axes, which point at the mentions that remain.
    """
    toks = tokenize(question)
    text = C.Text(toks)
    p = Parsed(question, toks, text)
    consumed: set[int] = set()  # tokens a clause has spent: not column names
    _protect_column_names(p, profile)
    p.reset = C.has(text, C.RESET)
    p.followup_cue = C.has(text, C.FOLLOWUP)
    _order_and_limit(p, profile, consumed)
    P.one_row_superlative(p, profile)
    _chart_and_grain(p, profile, consumed)
    p.periods_ranked = p.limit is not None and P.limit_unit(p) is not None
    P.ranked_period(p, profile, consumed)
    P.asked_period(p, profile, consumed)
    _question_kind(p)
    _periods(p, profile, consumed)
    P.hour_of_day(p, profile, main_temporal(profile, p.date_column))
    _weekday_filter(p, profile, consumed)
    P.date_grain(p, profile, consumed)
    values = P.verb_of_the_period(p, profile, _mentions_and_values(p, profile, consumed))
    _measure_beside_a_values_column(p, profile, values)
    _spread_of_rows(p, profile)
    values += P.code_values(p, profile, consumed)
    P.spread_of_row_value(p, profile)
    P.length_said_as_time(p, profile)
    P.length_of_a_counted_thing(p, profile)
    P.duration_measure(p, profile, consumed)  # "how much time did … spend": the time, not the money of "spend"
    P.verb_measure(p, profile, consumed)
    P.spend_paid(p, profile)  # also of the measure a verb named
    P.mass_noun_measure(p, profile)
    P.units_measure(p, profile)
    P.row_total(p, profile)
    P.how_much(p, profile, consumed)
    P.superlative_subject(p, profile)
    P.level_limit_measured(p, profile)
    spent = _numeric_filters(p, profile, consumed, values)  # "4 or higher" is no value High
    values = [v for v in values if not any(s <= v.start < e for s, e in spent)]
    column_comparisons(p, profile, values, _COMPARATORS)
    column_comparisons(p, profile, values, _MISSED_LEVEL, levels_only=True)
    _text_filters(p, profile)
    _boolean_filters(p, profile)
    P.presence_filters(p, profile)
    P.event_filters(p, profile)
    P.open_state(p, profile)
    P.active_state(p, profile)
    _value_filters(p, values, profile)
    p.values = values
    _aggregation_cues(p, profile, consumed)
    _groups(p, profile, consumed)
    P.rows_as_points(p, profile)
    _rows_named_by_value(p, profile)
    _axes(p)
    return p


_COLLECTIVE = {"staff", "personnel", "people", "workforce"}  # nouns of many people with no plural ending


def _rows_named_by_value(p: Parsed, profile: dict[str, Any]) -> None:
    """"total billed to enterprise customers by month", "avg amount for mid-market accounts", "how
    many discontinued products …": the plural noun right after a value (or a Yes/No quality) names the
    rows it selects, not a breakdown by it — unless the question groups by it, ranks, counts them off,
    asks which ones or for a share; the value's own column beside it ("the pro plan") is part of it."""
    if p.limit is not None or p.order_desc is not None or p.share or \
            any(a.value in ("max", "min") for a in C.find_aggs(p.text)) or \
            any(t.text in RANKING_WORDS or t.text in ("which", "list", "each") or t.text.isdigit()
                and not any(v.start <= t.i < v.end for v in p.values) for t in p.toks):
        return  # "the 2 cheapest software vendors", "what fraction of enterprise accounts …" (a value's digit,
        # "5-star hotels", counts nothing off)
    ends = {v.end: v.column for v in p.values}
    for q in p.mentions:  # "discontinued products": a Yes/No column said as a quality selects rows too
        if id(q) in p.filter_mentions and P.flag_like(profile["_by_name"][q.column]):
            ends[q.end] = q.column
    filtered = {f.column for f in p.filters}
    for t in p.toks:  # "free users", "unpaid invoices": a word naming a Yes/No column's No selects rows too
        for name in negated_booleans(t.text, profile):
            if name in filtered:
                ends[t.i + 1] = name
    for end, column in list(ends.items()):  # "mid-market accounts": the value's word joined by a hyphen
        if end < len(p.toks) and p.question[p.toks[end].start - 1:p.toks[end].start] == "-":
            ends[end + 1] = column
    for m in list(p.mentions):
        col = profile["_by_name"][m.column]
        last = p.toks[m.end - 1]
        if ends.get(m.start) == m.column and m not in p.groups and id(m) not in p.filter_mentions:
            p.filter_mentions.add(id(m))  # "the pro plan", "west region": the value's own column says which
            continue
        plural = last.text != last.sing or last.text in _COLLECTIVE  # "full time staff" names people too
        if not (m.start in ends and ends[m.start] != m.column and m not in p.groups and plural
                and not is_numeric(col) and col["type"] == "text"):
            continue
        if not col.get("unique") and any(a.value == "count" and a.end <= m.start for a in p.aggs):
            p.filter_mentions.add(id(m))  # "how many discontinued products": the products counted (distinct)
        else:
            p.mentions.remove(m)
            p.evidence.append(f"'{m.words}' names the rows of {ends[m.start]}'s value, not {m.column}")


_AGG_WORDS = {w for words in AGG_CUES.values() for w in words if " " not in w}


def _protect_column_names(p: Parsed, profile: dict[str, Any]) -> None:
    """Words inside a multi-word column name ("monthly fee", "page views"), said in full where the name
    shortens every word ("annual salary" → ann_sal), or spelling an acronym column ("avg daily rate" → ADR)
    are that column, not cues."""
    for m in find_mentions(p.toks, profile, scores=p.span_scores):
        if m.tier in ("exact", "abbreviation", "acronym") and m.end - m.start >= 2:
            # the A of an acronym said "avg" is still the average asked for (_aggregation_cues keeps it)
            lead = m.tier == "acronym" and p.toks[m.start].text in _AGG_WORDS
            p.text.protected.update(range(m.start + lead, m.end))


def _order_and_limit(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """Order and top-N clauses ("list by the y axis in desc", "top 5"); a column named in the
    order clause is its target."""
    cue, clause_span, clause = C.find_order(p.text)
    if cue is not None and clause_span is not None:  # found together
        p.order_desc = cue.value
        p.order_target = C.order_target(clause or "")
        consumed.update(range(*clause_span))
        clause_mentions = find_mentions(p.toks[clause_span[0]:clause_span[1]], profile)
        if clause_mentions and p.order_target is None:  # the surest name ("order" in "descending order" is weak)
            best = max(clause_mentions, key=lambda m: m.score)
            p.order_target = best.column
            _measure_said_by_its_order(p, profile, consumed, clause_span, best)
    lim, numbered = C.find_limit(p.text)
    if lim is not None:
        p.limit, p.limit_desc = lim.value
        p.limit_numbered = numbered
        consumed.update(range(lim.start, lim.end))


def _measure_said_by_its_order(p: Parsed, profile: dict[str, Any], consumed: set[int], span: tuple[int, int],
                               target: Mention) -> None:
    """"rank the customers by miles": a measure said only as the order's target is also the measure asked for,
    so its words stay a column mention (a label sorted by, or a measure named before, changes nothing)."""
    col = profile["_by_name"].get(target.column) or {}
    if col.get("role") != "measure" or not is_numeric(col):
        return
    if any(m.column == target.column for m in find_mentions(p.toks, profile, skip=set(range(*span)))):
        return
    if col.get("groupable"):  # a few whole numbers (Qty 1–12, a 1–5 Rating) said after "by" would be groups
        p.y_axis, p.y_axis_agg = target.column, "sum" if col.get("additive", True) else "avg"
        return
    consumed.difference_update(range(span[0] + target.start, span[0] + target.end))


def _chart_and_grain(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """The chart asked for (a chart word of another kind is still consumed), its modifier, the time
    grain: an hour only when a date column has times ("hourly rate", "pay per hour" over dates
    describe a measure, not an axis)."""
    chart = C.find_chart(p.text)
    if chart is not None:
        if chart.kind == "chart":
            p.chart = chart.value
        consumed.update(range(chart.start, chart.end))
    p.chart_mod = C.chart_modifier(p.text)
    grain = C.find_grain(p.text) or _second_grain(p, profile)
    if grain is not None and grain.value in ("hour", "hour_of_day") and \
            not any(c.get("has_time") for c in profile["columns"]):
        grain = None
    if grain is not None and _compared_value(p, grain, profile):
        grain = None
    if grain is not None:
        consumed.update(range(grain.start, grain.end))
        # "average daily visitors", "mean monthly spend": the average of one day's (month's) rows, not a time axis
        after_avg = grain.start > 0 and p.toks[grain.start - 1].text in ("average", "avg", "mean", "median", "typical")
        # "distribution of daily spend by channel": how one day's value spreads, not a time axis (but "monthly
        # distribution of X" spreads X per month)
        nxt = p.toks[grain.end].text if grain.end < len(p.toks) else ""
        spread = C.has(p.text, C.DISTRIB) and not re.fullmatch(C.DISTRIB, nxt)
        if not ((after_avg or spread) and grain.end - grain.start == 1 and p.toks[grain.start].text.endswith("ly")):
            p.grain = grain.value
        elif spread:
            p.row_grain = grain.value


def _spread_of_rows(p: Parsed, profile: dict[str, Any]) -> None:
    """"distribution of daily ticket counts" names no number column: the grain word is the axis after all."""
    if p.row_grain and not any(is_numeric(profile["_by_name"][m.column]) for m in p.mentions):
        p.grain = p.row_grain


def _compared_value(p: Parsed, grain: C.Cue[str], profile: dict[str, Any]) -> bool:
    """"annual vs monthly billing": a grain word beside vs that is a value of a column is that value."""
    if grain.end - grain.start != 1:
        return False
    beside = {p.toks[k].text for k in (grain.start - 1, grain.end) if 0 <= k < len(p.toks)}
    word = p.toks[grain.start].text
    return bool(beside & {"vs", "versus"}) and any(
        str(v[0]).lower() == word for c in profile["columns"] for v in c.get("values") or [])


def _second_grain(p: Parsed, profile: dict[str, Any]) -> C.Cue[str] | None:
    """"by region and year": a date part grouped beside a column, when no column is named so and a date
    column exists to take it from."""
    grain = C.find_second_grain(p.text)
    if grain is None or grain.value in profile["_by_lower"] or \
            not any(c["type"] in ("date", "datetime") for c in profile["columns"]):
        return None
    return grain


def _question_kind(p: Parsed) -> None:
    """Words that say what kind of answer is wanted: trend, share, correlation, distribution, rows."""
    text = p.text
    p.trend = C.has(text, C.TREND)
    p.share = C.has(text, C.SHARE)
    # a relation named ("correlation", "scatter"); "A vs B" is one only between two numbers (_versus):
    # "spend in canada vs the uk" compares two values, it plots nothing against anything
    p.correl = C.has(text, C.CORREL_NAMED)
    p.distrib = C.has(text, C.DISTRIB)
    p.listing = C.has(text, r"^\s*(list|show all|show me all|give me all|display all)\b|\b(as a table|in a table|"
                            r"table of|raw rows|the rows)\b")
    p.distinct = C.has(text, r"\b(distinct|unique|different)\b")


def _periods(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """Periods become filters on the date column the words name (else the main one); relative ones
    are anchored to that column's latest date, and say so."""
    text = p.text
    p.date_column = P.dated_column(p.toks, profile)
    tcol = main_temporal(profile, p.date_column)
    if tcol is None:
        return
    anchor = anchor_of(tcol)
    found = [per for per in find_periods(text.s, anchor)
             if not _column_of_period(text.s[per.start:per.end], profile, text.s)]
    for per in found:
        a, b = text.span(per.start, per.end)
        if _inside_a_value(p.toks, a, b, profile):
            continue
        consumed.update(range(a, b))
    # no row can match only when the period misses every date column ("left in 2023" over Birth Date, Hire Date)
    p.outside = _outside_the_data(tcol, found)
    if p.outside and any(_outside_the_data(c, found) is None for c in profile["columns"]
                         if c is not tcol and (c["type"] in ("date", "datetime") or c.get("year_like"))):
        p.outside = None
    if _compared_periods(p, tcol, found):
        ordered = sorted(found, key=lambda per: per.start)
        consumed.update(range(*text.span(ordered[0].start, ordered[-1].end)))  # "vs" compares the periods
        p.date_column = tcol["name"]
        return
    for per in found:
        p.filters.append(_period_filter(tcol, per.lo, per.hi))
        p.period_spans.append((*text.span(per.start, per.end), p.filters[-1]))
        p.period, p.period_relative = per.label, per.relative
        if per.relative:
            p.notes.append(f"'{text.s[per.start:per.end].strip()}' is anchored to the latest date in the "
                           f"data: {per.label}")


def _outside_the_data(tcol: dict[str, Any], found: list[Period]) -> str | None:
    """"visits in 2019" over dates from 2023 to 2024: no row can match, so the answer says what the dates
    cover instead of an empty chart or a zero; None when a period named overlaps them."""
    first, last = anchor_of({**tcol, "max": tcol.get("min")}), anchor_of(tcol)
    if first is None or last is None or not found:
        return None
    if tcol.get("year_like"):
        first = first.replace(month=1, day=1)
    if any((per.lo is None or per.lo <= last) and (per.hi is None or per.hi >= first) for per in found):
        return None
    said = " or ".join(dict.fromkeys(per.label for per in found))
    return f"{said}: its dates ({tcol['name']}) run from {first.isoformat()} to {last.isoformat()}"


def _column_of_period(words: str, profile: dict[str, Any], question: str) -> str | None:
    """"units sold last 90 days" over UnitsSold90d, "revenue ytd" over Revenue YTD: the one column whose name
    holds the period is named by it, and the rows are not filtered."""
    m = re.search(r"(\d+) (day|week|month|quarter|year)s?\b", words)
    to_date = re.search(r"\b([ymq])td\b|\b(year|month|quarter)[ -]to[ -]date\b", words)
    relative = re.fullmatch(r"(last|this|previous|prior|past) (day|week|month|quarter|year)", words.strip())
    if m:
        pattern = rf"(?<!\d){m[1]}[\s_-]?(?:{m[2][0]}|{m[2]}s?)(?![a-z])"
    elif to_date:
        pattern = rf"(?<![a-z]){(to_date[1] or to_date[2])[0]}td(?![a-z])"
    elif relative:  # "visited more than 10 times last month" over Visits Last Month
        pattern = rf"(?<![a-z]){relative[1]}[\s_-]?{relative[2]}(?![a-z])"
    else:
        return None
    hits = [c for c in profile["columns"] if re.search(pattern, " ".join(c["tokens"]) if relative else
                                                       c["name"].lower())]
    if len(hits) != 1 or not is_numeric(hits[0]):
        return None
    # its other words are said too ("units sold" of UnitsSold90d): a Returned30d flag names no "sales"
    said = {singular(w) for w in re.findall(r"[a-z]+", question.lower())}
    period_words = {relative[1], relative[2]} if relative else set()
    rest = {singular(w) for w in hits[0]["tokens"]
            if w.isalpha() and not re.fullmatch(r"[ymq]td|days?|d", w) and w not in period_words}
    return hits[0]["name"] if rest and all(_said_in_some_form(w, said) for w in rest) else None


def _said_in_some_form(word: str, said: set[str]) -> bool:
    """`word` of a column's name is among the question's words, or a verb form of it is ("visited",
    "visiting" of Visits)."""
    return word in said or any(s.startswith(word) and s[len(word):] in ("ed", "d", "ing") for s in said)


def _bucket(d: dt.date, unit: str) -> int:
    return {"year": d.year, "quarter": d.year * 4 + (d.month - 1) // 3, "month": d.year * 12 + d.month - 1,
            "day": d.toordinal()}[unit]


def _compared_periods(p: Parsed, tcol: dict[str, Any], found: list[Any]) -> bool:
    """"2024 vs 2023", "q1 and q2", "last year vs this year": periods each inside one calendar unit, in
    different ones, are a grouping by that unit over them, never both as conditions (no row is in two
    years). Adjacent periods keep one condition spanning them; others keep every period (the grouping
    shows each)."""
    sized = [per for per in found if per.lo is not None and per.hi is not None]
    if len(sized) < 2 or len(sized) != len(found):
        return False
    grain = next((unit for unit in ("day", "month", "quarter", "year")  # the smallest that tells them apart
                  if all(_bucket(per.lo, unit) == _bucket(per.hi, unit) for per in sized)
                  and len({_bucket(per.lo, unit) for per in sized}) == len(sized)), None)
    if grain is None:
        return False
    spans = sorted((per.lo, per.hi) for per in sized)
    if all(_bucket(b[0], grain) - _bucket(a[1], grain) == 1 for a, b in itertools.pairwise(spans)):
        p.filters.append(_period_filter(tcol, spans[0][0], spans[-1][1]))
    p.grain = p.grain or grain
    p.period = " vs ".join(per.label for per in sized)
    return True


def _inside_a_value(toks: list[Tok], a: int, b: int, profile: dict[str, Any]) -> bool:
    """"only spring 2025", "fy2024 budget": the period's words with the word before or after them are
    a value of a text column ("Spring 2025" of Term), which names the rows better than a date range."""
    values = get_index(profile).values
    spans = [(a - 1, b), (a, b + 1)] if b - a <= 2 else []
    return any(i >= 0 and j <= len(toks) and value_key(" ".join(t.text for t in toks[i:j])) in values
               for i, j in spans)


_WEEKDAY_WORDS = {"weekend": ["Saturday", "Sunday"], "weekends": ["Saturday", "Sunday"],
                  **{d.lower(): [d] for d in WEEKDAYS}, **{d.lower() + "s": [d] for d in WEEKDAYS}}
_RELATIVE = {"last", "this", "next", "past", "previous", "coming"}


def _weekday_filter(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"weekend visits", "saturday appointments by clinic", "sessions on fridays": the rows whose date
    falls on those days — not "by weekday" (a grain), "weekend vs weekday" (a breakdown), or "last
    saturday" (a date)."""
    days: list[str] = []
    for t in p.toks:
        if t.text in _WEEKDAY_WORDS and t.i not in consumed and \
                not (t.i > 0 and p.toks[t.i - 1].text in _RELATIVE | {"by", "per", "each", "vs", "versus"}):
            days += [d for d in _WEEKDAY_WORDS[t.text] if d not in days]
            p.weekday_toks.append(t.i)
    tcol = main_temporal(profile, p.date_column)
    if not days or p.grain == "weekday" or tcol is None or tcol["type"] not in ("date", "datetime") or \
            any(t.text in ("weekday", "weekdays", "vs", "versus") for t in p.toks):
        p.weekday_toks.clear()
        return
    p.filters.append(Filter(column=tcol["name"], op="weekday", values=[*days]))
    consumed.update(p.weekday_toks)
    p.evidence.append(f"'{' '.join(p.toks[i].text for i in p.weekday_toks)}' → {tcol['name']} on {', '.join(days)}")


def _mentions_and_values(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> list[ValueMention]:
    """Column mentions (numbers may be part of a name: "sku 7"), then values of the data ("West")
    outside strong mentions and stand-alone numbers; a mention overlapping a value gives way."""
    toks = p.toks
    # numbers typed as words of their own ("meter_200" keeps its 200 as part of the name)
    number_toks = {t.i for t in toks if re.fullmatch(_NUM, t.text) and t.raw.lower() == t.text}
    mentions = find_mentions(toks, profile, skip=consumed, scores=p.span_scores)
    strong = {k for m in mentions if m.score >= 0.9 and not _name_word_as_value(p, m, profile)
              and not _ends_a_value(p, m, profile) for k in range(m.start, m.end)}
    values = find_values(toks, profile, skip=consumed | strong, numbers=frozenset(number_toks),
                         dated=bool(p.grain or p.period or p.trend))
    value_toks = {k for v in values for k in range(v.start, v.end)}
    p.mentions = P.compound_heads(p, [m for m in mentions if not any(k in value_toks for k in range(m.start, m.end))
                                      and not _verb_of_a_distinct_count(p, m, profile)], profile)
    return values


def _measure_beside_a_values_column(p: Parsed, profile: dict[str, Any], values: list[ValueMention]) -> None:
    """"average rating for 5-star hotels": a word after an aggregation that half names both the text column a
    value of the question belongs to (Star Rating, of "5-star") and a number column (Guest Rating) names the
    number averaged; the value's column is the condition."""
    by_name = profile["_by_name"]
    valued = {v.column for v in values}
    for i, m in enumerate(p.mentions):
        other = by_name.get(m.runner_up or "")
        if m.tier != "partial" or m.column not in valued or is_numeric(by_name[m.column]) or other is None or \
                not is_numeric(other) or other["role"] != "measure" or \
                not any(t.text in _AGG_WORDS for t in p.toks[max(0, m.start - 2):m.start]):
            continue
        p.mentions[i] = dataclasses.replace(m, column=other["name"], runner_up=m.column)
        p.evidence.append(f"'{m.words}' → {other['name']} (the number; {m.column} is the value's)")


_AUX = {"do", "does", "did"}
_SUBJECTS = {"we", "you", "they", "i", "it", "he", "she"}


def _verb_of_a_distinct_count(p: Parsed, m: Mention, profile: dict[str, Any]) -> bool:
    """"how many different products do we stock": in a count of distinct things, the word after "do we" is
    the verb of the question, not a number column it half names (Qty On Hand)."""
    toks = p.toks
    return m.tier == "partial" and m.start >= 2 and toks[m.start - 1].text in _SUBJECTS and \
        toks[m.start - 2].text in _AUX and is_numeric(profile["_by_name"][m.column]) and \
        any(t.text in ("different", "distinct", "unique") for t in toks[:m.start])


def _ends_a_value(p: Parsed, m: Mention, profile: dict[str, Any]) -> bool:
    """"median amount for field rep invoices" over Channel = Field Rep beside a Rep column: a column's word that
    ends a several-word value of another column, said in full, is that value's last word. Not after a grouping
    word ("revenue by sales rep" still breaks down by Rep)."""
    index = get_index(profile)
    for j in (m.start - 1, m.start - 2):
        if j < 0 or j > 0 and p.toks[j - 1].text in ("by", "per", "each", "every"):
            continue
        hits = index.values.get(value_key(" ".join(t.text for t in p.toks[j:m.end])), [])
        if any(c != m.column for c, _v, _n in hits):
            return True
    return False


def _name_word_as_value(p: Parsed, m: Mention, profile: dict[str, Any]) -> bool:
    """"average csat for closed tickets", "refunds that were approved": one word that is the only content
    word of a column's name ("Closed On", "Approved By") and also a value of another column ("Closed",
    "Approved") is read as the value — for a date column only when no time grain, period or trend is asked."""
    col = profile["_by_name"][m.column]
    temporal = col["type"] in ("date", "datetime")
    if m.end - m.start != 1 or temporal and (p.grain or p.period or p.trend):
        return False
    word = p.toks[m.start].sing
    rest = [w for w in split_name(m.column) if singular(w) != word]
    if not temporal and col["type"] != "text" or any(w not in STOPWORDS and w not in P.DATE_FILLER for w in rest):
        return False
    return any(c != m.column for c, _v, _n in get_index(profile).values.get(value_key(p.toks[m.start].text), []))


def _aggregation_cues(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """Aggregation cues not consumed; a cue inside a longer column name ("number of employees") is
    the column, and a column named like a cue ("total") is the cue when a column follows."""
    kept = []
    for a in C.find_aggs(p.text):
        if any(k in consumed for k in range(a.start, a.end)):
            continue
        inside = [m for m in p.mentions if m.start <= a.start and a.end <= m.end]
        if inside and not (inside[0].tier == "acronym" and a.start == inside[0].start):  # "avg daily rate"
            m = inside[0]
            if (m.end - m.start) > (a.end - a.start):
                continue
            if (any(o.start >= a.end and o.start - a.end <= 3 for o in p.mentions if o is not m)
                    and not _named_like_a_cue(p, m, a.start, a.end)) or _cue_before_a_noun(p, m, a.end):
                p.mentions.remove(m)
            else:
                continue
        kept.append(a)
    p.aggs = [c for c in (P.ranking_superlative(p, a, kept, profile) for a in kept) if c is not None]


_GROUPING_AFTER = {"by", "per", "for", "each", "across"}


def _named_like_a_cue(p: Parsed, m: Mention, start: int, end: int) -> bool:
    """"total by channel", "avg total per booking" over a column named total: the word is the column when a
    grouping word follows it at once or another aggregation cue comes right before it (what is grouped or
    averaged is that column), not the cue of a measure named later."""
    if m.tier != "exact" or m.end - m.start != end - start:
        return False
    after = p.toks[end].text if end < len(p.toks) else ""
    return after in _GROUPING_AFTER or any(c.end == start for c in C.find_aggs(p.text))


def _cue_before_a_noun(p: Parsed, m: Mention, end: int) -> bool:
    """"total spend per day" beside a Total Conversions column: a cue word that only half names a column is
    the cue when a noun the column's name lacks follows it (that noun is what is totalled)."""
    if m.tier != "partial" or end >= len(p.toks):
        return False
    nxt = p.toks[end]
    return nxt.text.isalpha() and len(nxt.text) >= 3 and nxt.text not in STOPWORDS and \
        nxt.sing not in {singular(w) for w in split_name(m.column)}


def _groups(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """Grouping: a column right after by/per/each/across…; "by region and segment" groups both;
    a colour cue ("coloured by") after a dimension makes it the colour; "X vs Y" is _versus."""
    by_name = profile["_by_name"]
    ids = {id(m) for m in p.mentions}
    for g in C.find_groups(p.text):
        if any(k in consumed for k in range(g.start, g.end)) and g.value not in ("by", "per"):
            continue
        m = _next_mention(p, g.end)
        word = g.value
        if word in ("versus", "vs", "against"):
            _versus(p, g, m, by_name)
            continue
        if word == "over" and m is None:
            continue
        if _ranked_by(p, g.value, g.start, m, by_name):
            continue  # "bottom 3 agents by satisfaction": CSAT ranks the agents, it is no breakdown
        if any(lo <= g.start < hi for lo, hi, _ in p.compared):
            continue  # "projects over budget": the words of a two-column comparison, not a breakdown by Budget
        if m is not None and any(v.column == m.column and g.end <= v.start and v.end <= m.start for v in p.values):
            continue  # "raised by the scholarships campaign": the value names which campaign, no breakdown
        if word == "among" and m is not None and by_name[m.column].get("unique"):
            continue  # "among premium members, what share …": the rows in scope, not one group per member
        if word in ("across", "over") and m is not None and m.start > g.end and \
                p.toks[g.end].text in ("all", "every", "both"):
            continue  # "the most stock across all warehouses": combined over them, not per warehouse
        if m is not None and id(m) in ids and m not in p.groups:
            if re.match(C.COLOR_CUE, word) and (p.groups or _dim_before(p, g.start, profile)):
                p.color = m.column
            p.groups.append(m)
            # "by region and segment": a second grouped column joined by and / a comma
            k = m.end
            if k + 1 < len(p.toks) and p.toks[k].text in ("and", ",", "&"):
                nxt = _next_mention(p, k + 1, within=1)
                if nxt is not None and nxt not in p.groups and not is_numeric(by_name[nxt.column]):
                    p.groups.append(nxt)
    _sides_as_colour(p, by_name)


def _sides_as_colour(p: Parsed, by_name: dict[str, Any]) -> None:
    """"billable vs non-billable hours for each employee": the two sides of a Yes/No compared within
    another grouping are its colour, the other grouping the axis."""
    sides = [g for g in p.groups if (by_name[g.column]["type"] == "boolean" or is_flag(by_name[g.column]))
             and any(t.text in ("vs", "versus") for t in p.toks[max(0, g.start - 2):g.end + 2])]
    others = [g for g in p.groups if g.column not in {s.column for s in sides}]
    if len(sides) == 1 and others and p.color is None:
        p.groups = others + sides
        p.color = sides[0].column


def _versus(p: Parsed, g: C.Cue[str], nxt: Mention | None, by_name: dict[str, Any]) -> None:
    """"price vs rating" (two numbers) is a correlation; "sales vs region" groups by the column
    before when the one after is a number or is aggregated."""
    if any(v.end == g.start or g.end <= v.start <= g.end + 1 for v in p.values) or \
            any(_period_word(p.toks[k].text) for k in (g.start - 1, g.end) if 0 <= k < len(p.toks)):
        return  # "spend in canada vs the uk", "amount 2024 vs 2023": values compared, not a grouping by a column
    prev = _prev_mention(p, g.start)
    if prev and nxt and prev.column != nxt.column and _measured(p, prev, by_name) and _measured(p, nxt, by_name):
        p.correl = True
        return
    rest = [t.text for t in p.toks[g.end:g.end + 2]]
    if set(rest) & REST_WORDS:  # "scholarship students avg score vs others": the Yes/No before, both sides
        flag = next((m for m in reversed(p.mentions) if g.start - 6 <= m.start < g.start and
                     (by_name[m.column]["type"] == "boolean" or is_flag(by_name[m.column]))), None)
        if flag is not None and flag not in p.groups:
            p.groups.append(flag)
            p.filters = [f for f in p.filters if f.column != flag.column]  # both sides, not the one named
            p.filter_mentions.discard(id(flag))
        return
    if nxt is not None and nxt.start <= g.end + 1 and nxt not in p.groups and not _both_sides(p, nxt) and \
            (by_name[nxt.column]["type"] == "boolean" or is_flag(by_name[nxt.column])):
        p.groups.append(nxt)  # "wait in person vs telehealth": the two sides of a Yes/No, a bar each
        return
    if prev and (nxt is None or is_numeric(by_name[nxt.column]) or _agg_between(p, g.end, nxt)) \
            and prev not in p.groups:
        p.groups.append(prev)


def _axes(p: Parsed) -> None:
    """x axis / y axis named explicitly ("x axis building y axis maximal capacity")."""
    for _m, (_a, b) in p.text.find(r"\bx(?: |-)?axis (?:is |as |shows? |with )?"):
        nm = _next_mention(p, b, within=2)
        if nm:
            p.x_axis = nm.column
    for _m, (_a, b) in p.text.find(r"\by(?: |-)?axis (?:is |as |shows? |with )?"):
        ag = next((c for c in p.aggs if b <= c.start <= b + 1), None)
        nm = _next_mention(p, (ag.end if ag else b), within=2)
        if nm:
            p.y_axis = nm.column
            p.y_axis_agg = ag.value if ag else None
        elif ag and ag.value == "count":
            p.y_axis_agg = "count"


def _period_filter(col: dict[str, Any], lo: dt.date | None, hi: dt.date | None) -> Filter:
    """The filter of a period with a start, an end or both."""
    edge = lo or hi  # the one end of an open period
    assert edge is not None
    if col.get("year_like"):
        if lo and hi:
            return Filter(column=col["name"], op="between", values=[lo.year, hi.year]) if lo.year != hi.year \
                else Filter(column=col["name"], op="=", values=[lo.year])
        return Filter(column=col["name"], op=">=" if lo else "<=", values=[edge.year])
    if col["type"] == "datetime":
        if lo and hi:
            return Filter(column=col["name"], op="between", values=[lo.isoformat() + " 00:00:00",
                                                                    (hi.isoformat() + " 23:59:59")])
        if lo:
            return Filter(column=col["name"], op=">=", values=[lo.isoformat() + " 00:00:00"])
        next_day = (edge + dt.timedelta(days=1)).isoformat()
        return Filter(column=col["name"], op="<", values=[next_day + " 00:00:00"])
    if lo and hi:
        return Filter(column=col["name"], op="between", values=[lo.isoformat(), hi.isoformat()])
    if lo:
        return Filter(column=col["name"], op=">=", values=[lo.isoformat()])
    return Filter(column=col["name"], op="<=", values=[edge.isoformat()])


def _next_mention(p: Parsed, pos: int, within: int = 4) -> Mention | None:
    k = pos
    steps = 0
    while k < len(p.toks) and steps <= within:
        for m in p.mentions:
            if m.start == k:
                return m
        if p.toks[k].text not in SKIP_AFTER_CUE and not any(c.start == k for c in p.aggs) and \
                not any(v.start <= k < v.end for v in p.values) and not _trade_of_role(p, k):  # "each overdue invoice"
            return None
        k += 1
        steps += 1
    return None


def _ranked_by(p: Parsed, word: str, at: int, m: Mention | None, by_name: dict[str, Any]) -> bool:
    """"top 5 reps by revenue", "bottom 3 agents by satisfaction": with a limit, a measure after "by" that
    follows a category said before it orders that category's groups (a 1–5 score is a measure too)."""
    if word != "by" or m is None or p.limit is None or by_name[m.column]["role"] != "measure" \
            or not is_numeric(by_name[m.column]):
        return False
    return any(x.end <= at and by_name[x.column]["role"] == "dimension" and not by_name[x.column].get("unique")
               for x in p.mentions)


def _trade_of_role(p: Parsed, k: int) -> bool:
    """"by sales rep" over rep_nm, "per support agent", "by account manager": an unlinked word before a mention
    said by a role's noun qualifies the person; the mention is what is grouped."""
    return k + 1 < len(p.toks) and p.toks[k + 1].sing in PEOPLE_ROLES - PEOPLE \
        and any(m.start == k + 1 for m in p.mentions)  # a job's noun: "free users" is a kind of user, no trade


def _prev_mention(p: Parsed, pos: int, within: int = 3) -> Mention | None:
    best = None
    for m in p.mentions:
        if pos - within <= m.end <= pos:
            best = m
    return best


def _period_word(word: str) -> bool:
    """A year, a quarter or a month name: one side of "2024 vs 2023", "q1 vs q2", "march vs april"."""
    return bool(re.fullmatch(r"(19|20)\d\d|q[1-4]", word)) or word in MONTH_NAMES


def _measured(p: Parsed, m: Mention, by_name: dict[str, Any]) -> bool:
    """A side of "A vs B" that is a number: a numeric column, or what a count cue counts ("number of invoices")."""
    if is_numeric(by_name[m.column]):
        return not is_flag(by_name[m.column])  # "on time vs late": the two sides of a 0/1 flag
    return by_name[m.column]["type"] != "boolean" and any(c.value == "count" and c.end <= m.start <= c.end + 1
                                                          for c in p.aggs)


def _agg_between(p: Parsed, a: int, m: Mention) -> bool:
    return any(a <= c.start < m.start for c in p.aggs)


def _dim_before(p: Parsed, pos: int, profile: dict[str, Any]) -> bool:
    return any(m.end <= pos and not is_numeric(profile["_by_name"][m.column]) for m in p.mentions)


def _numeric_filters(p: Parsed, profile: dict[str, Any], consumed: set[int],
                     values: list[ValueMention] | None = None) -> list[tuple[int, int]]:
    """Comparisons with a number: 'price between 60 and 120', 'older than 18', 'less than 1500 hours',
    'problem id is 10'. Ranges are read first, so their numbers are not read again as comparisons.
    Returns the token spans they spent."""
    reader = _NumberFilters(p, profile, consumed)
    # "4-star hotels": a value of the data with a number among its words is that value, not a number compared
    reader.worded = [(v.start, v.end) for v in values or [] if v.end - v.start >= 2
                     and any(re.search(r"[a-z]", t.text) for t in p.toks[v.start:v.end])
                     and any(t.text.isdigit() for t in p.toks[v.start:v.end])]
    reader.ranges()
    reader.comparisons()
    reader.comparisons_after()
    reader.equalities()
    reader.count_before()
    reader.percent_before()
    return reader.used_spans


@dataclass
class _NumberFilters:
    """Filters comparing a column with a number, and the token spans they have spent."""

    p: Parsed
    profile: dict[str, Any]
    consumed: set[int]
    used_spans: list[tuple[int, int]] = field(default_factory=list)
    worded: list[tuple[int, int]] = field(default_factory=list)  # values with a number among their words

    def spent(self, a: int, b: int) -> bool:
        return any(not (b <= s or a >= e) for s, e in self.used_spans + self.worded)

    def column_near(self, a: int, b: int) -> Mention | str | None:
        """The numeric column a number at tokens [a, b) compares: an age word, a numeric mention
        just before or after, a mention repeated by the unit word; else a lexicon column or None."""
        p, by_name = self.p, self.profile["_by_name"]
        phrase = " ".join(t.text for t in p.toks[max(0, a - 3):b])
        lex = _lexicon_column(phrase, self.profile)
        if lex and re.search(r"older|younger|aged?\b", phrase):
            return lex
        if lex and a > 0 and p.toks[a - 1].text in PEOPLE | AGE_GROUP_WORDS and self.in_range(lex, a, b):
            return lex  # "avg charges for patients over 65": the people compared are compared by their age
        # a 0/1 flag is never the number compared ("patients under 18" is not New Pt < 18), nor an id named by
        # the rows' noun ("orders over $300" compares what an order came to, not its Order ID)
        numbers = [m for m in p.mentions if is_numeric(by_name[m.column]) and not is_flag(by_name[m.column])
                   and not (P.id_by_rows_noun(m, self.profile) and not _ID_WORDS & {t.text for t in p.toks[m.end:a]})]
        # (a mention may run into the comparison: "csat of at" before "least 4")
        before = [m for m in numbers if m.start < a and a - m.end <= 5]
        after = [m for m in numbers if m.start >= b and m.start - b <= 2]
        named = next((m for m in after if m.start == b), None)
        if before and named is not None and named.column == before[-1].column and \
                any(t.text not in STOPWORDS for t in p.toks[before[-1].end:a]):
            return named  # "avg wait for visits over 30 minutes": the wait named first is the measure
        if before:
            return before[-1]
        if after:
            return after[0]
        # "less than 1500 hours" after "hours spent": the unit word repeats a numeric column's mention
        if b < len(p.toks):
            unit = p.toks[b].sing
            for m in p.mentions:
                if is_numeric(by_name[m.column]) and m.words.split()[0] in (unit, p.toks[b].text):
                    return m
        # an amount of money is never an age ("employees earning over $100k"); a unit names its column
        return self.money_column(p.toks[b - 1].text) or self.unit_column(b) or self.moved_money(a) or lex or \
            self.rows_money(a, b)

    def rows_money(self, a: int, b: int) -> str | None:
        """"phone invoices over 2000", "orders above 1,500", "orders over 300" over a numbered Order ID: a bare number
        said of the rows themselves (the noun of what a row is, right before the comparison) is what each row is
        worth: the money column, even past its values ("orders over 1000" when none reaches it: none, not all);
        not a number of something else ("orders that took over 5 days": a word after the number says what it
        counts)."""
        toks = self.p.toks
        if b < len(toks) and toks[b].text.isalpha() and toks[b].text not in _AFTER_AMOUNT:
            return None
        said = a > 0 and singular(toks[a - 1].text) == singular(counted_noun(self.profile)) or \
            any(P.id_by_rows_noun(m, self.profile) and a - m.end in (0, 1) for m in self.p.mentions)
        col = self.money_column("$0") if said else None
        if col is None or not self.profile["_by_name"][col].get("additive", True):
            return None  # a price per unit is not what a row is worth ("lots over 5" is no Unit Cost > 5)
        return col

    def in_range(self, column: str, a: int, b: int) -> bool:
        """Whether the number in tokens [a, b) lies within `column`'s values."""
        col = self.profile["_by_name"][column]
        v = next((parse_number(t.text) for t in self.p.toks[a:b] if parse_number(t.text) is not None), None)
        return v is not None and col.get("min") is not None and col["min"] <= v <= col["max"]

    def moved_money(self, a: int) -> str | None:
        """"withdrawals over 500", "refunds under 50": a number after a movement of money compares the table's one
        money column."""
        if a == 0 or self.p.toks[a - 1].sing not in MONEY_MOVEMENT_NOUNS:
            return None
        return self.money_column("$0")

    def unit_column(self, b: int) -> str | None:
        """"at least 90 days late", "over 3 nights": the one number column whose name holds the unit
        word after the number ("Days Past Due", "Nights")."""
        toks = self.p.toks
        if b >= len(toks) or not toks[b].sing.isalpha():
            return None
        idx = get_index(self.profile)
        named = [c["name"] for c in self.profile["columns"] if is_numeric(c) and not is_flag(c)
                 and c["role"] != "temporal" and not c.get("year_like") and toks[b].sing in idx.forms[c["name"]]]
        return named[0] if len(named) == 1 else None

    def money_column(self, number: str) -> str | None:
        """"invoices over $5,000", "orders above 10k": an amount of money with no column named beside it
        compares the table's one money column, or the one of revenue among several."""
        if not re.fullmatch(r"-?[$€£¥].*|.*\d(?:k|m|bn)", number):
            return None
        money = [c for c in self.profile["columns"] if c.get("money") and is_numeric(c) and not is_flag(c)]
        col = money[0] if len(money) == 1 else P.revenue_column(money)  # "orders over $500": Sales, not Discount
        return str(col["name"]) if col is not None else None

    def add(self, near: Mention | str, op: Op, vals: list[Any], a: int, b: int) -> None:
        """A filter on `near` (a mention, or a column name from the lexicon); none on dates."""
        col = near if isinstance(near, str) else near.column
        c = self.profile["_by_name"][col]
        if c["type"] in ("date", "datetime"):
            return
        p = self.p
        p.filters.append(Filter(column=col, op=op, values=[_num_value(v, c) for v in vals]))
        self.consumed.update(range(a, b))
        p.number_toks.update(range(a, b))
        self.used_spans.append((a, b))
        if not isinstance(near, str):
            p.filter_mentions.add(id(near))
        # "wait over 30 minutes": the unit after the number names the same column, part of the condition
        for m in p.mentions:
            if m.start == b and m.column == col:
                p.filter_mentions.add(id(m))
        words = " ".join(t.text for t in p.text.toks[a:b])
        p.evidence.append(f"'{words}' → {col} {op} {', '.join(str(v) for v in vals)}")

    def ranges(self) -> None:
        """'between 60 and 120'; a four-digit range is a period's when a period was read."""
        for m, (a, b) in self.p.text.find(
                rf"\b(?:between|in the range of|in the range|from|range of) ({_NUM}) (?:and|to|-) ({_NUM})\b"):
            lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
            if lo is None or hi is None or _looks_like_years(lo, hi) and _has_year_period(self.p):
                continue
            col = self.column_near(a, b)
            if col:
                self.add(col, "between", [lo, hi], a, b)

    def comparisons(self) -> None:
        """'more than 5', 'at least 18'; 'not more than' flips the operator."""
        p = self.p
        for pattern, op in _COMPARATORS:
            said = rf"\b(?:is |are |was |be )?(?:{pattern}) (?:the |a |an |of |age )?({_NUM})(?!\w)"  # "under age 12"
            for m, (a, b) in p.text.find(said):
                if self.spent(a, b):
                    continue
                v = parse_number(m.group(1))
                if v is None:
                    continue
                col = self.column_near(a, b)
                if col is None:
                    continue
                neg = a > 0 and p.toks[a - 1].text in ("not", "n't") and op in (">", "<", "=")
                real_op = _NEGATED[op] if neg else op
                if isinstance(col, str) and a > 0 and p.toks[a - 1].text in PEOPLE | AGE_GROUP_WORDS:
                    a -= 1  # "patients over 65": the people compared by their age are part of the condition
                self.add(col, real_op, [v], a, b)

    def comparisons_after(self) -> None:
        """'4 or more', '2 baths or fewer': the comparison said after the number (its column before
        it, or between the number and the comparison)."""
        p = self.p
        for pattern, op in _COMPARATORS_AFTER:
            # a column's name may stand between ("60 handle mins or more"): only the ends are cue words
            for m, (a, b) in p.text.find(rf"(?<![\w.$])({_NUM})(?: [a-z]+){{0,3}} (?:{pattern})\b", protect=False):
                v = parse_number(m.group(1))
                if v is None or self.spent(a, b) or {a, b - 1} & p.text.protected:
                    continue
                num_end = a + 1
                between = next((x for x in p.mentions if x.start == num_end and x.end < b
                                and is_numeric(self.profile["_by_name"][x.column])), None)
                col = between or self.column_near(a, num_end)
                if col is not None:
                    self.add(col, op, [v], a, b)

    def equalities(self) -> None:
        """"<column> (is) (not) (in) <number>" for whole-number columns: "problem id is 10",
        "not majoring in 600" (a text column whose values are numbers compares as text); a list of
        numbers right after the column is one of them ("csat (1 or 2)")."""
        p, by_name = self.p, self.profile["_by_name"]
        for m in list(p.mentions):
            col = by_name[m.column]
            if not is_numeric(col) and not col.get("values"):
                continue
            k = m.end
            neg = any(excludes(p.toks[j].text) for j in range(max(0, m.start - 3), m.start))
            while k < len(p.toks) and p.toks[k].text in ("is", "are", "in", "of", "=", "equal", "to", "equals", "not",
                                                         "n't"):
                neg = neg or p.toks[k].text in ("not", "n't")
                k += 1
            listed = self.number_list(k)
            if self.names_next(k, col):
                continue  # "rent of 3 bed homes": the 3 is the beds'
            if k < len(p.toks) and (k > m.end or len(listed) > 1 or self.few_levels(col, k)) and \
                    re.fullmatch(_PLAIN_NUM, p.toks[k].text) and \
                    k not in self.consumed and not self.spent(k, k + 2 * len(listed) - 1) and \
                    (is_numeric(col) or p.toks[k].text in {str(v[0]).lower() for v in col.get("values", [])}):
                vals = [parse_number(w) if is_numeric(col) else w for w in listed]
                op: Op = ("not_in" if neg else "in") if len(vals) > 1 else "!=" if neg else "="
                self.add(m, op, vals, m.end, k + 2 * len(listed) - 1)

    def few_levels(self, col: dict[str, Any], k: int) -> bool:
        """Whether the word at k is one of the few whole numbers a column holds, so typed right after its name it
        is its value ("triage level 3", "tier 2"); not a number of periods ("by store 2 weeks ago")."""
        word, toks = self.p.toks[k].text, self.p.toks
        unit = k + 1 < len(toks) and (toks[k + 1].sing in TIME_UNIT_WORDS or toks[k + 1].text in ("ago", "%"))
        return col["type"] == "integer" and word.isdigit() and 2 <= (col.get("distinct") or 0) <= _FEW_COUNTS \
            and col.get("min") is not None and col["min"] <= int(word) <= col["max"] and not unit

    def names_next(self, k: int, col: dict[str, Any]) -> bool:
        """Whether a number at token k, outside `col`'s range, comes right before another column's name."""
        p = self.p
        if k >= len(p.toks) or not p.toks[k].text.isdigit() or not is_numeric(col) or col.get("min") is None:
            return False
        return not col["min"] <= int(p.toks[k].text) <= col["max"] and any(o.start == k + 1 for o in p.mentions)

    def count_before(self) -> None:
        """"2 bed apartments", "5 star reviews", "3 night stays": a whole number typed right before a
        whole-number column of few values, within its range, is its value; not a plural said of a column
        named in the singular ("2 stores" over Store, "the 4 ratings" over Rating count things)."""
        p, by_name = self.p, self.profile["_by_name"]
        for m in list(p.mentions):
            k, col = m.start - 1, by_name[m.column]
            if k < 0 or col["type"] != "integer" or not p.toks[k].text.isdigit() or k in self.consumed \
                    or self.spent(k, m.end) or id(m) in p.filter_mentions \
                    or not 2 <= (col.get("distinct") or 0) <= _FEW_COUNTS:
                continue
            said, name = p.toks[m.end - 1], split_name(col["name"])[-1].lower()
            if said.text != said.sing and singular(name) == name:
                continue
            v = int(p.toks[k].text)
            if col["min"] <= v <= col["max"]:
                self.add(m, "=", [v], k, m.end)

    def number_list(self, k: int) -> list[str]:
        """The numbers typed from token k on, joined by "or" / "," / "and" ("1 or 2", "3, 4"); [] if none."""
        toks = self.p.toks
        out: list[str] = []
        while k < len(toks) and re.fullmatch(_PLAIN_NUM, toks[k].text):
            out.append(toks[k].text)
            joined = k + 2 < len(toks) and toks[k + 1].text in ("or", ",", "and")  # "triage 1 and 2"
            if not (joined and re.fullmatch(_PLAIN_NUM, toks[k + 2].text)):
                break
            k += 2
        return out


    def percent_before(self) -> None:
        """"orders with a 30% discount": a percentage typed right before a percent column is its value."""
        p, by_name = self.p, self.profile["_by_name"]
        for m in list(p.mentions):
            k = m.start - 1
            col = by_name[m.column]
            if k < 0 or col.get("unit") != "%" or not p.toks[k].text.endswith("%") or k in self.consumed \
                    or self.spent(k, k + 1) or id(m) in p.filter_mentions:
                continue
            v = parse_number(p.toks[k].text)
            if v is not None and col.get("min") is not None and col["min"] <= v <= col["max"]:
                self.add(m, "=", [v], k, m.end)


def _has_year_period(p: Parsed) -> bool:
    return p.period is not None


def _looks_like_years(lo: float, hi: float) -> bool:
    """"between 2019 and 2021" is the period's; "between 1000 and 5000" stays a number range."""
    return all(float(v).is_integer() and 1900 <= v <= 2100 for v in (lo, hi))


def _lexicon_column(phrase: str, profile: dict[str, Any]) -> str | None:
    """'older than 18', 'aged 25 to 30', 'users under 25' → the age column."""
    words = set(phrase.split())
    if re.search(r"older|younger|\baged?\b", phrase) or words & (PEOPLE | AGE_GROUP_WORDS):
        for c in profile["columns"]:
            if "age" in c["tokens"] and is_numeric(c):
                return str(c["name"])
    return None


def _text_filters(p: Parsed, profile: dict[str, Any]) -> None:
    """'with the letter a in their names', 'names starting with S'."""
    text, by_name = p.text, profile["_by_name"]
    for m, (a, b) in text.find(r"\b(?:the )?(?:letters?|characters?|string|substring|text|word) ([a-z0-9]{1,20})"
                               r"((?: or [a-z0-9]{1,20})*)"):
        vals = [m.group(1)] + re.findall(r" or ([a-z0-9]{1,20})", m.group(2) or "")
        target = None
        for mm in p.mentions:
            if mm.start >= b and mm.start - b <= 4 and by_name[mm.column]["type"] == "text":
                target = mm
                break
            if mm.end <= a and a - mm.end <= 4 and by_name[mm.column]["type"] == "text":
                target = mm
        if target is None:
            target_name = next((c["name"] for c in profile["columns"]
                                if c["type"] == "text" and "name" in c["tokens"]), None)
        else:
            target_name = target.column
            p.filter_mentions.add(id(target))
        if target_name:
            raw_vals = [_raw_word(p, v, a) for v in vals]
            p.filters.append(Filter(column=target_name, op="contains", values=[*raw_vals]))
            p.evidence.append(f"'{m.group(0)}' → {target_name} contains {' or '.join(raw_vals)}")
    for m, (a, _b) in text.find(rf"\b(?:{'|'.join(STARTS_WORDS)}) with (?:the letter )?([a-z0-9]{{1,20}})\b"):
        target = _prev_mention(p, a, within=2)
        if target and by_name[target.column]["type"] == "text":
            p.filters.append(Filter(column=target.column, op="starts_with", values=[_raw_word(p, m.group(1), a)]))
            p.filter_mentions.add(id(target))


_BOOL_GROUP = {"by", "per", "each", "across", "vs", "versus", "split", "between", "of"}
_BOOL_SHARE = re.compile(r"\b(percent|percentage|share|proportion|ratio|rate|fraction)\b|%")


def _boolean_filters(p: Parsed, profile: dict[str, Any]) -> None:
    """A Yes/No column named as a quality ("only remote workers", "orders that were returned",
    "non-remote staff") is a filter, not a True/False category; "by Remote" and shares keep it."""
    share = bool(_BOOL_SHARE.search(p.question.lower()))
    _negated_filters(p, profile, share)
    if share:
        return
    for m in p.mentions:
        col = profile["_by_name"][m.column]
        before = [t.text for t in p.toks[max(0, m.start - 2):m.start]]
        after = p.toks[m.end].text if m.end < len(p.toks) else ""
        if _both_sides(p, m):
            continue
        # "conversion by channel" measures it; "escalations by category" (a plural) counts the Yes rows
        events = p.toks[m.end - 1].text != p.toks[m.end - 1].sing and after in _BOOL_GROUP
        if names_people_only(m) and not _people_kept_alone(p, m):
            continue
        # "sessions that didn't bounce by country": a relative clause or a negation is a condition
        clause = _said_as_event(p, m)
        modifies = _modifies_noun(p, m, profile)  # "number of discontinued products": a quality of what is counted
        flag = is_flag(col) and (events or clause or modifies)
        yes_no = P.yes_no_values(col)  # a Y/N text column is a quality like a Yes/No one
        quality = col["type"] == "boolean" or yes_no is not None
        if (quality or flag) and any(o.column == m.column and id(o) in p.filter_mentions
                                     and abs(o.start - m.start) <= 3 for o in p.mentions):
            p.filter_mentions.add(id(m))  # "completed onboarding": the second word of one condition
            continue
        counted = events and before[-2:] in (["number", "of"], ["count", "of"])  # "number of damage claims by …"
        if not quality and not flag or id(m) in p.filter_mentions or \
                (before and before[-1] in _BOOL_GROUP and not modifies and not counted) or \
                after in _BOOL_GROUP | {"over", "and", "rate"} and not (events or clause and after != "rate"):
            continue
        neg = any(negates(w) for w in before) or removed_by_verb(p, m.start, set())
        value: Value = yes_no[neg] if yes_no else int(not neg) if flag else not neg
        p.filters.append(Filter(column=m.column, op="=", values=[value]))
        p.filter_mentions.add(id(m))
        p.evidence.append(f"'{m.words}' → {m.column} = {'No' if neg else 'Yes'}")


def _both_sides(p: Parsed, m: Mention) -> bool:
    """"trial and non-trial accounts", "remote vs not remote": the column is named plain and
    negated, a breakdown by it rather than a condition."""
    sides = {any(negates(t.text) for t in p.toks[max(0, o.start - 2):o.start]) for o in p.mentions
             if o.column == m.column}
    return sides == {True, False}


def part_of_a_period(p: Parsed, i: int) -> bool:
    """"late 2024", "early march": a part of a period, not the No of On Time."""
    nxt = p.toks[i + 1].text if i + 1 < len(p.toks) else ""
    return p.toks[i].text in ("late", "early") and (_period_word(nxt) or nxt in ("year", "month", "quarter"))


def _negated_filters(p: Parsed, profile: dict[str, Any], share: bool) -> None:
    """"unpaid", "non-remote", "returning": the column's No ("paid vs unpaid" names both: a breakdown).
    In a share the word is what is measured ("% of invoices unpaid") unless it follows "for" / "among"
    ("conversion rate for returning visitors")."""
    for t in p.toks:
        if share and (t.i == 0 or p.toks[t.i - 1].text not in ("for", "among")) or part_of_a_period(p, t.i):
            continue
        for name in negated_booleans(t.text, profile):
            if all(f.column != name for f in p.filters) and all(m.column != name for m in p.mentions):
                p.filters.append(Filter(column=name, op="=", values=[False]))
                p.evidence.append(f"'{t.raw}' → {name} = No")


_KEEP_ALONE_AROUND = {"only", "just", "and", "now", "ok", "okay", "so", "the", "for", "please", "?", ".", "!"}


def _people_kept_alone(p: Parsed, m: Mention) -> bool:
    """"members only", "just the members": a message that only keeps the people a Yes/No column's name is
    about ("Loyalty Member") keeps its Yes rows; "mobile users only" names other people."""
    around = [t.text for t in p.toks if not m.start <= t.i < m.end]
    return any(w in ("only", "just") for w in around) and all(w in _KEEP_ALONE_AROUND for w in around)


def names_people_only(m: Mention) -> bool:
    """"mobile users" names who is counted, not the Yes/No column is_new_user it partly matches — unless the
    people word is all the column's name says ("members" ~ Is Member: the members are its Yes rows)."""
    words = m.words.split()
    if m.tier not in ("partial", "entity") or not all(w in PEOPLE for w in words):
        return False
    content = {singular(w) for w in split_name(m.column) if w.lower() not in STOPWORDS}
    return not content or not content <= {singular(w) for w in words}


def yes_letter(col: dict[str, Any]) -> str | None:
    """The yes of a text column holding two values read as yes and no ("Y"/"N"), which DuckDB reads as text."""
    yes_no = P.yes_no_values(col)
    return yes_no[0] if yes_no is not None else None


def _said_as_event(p: Parsed, m: Mention) -> bool:
    """A 0/1 column's mention is its condition only in a clause or after a negation ("sessions that
    bounced", "didn't bounce", "non-bounced"): elsewhere it may be a number to add up ("total bounced")
    or a column listed."""
    before = [t.text for t in p.toks[max(0, m.start - 2):m.start]]
    return bool(before) and (negates(before[-1]) or before[-1] == "on" or
                             any(w in ("that", "which", "who") for w in before))


def _modifies_noun(p: Parsed, m: Mention, profile: dict[str, Any]) -> bool:
    """"new patient appointments", "bounced sessions": a 0/1 column's words before a plural noun that
    names no number column qualify the rows counted."""
    if m.end >= len(p.toks):
        return False
    nxt = p.toks[m.end]
    number = any(o.start == m.end and is_numeric(profile["_by_name"][o.column]) for o in p.mentions)
    return nxt.text.isalpha() and nxt.text != nxt.sing and nxt.text not in STOPWORDS and not number


def _raw_word(p: Parsed, word: str, near: int) -> str:
    for t in p.toks[near:]:
        if t.text == word:
            return t.raw
    return word


def _value_filters(p: Parsed, values: list[ValueMention], profile: dict[str, Any]) -> None:
    """Values of the data become filters; 'not'/'except'/'excluding' before them negate."""
    grouped: dict[tuple[str, bool], list[ValueMention]] = {}
    named = {k for v in values for k in range(v.start, v.end)}
    for v in values:
        window = [t.text for t in p.toks[max(0, v.start - 4):v.start]]
        neg = negated_between(p, profile, v.start - 4, v.start, values) and \
            not any(w in ("only", "just") for w in window[-2:]) or removed_by_verb(p, v.start, named)
        grouped.setdefault((v.column, neg), []).append(v)
    for (col, neg), vs in grouped.items():
        vals: list[Value] = list(dict.fromkeys(v.value for v in vs))
        if len(vals) == 1:
            f = Filter(column=col, op="!=" if neg else "=", values=vals)
        else:
            f = Filter(column=col, op="not_in" if neg else "in", values=vals)
        p.filters.append(f)
        for v in vs:
            p.evidence.append(f"'{v.words}' is a value of {col}")
