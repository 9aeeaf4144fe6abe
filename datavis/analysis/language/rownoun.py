"""What one row of a table is, in words: the noun a count names ("Number of employees"), the question's
words for the rows ("how many invoices") and the date of the rows' own event ("Invoice Date") read it."""
from __future__ import annotations

import re
from typing import Any

from ..datasets.profile import is_identifier
from ..datasets.store import derived
from .lexicon import ABBREVIATIONS, PEOPLE_ROLES
from .names import split_name

_NOT_NOUNS = {"id", "ids", "key", "code", "uuid", "guid", "ref", "name", "title", "label", "number", "index"}
_ID_WORDS = {"id", "ids", "#", "key", "code", "no", "num", "number", "nbr", "uuid", "guid", "ref"}


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("sh", "ch", "x")) else "s")


def counted_noun(profile: dict[str, Any]) -> str:
    """What one row of the table is, in the plural; "rows" when the data does not say: the
    identifier column's name ("Employee ID", or "Employee" holding E0001…), else the table's."""
    return derived(profile, "_counted_noun", _counted_noun)  # of the profile alone: built once per profile


def _counted_noun(profile: dict[str, Any]) -> str:
    for col in profile["columns"]:
        if is_identifier(col) and col.get("unique"):
            words = [w.lower() for w in split_name(col["name"])]
            if len(words) >= 2 and words[-1] in _ID_WORDS and re.fullmatch(r"[a-z]{3,}", words[-2]):
                full = ABBREVIATIONS.get(words[-2], words[-2])  # emp_id, txn_id: employees, transactions
                return _plural(full if " " not in full else words[-2])
            if len(words) == 1 and re.fullmatch(r"[a-z]{3,}", words[0]) and words[0] not in _NOT_NOUNS:
                return _plural(words[0])
    for col in profile["columns"]:  # a staff list's "Employee" (names, one per row): each row is one person
        words = [w.lower() for w in split_name(col["name"])]
        if col["type"] == "text" and col.get("unique") and words and words[-1] in PEOPLE_ROLES:
            return _plural(words[-1])
    name = [w.lower() for w in split_name(str(profile.get("name") or ""))]
    if name and re.fullmatch(r"[a-z]{4,}s", name[-1]) and not name[-1].endswith(("ss", "ics", "us")):
        return name[-1]
    return "rows"
