"""Questions no table of past rows can answer, declined with what the data can answer instead of
a confident answer to another question:

- a forecast ("forecast visits next quarter", "predicted sales"): the data records what happened;
- a cause ("why did sales drop in august", "what caused the dip"): it shows what happened, not why;
- a period the data's dates do not reach ("sales in 2019" over 2023–2024): an empty chart or a zero
  would read as a fact about 2019 (language.parsing sets `Parsed.outside`).

A forecast or a cause word that names a column ("Forecast Units", "Cause") is a column's word, not
such a question (only its first word counts: "next **week**" is a forecast over a Week Of column).
"""
from __future__ import annotations

from typing import Any

from ..language import cues as C
from ..language.linking import Links
from ..language.rownoun import counted_noun
from .rules import help_message


def beyond_the_data(links: Links, profile: dict[str, Any]) -> str | None:
    """Why the question cannot be answered from the data's rows (with what it can answer), or None."""
    text = links.parsed.text
    named = {i for s in (*links.columns, *links.values) for i in range(s.start, s.end)}
    # a forecast's first word is no column's ("next **week**" over Week Of is still a forecast); no word of a
    # cause is ("the reasons for returns" beside a Return Reason column is answered)
    for pattern, why, first_only in (
            (C.FORECAST, "I can only show what this dataset records, not forecast what comes next.", True),
            (C.CAUSE, "This dataset shows what happened, not why: it records no causes.", False)):
        if any(not set(range(a, a + 1 if first_only else b)) & named
               for _m, (a, b) in text.find(pattern, protect=False)):
            return f"{why} {help_message(profile)}"
    if links.parsed.outside:
        return f"This dataset has no {counted_noun(profile)} {links.parsed.outside}. {help_message(profile)}"
    return None
