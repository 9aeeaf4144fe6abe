"""The "rank" practice set: top-N and superlatives, mostly without the word "top" — rows listed by a
measure the superlative implies ("the 3 largest orders", "the 5 biggest shipments", "the 10 most recent
calls"), groups ranked ("which 3 regions sold the most", "best-selling 5 products", "bottom 5"), one
winner ("who sold the most", "which agent is slowest to answer") and number words ("five", "a dozen",
"top ten", "top-3", "top3").

Over ``data/store_orders.csv``, ``data/parcel_shipments.csv``, ``data/call_log.csv`` and
``data/staff_list.csv`` (``make_rank.py``). The format and the gold conventions are the fresh set's
(``tests/analysis/fresh/questions.py``'s docstring). Written before the planner answered them.
"""
from __future__ import annotations

BAR = {"bar"}
ROWS = {"bar", "table"}
ONE = {"bar", "kpi", "table"}
OV = '"Order Value"'

ORDERS = [
    ("rk_or01", "store_orders", "the 3 largest orders",
     f'SELECT "Order No", {OV} FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    ("rk_or02", "store_orders", "show the five biggest orders",
     f'SELECT "Order No", {OV} FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk_or03", "store_orders", "which 3 regions sold the most",
     f'SELECT Region, SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, BAR),
    # judgment: best-selling = units sold
    ("rk_or04", "store_orders", "best-selling 5 products",
     'SELECT Product, SUM(Qty) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', None, BAR),
    # judgment: a product's price is its average unit price
    ("rk_or05", "store_orders", "the five most expensive products",
     'SELECT Product, AVG("Unit Price") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', None, BAR),
    ("rk_or06", "store_orders", "which sales rep sold the most",
     f'SELECT "Sales Rep", SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_or07", "store_orders", "who sold the most",
     f'SELECT "Sales Rep", SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_or08", "store_orders", "bottom 5 products by revenue",
     f'SELECT Product, SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 5', None, BAR),
    # judgment: popularity = units sold
    ("rk_or09", "store_orders", "the 3 least popular products",
     'SELECT Product, SUM(Qty) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
    ("rk_or10", "store_orders", "top ten customers by order value",
     f'SELECT Customer, SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 10', None, BAR),
    ("rk_or11", "store_orders", "top-3 regions by revenue",
     f'SELECT Region, SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, BAR),
    ("rk_or12", "store_orders", "top3 products by quantity",
     'SELECT Product, SUM(Qty) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, BAR),
    ("rk_or13", "store_orders", "the 5 smallest orders",
     f'SELECT "Order No", {OV} FROM t ORDER BY 2 ASC LIMIT 5', None, ROWS),
    ("rk_or14", "store_orders", "the largest order",
     f'SELECT MAX({OV}) FROM t', None, ONE),
    ("rk_or15", "store_orders", "which customer placed the biggest order",
     f'SELECT Customer, MAX({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_or16", "store_orders", "the 3 orders with the highest unit price",
     'SELECT "Order No", "Unit Price" FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    ("rk_or17", "store_orders", "which two categories bring in the most money",
     f'SELECT Category, SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2', None, BAR),
    ("rk_or18", "store_orders", "the dozen largest orders",
     f'SELECT "Order No", {OV} FROM t ORDER BY 2 DESC LIMIT 12', None, ROWS),
    ("rk_or19", "store_orders", "worst 3 regions by sales",
     f'SELECT Region, SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
    ("rk_or20", "store_orders", "which region sold the fewest units",
     'SELECT Region, SUM(Qty) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, ONE),
    ("rk_or21", "store_orders", "the 4 reps with the highest sales",
     f'SELECT "Sales Rep", SUM({OV}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 4', None, BAR),
    ("rk_or22", "store_orders", "the least popular product",
     'SELECT Product, SUM(Qty) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, ONE),
]

SHIPMENTS = [
    # judgment: with no money column, a shipment's size is its weight
    ("rk_sh01", "parcel_shipments", "show the 5 biggest shipments",
     'SELECT shipment_id, weight_kg FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk_sh02", "parcel_shipments", "the 3 heaviest parcels",
     'SELECT shipment_id, weight_kg FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    ("rk_sh03", "parcel_shipments", "the 4 bulkiest shipments",
     'SELECT shipment_id, volume_m3 FROM t ORDER BY 2 DESC LIMIT 4', None, ROWS),
    ("rk_sh04", "parcel_shipments", "the 5 slowest shipments",
     'SELECT shipment_id, transit_days FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk_sh05", "parcel_shipments", "which carrier is slowest",
     'SELECT carrier, AVG(transit_days) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_sh06", "parcel_shipments", "the two fastest carriers",
     'SELECT carrier, AVG(transit_days) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 2', None, BAR),
    ("rk_sh07", "parcel_shipments", "the largest shipment",
     'SELECT MAX(weight_kg) FROM t', None, ONE),
    ("rk_sh08", "parcel_shipments", "which 3 destinations received the most shipments",
     'SELECT destination, COUNT(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, BAR),
    ("rk_sh09", "parcel_shipments", "the 3 lightest shipments",
     'SELECT shipment_id, weight_kg FROM t ORDER BY 2 ASC LIMIT 3', None, ROWS),
    ("rk_sh10", "parcel_shipments", "which carrier ships the heaviest parcels",
     'SELECT carrier, AVG(weight_kg) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_sh11", "parcel_shipments", "top 5 destinations by total weight",
     'SELECT destination, SUM(weight_kg) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', None, BAR),
    ("rk_sh12", "parcel_shipments", "the three longest deliveries",
     'SELECT shipment_id, transit_days FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    ("rk_sh13", "parcel_shipments", "the 6 largest parcels by volume",
     'SELECT shipment_id, volume_m3 FROM t ORDER BY 2 DESC LIMIT 6', None, ROWS),
]

CALLS = [
    ("rk_cl01", "call_log", "the 3 longest calls",
     'SELECT call_id, talk_minutes FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    # judgment: the 3 longest calls, each with its agent
    ("rk_cl02", "call_log", "the 3 longest calls by agent",
     'SELECT agent, talk_minutes FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    ("rk_cl03", "call_log", "which agent is slowest to answer",
     'SELECT agent, AVG(wait_seconds) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_cl04", "call_log", "which team keeps people waiting longest",
     'SELECT team, AVG(wait_seconds) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_cl05", "call_log", "the 5 longest waits",
     'SELECT call_id, wait_seconds FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk_cl06", "call_log", "the 10 most recent calls",
     'SELECT call_id, started_at FROM t ORDER BY 2 DESC LIMIT 10', None, ROWS),
    ("rk_cl07", "call_log", "which agent handled the most calls",
     'SELECT agent, COUNT(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_cl08", "call_log", "the agent with the lowest satisfaction",
     'SELECT agent, AVG(csat) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, ONE),
    ("rk_cl09", "call_log", "bottom 3 agents by csat",
     'SELECT agent, AVG(csat) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
    ("rk_cl10", "call_log", "which 2 agents talk the longest",
     'SELECT agent, AVG(talk_minutes) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2', None, BAR),
    ("rk_cl11", "call_log", "the quickest agent to pick up",
     'SELECT agent, AVG(wait_seconds) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, ONE),
    ("rk_cl12", "call_log", "the 5 shortest calls",
     'SELECT call_id, talk_minutes FROM t ORDER BY 2 ASC LIMIT 5', None, ROWS),
    ("rk_cl13", "call_log", "who resolved the most calls",
     'SELECT agent, COUNT(*) FROM t WHERE resolved GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_cl14", "call_log", "top five agents by calls",
     'SELECT agent, COUNT(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', None, BAR),
    ("rk_cl15", "call_log", "the first 5 calls",
     'SELECT call_id, started_at FROM t ORDER BY 2 ASC LIMIT 5', None, ROWS),
]

STAFF = [
    ("rk_st01", "staff_list", "who are the 5 highest paid employees",
     'SELECT Employee, "Annual Salary" FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk_st02", "staff_list", "the 10 highest-paid employees",
     'SELECT Employee, "Annual Salary" FROM t ORDER BY 2 DESC LIMIT 10', None, ROWS),
    ("rk_st03", "staff_list", "the three lowest paid staff",
     'SELECT Employee, "Annual Salary" FROM t ORDER BY 2 ASC LIMIT 3', None, ROWS),
    ("rk_st04", "staff_list", "the 5 newest hires",
     'SELECT Employee, "Hire Date" FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk_st05", "staff_list", "who has been here longest",
     'SELECT Employee, "Hire Date" FROM t ORDER BY 2 ASC LIMIT 1', None, ONE),
    ("rk_st06", "staff_list", "the 4 longest-serving employees",
     'SELECT Employee, "Hire Date" FROM t ORDER BY 2 ASC LIMIT 4', None, ROWS),
    ("rk_st07", "staff_list", "which department pays the most",
     'SELECT Department, AVG("Annual Salary") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_st08", "staff_list", "the best performer",
     'SELECT Employee, "Performance Score" FROM t ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_st09", "staff_list", "bottom 5 employees by performance score",
     'SELECT Employee, "Performance Score" FROM t ORDER BY 2 ASC LIMIT 5', None, ROWS),
    ("rk_st10", "staff_list", "the 3 worst performers",
     'SELECT Employee, "Performance Score" FROM t ORDER BY 2 ASC LIMIT 3', None, ROWS),
    ("rk_st11", "staff_list", "which 2 departments have the most people",
     'SELECT Department, COUNT(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2', None, BAR),
    ("rk_st12", "staff_list", "who was hired most recently",
     'SELECT Employee, "Hire Date" FROM t ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk_st13", "staff_list", "the eight best paid remote employees",
     'SELECT Employee, "Annual Salary" FROM t WHERE Remote ORDER BY 2 DESC LIMIT 8', None, ROWS),
]

QUESTIONS = ORDERS + SHIPMENTS + CALLS + STAFF


def _ids(s: str) -> frozenset[str]:
    return frozenset(f"rk_{x}" for x in s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "top-N with 'top'": _ids("or10 or11 or12 sh11 cl14"),
    "top/bottom-N without 'top'": _ids(
        "or01 or02 or03 or04 or05 or06 or07 or08 or09 or13 or15 or16 or17 or18 or19 or20 or21 or22 "
        "sh01 sh02 sh03 sh04 sh05 sh06 sh08 sh09 sh10 sh12 sh13 cl01 cl02 cl03 cl04 cl05 cl06 cl07 cl08 cl09 "
        "cl10 cl11 cl12 cl13 cl15 st01 st02 st03 st04 st05 st06 st07 st08 st09 st10 st11 st12 st13"),
    "median/max/min wording": _ids("or14 sh07"),
    "condition in words or values": _ids("cl13 st13"),
    "abbreviation or paraphrase": _ids("or11 sh01 cl03 cl04 cl11 st05 st06"),
}
