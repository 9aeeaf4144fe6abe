"""Score the embedded planner on the business evaluation set (questions.py, written blind).

    python -m tests.analysis.business.runner [--verbose]

How questions are answered and scored is tests/analysis/blindset.py (shared with the fresh set):
right data (with the set's ``pct_``/``share_``/Yes-No/multi-measure conventions), right chart type,
both; an `Unanswerable` error is right only where the set expects one; plus the answers given
without alternatives.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from ..blindset import UNANSWERABLE, Outcome, data_matches, gold, report, run_set
from .questions import CATEGORIES, QUESTIONS

__all__ = ["DATA", "UNANSWERABLE", "Outcome", "data_matches", "report", "run_business"]

DATA = Path(__file__).parent / "data"


def _gold(con: duckdb.DuckDBPyConnection, dataset: str, sql: str) -> tuple[list[str], list[tuple]]:
    return gold(con, DATA / f"{dataset}.csv", sql)


def run_business(verbose: bool = False) -> dict:
    """Answer every question of the set; return the tallies overall, per dataset, per category,
    for follow-ups and for the answers given without alternatives, and every outcome."""
    return run_set(DATA, QUESTIONS, CATEGORIES, verbose=verbose)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every question not fully right")
    print(report(run_business(verbose=ap.parse_args().verbose)))


if __name__ == "__main__":
    main()
