"""The ratios practice set: derived measures over three CSVs of make_ratios.py (a van trip log, store
months with budget and sales, a bug tracker) — ratios of two sums (mpg, cost per mile, conversion, sales
per employee), rates of a Yes/No or status column (late rate, reopen rate, fix rate), margins and
differences (gross margin, variance to budget, hours over estimate), durations between two dates (days to
close, trip length), growth over the previous month and shares of a total, in everyday, terse wording.
Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written before the planner
answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
ONE = {"bar", "kpi"}

FT = "fleet_trips"
SM = "store_months"
BT = "bug_tracker"

TRIP_DAYS = 'date_diff(\'day\', "Depart Date", "Return Date")'
LATE = "CASE WHEN Late = 'Yes' THEN 1.0 ELSE 0.0 END"
CLOSE_DAYS = "date_diff('day', Opened, Closed)"
MONTH_SALES = "SELECT Month AS m, sum(Sales) AS s FROM t GROUP BY 1"
MONTH_REV = "SELECT date_trunc('month', \"Depart Date\") AS m, sum(Revenue) AS s FROM t GROUP BY 1"
EST = '"Estimate (h)"'
HRS = '"Hours Logged"'

TRIPS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("rat01", FT, "fuel economy by vehicle", "SELECT Vehicle, sum(Miles) / sum(Gallons) FROM t GROUP BY 1", None, BAR),
    ("rat02", FT, "mpg for each van", "SELECT Vehicle, sum(Miles) / sum(Gallons) FROM t GROUP BY 1", None, BAR),
    # judgment: "cost" is the one cost column, Fuel Cost
    ("rat03", FT, "cost per mile by depot", 'SELECT Depot, sum("Fuel Cost") / sum(Miles) FROM t GROUP BY 1', None, BAR),
    ("rat04", FT, "late rate by depot", f"SELECT Depot, 100.0 * avg({LATE}) AS pct_late FROM t GROUP BY 1", None, BAR),
    ("rat05", FT, "what % of trips were late", f"SELECT 100.0 * avg({LATE}) AS pct_late FROM t", None, KPI),
    ("rat06", FT, "failed stop rate per driver",
     'SELECT Driver, 100.0 * sum("Failed Stops") / sum(Stops) AS pct_failed FROM t GROUP BY 1', None, BAR),
    ("rat07", FT, "average trip length in days", f"SELECT avg({TRIP_DAYS}) FROM t", None, KPI),
    ("rat08", FT, "revenue per mile by vehicle", "SELECT Vehicle, sum(Revenue) / sum(Miles) FROM t GROUP BY 1",
     None, BAR),
    ("rat09", FT, "revenue minus fuel cost by depot", 'SELECT Depot, sum(Revenue - "Fuel Cost") FROM t GROUP BY 1',
     None, BAR),
    ("rat10", FT, "price per gallon by month",
     'SELECT date_trunc(\'month\', "Depart Date"), sum("Fuel Cost") / sum(Gallons) FROM t GROUP BY 1', None, TIME),
    ("rat11", FT, "average revenue per stop", "SELECT sum(Revenue) / sum(Stops) FROM t", None, KPI),
    ("rat12", FT, "share of miles by depot", "SELECT Depot, sum(Miles) AS share_miles FROM t GROUP BY 1", None, SHARE),
    ("rat13", FT, "month over month revenue growth",
     f"SELECT m, 100.0 * (s / lag(s) OVER (ORDER BY m) - 1) AS pct_growth FROM ({MONTH_REV}) "
     "QUALIFY lag(s) OVER (ORDER BY m) IS NOT NULL", None, TIME),
    ("rat14", FT, "which van has the worst fuel economy",
     "SELECT Vehicle, sum(Miles) / sum(Gallons) AS e FROM t GROUP BY 1 ORDER BY e LIMIT 1", None, ONE),
    ("rat15", FT, "fuel cost as a percentage of revenue by depot",
     'SELECT Depot, 100.0 * sum("Fuel Cost") / sum(Revenue) AS pct_fuel FROM t GROUP BY 1', None, BAR),
    ("rat16", FT, "late trips % by vehicle", f"SELECT Vehicle, 100.0 * avg({LATE}) AS pct_late FROM t GROUP BY 1",
     None, BAR),
    ("rat17", FT, "how many days is a trip on average by driver", f"SELECT Driver, avg({TRIP_DAYS}) FROM t GROUP BY 1",
     None, BAR),
    ("rat18", FT, "gallons per 100 miles by vehicle",
     "SELECT Vehicle, 100.0 * sum(Gallons) / sum(Miles) FROM t GROUP BY 1", None, BAR),
]

STORES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: variance = actual - budget
    ("rat19", SM, "variance to budget by store", 'SELECT Store, sum("Actual Spend" - Budget) FROM t GROUP BY 1',
     None, BAR),
    ("rat20", SM, "actual spend vs budget difference by region",
     'SELECT Region, sum("Actual Spend" - Budget) FROM t GROUP BY 1', None, BAR),
    ("rat21", SM, "gross margin by store",
     "SELECT Store, 100.0 * (sum(Sales) - sum(COGS)) / sum(Sales) AS pct_margin FROM t GROUP BY 1", None, BAR),
    ("rat22", SM, "gross profit by region", "SELECT Region, sum(Sales - COGS) FROM t GROUP BY 1", None, BAR),
    ("rat23", SM, "sales per employee by store", "SELECT Store, sum(Sales) / sum(Headcount) FROM t GROUP BY 1",
     None, BAR),
    ("rat24", SM, "conversion rate by store",
     "SELECT Store, 100.0 * sum(Transactions) / sum(Visitors) AS pct_conv FROM t GROUP BY 1", None, BAR),
    ("rat25", SM, "average transaction value by region",
     "SELECT Region, sum(Sales) / sum(Transactions) FROM t GROUP BY 1", None, BAR),
    ("rat26", SM, "avg sale per transaction", "SELECT sum(Sales) / sum(Transactions) FROM t", None, KPI),
    ("rat27", SM, "monthly sales growth %",
     f"SELECT m, 100.0 * (s / lag(s) OVER (ORDER BY m) - 1) AS pct_growth FROM ({MONTH_SALES}) "
     "QUALIFY lag(s) OVER (ORDER BY m) IS NOT NULL", None, TIME),
    ("rat28", SM, "spend as a % of budget by store",
     'SELECT Store, 100.0 * sum("Actual Spend") / sum(Budget) AS pct_spend FROM t GROUP BY 1', None, BAR),
    ("rat29", SM, "which store converts the most visitors",
     "SELECT Store, 100.0 * sum(Transactions) / sum(Visitors) AS pct_conv FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("rat30", SM, "sales per visitor by month", "SELECT Month, sum(Sales) / sum(Visitors) FROM t GROUP BY 1",
     None, TIME),
    ("rat31", SM, "share of sales by region", "SELECT Region, sum(Sales) AS share_sales FROM t GROUP BY 1", None,
     SHARE),
    ("rat32", SM, "cogs as a share of sales by month",
     "SELECT Month, 100.0 * sum(COGS) / sum(Sales) AS pct_cogs FROM t GROUP BY 1", None, TIME),
    ("rat33", SM, "how much over budget were we in total", 'SELECT sum("Actual Spend" - Budget) FROM t', None, KPI),
    ("rat34", SM, "gross profit per transaction by store",
     "SELECT Store, sum(Sales - COGS) / sum(Transactions) FROM t GROUP BY 1", None, BAR),
    ("rat35", SM, "margin % by region",
     "SELECT Region, 100.0 * (sum(Sales) - sum(COGS)) / sum(Sales) AS pct_margin FROM t GROUP BY 1", None, BAR),
]

BUGS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("rat36", BT, "average days to close a bug", f"SELECT avg({CLOSE_DAYS}) FROM t", None, KPI),
    ("rat37", BT, "time to resolve by priority", f"SELECT Priority, avg({CLOSE_DAYS}) FROM t GROUP BY 1", None, BAR),
    # judgment: only the closed bugs have a length
    ("rat38", BT, "how long do bugs stay open by component", f"SELECT Component, avg({CLOSE_DAYS}) FROM t GROUP BY 1",
     None, BAR),
    ("rat39", BT, "reopen rate by component",
     "SELECT Component, 100.0 * avg(CASE WHEN Reopened = 'Y' THEN 1.0 ELSE 0 END) AS pct_reopened FROM t GROUP BY 1",
     None, BAR),
    ("rat40", BT, "what percentage of bugs are still open",
     "SELECT 100.0 * avg(CASE WHEN Status = 'Open' THEN 1.0 ELSE 0 END) AS pct_open FROM t", None, KPI),
    ("rat41", BT, "won't fix rate per reporter",
     "SELECT Reporter, 100.0 * avg(CASE WHEN Status = 'Won''t Fix' THEN 1.0 ELSE 0 END) AS pct_wf FROM t GROUP BY 1",
     None, BAR),
    ("rat42", BT, "hours over estimate by component", f"SELECT Component, sum({HRS} - {EST}) FROM t GROUP BY 1",
     None, BAR),
    ("rat43", BT, "ratio of hours logged to estimate by priority",
     f"SELECT Priority, sum({HRS}) / sum({EST}) FROM t GROUP BY 1", None, BAR),
    ("rat44", BT, "bugs opened per month", "SELECT date_trunc('month', Opened), count(*) FROM t GROUP BY 1", None,
     TIME),
    ("rat45", BT, "fix rate by priority",
     "SELECT Priority, 100.0 * avg(CASE WHEN Status = 'Fixed' THEN 1.0 ELSE 0 END) AS pct_fixed FROM t GROUP BY 1",
     None, BAR),
    ("rat46", BT, "median days to close by component", f"SELECT Component, median({CLOSE_DAYS}) FROM t GROUP BY 1",
     None, BAR),
    ("rat47", BT, "average resolution time in weeks", f"SELECT avg({CLOSE_DAYS}) / 7.0 FROM t", None, KPI),
    ("rat48", BT, "percentage of P1 bugs reopened",
     "SELECT 100.0 * avg(CASE WHEN Reopened = 'Y' THEN 1.0 ELSE 0 END) AS pct_reopened FROM t WHERE Priority = 'P1'",
     None, KPI),
    ("rat49", BT, "avg overrun hours per bug by component", f"SELECT Component, avg({HRS} - {EST}) FROM t GROUP BY 1",
     None, BAR),
    ("rat50", BT, "which component takes longest to fix",
     f"SELECT Component, avg({CLOSE_DAYS}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rat51", BT, "share of hours logged by component",
     f"SELECT Component, sum({HRS}) AS share_hours FROM t GROUP BY 1", None, SHARE),
    ("rat52", BT, "days open per bug by reporter", f"SELECT Reporter, avg({CLOSE_DAYS}) FROM t GROUP BY 1", None, BAR),
]

QUESTIONS = TRIPS + STORES + BUGS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "derived measure": frozenset(q[0] for q in QUESTIONS),
    "kpi": _ids("rat05 rat07 rat11 rat26 rat33 rat36 rat40 rat47 rat48"),
    "kpi with a condition": _ids("rat48"),
    "time series": _ids("rat10 rat13 rat27 rat30 rat32 rat44"),
    "top/bottom-N without 'top'": _ids("rat14 rat29 rat50"),
    "share or percentage": _ids("rat04 rat05 rat06 rat12 rat15 rat16 rat21 rat24 rat28 rat31 rat32 rat35 rat39 "
                                "rat40 rat41 rat45 rat48 rat51"),
    "condition in words or values": _ids("rat04 rat05 rat16 rat39 rat40 rat41 rat45 rat48"),
}
