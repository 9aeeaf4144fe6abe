"""The trust practice set: everyday questions whose answers must be right when given alone, over the two
CSVs of make_trust.py. Besides a normal mix (KPIs, top-N, shares, time series, typos, follow-ups), it
holds questions with extra words that name no column ("show me how our teams did …", "just curious,
…": answerable, must not be declined) and questions about what the data does not hold (unanswerable:
must be declined). Format and gold conventions: tests/analysis/fresh/questions.py's docstring.
Written before the planner answered them.
"""
from __future__ import annotations

AMT = "CAST(REPLACE(REPLACE(\"Amount (USD)\", '$', ''), ',', '') AS DOUBLE)"
CREATED = '"Created Date"'
SOURCE = '"Lead Source"'
PRODUCT = '"Product Line"'
DISC = '"Discount %"'

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
NONE = {"unanswerable"}

CRM = "crm_deals"
CAFE = "cafe_sales"

DEALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("tru01", CRM, "how many deals are there", "SELECT count(*) FROM t", None, KPI),
    ("tru02", CRM, "total deal amount by team",
     f"SELECT Team, sum({AMT}) FROM t GROUP BY 1", None, BAR),
    # judgment: "this year" = 2025, the data's last year; a deal's date is its Created Date
    ("tru03", CRM, "show me how our teams did on deal amount this year",
     f"SELECT Team, sum({AMT}) FROM t WHERE {CREATED} >= DATE '2025-01-01' GROUP BY 1", None, BAR),
    ("tru04", CRM, "won deals by lead source",
     f"SELECT {SOURCE}, count(*) FROM t WHERE Stage = 'Closed Won' GROUP BY 1", None, BAR),
    ("tru05", CRM, "for the board deck: number of won deals per region",
     "SELECT Region, count(*) FROM t WHERE Stage = 'Closed Won' GROUP BY 1", None, BAR),
    ("tru06", CRM, "honestly I'd just love to see the deal count per owner, thanks",
     "SELECT Owner, count(*) FROM t GROUP BY 1", None, BAR),
    ("tru07", CRM, "avg discount by product line",
     f"SELECT {PRODUCT}, avg({DISC}) FROM t GROUP BY 1", None, BAR),
    ("tru08", CRM, "which rep has the biggest total amount",
     f"SELECT Owner, sum({AMT}) AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 1", None, BAR | KPI),
    ("tru09", CRM, "top 3 owners by won amount",
     f"SELECT Owner, sum({AMT}) AS s FROM t WHERE Stage = 'Closed Won' GROUP BY 1 ORDER BY s DESC LIMIT 3",
     None, BAR),
    ("tru10", CRM, "deals created per month",
     f"SELECT date_trunc('month', {CREATED}) AS m, count(*) FROM t GROUP BY m", None, TIME),
    ("tru11", CRM, "just the enterprise team",
     f"SELECT date_trunc('month', {CREATED}) AS m, count(*) FROM t WHERE Team = 'Enterprise' GROUP BY m",
     "tru10", TIME),
    ("tru12", CRM, "share of deals by stage",
     "SELECT Stage, count(*) AS share_deals FROM t GROUP BY 1", None, SHARE),
    ("tru13", CRM, "how many renewals",
     "SELECT count(*) FROM t WHERE Renewal", None, KPI),
    ("tru14", CRM, "average amount of lost deals",
     f"SELECT avg({AMT}) FROM t WHERE Stage = 'Closed Lost'", None, KPI),
    ("tru15", CRM, "what does the pipeline look like by stage for EMEA",
     "SELECT Stage, count(*) FROM t WHERE Region = 'EMEA' GROUP BY 1", None, BAR | SHARE),
    ("tru16", CRM, "amout by regoin",
     f"SELECT Region, sum({AMT}) FROM t GROUP BY 1", None, BAR),
    ("tru17", CRM, "quick question - how much did referral deals bring in overall?",
     f"SELECT sum({AMT}) FROM t WHERE {SOURCE} = 'Referral'", None, KPI),
    ("tru18", CRM, "median deal size",
     f"SELECT median({AMT}) FROM t", None, KPI),
    ("tru19", CRM, "deals by team and stage",
     "SELECT Team, Stage, count(*) FROM t GROUP BY 1, 2", None, BAR),
    ("tru20", CRM, "can you break down the total amount by product line for me please",
     f"SELECT {PRODUCT}, sum({AMT}) FROM t GROUP BY 1", None, BAR | SHARE),
    ("tru21", CRM, "win rate by lead source",
     f"SELECT {SOURCE}, 100.0 * count(*) FILTER (WHERE Stage = 'Closed Won') / count(*) AS pct_won "
     "FROM t GROUP BY 1", None, BAR),
    ("tru22", CRM, "what's our quota attainment by rep", None, None, NONE),
    ("tru23", CRM, "how many calls did each rep make", None, None, NONE),
    ("tru24", CRM, "total deal amount by industry", None, None, NONE),
    ("tru25", CRM, "average customer satisfaction score by team", None, None, NONE),
]

SALES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("tru26", CAFE, "total items sold", "SELECT sum(qty) FROM t", None, KPI),
    ("tru27", CAFE, "qty sold by category",
     "SELECT category, sum(qty) FROM t GROUP BY 1", None, BAR | SHARE),
    # judgment: "what's going on with X" = X over time, by month
    ("tru28", CAFE, "what's going on with refunds",
     "SELECT date_trunc('month', sold_at) AS m, sum(refund_amt) FROM t GROUP BY m", None, TIME),
    ("tru29", CAFE, "can you quickly pull up tips by store for me",
     "SELECT store, sum(tip) FROM t GROUP BY 1", None, BAR),
    ("tru30", CAFE, "just curious, which store has the most latte orders",
     "SELECT store, count(*) AS n FROM t WHERE item = 'Latte' GROUP BY 1 ORDER BY n DESC LIMIT 1", None, BAR | KPI),
    ("tru31", CAFE, "our boss wants the total quantity sold per item",
     "SELECT item, sum(qty) FROM t GROUP BY 1", None, BAR),
    ("tru32", CAFE, "roughly what's the average unit price at the airport store",
     "SELECT avg(unit_price) FROM t WHERE store = 'Airport'", None, KPI),
    ("tru33", CAFE, "pls show the monthly trend of card payments at our cafes",
     "SELECT date_trunc('month', sold_at) AS m, count(*) FROM t WHERE payment = 'Card' GROUP BY m", None, TIME),
    ("tru34", CAFE, "how many refunded items", "SELECT count(*) FROM t WHERE refunded = 'Y'", None, KPI),
    ("tru35", CAFE, "refunds by store",
     "SELECT store, count(*) FROM t WHERE refunded = 'Y' GROUP BY 1", None, BAR),
    ("tru36", CAFE, "total refund amount by category",
     "SELECT category, sum(refund_amt) FROM t GROUP BY 1", None, BAR),
    ("tru37", CAFE, "payment method split",
     "SELECT payment, count(*) AS share_payments FROM t GROUP BY 1", None, SHARE),
    ("tru38", CAFE, "sales by hour of day",
     "SELECT hour(sold_at) AS h, count(*) FROM t GROUP BY h", None, BAR | {"line"}),
    ("tru39", CAFE, "busiest weekday",
     "SELECT dayname(sold_at) AS d, count(*) AS n FROM t GROUP BY d ORDER BY n DESC LIMIT 1", None, BAR | KPI),
    ("tru40", CAFE, "top 5 items by quantity",
     "SELECT item, sum(qty) AS q FROM t GROUP BY 1 ORDER BY q DESC LIMIT 5", None, BAR),
    ("tru41", CAFE, "avg tip per store",
     "SELECT store, avg(tip) FROM t GROUP BY 1", None, BAR),
    ("tru42", CAFE, "and the max?",
     "SELECT store, max(tip) FROM t GROUP BY 1", "tru41", BAR),
    ("tru43", CAFE, "how many cold brews did we sell in july",
     "SELECT sum(qty) FROM t WHERE item = 'Cold Brew' AND month(sold_at) = 7", None, KPI),
    ("tru44", CAFE, "items sold with a discount, by store",
     "SELECT store, count(*) FROM t WHERE discount > 0 GROUP BY 1", None, BAR),
    ("tru45", CAFE, "how's the bakery stuff doing month over month",
     "SELECT date_trunc('month', sold_at) AS m, sum(qty) FROM t WHERE category = 'Bakery' GROUP BY m", None, TIME),
    ("tru46", CAFE, "avgerage discount on food",
     "SELECT avg(discount) FROM t WHERE category = 'Food'", None, KPI),
    ("tru47", CAFE, "number of sales by store and payment type",
     "SELECT store, payment, count(*) FROM t GROUP BY 1, 2", None, BAR),
    ("tru48", CAFE, "what's the average wait time per store", None, None, NONE),
    ("tru49", CAFE, "which barista sold the most", None, None, NONE),
    ("tru50", CAFE, "customer ratings by item", None, None, NONE),
    ("tru51", CAFE, "calories per menu item", None, None, NONE),
]

QUESTIONS = DEALS + SALES


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "condition in words or values": _ids(
        "tru03 tru04 tru05 tru09 tru11 tru13 tru14 tru15 tru17 tru30 tru32 tru33 tru34 tru35 tru43 tru44 tru45 tru46"),
    "kpi": _ids("tru01 tru13 tru14 tru17 tru18 tru26 tru32 tru34 tru43 tru46"),
    "kpi with a condition": _ids("tru13 tru14 tru17 tru32 tru34 tru43 tru46"),
    "time series": _ids("tru10 tru11 tru28 tru33 tru45"),
    "top-N with 'top'": _ids("tru09 tru40"),
    "top/bottom-N without 'top'": _ids("tru08 tru30 tru39"),
    "share or percentage": _ids("tru12 tru21 tru37"),
    "split by colour": _ids("tru19 tru47"),
    "relative period": _ids("tru03"),
    "typo": _ids("tru16 tru46"),
    "abbreviation or paraphrase": _ids("tru06 tru07 tru08 tru18 tru28 tru41 tru45"),
    "median/max/min wording": _ids("tru18 tru42"),
    "weekday or hour": _ids("tru38 tru39"),
    "derived measure": _ids("tru21"),
}
