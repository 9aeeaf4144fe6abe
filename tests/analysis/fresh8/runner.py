"""Score the embedded planner on the eighth fresh evaluation set (questions.py, written blind).

    python -m tests.analysis.fresh8.runner [--verbose]

Answering and scoring are the business set's (tests/analysis/blindset.py): right data, right chart
type, both, per dataset, per category (with follow-ups and unanswerable questions) and for the answers
given without alternatives. --verbose lists every question not fully right.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..blindset import gold as _gold_over
from ..blindset import main as _main
from ..blindset import run_set
from .questions import CATEGORIES, QUESTIONS

DATA = Path(__file__).parent / "data"


def gold(con: duckdb.DuckDBPyConnection, dataset: str, sql: str) -> tuple[list[str], list[tuple]]:
    """The gold table of `sql` over ``data/<dataset>.csv``."""
    return _gold_over(con, DATA / f"{dataset}.csv", sql)


def run_fresh8(verbose: bool = False) -> dict:
    """Answer every question of the set; the tallies of `blindset.run_set`."""
    return run_set(DATA, QUESTIONS, CATEGORIES, verbose=verbose)


def main() -> None:
    _main(__doc__.splitlines()[0], DATA, QUESTIONS, CATEGORIES)


if __name__ == "__main__":
    main()
