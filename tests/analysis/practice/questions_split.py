"""The "split" practice set: charts with more than one thing in them — a split by colour, two measures
side by side, a measure derived from two columns (a ratio, a difference of dates, a rate of a flag per
group) — plus a few KPIs, follow-ups and two questions the data cannot answer.

Over ``data/ad_campaigns.csv`` and ``data/timesheets.csv`` (``make_split.py``). The format and the gold
conventions are the fresh set's (``tests/analysis/fresh/questions.py``'s docstring). A ratio of two
columns per group is the ratio of their totals (not the mean of per-row ratios). Written before the
planner answered them.
"""
from __future__ import annotations

SPEND = '"Spend ($)"'
TREND = {"line", "area", "bar"}
GRID = {"bar", "heatmap"}
U = {"unanswerable"}

ADS = [
    # --- split by colour
    ("sp_ad01", "ad_campaigns", "monthly clicks broken down by channel",
     "SELECT date_trunc('month', \"Date\"), \"Channel\", SUM(\"Clicks\") FROM t GROUP BY 1, 2", None, TREND),
    ("sp_ad02", "ad_campaigns", "spend by channel and market",
     f'SELECT "Channel", "Market", SUM({SPEND}) FROM t GROUP BY 1, 2', None, GRID),
    ("sp_ad03", "ad_campaigns", "conversions per campaign split by market",
     'SELECT "Campaign", "Market", SUM("Conversions") FROM t GROUP BY 1, 2', None, GRID),
    ("sp_ad04", "ad_campaigns", "how does revenue compare between the US and UK for each channel",
     'SELECT "Channel", "Market", SUM("Revenue") FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sp_ad05", "ad_campaigns", "weekly spend in december for each channel",
     f"SELECT date_trunc('week', \"Date\"), \"Channel\", SUM({SPEND}) FROM t WHERE month(\"Date\") = 12 "
     "GROUP BY 1, 2", None, TREND),
    # judgment: "over time" at the month grain for a year of days
    ("sp_ad06", "ad_campaigns", "impressions by market over time",
     "SELECT date_trunc('month', \"Date\"), \"Market\", SUM(\"Impressions\") FROM t GROUP BY 1, 2", None, TREND),
    ("sp_ad07", "ad_campaigns", "promo vs non-promo revenue per channel",
     'SELECT "Channel", "Promo", SUM("Revenue") FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sp_ad08", "ad_campaigns", "revenue by channel stacked by campaign",
     'SELECT "Channel", "Campaign", SUM("Revenue") FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sp_ad09", "ad_campaigns", "convertions by chanel and market",
     'SELECT "Channel", "Market", SUM("Conversions") FROM t GROUP BY 1, 2', None, GRID),
    # --- two measures
    ("sp_ad10", "ad_campaigns", "spend vs revenue by channel",
     f'SELECT "Channel", SUM({SPEND}), SUM("Revenue") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad11", "ad_campaigns", "clicks and conversions per market",
     'SELECT "Market", SUM("Clicks"), SUM("Conversions") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad12", "ad_campaigns", "monthly spend and revenue",
     f"SELECT date_trunc('month', \"Date\"), SUM({SPEND}), SUM(\"Revenue\") FROM t GROUP BY 1", None, TREND),
    ("sp_ad13", "ad_campaigns", "impressions & clicks for each campaign",
     'SELECT "Campaign", SUM("Impressions"), SUM("Clicks") FROM t GROUP BY 1', None, {"bar"}),
    # --- derived measures
    ("sp_ad14", "ad_campaigns", "click-through rate by channel",
     'SELECT "Channel", 100.0 * SUM("Clicks") / SUM("Impressions") AS pct_ctr FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad15", "ad_campaigns", "cost per click by channel",
     f'SELECT "Channel", SUM({SPEND}) / SUM("Clicks") FROM t GROUP BY 1', None, {"bar"}),
    # judgment: a conversion rate is conversions over clicks
    ("sp_ad16", "ad_campaigns", "conversion rate per channel",
     'SELECT "Channel", 100.0 * SUM("Conversions") / SUM("Clicks") AS pct_cvr FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad17", "ad_campaigns", "ROAS by market",
     f'SELECT "Market", SUM("Revenue") / SUM({SPEND}) FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad18", "ad_campaigns", "cost per conversion for each campaign",
     f'SELECT "Campaign", SUM({SPEND}) / SUM("Conversions") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad19", "ad_campaigns", "average revenue per conversion by channel",
     'SELECT "Channel", SUM("Revenue") / SUM("Conversions") FROM t GROUP BY 1', None, {"bar"}),
    # judgment: profit = revenue minus ad spend
    ("sp_ad20", "ad_campaigns", "profit by channel",
     f'SELECT "Channel", SUM("Revenue") - SUM({SPEND}) FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ad21", "ad_campaigns", "monthly CTR",
     "SELECT date_trunc('month', \"Date\"), 100.0 * SUM(\"Clicks\") / SUM(\"Impressions\") AS pct_ctr FROM t "
     "GROUP BY 1", None, TREND),
    ("sp_ad22", "ad_campaigns", "return on ad spend per month for paid search",
     f"SELECT date_trunc('month', \"Date\"), SUM(\"Revenue\") / SUM({SPEND}) FROM t "
     "WHERE \"Channel\" = 'Paid Search' GROUP BY 1", None, TREND),
    ("sp_ad23", "ad_campaigns", "percentage of promo days per channel",
     "SELECT \"Channel\", 100.0 * AVG(CASE WHEN \"Promo\" = 'Y' THEN 1 ELSE 0 END) AS pct_promo FROM t GROUP BY 1",
     None, {"bar"}),
    # --- KPIs
    ("sp_ad24", "ad_campaigns", "overall cost per click",
     f'SELECT SUM({SPEND}) / SUM("Clicks") FROM t', None, {"kpi"}),
    ("sp_ad25", "ad_campaigns", "what was the conversion rate in the UK",
     "SELECT 100.0 * SUM(\"Conversions\") / SUM(\"Clicks\") AS pct_cvr FROM t WHERE \"Market\" = 'UK'", None,
     {"kpi"}),
    # --- follow-ups
    ("sp_ad26", "ad_campaigns", "only for the US",
     f"SELECT \"Channel\", SUM({SPEND}), SUM(\"Revenue\") FROM t WHERE \"Market\" = 'US' GROUP BY 1", "sp_ad10",
     {"bar"}),
    ("sp_ad27", "ad_campaigns", "split by market",
     'SELECT "Channel", "Market", 100.0 * SUM("Clicks") / SUM("Impressions") AS pct_ctr FROM t GROUP BY 1, 2',
     "sp_ad14", {"bar"}),
    ("sp_ad28", "ad_campaigns", "just email and display",
     "SELECT date_trunc('month', \"Date\"), \"Channel\", SUM(\"Clicks\") FROM t "
     "WHERE \"Channel\" IN ('Email', 'Display') GROUP BY 1, 2", "sp_ad01", TREND),
    # --- unanswerable
    ("sp_ad29", "ad_campaigns", "which ad creative performed best", None, None, U),
]

APPROVE_DAYS = '"Approved On" - "Submitted"'
TIMESHEETS = [
    # --- split by colour
    ("sp_ts01", "timesheets", "compare the hourly rate of men and women across departments",
     'SELECT "Dept", "Gender", AVG("Rate/hr") FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sp_ts02", "timesheets", "hours per project split by dept",
     'SELECT "Project", "Dept", SUM("Hours") FROM t GROUP BY 1, 2', None, GRID),
    ("sp_ts03", "timesheets", "billable vs non-billable hours for each employee",
     'SELECT "Employee", "Billable", SUM("Hours") FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sp_ts04", "timesheets", "monthly hours logged by department",
     "SELECT date_trunc('month', \"Week Of\"), \"Dept\", SUM(\"Hours\") FROM t GROUP BY 1, 2", None, TREND),
    ("sp_ts05", "timesheets", "overtime per quarter by gender",
     "SELECT date_trunc('quarter', \"Week Of\"), \"Gender\", SUM(\"OT Hours\") FROM t GROUP BY 1, 2", None, TREND),
    ("sp_ts06", "timesheets", "number of timesheet entries per dept and project",
     'SELECT "Dept", "Project", COUNT(*) FROM t GROUP BY 1, 2', None, GRID),
    ("sp_ts07", "timesheets", "how many people work in each department, by gender",
     'SELECT "Dept", "Gender", COUNT(DISTINCT "Employee") FROM t GROUP BY 1, 2', None, {"bar"}),
    ("sp_ts08", "timesheets", "avrage rate by dept and gendr",
     'SELECT "Dept", "Gender", AVG("Rate/hr") FROM t GROUP BY 1, 2', None, {"bar"}),
    # --- two measures
    ("sp_ts09", "timesheets", "regular and overtime hours by department",
     'SELECT "Dept", SUM("Hours"), SUM("OT Hours") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts10", "timesheets", "total hours vs overtime hours per project",
     'SELECT "Project", SUM("Hours"), SUM("OT Hours") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts11", "timesheets", "avg hours and avg rate per employee",
     'SELECT "Employee", AVG("Hours"), AVG("Rate/hr") FROM t GROUP BY 1', None, {"bar"}),
    # --- derived measures
    # judgment: labour cost = hours × hourly rate (overtime left out)
    ("sp_ts12", "timesheets", "labour cost by project",
     'SELECT "Project", SUM("Hours" * "Rate/hr") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts13", "timesheets", "average days to approve a timesheet by dept",
     f'SELECT "Dept", AVG({APPROVE_DAYS}) FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts14", "timesheets", "how long does approval take on average",
     f"SELECT AVG({APPROVE_DAYS}) FROM t", None, {"kpi"}),
    ("sp_ts15", "timesheets", "share of billable entries by project",
     'SELECT "Project", 100.0 * AVG(CASE WHEN "Billable" THEN 1 ELSE 0 END) AS pct_billable FROM t GROUP BY 1',
     None, {"bar"}),
    ("sp_ts16", "timesheets", "overtime as a percentage of hours per dept",
     'SELECT "Dept", 100.0 * SUM("OT Hours") / SUM("Hours") AS pct_ot FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts17", "timesheets", "percentage of timesheets not yet approved by department",
     'SELECT "Dept", 100.0 * AVG(CASE WHEN "Approved On" IS NULL THEN 1 ELSE 0 END) AS pct_unapproved FROM t '
     'GROUP BY 1', None, {"bar"}),
    ("sp_ts18", "timesheets", "days between week start and submission, per employee",
     'SELECT "Employee", AVG("Submitted" - "Week Of") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts19", "timesheets", "average pay per hour for women vs men",
     'SELECT "Gender", AVG("Rate/hr") FROM t GROUP BY 1', None, {"bar"}),
    ("sp_ts20", "timesheets", "billable rate by employee",
     'SELECT "Employee", 100.0 * AVG(CASE WHEN "Billable" THEN 1 ELSE 0 END) AS pct_billable FROM t GROUP BY 1',
     None, {"bar"}),
    # --- KPIs
    ("sp_ts21", "timesheets", "total overtime hours in Q4",
     'SELECT SUM("OT Hours") FROM t WHERE quarter("Week Of") = 4', None, {"kpi"}),
    # judgment: "billed" hours are the billable ones
    ("sp_ts22", "timesheets", "how many hours were billed to Apollo",
     "SELECT SUM(\"Hours\") FROM t WHERE \"Project\" = 'Apollo' AND \"Billable\"", None, {"kpi"}),
    # --- follow-ups
    ("sp_ts23", "timesheets", "only engineering and design",
     "SELECT \"Dept\", \"Gender\", AVG(\"Rate/hr\") FROM t WHERE \"Dept\" IN ('Engineering', 'Design') GROUP BY 1, 2",
     "sp_ts01", {"bar"}),
    ("sp_ts24", "timesheets", "per project instead",
     'SELECT "Project", SUM("Hours"), SUM("OT Hours") FROM t GROUP BY 1', "sp_ts09", {"bar"}),
    ("sp_ts25", "timesheets", "split by gender",
     f'SELECT "Dept", "Gender", AVG({APPROVE_DAYS}) FROM t GROUP BY 1, 2', "sp_ts13", {"bar"}),
    ("sp_ts26", "timesheets", "weekly hours for each dept in the last quarter",
     "SELECT date_trunc('week', \"Week Of\"), \"Dept\", SUM(\"Hours\") FROM t WHERE \"Week Of\" >= DATE '2024-10-01' "
     "GROUP BY 1, 2", None, TREND),
    # --- unanswerable
    ("sp_ts27", "timesheets", "which employees are on vacation next week", None, None, U),
]

QUESTIONS = ADS + TIMESHEETS


def _ids(spaced: str) -> frozenset[str]:
    return frozenset(f"sp_{i}" for i in spaced.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "split by colour": _ids("ad01 ad02 ad03 ad04 ad05 ad06 ad07 ad08 ad09 ad27 ad28 ts01 ts02 ts03 ts04 ts05 "
                            "ts06 ts07 ts08 ts23 ts25 ts26"),
    "two measures": _ids("ad10 ad11 ad12 ad13 ad26 ts09 ts10 ts11 ts24"),
    "derived measure": _ids("ad14 ad15 ad16 ad17 ad18 ad19 ad20 ad21 ad22 ad24 ad25 ad27 ts12 ts13 ts14 ts16 "
                            "ts18 ts25"),
    "share or percentage": _ids("ad14 ad16 ad21 ad23 ad25 ts15 ts16 ts17 ts20"),
    "kpi": _ids("ad24 ad25 ts14 ts21 ts22"),
    "kpi with a condition": _ids("ad25 ts21 ts22"),
    "time series": _ids("ad01 ad05 ad06 ad12 ad21 ad22 ad28 ts04 ts05 ts26"),
    "quarter or week grain": _ids("ad05 ts05 ts26"),
    "relative period": _ids("ts26"),
    "condition in words or values": _ids("ad22 ad25 ts17 ts21 ts22"),
    "typo": _ids("ad09 ts08"),
    "abbreviation or paraphrase": _ids("ad17 ad24 ts08 ts16 ts19 ts20"),
}
