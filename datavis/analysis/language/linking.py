"""Links from spans of a question to what a plan can hold: columns, values, conditions,
aggregations, time grains, numbers, an order or a limit, and chart words, each scored and
named by the features that found it (exact, lemma, synonym, abbreviation, fuzzy, value match,
role). The planner's generator builds only the plans these links allow (planning/generate.py).

    link(question, profile) -> Links

Everyday metrics said by their initials are spelled out first ("CTR" → "click rate", when the data
holds their parts); then spelling is corrected against a closed vocabulary — the lexicon's cue words, the
columns' names and the dataset's values — so "avergae" reads as "average" while a word that
names a column or a value is never "corrected" into a cue word, and a sure typo of a column or value word
is fixed too ("chanel", "texsa"). The words are then read by
language.parsing.parse (one reading of the question shared with the rule planner).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from ..datasets.store import derived
from ..plan import Filter
from . import cues as C
from .lexicon import (
    ABBREVIATIONS,
    AGG_CUES,
    CHART_WORDS,
    COST_WORDS,
    GRAIN_WORDS,
    LEXICON_WORDS,
    METRIC_NAMES,
    REVENUE_WORDS,
    negates,
)
from .matching import abbreviates, get_index, negated_booleans, slipped, vowelless
from .names import singular
from .parsing import (
    Parsed,
    anchor_of,
    is_numeric,
    main_temporal,
    names_people_only,
    parse,
    part_of_a_period,
    yes_letter,
)
from .timeparse import find_periods
from .units import split_unit

# Tiers of language.matching, in the feature names.
_TIER_FEATURE = {"exact": "exact", "abbreviation": "abbreviation", "fuzzy": "fuzzy", "synonym": "synonym",
                 "partial": "partial", "entity": "entity", "acronym": "initialism"}
_ORDER_WORDS = {"ascending", "descending", "increasing", "decreasing", "alphabetical", "percentage", "proportion",
                "distribution", "compare", "correlation", "relationship", "between", "versus", "breakdown"}
_PERIOD_AND_SPREAD_WORDS = {"quarter", "quarters", "months", "weeks", "years", "previous", "spread", "distributed",
                            "median", "variation"}
# "the largest single order": a superlative about one row is the maximum, not a ranking of groups.
_SINGLE = re.compile(r"\b(single|ever|individual|one)\b")
_WORD = re.compile(r"[a-z]+|\d+")


@dataclass(frozen=True)
class Link:
    """One scored link from the token span [start, end) to `target`."""

    kind: str  # column | value | condition | agg | grain | limit | order | chart | group | number
    target: object
    start: int
    end: int
    score: float
    feats: tuple[str, ...] = ()


@dataclass
class Links:
    """Every link of a question, by kind, and the parse they were read from."""

    question: str  # after spelling correction
    parsed: Parsed
    columns: list[Link] = field(default_factory=list)
    values: list[Link] = field(default_factory=list)
    conditions: list[Link] = field(default_factory=list)
    aggs: list[Link] = field(default_factory=list)
    grains: list[Link] = field(default_factory=list)
    groups: list[Link] = field(default_factory=list)
    charts: list[Link] = field(default_factory=list)
    numbers: list[Link] = field(default_factory=list)
    limit: Link | None = None
    order: Link | None = None
    corrections: dict[str, str] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    single: bool = False  # "single", "ever": a superlative about one row
    qualities: list[Link] = field(default_factory=list)  # Yes/No columns named, not yet conditions
    period_words: frozenset[str] = frozenset()  # words of a period ("this year"): a filter, not a grain
    booleans: frozenset[str] = frozenset()  # the table's Yes/No columns
    unit: str | None = None  # a unit the answer is asked in ("in hours", "in thousands": language/units.py)

    def linked_columns(self) -> list[str]:
        return list(dict.fromkeys(str(c.target) for c in self.columns))

    def column_feats(self, column: str) -> tuple[str, ...]:
        return next((c.feats for c in self.columns if c.target == column), ("unlinked",))


def _cue_vocabulary() -> set[str]:
    words = {w for phrases in AGG_CUES.values() for p in phrases for w in p.split()}
    words |= {w for k in (*CHART_WORDS, *GRAIN_WORDS) for w in k.split()}
    words |= _PERIOD_AND_SPREAD_WORDS  # "quater", "monhts", "distrbuted", "spred" are typos of cues too
    return {w for w in words | _ORDER_WORDS if len(w) >= 5 and w.isalpha()}


_CUES = _cue_vocabulary()
# Every other word of the lexicon ("share", "which", "highest") is a target too, but a stricter one: many
# real words are one letter from one ("status"/"states", "stuff"/"staff"), so only a slip is read as its
# typo (letters swapped, dropped or doubled, or a key beside: "sahre", "wgich") and never a tie.
_LEXICON_TARGETS = {w for w in LEXICON_WORDS if len(w) >= 5 and w.isalpha()} - _CUES
# Endings that make a new word of a word ("creative" of "create", "shipper" of "ship"): no typo of it.
_DERIVED_ENDINGS = ("ive", "ives", "ion", "ions", "er", "ers", "or", "ors", "ment", "ments", "al", "ity", "ance",
                    "ence", "able", "ably")


def _inflection_of(word: str, base: str) -> bool:
    """"orders" of "order", "shipped" of "ship": a form of the word, not a typo; nor is a longer word
    made from it ("creative" of "create", "payers" of "pay")."""
    longer, shorter = (word, base) if len(word) > len(base) else (base, word)
    if longer.startswith(shorter) and longer[len(shorter):] in ("s", "d", "ed", "es", "ing", "ly"):
        return True
    stems = (shorter, shorter[:-1]) if shorter.endswith("e") else (shorter,)  # "create" → "creat|ive"
    return len(shorter) >= 3 and any(longer == stem + end for stem in stems for end in _DERIVED_ENDINGS)


def _form_of_a_known_word(low: str, known: frozenset[str]) -> bool:
    """"payers" (pay), "donations" (donate): a word made from a word of the lexicon or the data."""
    for end in ("s", "es", "ed", "d", "ing", *_DERIVED_ENDINGS):
        for ending in (end, end + "s"):
            stem = low[: -len(ending)]
            if low.endswith(ending) and len(stem) >= 3 and (stem in LEXICON_WORDS or stem in known
                                                            or stem + "e" in LEXICON_WORDS or stem + "e" in known):
                return True
    return False


@lru_cache(maxsize=4096)  # pure in the word; a word comes back in every question that types it
def _lexicon_typo(low: str) -> str | None:
    """The one word of the lexicon (not a cue) `low` is a slip of: same first letter, one swap, drop,
    double or key beside (_LEXICON_TARGETS); None when two are that close or none is."""
    near = {w for w in _LEXICON_TARGETS if w[0] == low[0] and abs(len(w) - len(low)) <= 1
            and OSA.distance(low, w) == 1 and (len(w) != len(low) or sorted(w) == sorted(low) or slipped(low, w))
            and not _inflection_of(low, w)}
    return near.pop() if len(near) == 1 else None


def _data_typo(low: str, profile: dict) -> str | None:
    """The column or category-value word `low` is a sure typo of (matching.ColumnIndex.typo_of), or of
    its singular with its plural kept ("chanels", "categroies"); never for a word of the lexicon."""
    idx, one = get_index(profile), singular(low)
    if low in LEXICON_WORDS or one in LEXICON_WORDS:
        return None
    fixed = idx.typo_of(low)
    fixed_one = idx.typo_of(one) if fixed is None and one != low else None
    if fixed_one:
        ies = low.endswith("ies") and fixed_one.endswith("y")
        fixed = fixed_one[:-1] + "ies" if ies else fixed_one + low[len(one):]
    return fixed if fixed is not None and not _inflection_of(low, fixed) else None


# Aggregation words said shortened ("avg", "cnt"): one reading, the word in full (no typo: not "fuzzy").
_SHORTENED_AGGS = {full for full in ABBREVIATIONS.values() if full in AGG_CUES["avg"] + AGG_CUES["count"]}


@lru_cache(maxsize=4096)
def _cue_short_form(low: str) -> str | None:
    """The one cue word a word of consonants after its first letter shortens ("qtrly" → quarterly, "mthly"
    → monthly, "wkly" → weekly; see matching.abbreviates); None when it shortens none or two."""
    if len(low) < 4 or not low.isalpha() or re.search(r"[aeiou]", low[1:]) or low in ABBREVIATIONS:
        return None
    near = {c for c in _CUES if c.isalpha() and abbreviates(low, c)}
    return near.pop() if len(near) == 1 else None


def _dropped_letter(low: str, known: frozenset[str]) -> str | None:
    """The one five-letter cue, column or value word a four-letter word is with a letter dropped ("mnth",
    "whch", "stck"), keeping its first letter; None when there are two or none."""
    near = {w for w in _CUES | _LEXICON_TARGETS | known if len(w) == 5 and w[0] == low[0] and w.isalpha()
            and OSA.distance(low, w) == 1 and not _inflection_of(low, w)}
    return near.pop() if len(near) == 1 else None


def correct_spelling(question: str, profile: dict) -> tuple[str, dict[str, str]]:
    """The question with misspelt cue words fixed (one edit, transpositions included, for words of
    5–7 letters; two for longer ones), then sure typos of column and value words (_data_typo); looser
    matches are left to the column matcher's fuzzy tier."""
    idx = get_index(profile)
    known = idx.known_words()
    fixes: dict[str, str] = {}

    def fix(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        phrase = ABBREVIATIONS.get(low, "")
        if " " in phrase and phrase in GRAIN_WORDS and low not in known:  # "yoy", "mom": the grain said in full
            fixes[low] = phrase
            return phrase
        if phrase in _SHORTENED_AGGS and low not in known:  # "avg", "cnt": read as "average", "count"
            return phrase
        if len(low) < 4 or low in _CUES or low in known or singular(low) in known or singular(low) in _CUES:
            return word
        if any(_inflection_of(low, k) for k in known if k[:3] == low[:3]):
            return word  # "lease" of Leased On, "settle" of Settled: a form of the data's word, no typo of "least"
        cue = _cue_short_form(low)
        if cue is not None and not idx.short_forms(low):
            fixes[low] = cue
            return cue
        if len(low) == 4:  # only a word without vowels: "send" or "moth" is a word of its own
            short = _dropped_letter(low, known) if vowelless(low) else None
            if short is not None:
                fixes[low] = short
            return short or word
        budget = 1 if len(low) <= 7 else 2
        # the first letter is rarely mistyped: "higgest" is "highest", not "biggest"; "monthy": monthly, not month
        best = min((c for c in _CUES if c[0] == low[0]), key=lambda c: (OSA.distance(low, c), -len(c), c),
                   default="")
        if not best or OSA.distance(low, best) > budget or _inflection_of(low, best):
            best = "" if low in LEXICON_WORDS or _form_of_a_known_word(low, known) else (_lexicon_typo(low) or "")
        # "compared" is an inflection of the cue "compare", not a typo of it: left as typed; "custs" shortens
        # customers, no typo of "costs"
        if best and not any(w in ABBREVIATIONS or idx.short_forms(w) for w in (low, singular(low))):
            fixes[low] = best
            return best
        data_word = _data_typo(low, profile)
        if data_word is not None:
            fixes[low] = data_word
            return data_word
        return word

    return re.sub(r"[A-Za-z]+", fix, question), fixes


def metric_words(question: str, profile: dict) -> str:
    """Everyday ratios said by their initials or a set phrase ("CTR", "ROAS") in the words the
    derived-measure readers read (lexicon.METRIC_NAMES), unless a column or a value is named so
    ("cpc" of "google / cpc")."""
    for short, words in derived(profile, "_metric_names", _metric_names):
        question = short.sub(words, question)
    return question


def _metric_names(profile: dict) -> list[tuple[re.Pattern[str], str]]:
    """The METRIC_NAMES this dataset can read, in their order: (the short name's pattern, its words)."""
    idx = get_index(profile)
    named = set(idx.vocab_index) | {w for key in idx.values for w in key.split()} | \
        {c["name"].lower() for c in profile["columns"]}
    spent = any(set(c["tokens"]) & (COST_WORDS | {"spend"}) for c in profile["columns"] if c["role"] == "measure")
    out = []
    for short, words in METRIC_NAMES.items():
        # only a ratio the data holds the parts of: "CTR" without a column of clicks stays unknown
        parts = [w for w in words.split() if w not in _RATIO_WORDS]
        if short not in named and all(singular(w) in idx.vocab_index for w in parts) and (parts or spent):
            out.append((re.compile(rf"\b{re.escape(short)}\b", re.IGNORECASE), words))
    return out


# Words of METRIC_NAMES' expansions that are no column: the ratio's own words and money words, which name
# the money column whatever it is called ("cost per click" over "Spend ($)").
_RATIO_WORDS = {"per", "rate", "average", "value"} | COST_WORDS | REVENUE_WORDS | {"spend"}


def _column_links(p: Parsed, profile: dict) -> list[Link]:
    by_name = profile["_by_name"]
    out = []
    for m in p.mentions:
        col = by_name[m.column]
        role = "numeric" if is_numeric(col) else col["type"]
        feats = (_TIER_FEATURE.get(m.tier, m.tier), f"role={col['role']}", f"type={role}",
                 *(("condition",) if id(m) in p.filter_mentions else ()), *(("unique",) if col.get("unique") else ()))
        out.append(Link("column", m.column, m.start, m.end, m.score, feats))
    return out


def _cue_links(p: Parsed, fixes: dict[str, str]) -> list[Link]:
    fixed = set(fixes.values())
    out = []
    for a in p.aggs:
        words = {t.text for t in p.toks[a.start:a.end]}
        feats = ("fuzzy",) if words & fixed else ("exact",)
        out.append(Link("agg", a.value, a.start, a.end, 1.0 if feats == ("exact",) else 0.85, feats))
    return out


def _conditions(p: Parsed, profile: dict) -> list[Link]:
    """The parse's filters, then "unpaid invoices", "non-remote staff": a Yes/No column's word after
    un-/non- is its No. Either way the negated word is the condition's span, so nothing reads it as
    a word the data lacks."""
    days = (min(p.weekday_toks), max(p.weekday_toks) + 1) if p.weekday_toks else (0, 0)
    out = [Link("condition", f, *(days if f.op == "weekday" else (0, 0)), 1.0, (f"op={f.op}",)) for f in p.filters]
    by_column = {f.column: i for i, f in enumerate(p.filters)}
    grouped = {g.column for g in p.groups}  # "approved vs rejected spend per department": both sides, no condition
    for t in p.toks:
        for name in [] if part_of_a_period(p, t.i) else negated_booleans(t.text, profile):
            if name in grouped:
                continue
            if name in by_column:
                out[by_column[name]] = replace(out[by_column[name]], start=t.i, end=t.i + 1)
            else:
                out.append(Link("condition", Filter(column=name, op="=", values=[False]), t.i, t.i + 1, 0.9,
                                ("negated_boolean",)))
    return out


def _qualities(p: Parsed, profile: dict, filtered: set[str]) -> list[Link]:
    """Yes/No columns the words name ("converted users"): a plan measuring something else may
    keep only the rows that have the quality (or lack it, after a negation)."""
    out = []
    for m in p.mentions:
        col = profile["_by_name"][m.column]
        yes = yes_letter(col)  # a Y/N text column is a quality too ("returned orders": Returned = Y)
        if col["type"] != "boolean" and yes is None or m.column in filtered or names_people_only(m):
            continue
        neg = any(negates(t.text) for t in p.toks[max(0, m.start - 2):m.start])
        kept = Filter(column=m.column, op="=", values=[not neg]) if yes is None else \
            Filter(column=m.column, op="!=" if neg else "=", values=[yes])
        out.append(Link("quality", kept, m.start, m.end, m.score, ("boolean",)))
    return out


def link(question: str, profile: dict) -> Links:
    """Every link of `question` to `profile`'s columns, values and the lexicon's cues."""
    question, unit = split_unit(question, profile)  # "talk time in hours": the unit is no column's word
    corrected, fixes = correct_spelling(metric_words(question, profile), profile)
    p = parse(corrected, profile)
    out = Links(corrected, p, corrections=fixes, words=frozenset(_WORD.findall(corrected.lower())), unit=unit)
    out.columns = _column_links(p, profile)
    out.values = [Link("value", (v.column, v.value), v.start, v.end, v.score, ("value",)) for v in p.values]
    out.conditions = _conditions(p, profile)
    out.aggs = _cue_links(p, fixes)
    out.groups = [Link("group", g.column, g.start, g.end, g.score, ("group",)) for g in p.groups]
    grain = C.find_grain(p.text)
    if p.grain:
        span = (grain.start, grain.end) if grain is not None else (0, 0)
        out.grains = [Link("grain", p.grain, *span, 1.0, ("exact",))]
    if p.chart:
        out.charts = [Link("chart", p.chart, 0, 0, 1.0, ("exact",))]
    if p.limit:
        out.limit = Link("limit", (p.limit, p.limit_desc), 0, 0, 1.0, ("number",))
    if p.order_desc is not None or p.order_target:
        out.order = Link("order", (p.order_desc, p.order_target), 0, 0, 1.0, ("exact",))
    out.numbers = [Link("number", t.text, t.i, t.i + 1, 1.0, ("number",)) for t in p.toks
                   if re.fullmatch(r"\d+(\.\d+)?", t.text)]
    out.single = bool(_SINGLE.search(p.text.s))
    out.booleans = frozenset(c["name"] for c in profile["columns"] if c["type"] == "boolean")
    anchor = anchor_of(main_temporal(profile))
    out.period_words = frozenset(w for per in find_periods(p.text.s, anchor)
                                 for w in _WORD.findall(p.text.s[per.start:per.end]))
    out.qualities = _qualities(p, profile, {f.target.column for f in out.conditions})  # type: ignore[attr-defined]
    return out
