"""The practice sets: everyday questions over new CSVs, written to find weak families and tune on."""
from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterable
from pathlib import Path

DATA = Path(__file__).parent / "data"


def write_tables(tables: Iterable[tuple[str, Callable[[random.Random], list[list]], int]]) -> None:
    """Write each (name, rows from a seeded generator, seed) as ``data/<name>.csv``."""
    DATA.mkdir(exist_ok=True)
    for name, make, seed in tables:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(make(random.Random(seed)))
