"""The vocab2 practice set: vocabulary and declines over three CSVs of make_vocab2.py (a hotel's booking
export with snake_case headers such as booked_by, created, total; a warehouse pick log with Ordered / Picked /
Short; a procurement contract register with a Cost Code and a Contract Value) — column names that collide
with the question's verbs and cue words ("rooms booked by month", "total picked per picker"), "total <rows>"
as a count, the rows said by a noun before a measure's head ("contracts signed per month"), "spend" as money
and never a code column, a column whose name holds the word against a synonym ("segment"), and questions
whose key word names nothing in the data (to decline). Format and gold conventions:
tests/analysis/fresh/questions.py's docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
ONE = {"bar", "kpi"}
TWO_TIME = {"line", "bar", "area", "table"}
NONE = {"unanswerable"}

RB = "vocab_room_bookings"
PL = "vocab_pick_log"
CT = "vocab_contracts"

Q4 = "created BETWEEN DATE '2024-10-01' AND DATE '2024-12-31'"
CV = '"Contract Value"'

ROOMS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: the date a booking was made is created (check_in is when the stay starts)
    ("vb01", RB, "how many rooms were booked by month",
     "SELECT date_trunc('month', created), count(*) FROM t GROUP BY 1", None, TIME),
    ("vb02", RB, "total bookings this year", "SELECT count(*) FROM t WHERE created >= DATE '2024-01-01'", None, KPI),
    ("vb03", RB, "who booked the most rooms",
     "SELECT booked_by, count(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("vb04", RB, "rooms booked by Maya Lin each month",
     "SELECT date_trunc('month', created), count(*) FROM t WHERE booked_by = 'Maya Lin' GROUP BY 1", None, TIME),
    ("vb05", RB, "total revenue by segment", "SELECT customer_segment, sum(total) FROM t GROUP BY 1", None, BAR),
    ("vb06", RB, "and by channel?", "SELECT channel, sum(total) FROM t GROUP BY 1", "vb05", BAR),
    ("vb07", RB, "revenue by room category", "SELECT category, sum(total) FROM t GROUP BY 1", None, BAR),
    # judgment: "total" names the column total
    ("vb08", RB, "total by channel", "SELECT channel, sum(total) FROM t GROUP BY 1", None, BAR),
    ("vb09", RB, "avg total per booking for corporate",
     "SELECT avg(total) FROM t WHERE customer_segment = 'Corporate'", None, KPI),
    ("vb10", RB, "total nights by category", "SELECT category, sum(nights) FROM t GROUP BY 1", None, BAR),
    # judgment: no cancellation date; the quarter is the booking's created date
    ("vb11", RB, "how many bookings were cancelled last quarter",
     f"SELECT count(*) FROM t WHERE status = 'Cancelled' AND {Q4}", None, KPI),
    ("vb12", RB, "cancellation rate by channel",
     "SELECT channel, 100.0 * avg(CASE WHEN status = 'Cancelled' THEN 1.0 ELSE 0 END) AS pct_cancelled "
     "FROM t GROUP BY 1", None, BAR),
    ("vb13", RB, "share of bookings by customer segment",
     "SELECT customer_segment, count(*) AS share_bookings FROM t GROUP BY 1", None, SHARE),
    ("vb14", RB, "average nightly rate for suites", "SELECT avg(nightly_rate) FROM t WHERE category = 'Suite'",
     None, KPI),
    ("vb15", RB, "bookings created per week", "SELECT date_trunc('week', created), count(*) FROM t GROUP BY 1",
     None, TIME),
    ("vb16", RB, "check-ins by month", "SELECT date_trunc('month', check_in), count(*) FROM t GROUP BY 1", None,
     TIME),
    ("vb17", RB, "revenue by customer type", "SELECT customer_segment, sum(total) FROM t GROUP BY 1", None, BAR),
    ("vb18", RB, "average review score by category", None, None, NONE),
    ("vb19", RB, "bookings by country", None, None, NONE),
    ("vb20", RB, "revenue from repeat guests", None, None, NONE),
]

PICKS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("vb21", PL, "total picked per picker", 'SELECT Picker, sum(Picked) FROM t GROUP BY 1', None, BAR),
    ("vb22", PL, "units picked by zone", "SELECT Zone, sum(Picked) FROM t GROUP BY 1", None, BAR),
    # judgment: orders are the distinct order numbers (an order has several lines)
    ("vb23", PL, "how many orders were picked per zone", 'SELECT Zone, count(DISTINCT "Order No") FROM t GROUP BY 1',
     None, BAR),
    ("vb24", PL, "how many lines did each picker pick", "SELECT Picker, count(*) FROM t GROUP BY 1", None, BAR),
    ("vb25", PL, "top 3 skus by units short",
     "SELECT SKU, sum(Short) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("vb26", PL, "total ordered vs picked by week",
     'SELECT date_trunc(\'week\', "Pick Date"), sum(Ordered), sum(Picked) FROM t GROUP BY 1', None, TWO_TIME),
    # judgment: a pick is a pick line (a row)
    ("vb27", PL, "number of picks per day in may",
     'SELECT "Pick Date", count(*) FROM t WHERE "Pick Date" >= DATE \'2025-05-01\' GROUP BY 1', None, TIME),
    ("vb28", PL, "how many units were picked last month",
     'SELECT sum(Picked) FROM t WHERE "Pick Date" >= DATE \'2025-05-01\'', None, KPI),
    ("vb29", PL, "avg qty ordered per line in the cold zone", "SELECT avg(Ordered) FROM t WHERE Zone = 'Cold'", None,
     KPI),
    ("vb30", PL, "total pickd by zone", "SELECT Zone, sum(Picked) FROM t GROUP BY 1", None, BAR),
    ("vb31", PL, "hours worked by picker", None, None, NONE),
    ("vb32", PL, "average pick time by zone", None, None, NONE),
    ("vb33", PL, "cost of shorts by sku", None, None, NONE),
    ("vb34", PL, "total lines by picker", "SELECT Picker, count(*) FROM t GROUP BY 1", None, BAR),
    ("vb35", PL, "units short in zone b by month",
     'SELECT date_trunc(\'month\', "Pick Date"), sum(Short) FROM t WHERE Zone = \'B\' GROUP BY 1', None, TIME),
]

CONTRACTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("vb36", CT, "contracts signed per month", "SELECT date_trunc('month', Signed), count(*) FROM t GROUP BY 1", None,
     TIME),
    ("vb37", CT, "how many contracts did we sign in 2024", "SELECT count(*) FROM t WHERE year(Signed) = 2024", None,
     KPI),
    # judgment: spend is the contract value (the one money column)
    ("vb38", CT, "spend by cost code", f'SELECT "Cost Code", sum({CV}) FROM t GROUP BY 1', None, BAR),
    ("vb39", CT, "only IT", f'SELECT "Cost Code", sum({CV}) FROM t WHERE Department = \'IT\' GROUP BY 1', "vb38",
     BAR),
    ("vb40", CT, "total spend by vendor", f"SELECT Vendor, sum({CV}) FROM t GROUP BY 1", None, BAR),
    ("vb41", CT, "which department spends the most",
     f"SELECT Department, sum({CV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("vb42", CT, "contract value by department", f"SELECT Department, sum({CV}) FROM t GROUP BY 1", None, BAR),
    ("vb43", CT, "average contract length by vendor", 'SELECT Vendor, avg("Term (months)") FROM t GROUP BY 1', None,
     BAR),
    ("vb44", CT, "how many active contracts per owner",
     "SELECT Owner, count(*) FROM t WHERE Status = 'Active' GROUP BY 1", None, BAR),
    ("vb45", CT, "total contracts by cost code", 'SELECT "Cost Code", count(*) FROM t GROUP BY 1', None, BAR),
    ("vb46", CT, "biggest contract value in 2023", f"SELECT max({CV}) FROM t WHERE year(Signed) = 2023", None, KPI),
    ("vb47", CT, "contracts signed by each owner this year",
     "SELECT Owner, count(*) FROM t WHERE year(Signed) = 2024 GROUP BY 1", None, BAR),
    ("vb48", CT, "savings by vendor", None, None, NONE),
    ("vb49", CT, "renewal rate by department", None, None, NONE),
    ("vb50", CT, "spend per quarter", f"SELECT date_trunc('quarter', Signed), sum({CV}) FROM t GROUP BY 1", None,
     TIME),
    ("vb51", CT, "how many vendors do we have contracts with", "SELECT count(DISTINCT Vendor) FROM t", None, KPI),
    ("vb52", CT, "late payments by vendor", None, None, NONE),
]

QUESTIONS = ROOMS + PICKS + CONTRACTS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "kpi": _ids("vb02 vb09 vb11 vb14 vb28 vb29 vb37 vb46 vb51"),
    "kpi with a condition": _ids("vb02 vb09 vb11 vb14 vb28 vb29 vb37 vb46"),
    "time series": _ids("vb01 vb04 vb15 vb16 vb26 vb27 vb35 vb36 vb50"),
    "quarter or week grain": _ids("vb15 vb26 vb50"),
    "relative period": _ids("vb02 vb11 vb28 vb47"),
    "top-N with 'top'": _ids("vb25"),
    "top/bottom-N without 'top'": _ids("vb03 vb41"),
    "share or percentage": _ids("vb12 vb13"),
    "two measures": _ids("vb26"),
    "typo": _ids("vb30"),
    "abbreviation or paraphrase": _ids("vb05 vb17 vb21 vb29 vb38 vb40 vb41 vb43 vb50"),
    "derived measure": _ids("vb12"),
    "condition in words or values": _ids("vb04 vb09 vb11 vb12 vb14 vb29 vb35 vb44"),
}
