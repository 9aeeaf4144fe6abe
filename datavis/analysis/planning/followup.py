"""Follow-ups: a message in a chat is read two ways, as an *edit* of the chart on screen and as a
new question, and the readings are ranked.

The edit candidates come from the message's words (planning.edits: a filter added or replaced,
another measure, axis, colour, grain, chart type, order, N...; a column after "by" yields both a
new axis and a colour split). The fresh reading is the planner's answer to the message alone
(planning.choose, taken as a black box: a best plan, and alternatives when it is unsure).

The choice between them is made by a **small hand-written prior** (`PRIOR`), not fitted weights:
nvBench, which the ranker's weights are fitted on, has no follow-ups. Its features say whether the
message reads as an edit: it starts (or ends) with a follow-up cue ("only", "now", "and", "what
about", "split by", "... instead"), it names no measure or dimension of its own, it is short, the
fresh reading is unsure; against: it opens like a whole question ("how many ...", "which ..."),
or names a measure with a dimension or a grain (then it stands on its own). When the message
alone cannot be answered, an edit with some evidence wins; when there is no previous plan or no
edit applies, the fresh reading does; `is_follow_up=True` (forced) makes the best edit win. When
the two best readings are within `CLOSE`, the runner-up is offered as an alternative.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from ..datasets.profile import is_identifier
from ..errors import Unanswerable
from ..language import cues as C
from ..language.names import singular, split_name
from ..language.parsing import Parsed
from ..language.phrasing import DATE_FILLER
from ..language.rownoun import counted_noun
from ..plan import Plan
from .edits import Edit, also_words, candidates, free_mentions, grain_values, is_measure
from .ranker import Ranked

# Hand-written, not fitted (see the module docstring). Scores are in the same units as FRESH.
PRIOR = {
    "cue": 2.0,  # starts with a follow-up cue ("only", "now", "and", "what about", "split by", "top 3")
    "tail_cue": 1.5,  # ends with one ("by quarter instead", "profit too")
    "no_column": 1.5,  # names no column: only values of the data, periods, cues ("in Reno only")
    "short": 0.5,  # at most four words
    "fragment": 1.5,  # opens with a preposition: "per channel", "for web orders", "by store instead"
    "measure_and_dimension": -2.5,  # names a measure and a dimension or a grain: it stands on its own
    "question_start": -1.5,  # opens like a whole question ("how many ...", "which ...", "show ...")
    "fresh_unsure": 0.5,  # the planner offers alternatives for the message alone
    "colour|split_words": 1.0,  # "split by", "broken down by", "and by", "also by", "colour by"
    "colour": -0.5,  # a column after a plain "by" replaces the axis rather than splitting it
    "grain_value|column_named": 1.0,  # "annual billing": the value's column is named with it
    "grain_value": -0.5,  # "annual" alone is rather the grain
    "added|also_words": 1.0,  # "and profit too", "also quantity", "add profit": a second series
    "added": -1.0,  # "and profit?" alone swaps the measure
    "filter lifted": 1.5,  # "for all clubs" names a filter on screen to lift: the words point at the chart
    "total": 1.5,  # "what's the total?" alone: the sum of the chart on screen
    "compared": 2.5,  # "compare with pine lodge": a value set beside the one on screen, not instead of it
    "bare aggregation": 1.5,  # "what's the average?" alone: the measure on screen, aggregated that way
    "series removed": 2.0,  # "remove cancellations": its words name a series on screen and nothing else
    "bare_superlative": 2.5,  # "which rep had the most": the most of what the chart on screen measures
    "orientation": 1.0,  # "make it horizontal": says nothing of the data, only of the chart on screen
}
# what says a message the data cannot answer alone is an edit of the chart on screen; being short
# is not enough ("profit by store" in a table without profit stays unanswerable)
_EDIT_EVIDENCE = {"cue", "tail_cue", "no_column", "fragment"}
FRESH = 1.0  # the fresh reading's score: an edit needs more evidence than that
CLOSE = 1.0  # readings closer than this: the runner-up is offered as an alternative
MAX_WORDS_SHORT = 4

_GRAIN_ADVERB = re.compile(r"^\W*(monthly|weekly|daily|yearly|quarterly|annual|hourly)\b")
_TAIL_CUE = re.compile(r"\b(instead|too|as well|again|then|rather)\W*$")
_QUESTION_START = re.compile(r"^\W*(how (many|much)|what|which|who|whose|where|when|"
                             r"show|list|give|plot|draw|chart|display|compare|tell|find|count|is there|are there|"
                             r"do we|does|did|can you|could you)\b")
# wrapping that says nothing of what is asked: the cues are read on what is left
_POLITE = re.compile(r"^\W*(?:(?:(?:can|could|would|will) you|please|pls|ok(?:ay)?|hmm+|so|well|right|i meant|"
                     r"i mean|let ?s (?:see|look at|do|try)|i (?:want|would like|d like)(?: to see)?|"
                     r"maybe|actually)\b\W*)+")
_TAIL_POLITE = re.compile(r"\W*\b(?:please|pls|thanks|thank you|instead please)\W*$")
# a message that opens with a preposition continues the question on screen ("per channel", "for web orders")
_FRAGMENT = re.compile(r"^\W*(?:by|per|for|across|among|within|without|excluding|except)\b(?! (?:which|what|how)\b)")
# the chart on screen named as the object of a verb ("can you do that by pay method", "show it per store", "do the
# same for 2023", "same thing for Bob"): the message is about that chart, whatever question it opens like
_THAT_CHART = re.compile(r"\b(?:do|redo|show|make|run|plot|chart|draw|repeat|give me|break|split)"
                         r" (?:that|it|this|the same(?: thing| chart)?)(?= (?:by|per|for|in|across|with|without|"
                         r"only|but|down|again|as)\b)|^\W*(?:the )?same (?:thing|chart|again)\b")
# an aggregation asked alone ("what's the average?", "and the max?"): of the measure on screen
_BARE_AGG = re.compile(r"^\W*(?:and |so |ok |okay )?(?:what(?:'s| is| was|s)? )?(?:the )?"
                       r"(?:average|avg|mean|median|max|maximum|min|minimum)\W*$")
# a superlative that ends the message with nothing after it to rank by ("which rep had the most", "who sold the
# least?"): the measure is the one on screen
_BARE_SUPERLATIVE = re.compile(r"\b(?:which|who|what)\b.*\bthe (?:most|least|fewest|highest|lowest|biggest|largest|"
                               r"smallest)\W*$")
_IMPERATIVE = re.compile(r"^\W*(show|list|give|plot|draw|chart|display)\b")
_SPLIT_WORDS = re.compile(r"\b(split|break(?:down)?|broken|colou?r(?:ed)?|stack(?:ed)?|segment(?:ed)?)\b.{0,12}"
                          r"\b(by|per)\b|\b(and|also) by\b|\bby \w+ too\b")


@dataclass
class Reading:
    """The chosen reading of a message: its plan, what changed from the previous plan ([] for a
    new question), and the runner-up readings when the choice was close."""

    plan: Plan
    changes: list[str]
    alternatives: list[Plan] = field(default_factory=list)


def _core(text: str) -> str:
    """The message without its polite or hesitant wrapping ("can you make it monthly please")."""
    return _TAIL_POLITE.sub("", _POLITE.sub("", text))


def message_features(p: Parsed, profile: dict[str, Any], fresh: Ranked | None,
                     axis: frozenset[str] = frozenset(), shown: frozenset[str] = frozenset()) -> list[str]:
    """The features of the prior (PRIOR) that this message has; `axis`: the columns the chart on
    screen is grouped by; `shown`: the columns it measures."""
    by_name = profile["_by_name"]
    # "slowest 3" over a chart of durations: the superlative names the measure on screen, nothing new
    p = _ranking_its_measure(p, shown)
    # "number of SKUs": a column counted right after a count cue is the message's own measure
    counted = [m.column for m in free_mentions(p) if not is_measure(by_name[m.column]) and
               any(a.value in ("count", "count_distinct") and 0 <= m.start - a.end <= 1 for a in p.aggs)]
    free = [by_name[m.column] for m in free_mentions(p) if not is_identifier(by_name[m.column])
            or m.column in counted]
    measures = [c for c in free if is_measure(c) or c["name"] in counted]
    # what the message measures without naming a measure column: the rows ("monthly shipments", "order
    # count") or a measure the fresh reading found by another name ("monthly revenue trend": Total)
    counts_rows = _names_rows(p, profile)
    found = fresh is not None and any(m.column is not None for m in fresh.plan.measures)
    out = []
    text = _core(p.text.s)
    cue = re.search(C.FOLLOWUP + r"(?!\w)", text)  # a whole word: "orders by ..." is not "order"
    # "monthly" alone changes the grain on screen; "monthly shipments" asks a question of its own, and so
    # does "order value distribution" in a table of orders (the rows' noun, not "order by")
    if cue and not (_GRAIN_ADVERB.match(text) and (measures or counts_rows or found)) and \
            not (cue.group(0).strip() in _row_nouns(profile) and not text[cue.end():].lstrip().startswith("by")):
        out.append("cue")
    if "cue" not in out and _THAT_CHART.search(text):
        out.append("cue")
    if _TAIL_CUE.search(text):
        out.append("tail_cue")
    if _FRAGMENT.search(text) and "cue" not in out:
        out.append("fragment")
    # "show the top 2 categories" over a chart by category: the groups on screen, cut to N, name nothing new
    # ("the 2 channels with the most cancellations" names a value to count: a new question, not a cut)
    on_axis = p.limit_numbered and bool(free) and all(c["name"] in axis for c in free) and not p.values
    if on_axis:
        free = measures = []
    if not free_mentions(p) or on_axis:  # a column named next to its value ("spin classes") only filters
        out.append("no_column")
    if len(re.findall(r"[a-z0-9]+", text)) <= MAX_WORDS_SHORT:
        out.append("short")
    if (measures and (len(measures) < len(free) or p.grain or p.trend)) or \
            ((counts_rows or found) and (p.grain or p.trend) and "cue" not in out):
        out.append("measure_and_dimension")
    # "show me the bottom 2", "give me the total": a bare imperative names nothing to answer afresh
    if _QUESTION_START.search(text) and "cue" not in out and not (free == [] and _IMPERATIVE.search(text)):
        out.append("question_start")
    if fresh is not None and fresh.alternatives:
        out.append("fresh_unsure")
    if _BARE_SUPERLATIVE.search(text) and not measures and not counts_rows:
        out.append("bare_superlative")
    return out


def _ranking_its_measure(p: Parsed, shown: frozenset[str]) -> Parsed:
    """`p` without the mentions that are only a superlative of a level or a speed ("slowest", "cheapest")
    linked to a column the chart on screen measures, when a number says how many: they rank that chart."""
    kept = [m for m in p.mentions if not (m.column in shown and p.limit_numbered and
                                          all(C.LEVEL_SUPERLATIVE.fullmatch(t.text) for t in p.toks[m.start:m.end]))]
    return p if len(kept) == len(p.mentions) else dataclasses.replace(p, mentions=kept)


def _row_nouns(profile: dict[str, Any]) -> set[str]:
    """What the rows are called: "shipments" in a table of shipments, "order(s)" with an Order ID,
    "booking(s)" with a Booking Date."""
    noun = counted_noun(profile)
    rows = {noun, singular(noun)} if noun != "rows" else set()
    rows |= {w.lower() for w in split_name(str(profile.get("name") or ""))[-1:] if len(w) >= 4}
    rows |= {words[0].lower() + s for c in profile["columns"] if c["role"] == "temporal"
             and len(words := split_name(c["name"])) == 2 and len(words[0]) >= 4
             and words[1].lower() in DATE_FILLER for s in ("", "s")}  # "Booking Date", "Created At"
    return rows


def _names_rows(p: Parsed, profile: dict[str, Any]) -> bool:
    """The message names what the rows are ("monthly shipments", "weekly booking count")."""
    return bool(_row_nouns(profile) & set(re.findall(r"[a-z]+", p.text.s.lower())))


def edit_score(e: Edit, features: list[str], p: Parsed, profile: dict[str, Any]) -> float:
    score = sum(PRIOR[f] for f in features)
    if any(c in ("colour", "grain+colour") for c in e.changes):
        score += PRIOR["colour|split_words"] if _SPLIT_WORDS.search(p.text.s) else PRIOR["colour"]
    if "measure added" in e.changes:
        score += PRIOR["added|also_words"] if also_words(p) else PRIOR["added"]
    score += sum(PRIOR[c] for c in ("filter lifted", "total", "compared", "series removed", "orientation")
                 if c in e.changes)
    if "aggregation" in e.changes and _BARE_AGG.search(_core(p.text.s)):
        score += PRIOR["bare aggregation"]
    if "grain value" in e.changes:
        named = {m.column for m in p.mentions} & {f.column for f in grain_values(p, profile)}
        score += PRIOR["grain_value|column_named"] if named else PRIOR["grain_value"]
    return score


def rank(p: Parsed, prev: Plan | None, profile: dict[str, Any], forced: bool, fresh: Ranked | Unanswerable) -> Reading:
    """The message read as an edit of `prev` and as a new question (`fresh`: the planner's reading
    of the message alone, or why it has none); the best reading, with the close runners-up."""
    edits: list[Edit] = []
    blocked: Unanswerable | None = None
    if prev is not None:
        try:
            edits = candidates(prev, p, profile)
        except Unanswerable as e:  # an edit the data cannot make ("by month" without a date column)
            blocked = e
    if not edits:
        if isinstance(fresh, Unanswerable):
            raise blocked or fresh
        return Reading(fresh.plan, [], fresh.alternatives)
    ranked_fresh = None if isinstance(fresh, Unanswerable) else fresh
    axis = frozenset(c for c in (prev.dimension.column if prev and prev.dimension else None,
                                 prev.color if prev else None) if c)
    shown = frozenset(m.column for m in prev.measures if m.column) if prev else frozenset()
    feats = message_features(p, profile, ranked_fresh, axis, shown)
    scored = sorted(((edit_score(e, feats, p, profile), e) for e in edits), key=lambda t: -t[0])
    best_score = scored[0][0]
    if isinstance(fresh, Unanswerable) and not forced and (best_score <= 0 or not set(feats) & _EDIT_EVIDENCE):
        raise fresh  # nothing reads it as an edit either ("profit by store" without a profit): say what the data has
    fresh_score = FRESH if ranked_fresh is not None and not forced else -float("inf")
    readings: list[tuple[float, Plan, list[str]]] = [(fresh_score, ranked_fresh.plan, [])] if ranked_fresh else []
    readings += [(s, e.plan, e.changes) for s, e in scored]
    readings.sort(key=lambda t: -t[0])  # stable: a tie goes to the new question
    top_score, plan, changes = readings[0]
    alternatives = _distinct([plan, *(alt for s, alt, _c in readings[1:] if top_score - s < CLOSE)])[1:3]
    if not changes and not alternatives and ranked_fresh is not None:
        alternatives = ranked_fresh.alternatives
    plan.evidence.append(f"follow-up prior: edit {best_score:.1f} ({', '.join(feats) or 'no cue'}) "
                         f"vs new question {fresh_score:.1f}")
    return Reading(plan, changes, alternatives)


def _distinct(plans: list[Plan]) -> list[Plan]:
    """Plans that differ in what they compute or show (an edit may equal the fresh reading)."""
    seen: set[str] = set()
    out = []
    for plan in plans:
        key = plan.model_dump_json(exclude={"assumptions", "evidence"})
        if key not in seen:
            seen.add(key)
            out.append(plan)
    return out
