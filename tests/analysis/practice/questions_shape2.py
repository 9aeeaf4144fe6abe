"""The "shape2" practice set: chart shapes other than one measure by one category — scatters (one point
per row, or per entity when the question names one), distributions, two measures in one chart, splits
by colour — with "X vs Y" near-misses that name two values of one column (a comparison, not a scatter),
a few follow-ups and questions the data cannot answer.

Over ``data/shape2_staff.csv``, ``data/shape2_orders.csv`` and ``data/shape2_campaigns.csv``
(``make_shape2.py``). Format and gold conventions: ``tests/analysis/fresh/questions.py``'s docstring
(a distribution's gold is its median). Written before the planner answered them.
"""
from __future__ import annotations

ST, OR, CA = "shape2_staff", "shape2_orders", "shape2_campaigns"
POINT = {"point"}
HIST = {"histogram"}
DIST = {"histogram", "boxplot"}
BOX = {"boxplot"}
BAR = {"bar"}
SPLIT = {"bar", "heatmap"}
TWO = {"bar", "table"}
TREND = {"line", "area", "bar"}
TWO_T = {"line", "bar", "area", "table"}
NO = {"unanswerable"}
MONTH = "date_trunc('month', order_date)"

STAFF = [
    ("s2st01", ST, "is there a relationship between tenure and salary",
     "SELECT tenure_years, salary FROM t", None, POINT),
    ("s2st02", ST, "plot salary against age", "SELECT age, salary FROM t", None, POINT),
    # judgment: one employee per row, so "per employee" is one point per row
    ("s2st03", ST, "hours worked vs output per employee", "SELECT hours_per_week, output_units FROM t", None, POINT),
    ("s2st04", ST, "does performance score go up with salary", "SELECT salary, performance_score FROM t", None,
     POINT),
    ("s2st05", ST, "correlation between age and tenure", "SELECT age, tenure_years FROM t", None, POINT),
    ("s2st06", ST, "histogram of ages", "SELECT median(age) FROM t", None, HIST),
    ("s2st07", ST, "how are salaries distributed", "SELECT median(salary) FROM t", None, HIST),
    ("s2st08", ST, "spread of salaries by department", "SELECT department, median(salary) FROM t GROUP BY 1",
     None, BOX),
    ("s2st09", ST, "average salary by department broken down by gender",
     "SELECT department, gender, avg(salary) FROM t GROUP BY 1, 2", None, SPLIT),
    ("s2st10", ST, "headcount by department split by remote",
     "SELECT department, remote, count(*) FROM t GROUP BY 1, 2",
     None, SPLIT),
    ("s2st11", ST, "avg salary and avg tenure by department",
     "SELECT department, avg(salary), avg(tenure_years) FROM t GROUP BY 1", None, TWO),
    ("s2st12", ST, "how many employees in each salary band", "SELECT median(salary) FROM t", None, HIST),
    ("s2st13", ST, "men vs women average salary", "SELECT gender, avg(salary) FROM t GROUP BY 1", None, BAR),
    ("s2st14", ST, "remote vs office output", "SELECT remote, sum(output_units) FROM t GROUP BY 1", None, BAR),
    ("s2st15", ST, "total output and total hours by dept",
     "SELECT department, sum(output_units), sum(hours_per_week) FROM t GROUP BY 1", None, TWO),
    ("s2st16", ST, "scatter of hours per week and perfomance score", "SELECT hours_per_week, performance_score FROM t",
     None, POINT),
    ("s2st17", ST, "only engineering",
     "SELECT hours_per_week, performance_score FROM t WHERE department = 'Engineering'",
     "s2st16", POINT),
    ("s2st18", ST, "does commute distance affect output", None, None, NO),
]

ORDERS = [
    ("s2or01", OR, "how are order values distributed", "SELECT median(order_value) FROM t", None, HIST),
    ("s2or02", OR, "spread of delivery times", "SELECT median(delivery_days) FROM t", None, DIST),
    ("s2or03", OR, "how many orders fall in each price range", "SELECT median(order_value) FROM t", None, HIST),
    ("s2or04", OR, "delivery days distribution by region", "SELECT region, median(delivery_days) FROM t GROUP BY 1",
     None, BOX),
    ("s2or05", OR, "revenue and cost by month", f"SELECT {MONTH}, sum(order_value), sum(cost) FROM t GROUP BY 1",
     None, TWO_T),
    ("s2or06", OR, "sales by region split by channel",
     "SELECT region, channel, sum(order_value) FROM t GROUP BY 1, 2", None, SPLIT),
    ("s2or07", OR, "only 2025", "SELECT region, channel, sum(order_value) FROM t WHERE year(order_date) = 2025 "
     "GROUP BY 1, 2", "s2or06", SPLIT),
    ("s2or08", OR, "online vs in-store sales", "SELECT channel, sum(order_value) FROM t GROUP BY 1", None,
     {"bar", "arc"}),
    ("s2or09", OR, "online vs in-store sales by month",
     f"SELECT {MONTH}, channel, sum(order_value) FROM t GROUP BY 1, 2",
     None, TREND),
    ("s2or10", OR, "monthly orders by category", f"SELECT {MONTH}, category, count(*) FROM t GROUP BY 1, 2", None,
     TREND),
    # judgment: discount takes six values, so one point per discount level
    ("s2or11", OR, "does discount affect order value", "SELECT discount_pct, avg(order_value) FROM t GROUP BY 1",
     None, {"point", "bar", "line"}),
    ("s2or12", OR, "avg order value vs number of orders per customer",
     "SELECT customer, count(*), avg(order_value) FROM t GROUP BY 1", None, POINT),
    ("s2or13", OR, "plot total spend against number of orders for each customer",
     "SELECT customer, count(*), sum(order_value) FROM t GROUP BY 1", None, POINT),
    ("s2or14", OR, "orders by region broken down by category", "SELECT region, category, count(*) FROM t GROUP BY 1, 2",
     None, SPLIT),
    ("s2or15", OR, "average delivery days per region and channel",
     "SELECT region, channel, avg(delivery_days) FROM t GROUP BY 1, 2", None, SPLIT),
    ("s2or16", OR, "total sales and number of orders by region",
     "SELECT region, sum(order_value), count(*) FROM t GROUP BY 1", None, TWO),
    ("s2or17", OR, "revenue and cost by category", "SELECT category, sum(order_value), sum(cost) FROM t GROUP BY 1",
     None, TWO),
    ("s2or18", OR, "histogram of order values for online orders",
     "SELECT median(order_value) FROM t WHERE channel = 'Online'", None, HIST),
    ("s2or19", OR, "histogram of discount", "SELECT median(discount_pct) FROM t", None, HIST),
    ("s2or20", OR, "relationship between customer age and order value", None, None, NO),
    ("s2or21", OR, "avg order value by month for each region",
     f"SELECT {MONTH}, region, avg(order_value) FROM t GROUP BY 1, 2", None, TREND),
    ("s2or22", OR, "units vs order value per customer",
     "SELECT customer, sum(units), sum(order_value) FROM t GROUP BY 1", None, POINT),
    ("s2or23", OR, "how long do deliveries take, spread by channel",
     "SELECT channel, median(delivery_days) FROM t GROUP BY 1", None, BOX),
    ("s2or24", OR, "number of orders per month split by chanel",
     f"SELECT {MONTH}, channel, count(*) FROM t GROUP BY 1, 2", None, TREND),
]

CAMPAIGNS = [
    # judgment: one row per channel-week, so one point per row
    ("s2ca01", CA, "correlation between ad spend and signups", "SELECT spend, signups FROM t", None, POINT),
    ("s2ca02", CA, "clicks vs signups", "SELECT clicks, signups FROM t", None, POINT),
    ("s2ca03", CA, "compare budget and actual spend by channel",
     "SELECT channel, sum(budget), sum(spend) FROM t GROUP BY 1", None, TWO),
    ("s2ca04", CA, "weekly spend and signups", "SELECT week_start, sum(spend), sum(signups) FROM t GROUP BY 1",
     None, TWO_T),
    ("s2ca05", CA, "spend per week by channel", "SELECT week_start, channel, sum(spend) FROM t GROUP BY 1, 2", None,
     TREND),
    ("s2ca06", CA, "search vs social signups",
     "SELECT channel, sum(signups) FROM t WHERE channel IN ('Search', 'Social') GROUP BY 1", None, {"bar", "arc"}),
    ("s2ca07", CA, "total spend vs total signups by channel as a scatter",
     "SELECT channel, sum(spend), sum(signups) FROM t GROUP BY 1", None, POINT),
    ("s2ca08", CA, "distribution of weekly signups", "SELECT median(signups) FROM t", None, HIST),
    ("s2ca09", CA, "does ad spend drive revenue", None, None, NO),
    ("s2ca10", CA, "signups and clicks by channel", "SELECT channel, sum(signups), sum(clicks) FROM t GROUP BY 1",
     None, TWO),
    ("s2ca11", CA, "plot spend against clicks", "SELECT spend, clicks FROM t", None, POINT),
    ("s2ca12", CA, "just email", "SELECT spend, clicks FROM t WHERE channel = 'Email'", "s2ca11", POINT),
]

QUESTIONS = STAFF + ORDERS + CAMPAIGNS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "scatter": _ids("s2st01 s2st02 s2st03 s2st04 s2st05 s2st16 s2st17 s2or11 s2or12 s2or13 s2or22 s2ca01 s2ca02 "
                    "s2ca07 s2ca11 s2ca12"),
    "distribution": _ids("s2st06 s2st07 s2st08 s2st12 s2or01 s2or02 s2or03 s2or04 s2or18 s2or19 s2or23 s2ca08"),
    "two measures": _ids("s2st11 s2st15 s2or05 s2or16 s2or17 s2ca03 s2ca04 s2ca10"),
    "split by colour": _ids("s2st09 s2st10 s2st13 s2st14 s2or06 s2or07 s2or08 s2or09 s2or10 s2or14 s2or15 s2or21 "
                            "s2or24 s2ca05 s2ca06"),
    "time series": _ids("s2or05 s2or09 s2or10 s2or21 s2or24 s2ca04 s2ca05"),
    "typo": _ids("s2st16 s2or24"),
    "abbreviation or paraphrase": _ids("s2st15"),
}
