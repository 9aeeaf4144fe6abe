"""Score the embedded planner on the practice sets (every ``questions_*.py`` module of this package).

    python -m tests.analysis.practice.runner [--verbose] [--only NAME]

Each ``questions_<name>.py`` holds ``QUESTIONS`` and ``CATEGORIES`` in the fresh set's format (see
``tests/analysis/fresh/questions.py``) over CSVs in ``data/``; answering and scoring are
``tests/analysis/blindset.py``'s. Unlike the fresh set, these sets are for tuning: their questions
were written before the planner answered them, then read to find the families it misses.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path

from ..blindset import report, run_set
from . import DATA


def question_sets() -> dict[str, object]:
    """Every ``questions_<name>`` module of this package, by name."""
    names = [m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
             if m.name.startswith("questions_")]
    return {n.removeprefix("questions_"): importlib.import_module(f"{__package__}.{n}") for n in sorted(names)}


def run_practice(only: str | None = None, verbose: bool = False) -> dict:
    """Answer every question of the practice sets (or of one); the tallies of `blindset.run_set`."""
    questions: list = []
    categories: dict[str, set[str]] = {}
    for name, module in question_sets().items():
        if only and name != only:
            continue
        questions += module.QUESTIONS  # type: ignore[attr-defined]
        for cat, ids in module.CATEGORIES.items():  # type: ignore[attr-defined]
            categories.setdefault(cat, set()).update(ids)
    return run_set(DATA, questions, {c: frozenset(ids) for c, ids in categories.items()}, verbose=verbose)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every question not fully right")
    ap.add_argument("--only", help="one practice set, by the <name> of questions_<name>.py")
    args = ap.parse_args()
    print(report(run_practice(args.only, verbose=args.verbose)))


if __name__ == "__main__":
    main()
