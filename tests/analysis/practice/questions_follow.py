"""The "follow" practice set: chats of follow-up questions and relative periods over two CSVs of
make_follow.py (gym_visits: 2024 visits, latest 2024-12-31; online_orders: 2023-01 .. 2024-09-30).

Format and gold conventions: the fresh set's (see tests/analysis/fresh/questions.py's docstring).
Relative periods are anchored to the dataset's latest date; "last month"/"last quarter" is the latest
(complete) month/quarter of the data, a bare "in Q2" or "since March" is of the latest year, "past N
days" is the N days ending on the latest day. A follow-up keeps every part of the plan it builds on
that it does not replace. A question that names its own measure and grouping is a new question, not an
edit, even in a chat. Written before the planner answered them.
"""
from __future__ import annotations

TREND = {"line", "area", "bar"}
SPEND = "CAST(replace(\"Spend\", '$', '') AS DOUBLE)"  # gym_visits: "$12.50", blank when nothing bought
REV = '"Units" * "Unit Price"'  # online_orders: revenue of an order line
DISC = "CAST(replace(\"Discount %\", '%', '') AS DOUBLE)"  # online_orders: "15%"
VT = '"Visit Time"'
OD = '"Order Date"'

GYM = [
    ("fg01", "gym_visits", "visits by club", 'SELECT "Club", COUNT(*) FROM t GROUP BY 1', None, {"bar", "arc"}),
    ("fg02", "gym_visits", "just Downtown and Riverside",
     "SELECT \"Club\", COUNT(*) FROM t WHERE \"Club\" IN ('Downtown', 'Riverside') GROUP BY 1", "fg01",
     {"bar", "arc"}),
    # judgment: "now by week" replaces the club grouping by weeks and keeps the filter
    ("fg03", "gym_visits", "now by week",
     f"SELECT date_trunc('week', {VT}), COUNT(*) FROM t WHERE \"Club\" IN ('Downtown', 'Riverside') GROUP BY 1",
     "fg02", TREND),
    ("fg04", "gym_visits", "average class duration by class type",
     'SELECT "Class Type", AVG("Duration (min)") FROM t GROUP BY 1', None, {"bar"}),
    ("fg05", "gym_visits", "exclude open gym",
     "SELECT \"Class Type\", AVG(\"Duration (min)\") FROM t WHERE \"Class Type\" <> 'Open Gym' GROUP BY 1",
     "fg04", {"bar"}),
    ("fg06", "gym_visits", "sort it ascending",
     "SELECT \"Class Type\", AVG(\"Duration (min)\") FROM t WHERE \"Class Type\" <> 'Open Gym' GROUP BY 1 "
     "ORDER BY 2", "fg05", {"bar"}),
    ("fg07", "gym_visits", "top 3 only",
     "SELECT \"Class Type\", AVG(\"Duration (min)\") FROM t WHERE \"Class Type\" <> 'Open Gym' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 3", "fg05", {"bar"}),
    ("fg08", "gym_visits", "total spend per month",
     f"SELECT date_trunc('month', {VT}), SUM({SPEND}) FROM t GROUP BY 1", None, TREND),
    ("fg09", "gym_visits", "as bars",
     f"SELECT date_trunc('month', {VT}), SUM({SPEND}) FROM t GROUP BY 1", "fg08", {"bar"}),
    ("fg10", "gym_visits", "and the average instead of the total?",
     f"SELECT date_trunc('month', {VT}), AVG({SPEND}) FROM t GROUP BY 1", "fg08", TREND),
    ("fg11", "gym_visits", "per quarter instead",
     f"SELECT date_trunc('quarter', {VT}), AVG({SPEND}) FROM t GROUP BY 1", "fg10", TREND),
    # judgment: Q3 of the only year in the data
    ("fg12", "gym_visits", "zoom into Q3",
     f"SELECT date_trunc('month', {VT}), SUM({SPEND}) FROM t WHERE {VT} >= DATE '2024-07-01' "
     f"AND {VT} < DATE '2024-10-01' GROUP BY 1", "fg08", TREND),
    ("fg13", "gym_visits", "how many visits per membership tier",
     'SELECT "Membership Tier", COUNT(*) FROM t GROUP BY 1', None, {"bar", "arc"}),
    ("fg14", "gym_visits", "as a pie",
     'SELECT "Membership Tier", COUNT(*) AS share_visits FROM t GROUP BY 1', "fg13", {"arc"}),
    ("fg15", "gym_visits", "break it down by club",
     'SELECT "Membership Tier", "Club", COUNT(*) FROM t GROUP BY 1, 2', "fg13", {"bar", "heatmap"}),
    ("fg16", "gym_visits", "only guests",
     'SELECT "Membership Tier", COUNT(*) FROM t WHERE "Guest?" GROUP BY 1', "fg13", {"bar", "arc"}),
    # judgment: a new question after a filtered chart does not inherit the guests-only filter
    ("fg17", "gym_visits", "what's the average visit duration for each club",
     'SELECT "Club", AVG("Duration (min)") FROM t GROUP BY 1', "fg16", {"bar"}),
    # judgment: open-gym visits have no trainer and are left out
    ("fg18", "gym_visits", "number of visits per trainer",
     'SELECT "Trainer", COUNT(*) FROM t WHERE "Trainer" IS NOT NULL GROUP BY 1', None, {"bar", "arc"}),
    ("fg19", "gym_visits", "top 5 only",
     'SELECT "Trainer", COUNT(*) FROM t WHERE "Trainer" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 5',
     "fg18", {"bar"}),
    ("fg20", "gym_visits", "for spin classes",
     "SELECT \"Trainer\", COUNT(*) FROM t WHERE \"Class Type\" = 'Spin' GROUP BY 1", "fg18", {"bar", "arc"}),
    ("fg21", "gym_visits", "what about yoga",
     "SELECT \"Trainer\", COUNT(*) FROM t WHERE \"Class Type\" = 'Yoga' GROUP BY 1", "fg20", {"bar", "arc"}),
    ("fg22", "gym_visits", "how about total minutes instead",
     "SELECT \"Trainer\", SUM(\"Duration (min)\") FROM t WHERE \"Class Type\" = 'Yoga' GROUP BY 1", "fg21",
     {"bar", "arc"}),
    ("fg23", "gym_visits", "visits last month",
     f"SELECT COUNT(*) FROM t WHERE {VT} >= DATE '2024-12-01'", None, {"kpi"}),
    # judgment: the 90 days ending on 2024-12-31 start on 2024-10-03
    ("fg24", "gym_visits", "spend in the past 90 days by club",
     f"SELECT \"Club\", SUM({SPEND}) FROM t WHERE {VT} >= DATE '2024-10-03' GROUP BY 1", None, {"bar", "arc"}),
    ("fg25", "gym_visits", "visits per club in Q2",
     f"SELECT \"Club\", COUNT(*) FROM t WHERE {VT} >= DATE '2024-04-01' AND {VT} < DATE '2024-07-01' GROUP BY 1",
     None, {"bar", "arc"}),
    ("fg26", "gym_visits", "since september how many guest visits",
     f"SELECT COUNT(*) FROM t WHERE {VT} >= DATE '2024-09-01' AND \"Guest?\"", None, {"kpi"}),
    ("fg27", "gym_visits", "avg session length this year so far",
     'SELECT AVG("Duration (min)") FROM t', None, {"kpi"}),
    ("fg28", "gym_visits", "between March and May, visits per class type",
     f"SELECT \"Class Type\", COUNT(*) FROM t WHERE {VT} >= DATE '2024-03-01' AND {VT} < DATE '2024-06-01' "
     "GROUP BY 1", None, {"bar", "arc"}),
    ("fg29", "gym_visits", "busiest hours of the day",
     f"SELECT hour({VT}), COUNT(*) FROM t GROUP BY 1", None, {"bar", "line"}),
    ("fg30", "gym_visits", "median spend by tier",
     f'SELECT "Membership Tier", MEDIAN({SPEND}) FROM t GROUP BY 1', None, {"bar", "boxplot"}),
    ("fg31", "gym_visits", "how many diferent members came in",
     'SELECT COUNT(DISTINCT "Member ID") FROM t', None, {"kpi"}),
    ("fg32", "gym_visits", "visits by day of week",
     f"SELECT dayname({VT}), COUNT(*) FROM t GROUP BY 1", None, {"bar", "line"}),
]

ORDERS = [
    ("fo01", "online_orders", "orders by region", 'SELECT "Region", COUNT(*) FROM t GROUP BY 1', None,
     {"bar", "arc"}),
    ("fo02", "online_orders", "only for 2024",
     f'SELECT "Region", COUNT(*) FROM t WHERE year({OD}) = 2024 GROUP BY 1', "fo01", {"bar", "arc"}),
    ("fo03", "online_orders", "now by channel",
     f'SELECT "Channel", COUNT(*) FROM t WHERE year({OD}) = 2024 GROUP BY 1', "fo02", {"bar", "arc"}),
    ("fo04", "online_orders", "exclude returned ones",
     f"SELECT \"Channel\", COUNT(*) FROM t WHERE year({OD}) = 2024 AND \"Returned\" = 'N' GROUP BY 1", "fo03",
     {"bar", "arc"}),
    # judgment: a new question after a filtered chart does not inherit its filters
    ("fo05", "online_orders", "average unit price by product category",
     'SELECT "Product Category", AVG("Unit Price") FROM t GROUP BY 1', "fo04", {"bar"}),
    ("fo06", "online_orders", "total units sold per product category",
     'SELECT "Product Category", SUM("Units") FROM t GROUP BY 1', None, {"bar", "arc"}),
    ("fo07", "online_orders", "what about the average discount?",
     f'SELECT "Product Category", AVG({DISC}) FROM t GROUP BY 1', "fo06", {"bar"}),
    ("fo08", "online_orders", "same for the West",
     f"SELECT \"Product Category\", AVG({DISC}) FROM t WHERE \"Region\" = 'West' GROUP BY 1", "fo07", {"bar"}),
    ("fo09", "online_orders", "sort ascending",
     f"SELECT \"Product Category\", AVG({DISC}) FROM t WHERE \"Region\" = 'West' GROUP BY 1 ORDER BY 2",
     "fo08", {"bar"}),
    ("fo10", "online_orders", "monthly order count",
     f"SELECT date_trunc('month', {OD}), COUNT(*) FROM t GROUP BY 1", None, TREND),
    # judgment: the comparison with last year is the same months side by side, one series per year
    ("fo11", "online_orders", "how does that compare with last year",
     f"SELECT month({OD}), year({OD}), COUNT(*) FROM t GROUP BY 1, 2", "fo10", {"line", "bar"}),
    # judgment: Q3 of the latest year
    ("fo12", "online_orders", "zoom into Q3",
     f"SELECT date_trunc('month', {OD}), COUNT(*) FROM t WHERE {OD} >= DATE '2024-07-01' GROUP BY 1", "fo10",
     TREND),
    ("fo13", "online_orders", "revenue last quarter",
     f"SELECT SUM({REV}) FROM t WHERE {OD} >= DATE '2024-07-01'", None, {"kpi"}),
    ("fo14", "online_orders", "orders per channel year to date",
     f'SELECT "Channel", COUNT(*) FROM t WHERE {OD} >= DATE \'2024-01-01\' GROUP BY 1', None, {"bar", "arc"}),
    ("fo15", "online_orders", "units sold in the last 6 months by category",
     f'SELECT "Product Category", SUM("Units") FROM t WHERE {OD} >= DATE \'2024-04-01\' GROUP BY 1', None,
     {"bar", "arc"}),
    ("fo16", "online_orders", "how many orders since March",
     f"SELECT COUNT(*) FROM t WHERE {OD} >= DATE '2024-03-01'", None, {"kpi"}),
    ("fo17", "online_orders", "orders between Jan and Jun 2024 by region",
     f"SELECT \"Region\", COUNT(*) FROM t WHERE {OD} >= DATE '2024-01-01' AND {OD} < DATE '2024-07-01' "
     "GROUP BY 1", None, {"bar", "arc"}),
    ("fo18", "online_orders", "last month's revenue by region",
     f'SELECT "Region", SUM({REV}) FROM t WHERE {OD} >= DATE \'2024-09-01\' GROUP BY 1', None, {"bar", "arc"}),
    ("fo19", "online_orders", "units by category in Q2",
     f"SELECT \"Product Category\", SUM(\"Units\") FROM t WHERE {OD} >= DATE '2024-04-01' "
     f"AND {OD} < DATE '2024-07-01' GROUP BY 1", None, {"bar", "arc"}),
    # judgment: orders without a coupon are left out of a count by coupon
    ("fo20", "online_orders", "orders by coupon code",
     'SELECT "Coupon Code", COUNT(*) FROM t WHERE "Coupon Code" IS NOT NULL GROUP BY 1', None, {"bar", "arc"}),
    ("fo21", "online_orders", "drop the blanks",
     'SELECT "Coupon Code", COUNT(*) FROM t WHERE "Coupon Code" IS NOT NULL GROUP BY 1', "fo20", {"bar", "arc"}),
    ("fo22", "online_orders", "average discount", f"SELECT AVG({DISC}) FROM t", None, {"kpi"}),
    ("fo23", "online_orders", "and for each region?",
     f'SELECT "Region", AVG({DISC}) FROM t GROUP BY 1', "fo22", {"bar"}),
    ("fo24", "online_orders", "how many returned orders",
     "SELECT COUNT(*) FROM t WHERE \"Returned\" = 'Y'", None, {"kpi"}),
    ("fo25", "online_orders", "per month",
     f"SELECT date_trunc('month', {OD}), COUNT(*) FROM t WHERE \"Returned\" = 'Y' GROUP BY 1", "fo24", TREND),
    ("fo26", "online_orders", "revenue per channel",
     f'SELECT "Channel", SUM({REV}) FROM t GROUP BY 1', None, {"bar", "arc"}),
    ("fo27", "online_orders", "what about units?",
     'SELECT "Channel", SUM("Units") FROM t GROUP BY 1', "fo26", {"bar", "arc"}),
    ("fo28", "online_orders", "what about last quarter?",
     f'SELECT "Channel", SUM({REV}) FROM t WHERE {OD} >= DATE \'2024-07-01\' GROUP BY 1', "fo26",
     {"bar", "arc"}),
    ("fo29", "online_orders", "just the north region",
     f"SELECT \"Channel\", SUM({REV}) FROM t WHERE {OD} >= DATE '2024-07-01' AND \"Region\" = 'North' "
     "GROUP BY 1", "fo28", {"bar", "arc"}),
    ("fo30", "online_orders", "avg days to ship by region",
     f'SELECT "Region", AVG(date_diff(\'day\', {OD}, "Ship Date")) FROM t GROUP BY 1', None, {"bar"}),
    ("fo31", "online_orders", "share of orders by channel",
     'SELECT "Channel", COUNT(*) AS share_orders FROM t GROUP BY 1', None, {"arc", "bar"}),
    ("fo32", "online_orders", "how many orders used a coupon",
     'SELECT COUNT(*) FROM t WHERE "Coupon Code" IS NOT NULL', None, {"kpi"}),
    ("fo33", "online_orders", "return rate by category",
     "SELECT \"Product Category\", 100.0 * AVG(CASE WHEN \"Returned\" = 'Y' THEN 1 ELSE 0 END) AS pct_returned "
     "FROM t GROUP BY 1", None, {"bar"}),
]

QUESTIONS = GYM + ORDERS


def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "time series": _ids("fg03 fg08 fg09 fg10 fg11 fg12 fo10 fo11 fo12 fo25"),
    "quarter or week grain": _ids("fg03 fg11"),
    "weekday or hour": _ids("fg29 fg32"),
    "kpi": _ids("fg23 fg26 fg27 fg31 fo13 fo16 fo22 fo24 fo32"),
    "kpi with a condition": _ids("fg23 fg26 fo13 fo16 fo24 fo32"),
    "top-N with 'top'": _ids("fg07 fg19"),
    "share or percentage": _ids("fg14 fo31 fo33"),
    "pie asked for": _ids("fg14"),
    "split by colour": _ids("fg15 fo11"),
    "median/max/min wording": _ids("fg30"),
    "condition in words or values": _ids("fg02 fg05 fg16 fg20 fg21 fg26 fo04 fo08 fo21 fo24 fo29 fo32"),
    "relative period": _ids("fg12 fg23 fg24 fg25 fg26 fg27 fg28 fo12 fo13 fo14 fo15 fo16 fo17 fo18 fo19 fo28"),
    "typo": _ids("fg31"),
    "abbreviation or paraphrase": _ids("fg27 fo30 fg29"),
    "derived measure": _ids("fo13 fo18 fo26 fo28 fo29 fo30 fo33"),
}
