"""Answer or ask, through analysis.answer: a question about something the data does not hold is
declined with what the data can answer; answerable questions are not; alternatives keep what the
words state before those that drop it."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer, ingest_csv


@pytest.mark.parametrize(("question", "named"), [
    ("what's the NPS by region", "NPS"),  # the measure asked for
    ("attrition rate by region", "attrition rate"),  # a rate of nothing the data records
    ("which region has the longest lead time", "lead time"),  # what the superlative is about
    ("which courier delivered the most orders", "courier"),  # the subject of "which"
])
def test_a_subject_the_data_lacks_is_declined_by_name(datasets, question, named):
    with pytest.raises(Unanswerable) as e:
        answer(datasets["sales"], question)
    message = e.value.message
    assert f"“{named}" in message  # says what it could not find
    assert "Region" in message and "Revenue" in message  # the columns that exist
    assert message.count("“") >= 4  # and three questions the data can answer


def test_the_declined_questions_suggestions_are_answerable(datasets):
    with pytest.raises(Unanswerable) as e:
        answer(datasets["sales"], "what's the NPS by region")
    suggestions = [s.split("”")[0] for s in e.value.message.split("Try for example ")[1].split("“")[1:]]
    assert len(suggestions) == 3
    for s in suggestions:
        assert answer(datasets["sales"], s).data


@pytest.mark.parametrize("question", [
    "how many orders do we have right now",  # filler words
    "revenue minus profit by region",  # the words of a derived measure
    "profit margin by region",
    "total revenue in each region",
    "how many customers ordered furniture",  # what is counted is the rows, whatever the noun
])
def test_answerable_questions_are_not_declined(datasets, question):
    assert answer(datasets["sales"], question).data


def test_a_close_call_offers_the_readings_that_keep_the_stated_grouping_first(datasets):
    ans = answer(datasets["sales"], "busiest region for revenue")  # "busiest" links to nothing: a close call
    assert ans.data and ans.alternatives
    sensible = [a for a in ans.alternatives if (a["plan"].get("x") or {}).get("field") == "Region"]
    assert sensible and ans.alternatives[0] == sensible[0]  # "for region" kept before a KPI of everything


def test_a_follow_up_still_edits_the_chart(datasets):
    first = answer(datasets["sales"], "total revenue by region")
    then = answer(datasets["sales"], "only furniture", previous=first.state)
    assert "Furniture" in then.sql and "Region" in then.sql


def test_a_ranking_word_or_a_rate_of_a_data_word_is_no_gap(write_csv, tmp_path, datasets):
    from datavis.analysis import ingest_csv

    lines = [f"O{i},{['North', 'South'][i % 2]},2024-03-{i % 28 + 1:02d} {i % 24:02d}:15:00,{'YN'[i % 3 > 0]}"
             for i in range(120)]
    d = tmp_path / "orders"
    ingest_csv(write_csv("Order ID,Region,Placed At,Returned\n" + "\n".join(lines) + "\n"), d, name="orders")
    assert answer(d, "busiest hours of the day").data  # "busiest": an order, not a thing
    assert answer(d, "return rate by region").data  # "return" ~ Returned
    with pytest.raises(Unanswerable) as e:  # no column holds returns: still declined
        answer(datasets["sales"], "return rate by region")
    assert "rate" in e.value.message


# --- Answer or ask past a word not found (own data: staff, stock, web visits; not a set's wording) ---

def _staff_stock_visits(root: Path) -> dict[str, Path]:
    """Three small tables of everyday data: HR staff, warehouse stock, web visits (a Yes/No Failed)."""
    rnd = random.Random(11)
    tables = {
        "staff": (["Staff ID", "Dept", "Title", "Hire Date", "Salary", "Office"],
                  lambda i: [f"S{i:04d}", rnd.choice(["Sales", "Engineering", "Support"]),
                             rnd.choice(["Analyst", "Manager"]),
                             (dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3500))).isoformat(),
                             rnd.randint(40, 160) * 1000, rnd.choice(["Leeds", "Bristol", "Glasgow"])]),
        "stock": (["SKU", "Category", "Supplier", "Warehouse", "On Hand", "Unit Cost", "Lead Days"],
                  lambda i: [f"K{i:05d}", rnd.choice(["Tools", "Paint", "Timber"]),
                             rnd.choice(["Acme", "Borden", "Crane"]), rnd.choice(["North", "South"]),
                             rnd.randint(0, 500), round(rnd.uniform(0.5, 80), 2), rnd.randint(2, 40)]),
        "visits": (["Session ID", "Date", "Channel", "Device", "Pageviews", "Failed"],
                   lambda i: [f"V{i:05d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(200))).isoformat(),
                              rnd.choice(["Organic", "Paid", "Email"]), rnd.choice(["Mobile", "Desktop"]),
                              rnd.randint(1, 20), rnd.choice(["Yes", "No", "No"])]),
    }
    out = {}
    for name, (header, row) in tables.items():
        path = root / f"{name}.csv"
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(row(i) for i in range(150))
        out[name] = root / name
        ingest_csv(path, out[name], name=name)
    return out


@pytest.fixture(scope="module")
def everyday(tmp_path_factory) -> dict[str, Path]:
    return _staff_stock_visits(tmp_path_factory.mktemp("everyday"))


@pytest.mark.parametrize(("table", "question", "columns", "word"), [
    # the measure is named ("costs"): the word after it is not the subject
    ("stock", "which supplier costs the most to restock", ('"Supplier"', '"Unit Cost"'), "restock"),
    # a second grouping not found beside one that is
    ("staff", "total salary by dept and by tenure band", ('"Dept"', 'sum("Salary")'), "tenure band"),
    # a superlative that names its quantity: a duration ("Lead Days")
    ("stock", "longest delay", ('max("Lead Days")',), "delay"),
])
def test_a_word_not_found_beside_a_named_subject_is_answered_with_alternatives(everyday, table, question, columns,
                                                                                word):
    ans = answer(everyday[table], question)
    assert all(c in ans.sql for c in columns)
    assert ans.alternatives  # a reading past a word not found is never given alone
    notes = " ".join(ans.plan["assumptions"])
    assert f"I did not find “{word}”" in notes and "I read the question as" in notes


@pytest.mark.parametrize(("table", "question", "named"), [
    ("staff", "total salary by tenure band", "tenure band"),  # the grouping is the word not found
    ("staff", "which recruiter hired the most staff", "recruiter"),  # "hired" names a date, not recruiters
    ("stock", "average happiness score by warehouse", "happiness score"),  # the measure
    ("staff", "longest delay", "delay"),  # a duration, and the table has none
])
def test_a_subject_not_found_is_still_declined_with_what_the_data_has(everyday, table, question, named):
    with pytest.raises(Unanswerable) as e:
        answer(everyday[table], question)
    message = e.value.message
    assert f"“{named}”" in message
    assert "Its columns are" in message and message.count("“") >= 4  # the columns and three questions


def test_an_inflection_of_a_column_name_is_no_gap(everyday):
    ans = answer(everyday["visits"], "fail rate by device")  # "fail" ~ Failed
    assert '"Failed"' in ans.sql and '"Device"' in ans.sql


@pytest.mark.parametrize(("table", "first", "then", "condition"), [
    ("visits", "failed sessions by device", "and the ones without?", '"Failed" = FALSE'),
    ("staff", "average salary in Leeds by dept", "what about the rest?", '"Office" <> \'Leeds\''),
    ("stock", "how many items have more than 100 on hand", "and the others?", '"On Hand" <= 100'),
])
def test_a_follow_up_asking_for_the_other_side_of_the_condition_is_answered(everyday, table, first, then, condition):
    shown = answer(everyday[table], first)
    other = answer(everyday[table], then, previous=shown.state)  # nothing in it links: not declined
    assert condition in other.sql


def test_the_rows_noun_before_a_word_not_found_still_counts_the_rows(everyday):
    # "session volume": what is counted, said of the rows; declining "X volume by Y" would refuse a
    # common question to catch a rarer one ("employee satisfaction by office"), so it is answered
    ans = answer(everyday["visits"], "session volume by channel")
    assert "count(*)" in ans.sql and '"Channel"' in ans.sql and ans.alternatives
