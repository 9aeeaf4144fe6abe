"""Words for people: a count names what each row is ("employees", "tickets"), taken from the
table's identifier column ("Employee ID" → employees) or, failing that, from a plural table name."""
from __future__ import annotations

import re
from typing import Any

from ..datasets.profile import is_identifier
from ..language.names import split_name

_NOT_NOUNS = {"id", "ids", "key", "code", "uuid", "guid", "ref", "name", "title", "label", "number", "index"}
_ID_WORDS = {"id", "ids", "key", "code", "no", "num", "number", "nbr", "uuid", "guid", "ref"}


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("sh", "ch", "x")) else "s")


def counted_noun(profile: dict[str, Any]) -> str:
    """What one row of the table is, in the plural; "rows" when the data does not say: the
    identifier column's name ("Employee ID", or "Employee" holding E0001…), else the table's."""
    for col in profile["columns"]:
        if is_identifier(col) and col.get("unique"):
            words = [w.lower() for w in split_name(col["name"])]
            if len(words) >= 2 and words[-1] in _ID_WORDS and re.fullmatch(r"[a-z]{3,}", words[-2]):
                return _plural(words[-2])
            if len(words) == 1 and re.fullmatch(r"[a-z]{3,}", words[0]) and words[0] not in _NOT_NOUNS:
                return _plural(words[0])
    name = [w.lower() for w in split_name(str(profile.get("name") or ""))]
    if name and re.fullmatch(r"[a-z]{4,}s", name[-1]) and not name[-1].endswith(("ss", "ics", "us")):
        return name[-1]
    return "rows"


def count_label(profile: dict[str, Any]) -> str:
    return f"Number of {counted_noun(profile)}"
