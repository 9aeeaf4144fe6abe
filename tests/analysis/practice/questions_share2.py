"""The share2 practice set: single-number answers and shares over the three CSVs of make_share2.py (a gym's
member roster, warehouse stock lots, sales invoices) — a share of a count ("what fraction of members
cancelled"), of a sum ("share of revenue from online", "how much of our stock is expired" weighs by units),
over a narrower base ("of the cancelled members, what share had personal training"), a share per category
when a grouping word is present, KPIs with stacked conditions ("unpaid invoices over $1000 in March"),
distinct counts, and max/min/median single numbers, with near-misses that must stay what they are
("average fee for 12-month contracts"). Format and gold conventions: tests/analysis/fresh/questions.py's
docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
PIE = {"arc"}
SHARE = {"arc", "bar"}
ONE = {"bar", "kpi"}

GM = "share2_gym_members"
SL = "share2_stock_lots"
IV = "share2_invoices"

PT = '"Personal Training"'
FEE = '"Monthly Fee"'
VISITS = '"Visits Last Month"'
QTY = '"Qty On Hand"'
UNPAID = "Paid = 'No'"


def _pct(cond: str, base: str = "") -> str:
    """The gold SQL of "what share of rows (of `base`) meet `cond`", as a percentage."""
    where = f" WHERE {base}" if base else ""
    return f"SELECT 100.0 * avg(CASE WHEN {cond} THEN 1.0 ELSE 0.0 END) AS pct_x FROM t{where}"


def _pct_sum(measure: str, cond: str, base: str = "") -> str:
    """The gold SQL of "what share of the `measure` total (of `base`) comes from rows meeting `cond`"."""
    where = f" WHERE {base}" if base else ""
    return (f"SELECT 100.0 * sum(CASE WHEN {cond} THEN {measure} ELSE 0 END) / sum({measure}) AS pct_x "
            f"FROM t{where}")


MEMBERS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- share2_gym_members (joined Jan 2022 – Jun 2025) ----
    ("sh01", GM, "what fraction of members cancelled", _pct("Status = 'Cancelled'"), None, KPI),
    ("sh02", GM, "how many active members in Texas",
     "SELECT count(*) FROM t WHERE Status = 'Active' AND State = 'Texas'", None, KPI),
    ("sh03", GM, "share of members on the premium plan", _pct("Plan = 'Premium'"), None, KPI),
    ("sh04", GM, "proportion of female members", _pct("Gender = 'Female'"), None, KPI),
    ("sh05", GM, "of the cancelled members, what share had personal training",
     _pct(f"{PT} = 'Yes'", "Status = 'Cancelled'"), None, KPI),
    ("sh06", GM, "median member age", "SELECT median(Age) FROM t", None, KPI),
    ("sh07", GM, "how old is our oldest member", "SELECT max(Age) FROM t", None, KPI),
    ("sh08", GM, "how many different clubs do we have", "SELECT count(DISTINCT Club) FROM t", None, KPI),
    ("sh09", GM, "members by plan as a pie", "SELECT Plan, count(*) AS share_n FROM t GROUP BY 1", None, PIE),
    ("sh10", GM, "percent of members by club", "SELECT Club, count(*) AS share_n FROM t GROUP BY 1", None, SHARE),
    ("sh11", GM, "share of monthly fees from premium members", _pct_sum(FEE, "Plan = 'Premium'"), None, KPI),
    ("sh12", GM, "avg monthly fee for active members", f"SELECT avg({FEE}) FROM t WHERE Status = 'Active'",
     None, KPI),
    ("sh13", GM, "how many members joined in 2024", "SELECT count(*) FROM t WHERE year(\"Join Date\") = 2024",
     None, KPI),
    ("sh14", GM, "total monthly fees from active members at downtown",
     f"SELECT sum({FEE}) FROM t WHERE Status = 'Active' AND Club = 'Downtown'", None, KPI),
    ("sh15", GM, "cancellation rate by plan",
     "SELECT Plan, 100.0 * avg(CASE WHEN Status = 'Cancelled' THEN 1.0 ELSE 0.0 END) AS pct_c FROM t GROUP BY 1",
     None, BAR),
    # judgment: the base is the active members; "more than 10" is strict
    ("sh16", GM, "what percentage of active members visited more than 10 times last month",
     _pct(f"{VISITS} > 10", "Status = 'Active'"), None, KPI),
    ("sh17", GM, "number of members under 25", "SELECT count(*) FROM t WHERE Age < 25", None, KPI),
    ("sh18", GM, "lowest monthly fee", f"SELECT min({FEE}) FROM t", None, KPI),
    ("sh19", GM, "avg visits for members with personal training", f"SELECT avg({VISITS}) FROM t WHERE {PT} = 'Yes'",
     None, KPI),
    ("sh20", GM, "how many members signed up through a friend referral",
     "SELECT count(*) FROM t WHERE Source = 'Friend Referral'", None, KPI),
    # near-miss: "12-month" is a contract value, not a top-12 or a period
    ("sh21", GM, "average monthly fee for 12-month contracts", f"SELECT avg({FEE}) FROM t WHERE Contract = '12-month'",
     None, KPI),
    ("sh22", GM, "how many of our members are frozen", "SELECT count(*) FROM t WHERE Status = 'Frozen'", None, KPI),
    ("sh23", GM, "% of members with a personal trainer", _pct(f"{PT} = 'Yes'"), None, KPI),
    ("sh24", GM, "what about premium only", _pct(f"{PT} = 'Yes'", "Plan = 'Premium'"), "sh23", KPI),
]

STOCK: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- share2_stock_lots (received Jan 2024 – Jun 2025) ----
    # judgment: "how much of our stock" weighs by units on hand
    ("sh25", SL, "how much of our stock is expired", _pct_sum(QTY, "Status = 'Expired'"), None, KPI),
    ("sh26", SL, "how many lots are damaged", "SELECT count(*) FROM t WHERE Status = 'Damaged'", None, KPI),
    ("sh27", SL, "share of units by warehouse", f"SELECT Warehouse, sum({QTY}) AS share_q FROM t GROUP BY 1", None,
     SHARE),
    ("sh28", SL, "what % of lots come from fresh farms", _pct("Supplier = 'Fresh Farms'"), None, KPI),
    ("sh29", SL, "total units on hand in houston", f"SELECT sum({QTY}) FROM t WHERE Warehouse = 'Houston'", None,
     KPI),
    ("sh30", SL, "how many different products do we stock", "SELECT count(DISTINCT Product) FROM t", None, KPI),
    ("sh31", SL, "highest unit cost", "SELECT max(\"Unit Cost\") FROM t", None, KPI),
    ("sh32", SL, "median qty per lot", f"SELECT median({QTY}) FROM t", None, KPI),
    ("sh33", SL, "percentage of dairy lots that are expired", _pct("Status = 'Expired'", "Category = 'Dairy'"),
     None, KPI),
    ("sh34", SL, "how many lots expire before march 2025",
     "SELECT count(*) FROM t WHERE \"Expiry Date\" < DATE '2025-03-01'", None, KPI),
    ("sh35", SL, "what percent of lots are expired in each category",
     "SELECT Category, 100.0 * avg(CASE WHEN Status = 'Expired' THEN 1.0 ELSE 0.0 END) AS pct_e FROM t GROUP BY 1",
     None, BAR),
    ("sh36", SL, "average unit cost of frozen items", "SELECT avg(\"Unit Cost\") FROM t WHERE Category = 'Frozen'",
     None, KPI),
    ("sh37", SL, "smallest lot in austin", f"SELECT min({QTY}) FROM t WHERE Warehouse = 'Austin'", None, KPI),
    ("sh38", SL, "units on hand by category as a pie", f"SELECT Category, sum({QTY}) AS share_q FROM t GROUP BY 1",
     None, PIE),
    ("sh39", SL, "proportion of stock held in dallas", _pct_sum(QTY, "Warehouse = 'Dallas'"), None, KPI),
    ("sh40", SL, "how many lots are on hold at the austin warehouse",
     "SELECT count(*) FROM t WHERE Status = 'On Hold' AND Warehouse = 'Austin'", None, KPI),
    ("sh41", SL, "lots recieved last quarter",
     "SELECT count(*) FROM t WHERE \"Received Date\" BETWEEN DATE '2025-04-01' AND DATE '2025-06-30'", None, KPI),
]

INVOICES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- share2_invoices (Jul 2024 – Jun 2025) ----
    ("sh42", IV, "how many invoices are still unpaid", f"SELECT count(*) FROM t WHERE {UNPAID}", None, KPI),
    ("sh43", IV, "how much are they worth", f"SELECT sum(Amount) FROM t WHERE {UNPAID}", "sh42", KPI),
    ("sh44", IV, "share of revenue from online", _pct_sum("Amount", "Channel = 'Online'"), None, KPI),
    # judgment: last quarter = April – June 2025, by invoice date
    ("sh45", IV, "total refunds last quarter",
     "SELECT sum(Refund) FROM t WHERE \"Invoice Date\" BETWEEN DATE '2025-04-01' AND DATE '2025-06-30'", None, KPI),
    # judgment: a count of invoices; March is March 2025 (the data's only March)
    ("sh46", IV, "unpaid invoices over $1000 in march",
     f"SELECT count(*) FROM t WHERE {UNPAID} AND Amount > 1000 AND month(\"Invoice Date\") = 3", None, KPI),
    ("sh47", IV, "what was the biggest single invoice", "SELECT max(Amount) FROM t", None, KPI),
    ("sh48", IV, "median invoice amount", "SELECT median(Amount) FROM t", None, KPI),
    ("sh49", IV, "average invoice for the west region", "SELECT avg(Amount) FROM t WHERE Region = 'West'", None,
     KPI),
    ("sh50", IV, "and for east?", "SELECT avg(Amount) FROM t WHERE Region = 'East'", "sh49", KPI),
    ("sh51", IV, "percent of revenue by region", "SELECT Region, sum(Amount) AS share_a FROM t GROUP BY 1", None,
     SHARE),
    ("sh52", IV, "share of invoices by channel", "SELECT Channel, count(*) AS share_n FROM t GROUP BY 1", None,
     SHARE),
    ("sh53", IV, "how many customers do we have", "SELECT count(DISTINCT Customer) FROM t", None, KPI),
    ("sh54", IV, "how many invoices did maria lopez raise", "SELECT count(*) FROM t WHERE Rep = 'Maria Lopez'",
     None, KPI),
    ("sh55", IV, "what fraction of invoices were refunded", _pct("Refund > 0"), None, KPI),
    ("sh56", IV, "number of phone invoices over 2,000", "SELECT count(*) FROM t WHERE Channel = 'Phone' AND "
     "Amount > 2000", None, KPI),
    ("sh57", IV, "unpaid rate by region",
     f"SELECT Region, 100.0 * avg(CASE WHEN {UNPAID} THEN 1.0 ELSE 0.0 END) AS pct_u FROM t GROUP BY 1", None, BAR),
    ("sh58", IV, "what portion of refunds came from online orders", _pct_sum("Refund", "Channel = 'Online'"), None,
     KPI),
    ("sh59", IV, "smallest invoice in 2025", "SELECT min(Amount) FROM t WHERE year(\"Invoice Date\") = 2025", None,
     KPI),
    ("sh60", IV, "total invoiced by the field reps", "SELECT sum(Amount) FROM t WHERE Channel = 'Field Rep'", None,
     KPI),
    ("sh61", IV, "of the paid invoices, what % were paid after the due date",
     _pct("\"Paid Date\" > \"Due Date\"", UNPAID.replace("'No'", "'Yes'")), None, KPI),
]

QUESTIONS = MEMBERS + STOCK + INVOICES


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "share or percentage": _ids("sh01 sh03 sh04 sh05 sh09 sh10 sh11 sh15 sh16 sh23 sh24 sh25 sh27 sh28 sh33 sh35 "
                                "sh38 sh39 sh44 sh51 sh52 sh55 sh57 sh58 sh61"),
    "kpi": _ids("sh01 sh02 sh03 sh04 sh05 sh06 sh07 sh08 sh11 sh12 sh13 sh14 sh16 sh17 sh18 sh19 sh20 sh21 sh22 "
                "sh23 sh24 sh25 sh26 sh28 sh29 sh30 sh31 sh32 sh33 sh34 sh36 sh37 sh39 sh40 sh41 sh42 sh43 sh44 "
                "sh45 sh46 sh47 sh48 sh49 sh50 sh53 sh54 sh55 sh56 sh58 sh59 sh60 sh61"),
    "kpi with a condition": _ids("sh02 sh05 sh12 sh13 sh14 sh16 sh17 sh19 sh20 sh21 sh22 sh24 sh26 sh29 sh33 sh34 "
                                 "sh36 sh37 sh40 sh41 sh43 sh45 sh46 sh49 sh50 sh54 sh56 sh59 sh60"),
    "median/max/min wording": _ids("sh06 sh07 sh18 sh31 sh32 sh37 sh47 sh48 sh59"),
    "pie asked for": _ids("sh09 sh38"),
    "condition in words or values": _ids("sh02 sh05 sh14 sh16 sh20 sh21 sh22 sh26 sh33 sh40 sh42 sh46 sh54 sh56 "
                                         "sh60"),
    "relative period": _ids("sh41 sh45"),
    "typo": _ids("sh41"),
    "abbreviation or paraphrase": _ids("sh07 sh12 sh19 sh23 sh32 sh43 sh60"),
    "derived measure": _ids("sh61"),
}
