"""Near misses found by reading the tenth stop's rules (issue 11): each new rule keeps to its words. A number
after a superlative that a unit's noun follows is that unit's ("the cheapest 2 bedroom home"); "unpaid" said of
the rows picks them ("how many unpaid invoices"), it asks for no balance; a distance after "per" divides ("fuel
cost per mile"); "late" opening a period says when ("orders in late Q4"); a number of periods is no level ("by
store 2 weeks ago"); "rising" as a value of the data is that value; the worth of what a table counts
("Conversion Value" beside Conversions) is never what was spent. Each asks `answer()` about a small CSV
written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import ingested_views

from .scoring import same_answer

_CSVS = {
    "homes": "Listing,Bedrooms,Price,City\nH1,2,300000,Austin\nH2,3,420000,Austin\nH3,3,380000,Dallas\n"
             "H4,4,520000,Dallas\nH5,2,280000,Austin\nH6,3,350000,Austin\n",
    "invoices": "Invoice,Customer,Invoice Date,Amount,Amount Paid,Status\nI1,Acme,2024-01-05,1000,1000,Paid\n"
                "I2,Beta,2024-01-10,500,0,Unpaid\nI3,Acme,2024-02-01,800,300,Partial\n"
                "I4,Beta,2024-02-11,900,0,Unpaid\nI5,Cole,2024-03-01,700,700,Paid\n",
    "fleet": "Trip,Vehicle,Odometer Out,Odometer In,Fuel Cost,Trip Date\nT1,V1,1000,1120,30,2024-01-01\n"
             "T2,V2,5000,5200,50,2024-01-02\nT3,V1,1120,1300,41,2024-01-05\nT4,V2,5200,5260,18,2024-01-09\n",
    "orders": "Order Date,Customer,Amount,Due Date,Received Date\n2024-01-05,Acme,500,2024-01-10,2024-01-09\n"
              "2024-01-15,Beta,1200,2024-01-20,2024-01-25\n2024-02-20,Gamma,800,2024-02-25,\n"
              "2024-10-20,Acme,300,2024-10-25,2024-10-29\n2024-11-20,Beta,650,2024-11-25,2024-11-22\n"
              "2024-12-20,Gamma,900,2024-12-25,\n",
    "reviews": "Date,Product,Store,Rating\n2024-01-01,Lamp,1,5\n2024-01-15,Desk,2,4\n2024-02-01,Lamp,3,2\n"
               "2024-02-11,Desk,1,3\n2024-02-21,Lamp,2,5\n",
    "market": "Ticker,Date,Direction,Change Pct\nAAA,2024-01-01,Rising,1.2\nBBB,2024-01-01,Falling,-0.5\n"
              "AAA,2024-01-02,Rising,0.7\nCCC,2024-01-02,Rising,0.3\n",
    "ads": "Campaign,Date,Impressions,Clicks,Conversions,Conversion Value\nSpring,2024-03-01,1000,50,5,250\n"
           "Summer,2024-06-01,2000,80,9,410\nSpring,2024-03-08,1500,60,4,190\n",
}


def _writer(name: str):
    def write(path: Path) -> None:
        path.write_text(_CSVS[name])
    return write


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    with ingested_views(tmp_path_factory.mktemp("guards"), [(n, _writer(n)) for n in _CSVS]) as got:
        yield got


@pytest.mark.parametrize("ds,q,sql", [
    ("homes", "the cheapest 2 bedroom home", "SELECT min(Price) FROM homes WHERE Bedrooms = 2"),
    ("homes", "the cheapest 2 listings", "SELECT Listing, Price FROM homes ORDER BY Price LIMIT 2"),
    ("invoices", "how many unpaid invoices by customer",
     "SELECT Customer, count(*) FROM invoices WHERE Status = 'Unpaid' GROUP BY 1"),
    ("invoices", "total amount of unpaid invoices", "SELECT sum(Amount) FROM invoices WHERE Status = 'Unpaid'"),
    ("invoices", "total outstanding by customer",
     'SELECT Customer, sum(Amount - "Amount Paid") FROM invoices GROUP BY 1'),
    ("orders", "how many orders arrived late",
     'SELECT count(*) FROM orders WHERE "Received Date" > "Due Date"'),
    ("reviews", "rating 4 and 5 reviews", "SELECT count(*) FROM reviews WHERE Rating IN (4, 5)"),
    ("market", "which tickers are rising",
     "SELECT Ticker, count(*) FROM market WHERE Direction = 'Rising' GROUP BY 1"),
])
def test_rules_keep_to_their_words(data, ds, q, sql):
    same_answer(data, ds, q, sql)


@pytest.mark.parametrize("ds,q,absent", [
    ("fleet", "fuel cost per mile by vehicle", "Odometer"),
    ("orders", "orders in late Q4", '"Received Date" >'),
    ("orders", "how many orders were placed early in the year", '"Received Date" <'),
    ("reviews", "average rating by store 2 weeks ago", '"Store" = 2'),
])
def test_words_that_name_no_new_measure_or_condition(data, ds, q, absent):
    assert absent not in answer(data[0][ds], q).sql


def test_the_worth_of_what_is_counted_is_no_spend(data):
    with pytest.raises(Unanswerable):
        answer(data[0]["ads"], "spend by campaign")
