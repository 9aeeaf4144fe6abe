"""Everyday words over a table of visits (issue 11): "patients over 65", "kids under 12", "under age 12" compare
the Age column, and the people words are part of that condition (never a word the data lacks), while a number
outside the ages' range stays with the measure named before it; "admission rate" is the share of rows whose
Disposition is Admitted (the noun of the participle, as "cancellation" ~ Cancelled); a whole number typed right
after a column of a few levels is one of them ("triage level 3", "level 1 and 2"); "doctor" names the Attending,
and the MD of a header; "the 3 busiest days" are the three days with the most rows.
Each asks `answer()` about a small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from tests.helpers import ingested_views

from .scoring import same_answer


def _write_visits(path: Path, n: int = 160) -> None:
    """An emergency department's visits: who came, how old, what became of them, what it cost."""
    rnd = random.Random(51)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visit ID", "Arrival", "Seen By MD", "Triage Level", "Age", "Disposition", "Payer", "Attending",
                    "Total Charges"])
        for i in range(n):
            day = f"2025-{rnd.randint(1, 9):02d}-{rnd.randint(1, 28):02d}"
            hour, wait = rnd.randint(0, 20), rnd.randint(5, 55)
            w.writerow([f"ED{100000 + i}", f"{day} {hour:02d}:00", f"{day} {hour + 1:02d}:{wait:02d}",
                        rnd.randint(1, 5), rnd.randint(0, 95),
                        rnd.choice(["Discharged", "Discharged", "Admitted", "Transferred"]),
                        rnd.choice(["Medicare", "Commercial", "Self-Pay"]), rnd.choice(["Dr. Osei", "Dr. Park"]),
                        round(rnd.uniform(300, 9000), 2)])


def _write_days(path: Path) -> None:
    """Visits on ten days of one month, one more on each day than the day before (no ties)."""
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visit ID", "Arrival", "Age"])
        for day in range(1, 11):
            for k in range(day):
                w.writerow([f"V{day:02d}{k:02d}", f"2025-03-{day:02d} {8 + k % 10:02d}:00", 20 + k])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("visits"), (("visits", _write_visits), ("days", _write_days))) as got:
        yield got


@pytest.mark.parametrize("q,sql", [
    ("patients over 65 by disposition", "SELECT Disposition, count(*) FROM visits WHERE Age > 65 GROUP BY 1"),
    ("seniors over 65 by payer", "SELECT Payer, count(*) FROM visits WHERE Age > 65 GROUP BY 1"),
    ("how many kids under 12 came in", "SELECT count(*) FROM visits WHERE Age < 12"),
    ("how many visits under age 12", "SELECT count(*) FROM visits WHERE Age < 12"),
    ("average charges for patients over 65", 'SELECT avg("Total Charges") FROM visits WHERE Age > 65'),
    # near miss: no age is 5000; the charges named before are compared
    ("average charges for patients over 5000",
     'SELECT avg("Total Charges") FROM visits WHERE "Total Charges" > 5000'),
])
def test_people_compared_by_their_age(data, q, sql):
    same_answer(data, "visits", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("admission rate", "SELECT 100.0 * avg(CASE WHEN Disposition = 'Admitted' THEN 1 ELSE 0 END) FROM visits"),
    ("admission rate by payer",
     "SELECT Payer, 100.0 * avg(CASE WHEN Disposition = 'Admitted' THEN 1 ELSE 0 END) FROM visits GROUP BY 1"),
])
def test_the_rate_of_a_status_said_by_its_noun(data, q, sql):
    same_answer(data, "visits", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("share of visits at triage level 3",
     'SELECT 100.0 * avg(CASE WHEN "Triage Level" = 3 THEN 1 ELSE 0 END) FROM visits'),
    ("how many level 1 and 2 visits", 'SELECT count(*) FROM visits WHERE "Triage Level" IN (1, 2)'),
    # near miss: a number outside the levels is no level
    ("visits with triage level over 3", 'SELECT count(*) FROM visits WHERE "Triage Level" > 3'),
])
def test_a_level_typed_after_its_column(data, q, sql):
    same_answer(data, "visits", q, sql)


@pytest.mark.parametrize("q,sql", [
    ("visits by doctor", "SELECT Attending, count(*) FROM visits GROUP BY 1"),
    # "MD" in a header is a doctor: the wait is from arrival until then
    ("average wait to see a doctor",
     'SELECT avg(epoch("Seen By MD" - Arrival) / 3600.0) FROM visits'),
])
def test_a_doctor_by_another_name(data, q, sql):
    same_answer(data, "visits", q, sql)


@pytest.mark.parametrize("q,limit,order", [
    ("busiest day", 1, "DESC"), ("3 busiest days", 3, "DESC"), ("busiest 3 days", 3, "DESC"),
    ("top 3 busiest days", 3, "DESC"), ("the 2 quietest days", 2, "ASC"),
])
def test_periods_ranked_by_a_superlative(data, q, limit, order):
    same_answer(data, "days", q, "SELECT CAST(Arrival AS DATE) AS d, count(*) AS n FROM days GROUP BY 1 "
                                  f"ORDER BY n {order} LIMIT {limit}")
