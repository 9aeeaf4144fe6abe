"""Word families of issue 11: typos in column and value words, short forms of column words, periods
compared and the date a period reads, and distributions said in other words. Each asks `answer()` about
a small CSV written here, in wording of its own, and checks the rows against DuckDB over the same file."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import answer
from tests.helpers import ingested_views

from .scoring import comparable_rows, rows_match, same_answer

STATES = ["Florida", "Texas", "Ohio", "Nevada", "Oregon"]


def _write_tickets(path: Path, n: int = 500) -> None:
    """Support tickets of 2024 to June 2025: channel, category (one of two words), state, hours to resolve."""
    rnd = random.Random(21)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ticket ID", "Created Date", "Channel", "Category", "Priority", "Agent", "Customer State",
                    "Resolution Hours", "Insurance Plan"])
        for i in range(n):
            w.writerow([f"T{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(540))).isoformat(),
                        rnd.choice(["Email", "Phone", "Chat"]),
                        rnd.choice(["Billing", "Technical Support", "Account Access", "Shipping"]),
                        rnd.choice(["Low", "Medium", "High"]), rnd.choice(["Ann", "Bob", "Cid", "Dee"]),
                        rnd.choice(STATES), round(rnd.uniform(1, 80), 1), rnd.choice(["Basic", "Premier"])])


def _write_hiring(path: Path, n: int = 240) -> None:
    """Job requisitions: applications and interviews per requisition, by department and manager."""
    rnd = random.Random(22)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Requisition ID", "Department", "Hiring Manager", "Applications", "Interviews", "Payment Method"])
        for i in range(n):
            apps = rnd.randint(5, 200)
            w.writerow([f"R{i:03d}", rnd.choice(["Engineering", "Marketing", "Finance"]),
                        rnd.choice(["Kim", "Lee", "Ray"]), apps, rnd.randint(1, apps // 3 + 1),
                        rnd.choice(["Card", "Invoice"])])


def _write_sales(path: Path, n: int = 400) -> None:
    """Orders of 2024 to mid 2025 with an amount, a rep and a region."""
    rnd = random.Random(23)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order Date", "Region", "Sales Rep", "Amount"])
        for _ in range(n):
            w.writerow([(dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(520))).isoformat(),
                        rnd.choice(["East", "West", "Central"]), rnd.choice(["Dana", "Eli", "Fay"]),
                        round(rnd.uniform(5, 900), 2)])


def _write_visits(path: Path, n: int = 300) -> None:
    """Clinic visits booked 1-60 days ahead: the booked date comes first and has as many values."""
    rnd = random.Random(24)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Visit ID", "Booked On", "Visit Date", "Clinic", "No Show", "Fee"])
        for i in range(n):
            booked = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(400))
            visit = booked + dt.timedelta(days=rnd.randint(1, 60))
            w.writerow([f"V{i:03d}", booked.isoformat(), visit.isoformat(), rnd.choice(["North", "South"]),
                        rnd.choice(["Yes", "No", "No", "No"]), rnd.choice([20, 35, 50])])


def _write_stock(path: Path, n: int = 120) -> None:
    """Stock lines with the units sold over the trailing 30 days in one column, beside a dated column."""
    rnd = random.Random(25)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["SKU", "Category", "OnHand", "UnitsSold30d", "LastCounted"])
        for i in range(n):
            w.writerow([f"K{i:03d}", rnd.choice(["Tools", "Paint", "Garden"]), rnd.randint(0, 90), rnd.randint(0, 40),
                        (dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(120))).isoformat()])


def _write_gifts(path: Path, n: int = 200) -> None:
    """Donations of 2023 and 2024, the last one on New Year's Eve 2024 (the data's last year is complete)."""
    rnd = random.Random(26)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Gift Date", "Fund", "Amount"])
        for i in range(n):
            day = dt.date(2024, 12, 31) if i == 0 else dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(730))
            w.writerow([day.isoformat(), rnd.choice(["Library", "Parks"]), rnd.randint(5, 500)])


def _write_deals(path: Path, n: int = 150) -> None:
    """Sales deals at a stage (Won, Lost, Open, Written Off) with an amount and a rep."""
    rnd = random.Random(27)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Deal", "Stage", "Rep", "Amount"])
        for i in range(n):
            w.writerow([f"D{i:03d}", rnd.choice(["Won", "Lost", "Open", "Written Off"]), rnd.choice(["Ida", "Jon"]),
                        rnd.randint(100, 9000)])


def _write_accounts(path: Path, n: int = 90) -> None:
    """Customer accounts: a customer id, a country, monthly revenue and a status."""
    rnd = random.Random(28)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["customerId", "country", "mrr", "status"])
        for i in range(n):
            w.writerow([f"C{i:03d}", rnd.choice(["Peru", "Chile", "Spain"]), rnd.randint(50, 900),
                        rnd.choice(["active", "churned"])])


def _write_courses(path: Path, n: int = 80) -> None:
    """Course enrolments: a course, a source of the sign-up (a word one letter from "course") and a fee."""
    rnd = random.Random(29)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Enrollment ID", "Course", "Lead Source", "Fee"])
        for i in range(n):
            w.writerow([f"E{i:03d}", rnd.choice(["Python Basics", "Excel", "UX"]), rnd.choice(["Ads", "Referral"]),
                        rnd.randint(50, 400)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("tickets", _write_tickets), ("hiring", _write_hiring), ("sales", _write_sales),
               ("visits", _write_visits), ("stock", _write_stock), ("gifts", _write_gifts),
               ("deals", _write_deals), ("accounts", _write_accounts), ("courses", _write_courses))
    with ingested_views(tmp_path_factory.mktemp("words"), writers) as got:
        yield got


def _same_spread(data, dataset: str, question: str, gold_sql: str, chart: str) -> None:
    """A distribution answer: its chart, and its medians (one per group for a boxplot) equal the gold's."""
    ds, con = data
    ans = answer(ds[dataset], question)
    gold = con.execute(gold_sql).fetchall()
    assert ans.chart_type == chart, (question, ans.chart_type, ans.sql)
    assert rows_match(gold, comparable_rows(ans)), (question, ans.sql, comparable_rows(ans)[:6], gold[:6])


# ------------------------------------------------------------------ typos in column and value words
def test_a_doubled_letter_in_a_column_word(data):
    same_answer(data, "tickets", "tickets per chanell",
                "SELECT Channel, count(*) FROM tickets GROUP BY 1")


def test_two_letters_swapped_in_a_column_word(data):
    same_answer(data, "tickets", "average resolution hours by priorty",
                "SELECT Priority, avg(\"Resolution Hours\") FROM tickets GROUP BY 1")


def test_one_letter_changed_in_a_long_word_of_a_two_word_column(data):
    same_answer(data, "tickets", "tickets by insurence plan",
                "SELECT \"Insurance Plan\", count(*) FROM tickets GROUP BY 1")


def test_a_typo_of_a_plural_column_word(data):
    same_answer(data, "tickets", "average resolution hours across all chanels",
                "SELECT Channel, avg(\"Resolution Hours\") FROM tickets GROUP BY 1")
    same_answer(data, "tickets", "compare categroies by ticket count",
                "SELECT Category, count(*) FROM tickets GROUP BY 1")


def test_a_letter_of_the_same_sound_in_a_column_word(data):
    """"cource" is course with the s written as it sounds (a six-letter word: only such a slip, or the key beside,
    is a typo, not any letter changed); "source" is as close by letters, but its first letter differs."""
    same_answer(data, "courses", "enrollments by cource", "SELECT Course, count(*) FROM courses GROUP BY 1")
    same_answer(data, "tickets", "tickets on the basik plan",
                "SELECT count(*) FROM tickets WHERE \"Insurance Plan\" = 'Basic'")


def test_two_letters_swapped_in_a_value(data):
    same_answer(data, "tickets", "how many tickets came from texsa",
                "SELECT count(*) FROM tickets WHERE \"Customer State\" = 'Texas'")


def test_a_dropped_letter_in_a_value(data):
    same_answer(data, "tickets", "tickets from oregn by channel",
                "SELECT Channel, count(*) FROM tickets WHERE \"Customer State\" = 'Oregon' GROUP BY 1")


def test_a_typo_and_a_clipped_word_in_a_two_word_value(data):
    same_answer(data, "tickets", "avg resolution hours for tech suport tickets",
                "SELECT avg(\"Resolution Hours\") FROM tickets WHERE Category = 'Technical Support'")


# ------------------------------------------------------------------ short forms of column words
def test_a_clipped_plural_names_a_measure_column(data):
    same_answer(data, "hiring", "total apps by department",
                "SELECT Department, sum(Applications) FROM hiring GROUP BY 1")


def test_a_clipped_plural_names_the_rows(data):
    same_answer(data, "hiring", "reqs per hiring manager",
                "SELECT \"Hiring Manager\", count(*) FROM hiring GROUP BY 1")


def test_a_start_and_consonants_name_a_column_word(data):
    same_answer(data, "hiring", "avg interviews by pymt method",
                "SELECT \"Payment Method\", avg(Interviews) FROM hiring GROUP BY 1")


def test_a_measure_by_the_last_word_of_a_group_column(data):
    same_answer(data, "sales", "revenue by rep",
                "SELECT \"Sales Rep\", sum(Amount) FROM sales GROUP BY 1")


def test_short_forms_of_a_one_word_value(data):
    same_answer(data, "hiring", "total applications for mktg",
                "SELECT sum(Applications) FROM hiring WHERE Department = 'Marketing'")
    same_answer(data, "hiring", "avg interviews in eng by manager",
                "SELECT \"Hiring Manager\", avg(Interviews) FROM hiring WHERE Department = 'Engineering' GROUP BY 1")


def test_short_forms_of_every_word_of_a_two_word_value(data):
    same_answer(data, "tickets", "how many tickets about acct access",
                "SELECT count(*) FROM tickets WHERE Category = 'Account Access'")
    same_answer(data, "tickets", "tickets for tech supp by channel",
                "SELECT Channel, count(*) FROM tickets WHERE Category = 'Technical Support' GROUP BY 1")


def test_an_irregular_verb_names_its_participle_value(data):
    same_answer(data, "deals", "how much did we write off",
                "SELECT sum(Amount) FROM deals WHERE Stage = 'Written Off'")
    same_answer(data, "deals", "how many deals did each rep win",
                "SELECT Rep, count(*) FROM deals WHERE Stage = 'Won' GROUP BY 1")


# ------------------------------------------------------------------ periods compared, the date a period reads
def test_last_year_vs_this_year_is_one_bar_per_year(data):
    same_answer(data, "tickets", "tickets last year vs this year",
                "SELECT date_trunc('year', \"Created Date\"), count(*) FROM tickets "
                "WHERE year(\"Created Date\") IN (2024, 2025) GROUP BY 1")


def test_two_quarters_compared_by_a_measure(data):
    same_answer(data, "tickets", "avg resolution hours q1 vs q2",
                "SELECT date_trunc('quarter', \"Created Date\"), avg(\"Resolution Hours\") FROM tickets "
                "WHERE \"Created Date\" BETWEEN '2025-01-01' AND '2025-06-30' GROUP BY 1")


def test_two_months_compared_by_name(data):
    same_answer(data, "sales", "amount in march vs april by region",
                "SELECT date_trunc('month', \"Order Date\"), Region, sum(Amount) FROM sales "
                "WHERE \"Order Date\" BETWEEN '2025-03-01' AND '2025-04-30' GROUP BY 1, 2")


def test_two_years_compared_to_each_other_in_words(data):
    same_answer(data, "sales", "sales in 2024 compared to 2025",
                "SELECT date_trunc('year', \"Order Date\"), sum(Amount) FROM sales GROUP BY 1")


def test_this_year_vs_last_year_when_the_data_ends_on_new_years_eve(data):
    # the data's last year is complete: alone "last year" is that year, beside "this year" the one before
    same_answer(data, "gifts", "gifts this year vs last year by fund",
                "SELECT date_trunc('year', \"Gift Date\"), Fund, count(*) FROM gifts GROUP BY 1, 2")
    same_answer(data, "gifts", "gifts last year",
                "SELECT count(*) FROM gifts WHERE year(\"Gift Date\") = 2024")


def test_a_participle_names_the_date_a_period_reads(data):
    same_answer(data, "visits", "how many visits were booked last month",
                "SELECT count(*) FROM visits WHERE \"Booked On\" >= (SELECT date_trunc('month', max(\"Booked On\")) "
                "FROM visits) - INTERVAL 1 MONTH AND \"Booked On\" < (SELECT date_trunc('month', max(\"Booked On\")) "
                "FROM visits)")


def test_a_period_reads_the_visit_date_not_the_booked_date(data):
    same_answer(data, "visits", "how many no shows last month",
                "SELECT count(*) FROM visits WHERE \"No Show\" AND \"Visit Date\" >= (SELECT date_trunc('month', "
                "max(\"Visit Date\")) FROM visits) - INTERVAL 1 MONTH AND \"Visit Date\" < (SELECT date_trunc('month', "
                "max(\"Visit Date\")) FROM visits)")


def test_a_time_axis_reads_the_visit_date_unless_booking_is_named(data):
    same_answer(data, "visits", "fees per month",
                "SELECT date_trunc('month', \"Visit Date\"), sum(Fee) FROM visits GROUP BY 1")
    same_answer(data, "visits", "visits by booking month",
                "SELECT date_trunc('month', \"Booked On\"), count(*) FROM visits GROUP BY 1")


def test_a_no_inside_a_column_name_is_not_a_negation(data):
    same_answer(data, "visits", "no-show rate by clinic",
                "SELECT Clinic, 100.0 * avg(CASE WHEN \"No Show\" THEN 1 ELSE 0 END) FROM visits GROUP BY 1")


def test_yesterday_and_the_past_fortnight_are_anchored_to_the_latest_day(data):
    last = "(SELECT max(\"Created Date\") FROM tickets)"
    same_answer(data, "tickets", "tickets yesterday by channel",
                f"SELECT Channel, count(*) FROM tickets WHERE \"Created Date\" = {last} - INTERVAL 1 DAY GROUP BY 1")
    same_answer(data, "tickets", "how many tickets in the past fortnight",
                f"SELECT count(*) FROM tickets WHERE \"Created Date\" > {last} - INTERVAL 14 DAY")


def test_a_column_whose_name_holds_the_period_is_not_a_filter(data):
    same_answer(data, "stock", "units sold in the last 30 days by category",
                "SELECT Category, sum(UnitsSold30d) FROM stock GROUP BY 1")


def test_a_typo_between_a_cue_and_its_longer_form_reads_the_longer(data):
    same_answer(data, "tickets", "monthy tickets",
                "SELECT date_trunc('month', \"Created Date\"), count(*) FROM tickets GROUP BY 1")


def test_typos_of_period_words(data):
    same_answer(data, "tickets", "tickets by channel in the past 3 monhts",
                "SELECT Channel, count(*) FROM tickets WHERE \"Created Date\" >= '2025-04-01' GROUP BY 1")


def test_a_typo_of_a_word_of_the_lexicon(data):
    ds, _con = data
    typed, meant = answer(ds["tickets"], "what shaer of tickets came by phone"), \
        answer(ds["tickets"], "what share of tickets came by phone")
    assert typed.sql == meant.sql


def test_a_four_letter_word_typed_without_its_vowel(data):
    same_answer(data, "tickets", "tickets per mnth",
                "SELECT date_trunc('month', \"Created Date\"), count(*) FROM tickets GROUP BY 1")
    same_answer(data, "stock", "total stck on hand by category",
                "SELECT Category, sum(OnHand) FROM stock GROUP BY 1")


def test_a_finger_on_the_next_key_in_a_short_column_word(data):
    same_answer(data, "tickets", "average resolution hours by agemt",
                "SELECT Agent, avg(\"Resolution Hours\") FROM tickets GROUP BY 1")
    same_answer(data, "tickets", "the 2 agemts with the lowest avg resolution hours",
                "SELECT Agent, avg(\"Resolution Hours\") FROM tickets GROUP BY 1 ORDER BY 2 LIMIT 2")


def test_a_word_of_grammar_is_no_typo_of_a_lexicon_word(data):
    # "starts" is one letter from "stars": the text condition stays
    same_answer(data, "sales", "amount by sales rep for reps whose name starts with d",
                "SELECT \"Sales Rep\", sum(Amount) FROM sales WHERE \"Sales Rep\" LIKE 'D%' GROUP BY 1")


def test_a_short_form_of_a_column_word_is_no_typo_of_a_lexicon_word(data):
    # "custs" shortens customerId's "customer": no typo of "costs"
    same_answer(data, "accounts", "active custs by contry",
                "SELECT country, count(*) FROM accounts WHERE status = 'active' GROUP BY 1")


# ------------------------------------------------------------------ distributions in other words
def test_range_of_a_measure_per_group_is_a_boxplot(data):
    _same_spread(data, "tickets", "range of resolution hours per agent",
                 "SELECT Agent, median(\"Resolution Hours\") FROM tickets GROUP BY 1", "boxplot")


def test_how_variable_a_measure_is_by_group(data):
    _same_spread(data, "tickets", "how variable are resolution hours by priority",
                 "SELECT Priority, median(\"Resolution Hours\") FROM tickets GROUP BY 1", "boxplot")


def test_spread_by_a_time_grain_is_a_box_per_period(data):
    _same_spread(data, "tickets", "distribution of resolution hours by month",
                 "SELECT date_trunc('month', \"Created Date\"), median(\"Resolution Hours\") FROM tickets GROUP BY 1",
                 "boxplot")
    _same_spread(data, "sales", "spread of amount by weekday",
                 "SELECT dayname(\"Order Date\"), median(Amount) FROM sales GROUP BY 1", "boxplot")


def test_quartiles_by_group_are_a_boxplot(data):
    _same_spread(data, "tickets", "resolution hours quartiles by channel",
                 "SELECT Channel, median(\"Resolution Hours\") FROM tickets GROUP BY 1", "boxplot")


def test_a_histogram_by_group_is_a_boxplot(data):
    _same_spread(data, "tickets", "histogram of resolution hours by channel",
                 "SELECT Channel, median(\"Resolution Hours\") FROM tickets GROUP BY 1", "boxplot")


def test_distribution_of_a_daily_measure_by_group_has_no_time_axis(data):
    _same_spread(data, "sales", "distribution of daily amount by region",
                 "SELECT Region, median(Amount) FROM sales GROUP BY 1", "boxplot")


def test_a_typo_of_a_spread_word(data):
    _same_spread(data, "tickets", "spred of resolution hours by channel",
                 "SELECT Channel, median(\"Resolution Hours\") FROM tickets GROUP BY 1", "boxplot")


def test_the_value_of_the_thing_each_row_is_spreads_the_money_column(data):
    _same_spread(data, "deals", "deal size distribution",
                 "SELECT median(Amount) FROM deals", "histogram")
    _same_spread(data, "deals", "spread of deal values per rep",
                 "SELECT Rep, median(Amount) FROM deals GROUP BY 1", "boxplot")


def test_spread_of_one_measure_is_a_histogram(data):
    _same_spread(data, "sales", "how spread out are order amounts",
                 "SELECT median(Amount) FROM sales", "histogram")
