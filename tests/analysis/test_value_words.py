"""Words that name columns and values (issue 11): money written "1,234.50" beside "803.45", an amount of
money or a unit that names the column compared ("over $5,000", "90 days late"), un- words and action
nouns ("uninsured", "cancellations"), "w/o", Y/N and 0/1 flags said as qualities ("disputed invoices",
"new patient visits", "on autopay", "returning patients"), a people word that names no number column,
the "no" inside a value ("no-show rate"), values typed short ("ortho", "enterprise" for Ent), statuses
said another way ("late", "missed") and doctor for provider. Each asks `answer()` about small CSVs
written here and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import answer_rows, rows_match, same_answer

AMT = "CAST(REPLACE(Amt, ',', '') AS DOUBLE)"


def _write_visits(path: Path, n: int = 400) -> None:
    """Clinic visits: Status with "No Show", Dept names, "Pt Age", a 0/1 "New Pt", TRUE/FALSE Insured,
    Yes/No "Reminder Sent", "Wait (min)", a "$25.00" Copay."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visit ID", "Visit Date", "Clinic", "Provider", "Dept", "Status", "Pt Age", "New Pt",
                    "Insured", "Reminder Sent", "Wait (min)", "Copay"])
        for i in range(n):
            w.writerow([f"V{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))).isoformat(),
                        rnd.choice(["North", "South"]), rnd.choice(["Dr. Ames", "Dr. Bell", "Dr. Cruz"]),
                        rnd.choice(["Orthopedics", "Cardiology", "Pediatrics"]),
                        rnd.choice(["Completed", "Completed", "Cancelled", "No Show"]), rnd.randint(2, 90),
                        rnd.choice([0, 0, 1]), rnd.choice(["TRUE", "TRUE", "FALSE"]), rnd.choice(["Yes", "No"]),
                        rnd.randint(0, 60), f"${rnd.choice([10, 25, 40, 60])}.00"])


def _write_invoices(path: Path, n: int = 400) -> None:
    """Invoices: a Customer, Amt written "1,234.50" (and "803.45" below a thousand), Tier Ent/SMB, Status with
    Overdue, a Tax beside the Amt, "Days Past Due", Y/N Disputed, 0/1 "Auto-Pay"."""
    rnd = random.Random(22)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Inv No", "Inv Date", "Region", "Tier", "Customer", "Amt", "Tax", "Status", "Days Past Due",
                    "Disputed", "Auto-Pay"])
        for i in range(n):
            status = rnd.choice(["Paid", "Paid", "Open", "Overdue"])
            w.writerow([f"INV-{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))).isoformat(),
                        rnd.choice(["East", "West"]), rnd.choice(["Ent", "SMB"]), rnd.choice(["Acme", "Bolt", "Core"]),
                        f"{rnd.uniform(20, 12000):,.2f}", round(rnd.uniform(1, 900), 2),
                        status, rnd.randint(1, 120) if status == "Overdue" else 0, rnd.choice(["Y", "N", "N"]),
                        rnd.choice([0, 1])])


def _write_claims(path: Path, n: int = 200) -> None:
    """Expense claims with a Yes/No Approved."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Claim ID", "Team", "Amount", "Approved"])
        for i in range(n):
            w.writerow([f"C{i:04d}", rnd.choice(["Ops", "Sales", "IT"]), round(rnd.uniform(5, 900), 2),
                        rnd.choice(["Yes", "Yes", "No"])])


def _write_staff(path: Path, n: int = 60) -> None:
    """Employees with a team and an annual salary."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Employee ID", "Name", "Team", "Annual Salary"])
        for i in range(n):
            w.writerow([f"E{i:03d}", f"Person {i}", rnd.choice(["Ops", "Sales", "IT"]), rnd.randint(40, 150) * 1000])


def _write_stock(path: Path, n: int = 80) -> None:
    """Products of a warehouse: a TRUE/FALSE Discontinued, units on hand (0 for some)."""
    rnd = random.Random(25)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Product", "Warehouse", "Discontinued", "On Hand"])
        for i in range(n):
            w.writerow([f"Item {i:02d}", rnd.choice(["East", "West"]), rnd.choice(["TRUE", "FALSE", "FALSE"]),
                        rnd.choice([0, 0, rnd.randint(1, 90)])])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("visits", _write_visits), ("invoices", _write_invoices), ("claims", _write_claims),
               ("staff", _write_staff), ("stock", _write_stock))
    with ingested_views(tmp_path_factory.mktemp("value_words"), writers) as got:
        yield got


# ------------------------------------------------------------------ numbers and the columns they compare
def test_money_with_thousands_separators_is_a_number(data):
    same_answer(data, "invoices", "total amt by region", f"SELECT Region, sum({AMT}) FROM invoices GROUP BY 1")
    same_answer(data, "invoices", "how much is overdue", f"SELECT sum({AMT}) FROM invoices WHERE Status = 'Overdue'")


def test_an_amount_of_money_compares_the_money_column(data):
    same_answer(data, "invoices", "invoices over $5,000 by region",
                f"SELECT Region, count(*) FROM invoices WHERE {AMT} > 5000 GROUP BY 1")
    same_answer(data, "invoices", "how many invoices were under $100",
                f"SELECT count(*) FROM invoices WHERE {AMT} < 100")
    # an amount of money is never an age, though a people word is said
    same_answer(data, "visits", "patients charged over $30 by clinic",
                "SELECT Clinic, count(*) FROM visits WHERE CAST(REPLACE(Copay, '$', '') AS DOUBLE) > 30 GROUP BY 1")


def test_the_unit_after_a_number_names_the_column(data):
    same_answer(data, "invoices", "how many invoices are at least 60 days late",
                'SELECT count(*) FROM invoices WHERE "Days Past Due" >= 60')
    # the unit is part of the condition, not a measure: the visits are counted
    same_answer(data, "visits", "visits where the wait was over 30 minutes, by clinic",
                'SELECT Clinic, count(*) FROM visits WHERE "Wait (min)" > 30 GROUP BY 1')


def test_a_people_word_is_not_a_number_column_of_theirs(data):
    same_answer(data, "visits", "visits for patients under 18 by dept",
                'SELECT Dept, count(*) FROM visits WHERE "Pt Age" < 18 GROUP BY 1')


# ------------------------------------------------------------------ flags said as qualities
def test_an_un_word_is_the_no_of_its_column_not_a_typo(data):
    same_answer(data, "visits", "uninsured patients by dept",
                "SELECT Dept, count(*) FROM visits WHERE NOT Insured GROUP BY 1")


def test_w_slash_o_is_without(data):
    same_answer(data, "visits", "visits w/o a reminder", 'SELECT count(*) FROM visits WHERE NOT "Reminder Sent"')


def test_a_y_n_column_said_as_a_quality(data):
    same_answer(data, "invoices", "disputed invoices by region",
                "SELECT Region, count(*) FROM invoices WHERE Disputed = 'Y' GROUP BY 1")
    same_answer(data, "invoices", "how many invoices aren't disputed",
                "SELECT count(*) FROM invoices WHERE Disputed = 'N'")


def test_a_zero_one_column_before_a_noun_or_after_on(data):
    same_answer(data, "visits", "new patient visits by clinic",
                'SELECT Clinic, count(*) FROM visits WHERE "New Pt" = 1 GROUP BY 1')
    same_answer(data, "invoices", "invoices on autopay by tier",
                'SELECT Tier, count(*) FROM invoices WHERE "Auto-Pay" = 1 GROUP BY 1')


def test_the_opposite_word_of_a_zero_one_column(data):
    same_answer(data, "visits", "how many returning patients were seen in cardiology",
                "SELECT count(*) FROM visits WHERE \"New Pt\" = 0 AND Dept = 'Cardiology'")


def test_the_opposite_word_of_a_yes_no_column(data):
    """"rejected" is the No of Approved (the lexicon's opposites), in a count and in a rate."""
    same_answer(data, "claims", "how many claims were rejected", "SELECT count(*) FROM claims WHERE NOT Approved")
    same_answer(data, "claims", "rejection rate by team",
                "SELECT Team, 100.0 * count(*) FILTER (WHERE NOT Approved) / count(*) AS pct FROM claims GROUP BY 1")


# ------------------------------------------------------------------ values said another way
def test_an_action_noun_names_its_participle_value(data):
    same_answer(data, "visits", "cancellations by clinic",
                "SELECT Clinic, count(*) FROM visits WHERE Status = 'Cancelled' GROUP BY 1")


def test_the_no_inside_a_value_is_not_a_negation(data):
    same_answer(data, "visits", "no-show rate by clinic",
                "SELECT Clinic, 100.0 * count(*) FILTER (WHERE Status = 'No Show') / count(*) AS pct FROM visits "
                "GROUP BY 1")


def test_a_value_typed_short(data):
    same_answer(data, "visits", "ortho visits by clinic",
                "SELECT Clinic, count(*) FROM visits WHERE Dept = 'Orthopedics' GROUP BY 1")
    same_answer(data, "invoices", "how many enterprise invoices are overdue",
                "SELECT count(*) FROM invoices WHERE Tier = 'Ent' AND Status = 'Overdue'")


def test_a_value_typed_without_its_space(data):
    same_answer(data, "visits", "noshows by clinic",
                "SELECT Clinic, count(*) FROM visits WHERE Status = 'No Show' GROUP BY 1")


def test_a_status_said_another_way(data):
    same_answer(data, "invoices", "late invoices by region",
                "SELECT Region, count(*) FROM invoices WHERE Status = 'Overdue' GROUP BY 1")
    same_answer(data, "visits", "how many patients missed their visit",
                "SELECT count(*) FROM visits WHERE Status = 'No Show'")


def test_a_negated_verb_names_a_no_value(data):
    """"didn't show up" is the value No Show, not every status but one."""
    same_answer(data, "visits", "average age of patients who didn't show up",
                "SELECT avg(\"Pt Age\") FROM visits WHERE Status = 'No Show'")


def test_doctor_names_the_provider(data):
    same_answer(data, "visits", "completed visits by doctor",
                "SELECT Provider, count(*) FROM visits WHERE Status = 'Completed' GROUP BY 1")


def test_a_plural_noun_after_a_value_names_the_rows(data):
    """"customers" after "enterprise" are the rows Tier = Ent selects, not a split by customer."""
    same_answer(data, "invoices", "total amt for enterprise customers by month",
                f"SELECT date_trunc('month', \"Inv Date\") AS m, sum({AMT}) FROM invoices WHERE Tier = 'Ent' "
                "GROUP BY m")


def test_days_of_the_week_said_as_a_condition(data):
    same_answer(data, "visits", "weekend visits by clinic",
                'SELECT Clinic, count(*) FROM visits WHERE dayofweek("Visit Date") IN (0, 6) GROUP BY 1')
    same_answer(data, "visits", "how many visits were on mondays",
                'SELECT count(*) FROM visits WHERE dayofweek("Visit Date") = 1')
    # a grain of days stays a breakdown
    same_answer(data, "visits", "visits by weekday",
                'SELECT dayname("Visit Date"), count(*) FROM visits GROUP BY 1')


def test_a_plural_noun_after_a_yes_no_quality_names_the_rows(data):
    same_answer(data, "stock", "how many discontinued products are still in stock",
                'SELECT count(*) FROM stock WHERE Discontinued AND "On Hand" > 0')


def test_counting_the_entities_a_value_selects(data):
    """"number of enterprise customers": the customers (distinct), not their invoices nor one bar each."""
    same_answer(data, "invoices", "number of enterprise customers",
                "SELECT count(DISTINCT Customer) FROM invoices WHERE Tier = 'Ent'")
    same_answer(data, "stock", "number of discontinued products by warehouse",
                "SELECT Warehouse, count(*) FROM stock WHERE Discontinued GROUP BY 1")


def test_a_value_beside_its_own_column_is_one_condition(data):
    """"the Ortho dept": the column named beside its value says which value, not a breakdown by it."""
    ans = same_answer(data, "visits", "visits in the orthopedics dept",
                      "SELECT count(*) FROM visits WHERE Dept = 'Orthopedics'")
    assert ans.chart_type == "kpi", ans.sql  # one number, not one bar per (one) department


def test_headcount_counts_people(data):
    """"total headcount": the people counted, not the total of their salaries."""
    same_answer(data, "staff", "total headcount", "SELECT count(*) FROM staff")
    same_answer(data, "staff", "headcount by team", "SELECT Team, count(*) FROM staff GROUP BY 1")


def test_a_day_of_the_week_said_in_a_follow_up_keeps_the_period_on_the_same_date(data):
    ds, con = data
    first = answer(ds["visits"], "visits in march 2024 by clinic")
    ans = answer(ds["visits"], "only weekends", previous=first.state)
    gold = con.execute('SELECT Clinic, count(*) FROM visits WHERE dayofweek("Visit Date") IN (0, 6) '
                       "AND \"Visit Date\" BETWEEN DATE '2024-03-01' AND DATE '2024-03-31' GROUP BY 1").fetchall()
    assert rows_match(gold, answer_rows(ans)), ans.sql


def _write_decisions(path: Path) -> None:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Claim", "Region", "Outcome"])
        for i in range(60):
            w.writerow([f"C{i:03d}", ["North", "South"][i % 2], ["Denied", "Paid", "Withdrawn", "Paid"][i % 4]])


def test_a_noun_or_past_tense_of_a_status_names_it(tmp_path):
    """"denials" ~ Denied, "withdrew" ~ Withdrawn: the noun of an action and an irregular past tense
    name the participle a status is written as."""
    with ingested_views(tmp_path, [("decisions", _write_decisions)]) as data:
        same_answer(data, "decisions", "number of denials by region",
                    "SELECT Region, count(*) FROM decisions WHERE Outcome = 'Denied' GROUP BY 1")
        same_answer(data, "decisions", "how many claimants withdrew",
                    "SELECT count(*) FROM decisions WHERE Outcome = 'Withdrawn'")


def _write_candidates(path: Path) -> None:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Candidate", "Role", "Stage"])
        for i in range(60):
            stage = ["Hired", "Rejected", "Withdrawn", "Interview"][i % 4]
            w.writerow([f"A{i:03d}", ["Analyst", "Engineer"][i % 2], stage])


def test_a_past_tense_names_the_one_irregular_status_of_a_column(tmp_path):
    """"withdrew" ~ Withdrawn also when the column's other statuses are regular (Hired, Rejected): a past tense
    unlike its participle says the event, so one such status is enough; "how many candidates" alone still
    counts them all."""
    with ingested_views(tmp_path, [("candidates", _write_candidates)]) as data:
        same_answer(data, "candidates", "how many candidates withdrew",
                    "SELECT count(*) FROM candidates WHERE Stage = 'Withdrawn'")
        same_answer(data, "candidates", "how many candidates", "SELECT count(*) FROM candidates")


def _write_shop_orders(path: Path) -> None:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order No", "Region", "Status", "Total"])
        for i in range(80):
            status = ["Shipped", "Returned", "Shipped", "Cancelled", "Shipped"][i % 5]
            w.writerow([f"N{i:03d}", ["North", "South"][i % 2], status, 10 + i])


def test_the_plural_of_a_request_verb_is_a_noun_naming_a_status(tmp_path):
    """"how many returns" ~ Returned: "return" is a stop word as a request ("return the list"), but its plural is
    the noun of the event, as "cancellations" ~ Cancelled."""
    with ingested_views(tmp_path, [("orders", _write_shop_orders)]) as data:
        same_answer(data, "orders", "how many returns", "SELECT count(*) FROM orders WHERE Status = 'Returned'")
        same_answer(data, "orders", "number of returns by region",
                    "SELECT Region, count(*) FROM orders WHERE Status = 'Returned' GROUP BY 1")
        same_answer(data, "orders", "orders by region", "SELECT Region, count(*) FROM orders GROUP BY 1")
