"""What a question asks about that nothing in the data links to: the planner says so instead of
answering from the other words.

    gaps(links, profile) -> Coverage            (declined, unless subject_named)
    subject_named(plan, cov, links, profile)    (the best reading names what the gap's slots ask about)
    doubts(links, profile) -> tuple[str, ...]   (answered, not alone: planning/decision.py)

A *content word* is a word of the question that is not a function or cue word (lexicon.STOPWORDS,
the aggregation, chart, grain, trend/share/distribution and grouping cues), not a number or a
period, not the noun for the table's rows ("employees" in an employee table) and not a word of a
derived measure the words name. It is *unlinked* when no link of language.linking covers it.

The words are read in seven slots, each the place where a question names what it is about:
- the head: everything before the first grouping cue ("**attrition rate** by department"), whose
  thing is its last word before "of"/"for"/"in" ("the **occupancy rate** of harbor view"): that
  word, or its last two, naming nothing is enough ("patient **satisfaction score**" is not Patient
  Age, "class **satisfaction score**" not Class Type);
- after an aggregation or superlative cue ("which supplier has the longest **lead time**"); a
  word of money there is a noun ("average **cost** per call"), not the verb;
- after a ranking word ("which agent sold the most **upgrades**");
- the qualities of what is counted, listed before its noun ("how many **male and female** customers"; one
  quality alone, "how many late orders", may be a condition said otherwise);
- the subject of "which"/"what" up to its verb ("which **landing page** has the highest …");
- after "by" ("total amount by **industry**"), unless it orders or divides;
- what a question asks the effect of ("how did the **weather** affect visits", "impact of **rain** on sales").
A slot whose content words all link to nothing may name a thing the data does not hold
(`Coverage.missing`), unless it is the head and a measure is named after an aggregation ("for
the board **deck**: total amount by team"). The question is declined only when the best reading
does not name what that slot asks about by words that link (`subject_named`); otherwise it is
answered with alternatives and a note naming the word (planning/ranker.choose). Hedges and requests ("can you quickly
break down …") and what a count or a share counts ("percentage of claims …") name nothing missing.
Unlinked words elsewhere are the question's *doubts*: its answer is not given alone.
"""
from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

from ..datasets.profile import is_identifier, is_numeric
from ..language import cues as C
from ..language.lexicon import (
    AGG_CUES,
    CHART_WORDS,
    COST_WORDS,
    DUE_WORDS,
    DURATION_WORDS,
    EVENT_WORDS,
    FILL_WORDS,
    GENERIC,
    GRAIN_WORDS,
    LENGTH_WORDS,
    MEASURE_UNIT_WORDS,
    MONTH_NAMES,
    NET_WORDS,
    NUMBER_WORDS,
    OVERDUE_WORDS,
    PAY_WORDS,
    PEOPLE,
    PROFIT_WORDS,
    RANKING_WORDS,
    RATE_BASE_WORDS,
    RATE_VALUE_WORDS,
    RATE_WORDS,
    REST_WORDS,
    REVENUE_WORDS,
    ROW_VALUE_WORDS,
    SHARE_OF_WORDS,
    SHORT_WORDS,
    STOPWORDS,
    TIME_UNIT_WORDS,
)
from ..language.linking import Links
from ..language.matching import Tok, get_index
from ..language.names import singular, split_name
from ..language.parsing import excludes
from ..language.phrasing import names_date
from ..language.rownoun import counted_noun
from ..plan import Plan
from .generate import kind_tokens, ranks_rows, row_superlatives
from .measures import find_derived

# Cue words beyond the lexicon's phrases, and words that name the rows themselves.
# A ranking word says what order is asked ("the busiest hours"), not which thing.
_CUE_WORDS = {w for phrases in AGG_CUES.values() for p in phrases for w in p.split()} | \
    {w for k in (*CHART_WORDS, *GRAIN_WORDS, *NUMBER_WORDS, *MONTH_NAMES) for w in k.split()} | \
    set(RANKING_WORDS) | {"quietest", "bottom"}
_ROW_WORDS = {"row", "record", "entry", "item", "thing", "instance", "result", "detail", "one", "ones",
              "everything", "anything", "something", "chart", "plot", "diagram", "graph", "figure", "info"}
# Words that qualify a question without naming anything in it.
_FILLER = {"instead", "now", "right", "still", "before", "after", "ever", "single", "again", "currently",
           "recent", "recently", "new", "yet", "already", "ago", "current", "today", "actually", "exactly",
           "general", "long", "know", "answer", "tell", "look", "looking", "interested", "wondering", "wonder",
           # hedges and requests around a question ("can you quickly pull up …, thanks", "just curious, …")
           "quick", "quickly", "roughly", "honestly", "basically", "overall", "curious", "love", "break", "pull",
           "check", "happening", "because", "thanks", "thank", "hey", "hello", "maybe", "anyway",
           "split", "breakdown", "mix",  # "payment method split": how it is shown, not a thing
           "effect", "effects", "impact", "impacts", "influence",  # the relation asked, what of is read in "cause"
           "anyone", "anybody", "someone", "somebody",  # "the longest anyone waited"
           *REST_WORDS, "else", "other"}  # "top 3 products and the rest", "… and everything else"
# Verbs people use for what a table records ("how much did we sell", "tickets that came in"): a slot
# named by a verb alone names no thing the data lacks.
_VERBS = {"sell", "sold", "buy", "bought", "come", "came", "go", "went", "make", "made", "take", "took", "need",
          "owe", "bring", "brings", "send", "sent", "pay", "paid", "spend", "spent", "get", "got", "work", "works",
          "earn", "cost", "costs", "bill", "hire", "open", "close", "use", "used", "win", "won", "lose", "lost"}
_DERIVED_WORDS = RATE_WORDS | SHARE_OF_WORDS | DURATION_WORDS | REVENUE_WORDS | PROFIT_WORDS | ROW_VALUE_WORDS | \
    COST_WORDS | PAY_WORDS | RATE_BASE_WORDS | set(RATE_VALUE_WORDS) | {"per", "unit", "average", "return"} | \
    {"plus", "minus", "less", "times", "multiplied", "divided", "difference", "combined", "together"} | \
    OVERDUE_WORDS | DUE_WORDS | \
    LENGTH_WORDS | set(TIME_UNIT_WORDS) | set(EVENT_WORDS) | SHORT_WORDS | FILL_WORDS | NET_WORDS | \
    set(MEASURE_UNIT_WORDS)  # "pick duration", "avg mins per job", "qty short", "fill rate", "cost per lb"
_MEASURE_OF = r"\b(?:length|duration) of\b"  # "the length of a call": how long each row lasts, said of the rows
_CUE_PATTERNS = (C.TREND, C.SHARE, C.CORREL, C.DISTRIB, C.GROUP_CUE, C.FOLLOWUP, C.RESET, C.COLOR_CUE, _MEASURE_OF)
# Words before "by" that make it no grouping: an order ("sort by"), arithmetic ("divided by").
_NOT_GROUPING = {"order", "ordered", "sort", "sorted", "rank", "ranked", "list", "listed", "show", "display", "x", "y",
                 "divided", "multiplied", "times"}
_COPULA = {"is", "are", "was", "were", "be", "been", "being"}  # "expenses that were rejected": a state
# Where the subject of "which X …" ends: its verb.
_SUBJECT_END = {"has", "have", "had", "is", "are", "was", "were", "did", "does", "do", "with", "got", "gets", "get"}
# Where the words named after an aggregation end ("the highest salary in each department").
_PHRASE_END = {"in", "for", "of", "with", "from", "on", "at", "to", "that", "who", "which", "where", "when",
               "than", "and", "or", "among", "across", "over", "per", "by", "we", "you", "they", "i", "our", "us"}

_TAIL = {w for w in GENERIC if len(w) >= 4} - {"from", "with"}  # generic nouns that end a phrase: "lead time"


@dataclass(frozen=True)
class Coverage:
    """`missing`: the content words of the slots that ask about something nothing links to;
    `kinds`: the kinds of those slots ("head", "agg", "rank", "counted", "which", "group", "cause")."""

    missing: tuple[str, ...] = ()
    kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Named:
    """Words that name rows or the data's own words without a link: the counted noun ("employees"),
    the table's name, words of column names and values (a plural the matcher missed, "SKUs"), their
    stems of five letters or more ("escalations" ~ escalated, "trials" ~ trialing), and the column
    words a longer word starts with ("enrollment" ~ Enr: columns are often named by truncation)."""

    words: frozenset[str]
    plurals: frozenset[str]
    stems: frozenset[str]
    columns: frozenset[str]

    def exact(self, word: str) -> bool:
        return word in self.words or singular(word) in self.words

    def loose(self, word: str) -> bool:
        """A plural, a stem, an inflection ("pass" ~ Passed, "bounce" ~ Bounced) or a truncation of
        the data's words."""
        if word in self.plurals or (len(word) >= 5 and word[:5] in self.stems):
            return True
        if len(word) >= 4 and any(word + end in self.words for end in ("ed", "d", "ing")):
            return True
        return any(word[:k] in self.columns for k in range(3, min(len(word), 6)))


def _named(profile: dict[str, Any]) -> _Named:
    """The profile's _Named, built once per profile (kept beside the matcher's index)."""
    cached = profile.get("_named_words")
    if isinstance(cached, _Named):
        return cached
    idx = get_index(profile)
    rows = {counted_noun(profile)} | {w.lower() for w in split_name(str(profile.get("name") or ""))}
    columns = {w.lower() for c in profile["columns"] for w in split_name(c["name"])}
    words = rows | _ROW_WORDS | (PEOPLE if rows & PEOPLE else set())  # "people" in a table of employees
    words |= set(idx.vocab_index) | {w for key in idx.values for w in key.split()} | columns
    named = profile["_named_words"] = _Named(
        frozenset(v for w in words for v in (w, singular(w))), frozenset(v for w in words for v in (w + "s", w + "es")),
        frozenset(w[:5] for w in words if len(w) >= 5 and w.isalpha()),
        frozenset(w for w in columns if len(w) >= 3 and w.isalpha()))
    return named


def _verb_like(word: str) -> bool:
    # from five letters ("going", "owned"), not a noun in -eed ("speed", "breed")
    return word in _VERBS or word[:-1] in _VERBS and word.endswith("s") or \
        (len(word) >= 5 and word.endswith(("ing", "ed")) and not word.endswith("eed"))  # "comes", "sells"


def _linked_tokens(links: Links) -> set[int]:
    spans = (*links.columns, *links.values, *links.aggs, *links.groups, *links.grains, *links.numbers,
             *links.qualities, *links.conditions)
    compared = {i for lo, hi, _ in links.parsed.compared for i in range(lo, hi)}  # "below the reorder level"
    return {i for s in spans for i in range(s.start, s.end)} | compared | links.parsed.number_toks


def _cue_tokens(links: Links) -> set[int]:
    text = links.parsed.text
    return {i for pat in _CUE_PATTERNS for _m, (a, b) in text.find(pat, protect=False) for i in range(a, b)}


_LONG_STOPWORDS = [w for w in STOPWORDS if len(w) >= 6]


def _function_word(word: str, extra: set[str]) -> bool:
    w = singular(word)
    return (len(word) < 3 or not word.isalpha() or word in STOPWORDS or w in STOPWORDS or word in _CUE_WORDS
            or word in _FILLER or word in extra or w in extra or excludes(word)  # "didnt": a negation
            or len(word) >= 6 and _near_stopword(word))


_TIME_MEASURES = {"hours", "hrs", "minutes", "mins"}
_TOTALLING = {"total", "average", "avg", "sum", "mean"}


def _measured_time(toks: list[Tok], i: int, extra: set[str]) -> bool:
    """"hours worked by picker", "total minutes": hours said as what is measured (before a participle, after a
    total) are a content word the data must hold, not the grain of "by hour"; a length of time the words
    derive (`extra`) accounts for them."""
    t = toks[i]
    if t.text not in _TIME_MEASURES or t.text in extra:
        return False
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    return (nxt.endswith("ed") and len(nxt) >= 5) or i > 0 and toks[i - 1].text in _TOTALLING


def _counted_command_noun(toks: list[Tok], i: int) -> bool:
    """"how many returns", "number of reports": a command word ("return the …", "report …") said as a plural noun
    after a count is the thing counted, a content word that a column must account for."""
    t = toks[i]
    if not t.text.isalpha() or t.text == singular(t.text):
        return False
    before = [x.text for x in toks[max(0, i - 2):i]]
    return before == ["how", "many"] or before in (["number", "of"], ["count", "of"])


@functools.lru_cache(maxsize=4096)  # the same everyday words in question after question
def _near_stopword(word: str) -> bool:
    """A stop word typed with one slip ("diferent")."""
    return any(OSA.distance(word, s) <= 1 for s in _LONG_STOPWORDS)


def _slots(links: Links) -> Iterable[tuple[str, list[int]]]:
    """Token positions of the head, of the words after each aggregation cue, of the qualities of
    what is counted, after a ranking word, of a which-subject, of the words after a grouping "by",
    of what an effect is asked of, each with its kind ("head", "agg", "counted", "rank", "which", "group",
    "cause")."""
    toks = links.parsed.toks
    groups = {a for _m, (a, _b) in links.parsed.text.find(C.GROUP_CUE, protect=False)}
    aggs = {a.start for a in links.aggs}
    head = range(0, min(groups, default=len(toks)))
    counted = {a.start for a in links.aggs if a.target == "count"} | \
        {a for _m, (a, _b) in links.parsed.text.find(C.SHARE, protect=False)}  # "percentage of claims …"
    if not counted & set(head):  # what is counted or shared out is the rows, whatever the noun
        yield "head", list(head)
    for agg in links.aggs:
        if agg.target != "count":  # "how many songs…": what is counted is the rows, whatever the noun
            yield "agg", _phrase(toks, agg.end, lambda t, n: t.i in groups | aggs or (n > 0 and t.text in _PHRASE_END))
        else:  # "how many male and female customers": the qualities of what is counted (its noun is the rows)
            said = _phrase(toks, agg.end, lambda t, n: t.i in groups | aggs or t.text in _COPULA | _SUBJECT_END
                           or t.text in _PHRASE_END - {"and", "or"} or (n > 0 and _verb_like(t.text))
                           or not t.text[:1].isalnum())  # "the count of students. show …"
            while said and toks[said[-1]].text in ("and", "or"):
                said.pop()  # "number of claims and total amount": the count ends before the next measure
            if any(toks[i].text in ("and", "or") for i in said[:-1]):  # qualities listed: a split asked for
                yield "counted", said[:-1]
    for t in toks:  # "which agent sold the most upgrades": what the superlative ranks by
        if t.text in RANKING_WORDS and t.text != "top":
            yield "rank", _phrase(toks, t.i + 1, lambda u, n: u.i in groups | aggs or u.text in _PHRASE_END
                                  or not u.text[:1].isalnum())
    for t in toks:  # the subject ends at its verb: "which barista sold the most"
        if t.text in ("which", "what"):
            yield "which", _phrase(toks, t.i + 1, lambda u, n: u.text in _SUBJECT_END or u.i in groups | aggs
                                   or (n > 0 and _verb_like(u.text)))
    for m, _span in links.parsed.text.find(C.INFLUENCE, protect=False):  # "how did the weather affect visits"
        g = 1 if m.start(1) >= 0 else 2
        a, b = links.parsed.text.span(m.start(g), m.end(g))
        yield "cause", list(range(a, b))
    # "total amount by industry": what it is split by, unless an order is said ("sort by"); not
    # "per", often said of the rows themselves under another name ("pages per sesh")
    for t in toks:
        if t.text == "by" and t.i in groups and not (t.i > 0 and toks[t.i - 1].text in _NOT_GROUPING):
            yield "group", _phrase(toks, t.i + 1, lambda u, n: u.i in groups | aggs or u.text in _PHRASE_END
                                   or (n > 0 and _verb_like(u.text)))


def _phrase(toks: list[Tok], start: int, ends: Callable[[Tok, int], bool]) -> list[int]:
    """Token positions from `start` up to the first token that `ends` the phrase (given how many
    tokens the phrase has so far)."""
    out: list[int] = []
    for t in toks[start:]:
        if ends(t, len(out)):
            break
        out.append(t.i)
    return out


_last = threading.local()  # this thread's last question's accounted words: (links, profile, words, linked)


def _accounted(links: Links, profile: dict[str, Any]) -> tuple[set[int], set[int]]:
    """Token positions of the content words, and of those that link or name the data's own words.
    `gaps` and `doubts` both ask, of the same links: read once (the last links asked are kept, by identity)."""
    last = getattr(_last, "seen", None)
    if last is not None and last[0] is links and last[1] is profile:
        return last[2], last[3]
    words, linked = _accounting(links, profile)
    _last.seen = (links, profile, words, linked)
    return words, linked


def _accounting(links: Links, profile: dict[str, Any]) -> tuple[set[int], set[int]]:
    toks = links.parsed.toks
    extra = set(links.period_words) | set(links.corrections.values())
    derived = find_derived(links.parsed, profile)
    if derived is not None:
        extra |= _DERIVED_WORDS  # "profit margin", "return rate": the derived measure accounts for them
    known = _linked_tokens(links) | _cue_tokens(links) | (derived.words if derived is not None else set())
    named = _named(profile)
    words = {t.i for t in toks if not _function_word(t.text, extra) or _counted_command_noun(toks, t.i)
             or _measured_time(toks, t.i, extra)}
    linked = {i for i in words if i in known or named.exact(toks[i].text) or named.loose(toks[i].text)}
    # "closures by month" over closed_at: the word that picked the date column names it
    dated = profile["_by_name"].get(links.parsed.date_column or "")
    if dated is not None:
        linked |= {i for i in words if names_date(toks[i].text, dated)}
    linked |= _units_of_counts(links, profile, words)
    # "return rate" with a Returned column: a rate of a word the data holds, a stop word or not
    linked |= {i for i in words if i > 0 and toks[i].text in RATE_WORDS | SHARE_OF_WORDS
               and (i - 1 in linked or named.exact(toks[i - 1].text) or named.loose(toks[i - 1].text))}
    return words, linked


# Words for what a count of things is counted in ("units picked", "qty ordered", "items shipped").
_COUNT_UNITS = {"unit", "units", "qty", "quantity", "quantities", "item", "items", "piece", "pieces", "pcs"}


def _units_of_counts(links: Links, profile: dict[str, Any], words: set[int]) -> set[int]:
    """"units picked by zone", "avg qty ordered": a word of counted units right before (or after) a linked
    whole-number column that is no money (Picked, Ordered) says what that column counts; it names it."""
    by_name, toks = profile["_by_name"], links.parsed.toks
    counts = {i for c in links.columns for i in range(c.start, c.end)
              if by_name[str(c.target)]["type"] == "integer" and by_name[str(c.target)]["role"] == "measure"
              and not by_name[str(c.target)].get("money")}
    return {i for i in words if toks[i].text in _COUNT_UNITS and (i + 1 in counts or i - 1 in counts)}


def doubts(links: Links, profile: dict[str, Any]) -> tuple[str, ...]:
    """The content words of the question that nothing accounts for, in any slot: a reading that
    leaves one of them out may answer another question ("how many expenses were **rejected**" read
    as all expenses). Left out: verbs of what the table records ("tickets that came in"), unless
    said as a state ("were rejected"), and the comparative of a number's condition ("higher than")."""
    toks = links.parsed.toks
    words, linked = _accounted(links, profile)
    out: list[str] = []
    for i in sorted(words - linked):
        if i + 1 < len(toks) and toks[i + 1].text == "than":
            continue
        if _verb_like(toks[i].text) and not (i > 0 and toks[i - 1].text in _COPULA) and not _gerund_noun(links, i):
            continue
        out.append(toks[i].text)
    return tuple(dict.fromkeys(out))


def gaps(links: Links, profile: dict[str, Any]) -> Coverage:
    """The unlinked content words of the slots that name no linked thing (see the module docstring).
    A head that names nothing found is not declined when a measure is named after an aggregation
    ("for the board deck, **total amount** by team"): it is left to the answer's doubts."""
    toks = links.parsed.toks
    words, linked = _accounted(links, profile)
    content = words - linked
    if ranks_rows(links):  # "the 2 heaviest loads": the noun after the superlative is the rows, whatever it says
        content -= {t.i + 1 for t in toks if t.text in row_superlatives()}
    linked_spans = {i for s in (*links.columns, *links.values, *links.conditions, *links.qualities)
                    for i in range(s.start, s.end)}
    named = linked_spans | linked
    slots = list(_slots(links))
    weak = _weak_links(links)
    measured = any(kind == "agg" and named & set(slot) for kind, slot in slots)
    missing: list[str] = []
    kinds: set[str] = set()
    for kind, slot in slots:
        loose = [toks[i].text for i in slot if i in content]
        nouns = {toks[i].text for i in slot if i in content and (_spend_noun(toks, i, kind) or _gerund_noun(links, i))}
        if kind == "group":  # "top countries by size": by a measure's word is an order, not a group
            loose = [w for w in loose if w not in _DERIVED_WORDS]
        if kind == "head" and measured:
            continue
        said = _head_said(toks, slot, content, _thing_spans(links, profile, kind), named, nouns, weak) \
            if kind in ("head", "agg", "which") and loose else named
        if loose and not said & set(slot) and \
                not all(_verb_like(w) and not _money_noun(kind, w) and w not in nouns for w in loose):
            missing += [w for w in loose if w not in missing]
            kinds.add(kind)
    return Coverage(tuple(missing), frozenset(kinds))


_OF = {"of", "for", "in", "at", "from", "on", "during"}


def _thing_spans(links: Links, profile: dict[str, Any], kind: str) -> set[int]:
    """The linked words that can name the thing a slot asks about: a number's column (or the rows'
    identifier or event date) for what is measured (head, after an aggregation: "customer **satisfaction**" is not
    the Client column), a category's for the subject of "which" ("which sales **rep**" is not the
    sales amount); a value, condition or quality in either."""
    measured = kind != "which"
    # what is measured: a number, or the rows themselves by their identifier ("visit **volume**" counts
    # visits) or by the date of their event ("sign **ups**" over signupDate)
    numeric = {c["name"] for c in profile["columns"]
               if is_numeric(c) or measured and (is_identifier(c) or c.get("role") == "temporal")}
    cols = {i for s in links.columns if (str(s.target) in numeric) == measured for i in range(s.start, s.end)}
    # a value before the last word may be said of the rows under another noun ("travel **claim**",
    # "ftl **loads**"): it names the thing too
    return cols | {i for s in (*links.values, *links.conditions, *links.qualities) for i in range(s.start, s.end)}


def _weak_links(links: Links) -> set[int]:
    """Positions of one-word links to a number column by part of its name, barely ("usage" ~ credits_used,
    "cost" ~ Price ($/lb)): after a word the data lacks ("wifi usage", "seed cost") they do not name what is
    asked. ("townhouse sales" ~ Sale Date: the sales are the rows, a value may say which.)"""
    return {c.start for c in links.columns if c.end - c.start == 1 and "partial" in c.feats and c.score < 0.6
            and "type=numeric" in c.feats}


def _head_said(toks: list[Tok], slot: list[int], content: set[int], linked_spans: set[int],
               named: set[int], nouns: frozenset[str] | set[str] = frozenset(),
               weak: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """What names the thing a head asks about: its last word before "of"/"for"/"in" does ("patient
    satisfaction score" is not Patient Age, a word of the data; in "the occupancy rate of harbor
    view" the value names which rows). Two words the data lacks at its end are the thing, whatever
    names the word before them ("class satisfaction score" is not Class Type)."""
    cut = next((k for k, i in enumerate(slot) if toks[i].text in _OF and any(j in content for j in slot[:k])), None)
    core = slot[:cut] if cut is not None else slot
    # "tax collected" (~ Amount): the tax is the thing; "students participated" (no link) is left to the verb rule
    while len(core) > 1 and core[-1] not in content and _participle_of(toks, core[-1], content):
        core = core[:-1]
    if len(core) >= 2 and core[-1] in weak and core[-2] in content and not _verb_like(toks[core[-2]].text):
        return set()  # "wifi usage per room": the usage of a thing the data lacks, not credits_used
    if core[-1] not in content or _verb_like(toks[core[-1]].text) and toks[core[-1]].text not in nouns:
        # "how many students participated in …" (but "cost of shorts": the noun)
        return named
    if toks[core[-1]].text in ROW_VALUE_WORDS:  # "median deal size": what one row is worth, a measure of the rows
        return named
    return set() if len(core) >= 2 and core[-2] in content else linked_spans & set(core)


def _participle_of(toks: list[Tok], i: int, unlinked: Iterable[int]) -> bool:
    """Token i is a participle right after a word nothing links ("tax **collected**", "fees
    **charged**"): it says how the thing came about; whatever column it links to, it is not the thing."""
    return i > 0 and i - 1 in unlinked and toks[i].text.endswith("ed") and toks[i - 1].text.isalpha() and \
        not _verb_like(toks[i - 1].text)


# Who spends, or the verb's helpers: "how much did we spend", "what do customers spend" say the verb.
_SPENDERS = {"we", "i", "you", "they", "he", "she", "it", "did", "do", "does", "to", "will", "would", "can", "could",
             "should", "who", "people", "customers", "clients", "users", "members"}


def _spend_noun(toks: list[Tok], i: int, kind: str) -> bool:
    """"spend by campaign", "total spend by vendor": "spend" opening a head with no one said to spend it is
    the noun of money the question measures, not the verb of what the table records, as is "cost" before
    "of" or "per"; naming nothing in the data, it is a gap."""
    if kind != "head":
        return False
    if toks[i].text in COST_WORDS and i + 1 < len(toks) and toks[i + 1].text in ("of", "per"):
        return True  # "cost of shorts by sku", "cost per pick": the noun
    return toks[i].text in ("spend", "spending") and (i == 0 or toks[i - 1].text not in _SPENDERS)


_TOTALLED = {"avg", "sum", "mean", "median", "max", "min"}  # aggregations said of an amount, not a count


def _gerund_noun(links: Links, i: int) -> bool:
    """"average **rating** by genre", "total **funding**": a word in -ing right after an aggregation of an amount,
    ending what is measured, is the noun measured, not a verb of what the table records; naming nothing in the
    data, it is a gap."""
    toks = links.parsed.toks
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    # the end of what is measured: "avg listening **time**" measures the time, the -ing word says which
    ends = not nxt or nxt in _PHRASE_END or not nxt[:1].isalnum()
    return ends and toks[i].text.endswith("ing") and any(a.end == i and a.target in _TOTALLED for a in links.aggs)


def _money_noun(kind: str, word: str) -> bool:
    """"average cost per call", "total spend": a word of money after an aggregation is a noun, not the verb."""
    return kind == "agg" and word in COST_WORDS | PAY_WORDS | {"spend", "spending"}


_MEASURE_SLOTS = {"head", "agg", "rank"}  # where a question names what it measures
_THING_SLOTS = {"which", "group"}  # where it names what it compares


def subject_named(plan: Plan, cov: Coverage, links: Links, profile: dict[str, Any]) -> bool:
    """Whether the best reading answers what the question is about despite its gap: for each kind
    of slot the unlinked words are in, the part of the plan that slot names is named by words that
    do link. A gap where the measure is said ("which site costs the most to **run**") is answered
    when the plan measures a linked column, or the quantity its superlative names ("the longest
    stay": a duration); a gap after "by" or "which" when the plan groups by a column named as a
    grouping ("total salary by dept and by **tenure band**").
    "NPS by region" read as a count, "which **courier** …" read as one number, or a gap among the
    qualities of what is counted name nothing the plan holds: declined, as is a gap in what a question
    asks the effect of ("how did the **weather** affect visits")."""
    if not cov.kinds or cov.kinds & {"counted", "cause"}:
        return False
    toks = links.parsed.toks
    missing = {t.i for t in toks if t.text in cov.missing}
    weak = _weak_links(links)  # "wifi usage": a barely linked word after a missing one names nothing
    named = {str(c.target) for c in (*links.columns, *links.groups)
             if not all(_participle_of(toks, i, missing) for i in range(c.start, c.end))
             and not (c.start in weak and c.start - 1 in missing)} | \
        {str(v.target[0]) for v in links.values if isinstance(v.target, tuple)}
    if cov.kinds & _MEASURE_SLOTS:
        kind = kind_tokens(links, profile)
        tokens = {c["name"]: set(c.get("tokens") or ()) for c in profile["columns"]}
        used = {c for m in plan.measures for c in (m.column, m.other, m.condition.column if m.condition else None) if c}
        if not used & named and not any(tokens.get(c, set()) & kind for c in used):
            return False
    if cov.kinds & _THING_SLOTS:  # named as a grouping, not by another word ("which barista **sold** …": sold_at)
        said = {i for kind, slot in _slots(links) if kind in _THING_SLOTS for i in slot}
        stated = {str(g.target) for g in links.groups} | \
            {str(c.target) for c in links.columns if said & set(range(c.start, c.end))}
        grouped = {c for c in (plan.dimension.column if plan.dimension else None, plan.color) if c}
        if not grouped & stated:
            return False
    return True


def missing_phrase(links: Links, cov: Coverage) -> str:
    """The words the data could not match as the user typed them, each run of them ended by a
    generic noun that completes it ("lead time"), runs joined by "and" ("supplier and lead time")."""
    toks = links.parsed.toks
    runs: list[list[int]] = []
    for t in toks:
        if t.text in cov.missing and (not _verb_like(t.text) or _money_noun("agg", t.text)  # "spend" too
                                      or _gerund_noun(links, t.i)):  # "average rating"
            if runs and runs[-1][-1] == t.i - 1:
                runs[-1].append(t.i)
            else:
                runs.append([t.i])
    for run in runs:
        while run[-1] + 1 < len(toks) and toks[run[-1] + 1].text in _TAIL and len(run) < 4:
            run.append(run[-1] + 1)
    return " and ".join(" ".join(toks[i].raw for i in run) for run in runs)
