"""The "follow3" practice set: follow-ups on the chart on screen and one-row answers, over the three CSVs of
make_follow3.py (follow3_purchase_orders: 2024-01 .. 2025-06-30; follow3_bakery_orders: 2025-01 ..
2025-10-31; follow3_delivery_runs: 2025-03 .. 2025-08-31).

Format and gold conventions: the fresh set's (see tests/analysis/fresh/questions.py's docstring), and
questions_follow2.py's for follow-ups: a follow-up keeps every part of the plan it builds on that it does not
replace. A bare period ("and september?") replaces the period on screen, in the same year; a bare value
("what about the east?") replaces the value of the same column. "slowest 3" / "bottom 5" rank the chart on
screen. On a chart of two measures, "remove X" / "drop X" takes the series X away. A one-row question ("when
was the largest order", "who placed the biggest order") asks about the one row with the largest amount; "the
largest order by vendor" is each vendor's largest single order. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
ONE = {"kpi", "table", "bar"}
BAR = {"bar"}
SHARE = {"arc", "bar"}
TREND = {"line", "area", "bar"}
TWO = {"bar", "point", "table"}
TWO_TIME = {"line", "bar", "area", "table"}
PIE = {"arc"}

PO = "follow3_purchase_orders"
BK = "follow3_bakery_orders"
DR = "follow3_delivery_runs"
POD = '"PO Date"'
BOD = '"Order Date"'
RD = '"Run Date"'

PURCHASES = [
    ("fp01", PO, "total spend by vendor in august 2024",
     f"SELECT Vendor, SUM(Amount) FROM t WHERE {POD} BETWEEN DATE '2024-08-01' AND DATE '2024-08-31' GROUP BY 1",
     None, SHARE),
    ("fp02", PO, "and september?",
     f"SELECT Vendor, SUM(Amount) FROM t WHERE {POD} BETWEEN DATE '2024-09-01' AND DATE '2024-09-30' GROUP BY 1",
     "fp01", SHARE),
    ("fp03", PO, "spend by department in the west",
     "SELECT Department, SUM(Amount) FROM t WHERE Site = 'West' GROUP BY 1", None, SHARE),
    ("fp04", PO, "what about the east?",
     "SELECT Department, SUM(Amount) FROM t WHERE Site = 'East' GROUP BY 1", "fp03", SHARE),
    ("fp05", PO, "number of POs by vendor", "SELECT Vendor, COUNT(*) FROM t GROUP BY 1", None, SHARE),
    ("fp06", PO, "bottom 5", "SELECT Vendor, COUNT(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 5", "fp05", BAR),
    ("fp07", PO, "make it horizontal",
     "SELECT Vendor, COUNT(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 5", "fp06", BAR),
    ("fp08", PO, "when was the largest order", f"SELECT {POD} FROM t ORDER BY Amount DESC LIMIT 1", None, ONE),
    ("fp09", PO, "who placed the biggest order", "SELECT Buyer FROM t ORDER BY Amount DESC LIMIT 1", None, ONE),
    ("fp10", PO, "the largest order by vendor", "SELECT Vendor, MAX(Amount) FROM t GROUP BY 1", None, BAR),
    ("fp11", PO, "biggest single po per department", "SELECT Department, MAX(Amount) FROM t GROUP BY 1", None, BAR),
    ("fp12", PO, "which vendor got the biggest order", "SELECT Vendor FROM t ORDER BY Amount DESC LIMIT 1", None,
     ONE),
    ("fp13", PO, "spend and number of orders by department",
     "SELECT Department, SUM(Amount), COUNT(*) FROM t GROUP BY 1", None, TWO),
    ("fp14", PO, "drop the count", "SELECT Department, SUM(Amount) FROM t GROUP BY 1", "fp13", SHARE),
    # judgment: on a chart of orders and cancellations, "remove cancellations" takes that series away
    ("fp15", PO, "orders and cancellations per month",
     f"SELECT date_trunc('month', {POD}) AS m, COUNT(*), COUNT(*) FILTER (WHERE Status = 'Cancelled') FROM t "
     "GROUP BY 1", None, TWO_TIME),
    ("fp16", PO, "remove cancellations", f"SELECT date_trunc('month', {POD}) AS m, COUNT(*) FROM t GROUP BY 1",
     "fp15", TREND),
    ("fp17", PO, "spend by category", "SELECT Category, SUM(Amount) FROM t GROUP BY 1", None, SHARE),
    ("fp18", PO, "only received ones",
     "SELECT Category, SUM(Amount) FROM t WHERE Status = 'Received' GROUP BY 1", "fp17", SHARE),
    ("fp19", PO, "and for IT?",
     "SELECT Category, SUM(Amount) FROM t WHERE Status = 'Received' AND Department = 'IT' GROUP BY 1", "fp18",
     SHARE),
    ("fp20", PO, "top 2", "SELECT Category, SUM(Amount) AS s FROM t WHERE Status = 'Received' AND Department = 'IT' "
     "GROUP BY 1 ORDER BY s DESC LIMIT 2", "fp19", BAR),
    ("fp21", PO, "spend per quarter", f"SELECT date_trunc('quarter', {POD}), SUM(Amount) FROM t GROUP BY 1", None,
     TREND),
    ("fp22", PO, "what about just Owen",
     f"SELECT date_trunc('quarter', {POD}), SUM(Amount) FROM t WHERE Buyer = 'Owen Price' GROUP BY 1", "fp21",
     TREND),
]

BAKERY = [
    ("fb01", BK, "revenue by category in march",
     f"SELECT Category, SUM(Revenue) FROM t WHERE {BOD} BETWEEN DATE '2025-03-01' AND DATE '2025-03-31' GROUP BY 1",
     None, SHARE),
    ("fb02", BK, "what about april?",
     f"SELECT Category, SUM(Revenue) FROM t WHERE {BOD} BETWEEN DATE '2025-04-01' AND DATE '2025-04-30' GROUP BY 1",
     "fb01", SHARE),
    ("fb03", BK, "and may",
     f"SELECT Category, SUM(Revenue) FROM t WHERE {BOD} BETWEEN DATE '2025-05-01' AND DATE '2025-05-31' GROUP BY 1",
     "fb02", SHARE),
    ("fb04", BK, "revenue and cost by month",
     f"SELECT date_trunc('month', {BOD}), SUM(Revenue), SUM(Cost) FROM t GROUP BY 1", None, TWO_TIME),
    ("fb05", BK, "remove cost", f"SELECT date_trunc('month', {BOD}), SUM(Revenue) FROM t GROUP BY 1", "fb04", TREND),
    ("fb06", BK, "revenue and refunds by channel", "SELECT Channel, SUM(Revenue), SUM(Refund) FROM t GROUP BY 1",
     None, TWO),
    ("fb07", BK, "drop refunds", "SELECT Channel, SUM(Revenue) FROM t GROUP BY 1", "fb06", SHARE),
    ("fb08", BK, "orders by customer", "SELECT Customer, COUNT(*) FROM t GROUP BY 1", None, SHARE),
    ("fb09", BK, "top 5", "SELECT Customer, COUNT(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 5", "fb08", BAR),
    ("fb10", BK, "bottom 3 instead", "SELECT Customer, COUNT(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 3", "fb09",
     BAR),
    ("fb11", BK, "who placed the largest order", "SELECT Customer FROM t ORDER BY Revenue DESC LIMIT 1", None, ONE),
    ("fb12", BK, "what day was the biggest order", f"SELECT {BOD} FROM t ORDER BY Revenue DESC LIMIT 1", None, ONE),
    ("fb13", BK, "largest order per channel", "SELECT Channel, MAX(Revenue) FROM t GROUP BY 1", None, BAR),
    ("fb14", BK, "avg order value by channel", "SELECT Channel, AVG(Revenue) FROM t GROUP BY 1", None, BAR),
    ("fb15", BK, "horizontal bars please", "SELECT Channel, AVG(Revenue) FROM t GROUP BY 1", "fb14", BAR),
    ("fb16", BK, "revenue by category", "SELECT Category, SUM(Revenue) FROM t GROUP BY 1", None, SHARE),
    ("fb17", BK, "for online only",
     "SELECT Category, SUM(Revenue) FROM t WHERE Channel = 'Online' GROUP BY 1", "fb16", SHARE),
    ("fb18", BK, "what about wholesale?",
     "SELECT Category, SUM(Revenue) FROM t WHERE Channel = 'Wholesale' GROUP BY 1", "fb17", SHARE),
    ("fb19", BK, "smallest order by category", "SELECT Category, MIN(Revenue) FROM t GROUP BY 1", None, BAR),
    # judgment: a split of a two-measure chart shows both measures per channel and category
    ("fb20", BK, "revenue and cost by channel", "SELECT Channel, SUM(Revenue), SUM(Cost) FROM t GROUP BY 1", None,
     TWO),
    ("fb21", BK, "split by category",
     "SELECT Channel, Category, SUM(Revenue), SUM(Cost) FROM t GROUP BY 1, 2", "fb20", {"table", "bar"}),
]

RUNS = [
    ("fd01", DR, "average duration by driver", 'SELECT Driver, AVG("Duration Min") FROM t GROUP BY 1', None, BAR),
    ("fd02", DR, "slowest 3",
     'SELECT Driver, AVG("Duration Min") AS d FROM t GROUP BY 1 ORDER BY d DESC LIMIT 3', "fd01", BAR),
    ("fd03", DR, "fastest 3",
     'SELECT Driver, AVG("Duration Min") AS d FROM t GROUP BY 1 ORDER BY d LIMIT 3', "fd02", BAR),
    ("fd04", DR, "runs per zone", "SELECT Zone, COUNT(*) FROM t GROUP BY 1", None, SHARE),
    ("fd05", DR, "and in july?",
     f"SELECT Zone, COUNT(*) FROM t WHERE {RD} BETWEEN DATE '2025-07-01' AND DATE '2025-07-31' GROUP BY 1", "fd04",
     SHARE),
    ("fd06", DR, "and august?",
     f"SELECT Zone, COUNT(*) FROM t WHERE {RD} BETWEEN DATE '2025-08-01' AND DATE '2025-08-31' GROUP BY 1", "fd05",
     SHARE),
    ("fd07", DR, "avg stops by vehicle in the north",
     "SELECT Vehicle, AVG(Stops) FROM t WHERE Zone = 'North' GROUP BY 1", None, BAR),
    ("fd08", DR, "what about the south?",
     "SELECT Vehicle, AVG(Stops) FROM t WHERE Zone = 'South' GROUP BY 1", "fd07", BAR),
    ("fd09", DR, "who drove the longest run", 'SELECT Driver FROM t ORDER BY "Distance Km" DESC LIMIT 1', None, ONE),
    ("fd10", DR, "when was the longest run", f'SELECT {RD} FROM t ORDER BY "Distance Km" DESC LIMIT 1', None, ONE),
    ("fd11", DR, "longest run by zone", 'SELECT Zone, MAX("Distance Km") FROM t GROUP BY 1', None, BAR),
    ("fd12", DR, "total km by driver", 'SELECT Driver, SUM("Distance Km") FROM t GROUP BY 1', None, SHARE),
    ("fd13", DR, "lowest 2", 'SELECT Driver, SUM("Distance Km") AS s FROM t GROUP BY 1 ORDER BY s LIMIT 2', "fd12",
     BAR),
    ("fd14", DR, "make it horizontal",
     'SELECT Driver, SUM("Distance Km") AS s FROM t GROUP BY 1 ORDER BY s LIMIT 2', "fd13", BAR),
    ("fd15", DR, "total distance and total duration by vehicle",
     'SELECT Vehicle, SUM("Distance Km"), SUM("Duration Min") FROM t GROUP BY 1', None, TWO),
    ("fd16", DR, "remove duration", 'SELECT Vehicle, SUM("Distance Km") FROM t GROUP BY 1', "fd15", SHARE),
    ("fd17", DR, "late runs by driver", "SELECT Driver, COUNT(*) FROM t WHERE Late = 'Y' GROUP BY 1", None, SHARE),
    ("fd18", DR, "top 3", "SELECT Driver, COUNT(*) AS n FROM t WHERE Late = 'Y' GROUP BY 1 ORDER BY n DESC LIMIT 3",
     "fd17", BAR),
    ("fd19", DR, "fuel cost by zone for vans", "SELECT Zone, SUM(\"Fuel Cost\") FROM t WHERE Vehicle = 'Van' "
     "GROUP BY 1", None, SHARE),
    ("fd20", DR, "what about trucks",
     "SELECT Zone, SUM(\"Fuel Cost\") FROM t WHERE Vehicle = 'Truck' GROUP BY 1", "fd19", SHARE),
    ("fd21", DR, "as a pie",
     "SELECT Zone, SUM(\"Fuel Cost\") AS share_fuel FROM t WHERE Vehicle = 'Truck' GROUP BY 1", "fd20", PIE),
]

QUESTIONS = PURCHASES + BAKERY + RUNS


def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


# the business set's categories (the runner adds "follow-up" from the previous ids): period and value swaps are
# conditions, ranking the chart on screen is a top/bottom N, one-row answers and the largest row per group are
# max/min wording
CATEGORIES: dict[str, frozenset[str]] = {
    "condition in words or values": _ids("fp02 fp03 fp04 fp18 fp19 fp22 fb01 fb02 fb03 fb17 fb18 fd05 fd06 fd07 "
                                         "fd08 fd17 fd19 fd20"),
    "top-N with 'top'": _ids("fp20 fb09 fd18"),
    "top/bottom-N without 'top'": _ids("fp06 fp07 fb10 fd02 fd03 fd13 fd14"),
    "median/max/min wording": _ids("fp08 fp09 fp10 fp11 fp12 fb11 fb12 fb13 fb19 fd09 fd10 fd11"),
    "two measures": _ids("fp13 fp14 fp15 fp16 fb04 fb05 fb06 fb07 fb20 fb21 fd15 fd16"),
    "split by colour": _ids("fb21"),
    "time series": _ids("fp15 fp16 fp21 fp22 fb04 fb05"),
    "quarter or week grain": _ids("fp21 fp22"),
    "pie asked for": _ids("fd21"),
}
