"""Near misses found by reading the eleventh stop's rules (issue 11): a decline needs a word that could name a
value ("paid in full", "in usd", "in percent" name none), a table without dates still relates two numbers ("a
trend between hours and salary"), a plural after "did" is no person ("how much did repairs cost"); an amount
beyond every row is none of them ("orders over 1000" is 0, never all); "shipped" names a Shipped Date beside a
Shipping Charge; "how many nights did guests stay" adds up
the nights; "rank the stores by rating" measures the rating, whatever few values it holds. Each asks `answer()`
about a small CSV written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import same_answer

_CSVS = {
    "invoices": "Invoice ID,Customer,Region,Amount,Status\nI1,Acme,West,1000,Paid\nI2,Beta,East,500,Unpaid\n"
                "I3,Acme,West,800,Partial\nI4,Beta,East,900,Unpaid\nI5,Cole,West,700,Paid\n",
    "staff": "Employee,Department,Salary,Hours\nAnn,IT,90000,45\nBob,IT,80000,42\nCal,HR,50000,38\n"
             "Dee,HR,52000,40\nEve,Ops,61000,41\nFay,Ops,58000,39\n",
    "repairs": "Request ID,Unit,Category,Cost\n501,1A,Plumbing,120\n502,2B,Electrical,450\n503,1A,HVAC,0\n"
               "504,3C,Plumbing,80\n505,2B,Locks,0\n",
    "shop": "Order ID,Store,Order Total,Shipping Charge,Shipped Date\n10001,Mall,30,5,2025-01-05\n"
            "10002,Mall,250,0,\n10003,Airport,500,10,2025-01-09\n10004,Airport,120,5,2025-01-12\n"
            "10005,Downtown,75,5,\n10006,Downtown,310,0,2025-01-20\n",
    "stays": "Booking ID,Guest,Room Type,Channel,Nights,Amount,Booked,Check In\n"
             "1,Ann,Suite,Direct,3,900,2025-01-01,2025-02-01\n2,Bob,Standard,Online,1,120,2025-01-10,2025-01-12\n"
             "3,Cid,Standard,Online,2,240,2025-02-01,2025-03-15\n4,Dee,Deluxe,Direct,4,800,2025-02-20,2025-02-22\n"
             "5,Eve,Suite,Agent,2,600,2025-03-01,2025-04-10\n",
    "reviews": "Review ID,Store,Rating\n1,Airport,5\n2,Airport,3\n3,Mall,4\n4,Mall,4\n5,Downtown,2\n"
               "6,Downtown,3\n7,Airport,4\n",
}


def _writer(name: str):
    def write(path: Path) -> None:
        path.write_text(_CSVS[name])
    return write


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("guards11"), [(n, _writer(n)) for n in _CSVS]) as got:
        yield got


@pytest.mark.parametrize("ds,q,sql", [
    ("invoices", "total amount paid in full by region", "SELECT Region, sum(Amount) FROM invoices "
                                                        "WHERE Status = 'Paid' GROUP BY 1"),
    ("staff", "what is the average salary in usd by department", "SELECT Department, avg(Salary) FROM staff "
                                                                  "GROUP BY 1"),
    ("repairs", "how much did repairs cost", "SELECT sum(Cost) FROM repairs"),
    ("repairs", "how many requests over 500", "SELECT count(*) FROM repairs WHERE Cost > 500"),
    ("shop", "how many orders over 1000", 'SELECT count(*) FROM shop WHERE "Order Total" > 1000'),
    ("shop", "how many orders were shipped", 'SELECT count(*) FROM shop WHERE "Shipped Date" IS NOT NULL'),
    ("shop", "shipped orders by store", 'SELECT Store, count(*) FROM shop WHERE "Shipped Date" IS NOT NULL '
                                        "GROUP BY 1"),
    ("stays", "how many nights did guests stay", "SELECT sum(Nights) FROM stays"),
    ("reviews", "rank the stores by rating", "SELECT Store, avg(Rating) FROM reviews GROUP BY 1"),
])
def test_the_rule_keeps_to_its_words(data, ds, q, sql):
    same_answer(data, ds, q, sql)


def test_a_trend_between_two_numbers_needs_no_dates(data):
    ans = answer(data[0]["staff"], "is there a trend between hours and salary")
    assert ans.chart_type == "point", (ans.chart_type, ans.sql)

