"""Readers of everyday business phrasing, called by language.parsing.parse (issue 11): the date
column the words name ("churned in 2024"), a grain after it ("by signup quarter"), short codes
beside their column ("A grades"), a superlative before one category ("lowest paid department"),
a verb or "how much" naming the measure ("which 3 stores sold the most"), a column said present
or absent ("tickets with no refund", "out-of-stock items"), one-word modifiers joining their column
("traffic source"), and the superlative of a top-N that ranks rather than takes a maximum.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from typing import TYPE_CHECKING, Any

from ..datasets.profile import is_numeric
from ..datasets.store import derived
from ..plan import Filter
from . import cues as C
from .lexicon import (
    ABBREVIATIONS,
    ACTIVE_WORDS,
    AGG_CUES,
    BUYER_WORDS,
    COST_WORDS,
    DONE_EVENT_WORDS,
    DURATION_COLUMN_WORDS,
    ENDED_WORDS,
    GENERIC,
    GOODS_WORDS,
    INCOME_NOUNS,
    LENGTH_OF_TIME_WORDS,
    LEVEL_SUPERLATIVES,
    MOMENT_SUPERLATIVES,
    MONEY_TAKEN_WORDS,
    NUMBER_WORDS,
    PARTICIPLE_NOUNS,
    PARTICIPLES,
    QUANTITY_WORDS,
    RANKING_WORDS,
    RESERVATION_WORDS,
    REVENUE_WORDS,
    ROW_VALUE_WORDS,
    SELLER_WORDS,
    SIZE_SUPERLATIVES,
    SPEED_WORDS,
    STOPWORDS,
    SYNONYMS,
    TIME_UNIT_NAME_WORDS,
    VALUE_ALIASES,
    VERB_MEASURES,
    WAIT_COLUMN_WORDS,
    WAIT_WORDS,
    negates,
)
from .matching import Mention, Tok, ValueMention, get_index, is_flag, stage_asked_now, stem_forms, value_key
from .names import singular, split_name
from .rownoun import counted_noun

if TYPE_CHECKING:
    from .parsing import Parsed


DATE_FILLER = {"date", "at", "on", "time", "timestamp", "day", "dt", "datetime", "of", "the", "when", "ts"}


def _same_stem(w: str, q: str) -> bool:
    """"hire" ~ "hired" ~ "hiring", "churn" ~ "churns", "order" ~ "ordered", "created" ~ "creation"."""
    if w == q:
        return True
    n = len(os.path.commonprefix([w, q]))
    return n >= 4 and n >= len(w) - 3 and n >= len(q) - 4 or _verb_base(w) == _verb_base(q) != ""


def _verb_base(word: str) -> str:
    """A verb's form without -ing / -ed / -e ("hiring", "hired", "hire" → "hir"); "" when under 3 letters
    would be left (a short word's ending is its own)."""
    for end in ("ing", "ed", "e"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[:-len(end)]
    return ""


def names_date(word: str, col: dict[str, Any]) -> bool:
    """Whether a word of the question is a form of a content word of a date column's name ("closures" ~
    closed_at, "hires" ~ Hired): the event the column dates."""
    w = singular(word)
    return any(_same_stem(c, w) for c in (singular(x) for x in split_name(col["name"]))
               if c not in DATE_FILLER and c not in STOPWORDS)


def _row_words(profile: dict[str, Any]) -> set[str]:
    """The dataset's own nouns ("clinic_appointments" → clinic, appointment) and what its identifier says a
    row is ("Invoice ID" → invoice, whatever the file is called); built once per profile."""
    return derived(profile, "_row_words", lambda prof: ({singular(w) for w in split_name(prof.get("name") or "")}
                                                        | {singular(counted_noun(prof))}) - STOPWORDS - {"row"})


def _row_nouns(profile: dict[str, Any]) -> set[str]:
    """`_row_words` with the identifier's noun kept even when it is a stop word ("Order #" → order, a stop word
    for "order by"); built once per profile."""
    return derived(profile, "_row_nouns", lambda prof: (_row_words(prof) | {singular(counted_noun(prof))}) - {"row"})


def names_the_rows(col: dict[str, Any], profile: dict[str, Any]) -> bool:
    """Whether a date column is named after what a row is, the dataset's own noun ("Appt Date" in
    clinic_appointments, "Invoice Date" in invoices): the date of the rows' own event, not of an
    earlier or later step ("Due Date")."""
    own = {singular(ABBREVIATIONS.get(w, w)) for w in split_name(col["name"]) if w not in DATE_FILLER}
    return bool(_row_words(profile) & own)


def reserves(col: dict[str, Any]) -> bool:
    """A date of when something was booked ("Booked On", "Booking Date", "Reserved At"): the date
    of the booked event beside it (the appointment, the check-in) is the one a period is about."""
    return any(singular(w) in RESERVATION_WORDS for w in split_name(col["name"]))


def verb_of_the_period(p: Parsed, profile: dict[str, Any], values: list[ValueMention]) -> list[ValueMention]:
    """"how many lots expire before March 2025" over Expiry Date and a Status of Expired: a one-word value
    right before a period on the date column that same word names is the verb of that date, not a second
    condition."""
    col = profile["_by_name"].get(p.date_column or "")
    starts = {a for a, _b, f in p.period_spans if col is not None and f.column == col["name"]}
    if not starts:
        return values
    own = [singular(w) for w in split_name(col["name"]) if w not in DATE_FILLER and w not in STOPWORDS]
    return [v for v in values if not (v.end - v.start == 1 and v.end in starts and v.column != col["name"]
                                      and any(_same_stem(w, p.toks[v.start].sing) for w in own))]


def dated_column(toks: list[Tok], profile: dict[str, Any]) -> str | None:
    """The date column that the question's words name by its own words ("churned in 2024" →
    churnDate, "check-ins per month" → Check-in Date): most of its words said, its name said in
    full breaks a tie; None when no date column is named or two are named alike. The rows' own
    noun names the rows ("bookings by quarter"), not a date, unless a date word follows it
    ("booking date")."""
    rows = _row_words(profile)
    staged = get_index(profile).stage_event  # "installs" of solar_installs.csv is the Installed stage too
    toks = [t for k, t in enumerate(toks) if t.sing not in rows
            or (k + 1 < len(toks) and toks[k + 1].text in DATE_FILLER) or staged(t.text)]
    # "check ins": a short plural the singulariser keeps ("ins", "outs") is said without its s too
    bare = [t.text[:-1] if t.sing == t.text and re.fullmatch(r"[a-z]{1,3}[^s]?s", t.text) and t.text not in STOPWORDS
            else t.sing for t in toks]
    words = {t.sing for t in toks} | {t.text for t in toks} | set(bare)
    events = {PARTICIPLE_NOUNS[w] for w in words if w in PARTICIPLE_NOUNS}  # "homes sold by month" ~ Sale Date
    words |= events
    said = " ".join(t.sing for t in toks) + " | " + " ".join(bare)
    scored: list[tuple[float, str]] = []
    for c in profile["columns"]:
        if c["role"] != "temporal" or c.get("year_like"):
            continue
        own = [singular(w) for w in split_name(c["name"]) if w not in DATE_FILLER]
        content = [w for w in own if w not in STOPWORDS]
        hits = sum(1 for w in content if any(_same_stem(w, q) for q in words))
        # "shipments delivered last month": a participle says which date, over the rows' own noun (Ship Date)
        done = any(_same_stem(w, q) for w in content for q in words if q.endswith("ed") or q in events)
        if hits:
            phrase = " ".join(own)
            scored.append((hits / len(content) + (0.5 if re.search(rf"\b{re.escape(phrase)}\b", said) else 0.0)
                           + (0.25 if done else 0.0), c["name"]))
    scored.sort(reverse=True)
    if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def ranked_period(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"busiest hour of the day", "best month for conversions": the periods at that grain, ranked,
    the first one (a limit of 1) — over a date column, an hour only over one with times."""
    cue = C.find_ranked_period(p.text)
    dated = [c for c in profile["columns"] if c["type"] in ("date", "datetime")]
    if cue is None or p.limit not in (None, cue.value[2]) or not dated:
        return
    grain, desc, count = cue.value
    if grain.startswith("hour") and not any(c.get("has_time") for c in dated):
        return
    p.limit, p.limit_desc, p.periods_ranked = count, desc, True
    p.grain = p.grain or grain
    consumed.update(range(cue.start, cue.end))


_GROUPING_BEFORE = {"by", "per", "each", "every", "across", "vs", "versus"}


def counted_kind(p: Parsed, start: int, end: int, col: dict[str, Any], profile: dict[str, Any]) -> bool:
    """"trend of completed courses", "how many students completed a course each month", "course starts per
    week": a text column's name said in the plural (the column's own name is singular), after a/an, or
    before the word of the date column the question picked (the event: "starts" ~ Started) or before the
    rows' own noun in the plural ("course enrollments"), with no
    grouping word before it, names the kind of the rows counted, not a breakdown into its values."""
    if col["type"] != "text" or not col.get("tokens") or end <= start or \
            any(g.column == col["name"] and g.start <= start < g.end for g in p.groups):
        return False
    by_name = profile["_by_name"]
    if any(is_numeric(by_name[m.column]) and by_name[m.column]["role"] == "measure" for m in p.mentions):
        return False  # "monthly sales of the three regions": a number measured, the plural a breakdown
    before = p.toks[start - 1].text if start > 0 else ""
    nxt = p.toks[end] if end < len(p.toks) else None
    # "members and casuals separately": the column's values listed, or set apart, split the rows
    if before in _GROUPING_BEFORE or any(t.text in _COORDINATORS for t in p.toks[start:end]) or \
            nxt is not None and nxt.text in ("separately", "apart"):
        return False
    last = p.toks[end - 1]
    plural = last.text != last.sing and last.sing == col["tokens"][-1] and last.text not in split_name(col["name"])
    dated = profile["_by_name"].get(p.date_column or "")
    event = nxt is not None and (dated is not None and names_date(nxt.text, dated)
                                 or nxt.text != nxt.sing and nxt.sing in _row_words(profile))
    return plural or event or before in ("a", "an")


_MOST_OF_ROWS = {"most": True, "fewest": False}  # "what day do most / fewest orders come in"
_ASKED_PERIOD = (r"\b(?:which|what)\s+(hour|day|weekday|week|month|quarter|year)"
                 r"(?:\s+of\s+(?:the\s+)?(day|week|year))?\b")


def asked_period(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"which month had the most enrollments", "what day of the week brings in the most tips": a which/what
    before a unit of time, with a superlative's limit of one, asks for the one period first at that grain —
    over a date column (an hour only over one with times), unless the unit is itself a column's name ("Month")."""
    if p.limit not in (1, None) or p.grain is not None or p.periods_ranked:
        return
    dated = [c for c in profile["columns"] if c["type"] in ("date", "datetime")]
    if _when_most(p, dated, consumed):
        return
    for m, (a, b) in p.text.find(_ASKED_PERIOD):
        unit = m.group(1)
        if not dated or unit in profile["_by_lower"] or \
                unit == "hour" and not any(c.get("has_time") for c in dated):
            return
        if p.limit is None:  # "what hour do most requests come in": "most" after the unit ranks its periods
            most = next((k for k in range(b, len(p.toks)) if p.toks[k].text in _MOST_OF_ROWS), None)
            if most is None:
                return
            p.limit, p.limit_desc = 1, _MOST_OF_ROWS[p.toks[most].text]
            consumed.add(most)
        p.grain, p.periods_ranked = C.PERIOD_OF.get((unit, m.group(2) or ""), unit), True
        consumed.update(range(a + 1, b))  # the unit's words; "which" stays the question's
        return


def _when_most(p: Parsed, dated: list[dict[str, Any]], consumed: set[int]) -> bool:
    """"when do most orders come in" over timestamps: the hour of the day with the most rows (not the maximum
    of a column); over dates alone no unit is implied, so nothing is read."""
    if p.limit is not None or not p.toks or p.toks[0].text != "when" or not any(c.get("has_time") for c in dated):
        return False
    most = next((k for k in range(1, len(p.toks)) if p.toks[k].text in _MOST_OF_ROWS), None)
    if most is None or most + 1 < len(p.toks) and p.toks[most + 1].text == "of":  # "most of the cost"
        return False
    p.limit, p.limit_desc, p.grain, p.periods_ranked = 1, _MOST_OF_ROWS[p.toks[most].text], "hour_of_day", True
    consumed.add(most)
    return True


def limit_unit(p: Parsed) -> re.Match[str] | None:
    """"top 5 days", "the 3 months with …": the unit of time whose periods a top-N ranks."""
    return re.search(r"\b(?:top|bottom|best|worst)\s+\w+\s+(days|weeks|months|years|quarters|hours)\b", p.text.s) or \
        re.search(r"(?:^|\b(?:the|which|what)\s+)\d+\s+(days|weeks|months|years|quarters|hours)\b", p.text.s)


_LONG_FOR_HOURS = 2  # days: over a longer span "by hour" is the hour of the day, not each clock hour


def hour_of_day(p: Parsed, profile: dict[str, Any], tcol: dict[str, Any] | None) -> None:
    """"avg wait time by hour" over months of timestamps: the hour of the day (0–23), not each of
    thousands of clock hours; a period of a day or two keeps the clock hours."""
    if p.grain != "hour" or tcol is None:
        return
    spans = [f.values for f in p.filters if f.column == tcol["name"] and f.op == "between"]
    lo, hi = (spans[0][0], spans[0][1]) if spans else (tcol.get("min"), tcol.get("max"))
    try:
        days = (dt.date.fromisoformat(str(hi)[:10]) - dt.date.fromisoformat(str(lo)[:10])).days
    except (TypeError, ValueError):
        return
    if days >= _LONG_FOR_HOURS:
        p.grain = "hour_of_day"
        p.notes.append("'by hour' over many days: the hour of the day")


def date_grain(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"mrr by signup quarter", "orders by ship month": a unit after words naming a date column is
    that column's grain."""
    if p.grain is not None:
        return
    for m, (_a, b) in p.text.find(r"\b(?:by|per|each) ([a-z]+(?: [a-z]+)?) (month|quarter|week|year)s?\b"):
        a1, b1 = p.text.span(m.start(1), m.end(1))
        col = dated_column(p.toks[a1:b1], profile)
        if col is not None and profile["_by_name"][col]["type"] in ("date", "datetime"):
            p.grain, p.date_column = m.group(2), col
            consumed.add(b - 1)
            return


_FUNCTION = {"the", "and", "for", "all", "any", "per", "not", "are", "was", "its", "our", "has", "had", "how", "who",
             "can", "did", "get", "let", "see", "use", "out", "off", "but", "nor", "yes"}


def code_values(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> list[ValueMention]:
    """"A grades", "grade B", "tier 2 accounts", "high-priority tickets": a short code typed as a value
    (upper case or a number), or a common word that is a value ("high", "low"), next to its own column's
    name is that value; the column's mention is spent on it."""
    by_name = profile["_by_name"]
    out = []
    for m in p.mentions:
        col = by_name[m.column]
        if is_numeric(col) or not col.get("values"):
            continue
        vals = {str(v).lower(): str(v) for v, _n in col["values"]}
        for k in (m.start - 1, m.end):
            if 0 <= k < len(p.toks) and k not in consumed:
                raw, low = p.toks[k].raw, p.toks[k].raw.lower()
                code = 0 < len(low) <= 3 and (raw.isupper() or raw.isdigit())
                # a common word only as a modifier before its column ("high priority"), never "in" / "y"
                common = k < m.start and low in STOPWORDS and low.isalpha() and len(low) >= 3 and low not in _FUNCTION
                initial = _initial_code(low, vals) if low not in vals and k < m.start else None
                if initial:  # "night shift" ~ N
                    low, code = initial, True
                if low in vals and (code or common):
                    out.append(ValueMention(m.column, vals[low], k, k + 1, 0.85, raw))
                    p.filter_mentions.add(id(m))
                    if k < m.start:
                        out += _coordinated(p, m.column, vals, k, consumed)
                    break
    return out


_COORDINATORS = {"vs", "versus", "and", "or", ",", "&"}
# words that ask about a column's values rather than name one: cues and rankings ("most common", "best", "top")
_ASKING_WORDS = {w for phrases in AGG_CUES.values() for ph in phrases for w in ph.split()} | set(RANKING_WORDS) | \
    {"common", "popular", "frequent", "usual", "typical", "rare", "got", "get", "gets", "which", "what"}


def _initial_code(word: str, vals: dict[str, str]) -> str | None:
    """The one value of a column coded by single capitals (Shift D / N, Size S / M / L) that is the initial of
    a word said before the column's name ("night shift" ~ N, "day vs night shift"), lower-cased."""
    if not (word.isalpha() and len(word) >= 3) or word in _FUNCTION or negates(word) or \
            not all(len(v) == 1 and v.isupper() for v in vals.values()) or set(vals) <= {"y", "n", "t", "f"}:
        return None  # "non-promo" over Promo Y / N is no N: a Yes/No column's letters are no initials
    if word in _ASKING_WORDS or word.endswith(("est", "ing")):
        return None  # "the most common grade", "the best grade", "best selling size" ask which value, naming none
    return word[0] if word[0] in vals else None


def _coordinated(p: Parsed, column: str, vals: dict[str, str], k: int, consumed: set[int]) -> list[ValueMention]:
    """"high vs low priority", "low, medium and high priority": the values coordinated with the one
    before the column's name are its values too."""
    out = []
    while k >= 2 and p.toks[k - 1].text in _COORDINATORS and k - 2 not in consumed \
            and (p.toks[k - 2].raw.lower() in vals or _initial_code(p.toks[k - 2].raw.lower(), vals)):
        k -= 2
        low = p.toks[k].raw.lower()
        out.append(ValueMention(column, vals[low if low in vals else str(_initial_code(low, vals))], k, k + 1,
                                0.85, p.toks[k].raw))
    return out


def superlative_subject(p: Parsed, profile: dict[str, Any]) -> None:
    """"lowest paid department on average", "best-selling product by revenue": a superlative a few
    words before one category (singular) asks for the one best group, like "which … has the highest"."""
    if p.limit is not None and (p.limit_numbered or p.limit == 1):
        return
    by_name = profile["_by_name"]
    for t in p.toks:  # "the top selling store" (one store) also overrides the top ten of "top"
        # "the fastest agent" too, over a table of lengths of time
        ranking = t.text in RANKING_WORDS or t.text in SPEED_WORDS and bool(time_lengths(profile))
        if not ranking or p.limit is not None and t.text != "top" or t.i and p.toks[t.i - 1].text == "at":
            continue  # "at least 4 by agent" compares
        m = next((m for m in p.mentions if t.i < m.start <= t.i + 3), None)
        while m is not None and is_numeric(by_name[m.column]):
            m = next((o for o in p.mentions if m.end <= o.start <= m.end), None)
        if m is not None and category(by_name[m.column]) and p.toks[m.end - 1].text == p.toks[m.end - 1].sing \
                and not _row_per_group(p, t.i, m.start, profile):
            p.limit, p.limit_desc = 1, RANKING_WORDS.get(t.text, SPEED_WORDS.get(t.text, True))
            return


def _row_per_group(p: Parsed, sup: int, group: int, profile: dict[str, Any]) -> bool:
    """"the largest order by vendor", "biggest sale per store": the superlative describes the rows' own noun, and
    the group comes after "by" / "per" / "each": the top row of each group, not the one top group."""
    between = [t.text for t in p.toks[sup + 1:group]]
    return len(between) >= 2 and p.toks[sup + 1].sing in _row_nouns(profile) \
        and bool(set(between[1:]) & _ONE_ROW_GROUPED)


# Superlatives that rank the rows by their own size, price, weight or moment ("the largest order"), and the words
# one row may stand behind ("the largest order in march", "our biggest sale ever").
_ONE_ROW_SUPERLATIVES = SIZE_SUPERLATIVES | (MOMENT_SUPERLATIVES - {"recent", "recently"}) | \
    {"cheapest", "priciest", "costliest", "heaviest", "lightest", "longest", "shortest"}
_ONE_ROW_BEFORE = {"the", "our", "my", "your", "their", "single"}
_ONE_ROW_AFTER = {"in", "from", "during", "this", "last", "ever", "so", "yet", "we", "placed", "made", "on", "to",
                  "of"}
_ONE_ROW_GROUPED = {"by", "per", "each", "every"}  # "the largest order by region", "in each month": one per group


def one_row_superlative(p: Parsed, profile: dict[str, Any]) -> None:
    """"the largest order", "our most expensive sale", "the latest hire": a superlative of a row's own size,
    price, weight or moment before the rows' own noun in the singular is the one row at the top, as "the 1
    largest order" says it, not a total of them all ("the largest region" names a group: left alone). After
    "which vendor got ..." (the one top group already asked) the row is only marked (planning/onerow.py)."""
    if p.limit is not None and (p.limit != 1 or p.limit_numbered):
        return
    rows, toks = _row_nouns(profile), p.toks
    for t in toks[:-1]:
        sup = t.text in _ONE_ROW_SUPERLATIVES or t.text == "expensive" and t.i > 0 and toks[t.i - 1].text == "most"
        lead = t.i - (t.text == "expensive")  # the superlative's first word: "biggest order" may open the question
        before = toks[lead - 1].text if lead > 0 else "the"
        noun = toks[t.i + 1]
        after = toks[t.i + 2].text if t.i + 2 < len(toks) else None
        # "the longest call" is one row, "longest play in ms" the length asked in a unit: a length's superlative
        # is one row only when nothing follows its noun
        after_ok = after is None or (after in _ONE_ROW_AFTER and t.text not in _LENGTH_SUPERLATIVES)
        if sup and before in _ONE_ROW_BEFORE and noun.text == noun.sing and noun.sing in rows and after_ok \
                and not any(x.text in _ONE_ROW_GROUPED for x in toks[t.i + 2:]):
            if p.limit is None:
                p.limit, p.limit_desc, p.limit_numbered = 1, t.text not in _LOW_ROW_SUPERLATIVES, True
            p.one_row = (lead, t.i + 2)
            return


_LOW_ROW_SUPERLATIVES = {"smallest", "earliest", "cheapest", "lightest", "shortest"}
_LENGTH_SUPERLATIVES = {"longest", "shortest"}


_REVENUE_RANK = ["revenue", "sales", "sale", "turnover", "income", "amount", "total", "value", "price"]


def revenue_column(columns: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The column most likely to be the money taken: revenue or sales before an amount, a price last; among
    columns named only "amount", "total" or "value" the one of the larger sum (a check's total, not its
    gratuity amount)."""
    words = [[ABBREVIATIONS.get(w, w) for w in c["tokens"]] for c in columns]  # "Amt" is an amount
    ranked = [(_revenue_rank(ws), -float(c.get("mean") or 0.0) * float(c.get("non_null") or 0), i, c)
              for i, (c, ws) in enumerate(zip(columns, words, strict=True)) if set(ws) & REVENUE_WORDS]
    return min(ranked, key=lambda r: r[:3] if r[0] == _GENERIC_RANK else (r[0], 0.0, r[2]))[3] if ranked else None


_GENERIC_RANK = _REVENUE_RANK.index("amount")


def _revenue_rank(words: list[str]) -> int:
    """A name's best revenue word by _REVENUE_RANK, "amount", "total" and "value" ranked alike."""
    best = min(_REVENUE_RANK.index(w) for w in words if w in _REVENUE_RANK)
    return _GENERIC_RANK if _REVENUE_RANK[best] in ("amount", "total", "value") else best


def takings_column(profile: dict[str, Any]) -> dict[str, Any] | None:
    """The money taken: the revenue-like money column (`revenue_column`), else the table's only money
    column that adds up ("Fee" of a parking export, "Amt (USD)" of donations)."""
    return derived(profile, "_takings_column", _takings_column)  # of the profile alone: built once per profile


def _takings_column(profile: dict[str, Any]) -> dict[str, Any] | None:
    money = [c for c in profile["columns"] if is_numeric(c) and c["role"] == "measure" and c.get("money")
             and c.get("additive", True)]
    return revenue_column(money) or (money[0] if len(money) == 1 else None)


def time_lengths(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The number columns of a length of time: their name says a duration or a unit of time ("Duration (min)",
    "ms_played", "Days in Transit")."""
    idx = get_index(profile)
    return [c for c in profile["columns"] if is_numeric(c) and c["role"] == "measure" and not c.get("year_like")
            and set(idx.plain[c["name"]]) & (TIME_UNIT_NAME_WORDS | DURATION_COLUMN_WORDS)
            and idx.plain[c["name"]] != ["day"]]  # a "Day" column is more likely the day of a month


def waits_or_lengths(lengths: list[dict[str, Any]], words: set[str]) -> list[dict[str, Any]]:
    """Of several lengths of time, the wait's when the words say waiting or answering ("slowest to answer":
    Wait Sec), else the rows' own length ("which agent is fastest": Duration (min) or Talk Minutes)."""
    waits = [c for c in lengths if set(c["tokens"]) & WAIT_COLUMN_WORDS]
    if words & WAIT_WORDS and waits:
        return waits
    return [c for c in lengths if set(c["tokens"]) & LENGTH_OF_TIME_WORDS] or \
        [c for c in lengths if c not in waits] or lengths


def duration_measure(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"avg session length", "the longest stay", "listening time per artist": with no number column named, a
    noun of a length of time (or "time" after a verb's -ing or an aggregation) names the table's one number
    column of a length of time — its name says a duration or a unit of time ("Duration (min)", "ms_played")."""
    by_name = profile["_by_name"]
    lengths = time_lengths(profile)
    if len(lengths) > 1 and any(t.text in SPEED_WORDS for t in p.toks):  # "which agent is fastest": the durations
        lengths = waits_or_lengths(lengths, {t.text for t in p.toks})
    # another number measured stops it; one named after "with / no" is a condition, read later ("with no kids",
    # "with no items in the cart")
    conditions = {m.column for m in p.mentions if _absence(p.toks, m.start) is not None}
    if len(lengths) != 1 or any(is_numeric(by_name[m.column]) and m.column not in conditions | {lengths[0]["name"]}
                                for m in p.mentions):
        return
    named = {k for m in p.mentions for k in range(m.start, m.end)}
    for t in p.toks:
        before = p.toks[t.i - 1].text if t.i > 0 else ""  # "listening time", "avg time", "how much time"
        said = t.sing in LENGTH_OF_TIME_WORDS or t.text in SPEED_WORDS or \
            t.text == "time" and (before.endswith("ing") or before == "much" or _aggregation_word(before))
        if not said or t.i in consumed or t.i in named:
            continue
        # "average stay in minutes": the unit's partial match is the same column, said once
        p.mentions = [m for m in p.mentions if m.column != lengths[0]["name"] or m.tier != "partial"]
        p.mentions.append(Mention(lengths[0]["name"], t.i, t.i + 1, 0.76, "synonym", t.text))
        p.mentions.sort(key=lambda x: x.start)
        p.evidence.append(f"'{t.text}' → {lengths[0]['name']} (a length of time)")
        if t.text in SPEED_WORDS and p.order_desc is None:  # "which carriers deliver fastest": shortest first
            p.order_desc = SPEED_WORDS[t.text]
        return


def length_said_as_time(p: Parsed, profile: dict[str, Any]) -> None:
    """"distribution of wait times" over Wait Minutes and Event Time: "time" after a word of a number column
    of a length of time (its name says a unit or a duration) is that column's name said again, not the date
    column whose name holds "time"."""
    by_name, idx = profile["_by_name"], get_index(profile)
    for m in [m for m in p.mentions if m.end - m.start == 1 and p.toks[m.start].sing == "time"]:
        before = next((b for b in p.mentions if b.end == m.start), None)
        if before is None or by_name[m.column]["type"] not in ("date", "datetime"):
            continue
        col = by_name[before.column]
        if is_numeric(col) and col["role"] == "measure" and \
                set(idx.plain[col["name"]]) & (TIME_UNIT_NAME_WORDS | DURATION_COLUMN_WORDS):
            p.mentions.remove(m)
            p.mentions[p.mentions.index(before)] = dataclasses.replace(before, end=m.end,
                                                                       words=f"{before.words} {m.words}")
            p.evidence.append(f"'{before.words} {m.words}' → {col['name']} (a length of time)")


_LENGTH_AFTER = LENGTH_OF_TIME_WORDS | {"time"}


def length_of_a_counted_thing(p: Parsed, profile: dict[str, Any]) -> None:
    """"average session length" over sess and avg_sess_dur_s: a word of a length of time after a column's word
    names the length-of-time column whose name holds that word too (the sessions' duration), not the count of
    sessions."""
    if not any(t.sing in _LENGTH_AFTER for t in p.toks[1:]):
        return  # the usual question: no word of a length of time, nothing to look up
    by_name, idx = profile["_by_name"], get_index(profile)
    lengths = time_lengths(profile)
    length_names = {c["name"] for c in lengths}
    for k, m in enumerate(p.mentions):
        if m.end >= len(p.toks) or p.toks[m.end].sing not in _LENGTH_AFTER:
            continue
        words = set(idx.plain[m.column])
        if not words or m.column in length_names or not is_numeric(by_name[m.column]):
            continue
        found = [c for c in lengths if words <= set(idx.plain[c["name"]])]
        if len(found) == 1:
            p.mentions[k] = dataclasses.replace(m, column=found[0]["name"], end=m.end + 1,
                                                words=f"{m.words} {p.toks[m.end].text}")
            p.evidence.append(f"'{m.words} {p.toks[m.end].text}' → {found[0]['name']} (a length of time)")
            return


def how_much(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"how much is still unpaid?": with no number column named, "how much" asks for the money."""
    by_name = profile["_by_name"]
    if any(is_numeric(by_name[m.column]) for m in p.mentions):
        return
    for m, (_a, b) in p.text.find(r"\bhow much\b"):
        money = takings_column(profile)
        if money is not None and b - 1 not in consumed:
            p.mentions.append(Mention(money["name"], b - 1, b, 0.76, "synonym", m.group(0)))
            p.mentions.sort(key=lambda x: x.start)
            p.evidence.append(f"'how much' → {money['name']}")
        return


def spread_of_row_value(p: Parsed, profile: dict[str, Any]) -> None:
    """"order value distribution", "spread of order values per store": in a distribution question, the value
    (size, amount, total) of the thing each row is (its unique id named by its noun) is the money column's
    value per row, when no column is named so."""
    if not p.distrib:
        return
    money = revenue_column([c for c in profile["columns"] if is_numeric(c) and c["role"] == "measure"
                            and c.get("money") and c.get("additive", True)])
    for m in list(p.mentions):
        col = profile["_by_name"][m.column]
        nxt = p.toks[m.end] if m.end < len(p.toks) else None
        if money is None or nxt is None or nxt.sing not in ROW_VALUE_WORDS or not col.get("unique") or \
                any(x.start == m.end for x in p.mentions):
            continue
        p.mentions[p.mentions.index(m)] = Mention(money["name"], m.start, m.end + 1, 0.8, "synonym",
                                                  f"{m.words} {nxt.raw}")
        p.evidence.append(f"'{m.words} {nxt.raw}' → {money['name']} (the value of each row)")


def id_by_rows_noun(m: Mention, profile: dict[str, Any]) -> bool:
    """A numbered id said by the rows' noun ("orders" → Order ID 10001…), not by its name ("order id"): it names the
    rows, no number to measure or compare (a text id, EXP-01167, is no number anyway)."""
    col = profile["_by_name"][m.column]
    return m.tier == "entity" and col["role"] == "identifier" and is_numeric(col)


def numbers_named(p: Parsed, profile: dict[str, Any]) -> bool:
    """Whether the words name a number column (the rows' noun over a numbered id names none)."""
    return any(is_numeric(profile["_by_name"][m.column]) and not id_by_rows_noun(m, profile) for m in p.mentions)


def verb_measure(p: Parsed, profile: dict[str, Any], consumed: set[int]) -> None:
    """"which 3 stores sold the most", "how much did we bill": with no numeric column named, a verb
    of the lexicon names the measure (the first of its words that a measure column holds); a word of money
    taken ("raised", "takings") names the money column when none holds its words."""
    by_name = profile["_by_name"]
    if numbers_named(p, profile):
        return
    # a verb only half-naming a column of another kind ("invoiced" ~ Invoice #) still names the measure
    counting = re.search(r"\bhow many\b", p.text.s) is not None  # "how many invoices were billed" counts rows
    weak = {k: m for m in p.mentions if m.end - m.start == 1 and not counting and (
        m.tier in ("partial", "entity") or by_name[m.column]["type"] in ("date", "datetime"))
            for k in range(m.start, m.end)}  # "total billed" is not a total of Billed On
    taken = consumed | {k for m in p.mentions for k in range(m.start, m.end) if k not in weak}
    index = get_index(profile)
    # a noun of money ("brought in the most money") before the verb beside it
    for t in sorted(p.toks, key=lambda t: t.text in VERB_MEASURES):
        verb = t.text in VERB_MEASURES
        if t.i in taken or not verb and (t.text not in MONEY_TAKEN_WORDS or t.text in index.values) or \
                t.i in weak and not t.text.endswith(("ed", "ing")):
            continue  # "invoice count" names the rows; "total invoiced" the money; "cash orders" a value Cash
        col = (_goods_units(p, t, profile) or _sellers_takings(p, t, profile)) if verb else None
        col = col or (measure_named(VERB_MEASURES[t.text], profile) if verb else None)
        if col is None and t.text in MONEY_TAKEN_WORDS:  # "raised the least", "takings": the money taken
            col = _takings_said(t.text, profile)
        if col is not None:
            p.mentions = [m for m in p.mentions if m is not weak.get(t.i)]
            p.mentions.append(Mention(col, t.i, t.i + 1, 0.76, "synonym", t.text))
            p.mentions.sort(key=lambda m: m.start)
            p.evidence.append(f"'{t.text}' → {col}")
            return


def spend_paid(p: Parsed, profile: dict[str, Any]) -> None:
    """"which client spends the most", "spend by customer": a buyer's spend is what they paid us, the money
    taken, not the cost column "spend" is a synonym of (Food Cost); "total spend by vendor" over Unit Cost and
    Amount: spending adds up, so the amount paid, not a price per unit. Only a word of spending that half-names
    a column (a column named Spend is named in full, and kept)."""
    by_name, idx = profile["_by_name"], get_index(profile)
    for i, m in enumerate(p.mentions):
        if m.end - m.start != 1 or p.toks[m.start].text not in _SPEND_VERBS or m.tier not in ("partial", "synonym"):
            continue
        # a column of buyers (Client, cust_name), not a number of them ("spend per new customer": our ad spend)
        buyer = any(set(idx.forms[o.column]) & BUYER_WORDS and not is_numeric(by_name[o.column])
                    for o in p.mentions if o is not m)
        if not buyer and by_name[m.column].get("additive", True):
            return
        col = takings_column(profile)
        if col is not None and col["name"] != m.column:
            p.mentions[i] = dataclasses.replace(m, column=col["name"])
            p.evidence.append(f"'{m.words}' → {col['name']}")
        return


def _takings_said(word: str, profile: dict[str, Any]) -> str | None:
    """The money taken that a word of it names; "revenue", "income" never name a column of cost (a table
    whose only money is a Cost has no revenue), though what was "raised" or "brought in" may be any money."""
    col = takings_column(profile)
    if col is None or word in INCOME_NOUNS and set(col["tokens"]) & COST_WORDS:
        return None
    return str(col["name"])


_SUM_CUES = {"total", "sum", "average", "avg", "mean"}
_SELL_VERBS = {"sold", "sell", "sells", "selling"}
_SPEND_VERBS = {"spent", "spend", "spends", "spending"}


def _goods_units(p: Parsed, t: Tok, profile: dict[str, Any]) -> str | None:
    """"our best-selling dishes", "the 5 best selling products", "which product sold the most": goods sell in
    units (a best-seller sells the most copies), so "sold" of a column of goods' words said before the verb or
    right after it is the one quantity column that adds up (Qty, Portions), not the money; a seller's sales
    ("which store sold the most") stay money (_sellers_takings, measure_base.VERB_MEASURES)."""
    if t.text not in _SELL_VERBS:
        return None
    idx = get_index(profile)
    goods = [m for m in p.mentions if (m.end <= t.i or m.start == t.i + 1)
             and set(idx.forms[m.column]) & GOODS_WORDS and not is_numeric(profile["_by_name"][m.column])]
    if not goods and not _sold_most_of_values(p, t, profile):
        return None
    qty = [c for c in profile["columns"] if is_numeric(c) and c["role"] == "measure" and c.get("additive", True)
           and not c.get("money") and set(c["tokens"]) & QUANTITY_WORDS]
    return str(qty[0]["name"]) if len(qty) == 1 else None


def _sold_most_of_values(p: Parsed, t: Tok, profile: dict[str, Any]) -> bool:
    """"which location sold the most desserts": the plural of a value of the data right after "sold the most"
    (or "least", "fewest") is the goods sold, counted in units."""
    after = p.toks[t.i + 1:t.i + 4]
    if len(after) < 3 or after[0].text != "the" or after[1].text not in ("most", "least", "fewest"):
        return False
    word = after[2]
    if word.raw.lower() == singular(word.raw.lower()):
        return False  # "sold the most Riverside" names no goods; a plural names things counted
    return any(profile["_by_name"][c]["type"] == "text" for c, _v, _n in get_index(profile).values.get(
        value_key(word.text), []))


def _sellers_takings(p: Parsed, t: Tok, profile: dict[str, Any]) -> str | None:
    """"which rep sold the most", "who sold the most", "top 5 customers by spend": what a seller sells and
    what a buyer spends is measured in money (a rep's sales are dollars, a customer's spend what they paid),
    so the money taken, not the units that "sold" names of a product ("which product sold the most") nor a
    discount "amount" that "spend" names otherwise. A seller is said by "who" or by a mention of a column of
    a seller's word (rep_nm), a buyer by a column of a buyer's word (cust_name) before the verb."""
    parties = SELLER_WORDS if t.text in _SELL_VERBS else BUYER_WORDS if t.text in _SPEND_VERBS else None
    if parties is None:
        return None
    idx = get_index(profile)
    said = any(set(idx.forms[m.column]) & parties for m in p.mentions if m.end <= t.i) or \
        parties is SELLER_WORDS and any(x.text in ("who", "whom") for x in p.toks[:t.i])
    if not said:
        return None
    amounts = [c for c in profile["columns"] if is_numeric(c) and c["role"] == "measure" and c.get("additive", True)]
    money = takings_column(profile) or revenue_column(amounts)  # "Order Value" holds money without a $ sign
    return str(money["name"]) if money else None


_COUNTING = {"many", "number", "count", "each", "every", "per", "by", "which", "what", "the", "a", "an"}


def mass_noun_measure(p: Parsed, profile: dict[str, Any]) -> None:
    """"how much stock does each warehouse have", "stock by category": the rows' noun said as a mass
    noun (singular, not counted) names the number column its synonym names (stock ~ On Hand), not the
    rows (StockID)."""
    by_name = profile["_by_name"]
    if any(is_numeric(by_name[m.column]) for m in p.mentions):
        return
    for i, m in enumerate(p.mentions):
        t = p.toks[m.start]
        before = p.toks[m.start - 1].text if m.start > 0 else ""
        if m.tier != "entity" or m.end - m.start != 1 or t.text != t.sing or before in _COUNTING:
            continue
        col = measure_named(sorted(SYNONYMS.get(t.text, set())), profile)
        if col is not None and by_name[col].get("additive", True):
            p.mentions[i] = Mention(col, m.start, m.end, 0.76, "synonym", m.words)
            p.evidence.append(f"'{t.text}' → {col}")
            return


def units_measure(p: Parsed, profile: dict[str, Any]) -> None:
    """"share of units by warehouse", "total units": the plural "units" with no number column named counts the
    one whole-number quantity column (Qty On Hand), not a price per unit (Unit Cost) nor the rows; where the
    rows are units (a Unit column of flats) the word names them."""
    by_name = profile["_by_name"]
    if any(is_numeric(by_name[m.column]) for m in p.mentions) or counted_noun(profile) == "units":
        return
    k = next((t.i for t in p.toks if t.text == "units" and not any(m.start <= t.i < m.end for m in p.mentions)),
             None)
    if k is None:
        return
    qty = [c for c in profile["columns"] if c["type"] == "integer" and c["role"] == "measure" and not c.get("money")
           and c.get("additive", True) and set(c["tokens"]) & {"qty", "quantity", "unit", "units"}]
    if len(qty) == 1:
        p.mentions.append(Mention(qty[0]["name"], k, k + 1, 0.76, "synonym", "units"))
        p.mentions.sort(key=lambda x: x.start)
        p.evidence.append(f"'units' → {qty[0]['name']}")


def row_total(p: Parsed, profile: dict[str, Any]) -> None:
    """"invoice total by status", "order value per month": the rows' noun then "total" or "value",
    with no number column named, is the table's money (its one amount or revenue column). A cue word that half
    names a number column ("total" of order_total in "total order value") names none."""
    by_name = profile["_by_name"]
    if any(is_numeric(by_name[m.column]) and not (m.tier == "partial" and m.words in _SUM_CUES
                                                  or id_by_rows_noun(m, profile)) for m in p.mentions):
        return
    toks = p.toks
    for i, m in enumerate(p.mentions):
        after = toks[m.end].text if m.end < len(toks) else ""
        # "value of (our) orders": the word before the noun, two or three words back
        of = next((k for k in (m.start - 2, m.start - 3) if k >= 0 and toks[k].text == "value" and
                   toks[k + 1].text == "of" and all(t.text in _OF_DETERMINERS for t in toks[k + 2:m.start])), None)
        if m.tier not in ("entity", "partial") or is_numeric(by_name[m.column]) and not id_by_rows_noun(m, profile) or \
                after not in ("total", "value") and of is None:
            continue
        amounts = [c for c in profile["columns"] if is_numeric(c) and c["role"] == "measure"
                   and c.get("money") and c.get("additive", True)]
        money = amounts[0] if len(amounts) == 1 else revenue_column(amounts)
        if money is not None:
            start, end = (m.start, m.end + 1) if of is None else (of, m.end)
            words = " ".join(t.text for t in toks[start:end])
            p.mentions[i] = Mention(money["name"], start, end, 0.76, "synonym", words)
            p.evidence.append(f"'{words}' → {money['name']}")
        return


_OF_DETERMINERS = {"the", "our", "all", "their", "my"}


def measure_named(choices: list[str], profile: dict[str, Any]) -> str | None:
    """The first of `choices` (words, best first) that a number column's name holds."""
    idx = get_index(profile)
    for words in choices:
        want = [singular(w) for w in words.split()]
        col = next((str(c["name"]) for c in profile["columns"] if is_numeric(c) and c["role"] == "measure"
                    and all(w in idx.forms[c["name"]] or w in idx.plain[c["name"]] for w in want)), None)
        if col is not None:
            return col
    return None


_DETERMINERS = {"a", "an", "any", "some"}
# "no refund", "an empty cart", "nothing on hand", "never purchased"
_ABSENT = {"no", "zero", "0", "without", "empty", "nothing", "none", "never"}
_HAVE = {"with", "has", "have", "having", "had", "got", "get", "gets", "used"}
_BE = {"is", "are", "was", "were", "be", "still"}  # "products still in stock"
_COMPARED = {"above", "over", "below", "under", "greater", "more", "less", "fewer", "higher", "lower", "between",
             "of", "at", "equal", "exceeding", "is", "are", "was", "were", "=", ">", "<"}


def _absence(toks: list[Tok], start: int) -> bool | None:
    """Whether the words before token `start` say its column is absent ("no", "without a", "out of",
    "don't have any") — True — or present ("with a", "has", "still in") — False; None when neither."""
    k = start - 1
    if k >= 0 and toks[k].text in _DETERMINERS:
        k -= 1
    if k < 0:
        return None
    word = toks[k].text
    if word in _ABSENT or word == "of" and k > 0 and toks[k - 1].text == "out":
        return True
    if word in _HAVE or word == "in" and k > 0 and toks[k - 1].text in _BE or \
            word in _BE and k > 0 and toks[k - 1].text == "there":  # "when there was damage"
        return any(negates(t.text) for t in toks[max(0, k - 2):k])
    return None


def _done_to_the_rows(p: Parsed, m: Mention, col: dict[str, Any], profile: dict[str, Any]) -> bool | None:
    """"invoices were refunded", "orders that weren't refunded": a participle after "be" naming an amount that
    most rows leave at 0 (Refund) says it happened to the row (False: present, above 0) or, negated, did not
    (True); None otherwise (a quantity most rows have, "units were shipped", is measured, not a condition)."""
    word = p.toks[m.start].text
    if m.end - m.start != 1 or not word.endswith("ed") or word in col["tokens"] or m.start == 0:
        return None
    k = m.start - 1
    negated = k > 0 and negates(p.toks[k].text)
    if negated:
        k -= 1
    said_of_rows = p.toks[k].text in _BE | {"been", "got", "get"} or \
        singular(p.toks[k].text) == singular(counted_noun(profile))  # "% of invoices refunded"
    if not said_of_rows or not is_numeric(col) or col.get("min") != 0 or col.get("median") != 0:
        return None
    return negated or any(negates(t.text) for t in p.toks[max(0, k - 1):k + 1])


def _presence_filter(col: dict[str, Any], profile: dict[str, Any], absent: bool) -> Filter | None:
    """A column's "none" / "some": a number that can be 0 is 0 or not (above 0 when it has no negatives);
    else a column with blanks is blank or not; else None (the words cannot select rows of it)."""
    if col["type"] == "boolean":
        return None  # a Yes/No column said as a quality is language.parsing's _boolean_filters
    yes_no = yes_no_values(col)
    if yes_no is not None:  # a Y/N text column: "orders without a coupon" (Coupon Used = N)
        return Filter(column=col["name"], op="=", values=[yes_no[1] if absent else yes_no[0]])
    if is_numeric(col) and col.get("min") is not None and col["min"] <= 0 <= col["max"]:
        return Filter(column=col["name"], op="=" if absent else (">" if col["min"] >= 0 else "!="), values=[0])
    if profile.get("row_count", 0) > col.get("non_null", 0):
        return Filter(column=col["name"], op="is_null" if absent else "not_null", values=[])
    return None


def yes_no_values(col: dict[str, Any]) -> tuple[str, str] | None:
    """The Yes and the No of a text column holding just two such values ("Y"/"N", "yes"/"no"), else None."""
    vals = [str(v) for v, _n in col.get("values") or []]
    if col["type"] != "text" or len(vals) != 2:
        return None
    yes = next((v for v in vals if v.lower() in VALUE_ALIASES["yes"]), None)
    no = next((v for v in vals if v.lower() in VALUE_ALIASES["no"]), None)
    return (yes, no) if yes is not None and no is not None else None


def presence_filters(p: Parsed, profile: dict[str, Any]) -> None:
    """"tickets with no refund", "items out of stock", "sessions without a coupon", "products that still
    have stock", "tickets with attachments": a column named after "no / zero / without / out of" is 0 (or
    blank), after "with / has / have" it is above 0 (or filled in); the mention, and a second one of the
    same column a word or two on ("items in the cart"), is spent on the condition, not measured."""
    by_name = profile["_by_name"]
    done = {f.column for f in p.filters}
    for m in p.mentions:
        if m.column in done or id(m) in p.filter_mentions:
            continue
        absent = _absence(p.toks, m.start)
        if absent is None:
            absent = _done_to_the_rows(p, m, by_name[m.column], profile)
        after = p.toks[m.end].text if m.end < len(p.toks) else ""
        if absent is None or not absent and (after in _COMPARED or re.fullmatch(r"[\d.,$%]+", after)):
            continue  # "with refund above 100" is a comparison (read before, by the number readers)
        f = _presence_filter(by_name[m.column], profile, absent)
        if f is None:
            continue
        p.filters.append(f)
        done.add(m.column)
        p.filter_mentions.update(id(x) for x in p.mentions if x.column == m.column and m.start <= x.start <= m.end + 2)
        words = " ".join(t.text for t in p.toks[max(0, m.start - 2):m.end])
        p.evidence.append(f"'{words}' → {m.column} {f.op} {', '.join(map(str, f.values))}".rstrip())


def event_filters(p: Parsed, profile: dict[str, Any]) -> None:
    """"how many homes sold in the northeast", "unsold homes", "listings not sold yet": a participle of the
    event a date column with blanks records (Sale Date by "sold", Ship Date by "shipped") keeps the rows where
    it happened (the date filled in), its un- form or a negation the rows where it has not (blank)."""
    done = {f.column for f in p.filters}
    taken = {k for m in p.mentions for k in range(m.start, m.end)} | {k for v in p.values for k in range(v.start,
                                                                                                        v.end)}
    for t in p.toks:
        word = t.text[2:] if t.text.startswith("un") and len(t.text) >= 6 else t.text
        staged = get_index(profile).stage_event(word)  # "installs", "sign": a stage the data names (Status)
        named = {m.column for m in p.mentions if m.start <= t.i < m.end}  # "installs" ~ the Installed column
        if t.i in taken and not (staged and named == {staged}) and not _event_said_of_rows(p, t, named, profile) or \
                not (word.endswith("ed") or word in PARTICIPLE_NOUNS or staged) or \
                staged and (stage_asked_now(p.toks, t.i) or _filled(profile["_by_name"][staged], profile)):
            continue
        col = _dated_by(word, profile) if staged is None else profile["_by_name"][staged]
        if col is None or col["name"] in done or _names_other_column(word, col, profile):
            continue
        absent = word != t.text or any(negates(x.text) for x in p.toks[max(0, t.i - 2):t.i])
        p.filters.append(Filter(column=col["name"], op="is_null" if absent else "not_null", values=[]))
        p.filter_mentions.update(id(m) for m in p.mentions if m.start <= t.i < m.end)
        done.add(col["name"])
        p.evidence.append(f"'{t.raw}' → {col['name']} {'is blank' if absent else 'filled in'}")


_EVENT_BEFORE = {"were", "was", "been", "be", "are", "is", "not", "already", "yet", "have", "has", "had", "never"}


def _event_said_of_rows(p: Parsed, t: Tok, named: set[str], profile: dict[str, Any]) -> bool:
    """"closed requests", "requests that were closed", "orders not shipped yet": a participle that names the date
    column itself (Closed, Ship Date) said of the rows, right before their noun or after a verb of being or a
    negation, is the event's condition; "requests by closed date", "closed by month" group by the date, and a share
    ("% of timesheets not yet approved") takes it as its part (planning/measures.py), not as a filter of all rows."""
    col = _dated_by(t.text, profile) if t.text.endswith("ed") and not p.share else None
    if col is None or named != {col["name"]}:
        return False
    before = p.toks[t.i - 1].text if t.i > 0 else ""
    after = next((m for m in p.mentions if m.start == t.i + 1), None)
    return before in _EVENT_BEFORE or negates(before) or after is not None and after.tier == "entity"


def _filled(col: dict[str, Any], profile: dict[str, Any]) -> bool:
    """A column no row leaves blank: "filled in" selects no rows of it."""
    return bool(profile.get("row_count", 0) <= col.get("non_null", 0))


def _names_other_column(word: str, date: dict[str, Any], profile: dict[str, Any]) -> bool:
    """"unpaid" beside a Paid Yes/No column and a Payment Date: the Yes/No column says it (not the date)."""
    by_name = profile["_by_name"]  # a Yes/No column (not "Shipping Charge" beside a Shipped Date)
    return any(c != date["name"] and (by_name[c]["type"] == "boolean" or is_flag(by_name[c])
                                      or yes_no_values(by_name[c]) is not None)
               for c in get_index(profile).word_columns(word))


def _dated_by(participle: str, profile: dict[str, Any]) -> dict[str, Any] | None:
    """The one date column with blanks named by a participle's event ("sold" ~ Sale Date, "shipped" ~ Ship
    Date, "approved" ~ Approved On), else None."""
    forms = stem_forms(participle) | {PARTICIPLE_NOUNS.get(participle, participle)}
    cols = [c for c in profile["columns"] if c["type"] in ("date", "datetime")
            and profile.get("row_count", 0) > c.get("non_null", 0)
            and any(w in forms or stem_forms(w) & forms for w in c["tokens"])]
    return cols[0] if len(cols) == 1 else None


_OPEN_BEFORE = {"still", "is", "are", "currently"}  # not "stay open": how long rows stay open is a duration
_BACK_WORDS = {"return", "returned", "back"}  # a date of coming back: a row is "out" until it is filled in
_UNFINISHED = {"unresolved", "unclosed", "unfinished", "uncompleted", "unfixed"}


def open_state(p: Parsed, profile: dict[str, Any]) -> None:
    """"how many tickets are still open", "open requests by building", "unresolved cases by team": the rows not
    finished yet, whose date of the work finished (Closed, Resolved On) is blank, when no column holds a value
    "open" (Status = Open is a value filter) and the table records when rows were finished."""
    if "open" in get_index(profile).values or any(f.op in ("is_null", "not_null") for f in p.filters) or \
            re.search(r"\bhow long\b", p.text.s):
        return
    ends = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and set(c["tokens"]) & DONE_EVENT_WORDS
            and profile.get("row_count", 0) > c.get("non_null", 0)]
    if len(ends) != 1:
        return
    # "cars still out": not back yet, by a date of coming back (Returned) when no value is "out"
    back = set(ends[0]["tokens"]) & _BACK_WORDS and "out" not in get_index(profile).values
    states = {"open", "out"} if back else {"open"}
    rows = {m.start for m in p.mentions if m.tier == "entity"}
    for t in p.toks:
        said = t.text in _UNFINISHED or t.text in states and t.i > 0 and p.toks[t.i - 1].text in _OPEN_BEFORE \
            and not (t.i + 1 < len(p.toks) and p.toks[t.i + 1].text == "of") \
            or t.text == "open" and t.i + 1 in rows  # "open requests by building" (not "are out of service")
        if not said:
            continue
        p.filters.append(Filter(column=ends[0]["name"], op="is_null", values=[]))
        p.filter_mentions.update(id(m) for m in p.mentions if m.start <= t.i < m.end)
        p.evidence.append(f"'{t.text}' → {ends[0]['name']} is blank (not finished yet)")
        return


_PERIODS = {"day", "week", "month", "quarter", "year", "period", "hour", "season"}
_DEGREE = {"most", "least", "more", "less", "very", "fairly", "highly"}  # "most active customers" ranks activity


def active_state(p: Parsed, profile: dict[str, Any]) -> None:
    """"how many active members", "current subscribers by plan": the rows whose date of ending (Cancelled, End
    Date, Churned On) is still blank, when no column holds a value "active" (Status = Active is a value filter),
    no other blank-or-not condition is read, and the table has one such date with blanks. "current" only before
    a plural noun that is no period ("current month" is a period; "current balance" names a column)."""
    if "active" in get_index(profile).values or any(f.op in ("is_null", "not_null") for f in p.filters):
        return
    ends = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and set(c["tokens"]) & ENDED_WORDS
            and profile.get("row_count", 0) > c.get("non_null", 0)]
    if len(ends) != 1:
        return
    taken = {k for m in p.mentions for k in range(m.start, m.end)} | {k for v in p.values for k in range(v.start,
                                                                                                        v.end)}
    for t in p.toks:
        nxt = p.toks[t.i + 1] if t.i + 1 < len(p.toks) else None
        before = p.toks[t.i - 1].text if t.i > 0 else ""
        if t.text not in ACTIVE_WORDS or t.i in taken or nxt is None or before in _DEGREE or t.text == "current" and (
                not nxt.text.endswith("s") or nxt.text == nxt.sing or nxt.sing in _PERIODS):
            continue
        p.filters.append(Filter(column=ends[0]["name"], op="is_null", values=[]))
        p.evidence.append(f"'{t.text}' → {ends[0]['name']} is blank (not ended)")
        return


_MEASURED_BY = {"highest", "lowest", "best", "worst", "most", "least", "top", "bottom", "average", "avg", "total",
                "mean", "median", "max", "min", "maximum", "minimum"}  # "highest paid employees" measures pay


def compound_heads(p: Parsed, mentions: list[Mention], profile: dict[str, Any]) -> list[Mention]:
    """"traffic source", "customer segment", "qty on hand": a one-word mention right before a column
    named in full (a category, or any column after a weak match) modifies it (the last noun is the
    head), so it is not a column of its own."""
    by_name = profile["_by_name"]
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.start == prev.end and prev.end - prev.start == 1 \
                and (m.tier in ("exact", "abbreviation") or prev.tier == "entity" and category(by_name[m.column])) \
                and m.column != prev.column and prev.words.isalpha() \
                and not flag_like(by_name[prev.column]) and not _aggregation_word(prev.words) \
                and (category(by_name[m.column]) and not _measured(p, prev)
                     or prev.score < 0.9 and is_numeric(by_name[m.column])):
            out[-1] = dataclasses.replace(m, start=prev.start, words=f"{prev.words} {m.words}")
            continue
        out.append(m)
    return out


def _groups_ranked_by_kind(p: Parsed, profile: dict[str, Any]) -> None:
    """"the two cheapest suppliers" ranks groups, not rows: the superlative before a category, with its number,
    is read with the groups (planning/generate.ranked_groups), not as a limit of rows ("the 3 longest calls")."""
    by_name = profile["_by_name"]
    for t in p.toks[:-1]:
        if p.limit_numbered and NUMBER_WORDS.get(t.text, t.text) in (p.limit, str(p.limit)) and \
                (p.toks[t.i + 1].text in LEVEL_SUPERLATIVES or p.toks[t.i + 1].text in SPEED_WORDS):
            after = next((m for m in p.mentions if t.i + 1 < m.start <= t.i + 3), None)
            if after is not None and category(by_name[after.column]):
                p.limit, p.limit_numbered = None, False
            return


def level_limit_measured(p: Parsed, profile: dict[str, Any]) -> None:
    """"which supplier has the longest lead time" is one supplier only when some column measures it: with no
    number or date column named, the superlative of a level stays unranked (and its words unlinked)."""
    _groups_ranked_by_kind(p, profile)
    if p.limit != 1 or p.limit_numbered or not any(t.text in LEVEL_SUPERLATIVES or t.text in SPEED_WORDS
                                                   for t in p.toks):
        return
    by_name = profile["_by_name"]
    if any(t.text in SPEED_WORDS for t in p.toks) and time_lengths(profile):
        return  # "which agent is fastest": by the table's lengths of time (planning/generate.py kind_tokens)
    dated = sum(c["type"] in ("date", "datetime") for c in profile["columns"]) >= 2
    if dated and any(t.text in DONE_EVENT_WORDS or _event_verb_dates(t, profile) for t in p.toks):
        return  # "which component takes longest to fix", "which agent sells fastest": the time between two dates
    if not any(is_numeric(by_name[m.column]) or by_name[m.column]["type"] in ("date", "datetime") for m in p.mentions):
        p.limit = None


def _event_verb_dates(t: Tok, profile: dict[str, Any]) -> bool:
    """A verb whose event a date column records ("sells" ~ Sale Date, "ships" ~ Ship Date)."""
    base = t.sing if t.text.endswith("s") else t.text
    participle = PARTICIPLES.get(base, base)
    forms = {participle, PARTICIPLE_NOUNS.get(participle, participle)}
    return len(base) >= 3 and any(w in forms and w not in GENERIC for c in profile["columns"]
                                  if c["type"] in ("date", "datetime") for w in c["tokens"])


def _aggregation_word(word: str) -> bool:
    """"avg" of "avg cost" (beside an avg_temp column) asks for the average of the cost; it modifies nothing."""
    return any(word in cues for cues in AGG_CUES.values())


def flag_like(col: dict[str, Any]) -> bool:
    """A Yes/No column in any of its stored forms (true/false, Y/N, 1/0): its word before a noun is a quality
    of the rows ("explicit tracks", "recurring donors"), not a modifier of that noun's column."""
    return col["type"] == "boolean" or yes_no_values(col) is not None or is_flag(col)


def _measured(p: Parsed, m: Mention) -> bool:
    return m.start > 0 and p.toks[m.start - 1].text in _MEASURED_BY


def category(col: dict[str, Any]) -> bool:
    return col["role"] == "dimension" and col["type"] == "text" and not col.get("unique")


_EXPLICIT_EXTREME = {"max", "maximum", "min", "minimum", "maximal", "minimal", "peak", "record"}


def ranking_superlative(p: Parsed, a: C.Cue[str], cues: list[C.Cue[str]],
                         profile: dict[str, Any]) -> C.Cue[str] | None:
    """In a top-N ("the 5 countries with the most visitors", "which store sold the most") the
    superlative ranks the groups by the measure's usual total (sum, or mean of a rate), it is not the
    largest single row; before another aggregation ("the highest average salary") it only ranks."""
    if p.limit is None or a.value not in ("max", "min") or p.toks[a.start].text in _EXPLICIT_EXTREME:
        return a
    if any(c.start == a.end or c.value in ("sum", "avg", "median") for c in cues):
        return None  # "the highest average salary", "lowest paid department on average": that one ranks
    by_name = profile["_by_name"]
    if p.limit_numbered and any(by_name[m.column].get("unique") and not is_numeric(by_name[m.column])
                                and m.end <= a.start for m in p.mentions):
        return None  # "the 4 calls with the longest wait": the limit counts rows, each ranked by its own value
    near = [m for m in p.mentions if is_numeric(by_name[m.column]) and by_name[m.column]["role"] == "measure"
            and (0 <= m.start - a.end <= 2 or 0 <= a.start - m.end <= 4)]
    if not near:
        return None
    col = by_name[min(near, key=lambda m: abs(m.start - a.end)).column]
    return C.Cue("agg", ranked_agg(col, p.toks[a.start].text), a.start, a.end)


def ranked_agg(col: dict[str, Any], superlative: str | None) -> str:
    """How a superlative that ranks groups aggregates a measure no word aggregates: a level (a
    score, a price, an age) or a superlative of one item ("the longest lead time", "the most
    expensive") compares the groups' average item; an amount their total."""
    if not col.get("additive", True) or superlative in LEVEL_SUPERLATIVES or superlative in SPEED_WORDS:
        return "avg"
    return "sum"


_EACH_WORDS = {"per", "each", "every"}


def rows_as_points(p: Parsed, profile: dict[str, Any]) -> None:
    """"hours worked vs output per employee", "distribution of attendees per booking" over one row per
    employee or booking: a spread or a scatter already has a value or a dot per row, so "per <the rows'
    id>" names the rows, not a grouping by the id (a bar per employee) or a ratio to their count."""
    if not (p.distrib or p.correl):
        return
    by_name = profile["_by_name"]
    kept = []
    for g in p.groups:
        col = by_name[g.column]
        said_each = g.start > 0 and p.toks[g.start - 1].text in _EACH_WORDS
        if said_each and col.get("unique") and col["role"] == "identifier":
            continue
        kept.append(g)
    p.groups = kept
