"""What a column's header says beyond its words (issue 11): money said as "($)" in the header, the rows named by
the word before a measured head ("rentals" beside Rental Days), and a cost over two money columns the one billed
in all. Each asks `answer()` about a small CSV written here and checks the rows against DuckDB over the file."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from tests.helpers import ingested_views

from .scoring import same_answer


def _write_rentals(path: Path, n: int = 120) -> None:
    """Car rental agreements: days rented, a daily rate and the total charged, in dollars said by the header."""
    rnd = random.Random(81)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Agreement No", "Branch", "Rental Days", "Daily Rate ($)", "Total ($)"])
        for i in range(n):
            days, rate = rnd.randint(1, 9), rnd.choice([39, 49, 79])
            w.writerow([f"RA{i:04d}", rnd.choice(["SEA", "PDX", "BOI"]), days, rate, days * rate])


def _write_freight(path: Path, n: int = 120) -> None:
    """Freight invoices: miles, the linehaul in dollars (header) and the total billed (dollars in the values)."""
    rnd = random.Random(82)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Invoice No", "Carrier", "Miles", "Linehaul ($)", "Total Billed"])
        for i in range(n):
            line = round(rnd.uniform(200, 900), 2)
            w.writerow([f"FI{i:04d}", rnd.choice(["Acme", "Roadway"]), rnd.randint(50, 900), line,
                        f"${line + rnd.randint(0, 150):,.2f}"])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("headers"), (("rentals", _write_rentals),
                                                             ("freight", _write_freight))) as got:
        yield got


@pytest.mark.parametrize("ds,q,sql", [
    # "($)" makes Total money: the revenue, never the Rental Days that "rental" once made money
    ("rentals", "revenue by branch", 'SELECT Branch, sum("Total ($)") FROM rentals GROUP BY 1'),
    # "rentals" are the rows, not the days of each
    ("rentals", "how many rentals", "SELECT count(*) FROM rentals"),
    ("rentals", "average rental days", 'SELECT avg("Rental Days") FROM rentals'),
    # a cost over two money columns: the one billed in all
    ("freight", "cost per mile by carrier",
     "SELECT Carrier, sum(CAST(replace(replace(\"Total Billed\", '$', ''), ',', '') AS DOUBLE)) / sum(Miles) "
     "FROM freight GROUP BY 1"),
])
def test_what_a_header_says(data, ds, q, sql):
    same_answer(data, ds, q, sql)
