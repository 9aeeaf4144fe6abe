"""Follow-ups in a chat: does a chart on screen hijack questions that stand on their own?

usage: python bench/followup_chat.py

Every stand-alone question of the business set (tests/analysis/business, no `prev`) is answered
twice through `answer()`: alone, and with the previous answer of its dataset passed as `previous`
(as the service does in a chat). A follow-up prior (datavis/analysis/planning/followup.py) that
reads too many messages as edits shows as fewer questions fully right in a chat. The set's own
follow-ups are answered with the answer they build on, as in the runner.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.analysis.blindset import score_question  # noqa: E402
from tests.analysis.business.questions import QUESTIONS  # noqa: E402
from tests.analysis.business.runner import DATA  # noqa: E402
from tests.analysis.scoring import ingested  # noqa: E402


def main() -> None:
    con = duckdb.connect()
    states: dict[str, dict] = {}
    last: dict[str, dict] = {}
    alone = in_chat = n = 0
    changed: list[str] = []
    with ingested(DATA, (q[1] for q in QUESTIONS)) as dirs:
        for q in QUESTIONS:
            qid, ds, question, _sql, prev, _accepted = q
            outcome, state = score_question(con, q, DATA, dirs[ds], states.get(prev) if prev else None)
            if not prev:
                chat, _ = score_question(con, q, DATA, dirs[ds], last.get(ds))
                n, alone, in_chat = n + 1, alone + outcome.both, in_chat + chat.both
                if outcome.both != chat.both:
                    changed.append(f"  {'better' if chat.both else 'worse'} in a chat: {qid} {question!r}")
            if state is not None:
                states[qid] = last[ds] = state
    con.close()
    print(f"stand-alone questions: {n}; fully right alone {alone}, with the previous answer on screen {in_chat}")
    print("\n".join(changed))


if __name__ == "__main__":
    main()
