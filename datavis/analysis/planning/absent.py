"""Values a question names that the data does not hold, declined with what it holds instead of being
dropped silently (an answer about every club would read as the Boston club's):

    absent_value(links, profile) -> str | None     (the decline's message, or None)

Two shapes, each read from the content words nothing links (planning.coverage's doubts):
- a word right before a category column's name, after "the"/"at"/"in"/…: "check-ins at the **boston**
  club", "loans at the **riverside** branch" name a value of Club or Branch that is not there;
- the one or two words between "did"/"does" and the closing verb of a count: "how many jobs did **kevin**
  do", "how many classes did **jessica** teach" name who did it, and no column holds them;
- one word after "for"/"in"/"at"/"from" that ends the question or comes before "by", "and", "per": "avg
  hours for **kevin**", "total invoice in **seattle** by job type" name which rows, and none are.
A word that links (a value, a column, a lexicon meaning), a cue, a filler word, a superlative ("our **fastest**
picker") or a plural (the rows under another noun: "percentage of **receipts** approved") is no such value.
"""
from __future__ import annotations

from typing import Any

from ..language.lexicon import PEOPLE_ROLES, RANKING_WORDS, TIME_UNIT_WORDS
from ..language.linking import Links
from ..language.names import singular
from .coverage import doubts

# What comes before a value said with its column's name ("at the boston club", "for riverside branch").
_BEFORE_VALUE = {"the", "at", "in", "for", "from", "of", "on", "our"}
_DID = {"did", "does"}
_MAX_VALUES = 8  # values listed in the decline


def absent_value(links: Links, profile: dict[str, Any]) -> str | None:
    """The decline of a question naming a value no column holds (see the module docstring), or None."""
    unlinked = set(doubts(links, profile))
    if not unlinked:
        return None
    found = _before_column(links, profile, unlinked)
    if found is not None:
        word, col = found
        shown = ", ".join(str(v[0]) for v in (col.get("values") or [])[:_MAX_VALUES])
        return f"I could not find “{word}” in {col['name']}" + (f" (its values are {shown})" if shown else "") + "."
    who = _did_subject(links, unlinked) or _filter_word(links, unlinked)
    if who is not None:
        return f"I could not find “{who}” in this dataset."
    return None


_FILTER_PREP = {"for", "in", "at", "from"}
# What may follow a filter's word: the end, a grouping, another part of the question.
_AFTER_FILTER = {"", "by", ",", "?", "and", "per"}
# Words said after a preposition that name no rows: idioms ("paid in full", "in summary", "for reference"),
# currencies and units ("in usd", "in euro", "in percent"), determiners ("for the entire club").
_NO_VALUE = {"full", "summary", "reference", "advance", "person", "general", "particular", "detail", "total",
             "short", "brief", "practice", "fact", "turn", "order", "percent", "percentage", "usd", "eur", "euro",
             "gbp", "cad", "aud", "dollar", "pound", "cent", "thousand", "million", "entire", "whole", "same", "other",
             "every", "each", "main", "overall", "all", "average", "now", "today", "cash", "kind", "terms", "common"}


def _filter_word(links: Links, unlinked: set[str]) -> str | None:
    """"avg hours for kevin": one unlinked word (no plural: "in dollars", "for members") after a preposition,
    ending the phrase, names which rows; none are."""
    toks = links.parsed.toks
    for k, t in enumerate(toks[:-1]):
        word = toks[k + 1].text
        after = toks[k + 2].text if k + 2 < len(toks) else ""
        if t.text in _FILTER_PREP and word in unlinked and word.isalpha() and word == singular(word) and \
                after in _AFTER_FILTER and not _superlative(word) and word not in TIME_UNIT_WORDS and \
                word not in _NO_VALUE:
            return toks[k + 1].raw
    return None


def _before_column(links: Links, profile: dict[str, Any], unlinked: set[str]) -> tuple[str, dict[str, Any]] | None:
    """"at the boston club": an unlinked word between "the"/"at"/… and the exact name of a category column."""
    toks = links.parsed.toks
    by_name = profile["_by_name"]
    for c in links.columns:
        col = by_name.get(str(c.target))
        if col is None or c.end - c.start != 1 or "exact" not in c.feats or col.get("type") != "text" or \
                col.get("role") != "dimension" or not col.get("values") or toks[c.start].text.endswith("ed"):
            continue  # a category named by a noun: not a flag said by its participle ("receipts approved")
        i = c.start - 1
        word = toks[i].text if i >= 1 else ""
        # one thing named (a plural is the rows under another noun: "percentage of receipts approved")
        if word in unlinked and word.isalpha() and word == singular(word) and toks[i - 1].text in _BEFORE_VALUE \
                and not _superlative(word) and word not in _NO_VALUE:
            return toks[i].raw, col
    return None


def _superlative(word: str) -> bool:
    """"our fastest picker", "the best rep": an order asked of the column's values, not one of them."""
    return word in RANKING_WORDS or word.endswith("est") and len(word) >= 5


def _did_subject(links: Links, unlinked: set[str]) -> str | None:
    """"how many jobs did kevin do": one or two unlinked words, not a noun for people ("did customers buy"),
    between "did" and the verb that ends the question."""
    toks = [t for t in links.parsed.toks if t.text[:1].isalnum()]
    for k, t in enumerate(toks):
        if t.text not in _DID or k == 0:
            continue
        rest = toks[k + 1:]
        if not 2 <= len(rest) <= 3:
            continue
        subject = rest[:-1]
        # a plural is the rows or people in general ("how much did repairs cost"), not one who is named
        if all(s.text in unlinked and s.text.isalpha() and s.text not in PEOPLE_ROLES and s.text == singular(s.text)
               for s in subject):
            return " ".join(s.raw for s in subject)
    return None
