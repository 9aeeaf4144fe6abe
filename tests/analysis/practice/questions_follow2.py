"""The "follow2" practice set: everyday chats of follow-up questions over three CSVs of make_follow2.py
(furniture_sales: orders 2023-01 .. 2024-12-31; salon_appointments: 2024, latest 2024-12-31;
grocery_txns: terse column names, 2023-07-01 .. 2024-12-31; its questions were added after the
planner had answered the first two CSVs' and before it answered them).

Format and gold conventions: the fresh set's (see tests/analysis/fresh/questions.py's docstring).
A follow-up keeps every part of the plan it builds on that it does not replace: a new filter on a
column already filtered replaces that filter, on another column it is added; a new grouping ("now by
month", "per store instead") replaces the grouping; "break it down by"/"split by" adds a second one; a
new measure or aggregation replaces the measure. A question that names its own measure and grouping is
a new question, not an edit, even in a chat. "Last year" is the year before the latest one in the data.
Written before the planner answered them.
"""
from __future__ import annotations

TREND = {"line", "area", "bar"}
SPLIT = {"bar", "heatmap"}
SHARE = {"arc", "bar"}
OD = '"Order Date"'
FS = "furniture_sales"
SA = "salon_appointments"

FURNITURE = [
    ("ff01", FS, "sales by store", 'SELECT "Store", SUM("Sales") FROM t GROUP BY 1', None, SHARE),
    ("ff02", FS, "just the west region",
     "SELECT \"Store\", SUM(\"Sales\") FROM t WHERE \"Region\" = 'West' GROUP BY 1", "ff01", SHARE),
    ("ff03", FS, "what about profit",
     "SELECT \"Store\", SUM(\"Profit\") FROM t WHERE \"Region\" = 'West' GROUP BY 1", "ff02", {"bar"}),
    ("ff04", FS, "per category instead",
     "SELECT \"Category\", SUM(\"Profit\") FROM t WHERE \"Region\" = 'West' GROUP BY 1", "ff03", {"bar"}),
    ("ff05", FS, "orders by channel", 'SELECT "Channel", COUNT(*) FROM t GROUP BY 1', None, SHARE),
    ("ff06", FS, "exclude cancelled ones",
     "SELECT \"Channel\", COUNT(*) FROM t WHERE \"Status\" <> 'Cancelled' GROUP BY 1", "ff05", SHARE),
    ("ff07", FS, "as a percentage",
     "SELECT \"Channel\", COUNT(*) AS share_orders FROM t WHERE \"Status\" <> 'Cancelled' GROUP BY 1", "ff06",
     SHARE),
    ("ff08", FS, "total sales per month", f"SELECT date_trunc('month', {OD}), SUM(\"Sales\") FROM t GROUP BY 1",
     None, TREND),
    ("ff09", FS, "only 2024",
     f"SELECT date_trunc('month', {OD}), SUM(\"Sales\") FROM t WHERE year({OD}) = 2024 GROUP BY 1", "ff08", TREND),
    ("ff10", FS, "as a table",
     f"SELECT date_trunc('month', {OD}), SUM(\"Sales\") FROM t WHERE year({OD}) = 2024 GROUP BY 1", "ff09",
     {"table"}),
    # judgment: last year is 2023, the year before the latest; it replaces the 2024 filter
    ("ff11", FS, "same for last year",
     f"SELECT date_trunc('month', {OD}), SUM(\"Sales\") FROM t WHERE year({OD}) = 2023 GROUP BY 1", "ff09", TREND),
    ("ff12", FS, "average sales by category", 'SELECT "Category", AVG("Sales") FROM t GROUP BY 1', None, {"bar"}),
    ("ff13", FS, "and for premium customers?",
     "SELECT \"Category\", AVG(\"Sales\") FROM t WHERE \"Customer Segment\" = 'Premium' GROUP BY 1", "ff12",
     {"bar"}),
    ("ff14", FS, "units sold by category for Carol",
     "SELECT \"Category\", SUM(\"Units\") FROM t WHERE \"Sales Rep\" = 'Carol Nguyen' GROUP BY 1", None, SHARE),
    ("ff15", FS, "what about for Bob",
     "SELECT \"Category\", SUM(\"Units\") FROM t WHERE \"Sales Rep\" = 'Bob Hartley' GROUP BY 1", "ff14", SHARE),
    ("ff16", FS, "units by sales rep", 'SELECT "Sales Rep", SUM("Units") FROM t GROUP BY 1', None, SHARE),
    ("ff17", FS, "top 3 only",
     'SELECT "Sales Rep", SUM("Units") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', "ff16", {"bar"}),
    ("ff18", FS, "how about profit",
     'SELECT "Sales Rep", SUM("Profit") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', "ff17", {"bar"}),
    ("ff19", FS, "lowest first",
     'SELECT "Sales Rep", SUM("Units") FROM t GROUP BY 1 ORDER BY 2', "ff16", {"bar"}),
    ("ff20", FS, "profit by category", 'SELECT "Category", SUM("Profit") FROM t GROUP BY 1', None, {"bar"}),
    ("ff21", FS, "split by segment",
     'SELECT "Category", "Customer Segment", SUM("Profit") FROM t GROUP BY 1, 2', "ff20", SPLIT),
    ("ff22", FS, "sales per category", 'SELECT "Category", SUM("Sales") FROM t GROUP BY 1', None, SHARE),
    ("ff23", FS, "how about units", 'SELECT "Category", SUM("Units") FROM t GROUP BY 1', "ff22", SHARE),
    ("ff24", FS, "number of orders per quarter",
     f"SELECT date_trunc('quarter', {OD}), COUNT(*) FROM t GROUP BY 1", None, TREND),
    ("ff25", FS, "as a line", f"SELECT date_trunc('quarter', {OD}), COUNT(*) FROM t GROUP BY 1", "ff24", {"line"}),
    ("ff26", FS, "returned orders by store",
     "SELECT \"Store\", COUNT(*) FROM t WHERE \"Status\" = 'Returned' GROUP BY 1", None, SHARE),
    # judgment: "and monthly?" replaces the store grouping by months and keeps the returned filter
    ("ff27", FS, "and monthly?",
     f"SELECT date_trunc('month', {OD}), COUNT(*) FROM t WHERE \"Status\" = 'Returned' GROUP BY 1", "ff26", TREND),
    # judgment: a new question in the chat; it keeps nothing of the returned orders by month
    ("ff28", FS, "number of orders per sales rep in 2024",
     f'SELECT "Sales Rep", COUNT(*) FROM t WHERE year({OD}) = 2024 GROUP BY 1', "ff27", SHARE),
    ("ff29", FS, "show as pie",
     f'SELECT "Sales Rep", COUNT(*) AS share_orders FROM t WHERE year({OD}) = 2024 GROUP BY 1', "ff28", {"arc"}),
]

SALON = [
    ("fs01", SA, "appointments by service", 'SELECT "Service", COUNT(*) FROM t GROUP BY 1', None, SHARE),
    ("fs02", SA, "only completed ones",
     "SELECT \"Service\", COUNT(*) FROM t WHERE \"Status\" = 'Completed' GROUP BY 1", "fs01", SHARE),
    ("fs03", SA, "split by gender",
     "SELECT \"Service\", \"Client Gender\", COUNT(*) FROM t WHERE \"Status\" = 'Completed' GROUP BY 1, 2", "fs02",
     SPLIT),
    ("fs04", SA, "total tips by stylist", 'SELECT "Stylist", SUM("Tip") FROM t GROUP BY 1', None, SHARE),
    ("fs05", SA, "and the average instead", 'SELECT "Stylist", AVG("Tip") FROM t GROUP BY 1', "fs04", {"bar"}),
    ("fs06", SA, "per salon instead", 'SELECT "Salon", AVG("Tip") FROM t GROUP BY 1', "fs05", {"bar"}),
    ("fs07", SA, "sort ascending", 'SELECT "Salon", AVG("Tip") FROM t GROUP BY 1 ORDER BY 2', "fs06", {"bar"}),
    ("fs08", SA, "how many no-shows per month",
     "SELECT date_trunc('month', \"Date\"), COUNT(*) FROM t WHERE \"Status\" = 'No-show' GROUP BY 1", None, TREND),
    # judgment: "cancellations" are the Cancelled appointments; they replace the no-show filter
    ("fs09", SA, "what about cancellations",
     "SELECT date_trunc('month', \"Date\"), COUNT(*) FROM t WHERE \"Status\" = 'Cancelled' GROUP BY 1", "fs08",
     TREND),
    ("fs10", SA, "just Uptown",
     "SELECT date_trunc('month', \"Date\"), COUNT(*) FROM t WHERE \"Status\" = 'Cancelled' AND \"Salon\" = 'Uptown' "
     "GROUP BY 1", "fs09", TREND),
    ("fs11", SA, "average duration by service", 'SELECT "Service", AVG("Duration (min)") FROM t GROUP BY 1', None,
     {"bar"}),
    ("fs12", SA, "exclude beard trims",
     "SELECT \"Service\", AVG(\"Duration (min)\") FROM t WHERE \"Service\" <> 'Beard Trim' GROUP BY 1", "fs11",
     {"bar"}),
    ("fs13", SA, "how about price",
     "SELECT \"Service\", AVG(\"Service Price\") FROM t WHERE \"Service\" <> 'Beard Trim' GROUP BY 1", "fs12",
     {"bar"}),
    ("fs14", SA, "top 3 only",
     "SELECT \"Service\", AVG(\"Service Price\") FROM t WHERE \"Service\" <> 'Beard Trim' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 3", "fs13", {"bar"}),
    ("fs15", SA, "appointments by booking channel", 'SELECT "Booking Channel", COUNT(*) FROM t GROUP BY 1', None,
     SHARE),
    ("fs16", SA, "new vs returning clients", 'SELECT "Client Type", COUNT(*) FROM t GROUP BY 1', None, SHARE),
    ("fs17", SA, "as a percentage", 'SELECT "Client Type", COUNT(*) AS share_clients FROM t GROUP BY 1', "fs16",
     SHARE),
    ("fs18", SA, "break it down by channel",
     'SELECT "Client Type", "Booking Channel", COUNT(*) FROM t GROUP BY 1, 2', "fs16", SPLIT),
    ("fs19", SA, "tips per week", "SELECT date_trunc('week', \"Date\"), SUM(\"Tip\") FROM t GROUP BY 1", None, TREND),
    ("fs20", SA, "now by month", "SELECT date_trunc('month', \"Date\"), SUM(\"Tip\") FROM t GROUP BY 1", "fs19",
     TREND),
    ("fs21", SA, "as a line", "SELECT date_trunc('month', \"Date\"), SUM(\"Tip\") FROM t GROUP BY 1", "fs20",
     {"line"}),
    ("fs22", SA, "for Priya",
     "SELECT date_trunc('month', \"Date\"), SUM(\"Tip\") FROM t WHERE \"Stylist\" = 'Priya' GROUP BY 1", "fs20",
     TREND),
    # judgment: a new question in the chat; it keeps neither Priya nor the months
    ("fs23", SA, "average price by salon", 'SELECT "Salon", AVG("Service Price") FROM t GROUP BY 1', "fs22",
     {"bar"}),
    ("fs24", SA, "how many appointments were cancelled", "SELECT COUNT(*) FROM t WHERE \"Status\" = 'Cancelled'",
     None, {"kpi"}),
    ("fs25", SA, "per stylist",
     "SELECT \"Stylist\", COUNT(*) FROM t WHERE \"Status\" = 'Cancelled' GROUP BY 1", "fs24", SHARE),
    ("fs26", SA, "and for new clients only",
     "SELECT \"Stylist\", COUNT(*) FROM t WHERE \"Status\" = 'Cancelled' AND \"Client Type\" = 'New' GROUP BY 1",
     "fs25", SHARE),
]

GT = "grocery_txns"
NET = "CAST(replace(\"Net Amt\", '$', '') AS DOUBLE)"  # grocery_txns: "$12.34"
TD = '"Txn Date"'
NOT_VOID = "\"Voided\" = 'N'"

GROCERY = [
    ("fx01", GT, "net amount by dept", f'SELECT "Dept", SUM({NET}) FROM t GROUP BY 1', None, SHARE),
    ("fx02", GT, "remove the voided ones",
     f'SELECT "Dept", SUM({NET}) FROM t WHERE {NOT_VOID} GROUP BY 1', "fx01", SHARE),
    ("fx03", GT, "now just loyalty members",
     f"SELECT \"Dept\", SUM({NET}) FROM t WHERE {NOT_VOID} AND \"Loyalty Member\" = 'Y' GROUP BY 1", "fx02", SHARE),
    ("fx04", GT, "make it a pie chart",
     f"SELECT \"Dept\", SUM({NET}) AS share_net FROM t WHERE {NOT_VOID} AND \"Loyalty Member\" = 'Y' GROUP BY 1",
     "fx03", {"arc"}),
    ("fx05", GT, "qty by store", 'SELECT "Store", SUM("Qty") FROM t GROUP BY 1', None, SHARE),
    # judgment: "do that by X" replaces the grouping
    ("fx06", GT, "can you do that by pay method", 'SELECT "Pay Method", SUM("Qty") FROM t GROUP BY 1', "fx05",
     SHARE),
    ("fx07", GT, "what about discounts", 'SELECT "Pay Method", SUM("Disc Amt") FROM t GROUP BY 1', "fx06", SHARE),
    ("fx08", GT, "transactions per day of week", f"SELECT dayname({TD}), COUNT(*) FROM t GROUP BY 1", None,
     {"bar", "line"}),
    ("fx09", GT, "only cash", f"SELECT dayname({TD}), COUNT(*) FROM t WHERE \"Pay Method\" = 'Cash' GROUP BY 1",
     "fx08", {"bar", "line"}),
    ("fx10", GT, "what about card",
     f"SELECT dayname({TD}), COUNT(*) FROM t WHERE \"Pay Method\" = 'Card' GROUP BY 1", "fx09", {"bar", "line"}),
    ("fx11", GT, "how many transactions last month", f"SELECT COUNT(*) FROM t WHERE {TD} >= DATE '2024-12-01'",
     None, {"kpi"}),
    ("fx12", GT, "and the month before?",
     f"SELECT COUNT(*) FROM t WHERE {TD} >= DATE '2024-11-01' AND {TD} < DATE '2024-12-01'", "fx11", {"kpi"}),
    ("fx13", GT, "by cashier",
     f'SELECT "Cashier", COUNT(*) FROM t WHERE {TD} >= DATE \'2024-12-01\' GROUP BY 1', "fx11", SHARE),
    # judgment: names its own measure and grouping: a new question, last month's filter is not kept
    ("fx14", GT, "top 5 cashiers by net amount",
     f'SELECT "Cashier", SUM({NET}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', "fx13", {"bar"}),
    ("fx15", GT, "bottom 3 instead", f'SELECT "Cashier", SUM({NET}) FROM t GROUP BY 1 ORDER BY 2 LIMIT 3', "fx14",
     {"bar"}),
    ("fx16", GT, "total discount in 2024", f'SELECT SUM("Disc Amt") FROM t WHERE year({TD}) = 2024', None, {"kpi"}),
    ("fx17", GT, "and in 2023?", f'SELECT SUM("Disc Amt") FROM t WHERE year({TD}) = 2023', "fx16", {"kpi"}),
    ("fx18", GT, "per month",
     f"SELECT date_trunc('month', {TD}), SUM(\"Disc Amt\") FROM t WHERE year({TD}) = 2023 GROUP BY 1", "fx17",
     TREND),
    ("fx19", GT, "Meat dept only",
     f"SELECT date_trunc('month', {TD}), SUM(\"Disc Amt\") FROM t WHERE year({TD}) = 2023 AND \"Dept\" = 'Meat' "
     "GROUP BY 1", "fx18", TREND),
    ("fx20", GT, "average qty by dept", 'SELECT "Dept", AVG("Qty") FROM t GROUP BY 1', None, {"bar"}),
    ("fx21", GT, "how about the max", 'SELECT "Dept", MAX("Qty") FROM t GROUP BY 1', "fx20", {"bar"}),
    ("fx22", GT, "net amount by store and dept", f'SELECT "Store", "Dept", SUM({NET}) FROM t GROUP BY 1, 2', None,
     SPLIT),
    ("fx23", GT, "just Produce and Dairy",
     f"SELECT \"Store\", \"Dept\", SUM({NET}) FROM t WHERE \"Dept\" IN ('Produce', 'Dairy') GROUP BY 1, 2", "fx22",
     SPLIT),
    ("fx24", GT, "as a table",
     f"SELECT \"Store\", \"Dept\", SUM({NET}) FROM t WHERE \"Dept\" IN ('Produce', 'Dairy') GROUP BY 1, 2", "fx23",
     {"table"}),
    ("fx25", GT, "txns by pay method", 'SELECT "Pay Method", COUNT(*) FROM t GROUP BY 1', None, SHARE),
    ("fx26", GT, "excluding EBT", "SELECT \"Pay Method\", COUNT(*) FROM t WHERE \"Pay Method\" <> 'EBT' GROUP BY 1",
     "fx25", SHARE),
    ("fx27", GT, "show percentages",
     "SELECT \"Pay Method\", COUNT(*) AS share_txns FROM t WHERE \"Pay Method\" <> 'EBT' GROUP BY 1", "fx26",
     SHARE),
]

QUESTIONS = FURNITURE + SALON + GROCERY


def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "time series": _ids("ff08 ff09 ff10 ff11 ff24 ff25 ff27 fs08 fs09 fs10 fs19 fs20 fs21 fs22 fx18 fx19"),
    "quarter or week grain": _ids("ff24 ff25 fs19"),
    "weekday or hour": _ids("fx08 fx09 fx10"),
    "kpi": _ids("fs24 fx11 fx12 fx16 fx17"),
    "kpi with a condition": _ids("fs24 fx11 fx12 fx16 fx17"),
    "top-N with 'top'": _ids("ff17 ff18 fs14 fx14"),
    "top/bottom-N without 'top'": _ids("fx15"),
    "share or percentage": _ids("ff07 ff29 fs17 fx04 fx27"),
    "pie asked for": _ids("ff29 fx04"),
    "split by colour": _ids("ff21 fs03 fs18 fx22 fx23 fx24"),
    "median/max/min wording": _ids("fx21"),
    "condition in words or values": _ids("ff02 ff06 ff13 ff14 ff15 ff26 fs02 fs08 fs09 fs10 fs12 fs22 fs24 fs26 "
                                         "fx02 fx03 fx09 fx10 fx19 fx23 fx26"),
    "relative period": _ids("ff11 fx11 fx12 fx13"),
    "abbreviation or paraphrase": _ids("fs09 ff26 fx01 fx05 fx20 fx25"),
}
