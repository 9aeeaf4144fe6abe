"""Derived measures of time: the time between two date columns ("days from order to ship", "delivery time",
"how long to resolve", "transit days"), the time up to the data's last day ("days since", "days overdue"),
and how long each row lasts between a start and an end column ("how long does a pick take", "visit
length", "avg mins per job": planning/pairs.py finds the pair)."""
from __future__ import annotations

import re
from typing import cast

from ..language.lexicon import (
    ABBREVIATIONS,
    ARRIVAL_WORDS,
    ARRIVED_DATE_WORDS,
    DONE_EVENT_WORDS,
    DUE_DATE_WORDS,
    DUE_WORDS,
    DURATION_WORDS,
    ENDED_WORDS,
    EVENT_WORDS,
    JOINED_WORDS,
    LENGTH_WORDS,
    LEVEL_SUPERLATIVES,
    OVERDUE_WORDS,
    SPEED_WORDS,
    STAY_WORDS,
    TENURE_WORDS,
    TIME_UNIT_WORDS,
)
from ..language.parsing import (
    Parsed,
    is_numeric,
)
from ..plan import Filter, Measure, TimeUnit
from .measure_base import Derived, agg_before, close_words, mention_at, rows_noun
from .pairs import span_pair, typical_unit


# ------------------------------------------------------------------ time between two dates
def between_dates(p: Parsed, profile: dict) -> Derived | None:
    """"days between order date and ship date", "delivery time", "how long … to resolve": the time
    from one date column to another, in the unit named (days for dates, hours for timestamps)."""
    dates = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and not c.get("year_like")]
    if len(dates) < 2:
        return None
    pair = two_dates(p, profile) or _duration_of(p, dates, profile)
    if pair is None:
        return None
    start, end, at = pair
    unit = _unit(p)
    if unit is None:
        unit = "hour" if start.get("has_time") and end.get("has_time") else "day"
    m = Measure(column=start["name"], agg=agg_before(p, at, "avg"), kind="date_diff", other=end["name"],
                unit=unit)  # type: ignore[arg-type]
    near = range(max(0, at - 2), min(len(p.toks), at + 3))
    speed = next((SPEED_WORDS[p.toks[j].text] for j in near if p.toks[j].text in SPEED_WORDS), None)
    return Derived(m, {start["name"], end["name"]}, notes=[f"I measured the time from {start['name']} to "
                                                           f"{end['name']}"], order_desc=speed,
                   words={j for j in near if p.toks[j].text in DURATION_WORDS} | {at})


_BANDS = {"band", "bucket", "group", "range", "bracket", "level", "category", "tier", "cohort"}


def tenure(p: Parsed, profile: dict) -> Derived | None:
    """"average tenure by plan", "tenure in years": how long a row has been with us, from its one start date
    (Joined, Hire Date: a name of JOINED_WORDS that every row fills in) to its one end date (Cancelled, Termination
    Date: ENDED_WORDS, blank while still with us) over the rows that ended, or, with no end date, to the data's last
    day. None when "tenure" names a column, or the start (or the end) is not one column."""
    at = next((k for k, t in enumerate(p.toks) if t.text in TENURE_WORDS and mention_at(p, k) is None), None)
    if at is None or at > 0 and p.toks[at - 1].text in ("by", "per", "each") or \
            at + 1 < len(p.toks) and p.toks[at + 1].sing in _BANDS:
        return None  # "salary by tenure band" groups by a column the data lacks; it is no measure of time
    rows = profile.get("row_count") or 0
    dates = [c for c in profile["columns"] if c["type"] in ("date", "datetime") and not c.get("year_like")]
    starts = [c for c in dates if c["non_null"] == rows and set(c["tokens"]) & JOINED_WORDS]
    ends = [c for c in dates if c["non_null"] < rows and set(c["tokens"]) & ENDED_WORDS]
    if len(starts) != 1 or len(ends) > 1:
        return None
    start, end = starts[0]["name"], ends[0]["name"] if ends else None
    m = Measure(column=start, agg=agg_before(p, at, "avg"), kind="date_diff", other=end,
                unit=cast(TimeUnit, _unit(p) or "day"))
    note = f"I measured the time from {start} to {end}, over the rows with {end} filled in (those still with us " \
        "are left out)" if end else f"I measured the time from {start} to the data's last day"
    return Derived(m, {start} | ({end} if end else set()), notes=[note], words={at})


def days_late(p: Parsed, profile: dict) -> Derived | None:
    """"avg days late", "how many days early": a unit of time right before a date compared with the row's due date
    ("late" read by language.comparisons as Received > Need By): the time from the due date to that date (from that
    date to the due date when early), over the rows compared so."""
    for lo, _hi, f in p.compared:
        unit = TIME_UNIT_WORDS.get(p.toks[lo - 1].text) if lo > 0 and p.toks[lo - 1].text != p.toks[lo - 1].sing \
            else None
        if unit is None or f.other is None or f.op not in (">", "<") or \
                profile["_by_name"][f.other]["type"] not in ("date", "datetime"):
            continue
        start, end = (f.other, f.column) if f.op == ">" else (f.column, f.other)
        m = Measure(column=start, agg=agg_before(p, lo - 1, "avg"), kind="date_diff", other=end,
                    unit=cast(TimeUnit, unit))
        return Derived(m, {start, end}, notes=[f"I measured the time from {start} to {end}"], words={lo - 1})
    return None


_SINCE_SKIP = {"the", "last", "latest", "their", "its", "most", "recent", "a"}


def since_day(p: Parsed, profile: dict) -> Derived | None:
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
            m = Measure(column=col["name"], agg=agg_before(p, k - 1, "avg"), kind="date_diff", other=None,
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


def two_dates(p: Parsed, profile: dict) -> tuple[dict, dict, int] | None:
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


def _duration_of(p: Parsed, dates: list[dict], profile: dict) -> tuple[dict, dict, int] | None:
    """A duration word next to a word naming a date column ("delivery time", "time to ship",
    "how long … to resolve", "days to pay"): from the row's main date (the fullest date column:
    ordered, created, invoiced) to that one, or from the date before it when it is the main one. A word
    of work finished that names no date ("time to resolve" over Opened / Closed) names the end of the
    table's stretch of time."""
    toks = p.toks
    by_name = profile["_by_name"]
    how_long = re.search(r"\bhow long\b", p.text.s) is not None
    for k, t in enumerate(toks):
        near = (t.text == "leadtime" or k > 0 and toks[k - 1].text in DURATION_WORDS and toks[k - 1].text not in
                ("time", "times")
                or k + 1 < len(toks) and toks[k + 1].text in SPEED_WORDS  # "pays fastest"
                or k > 1 and toks[k - 1].text == "to" and toks[k - 2].text in SPEED_WORDS  # "slowest to ship"
                or k > 1 and toks[k - 1].text == "to" and toks[k - 2].text in DURATION_WORDS | LEVEL_SUPERLATIVES
                or k + 1 < len(toks) and toks[k + 1].text in DURATION_WORDS and toks[k + 1].text not in
                ("days", "hours", "minutes", "weeks") or how_long and k > 0 and toks[k - 1].text in _UP_TO
                or t.text == "transit" and not _in_value(p, k))  # "transit days": the time up to delivery
        if not near or t.text in ("date", "the", "it", "a", "how", "long", "over", "by") or t.text in _AGG_WORDS:
            continue
        named = mention_at(p, k) or (mention_at(p, k + 1) if k + 1 < len(toks) else None)
        if named is not None and is_numeric(by_name[named.column]) and p.toks[named.start].text not in SPEED_WORDS:
            return None  # "resolution time" names a column of durations (resolution_hours): it is that column
        end = _date_named(t, dates)
        if end is None and named is not None and named.start == k and by_name[named.column] in dates:
            end = by_name[named.column]  # "days to pay": the words link "pay" to Paid Date
        if end is None and t.text in DONE_EVENT_WORDS and (span := span_pair(profile)) is not None:
            return span[0], span[1], k
        if end is None and t.text in DONE_EVENT_WORDS:
            end = _done_date(dates, profile)  # "take to finish" over Enrolled On / Completed On
        if end is None and t.text in ARRIVAL_WORDS:
            end = _arrived(dates, profile)  # "lead time", "slowest to deliver" over Ordered / Received
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


_UP_TO = {"to", "before", "until", "till"}  # "how long … to resolve", "how long do members stay before cancelling"


def _in_value(p: Parsed, k: int) -> bool:
    """Word k is part of a value a filter keeps ("still in transit": Status = In Transit)."""
    return any(isinstance(v, str) and p.toks[k].text in v.lower().split() for f in p.filters for v in f.values)


def _done_date(dates: list[dict], profile: dict) -> dict | None:
    """The one date column of work finished (a participle of DONE_EVENT_WORDS: Completed On, Closed, Resolved
    At) that some rows leave blank: what another word of finishing ("finish", "done") names."""
    rows = profile.get("row_count") or 0
    done = [c for c in dates if c["non_null"] < rows and set(c["tokens"]) & DONE_EVENT_WORDS
            and any(w.endswith("ed") for w in c["tokens"])]
    return done[0] if len(done) == 1 else None


def _arrived(dates: list[dict], profile: dict) -> dict | None:
    """The one date column of a thing come in (Received, Delivered On, Arrived) that the rows still awaited leave
    blank: what a word of arrival or lead time ends at when no date column is named by it."""
    rows = profile.get("row_count") or 0
    came = [c for c in dates if c["non_null"] < rows and {ABBREVIATIONS.get(w, w) for w in c["tokens"]} &
            ARRIVED_DATE_WORDS]
    return came[0] if len(came) == 1 else None


def _started(dates: list[dict], end: dict) -> dict | None:
    """The event a duration runs from when the table records one ("Submitted" before "Approved
    On", "Opened" before "Closed On"): the nearest full date column before it named by a participle."""
    full = max(c["non_null"] for c in dates)
    events = [c for c in dates[:dates.index(end)] if c["non_null"] == full and not set(c["tokens"]) & DUE_DATE_WORDS
              and any(w.endswith("ed") for w in c["tokens"])]  # a date due ("Need By") starts nothing
    return events[-1] if events else None


def _date_named(t, dates: list[dict]) -> dict | None:
    """The date column a word names by its other words: "delivery" → Delivery Date, "resolve" →
    Resolved, "pay" → Payment Date (a short word may begin a longer one)."""
    event = EVENT_WORDS.get(t.text)  # "arrive" ~ Delivered, "payment" ~ Paid Date
    if event is None and t.sing.endswith("ication"):  # "application" ~ Applied On, "verification" ~ Verified
        event = t.sing[:-len("ication")] + "ied"
    for c in dates:
        for w in (*c["tokens"], *(ABBREVIATIONS[w] for w in c["tokens"] if w in ABBREVIATIONS)):  # "Appt Date"
            if w in ("date", "time", "at", "on", "dt", "ts"):
                continue
            if close_words(t.text, w) or close_words(t.sing, w) or event is not None and close_words(event, w) or \
                    len(t.text) == 3 and w.startswith(t.text) and len(w) - 3 <= 4 or _ing_of(t.text, w):
                return c
    return None


def _ing_of(word: str, participle: str) -> bool:
    """"booking" ~ Booked, "closing" ~ Closed, "shipping" ~ Shipped: a verb's -ing form and its -ed form, for
    verbs too short for close_words (a stem of 4 letters)."""
    return len(word) >= 7 and word.endswith("ing") and participle.endswith("ed") and word[:-3] == participle[:-2]


# ------------------------------------------------------------------ how long each row lasts
_NOT_LENGTH_BEFORE = {"over", "on", "any", "each", "every", "first", "last", "the", "a", "of", "in", "what", "same",
                      "at", "per", "by", "this", "that", "some", "full", "part"}


def row_span(p: Parsed, profile: dict) -> Derived | None:
    """"how long does a pick take", "visit length", "avg mins per job", "total hours on site by tech": the
    time each row lasts, from the start to the end column of the table's one stretch of time (Start Time
    → End Time, Check In → Check Out), when the words name no column of durations and no other two dates."""
    pair = span_pair(profile)
    if pair is None or two_dates(p, profile) is not None:
        return None
    at = _length_cue(p)
    stay = _stay_state(p)
    if at is None or _names_duration_column(p, profile, skip=stay[0] if stay else None):
        return None
    start, end = pair
    named = _date_named(p.toks[at - 1], [c for c in profile["columns"] if c["type"] in ("date", "datetime")]) \
        if at > 0 else None
    if named is not None and named not in pair and not rows_noun(p.toks[at - 1].sing, profile):
        return None  # "delivery time" names another date: the time up to it (between_dates)
    unit = _unit(p) or typical_unit(start, end, profile) or ("hour" if start.get("has_time") and end.get("has_time")
                                                            else "day")
    agg = agg_before(p, at, "avg")
    if agg == "avg" and at > 0 and p.toks[at - 1].text == "total" or p.toks[at].text in TIME_UNIT_WORDS and \
            at > 0 and p.toks[at - 1].text == "total":
        agg = "sum"
    m = Measure(column=start["name"], agg=agg, kind="date_diff", other=end["name"], unit=cast(TimeUnit, unit))
    near = range(max(0, at - 2), min(len(p.toks), at + 3))
    speed = next((SPEED_WORDS[p.toks[j].text] for j in near if p.toks[j].text in SPEED_WORDS), None)
    said = {at - 1} if at > 0 and mention_at(p, at - 1) is None else set()  # "pick time": the rows' noun
    if at + 2 < len(p.toks) and p.toks[at + 1].text == "of":
        said.add(at + 2)  # "length of stay"
    if at + 2 < len(p.toks) and p.toks[at + 1].text == "to" and p.toks[at + 2].text in DONE_EVENT_WORDS:
        said.add(at + 2)  # "days to resolve" over Opened / Closed: the work finished is the stretch's end
    if stay is not None:
        said |= {stay[0], stay[0] + 1}
    said |= _on_state(p.toks, at) or set()
    return Derived(m, {start["name"], end["name"]}, spent_filters=[stay[1]] if stay else [],
                   notes=[f"I measured the time from {start['name']} to {end['name']}"], order_desc=speed,
                   words={at} | said)


def _stay_state(p: Parsed) -> tuple[int, Filter] | None:
    """"how long do bugs stay open", "remain unpaid": the verb of a state kept and the filter its next word was
    read as (Status = Open), which names the stretch of time, not the rows kept."""
    for k, t in enumerate(p.toks[:-1]):
        if t.text not in STAY_WORDS:
            continue
        nxt = p.toks[k + 1].text
        f = next((f for f in p.filters if any(isinstance(v, str) and v.lower() == nxt for v in f.values)), None)
        if f is not None:
            return k, f
    return None


def _length_cue(p: Parsed) -> int | None:
    """Where the words ask how long a row lasts: "how long", "duration", "length", "<noun> time", a unit
    of time measured ("avg mins per pick", "total hours"), a speed ("which picker is fastest")."""
    toks = p.toks
    for k, t in enumerate(toks):
        before = toks[k - 1].text if k > 0 else ""
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        if t.text == "long" and before == "how" or t.text in SPEED_WORDS:
            return k
        if (t.text == "time" or t.text in TIME_UNIT_WORDS and t.text != t.sing) and _on_state(toks, k) is not None:
            return k  # "days on market", "time on the lot": how long a row stays in a state
        if t.text in ("stay", "stays") and before in _AGG_WORDS | {"typical"}:
            return k  # "average stay", "median stay": the noun of a visit's length, not the verb of a state
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


def _on_state(toks: list, k: int) -> set[int] | None:
    """"days on market", "time on the lot", "hours on hold": the words after a length of time at k that name the
    state a row stays in from the start to the end of its stretch ("on" [the] one word), else None."""
    if k + 2 >= len(toks) or toks[k + 1].text != "on":
        return None
    j = k + 2 + (k + 2 < len(toks) and toks[k + 2].text == "the")
    if j >= len(toks) or toks[j].text not in _STRETCH_STATES:
        return None
    return set(range(k + 1, j + 1))


# places a row stays in for the stretch between its two dates ("days on market", "time on the lot", "days on the
# shelf"); "hours on call", "days on hold" name another stretch the data does not record (the review of the
# eighth stop)
_STRETCH_STATES = {"market", "lot", "shelf", "shelves", "sale", "site", "books", "file"}


def _names_duration_column(p: Parsed, profile: dict, skip: int | None = None) -> bool:
    """The words name a column of lengths of time ("wait time" → Wait (min)) by more than its unit (the verb
    of a state kept at `skip` names none)."""
    for m in p.mentions:
        if m.start == skip:
            continue
        col = profile["_by_name"][m.column]
        words = {t.text for t in p.toks[m.start:m.end]}
        timed = set(col["tokens"]) & (set(TIME_UNIT_WORDS) | DURATION_WORDS | {"min", "hr", "hrs", "sec"})
        if is_numeric(col) and col["role"] == "measure" and timed and \
                not words <= set(TIME_UNIT_WORDS) | {"in", "hrs", "min"}:
            return True
    return False
