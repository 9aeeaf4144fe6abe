"""How often one typo breaks a right answer: every stand-alone question of the business, fresh and fresh2
sets that the planner answers with the right data is asked again with one word of five letters or more
mistyped (one at a time, every such word), and scored against the same gold.

    python bench/typo_robustness.py [--verbose]

A typo is one of: two neighbouring letters swapped, a letter dropped, a letter doubled, a letter replaced
by a key beside it on the keyboard; never the first letter (seeded, so runs are comparable). Words that are
already misspelt in a set stay as they are typed. The sets are opened (read while tuning): the figure is
about the spelling corrector, not about the sets.
"""
from __future__ import annotations

import argparse
import collections
import importlib
import random
import re
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datavis.analysis import AnalysisError, answer  # noqa: E402
from tests.analysis import blindset  # noqa: E402
from tests.analysis.scoring import ingested  # noqa: E402

SETS = ("business", "fresh", "fresh2")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _next_key(ch: str, rnd: random.Random) -> str:
    row = next((r for r in _ROWS if ch in r), ch)
    i = row.index(ch)
    return rnd.choice([row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)] or [ch])


def mistype(word: str, rnd: random.Random) -> tuple[str, str]:
    """One typo of `word` (5+ letters) and its kind."""
    kind = rnd.choice(("swap", "drop", "double", "next key"))
    i = rnd.randrange(1, len(word) - 1)
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:], kind
    if kind == "drop":
        return word[:i] + word[i + 1:], kind
    if kind == "double":
        return word[:i] + word[i] + word[i:], kind
    return word[:i] + _next_key(word[i], rnd) + word[i + 1:], kind


def _right(con, ds_dir: Path, csv: Path, sql: str, question: str) -> bool:
    columns, expected = blindset.gold(con, csv, sql)
    try:
        return blindset.data_matches(columns, expected, answer(ds_dir, question))
    except AnalysisError:
        return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every typo that broke an answer")
    verbose = ap.parse_args().verbose
    rnd, con = random.Random(7), duckdb.connect()
    kept: collections.Counter[tuple[str, bool]] = collections.Counter()
    for name in SETS:
        module = importlib.import_module(f"tests.analysis.{name}.questions")
        data = ROOT / "tests" / "analysis" / name / "data"
        questions = [q for q in module.QUESTIONS if not q[4] and q[3] is not None]
        with ingested(data, (q[1] for q in questions)) as dirs:
            for _qid, ds, question, sql, _prev, _charts in questions:
                csv = data / f"{ds}.csv"
                if not _right(con, dirs[ds], csv, sql, question):
                    continue
                for word in [w for w in re.findall(r"[A-Za-z]+", question) if len(w) >= 5]:
                    typed, kind = mistype(word.lower(), rnd)
                    asked = re.sub(rf"\b{word}\b", typed, question, count=1)
                    ok = _right(con, dirs[ds], csv, sql, asked)
                    kept[(kind, ok)] += 1
                    if verbose and not ok:
                        print(f"  {name}: {word} -> {typed}: {asked!r}")
    right = sum(n for (_k, ok), n in kept.items() if ok)
    total = sum(kept.values())
    print(f"answers kept right after one typo: {right}/{total} ({right / total:.1%})")
    for kind in ("swap", "drop", "double", "next key"):
        n = kept[(kind, True)] + kept[(kind, False)]
        print(f"  {kind:<9} {kept[(kind, True)]}/{n}")


if __name__ == "__main__":
    main()
