"""Name normalisation shared by profiling and matching: "Order Date", order_date and
orderDate all become the tokens ["order", "date"]; plurals fold to singulars.

Each question splits and folds the same column names and everyday words again and again: the
pure functions here remember their last few thousand results (bounded).
"""
from __future__ import annotations

import functools
import re

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_CAMEL_DIGITS = re.compile(r"(?<=[A-Z][a-z]{3})(?=[0-9])")  # "UnitsSold90d": sold, 90d
_SPLIT = re.compile(r"[^0-9a-zA-Z%$#]+")
# a unit of power, energy or charge written with its prefix ("System kW", "Energy_kWh", "MWh"): one word, never
# split at its capital into "k", "w"
_PREFIXED_UNIT = re.compile(r"(?<![A-Za-z])[kMG](?:Wh|W|VA|Hz|Ah|V)(?![A-Za-z])")

# Irregular plurals seen in column names and questions.
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "data": "data",
    "indices": "index", "analyses": "analysis", "criteria": "criterion", "feet": "foot",
    "series": "series", "species": "species", "news": "news", "status": "status", "sales": "sales",
    "address": "address", "business": "business", "class": "class", "gas": "gas", "bus": "bus",
    "less": "less", "loss": "loss", "process": "process", "access": "access", "this": "this",
    "its": "its", "is": "is", "was": "was", "has": "has", "as": "as", "us": "us", "yes": "yes",
    "percentages": "percentage", "hours": "hour", "minutes": "minute", "plus": "plus",
    "gross": "gross", "success": "success", "canvas": "canvas", "bonus": "bonus", "campus": "campus",
    "virus": "virus", "census": "census", "focus": "focus", "always": "always", "miles": "mile",
}


def split_name(name: str) -> list[str]:
    """Tokens of a column name or phrase, lower case: 'orderDate_2' -> ['order', 'date', '2']."""
    return list(_split_name(str(name)))  # a list of its own: callers may change it


@functools.lru_cache(maxsize=8192)
def _split_name(name: str) -> tuple[str, ...]:
    name = _PREFIXED_UNIT.sub(lambda m: m[0].lower(), name)
    return tuple(part.lower() for part in _SPLIT.split(_CAMEL.sub(" ", _CAMEL_DIGITS.sub(" ", name))) if part)


@functools.lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A cheap English singular: enough for column names ('categories' -> 'category')."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("ss") or w.endswith("us") or w.endswith("is"):
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


def norm_tokens(name: str) -> list[str]:
    """Normalised tokens of a name: split, lower case, singular."""
    return [singular(t) for t in split_name(name)]


@functools.lru_cache(maxsize=4096)
def humanize(name: str) -> str:
    """A readable label for a column name: 'order_date' -> 'Order date', 'Revenue' stays."""
    if re.search(r"[a-z]", name) and (" " in name.strip()) and not re.search(r"[_]", name):
        return name
    tokens = split_name(name)
    if not tokens:
        return name
    text = " ".join(tokens)
    return text[0].upper() + text[1:]


def quote_ident(name: str) -> str:
    """A DuckDB identifier for any column name."""
    return '"' + name.replace('"', '""') + '"'
