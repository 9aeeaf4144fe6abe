"""Times and timings of a delivery's events (issue 11): a verb's -ing form names its -ed date column ("from booking
to pickup" ~ Booked → Picked Up, with "pickup" ~ Picked Up), and "late" after "were" / "arrived" is the arrival
compared with its due date even before a period ("how many deliveries were late last month"). Near misses: "in
late june" is a period, not a late arrival; "late" with no due date in the table compares nothing. Each asks
`answer()` about a small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

DEPOTS = ["North", "South", "East"]
LAST = dt.date(2024, 6, 30)


def _write_parcels(path: Path, n: int = 260) -> None:
    """Parcels, Jan – Jun 2024: Booked, Picked Up, Due Date and Delivered (blank while pending); none past June."""
    rnd = random.Random(91)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Parcel", "Depot", "Booked", "Picked Up", "Due Date", "Delivered", "Weight"])
        for i in range(n):
            booked = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(170))
            picked = booked + dt.timedelta(days=rnd.randint(0, 2))
            due = booked + dt.timedelta(days=rnd.randint(3, 5))
            came = picked + dt.timedelta(days=rnd.randint(1, 7))
            delivered = "" if came > LAST or rnd.random() < 0.05 else came.isoformat()
            if i == 0:
                delivered = LAST.isoformat()
            w.writerow([f"P{i:04d}", rnd.choice(DEPOTS), booked.isoformat(), picked.isoformat(), due.isoformat(),
                        delivered, round(rnd.uniform(0.5, 20), 1)])


def _write_moves(path: Path, n: int = 120) -> None:
    """Moves with a Booked and a Delivered date but no due date."""
    rnd = random.Random(92)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Move", "Depot", "Booked", "Delivered"])
        for i in range(n):
            booked = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(170))
            w.writerow([f"M{i:03d}", rnd.choice(DEPOTS), booked.isoformat(),
                        (booked + dt.timedelta(days=rnd.randint(1, 9))).isoformat()])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived_timings")
    with ingested_views(root, [("parcels", _write_parcels), ("moves", _write_moves)]) as (dirs, con):
        yield dirs, con


def _check(data, table: str, question: str, sql: str) -> None:
    dirs, con = data
    assert _rows(answer(dirs[table], question)) == _gold(con, sql)


# ------------------------------------------------------------------ -ing forms of the events
@pytest.mark.parametrize("question", ["avg days from booking to pickup", "average days between booking and pickup"])
def test_booking_to_pickup(data, question):
    _check(data, "parcels", question, "SELECT avg(date_diff('day', Booked, \"Picked Up\")) FROM parcels")


def test_booking_to_delivery_by_depot(data):
    _check(data, "moves", "average days from booking to delivery by depot",
           "SELECT Depot, avg(date_diff('day', Booked, Delivered)) FROM moves GROUP BY 1")


# ------------------------------------------------------------------ late before a period
LATE_JUNE = "Delivered > \"Due Date\" AND Delivered BETWEEN DATE '2024-06-01' AND DATE '2024-06-30'"


def test_late_said_before_a_period(data):
    _check(data, "parcels", "how many deliveries were late last month",
           f"SELECT count(*) FROM parcels WHERE {LATE_JUNE}")


def test_late_in_a_month_is_a_period(data):
    dirs, _ = data
    ans = answer(dirs["parcels"], "parcels booked in late june")
    assert '"Due Date"' not in ans.sql


def test_late_with_no_due_date_compares_nothing(data):
    dirs, _ = data
    ans = answer(dirs["moves"], "how many moves were late last month")
    assert "Booked\" <" not in ans.sql and "> \"Booked" not in ans.sql
