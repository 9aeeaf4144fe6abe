"""The third derived-measures practice set: measures built from two columns that everyday people ask for by
name, over the three CSVs of make_derived3.py (a buyer's purchase orders, vehicle rentals, farm harvests) —
late deliveries (a date past another date, as a count or a share), lead time (days between two dates),
miles driven (odometer in − out), damage rate (rows with a charge > 0), yield per acre, revenue from a
weight × a price per pound, and units said in headers ("lb", "pounds", "wt" ~ ``Net Wt (lb)``), in everyday,
terse wording with typos, follow-ups, top-1 and conditions. Format and gold conventions:
tests/analysis/fresh/questions.py's docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
ONE = {"bar", "kpi"}
NONE = {"unanswerable"}

PO = "derived3_purchase_orders"
VR = "derived3_van_rentals"
HV = "derived3_harvests"

# judgment: late / on time are judged over the POs received (an open PO has no delivery yet)
LATE = 'Received > "Need By"'
LATE_PCT = f"100.0 * avg(CASE WHEN {LATE} THEN 1.0 ELSE 0.0 END)"
ONTIME_PCT = '100.0 * avg(CASE WHEN Received <= "Need By" THEN 1.0 ELSE 0.0 END)'
GOT = "Received IS NOT NULL"
LEAD = "date_diff('day', Ordered, Received)"
MILES = '("Odometer In" - "Odometer Out")'
DAMAGED = '100.0 * avg(CASE WHEN "Damage Charge" > 0 THEN 1.0 ELSE 0.0 END)'
WT = '"Net Wt (lb)"'
REV = f'({WT} * "Price ($/lb)")'

ORDERS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dd01", PO, "how many POs arrived late", f"SELECT count(*) FROM t WHERE {LATE}", None, KPI),
    ("dd02", PO, "% late by vendor", f"SELECT Vendor, {LATE_PCT} AS pct_late FROM t WHERE {GOT} GROUP BY 1",
     None, BAR),
    ("dd03", PO, "average lead time by vendor", f"SELECT Vendor, avg({LEAD}) FROM t GROUP BY 1", None, BAR),
    ("dd04", PO, "avg lead time in days", f"SELECT avg({LEAD}) FROM t", None, KPI),
    ("dd05", PO, "only electrical", f"SELECT avg({LEAD}) FROM t WHERE Category = 'Electrical'", "dd04", KPI),
    ("dd06", PO, "which vendor is slowest to deliver",
     f"SELECT Vendor, avg({LEAD}) AS d FROM t GROUP BY 1 ORDER BY d DESC LIMIT 1", None, ONE),
    ("dd07", PO, "on time delivery rate", f"SELECT {ONTIME_PCT} AS pct_on_time FROM t WHERE {GOT}", None, KPI),
    ("dd08", PO, "late orders by buyer", f"SELECT Buyer, count(*) FROM t WHERE {LATE} GROUP BY 1", None, BAR),
    ("dd09", PO, "which buyer had the most late deliveries",
     f"SELECT Buyer, count(*) AS n FROM t WHERE {LATE} GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    # judgment: a late delivery's month is the month it was received
    ("dd10", PO, "late deliveries per month",
     f"SELECT date_trunc('month', Received) AS m, count(*) FROM t WHERE {LATE} GROUP BY 1", None, TIME),
    ("dd11", PO, "how many days late on average when late",
     f"SELECT avg(date_diff('day', \"Need By\", Received)) FROM t WHERE {LATE}", None, KPI),
    ("dd12", PO, "total spend by category", 'SELECT Category, sum("PO Total ($)") FROM t GROUP BY 1', None, BAR),
    ("dd13", PO, "how many POs are still open", "SELECT count(*) FROM t WHERE Received IS NULL", None, KPI),
    ("dd14", PO, "lead time trend by month ordered",
     f"SELECT date_trunc('month', Ordered) AS m, avg({LEAD}) FROM t GROUP BY 1", None, TIME),
    ("dd15", PO, "late rate for plumbing",
     f"SELECT {LATE_PCT} AS pct_late FROM t WHERE {GOT} AND Category = 'Plumbing'", None, KPI),
    ("dd16", PO, "avg days from order to need by date",
     "SELECT avg(date_diff('day', Ordered, \"Need By\")) FROM t", None, KPI),
    ("dd17", PO, "average shipping cost per po", None, None, NONE),
]

RENTALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dd18", VR, "total miles driven by branch", f"SELECT Branch, sum({MILES}) FROM t GROUP BY 1", None, BAR),
    ("dd19", VR, "average miles per rental", f"SELECT avg({MILES}) FROM t", None, KPI),
    ("dd20", VR, "miles per day by vehicle class",
     f'SELECT "Vehicle Class", sum({MILES}) / sum("Rental Days") FROM t GROUP BY 1', None, BAR),
    ("dd21", VR, "damage rate by vehicle class",
     f'SELECT "Vehicle Class", {DAMAGED} AS pct_damaged FROM t WHERE "Date In" IS NOT NULL GROUP BY 1', None, BAR),
    ("dd22", VR, "what % of rentals came back damaged",
     f'SELECT {DAMAGED} AS pct_damaged FROM t WHERE "Date In" IS NOT NULL', None, KPI),
    ("dd23", VR, "damage charges by month",
     "SELECT date_trunc('month', \"Date Out\") AS m, sum(\"Damage Charge\") FROM t GROUP BY 1", None, TIME),
    ("dd24", VR, "how many rentals are still out", 'SELECT count(*) FROM t WHERE "Date In" IS NULL', None, KPI),
    ("dd25", VR, "revenue by branch", 'SELECT Branch, sum("Total Billed") FROM t GROUP BY 1', None, BAR),
    ("dd26", VR, "which branch has the highest damage rate",
     f'SELECT Branch, {DAMAGED} AS pct_damaged FROM t WHERE "Date In" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC '
     "LIMIT 1", None, ONE),
    ("dd27", VR, "longest trip in miles", f"SELECT max({MILES}) FROM t", None, KPI),
    ("dd28", VR, "revenue per mile by vehicle class",
     f'SELECT "Vehicle Class", sum("Total Billed") / sum({MILES}) FROM t GROUP BY 1', None, BAR),
    ("dd29", VR, "avg daily rate for pickups", "SELECT avg(\"Daily Rate\") FROM t WHERE \"Vehicle Class\" = 'Pickup'",
     None, KPI),
    ("dd30", VR, "milage driven per month",
     f"SELECT date_trunc('month', \"Date Out\") AS m, sum({MILES}) FROM t GROUP BY 1", None, TIME),
    ("dd31", VR, "just business customers", f"SELECT date_trunc('month', \"Date Out\") AS m, sum({MILES}) FROM t "
     "WHERE \"Customer Type\" = 'Business' GROUP BY 1", "dd30", TIME),
    ("dd32", VR, "average damage charge when there was damage",
     'SELECT avg("Damage Charge") FROM t WHERE "Damage Charge" > 0', None, KPI),
    ("dd33", VR, "average mpg by vehicle class", None, None, NONE),
]

HARVESTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dd34", HV, "total pounds harvested by crop", f"SELECT Crop, sum({WT}) FROM t GROUP BY 1", None, BAR),
    ("dd35", HV, "yield per acre by farm", f"SELECT Farm, sum({WT}) / sum(Acres) FROM t GROUP BY 1", None, BAR),
    # judgment: revenue = weight × price per pound
    ("dd36", HV, "revenue by crop", f"SELECT Crop, sum({REV}) FROM t GROUP BY 1", None, BAR),
    ("dd37", HV, "just oak creek", f"SELECT Crop, sum({REV}) FROM t WHERE Farm = 'Oak Creek' GROUP BY 1", "dd36",
     BAR),
    ("dd38", HV, "avg price per lb by crop", 'SELECT Crop, avg("Price ($/lb)") FROM t GROUP BY 1', None, BAR),
    ("dd39", HV, "total weight picked last month",
     f"SELECT sum({WT}) FROM t WHERE \"Harvest Date\" BETWEEN DATE '2024-10-01' AND DATE '2024-10-31'", None, KPI),
    ("dd40", HV, "lbs per picker hour by farm", f'SELECT Farm, sum({WT}) / sum("Picker Hours") FROM t GROUP BY 1',
     None, BAR),
    ("dd41", HV, "which crop earns the most", f"SELECT Crop, sum({REV}) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 1",
     None, ONE),
    ("dd42", HV, "revenue per acre by crop", f"SELECT Crop, sum({REV}) / sum(Acres) FROM t GROUP BY 1", None, BAR),
    ("dd43", HV, "harvest wt by month", f"SELECT date_trunc('month', \"Harvest Date\") AS m, sum({WT}) FROM t "
     "GROUP BY 1", None, TIME),
    ("dd44", HV, "what % of harvests were grade A",
     "SELECT 100.0 * avg(CASE WHEN Grade = 'A' THEN 1.0 ELSE 0.0 END) AS pct_a FROM t", None, KPI),
    ("dd45", HV, "average yeild per acre for tomatoes",
     f"SELECT sum({WT}) / sum(Acres) FROM t WHERE Crop = 'Tomatoes'", None, KPI),
    ("dd46", HV, "total revenue by month", f"SELECT date_trunc('month', \"Harvest Date\") AS m, sum({REV}) FROM t "
     "GROUP BY 1", None, TIME),
    ("dd47", HV, "heaviest harvest in pounds", f"SELECT max({WT}) FROM t", None, KPI),
    ("dd48", HV, "water used per acre by field", None, None, NONE),
]

QUESTIONS = ORDERS + RENTALS + HARVESTS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "kpi": _ids("dd01 dd04 dd05 dd07 dd11 dd13 dd15 dd16 dd19 dd22 dd24 dd27 dd29 dd32 dd39 dd44 dd45 dd47"),
    "kpi with a condition": _ids("dd05 dd11 dd15 dd29 dd32 dd45"),
    "time series": _ids("dd10 dd14 dd23 dd30 dd31 dd43 dd46"),
    "top/bottom-N without 'top'": _ids("dd06 dd09 dd26 dd41"),
    "share or percentage": _ids("dd02 dd07 dd15 dd21 dd22 dd26 dd44"),
    "median/max/min wording": _ids("dd27 dd47"),
    "relative period": _ids("dd39"),
    "condition in words or values": _ids("dd05 dd11 dd13 dd15 dd24 dd29 dd31 dd32 dd37 dd45"),
}
