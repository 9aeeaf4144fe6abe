"""Charts with more than one thing in them (issue 11): a split by colour, two measures side by side,
and measures derived from two columns — a funnel rate, a ratio said by its initials, profit, a
quantity times its price, the rate of a blank date, the time from one recorded event to the next.
Each asks `answer()` about a small CSV written here and checks the rows against DuckDB."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest

from datavis.analysis import Unanswerable, answer
from tests.helpers import ingested_views

from .scoring import same_answer


def _write_ads(path: Path) -> None:
    """Daily ad results per channel and country: a funnel (impressions > clicks > conversions), cost, sales."""
    rnd = random.Random(11)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Day", "Channel", "Country", "Impressions", "Clicks", "Cost", "Conversions", "Sales"])
        for d in range(120):
            for channel in ("Search", "Social", "Email", "Display"):
                for country in ("US", "DE"):
                    imp = rnd.randint(2000, 9000)
                    clicks = rnd.randint(20, imp // 20)
                    conv = rnd.randint(0, clicks // 10)
                    w.writerow([(dt.date(2024, 1, 1) + dt.timedelta(days=d)).isoformat(), channel, country, imp, clicks,
                                round(clicks * rnd.uniform(0.2, 1.5), 2), conv, round(conv * rnd.uniform(20, 90), 2)])


def _write_timesheets(path: Path) -> None:
    """Weekly entries: hours (and overtime, "OT Hrs") at an hourly rate, submitted then approved (blank while
    pending)."""
    rnd = random.Random(12)
    staff = [("Ann", "F", "Ops"), ("Bo", "M", "Ops"), ("Cy", "M", "Tech"), ("Di", "F", "Tech"), ("Ed", "M", "Sales"),
             ("Fay", "F", "Sales")]
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Week Start", "Worker", "Sex", "Team", "Client", "Hours", "OT Hrs", "Rate/hr", "Submitted",
                    "Approved On"])
        for _ in range(300):
            name, sex, team = rnd.choice(staff)
            week = dt.date(2024, 1, 1) + dt.timedelta(weeks=rnd.randrange(40))
            sent = week + dt.timedelta(days=rnd.randint(3, 9))
            approved = "" if rnd.random() < 0.15 else (sent + dt.timedelta(days=rnd.randint(0, 6))).isoformat()
            w.writerow([week.isoformat(), name, sex, team, rnd.choice(["Acme", "Globex", "Initech"]),
                        rnd.randint(4, 40), rnd.choice([0, 0, 1, 2.5, 4]), round(rnd.uniform(30, 90), 2),
                        sent.isoformat(), approved])


def _write_sales(path: Path) -> None:
    """Order lines priced per unit, with no amount column; Returned as Y/N letters (text to DuckDB)."""
    rnd = random.Random(13)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Line", "Date", "Region", "Qty", "Unit Price", "Returned"])
        for i in range(250):
            w.writerow([f"L{i:04d}", (dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))).isoformat(),
                        rnd.choice(["North", "South", "East"]), rnd.randint(1, 12), round(rnd.uniform(3, 60), 2),
                        rnd.choice("YNNNN")])


def _write_staff(path: Path) -> None:
    rnd = random.Random(14)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Staff ID", "Gender", "Team", "Salary"])
        for i in range(120):
            w.writerow([f"S{i:03d}", rnd.choice(["Male", "Female", "Non-binary"]), rnd.choice(["Ops", "Tech", "Sales"]),
                        rnd.randrange(40_000, 120_000, 500)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("ads", _write_ads), ("timesheets", _write_timesheets), ("sales", _write_sales), ("staff", _write_staff))
    with ingested_views(tmp_path_factory.mktemp("split"), writers) as got:
        yield got


# ------------------------------------------------------------------ split by colour
def test_an_hourly_rate_over_dates_is_a_measure_not_an_hour_axis(data):
    """Dates without times have no hours: "hourly" describes the rate; men and women split the bars."""
    ans = same_answer(data, "timesheets", "compare the hourly rate of men and women across teams",
                      'SELECT Team, Sex, avg("Rate/hr") FROM timesheets GROUP BY 1, 2')
    assert ans.chart_type == "bar" and ans.plan["color"] == "Sex"


def test_two_values_in_capitals_that_are_stop_words_split_by_colour(data):
    ans = same_answer(data, "ads", "how do US and DE compare on sales for each channel",
                      "SELECT Channel, Country, sum(Sales) FROM ads GROUP BY 1, 2")
    assert ans.plan["color"] == "Country"


def test_a_stop_word_listed_beside_a_value_is_a_value(data):
    same_answer(data, "ads", "weekly clicks by channel for email and display",
                "SELECT date_trunc('week', Day), Channel, sum(Clicks) FROM ads WHERE Channel IN ('Email', 'Display') "
                "GROUP BY 1, 2")


# ------------------------------------------------------------------ two measures
def test_a_versus_b_by_group_is_two_bars_not_dots(data):
    ans = same_answer(data, "ads", "cost vs sales by channel",
                      "SELECT Channel, sum(Cost), sum(Sales) FROM ads GROUP BY 1", every_column=True)
    assert ans.chart_type == "bar"


def test_a_relation_named_is_still_a_scatter(data):
    ans = same_answer(data, "ads", "correlation between total cost and total sales by channel",
                      "SELECT Channel, sum(Cost), sum(Sales) FROM ads GROUP BY 1", every_column=True)
    assert ans.chart_type == "point"


def test_an_ampersand_joins_two_measures(data):
    same_answer(data, "ads", "impressions & clicks for each channel",
                "SELECT Channel, sum(Impressions), sum(Clicks) FROM ads GROUP BY 1", every_column=True)


# ------------------------------------------------------------------ derived measures
def test_a_funnel_rate_is_over_the_step_before_it(data):
    same_answer(data, "ads", "conversion rate by channel",
                "SELECT Channel, 100.0 * sum(Conversions) / sum(Clicks) FROM ads GROUP BY 1")


def test_ratios_said_by_their_initials(data):
    same_answer(data, "ads", "monthly CTR",
                "SELECT date_trunc('month', Day), 100.0 * sum(Clicks) / sum(Impressions) FROM ads GROUP BY 1")
    same_answer(data, "ads", "ROAS by country", "SELECT Country, sum(Sales) / sum(Cost) FROM ads GROUP BY 1")
    same_answer(data, "ads", "CPC per channel", "SELECT Channel, sum(Cost) / sum(Clicks) FROM ads GROUP BY 1")


def test_profit_without_a_profit_column_is_sales_minus_cost(data):
    same_answer(data, "ads", "profit by channel", "SELECT Channel, sum(Sales) - sum(Cost) FROM ads GROUP BY 1")


def test_revenue_without_an_amount_column_is_quantity_times_price(data):
    same_answer(data, "sales", "revenue by region", 'SELECT Region, sum(Qty * "Unit Price") FROM sales GROUP BY 1')


def test_labour_cost_is_hours_times_the_hourly_rate(data):
    same_answer(data, "timesheets", "labour cost by client",
                'SELECT Client, sum(Hours * "Rate/hr") FROM timesheets GROUP BY 1')


def test_the_rate_of_a_blank_date_per_group(data):
    same_answer(data, "timesheets", "percentage of timesheets not yet approved by team",
                'SELECT Team, 100.0 * avg(CASE WHEN "Approved On" IS NULL THEN 1 ELSE 0 END) FROM timesheets '
                'GROUP BY 1')


def test_a_duration_runs_from_the_recorded_event_before_it(data):
    same_answer(data, "timesheets", "average days to approve by team",
                'SELECT Team, avg("Approved On" - Submitted) FROM timesheets GROUP BY 1')


def test_days_between_two_dates_named_loosely(data):
    same_answer(data, "timesheets", "days between week start and submission per worker",
                'SELECT Worker, avg(Submitted - "Week Start") FROM timesheets GROUP BY 1')


def test_how_many_people_in_a_table_of_timesheets_counts_distinct_people(data):
    same_answer(data, "timesheets", "how many workers per team",
                "SELECT Team, count(DISTINCT Worker) FROM timesheets GROUP BY 1")


def test_the_rate_of_a_y_n_letter_column_per_group(data):
    same_answer(data, "sales", "share of returned lines by region",
                "SELECT Region, 100.0 * avg(CASE WHEN Returned = 'Y' THEN 1 ELSE 0 END) FROM sales GROUP BY 1")



def test_one_measure_as_a_percentage_of_another(data):
    """"OT" is a common abbreviation of overtime (lexicon.ABBREVIATIONS)."""
    same_answer(data, "timesheets", "overtime as a percentage of hours by team",
                'SELECT Team, 100.0 * sum("OT Hrs") / sum(Hours) FROM timesheets GROUP BY 1')


def test_a_stacked_area_is_an_area_split_by_colour(data):
    ans = same_answer(data, "ads", "monthly sales by channel as a stacked area",
                      "SELECT date_trunc('month', Day), Channel, sum(Sales) FROM ads GROUP BY 1, 2")
    assert ans.chart_type == "area"


def test_ratio_initials_whose_parts_the_data_lacks_are_not_guessed(data):
    """The sales lines have no clicks: "CTR" names nothing there, and is declined as such."""
    with pytest.raises(Unanswerable):
        answer(data[0]["sales"], "CTR by region")


def test_values_listed_with_no_axis_named_are_one_bar_each(data):
    ans = same_answer(data, "timesheets", "hours of men and women",
                      "SELECT Sex, sum(Hours) FROM timesheets GROUP BY 1")
    assert ans.chart_type == "bar"


def test_a_measure_for_a_flag_and_its_negation_is_bars_not_dots(data):
    ans = same_answer(data, "sales", "total qty: returned vs not returned",
                      "SELECT Returned, sum(Qty) FROM sales GROUP BY 1")
    assert ans.chart_type == "bar"


def test_pay_compared_between_named_groups_is_their_average(data):
    same_answer(data, "staff", "compare pay for men vs women in each team",
                "SELECT Team, Gender, avg(Salary) FROM staff WHERE Gender IN ('Male', 'Female') GROUP BY 1, 2")
