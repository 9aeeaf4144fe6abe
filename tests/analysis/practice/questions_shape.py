"""The "shape" practice set: questions whose answer has a shape beyond one measure by one column —
a split by colour, two measures, a derived measure, a share or percentage, a top/bottom-N asked
without the word "top" — plus a few KPIs, follow-ups and two questions the data cannot answer.

Over ``data/expenses.csv`` and ``data/saas_subscriptions.csv`` (``make_shape.py``). The format and the
gold conventions are the fresh set's (``tests/analysis/fresh/questions.py``'s docstring). Written before
the planner answered them.
"""
from __future__ import annotations

AMT = "CAST(replace(replace(\"Amount\", '$', ''), ',', '') AS DOUBLE)"  # expenses: "$1,234.50"
TREND = {"line", "area", "bar"}
U = {"unanswerable"}

EXPENSES = [
    # --- split by colour
    ("sh_ex01", "expenses", "monthly spend by department in 2024",
     f'SELECT date_trunc(\'month\', "Date"), "Department", SUM({AMT}) FROM t WHERE year("Date") = 2024 '
     'GROUP BY 1, 2', None, TREND),
    ("sh_ex02", "expenses", "expenses by department and category",
     f'SELECT "Department", "Category", SUM({AMT}) FROM t GROUP BY 1, 2', None, {"bar", "heatmap"}),
    # judgment: x = month of the year, one colour per year
    ("sh_ex03", "expenses", "compare 2023 and 2024 spending by month",
     f'SELECT monthname("Date"), year("Date"), SUM({AMT}) FROM t GROUP BY 1, 2', None, TREND),
    ("sh_ex04", "expenses", "count of claims per category for each payment method",
     'SELECT "Category", "Payment Method", COUNT(*) FROM t GROUP BY 1, 2', None, {"bar", "heatmap"}),
    ("sh_ex05", "expenses", "approved vs rejected spend per department",
     f'SELECT "Department", "Approved", SUM({AMT}) FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sh_ex06", "expenses", "quarterly spend split by category",
     f'SELECT date_trunc(\'quarter\', "Date"), "Category", SUM({AMT}) FROM t GROUP BY 1, 2', None, TREND),
    ("sh_ex07", "expenses", "travel costs per quarter for each department",
     f'SELECT date_trunc(\'quarter\', "Date"), "Department", SUM({AMT}) FROM t WHERE "Category" = \'Travel\' '
     'GROUP BY 1, 2', None, TREND),
    ("sh_ex08", "expenses", "number of expenses by payment method broken down by department",
     'SELECT "Payment Method", "Department", COUNT(*) FROM t GROUP BY 1, 2', None, {"bar", "heatmap"}),
    # --- two measures
    ("sh_ex09", "expenses", "total and average expense by category",
     f'SELECT "Category", SUM({AMT}), AVG({AMT}) FROM t GROUP BY 1', None, {"bar"}),
    ("sh_ex10", "expenses", "number of claims and total amount per department",
     f'SELECT "Department", COUNT(*), SUM({AMT}) FROM t GROUP BY 1', None, {"bar"}),
    ("sh_ex11", "expenses", "smallest and largest claim for each vendor",
     f'SELECT "Vendor", MIN({AMT}), MAX({AMT}) FROM t GROUP BY 1', None, {"bar"}),
    ("sh_ex12", "expenses", "monthly spend and number of expenses in 2024",
     f'SELECT date_trunc(\'month\', "Date"), SUM({AMT}), COUNT(*) FROM t WHERE year("Date") = 2024 GROUP BY 1',
     None, TREND),
    # --- derived measures
    # judgment: spend per employee = the department's total over its distinct claimants
    ("sh_ex13", "expenses", "average spend per employee by department",
     f'SELECT "Department", SUM({AMT}) / COUNT(DISTINCT "Employee") FROM t GROUP BY 1', None, {"bar"}),
    ("sh_ex14", "expenses", "approval rate by category",
     'SELECT "Category", 100.0 * AVG(CASE WHEN "Approved" THEN 1 ELSE 0 END) AS pct_approved FROM t GROUP BY 1',
     None, {"bar"}),
    ("sh_ex15", "expenses", "rejection rate per department",
     'SELECT "Department", 100.0 * AVG(CASE WHEN "Approved" THEN 0 ELSE 1 END) AS pct_rejected FROM t GROUP BY 1',
     None, {"bar"}),
    # --- shares and percentages
    ("sh_ex16", "expenses", "what share of spend goes to each category",
     f'SELECT "Category", SUM({AMT}) AS share_spend FROM t GROUP BY 1', None, {"arc", "bar"}),
    ("sh_ex17", "expenses", "% of expenses that were not approved",
     'SELECT 100.0 * AVG(CASE WHEN "Approved" THEN 0 ELSE 1 END) AS pct_rejected FROM t', None, {"kpi"}),
    ("sh_ex18", "expenses", "percentage of claims paid by corporate card in each department",
     'SELECT "Department", 100.0 * AVG(CASE WHEN "Payment Method" = \'Corporate Card\' THEN 1 ELSE 0 END) '
     'AS pct_card FROM t GROUP BY 1', None, {"bar"}),
    ("sh_ex19", "expenses", "breakdown of spending by payment method",
     f'SELECT "Payment Method", SUM({AMT}) AS share_spend FROM t GROUP BY 1', None, {"arc", "bar"}),
    ("sh_ex20", "expenses", "what percent of engineering spend went on software",
     f'SELECT 100.0 * SUM(CASE WHEN "Category" = \'Software\' THEN {AMT} ELSE 0 END) / SUM({AMT}) AS pct_software '
     'FROM t WHERE "Department" = \'Engineering\'', None, {"kpi"}),
    ("sh_ex21", "expenses", "vendor split of travel spend",
     f'SELECT "Vendor", SUM({AMT}) AS share_spend FROM t WHERE "Category" = \'Travel\' GROUP BY 1', None,
     {"arc", "bar"}),
    # --- top/bottom-N without "top"
    ("sh_ex22", "expenses", "which 3 vendors cost us the most",
     f'SELECT "Vendor", SUM({AMT}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, {"bar"}),
    # judgment: an expense is named by its Expense ID
    ("sh_ex23", "expenses", "the five biggest expenses",
     f'SELECT "Expense ID", {AMT} FROM t ORDER BY 2 DESC LIMIT 5', None, {"bar", "table"}),
    ("sh_ex24", "expenses", "3 categories with the lowest spend",
     f'SELECT "Category", SUM({AMT}) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, {"bar"}),
    ("sh_ex25", "expenses", "who spent the most on travel",
     f'SELECT "Employee", SUM({AMT}) FROM t WHERE "Category" = \'Travel\' GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
     None, {"bar", "kpi"}),
    ("sh_ex26", "expenses", "least used payment method",
     'SELECT "Payment Method", COUNT(*) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, {"bar", "kpi"}),
    ("sh_ex27", "expenses", "the 2 cheapest software vendors on average",
     f'SELECT "Vendor", AVG({AMT}) FROM t WHERE "Category" = \'Software\' GROUP BY 1 ORDER BY 2 ASC LIMIT 2',
     None, {"bar"}),
    ("sh_ex28", "expenses", "biggest spending departmnet",
     f'SELECT "Department", SUM({AMT}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, {"bar", "kpi"}),
    # --- KPIs
    ("sh_ex29", "expenses", "total spend in 2024",
     f'SELECT SUM({AMT}) FROM t WHERE year("Date") = 2024', None, {"kpi"}),
    ("sh_ex30", "expenses", "how many expenses were rejected",
     'SELECT COUNT(*) FROM t WHERE NOT "Approved"', None, {"kpi"}),
    ("sh_ex31", "expenses", "average travel claim",
     f'SELECT AVG({AMT}) FROM t WHERE "Category" = \'Travel\'', None, {"kpi"}),
    # --- follow-ups
    ("sh_ex32", "expenses", "and the 3 cheapest?",
     f'SELECT "Vendor", SUM({AMT}) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', "sh_ex22", {"bar"}),
    ("sh_ex33", "expenses", "only marketing and sales",
     f'SELECT date_trunc(\'month\', "Date"), "Department", SUM({AMT}) FROM t WHERE year("Date") = 2024 '
     'AND "Department" IN (\'Marketing\', \'Sales\') GROUP BY 1, 2', "sh_ex01", TREND),
    ("sh_ex34", "expenses", "by department instead",
     f'SELECT "Department", SUM({AMT}), AVG({AMT}) FROM t GROUP BY 1', "sh_ex09", {"bar"}),
    ("sh_ex35", "expenses", "as a pie",
     f'SELECT "Payment Method", SUM({AMT}) AS share_spend FROM t GROUP BY 1', "sh_ex19", {"arc"}),
    # --- unanswerable
    ("sh_ex36", "expenses", "which projects went over budget", None, None, U),
]

CHURNED = "CASE WHEN churned THEN 1 ELSE 0 END"
SAAS = [
    # --- split by colour
    ("sh_ss01", "saas_subscriptions", "new signups per month by plan in 2024",
     "SELECT date_trunc('month', signup_date), plan, COUNT(*) FROM t WHERE year(signup_date) = 2024 GROUP BY 1, 2",
     None, TREND),
    ("sh_ss02", "saas_subscriptions", "accounts per region split by plan",
     "SELECT region, plan, COUNT(*) FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("sh_ss03", "saas_subscriptions", "MRR by region and plan",
     "SELECT region, plan, SUM(MRR) FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("sh_ss04", "saas_subscriptions", "churned vs retained accounts for each plan",
     "SELECT plan, churned, COUNT(*) FROM t GROUP BY 1, 2", None, {"bar"}),
    ("sh_ss05", "saas_subscriptions", "signups per quarter for each region",
     "SELECT date_trunc('quarter', signup_date), region, COUNT(*) FROM t GROUP BY 1, 2", None, TREND),
    ("sh_ss06", "saas_subscriptions", "compare trial and non-trial accounts by plan",
     "SELECT plan, trial, COUNT(*) FROM t GROUP BY 1, 2", None, {"bar"}),
    ("sh_ss07", "saas_subscriptions", "count of accounts per plan for each sales rep",
     "SELECT plan, sales_rep, COUNT(*) FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("sh_ss08", "saas_subscriptions", "yearly mrr signed by region",
     "SELECT date_trunc('year', signup_date), region, SUM(MRR) FROM t GROUP BY 1, 2", None, TREND),
    # --- two measures
    ("sh_ss09", "saas_subscriptions", "total seats and MRR by plan",
     "SELECT plan, SUM(seats), SUM(MRR) FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss10", "saas_subscriptions", "average mrr and average seats per region",
     "SELECT region, AVG(MRR), AVG(seats) FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss11", "saas_subscriptions", "number of accounts and total MRR per sales rep",
     "SELECT sales_rep, COUNT(*), SUM(MRR) FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss12", "saas_subscriptions", "min and max mrr per plan",
     "SELECT plan, MIN(MRR), MAX(MRR) FROM t GROUP BY 1", None, {"bar"}),
    # --- derived measures
    ("sh_ss13", "saas_subscriptions", "MRR per seat by plan",
     "SELECT plan, SUM(MRR) / SUM(seats) FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss14", "saas_subscriptions", "churn rate by region",
     f"SELECT region, 100.0 * AVG({CHURNED}) AS pct_churned FROM t GROUP BY 1", None, {"bar"}),
    # judgment: revenue per account = the mean MRR of the accounts
    ("sh_ss15", "saas_subscriptions", "average revenue per account by plan",
     "SELECT plan, AVG(MRR) FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss16", "saas_subscriptions", "churn rate for each sales rep",
     f"SELECT sales_rep, 100.0 * AVG({CHURNED}) AS pct_churned FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss17", "saas_subscriptions", "trial rate per plan",
     "SELECT plan, 100.0 * AVG(trial) AS pct_trial FROM t GROUP BY 1", None, {"bar"}),
    # --- shares and percentages
    ("sh_ss18", "saas_subscriptions", "what share of MRR comes from each region",
     "SELECT region, SUM(MRR) AS share_mrr FROM t GROUP BY 1", None, {"arc", "bar"}),
    ("sh_ss19", "saas_subscriptions", "% of accounts that churned",
     f"SELECT 100.0 * AVG({CHURNED}) AS pct_churned FROM t", None, {"kpi"}),
    ("sh_ss20", "saas_subscriptions", "percentage of trial accounts by plan",
     "SELECT plan, 100.0 * AVG(trial) AS pct_trial FROM t GROUP BY 1", None, {"bar"}),
    ("sh_ss21", "saas_subscriptions", "plan mix",
     "SELECT plan, COUNT(*) AS share_accounts FROM t GROUP BY 1", None, {"arc", "bar"}),
    ("sh_ss22", "saas_subscriptions", "what fraction of enterprise accounts are in EMEA",
     "SELECT 100.0 * AVG(CASE WHEN region = 'EMEA' THEN 1 ELSE 0 END) AS pct_emea FROM t "
     "WHERE plan = 'Enterprise'", None, {"kpi"}),
    ("sh_ss23", "saas_subscriptions", "what percentage of trial accounts churned",
     f"SELECT 100.0 * AVG({CHURNED}) AS pct_churned FROM t WHERE trial = 1", None, {"kpi"}),
    # --- top/bottom-N without "top"
    ("sh_ss24", "saas_subscriptions", "which 3 reps bring in the most MRR",
     "SELECT sales_rep, SUM(MRR) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, {"bar"}),
    # judgment: an account is named by its account_id
    ("sh_ss25", "saas_subscriptions", "the five biggest accounts by MRR",
     "SELECT account_id, MRR FROM t ORDER BY 2 DESC LIMIT 5", None, {"bar", "table"}),
    ("sh_ss26", "saas_subscriptions", "which region has the fewest accounts",
     "SELECT region, COUNT(*) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, {"bar", "kpi"}),
    ("sh_ss27", "saas_subscriptions", "the 4 enterprise accounts paying the least",
     "SELECT account_id, MRR FROM t WHERE plan = 'Enterprise' ORDER BY 2 ASC LIMIT 4", None, {"bar", "table"}),
    ("sh_ss28", "saas_subscriptions", "lowest churn plan",
     f"SELECT plan, 100.0 * AVG({CHURNED}) AS pct_churned FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None,
     {"bar", "kpi"}),
    # --- KPIs
    ("sh_ss29", "saas_subscriptions", "total MRR of active accounts",
     "SELECT SUM(MRR) FROM t WHERE NOT churned", None, {"kpi"}),
    ("sh_ss30", "saas_subscriptions", "how many accounts signed up in 2023",
     "SELECT COUNT(*) FROM t WHERE year(signup_date) = 2023", None, {"kpi"}),
    # --- follow-ups
    ("sh_ss31", "saas_subscriptions", "only APAC and EMEA",
     "SELECT region, plan, COUNT(*) FROM t WHERE region IN ('APAC', 'EMEA') GROUP BY 1, 2", "sh_ss02",
     {"bar", "heatmap"}),
    ("sh_ss32", "saas_subscriptions", "per region instead",
     "SELECT region, SUM(seats), SUM(MRR) FROM t GROUP BY 1", "sh_ss09", {"bar"}),
    ("sh_ss33", "saas_subscriptions", "and the bottom 2?",
     "SELECT sales_rep, SUM(MRR) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 2", "sh_ss24", {"bar"}),
    ("sh_ss34", "saas_subscriptions", "split by plan",
     f"SELECT region, plan, 100.0 * AVG({CHURNED}) AS pct_churned FROM t GROUP BY 1, 2", "sh_ss14", {"bar"}),
    # --- unanswerable
    ("sh_ss35", "saas_subscriptions", "what's our net promoter score by plan", None, None, U),
]

QUESTIONS = EXPENSES + SAAS


def _ids(s: str) -> frozenset[str]:
    return frozenset(f"sh_{x}" for x in s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "split by colour": _ids("ex01 ex02 ex03 ex04 ex05 ex06 ex07 ex08 ex33 ss01 ss02 ss03 ss04 ss05 ss06 ss07 "
                            "ss08 ss31 ss34"),
    "two measures": _ids("ex09 ex10 ex11 ex12 ex34 ss09 ss10 ss11 ss12 ss32"),
    "derived measure": _ids("ex13 ex14 ex15 ss13 ss14 ss15 ss16 ss17 ss28"),
    "share or percentage": _ids("ex16 ex17 ex18 ex19 ex20 ex21 ex35 ss18 ss19 ss20 ss21 ss22 ss23"),
    "top/bottom-N without 'top'": _ids("ex22 ex23 ex24 ex25 ex26 ex27 ex28 ex32 ss25 ss26 ss27 ss28 ss33"),
    "top-N with 'top'": _ids(""),
    "kpi": _ids("ex17 ex20 ex29 ex30 ex31 ss19 ss22 ss23 ss29 ss30"),
    "kpi with a condition": _ids("ex20 ex29 ex30 ex31 ss22 ss23 ss29 ss30"),
    "time series": _ids("ex01 ex03 ex06 ex07 ex12 ex33 ss01 ss05 ss08"),
    "quarter or week grain": _ids("ex06 ex07 ss05"),
    "condition in words or values": _ids("ex07 ex18 ex20 ex21 ex25 ex27 ex30 ex31 ss22 ss23 ss27 ss29"),
    "pie asked for": _ids("ex35"),
    "typo": _ids("ex28"),
    "abbreviation or paraphrase": _ids("ex19 ex21 ex25 ex28 ss08 ss15 ss21 ss24"),
}
