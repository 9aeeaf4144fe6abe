"""The shape of the answer (issue 11): a word of money that names no column ("spending", "cost us the
most"), two measures (a count beside a measure, two cues of one money word), a superlative that
describes a dimension ("biggest spending team"), rates and shares of a 0/1 flag or of the money, and
money per person. Each asks `answer()` about small CSVs written here and checks the rows against
DuckDB over the same files."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from tests.helpers import ingested_views

from .scoring import same_answer

COST = "CAST(replace(replace(Cost, '$', ''), ',', '') AS DOUBLE)"


def _write_expenses(path: Path, n: int = 500) -> None:
    """Expense claims of 2024: a "$1,234.50" cost (the only money column), Yes/No approval, people."""
    rnd = random.Random(11)
    people = {t: [f"{t[0]}{i}" for i in range(4)] for t in ("Sales", "Support", "Research")}
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Expense ID", "Date", "Team", "Category", "Supplier", "Cost", "Approved", "Employee"])
        for i in range(n):
            team = rnd.choice(list(people))
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
            w.writerow([f"X{i:04d}", day.isoformat(), team, rnd.choice(["Travel", "Meals", "Hardware"]),
                        rnd.choice(["Acme", "Globex", "Initech", "Umbrella"]), f"${rnd.uniform(10, 3000):,.2f}",
                        rnd.choice(["Yes", "Yes", "No"]), rnd.choice(people[team])])


def _write_accounts(path: Path, n: int = 300) -> None:
    """SaaS accounts: a plan, a region, a 0/1 trial flag and MRR (a money name without a currency)."""
    rnd = random.Random(12)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["account_id", "plan", "region", "trial", "MRR"])
        for i in range(n):
            w.writerow([f"A{i:04d}", rnd.choice(["Basic", "Pro"]), rnd.choice(["Europe", "Americas", "Asia"]),
                        rnd.choice([0, 1, 1]), round(rnd.uniform(20, 900), 2)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("expenses", _write_expenses), ("accounts", _write_accounts))
    with ingested_views(tmp_path_factory.mktemp("shapes"), writers) as got:
        yield got


# ------------------------------------------------------------------ a word of money names the money column
def test_spending_by_two_columns_sums_the_money(data):
    ans = same_answer(data, "expenses", "spending by team and category",
                f"SELECT Team, Category, sum({COST}) FROM expenses GROUP BY 1, 2")
    assert ans.plan["data_fields"]["color"]


def test_a_verb_of_money_ranks_the_groups_by_it(data):
    same_answer(data, "expenses", "which 2 suppliers cost us the most",
                f"SELECT Supplier, sum({COST}) AS c FROM expenses GROUP BY 1 ORDER BY c DESC LIMIT 2")


def test_how_many_still_counts_the_rows(data):
    same_answer(data, "expenses", "how many expenses per team", "SELECT Team, count(*) FROM expenses GROUP BY 1")


def test_a_money_name_without_a_currency_is_the_money(data):
    same_answer(data, "accounts", "average revenue per account by plan",
                "SELECT plan, avg(MRR) FROM accounts GROUP BY 1")


# ------------------------------------------------------------------ two measures
def test_a_count_and_a_measure_joined_by_and(data):
    same_answer(data, "expenses", "number of expenses and total cost per team",
                f"SELECT Team, count(*), sum({COST}) FROM expenses GROUP BY 1", every_column=True)


def test_two_cues_of_one_money_word(data):
    same_answer(data, "expenses", "total and average spending by category",
                f"SELECT Category, sum({COST}), avg({COST}) FROM expenses GROUP BY 1", every_column=True)


# ------------------------------------------------------------------ a superlative describing a dimension
def test_a_superlative_before_a_singular_noun_is_one_group(data):
    ans = same_answer(data, "expenses", "biggest spending team",
                f"SELECT Team, sum({COST}) AS c FROM expenses GROUP BY 1 ORDER BY c DESC LIMIT 1")
    assert len(ans.data) == 1


def test_n_groups_with_the_lowest(data):
    same_answer(data, "expenses", "2 suppliers with the lowest spend",
                f"SELECT Supplier, sum({COST}) AS c FROM expenses GROUP BY 1 ORDER BY c ASC LIMIT 2")


# ------------------------------------------------------------------ rates and shares
def test_a_rate_of_a_zero_one_flag(data):
    same_answer(data, "accounts", "trial rate by region",
                "SELECT region, 100.0 * avg(trial) FROM accounts GROUP BY 1")


def test_the_condition_after_the_rows_noun_is_the_share(data):
    same_answer(data, "accounts", "what fraction of Pro accounts are in Europe",
                "SELECT 100.0 * avg(CASE WHEN region = 'Europe' THEN 1 ELSE 0 END) FROM accounts WHERE plan = 'Pro'")


def test_a_share_of_the_money(data):
    same_answer(data, "expenses", "what percent of research spend went on hardware",
                f"SELECT 100.0 * sum(CASE WHEN Category = 'Hardware' THEN {COST} ELSE 0 END) / sum({COST}) "
          "FROM expenses WHERE Team = 'Research'")


def test_money_per_person_beside_another_group(data):
    same_answer(data, "expenses", "average spend per employee by team",
                f"SELECT Team, sum({COST}) / count(DISTINCT Employee) FROM expenses GROUP BY 1")


def test_a_superlative_of_price_ranks_by_the_price(data):
    same_answer(data, "expenses", "the two cheapest suppliers",
                f"SELECT Supplier, avg({COST}) AS c FROM expenses GROUP BY 1 ORDER BY c ASC LIMIT 2")


def test_raw_values_of_many_rows_per_bar_are_summed(data):
    """A table of transactions: "cost by team stacked by category" sums each bar, it does not overlay rows."""
    same_answer(data, "expenses", "cost by team stacked by category",
                f"SELECT Team, Category, sum({COST}) FROM expenses GROUP BY 1, 2")


def test_the_insight_of_a_top_n_tells_no_share_of_a_total_it_has_not_seen(data):
    """The sum of the top 3 is not the total spend: the lead says "among the 3 shown", not "x% of the total"."""
    ans = same_answer(data, "expenses", "which 3 suppliers cost us the most",
                f"SELECT Supplier, sum({COST}) AS c FROM expenses GROUP BY 1 ORDER BY c DESC LIMIT 3")
    assert "of the total" not in ans.insight and "Among the 3 shown" in ans.insight


def test_the_rows_noun_beside_a_measure_is_counted(data):
    """"expenses and average cost by team": the rows' noun joined to a measure by "and" counts them."""
    same_answer(data, "expenses", "expenses and average cost by team",
                f"SELECT Team, count(*), avg({COST}) FROM expenses GROUP BY 1", every_column=True)


def test_a_zero_one_flag_splits_the_counts(data):
    same_answer(data, "accounts", "compare trial and non-trial accounts by region",
                "SELECT region, trial, count(*) FROM accounts GROUP BY 1, 2")


def test_who_asks_for_the_people_column(data):
    """Rows are expenses; "who" asks for the employees who spent, summed per person."""
    same_answer(data, "expenses", "who spent the most on meals",
                f"SELECT Employee, sum({COST}) AS c FROM expenses WHERE Category = 'Meals' "
          "GROUP BY 1 ORDER BY c DESC LIMIT 1")


def test_a_vs_b_counts_per_category_are_bars(data):
    """"approved vs rejected" per team compares counts of categories: bars, not a scatter."""
    ans = same_answer(data, "expenses", "number of approved vs rejected expenses per team",
                "SELECT Team, Approved, count(*) FROM expenses GROUP BY 1, 2")
    assert ans.chart_type == "bar"


def test_which_n_groups_then_a_verb_and_a_superlative(data):
    same_answer(data, "expenses", "which 2 teams spent the least",
                f"SELECT Team, sum({COST}) AS c FROM expenses GROUP BY 1 ORDER BY c ASC LIMIT 2")
