"""The derived practice set: measures no column holds — ratios of two columns (per unit, per mile, fill
rate, fuel as a % of linehaul), durations between two timestamps or dates (pick time, visit length, transit
days, days from delivery to payment), rates of rows meeting a condition (short picks, no-shows, paid late),
per-entity values (units per order, visits per day) and sums or differences of columns (shortfall, net
of discount, unpaid balance) — over the three CSVs of make_derived.py, in terse, lower-case, sometimes
misspelt wording. Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written
before the planner answered them.
"""
from __future__ import annotations

START = "strptime(\"Start Time\", '%m/%d/%Y %H:%M')"
END = "strptime(\"End Time\", '%m/%d/%Y %H:%M')"
PICK_MIN = f"(epoch({END}) - epoch({START})) / 60.0"
PICK_HRS = f"(epoch({END}) - epoch({START})) / 3600.0"
ORD, PKD = '"Qty Ordered"', '"Qty Picked"'
TRAVEL = '"Travel (m)"'

CIN = "strptime(\"Check In\", '%m/%d/%Y %H:%M')"
COUT = "strptime(\"Check Out\", '%m/%d/%Y %H:%M')"
STAY_MIN = f"(epoch({COUT}) - epoch({CIN})) / 60.0"
STAY_HRS = f"(epoch({COUT}) - epoch({CIN})) / 3600.0"
INV = "CAST(REPLACE(REPLACE(\"Invoice Total\", '$', ''), ',', '') AS DOUBLE)"
DISC = '"Discount ($)"'
PAID = '"Amount Paid"'

BILLED = "CAST(REPLACE(REPLACE(\"Total Billed\", '$', ''), ',', '') AS DOUBLE)"
LINEHAUL, FUEL = '"Linehaul ($)"', '"Fuel Surcharge"'
TRANSIT = 'date_diff(\'day\', "Ship Date", Delivered)'

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}

WP = "warehouse_picks"
VV = "vet_visits"
FI = "freight_invoices"

PICKS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("drv01", WP, "avg pick time in minutes",
     f"SELECT avg({PICK_MIN}) FROM t", None, KPI),
    # judgment: picks take minutes, so "how long" is answered in minutes
    ("drv02", WP, "how long does a pick take on average by zone",
     f"SELECT Zone, avg({PICK_MIN}) FROM t GROUP BY 1", None, BAR),
    ("drv03", WP, "fill rate by picker",
     f"SELECT Picker, 100.0 * sum({PKD}) / sum({ORD}) AS pct_fill FROM t GROUP BY 1", None, BAR),
    ("drv04", WP, "what % of picks were short",
     f"SELECT 100.0 * count(*) FILTER (WHERE {PKD} < {ORD}) / count(*) AS pct_short FROM t", None, KPI),
    ("drv05", WP, "short pick rate by zone",
     f"SELECT Zone, 100.0 * count(*) FILTER (WHERE {PKD} < {ORD}) / count(*) AS pct_short FROM t GROUP BY 1",
     None, BAR),
    ("drv06", WP, "units picked per hour by picker",
     f"SELECT Picker, sum({PKD}) / sum({PICK_HRS}) FROM t GROUP BY 1", None, BAR),
    ("drv07", WP, "mispicks per line for each picker",
     "SELECT Picker, 1.0 * sum(Mispicks) / sum(Lines) FROM t GROUP BY 1", None, BAR),
    ("drv08", WP, "avg travel distance per line",
     f"SELECT 1.0 * sum({TRAVEL}) / sum(Lines) FROM t", None, KPI),
    ("drv09", WP, "qty short by zone",
     f"SELECT Zone, sum({ORD} - {PKD}) FROM t GROUP BY 1", None, BAR),
    ("drv10", WP, "total units not picked",
     f"SELECT sum({ORD} - {PKD}) FROM t", None, KPI),
    ("drv11", WP, "avg units per order",
     f"SELECT 1.0 * sum({PKD}) / count(DISTINCT \"Order #\") FROM t", None, KPI),
    ("drv12", WP, "monthly fill rate",
     f"SELECT date_trunc('month', {START}) AS m, 100.0 * sum({PKD}) / sum({ORD}) AS pct_fill FROM t GROUP BY m",
     None, TIME),
    ("drv13", WP, "avg mins per pick by shift",
     f"SELECT Shift, avg({PICK_MIN}) FROM t GROUP BY 1", None, BAR),
    ("drv14", WP, "percentage of picks with a mispick",
     "SELECT 100.0 * count(*) FILTER (WHERE Mispicks > 0) / count(*) AS pct_mispick FROM t", None, KPI),
    ("drv15", WP, "difference between qty ordered and qty picked by picker",
     f"SELECT Picker, sum({ORD} - {PKD}) FROM t GROUP BY 1", None, BAR),
    ("drv16", WP, "which picker is fastest",
     f"SELECT Picker, avg({PICK_MIN}) AS m FROM t GROUP BY 1 ORDER BY m LIMIT 1", None, {"bar", "kpi"}),
    ("drv17", WP, "pick duration trend by week",
     f"SELECT date_trunc('week', {START}) AS w, avg({PICK_MIN}) FROM t GROUP BY w", None, TIME),
    ("drv18", WP, "how many orders does each picker handle per day",
     "SELECT Picker, 1.0 * count(DISTINCT \"Order #\") / count(DISTINCT CAST("
     f"{START} AS DATE)) FROM t GROUP BY 1", None, BAR),
    ("drv19", WP, "fil rate for cold zone",
     f"SELECT 100.0 * sum({PKD}) / sum({ORD}) AS pct_fill FROM t WHERE Zone = 'Cold'", None, KPI),
    ("drv20", WP, "meters walked per unit picked by zone",
     f"SELECT Zone, 1.0 * sum({TRAVEL}) / sum({PKD}) FROM t GROUP BY 1", None, BAR),
]

VISITS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("drv21", VV, "no-show rate",
     "SELECT 100.0 * count(*) FILTER (WHERE \"No Show\" = 'Y') / count(*) AS pct_noshow FROM t", None, KPI),
    ("drv22", VV, "no show % by visit type",
     "SELECT \"Visit Type\", 100.0 * count(*) FILTER (WHERE \"No Show\" = 'Y') / count(*) AS pct_noshow "
     "FROM t GROUP BY 1", None, BAR),
    ("drv23", VV, "avg visit length in minutes by clinic",
     f"SELECT Clinic, avg({STAY_MIN}) FROM t GROUP BY 1", None, BAR),
    ("drv24", VV, "how long do surgery visits take on average, in hours",
     f"SELECT avg({STAY_HRS}) FROM t WHERE \"Visit Type\" = 'Surgery'", None, KPI),
    ("drv25", VV, "discount as % of invoice total by vet",
     f"SELECT Vet, 100.0 * sum({DISC}) / sum({INV}) AS pct_disc FROM t GROUP BY 1", None, BAR),
    ("drv26", VV, "unpaid balance by clinic",
     f"SELECT Clinic, sum({INV} - {DISC} - {PAID}) FROM t GROUP BY 1", None, BAR),
    # judgment: net = invoiced less discounts
    ("drv27", VV, "net revenue by month",
     f"SELECT date_trunc('month', \"Visit Date\") AS m, sum({INV} - {DISC}) FROM t GROUP BY m", None, TIME),
    ("drv28", VV, "collection rate by clinic",
     f"SELECT Clinic, 100.0 * sum({PAID}) / sum({INV}) AS pct_paid FROM t GROUP BY 1", None, BAR),
    ("drv29", VV, "revenue per visit by species",
     f"SELECT Species, 1.0 * sum({INV}) / count(DISTINCT \"Visit ID\") FROM t GROUP BY 1", None, BAR),
    ("drv30", VV, "what percent of visits led to a follow up",
     "SELECT 100.0 * count(*) FILTER (WHERE \"Follow-up Booked\") / count(*) AS pct_follow FROM t", None, KPI),
    ("drv31", VV, "follow-up booking rate per vet",
     "SELECT Vet, 100.0 * count(*) FILTER (WHERE \"Follow-up Booked\") / count(*) AS pct_follow FROM t GROUP BY 1",
     None, BAR),
    ("drv32", VV, "total hours spent in clinic by vet",
     f"SELECT Vet, sum({STAY_HRS}) FROM t GROUP BY 1", None, BAR),
    ("drv33", VV, "which vet sees the most patients per day",
     "SELECT Vet, 1.0 * count(*) / count(DISTINCT \"Visit Date\") AS v FROM t GROUP BY 1 ORDER BY v DESC LIMIT 1",
     None, {"bar", "kpi"}),
    ("drv34", VV, "avg bill after discount",
     f"SELECT avg({INV} - {DISC}) FROM t", None, KPI),
    ("drv35", VV, "discounts as a share of sales",
     f"SELECT 100.0 * sum({DISC}) / sum({INV}) AS pct_disc FROM t", None, KPI),
    ("drv36", VV, "visits per day on avg",
     "SELECT 1.0 * count(*) / count(DISTINCT \"Visit Date\") FROM t", None, KPI),
    ("drv37", VV, "how long do dental appts take",
     f"SELECT avg({STAY_HRS}) FROM t WHERE \"Visit Type\" = 'Dental'", None, KPI),
    ("drv38", VV, "amount owed minus paid per vet",
     f"SELECT Vet, sum({INV} - {DISC} - {PAID}) FROM t GROUP BY 1", None, BAR),
    ("drv39", VV, "noshow rate by clinc",
     "SELECT Clinic, 100.0 * count(*) FILTER (WHERE \"No Show\" = 'Y') / count(*) AS pct_noshow FROM t GROUP BY 1",
     None, BAR),
    ("drv40", VV, "avg time from check in to check out for cats",
     f"SELECT avg({STAY_HRS}) FROM t WHERE Species = 'Cat'", None, KPI),
]

FREIGHT: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("drv41", FI, "cost per mile by carrier",
     f"SELECT Carrier, sum({BILLED}) / sum(Miles) FROM t GROUP BY 1", None, BAR),
    ("drv42", FI, "avg transit days by carrier",
     f"SELECT Carrier, avg({TRANSIT}) FROM t GROUP BY 1", None, BAR),
    ("drv43", FI, "what share of paid invoices were paid after the due date",
     "SELECT 100.0 * count(*) FILTER (WHERE \"Paid Date\" > \"Due Date\") / count(\"Paid Date\") AS pct_late "
     "FROM t", None, KPI),
    ("drv44", FI, "fuel surcharge as a % of linehaul by carrier",
     f"SELECT Carrier, 100.0 * sum({FUEL}) / sum({LINEHAUL}) AS pct_fuel FROM t GROUP BY 1", None, BAR),
    ("drv45", FI, "cost per pallet by mode",
     f"SELECT Mode, sum({BILLED}) / sum(Pallets) FROM t GROUP BY 1", None, BAR),
    ("drv46", FI, "freight cost per lb",
     f"SELECT sum({BILLED}) / sum(\"Weight (lbs)\") FROM t", None, KPI),
    ("drv47", FI, "avg weight per pallet for each mode",
     "SELECT Mode, 1.0 * sum(\"Weight (lbs)\") / sum(Pallets) FROM t GROUP BY 1", None, BAR),
    ("drv48", FI, "total billed minus accessorials by carrier",
     f"SELECT Carrier, sum({BILLED} - Accessorials) FROM t GROUP BY 1", None, BAR),
    ("drv49", FI, "linehaul plus fuel by month",
     f"SELECT date_trunc('month', \"Ship Date\") AS m, sum({LINEHAUL} + {FUEL}) FROM t GROUP BY m", None, TIME),
    ("drv50", FI, "dispute rate by carrier",
     "SELECT Carrier, 100.0 * count(*) FILTER (WHERE Disputed) / count(*) AS pct_disputed FROM t GROUP BY 1",
     None, BAR),
    ("drv51", FI, "what % of freight spend is fuel",
     f"SELECT 100.0 * sum({FUEL}) / sum({BILLED}) AS pct_fuel FROM t", None, KPI),
    ("drv52", FI, "avg days in transit for ftl loads",
     f"SELECT avg({TRANSIT}) FROM t WHERE Mode = 'FTL'", None, KPI),
    ("drv53", FI, "spend per shipment by carrier",
     f"SELECT Carrier, 1.0 * sum({BILLED}) / count(DISTINCT \"Invoice No\") FROM t GROUP BY 1", None, BAR),
    ("drv54", FI, "rate per mile ltl vs ftl",
     f"SELECT Mode, sum({BILLED}) / sum(Miles) FROM t GROUP BY 1", None, BAR),
    ("drv55", FI, "avg days from delivery to payment by carrier",
     "SELECT Carrier, avg(date_diff('day', Delivered, \"Paid Date\")) FROM t GROUP BY 1", None, BAR),
    ("drv56", FI, "how long do shipments take to arrive",
     f"SELECT avg({TRANSIT}) FROM t", None, KPI),
    ("drv57", FI, "which carrier is slowest to deliver",
     f"SELECT Carrier, avg({TRANSIT}) AS d FROM t GROUP BY 1 ORDER BY d DESC LIMIT 1", None, {"bar", "kpi"}),
    ("drv58", FI, "late payment rate by carrier",
     "SELECT Carrier, 100.0 * count(*) FILTER (WHERE \"Paid Date\" > \"Due Date\") / count(\"Paid Date\") "
     "AS pct_late FROM t GROUP BY 1", None, BAR),
    ("drv59", FI, "avg miles per shipment by origin",
     "SELECT Origin, avg(Miles) FROM t GROUP BY 1", None, BAR),
    ("drv60", FI, "fuel cost per mile by month",
     f"SELECT date_trunc('month', \"Ship Date\") AS m, sum({FUEL}) / sum(Miles) FROM t GROUP BY m", None, TIME),
    ("drv61", FI, "costo per mile for swift haul",
     f"SELECT sum({BILLED}) / sum(Miles) FROM t WHERE Carrier = 'Swift Haul'", None, KPI),
    ("drv62", FI, "linehaul per pallet by dest",
     f"SELECT Dest, sum({LINEHAUL}) / sum(Pallets) FROM t GROUP BY 1", None, BAR),
]

QUESTIONS = PICKS + VISITS + FREIGHT


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "derived measure": frozenset(q[0] for q in QUESTIONS),
    "kpi": _ids("drv01 drv04 drv08 drv10 drv11 drv14 drv19 drv21 drv24 drv30 drv34 drv35 drv36 drv37 drv40 "
                "drv43 drv46 drv51 drv52 drv56 drv61"),
    "kpi with a condition": _ids("drv19 drv24 drv37 drv40 drv52 drv61"),
    "time series": _ids("drv12 drv17 drv27 drv49 drv60"),
    "quarter or week grain": _ids("drv17"),
    "top/bottom-N without 'top'": _ids("drv16 drv33 drv57"),
    "share or percentage": _ids("drv03 drv04 drv05 drv14 drv21 drv22 drv25 drv28 drv30 drv31 drv35 drv39 drv43 "
                                "drv44 drv50 drv51 drv58"),
    "condition in words or values": _ids("drv19 drv24 drv37 drv40 drv52 drv61"),
    "typo": _ids("drv19 drv39 drv61"),
    "abbreviation or paraphrase": _ids("drv01 drv09 drv13 drv37 drv42 drv52 drv54 drv62"),
}
