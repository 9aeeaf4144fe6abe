"""Time words → date ranges: "in 2023", "Q3 2024", "March 2024", "since 2022", "between 2021 and
2023", and relative periods ("last 6 months", "this year", "YTD", "in Q2", "since March", "between
Jan and Jun") anchored to the latest date in the data, not today (a dataset from 2019 asked about
"last month" means its last month; a bare "Q2" or "March" is the latest one up to that date)."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from .lexicon import ABBREVIATIONS, MONTH_NAMES, NUMBER_WORDS

_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
          "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year"}
# "last yr", "past 2 wks", "previous qtr": the lexicon's short forms of the units, and their plurals
_UNITS.update({short + s: full for short, full in ABBREVIATIONS.items() if full in _UNITS for s in ("", "s")})
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_MONTH_RE = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_NUM_RE = r"\d+|" + "|".join(k for k in NUMBER_WORDS if " " not in k)
# "the past few weeks", "the last couple of months": a vague count is the lexicon's ("a few" = 3);
# "several" is read as a few (the label says how many)
_COUNT_RE = rf"(?:a )?(?:few|couple(?: of)?)|several|{_NUM_RE}"
# "past 30d", "last 12w", "trailing 6mo": a unit's letter written onto the number (split off by the tokens)
_STUCK_UNITS = {"d": "day", "w": "week", "wk": "week", "wks": "week", "mo": "month", "mos": "month", "q": "quarter",
                "y": "year", "yr": "year", "yrs": "year"}
# "this fiscal year", "last financial quarter": no fiscal calendar is known, so it is the calendar's (said)
_FISCAL = r"(?:fiscal|financial|fy) "


@dataclass
class Period:
    start: int  # char span in the normalised text
    end: int
    lo: dt.date | None
    hi: dt.date | None  # inclusive
    label: str
    relative: bool = False


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


def period_start(d: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return d
    if unit == "week":
        return d - dt.timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return dt.date(d.year, 1, 1)


def period_end(start: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return start
    if unit == "week":
        return start + dt.timedelta(days=6)
    if unit == "month":
        return month_end(start.year, start.month)
    if unit == "quarter":
        return month_end(start.year, start.month + 2)
    return dt.date(start.year, 12, 31)


def shift(start: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return start + dt.timedelta(days=n)
    if unit == "week":
        return start + dt.timedelta(days=7 * n)
    if unit == "month":
        return add_months(start, n)
    if unit == "quarter":
        return add_months(start, 3 * n)
    return dt.date(start.year + n, 1, 1)


def _num(text: str) -> int:
    if text.isdigit():
        return int(text)
    word = "few" if text == "several" else text.removesuffix(" of")
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else NUMBER_WORDS["a " + word.removeprefix("a ")]


def _date_of(text: str) -> tuple[dt.date, dt.date] | None:
    """A date-ish phrase → (first day, last day) of what it names."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if m:
        return dt.date(int(m[1]), int(m[2]), 1), month_end(int(m[1]), int(m[2]))
    m = re.fullmatch(rf"({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", text)
    if m:
        d = dt.date(int(m[3]), MONTH_NAMES[m[1]], int(m[2]))
        return d, d
    m = re.fullmatch(rf"({_MONTH_RE})\.?,? (\d{{4}})", text)
    if m:
        y, mo = int(m[2]), MONTH_NAMES[m[1]]
        return dt.date(y, mo, 1), month_end(y, mo)
    m = re.fullmatch(r"q([1-4]),? (\d{4})|(\d{4}) q([1-4])", text)
    if m:
        q, y = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        s = dt.date(y, 3 * q - 2, 1)
        return s, period_end(s, "quarter")
    m = re.fullmatch(rf"({_HALF})(?: of)?,? (\d{{4}})|(\d{{4}}) (h[12])", text)
    if m:
        half, y = (m[1], int(m[2])) if m[1] else (m[4], int(m[3]))
        s = dt.date(y, 1 if _half_number(half) == 1 else 7, 1)
        return s, month_end(y, s.month + 5)
    m = re.fullmatch(r"(\d{4})", text)
    if m and 1800 <= int(m[1]) <= 2100:
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None


_HALF = r"(?:first|1st|second|2nd) half|h[12]"


def _half_number(text: str) -> int:
    return 1 if text.startswith(("first", "1st", "h1")) else 2


_DATEISH = rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}-\d{{1,2}}|(?:{_HALF})(?: of)?,? \d{{4}}|\d{{4}} h[12]|" \
           rf"(?:{_MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|" \
           rf"(?:{_MONTH_RE})\.?,? \d{{4}}|q[1-4],? \d{{4}}|\d{{4}} q[1-4]|\d{{4}})"


_ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_BARE_QUARTER = rf"q[1-4]|(?:{'|'.join(_ORDINAL_QUARTERS)}) quarter|{_HALF}"
# a month or quarter without its year, read against the anchor ("since March", "between Jan and Jun")
_ANCHORED = rf"(?:{_DATEISH}|{_BARE_QUARTER}|(?:{_MONTH_RE})\.?)"


def _bare_span(text: str, anchor: dt.date, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """A month or quarter named without its year: of `year` if given, else the latest one that
    starts on or before the anchor."""
    text = text.strip().rstrip(".")
    if text in MONTH_NAMES:
        first_month, months = MONTH_NAMES[text], 1
    elif re.fullmatch(_HALF, text):
        first_month, months = (1 if _half_number(text) == 1 else 7), 6
    elif re.fullmatch(_BARE_QUARTER, text):
        q = int(text[1]) if text.startswith("q") else _ORDINAL_QUARTERS[text.split()[0]]
        first_month, months = 3 * q - 2, 3
    else:
        return None
    y = year if year is not None else anchor.year if first_month <= anchor.month else anchor.year - 1
    return dt.date(y, first_month, 1), month_end(y, first_month + months - 1)


def _anchored_date_of(text: str, anchor: dt.date | None, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    return _date_of(text) or (_bare_span(text, anchor, year) if anchor is not None else None)


def find_periods(text: str, anchor: dt.date | None) -> list[Period]:
    """Periods named in `text` (lower case). Relative ones need `anchor` (latest date in the data).

    The readers run from the most specific phrasing to the least, and a span already read is not
    read again: "between 2021 and 2023" before "since 2021", both before a bare "2021"."""
    found = _Found()
    _explicit_ranges(text, anchor, found)
    _period_pairs(text, anchor, found)
    if anchor is not None:
        _trailing_periods(text, anchor, found)
        _trailing_year(text, anchor, found)
        _same_period_last_year(text, anchor, found)
        _calendar_periods(text, anchor, found)
        _day_words(text, anchor, found)
        _to_date_periods(text, anchor, found)
    _open_ranges(text, anchor, found)
    _named_dates(text, found)
    if anchor is not None:
        _month_names(text, anchor, found)
        _lone_month(text, anchor, found)
        _bare_quarters(text, anchor, found)
        _same_span_last_year(text, anchor, found)
    return sorted(found.out, key=lambda p: p.start)


@dataclass
class _Found:
    """Periods read so far, and the char spans they cover."""

    out: list[Period] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def add(self, m: re.Match[str], lo: dt.date | None, hi: dt.date | None, label: str, relative: bool = False) -> None:
        if any(not (m.end() <= a or m.start() >= b) for a, b in self.taken):
            return
        self.taken.append((m.start(), m.end()))
        self.out.append(Period(m.start(), m.end(), lo, hi, label, relative))


def _explicit_ranges(text: str, anchor: dt.date | None, found: _Found) -> None:
    """"between 2021 and 2023", "from March 2024 to June 2024", "between Jan and Jun 2024" (the year
    named once holds for both ends), "between March and May" (the latest such span)."""
    for m in re.finditer(rf"\b(?:between|from) ({_ANCHORED}) (?:and|to|until|through|-) ({_ANCHORED})\b", text):
        b = _anchored_date_of(m[2], anchor)
        a = _date_of(m[1]) or (_bare_span(m[1], anchor, b[1].year) if anchor is not None and b else None)
        if a and b and a[0] > b[1] and not re.search(r"\d{4}", m[1]):
            a = _bare_span(m[1], a[0], a[0].year - 1)  # "between November and February": across new year
        if a and b and a[0] <= b[1]:
            dated = bool(_date_of(m[1]) and _date_of(m[2]))
            label = f"from {m[1]} to {m[2]}" if dated else f"from {a[0].isoformat()} to {b[1].isoformat()}"
            found.add(m, a[0], b[1], label, not dated)


def _trailing_periods(text: str, anchor: dt.date, found: _Found) -> None:
    """"the last 6 months": the last n units up to the anchor, the anchor's own unit included; "the last 2
    full months": the last n whole units before it."""
    stuck = "|".join(sorted(_STUCK_UNITS, key=len, reverse=True))
    for m in re.finditer(rf"\b(?:in |over |during |for )?(?:the )?(?:last|past|previous|trailing|recent) "
                         rf"(?:({_COUNT_RE}) (?:(full|complete|whole) )?({_UNIT_RE})|(\d+) ?({stuck}))\b", text):
        n, unit = (_num(m[1]), _UNITS[m[3]]) if m[1] else (int(m[4]), _STUCK_UNITS[m[5]])
        hi = anchor if not m[2] else period_end(_previous_start(text, anchor, unit), unit)
        lo = shift(period_start(hi, unit), unit, -(n - 1)) if unit != "day" else hi - dt.timedelta(days=n - 1)
        if unit == "week" and not m[2]:
            lo = anchor - dt.timedelta(days=7 * n - 1)
        found.add(m, lo, hi, f"the last {n} {m[2] + ' ' if m[2] else ''}{unit}s of the data ({lo.isoformat()} to "
                  f"{hi.isoformat()})", True)


def _previous_start(text: str, anchor: dt.date, unit: str) -> dt.date:
    """The start of "last month": the anchor's own month when the data ends on its last day, unless "this
    month" is named too ("this year vs last year": the year before); else the month before."""
    start = period_start(anchor, unit)
    complete = period_end(start, unit) == anchor and not re.search(rf"\b(?:this|current) {unit}\b", text)
    return start if complete else shift(start, unit, -1)


def _trailing_year(text: str, anchor: dt.date, found: _Found) -> None:
    """"over the last year", "in the past year": the twelve months up to the anchor's (a bare "last
    year" is the previous calendar year); "in the past week" likewise the seven days up to the anchor."""
    for m in re.finditer(rf"\b(?:(?:over|within|during) the (?:last|past)|(?:in |within )?the past) ({_UNIT_RE})\b",
                         text):
        unit = _UNITS[m[1]]
        if unit == "year":
            lo, size = add_months(anchor.replace(day=1), -11), "12 months"
        elif unit == "week" and not m[1].endswith("s"):
            lo, size = anchor - dt.timedelta(days=6), "7 days"
        else:
            continue
        found.add(m, lo, anchor, f"the last {size} of the data ({lo.isoformat()} to {anchor.isoformat()})", True)


def _period_pairs(text: str, anchor: dt.date | None, found: _Found) -> None:
    """"Q1 and Q2", "2022 and 2023", "November and December": two periods that follow each other
    are one span (two filters on one date column would leave no row)."""
    for m in re.finditer(rf"\b(?:(?:in|during|for) )?({_ANCHORED}),? (?:and|&|\+) ({_ANCHORED})\b(?! \d)", text):
        b = _anchored_date_of(m[2], anchor)
        a = _date_of(m[1]) or (_bare_span(m[1], anchor, b[1].year) if anchor is not None and b else None)
        if a and b and a[0] > b[1] and not re.search(r"\d{4}", m[1]):
            a = _bare_span(m[1], a[0], a[0].year - 1)  # "December and January": across new year
        if a and b and a[1] + dt.timedelta(days=1) == b[0]:
            found.add(m, a[0], b[1], f"from {a[0].isoformat()} to {b[1].isoformat()}", not re.search(r"\d{4}", m[0]))


def _calendar_periods(text: str, anchor: dt.date, found: _Found) -> None:
    """"this month" (to the anchor), "last month" (the previous complete one), "the last full quarter",
    "last calendar year", "since last month" (from its start on), "the year before last"."""
    for m in re.finditer(rf"\b(?:in |during |for )?the ({_UNIT_RE}) before last\b", text):
        unit = _UNITS[m[1]]
        start = shift(_previous_start(text, anchor, unit), unit, -1)
        found.add(m, start, period_end(start, unit), f"the {unit} before last of the data ({start.isoformat()} to "
                  f"{period_end(start, unit).isoformat()})", True)
    for m in re.finditer(r"\b(?:in |during |for |(since) )?(?:the )?(this|current|latest|most recent|last|previous|"
                         rf"past|prior)(?: (full|complete|whole|calendar))? (?:{_FISCAL})?({_UNIT_RE})\b", text):
        since, which, full, unit = m[1], m[2], m[3], _UNITS[m[4]]
        if m[4].endswith("s") and m[4] != unit:
            continue  # "last weeks" is not one period
        if which in ("last", "previous", "past", "prior") or full in ("full", "complete", "whole"):
            start = _previous_start(text, anchor, unit)
            end = min(period_end(start, unit), anchor)
        else:
            start, end = period_start(anchor, unit), anchor
        end = anchor if since else end
        said = "current" if which == "this" else which
        found.add(m, start, end, f"{'since ' if since else ''}the {said} {unit} of the data ({start.isoformat()} "
                  f"to {end.isoformat()}){_fiscal_said(m[0], unit)}", True)


def _same_period_last_year(text: str, anchor: dt.date, found: _Found) -> None:
    """"the same month last year", "same quarter a year ago": the anchor's month (quarter, week, day) one
    year before, whole."""
    for m in re.finditer(rf"\b(?:in |during |for )?(?:the )?same ({_UNIT_RE}) (?:(?:of |in )?(?:the )?"
                         r"(?:last|previous|prior) year|a year (?:ago|before|earlier))\b", text):
        unit = _UNITS[m[1]]
        if unit == "year":
            continue
        start = period_start(anchor, unit)
        # a week a year back is 52 weeks back (the same weekdays); a day is the same date
        start = start - dt.timedelta(days=364) if unit == "week" else \
            add_months(start, -12).replace(day=min(start.day, 28)) if unit == "day" else add_months(start, -12)
        end = period_end(start, unit)
        found.add(m, start, end, f"the same {unit} a year before the data's last ({start.isoformat()} to "
                  f"{end.isoformat()})", True)


def _day_words(text: str, anchor: dt.date, found: _Found) -> None:
    """"today" is the data's latest day, "yesterday" the one before; "the past fortnight" its last 14 days."""
    for m in re.finditer(r"\b(today|yesterday)\b", text):
        day = anchor - dt.timedelta(days=1 if m[1] == "yesterday" else 0)
        found.add(m, day, day, f"{m[1]}, the {'day before the ' if m[1] == 'yesterday' else ''}latest day of the "
                  f"data ({day.isoformat()})", True)
    for m in re.finditer(r"\b(?:in |over |during )?(?:the )?(?:last|past|previous) fortnight\b", text):
        lo = anchor - dt.timedelta(days=13)
        found.add(m, lo, anchor, f"the last 14 days of the data ({lo.isoformat()} to {anchor.isoformat()})", True)


def _to_date_periods(text: str, anchor: dt.date, found: _Found) -> None:
    """"YTD", "month to date", "quarter to date", "since the start of the year"."""
    for m in re.finditer(rf"\b(?:{_FISCAL})?(ytd|year to date|year-to-date|mtd|month to date|qtd|quarter to date)\b|"
                         r"\bsince the (?:start|beginning) of (?:the |this )?(year|month|quarter)\b", text):
        unit = {"y": "year", "m": "month", "q": "quarter"}[(m[1] or m[2])[0]]
        start = period_start(anchor, unit)
        found.add(m, start, anchor, f"{unit} to date ({start.isoformat()} to {anchor.isoformat()})"
                  f"{_fiscal_said(m[0], unit)}", True)


def _fiscal_said(words: str, unit: str) -> str:
    """What a fiscal period is read as: the data holds no fiscal calendar, so the calendar's own."""
    return f", a fiscal {unit} read as the calendar {unit}" if re.match(_FISCAL, words.split(" ", 1)[-1]) or \
        re.search(rf"\b{_FISCAL}", words) else ""


def _same_span_last_year(text: str, anchor: dt.date, found: _Found) -> None:
    """"the same period last year": the period named before it one year back ("Q3 vs the same period last
    year"), else the year to date one year back (the data's year so far, compared with the year before's)."""
    for m in re.finditer(r"\b(?:in |during |for |over |with |to )?(?:the )?same (?:period|time|span|stretch|dates|days|"
                         r"point)(?: (?:of |in ))?(?: the)? (?:last|previous|prior) year|\b(?:in |during |for |over )?"
                         r"(?:the )?same (?:period|time|span|dates) a year (?:ago|before|earlier)\b", text):
        inside = [k for k, (a, b) in enumerate(found.taken) if m.start() <= a and b <= m.end()]
        for k in reversed(inside):  # its "last year" is not the year before the data's last
            del found.taken[k], found.out[k]
        before = [p for p in found.out if p.end <= m.start() and p.lo and p.hi]
        lo, hi = (before[-1].lo, before[-1].hi) if before else (period_start(anchor, "year"), anchor)
        assert lo is not None and hi is not None
        lo, hi = _year_back(lo), _year_back(hi)
        found.add(m, lo, hi, f"the same period a year before ({lo.isoformat()} to {hi.isoformat()})", True)


def _year_back(d: dt.date) -> dt.date:
    return d.replace(year=d.year - 1, day=min(d.day, calendar.monthrange(d.year - 1, d.month)[1]))


def _open_ranges(text: str, anchor: dt.date | None, found: _Found) -> None:
    """"since 2022", "after March 2024" (exclusive), "before 2020" (exclusive), "until 2023"; "since
    March", "through June" are read against the latest March or June."""
    for m in re.finditer(rf"\b(since|after|from|starting|beginning)(?: the (?:start|beginning) of)? ({_ANCHORED})\b"
                         r"(?: (?:on|onwards?)\b)?", text):
        bare = not re.search(r"\d{4}", m[2])
        d = None if bare and _day_follows(text, m) else _anchored_date_of(m[2], anchor)
        if d:
            lo = d[0] if m[1] != "after" else d[1] + dt.timedelta(days=1)
            label = f"since {lo.isoformat()}" if bare else f"{'after' if m[1] == 'after' else 'since'} {m[2]}"
            found.add(m, lo, None, label, bare)
    for m in re.finditer(rf"\b(before|until|till|through|up to|prior to|to) ({_ANCHORED})\b", text):
        bare = not re.search(r"\d{4}", m[2])
        if bare and (m[1] == "to" or _day_follows(text, m)):
            continue  # "to March" alone is too loose ("compared to may"); "before march 5" names a day
        d = _anchored_date_of(m[2], anchor)
        # a bare "to" ends a period only on its own: "compared to 2021" names a second year and
        # "from 50000 to 2000" is a number range (a date range was read by _explicit_ranges)
        if m[1] == "to" and re.search(r"(compared|relative|versus|vs\.?|from \S+|between \S+)\s*$", text[:m.start()]):
            continue
        if d:
            hi = d[0] - dt.timedelta(days=1) if m[1] in ("before", "prior to") else d[1]
            found.add(m, None, hi, f"up to {hi.isoformat()}" if bare else f"{m[1]} {m[2]}", bare)


def _day_follows(text: str, m: re.Match[str]) -> bool:
    """A number right after a month named without its year: a day ("since march 5"), not read here."""
    return bool(re.match(r" \d", text[m.end():]))


def _named_dates(text: str, found: _Found) -> None:
    """"in 2023", "Q3 2024", "March 2024", "2024-05" — not a year compared as a number ("more than 2000")."""
    for m in re.finditer(rf"\b(?:(?:in|during|for|of|only|just|within|on) )?(?:the )?({_DATEISH})\b", text):
        plain_year = re.fullmatch(r"\d{4}", m[1])
        before = text[max(0, m.start() - 25):m.start()]
        number_before = r"(than|over|under|above|below|least|most|exceeds?|equals?|(?<!compared )to|[<>=])\s*$"
        if plain_year and (re.search(number_before, before) or re.search(r"[$€£¥]$", before)):
            continue  # "more than 2000" and "over $2000" are numbers, not years
        d = _date_of(m[1])
        if d:
            found.add(m, d[0], d[1], f"in {m[1]}")


def _month_names(text: str, anchor: dt.date, found: _Found) -> None:
    """"in March" with no year: the latest March up to the anchor."""
    # "march vs april": a month compared with a period named before it
    for m in re.finditer(rf"\b(?:in|during|for|vs\.?|versus|against|compared (?:to|with)) ({_MONTH_RE})\b(?! \d)",
                         text):
        mo = MONTH_NAMES[m[1]]
        y = anchor.year if mo <= anchor.month else anchor.year - 1
        found.add(m, dt.date(y, mo, 1), month_end(y, mo), f"in {calendar.month_name[mo]} {y}", True)


# Words that may wrap a month said alone ("and september?", "ok, what about april"): a chat's turn that
# only swaps the period on screen. No other word may stand in the message, so "may" the verb never reads.
_LONE_WRAP = r"(?:(?:and|or|ok|okay|so|now|then|same|same for|the same for|what about|how about|what of|" \
             r"the month of|month of|just|only)\s*,?\s+)*"
_LONE_MONTH = rf"^\s*{_LONE_WRAP}({_MONTH_RE})\s*\.?(?:\s*,?\s*(?:then|too|instead|please))?\s*[?.!]*\s*$"


def _lone_month(text: str, anchor: dt.date, found: _Found) -> None:
    """A message that is a month name and nothing else ("and september?", "what about april"): the
    latest such month up to the anchor, as "in September" would be."""
    m = re.fullmatch(_LONE_MONTH, text)
    if m:
        mo = MONTH_NAMES[m[1]]
        y = anchor.year if mo <= anchor.month else anchor.year - 1
        month = re.compile(m[1]).match(text, m.start(1))  # the period is the month's word, not its wrapper
        if month:
            found.add(month, dt.date(y, mo, 1), month_end(y, mo), f"in {calendar.month_name[mo]} {y}", True)


def _bare_quarters(text: str, anchor: dt.date, found: _Found) -> None:
    """"in Q2", "zoom into Q3", "the second quarter", "H1" with no year: the latest one up to the anchor."""
    for m in re.finditer(rf"\b(?:(?:in|during|for|of) )?(?:the )?({_BARE_QUARTER})\b(?!,? \d)", text):
        span = _bare_span(m[1], anchor)
        if span:
            part = f"H{span[0].month // 6 + 1}" if (span[1].month - span[0].month) == 5 \
                else f"Q{(span[0].month + 2) // 3}"
            found.add(m, span[0], span[1], f"in {part} {span[0].year}", True)

