"""Cue phrases found in a question (regex over the normalised token text), each mapped back
to token positions so the matcher can skip words that were already understood."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from .lexicon import AGG_CUES, CHART_WORDS, GRAIN_WORDS, NUMBER_WORDS, PERIOD_SUPERLATIVES
from .matching import Tok

V = TypeVar("V")


@dataclass
class Cue(Generic[V]):
    kind: str
    value: V  # what the phrase says: a chart or grain name, (N, desc) of a limit, desc of an order
    start: int  # token span
    end: int


@functools.lru_cache(maxsize=1024)  # the readers' patterns, looked up without re's own cache checks
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


class Text:
    """The question as lower-case tokens joined by spaces, with char → token mapping."""

    def __init__(self, toks: list[Tok]):
        self.toks = toks
        parts: list[str] = []
        self.char_tok: list[int] = []
        pos = 0
        for t in toks:
            if parts:
                parts.append(" ")
                self.char_tok.append(t.i)
                pos += 1
            parts.append(t.text)
            self.char_tok.extend([t.i] * len(t.text))
            pos += len(t.text)
        self.s = "".join(parts)
        self.protected = {t.i for t in toks if t.raw.lower() != t.text and re.search(r"[_a-z][A-Z_]|_", t.raw)}

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Token span of the char span [a, b)."""
        if not self.toks:
            return 0, 0
        a = min(a, len(self.char_tok) - 1)
        b = max(a + 1, min(b, len(self.char_tok)))
        return self.char_tok[a], self.char_tok[b - 1] + 1

    def find(self, pattern: str, flags: int = 0,
             protect: bool = True) -> Iterator[tuple[re.Match[str], tuple[int, int]]]:
        """Matches of `pattern` with their token spans; none inside a snake/camel-case name
        ("monthly_rental" is a column, not the grain word "monthly")."""
        for m in _compiled(pattern, flags).finditer(self.s):
            a, b = self.span(m.start(), m.end())
            if protect and self.protected and m.end() > m.start() and not self.protected.isdisjoint(range(a, b)):
                continue
            yield m, (a, b)


_DESC = (r"desc\w*|decreasing|decending|high(?:er)? to low(?:er)?|highest to (?:the )?lowest|largest to smallest|"
         r"biggest to smallest|most to least|z to a|reverse alphabetical(?:ly)?|descennding|big to small|"
         r"greatest to least|max to min|newest first|latest first|largest first|biggest first|highest first")
_ASC = (r"asc\w*|increasing|low(?:er)? to high(?:er)?|lowest to (?:the )?highest|smallest to largest|least to most|"
        r"a to z|alphabetical(?:ly)?|alphabetic|small to big|min to max|oldest first|earliest first|"
        r"smallest first|lowest first|chronological(?:ly)?")

_CLAUSE_STARTS = ("i", "could", "please", "sort", "order", "list", "rank", "display", "show")  # "…, and sort …"


def find_order(text: Text) -> tuple[Cue[bool | None] | None, tuple[int, int] | None, str | None]:
    """(order cue with value desc: bool, token span of the whole order clause, target words)."""
    found = None
    for m, (a, b) in text.find(rf"\b({_DESC}|{_ASC})\b"):
        desc: bool | None = bool(re.fullmatch(_DESC, m.group(1)))
        found = (m, a, b, desc)
    if found is None:
        # "avg quantity per order by category": "order" after per / each / an is the noun
        # and so is "order" after a superlative or "single" ("the largest order by vendor", "biggest single order
        # per store"): one order per group, not a sort
        m2 = next((f for f in text.find(r"\b(?<!per )(?<!each )(?<!every )(?<!an )(?<!one )(sort|order|rank)(?:ed)? "
                                        r"(?:it |them |the \w+ )?(?:by|on) ") if not _order_noun(text, f[1][0])), None)
        if m2 is None:
            return None, None, None
        m, (a, b) = m2
        desc = None
        found = (m, a, b, desc)
    m, a, b, desc = found
    head = _clause_start(text, a)  # the words before the direction, read for a target only when the words after
    start, end = _own_start(text, a, head), b  # name none; the clause itself starts at its verb
    toks = text.toks
    tail = None  # set when the clause is a tail "in descending order of …" after the question's own words
    if end + 1 < len(toks) and toks[end].text == "order" and toks[end + 1].text in ("of", "by"):
        end += 1  # "in descending order of height": the target follows
        pre = a - 2 if a > 1 and toks[a - 1].text == "the" else a - 1  # "in (the) descending order of"
        if pre >= 0 and toks[pre].text == "in":
            start = tail = pre  # "list height and weight in descending order of …" names the columns before it
    if end < len(toks) and toks[end].text in ("by", "on", "of"):
        k = end + 1
        while k < len(toks) and k < end + 7 and toks[k].text not in (",", ".", "?", "and", "for", "in", "where",
                                                                     "with", "only", "by"):
            k += 1
        end = k
    while end < len(toks) and toks[end].text in (
            "order", "please", "sorting", "orders", "by", "the", "of", "y", "x", "axis", "bars", "bar", "values",
            "value", "?", "."):
        end += 1
    clause = " ".join(t.text for t in toks[start:end])
    if head < start and start == tail and order_target(clause) is None:  # "sort the bars in ascending order of date"
        clause = " ".join(t.text for t in toks[head:end])
    return Cue("order", desc, a, b), (start, end), clause


# a superlative of size, level or moment ("west" or "interest" before "order by" stays a sort)
_NOUN_BEFORE_ORDER = re.compile(r"largest|biggest|smallest|highest|lowest|greatest|latest|earliest|newest|oldest|"
                                r"longest|shortest|cheapest|priciest|costliest|heaviest|lightest|"
                                r"single|average|avg|typical|mean|median")


def _order_noun(text: Text, a: int) -> bool:
    """"order" at token `a` is the rows' noun: a superlative or "single" stands before it."""
    return text.toks[a].text == "order" and a > 0 and bool(_NOUN_BEFORE_ORDER.fullmatch(text.toks[a - 1].text))


# Verbs of sorting; "order" and "rank" are nouns too ("order value", "each rank"), verbs before these words
_SORT_VERBS = {"sort", "sorted", "sorting", "ordered", "ranked", "arrange", "arranged"}
_NOUN_OR_SORT_VERB = {"order", "rank"}
_AFTER_SORT_VERB = {"by", "on", "in", "from", "the", "it", "them"}
# what "rank the … by" sorts when it is no column's thing ("sort the bars by value")
_CHART_NOUNS = {"bars", "bar", "values", "value", "results", "result", "data", "chart", "list", "table", "rows",
                "columns", "x", "y", "axis", "names", "labels", "categories", "numbers", "totals"}


def _sort_verb(text: Text, k: int) -> bool:
    """Whether token `k` is a verb of sorting ("sorted", "rank the …", "order by"), not the noun "order"."""
    t = text.toks[k].text
    after = text.toks[k + 1].text if k + 1 < len(text.toks) else ""
    return t in _SORT_VERBS or t in _NOUN_OR_SORT_VERB and after in _AFTER_SORT_VERB


def _own_start(text: Text, a: int, head: int) -> int:
    """Where an order clause's own words start, so the words before it stay the question's: at its sort
    verb ("total amount by region sorted by amount"), past the things ranked ("rank the branches by revenue":
    branches are the groups, revenue the order), or at the direction said alone after the question ("amount
    by region in descending order"); else `head`, the start of its sentence part (nvBench's "…, and could you
    display Y in desc order")."""
    toks = text.toks
    for k in range(a, head - 1, -1):
        if not _sort_verb(text, k):
            continue
        if k + 3 < len(toks) and toks[k + 1].text == "the" and toks[k + 3].text in ("by", "on") \
                and toks[k + 2].text not in _CHART_NOUNS:
            return k + 3  # "rank the branches by revenue": "the branches" is no part of the order
        return k
    if any(toks[k].text in _CLAUSE_STARTS for k in range(head, a)) or not any(
            toks[k].text == "by" for k in range(head, a)):
        return head  # a verb of showing before the direction, or no grouping said before it
    return a - 1 if a > head and toks[a - 1].text == "in" else a  # "… by region (in) descending (order)"


def _clause_start(text: Text, a: int) -> int:
    """The order clause holding the direction word at `a` starts at the sort verb before it, or at the comma
    or the start of the sentence part ("…, and I want to sort the bars by the total in descending")."""
    start = a
    for k in range(a - 1, max(-1, a - 14), -1):
        t = text.toks[k].text
        if t in (",", ".", "?") or (t == "and" and k < a - 1 and text.toks[k + 1].text in _CLAUSE_STARTS):
            break
        start = k
    return start


def order_target(clause: str) -> str | None:
    """'x' (dimension), 'y' (measure) or None from the words of an order clause."""
    if re.search(r"\b(x|x axis|x-axis|xaxis)\b", clause):
        return "x"
    if re.search(r"\b(y|y axis|y-axis|yaxis)\b", clause):
        return "y"
    if re.search(r"\b(bars?|names?|labels?|alphabetical\w*|a to z|z to a|categor\w+|chronological\w*)\b", clause):
        return "x"
    if re.search(r"\b(total|number|count|how many|amount|values?|sum|average|size|sizes|frequency|counts|"
                 r"descennding count|percentage|proportion|largest|biggest|most)\b", clause):
        return "y"
    return None


# "at least 4", "at most 3" compare (parsing._COMPARATORS): their superlative is no ranking, minimum or top N
NOT_AT_BOUND = r"(?<!\bat )"
_SUPERLATIVES = "most|highest|largest|biggest|best|greatest|top|lowest|least|fewest|smallest|worst|strongest|weakest"
# superlatives of a level or a speed rank one group as well after "which X has/pays …" ("which supplier has the
# longest lead time", "which region pays fastest")
_LEVEL_SUPERLATIVES = "longest|shortest|fastest|quickest|slowest|cheapest|priciest|costliest|heaviest|lightest"
LEVEL_SUPERLATIVE = re.compile(_LEVEL_SUPERLATIVES)
# superlatives of a kind or a moment after a count ("the 4 bulkiest shipments", "the 10 most recent calls")
_KIND_SUPERLATIVES = "oldest|youngest|bulkiest|newest|latest|earliest|most\\s+recent"
_LOW_WORDS = {"lowest", "least", "fewest", "smallest", "worst", "shortest", "fastest", "quickest", "cheapest",
              "lightest", "quietest", "weakest"}
_SPEED = re.compile(r"^\s*(?:average\s+|avg\s+|top\s+|mean\s+)*(?:speed|velocity|pace|mph|km\s*/?\s*h)\b")


def _ranks_high(superlative: str, after: str) -> bool:
    """Whether a superlative ranks the highest first: "fastest" asks for the least time ("pays fastest"),
    but for the most of a speed ("the fastest top speed")."""
    if superlative in ("fastest", "quickest", "slowest") and _SPEED.match(after):
        return superlative != "slowest"
    return superlative not in _LOW_WORDS


# every word that ranks, for reading a follow-up's direction ("and the worst?", "and the quickest?")
_RANKING = re.compile(rf"{NOT_AT_BOUND}\b({_SUPERLATIVES}|{_LEVEL_SUPERLATIVES}|bottom|weakest|poorest|strongest)\b")


def rank_directions(text: str, measure: str = "") -> set[bool]:
    """Whether each superlative of a message ranks the highest first: {False} for "and the worst?",
    "and the quickest?" (the least time) or "and the shortest?", {True} for "and the longest?", both
    when the message says both, none without one. `measure`: the name of the measure ranked, for
    "fastest" said of a speed."""
    return {word not in ("bottom", "weakest", "poorest") and _ranks_high(word, measure or text[m.end():])
            for m in _RANKING.finditer(text) for word in [m.group(1)]}


# verbs of one subject: "which store has / sold / brings the most"; "which stores have" keeps all of them
_ONE_VERBS = ("has|had|is|was|does|did|gets|got|brings|brought|makes|made|earns|earned|sells|sold|generates|"
              "generated|spends|spent|takes|took|receives|received|wins|won|pays|paid|owes|owed|costs|sees|saw|"
              "handles|handled|closes|closed|drives|drove|produces|produced|contributes|contributed|"
              # any past tense: "which campaign raised the least", "which donor gave the most"
              "gave|grew|rose|fell|drew|sent|lost|held|bought|kept|[a-z]{3,}ed|"
              # any present tense of one subject: "which branch rents out the most suvs" (a plural subject skips)
              "[a-z]{3,}[^s]s")
_PRESENT_ONE = {"has", "is", "was", "does", "gets", "brings", "makes", "earns", "sells", "generates", "spends", "takes",
                "receives", "wins", "pays", "owes", "costs", "sees", "handles", "closes", "drives", "produces",
                "contributes"}  # the verbs above that a plural subject cannot take


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def find_limit(text: Text) -> tuple[Cue[tuple[int, bool]] | None, bool]:
    """Top/bottom N ("top 5", "5 largest", "bottom three", "the top countries"), and whether the words said N."""
    said = _numbered_limit(text)
    if said is not None:
        return said, True
    one = _one_group_limit(text)
    if one is not None:
        return one, False
    for m, (a, b) in text.find(r"\b(the )?(top|bottom)\b(?! of)"):
        return Cue("limit", (10, m.group(2) == "top"), a, b), False
    return None, False


_AFTER_A_LIMIT = {"by", "in", "for", "of", "on", "per", "with", "and", "from", "at", "this", "last", "overall"}


def _numbered_limit(text: Text) -> Cue[tuple[int, bool]] | None:
    """A limit whose number is said: "top 5", "5 largest", "the 3 longest calls", "which 3 stores sold the most"."""
    nums = "|".join(k for k in NUMBER_WORDS if " " not in k)
    # also "top3", "top-3", and a compound before its number ("best-selling 5 products", "lowest-rated 3 hotels")
    for m, (a, b) in text.find(rf"{NOT_AT_BOUND}\b(top|bottom|first|best|worst|highest|lowest|largest|smallest|biggest|"
                               rf"leading|least|most)([\s-](?:[a-z]{{3,}}(?:ing|ed)|paid|sold))?(?:\s+|\s*-\s*|(?=\d))"
                               rf"(\d+|{nums})\b"):
        n = int(m.group(3)) if m.group(3).isdigit() else NUMBER_WORDS[m.group(3)]
        desc = m.group(1) not in ("bottom", "worst", "lowest", "smallest", "least")
        if m.group(2):  # the compound's verb still names the measure ("selling": units sold)
            a, b = text.span(m.start(3), m.end(3))
        return Cue("limit", (n, desc), a, b)
    for m, (a, b) in text.find(
            rf"\b(\d+|{nums})\s+(highest|lowest|largest|smallest|biggest|best|worst|top|most|least|busiest|quietest|"
            rf"strongest|weakest)\b"):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        desc = m.group(2) not in _LOW_WORDS
        return Cue("limit", (n, desc), a, b)
    # "the 3 longest calls", "the two quickest shipments": the number only; the superlative still names the
    # quantity that ranks (a duration, a weight, a price)
    for m, _span in text.find(rf"\b(\d+|{nums})\s+(?:most\s+expensive|{_LEVEL_SUPERLATIVES}|{_KIND_SUPERLATIVES})\b"):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        a, b = text.span(m.start(1), m.end(1))
        return Cue("limit", (n, m.group(0).split()[-1] not in _LOW_WORDS | {"youngest", "earliest"}), a, b)
    # "slowest 3", "the cheapest 5 vendors": the number after a superlative of a level or a speed; the
    # superlative still names the quantity that ranks, as above
    for m, _span in text.find(rf"{NOT_AT_BOUND}\b({_LEVEL_SUPERLATIVES})\s+(\d{{1,2}}|{nums})\b"
                              r"(?!\s*(?:%|percent|x\b))"):
        after = re.match(r"\s+([a-z]+)", text.s[m.end():])
        if after is not None and not after.group(1).endswith("s") and after.group(1) not in _AFTER_A_LIMIT:
            continue  # "the cheapest 2 bedroom home": the number is the bedrooms', a unit's noun after it
        n = int(m.group(2)) if m.group(2).isdigit() else NUMBER_WORDS[m.group(2)]
        a, b = text.span(m.start(2), m.end(2))
        return Cue("limit", (n, _ranks_high(m.group(1), text.s[m.end():])), a, b)
    # "which 3 stores sold the most units", "3 campaigns with the best roas": the number, then the
    # superlative a few words on
    for m, _span in text.find(rf"(?:^|\b(?:which|what|the|our|my)\s+)(\d{{1,2}}|{nums})\s+"
                              rf"(?:[a-z]+\s+){{1,4}}?(?:the\s+)?"
                              rf"(most|highest|largest|biggest|best|top|lowest|least|fewest|smallest|worst|"
                              rf"{_LEVEL_SUPERLATIVES})\b"):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        a, b = text.span(m.start(1), m.end(1))
        return Cue("limit", (n, m.group(2) not in _LOW_WORDS), a, b)
    return None


def _one_group_limit(text: Text) -> Cue[tuple[int, bool]] | None:
    """One group said by a singular subject and a superlative ("which department has the highest …", "the agent
    with the lowest …", "who answers quickest"); the cue spends no word."""
    # "which department has the highest average salary": one group, the best (a plural "which X have" lists them)
    # (the group may be a column's several-word name, "which payment method brought in the most")
    # (a participle may follow the verb: "which branch is rated lowest")
    for m, _span in text.find(rf"\b(?:which|what)\s+((?:[a-z]+\s+){{1,3}}?)({_ONE_VERBS})\s+(?:[a-z]{{3,}}ed\s+)?"
                              rf"(?:(?:in|up|out)\s+)?(?:the\s+)?({_SUPERLATIVES}|{_LEVEL_SUPERLATIVES})\b",
                              protect=False):
        subject = m.group(1).split()[-1]
        if m.group(2) not in _PRESENT_ONE and subject.endswith("s") and not subject.endswith("ss"):
            continue  # "which products sold the most": a past tense says nothing of number; the plural lists them
        a, _b = text.span(m.start(3), m.end(3))  # spends no word: the group and the superlative's measure stay
        if a in text.protected:
            continue
        return Cue("limit", (1, _ranks_high(m.group(3), text.s[m.end(3):])), a, a)
    # "which category do we spend the most on", "which vendor did we pay the most": a question asked with "do" keeps
    # the verb's base form; a singular group is one (a plural lists them)
    for m, _span in text.find(rf"\b(?:which|what)\s+((?:[a-z]+\s+){{1,3}}?)(?:do|did|does)\s+(?:we|you|they|i)\s+"
                              rf"[a-z]{{3,}}\s+(?:(?:in|up|out|on)\s+)?(?:the\s+)?({_SUPERLATIVES})\b", protect=False):
        a, _b = text.span(m.start(2), m.end(2))
        if _plural(m.group(1).split()[-1]) or a in text.protected:
            continue
        return Cue("limit", (1, _ranks_high(m.group(2), text.s[m.end(2):])), a, a)
    # "which carrier delivers quickest", "which agent answers fastest": any verb of one subject before a speed
    # ("which carriers deliver fastest" lists them all)
    # (or a length: "which team keeps people waiting longest")
    for m, _span in text.find(r"\b(?:which|what)\s+((?:[a-z]+\s+){1,4}?)(?:the\s+)?"
                              r"(fastest|quickest|slowest|soonest|longest|shortest)\b", protect=False):
        words = m.group(1).split()
        if _plural(words[0]) and not (len(words) > 1 and _plural(words[-1])):
            continue
        a, _b = text.span(m.start(2), m.end(2))
        return Cue("limit", (1, m.group(2) != "soonest" and _ranks_high(m.group(2), text.s[m.end(2):])), a, a)
    # "the agent with the lowest satisfaction", "the store having the most returns": one group (a plural lists them)
    for m, _span in text.find(rf"\bthe\s+([a-z]+)\s+(?:with|having|that\s+has|that\s+had)\s+the\s+"
                              rf"({_SUPERLATIVES}|{_LEVEL_SUPERLATIVES})\b", protect=False):
        if _plural(m.group(1)) or m.group(2) in ("largest", "biggest", "smallest"):
            continue  # "the customer with the biggest order" may be one row: read as before
        a, _b = text.span(m.start(2), m.end(2))
        if a in text.protected:
            continue
        return Cue("limit", (1, _ranks_high(m.group(2), text.s[m.end(2):])), a, a)
    # "who was hired most recently", "which customer ordered latest": the one row (or group) of the latest date
    for m, _span in text.find(r"\b(?:who|whom|which\s+[a-z]+)\s+(?:[a-z]+\s+){1,3}?(most\s+recently|latest)\s*[?.]?$",
                              protect=False):
        a, _b = text.span(m.start(1), m.start(1) + 1)
        return Cue("limit", (1, True), a, a)
    # "who answers quickest": one person
    for m, _span in text.find(r"\bwho\s+(?:[a-z]+\s+){1,3}?(?:the\s+)?(fastest|quickest|slowest|longest|shortest)\b",
                              protect=False):
        a, _b = text.span(m.start(1), m.end(1))
        return Cue("limit", (1, _ranks_high(m.group(1), text.s[m.end(1):])), a, a)
    return None


_CHART_ORDER = sorted(CHART_WORDS.items(), key=lambda kv: -len(kv[0]))


def find_chart(text: Text) -> Cue[str] | None:
    best: Cue[str] | None = None
    for word, chart in _CHART_ORDER:
        if word not in text.s:
            continue
        # words that are often column names count as chart words only as "line chart" / "as a line"
        ambiguous = word in ("line", "lines", "area", "point", "points", "dot", "table", "kpi", "bars")
        pat = rf"\b{re.escape(word)}\b"
        if ambiguous:
            w = re.escape(word)
            pat = (rf"\b{w}\b(?= (?:chart|graph|plot|diagram|card))"
                   rf"|(?:(?<=\bas a )|(?<=\bas an )|(?<=\bas )|(?<=\bstacked )){w}\b(?! of)")
        for _m, (a, b) in text.find(pat):
            # "a stacked area": the chart the modifier describes, before "stacked" (a bar) itself
            after_stacked = _m.start() > 0 and text.s[:_m.start()].endswith("stacked ")
            if best is None or a < best.start or after_stacked and a - 1 <= best.start:
                best = Cue("chart", chart, a - 1 if after_stacked else a, b)
            break
    for m, (a, b) in text.find(r"\b(stacked|stack|grouped|group(?:ing)?|side by side|clustered|multi|multiple)"
                               r"(?= (bar|line|column|scatter|chart|lines|bars))"):
        return Cue("chart_mod", m.group(1), a, b) if best is None else Cue("chart", best.value, min(a, best.start),
                                                                           max(b, best.end))
    return best


def chart_modifier(text: Text) -> str | None:
    m = re.search(r"\b(stacked|grouped|group|grouping|side by side|clustered|normali[sz]ed|100%)\b", text.s)
    return m.group(1) if m else None


# Patterns built once, longest phrase first; a phrase that is not a substring of the question is
# skipped before any regex runs (most are: this was most of the parser's time).
_GRAIN_PATTERNS = [(word, grain, rf"\b{re.escape(word)}\b")
                   for word, grain in sorted(GRAIN_WORDS.items(), key=lambda kv: -len(kv[0]))]
_AGG_PATTERNS = [(phrase, agg, rf"(?<![\w-]){NOT_AT_BOUND}{re.escape(phrase)}(?![\w-])")
                 for phrase, agg in sorted(((p, agg) for agg, ps in AGG_CUES.items() for p in ps),
                                           key=lambda x: -len(x[0]))]


# "busiest day", "3 busiest days", "busiest 3 months": a number of periods is said with the plural
_PERIOD_RANK = (rf"\b(?:(\d+)\s+)?({'|'.join(PERIOD_SUPERLATIVES)})\s+(?:(\d+)\s+)?"
                r"(?:(hour|day|weekday|week|month|quarter|year)|(hour|day|weekday|week|month|quarter|year)s)\b"
                r"(?:\s+of\s+(?:the\s+)?(day|week|year))?")
PERIOD_OF = {("hour", "day"): "hour_of_day", ("day", "week"): "weekday", ("month", "year"): "month_of_year"}


def find_ranked_period(text: Text) -> Cue[tuple[str, bool, int]] | None:
    """"the busiest hour of the day", "best month for conversions", "worst day of the week", "the 3 busiest
    days": the periods ranked first (or last), as their grain, whether the top is asked and how many (one
    when said in the singular); spans the unit words. A plural with no number ranks no given number: None."""
    for m, (a, b) in text.find(_PERIOD_RANK):
        count = m.group(1) or m.group(3)
        if m.group(5) is not None and count is None or m.group(4) is not None and count not in (None, "1"):
            continue
        unit = m.group(4) or m.group(5)
        grain = PERIOD_OF.get((unit, m.group(6) or ""), unit)
        return Cue("period_rank", (grain, PERIOD_SUPERLATIVES[m.group(2)], int(count or 1)), a, b)
    return None


def find_grain(text: Text) -> Cue[str] | None:
    for word, grain, pattern in _GRAIN_PATTERNS:
        if word not in text.s:
            continue
        for _m, (a, b) in text.find(pattern):
            return Cue("grain", grain, a, b)
    for m, (a, b) in text.find(r"\bbin(?:s|ned|ning)? .{0,40}?\b(?:into|by) (?:the |a )?"
                               r"(weekday|week|month|year|quarter|day|hour)s?\b"):
        g = {"weekday": "weekday", "week": "week", "month": "month", "year": "year", "quarter": "quarter",
             "day": "day", "hour": "hour"}[m.group(1)]
        return Cue("grain", g, a, b)
    return None


_SECOND_GRAIN = re.compile(r"\b(?:by|per|for each|across|in each)\b(?: [\w-]+){1,3}? (?:and|&|,|then)(?: by| per)?"
                           r"(?: the)? (year|quarter|month|week|day)s?\b|\b(?:broken down|split|segmented) by"
                           r"(?: the)? (year|quarter|month|week|day)\b")


def find_second_grain(text: Text) -> Cue[str] | None:
    """A date part as a second grouping: "spend by channel and month", "stock by site broken down by year"."""
    for m, (_a, b) in text.find(_SECOND_GRAIN.pattern):
        word = m.group(1) or m.group(2)
        return Cue("grain", word, b - 1, b)
    return None


def find_aggs(text: Text) -> list[Cue[str]]:
    out: list[Cue[str]] = []
    taken: set[int] = set()
    for phrase, agg, pattern in _AGG_PATTERNS:
        if phrase not in text.s:
            continue
        for _m, (a, b) in text.find(pattern):
            if any(k in taken for k in range(a, b)):
                continue
            out.append(Cue("agg", agg, a, b))
            taken.update(range(a, b))
    return sorted(out, key=lambda c: c.start)


GROUP_CUE = (r"\b(?:grouped by|group(?:ed)? by attribute|group by|grouping by|broken down by|break(?:down)? by|"
             r"split by|segmented by|for each|for every|in each|of each|from each|by each|per|by|each|every|"
             r"across|among|for different|of different|in different|over|versus|vs|against|according to|"
             r"colou?red by|stacked by|with respect to|within each)\b")
COLOR_CUE = r"\b(colou?red by|stacked by|split by|broken down by|break(?:down)? by|segmented by|" \
            r"group(?:ed)? by attribute|grouping by|grouped by|group by|and by|also by|by \w+ and)\b"


def find_groups(text: Text) -> list[Cue[str]]:
    return [Cue("group", m.group(0), a, b) for m, (a, b) in text.find(GROUP_CUE)]


def has(text: Text, pattern: str) -> bool:
    return re.search(pattern, text.s) is not None


TREND = r"\b(trend|trends|tendency|over time|through time|evolution|evolve[sd]?|growth|grow|grew|change[sd]? over|" \
        r"progress|history|historical|timeline|time series|over the (?:years|months|weeks|days|quarters)|" \
        r"year over year|month over month|development|going up|going down|trending|growing|shrinking)\b"
SHARE = r"\b(proportion|proportions|share|shares|percentage of|percent of|% of|fraction|portion of|breakdown|" \
        r"composition|make up|makes up|contribution|contribute|mix|split of|part of the total|of the total|of total|" \
        r"ratio of)\b"
_CORREL_WORDS = r"correlat\w*|relationship|relation|related to|associat\w+|depend\w*|affect\w*|impact of|scatter"
CORREL_NAMED = rf"\b({_CORREL_WORDS})\b"  # a relation named, not only "A vs B"
CORREL = rf"\b({_CORREL_WORDS}|vs\.?|versus|against)\b"
# "range of X" / "X range by G" asks how X spreads (not "in the range 10 to 20", "a date range"); "how
# variable is X", "how much does X vary"; "how many orders fall in each price band" counts rows per bin of a number
# ("each order value band": the number may be named in several words)
BINS = r"\b(?:each|per) (?:[a-z]+ ){1,3}?(?:bands?|buckets?|bins?|brackets?|ranges?)\b"  # "each price band"
# (a "budget variance", "variance to plan" is a difference: planning/measures.py, lexicon.OVER_PLAN_WORDS)
DISTRIB = r"\b(distribution|distributed|spread|histogram|range of values|dispersion|variation|" \
          r"(?<!budget )(?<!plan )(?<!forecast )(?<!target )(?<!estimate )variance(?! to )(?! vs )|" \
          r"outliers?|" \
          r"skew\w*|box ?plot|variability|(?<=how )variable|var(?:y|ies)|quartiles|iqr|interquartile|" \
          r"(?<!date )(?<!a )range(?= of [a-z]| by | per | across | for each |\s*$))\b|" + BINS
# Questions no table of past rows answers: what comes next ("forecast sales next quarter", "predicted
# visits"), and why something happened ("why did sales drop", "what caused the dip")
FORECAST = r"\b(forecast\w*|predict\w*|projections?|projected|extrapolat\w+|next (?:\d+ |few |couple of )?" \
           r"(?:days?|weeks?|months?|quarters?|years?|yr|qtr|fy)|(?:the )?coming (?:weeks?|months?|quarters?|years?))\b"
CAUSE = r"^\s*(?:(?:but|so|and|ok|hmm),? )?why\b|" \
        r"\bwhat (?:caused|causes|drove|drives|is driving|was behind|is behind)\b|" \
        r"\b(?:the )?reasons? (?:for|why|behind)\b"
# "how did the weather affect visits", "impact of rain on sales", "does X influence Y": X is what the
# question asks about (group 1 or 2)
INFLUENCE = r"\b(?:how )?(?:does|did|do|has|have|will|can)? ?(?:the )?([a-z][\w ]{0,40}?) (?:affect|affects|affected|" \
            r"impact|impacts|impacted|influence|influences|influenced|drive|drives|drove) (?!of\b)|" \
            r"\b(?:impact|effect|influence|affect) of (?:the )?([a-z][\w ]{0,40}?) on\b"
RESET = r"^\s*(start over|reset|new question|forget (that|it|this|everything)|clear|start again|from scratch)\b"
FOLLOWUP = (r"^\s*(now|what about|how about|and (what|how|by|for|only|just)|only|just|exclude|excluding|without|"
            r"instead|as a|as an|make it|show (it|that|this|them) as|change (it|that|the chart)|switch|"
            r"split (it |that |this )?by|break (it |that |this )?down|also|same|but|filter|top \d+|bottom \d+|"
            r"sort|order|drill|zoom|limit|remove|drop|add|include|compare (it|that)|what if|then|ok|okay|"
            r"and\b|in \d{4}|for \d{4}|only for|by (month|week|day|year|quarter)|monthly|weekly|daily|yearly|"
            r"quarterly|as (a )?(bar|line|pie|area|scatter|table|donut)|(bar|line|pie|area|scatter|donut) chart\??$)")
