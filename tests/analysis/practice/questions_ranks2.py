"""The "ranks2" practice set: ranking questions said with and without the word "top" — groups ranked by
a measure the verb implies ("which 3 branches made the most money", "our best-selling dishes", "which
customers spent the most"), rows ranked ("the five most expensive rentals", "the 3 biggest deals"),
single winners ("most popular car class", "worst rated branch"), rankings with a condition or a time
window, follow-ups ("just the top 3", "now the bottom 2") and typos.

Over ``data/ranks2_car_rentals.csv``, ``data/ranks2_dish_sales.csv`` and ``data/ranks2_deals.csv``
(``make_ranks2.py``). The format and the gold conventions are the fresh set's
(``tests/analysis/fresh/questions.py``'s docstring). Written before the planner answered them.
"""
from __future__ import annotations

BAR = {"bar"}
ROWS = {"bar", "table"}
ONE = {"bar", "kpi", "table"}

CR = "ranks2_car_rentals"
DS = "ranks2_dish_sales"
DL = "ranks2_deals"
DMG = "CASE WHEN Damage = 'Yes' THEN 1.0 ELSE 0.0 END"

RENTALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: money made = the rental charges
    ("rk2_cr01", CR, "which 3 branches made the most money",
     "SELECT Branch, sum(Charge) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rk2_cr02", CR, "the five most expensive rentals",
     'SELECT "Agreement No", Charge FROM t ORDER BY 2 DESC LIMIT 5', None, ROWS),
    ("rk2_cr03", CR, "which 5 customers spent the most",
     "SELECT Customer, sum(Charge) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("rk2_cr04", CR, "most popular car class",
     'SELECT "Car Class", count(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk2_cr05", CR, "least popular model",
     "SELECT Model, count(*) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),
    ("rk2_cr06", CR, "the 4 rentals with the most miles",
     'SELECT "Agreement No", Miles FROM t ORDER BY 2 DESC LIMIT 4', None, ROWS),
    ("rk2_cr07", CR, "rank the branches by revenue",
     "SELECT Branch, sum(Charge) FROM t GROUP BY 1", None, BAR),
    ("rk2_cr08", CR, "just the top 3",
     "SELECT Branch, sum(Charge) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", "rk2_cr07", BAR),
    ("rk2_cr09", CR, "now the bottom 2",
     "SELECT Branch, sum(Charge) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 2", "rk2_cr08", BAR),
    ("rk2_cr10", CR, "worst rated branch",
     "SELECT Branch, avg(Rating) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),
    ("rk2_cr11", CR, "top 3 models by average daily rate",
     'SELECT Model, avg("Daily Rate") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, BAR),
    ("rk2_cr12", CR, "which car class brings in the least revenue",
     'SELECT "Car Class", sum(Charge) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, ONE),
    # judgment: a customer's size is what they spent
    ("rk2_cr13", CR, "our 10 biggest customers",
     "SELECT Customer, sum(Charge) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 10", None, BAR),
    ("rk2_cr14", CR, "the 2 branches with the longest rentals on average",
     "SELECT Branch, avg(Days) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2", None, BAR),
    ("rk2_cr15", CR, "top 5 customers by spend in 2025",
     "SELECT Customer, sum(Charge) FROM t WHERE year(\"Pickup Date\") = 2025 GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
     None, BAR),
    ("rk2_cr16", CR, "which branch has the highest damage rate",
     f"SELECT Branch, 100.0 * avg({DMG}) AS pct_damage FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rk2_cr17", CR, "top 3 branchs by revenu",
     "SELECT Branch, sum(Charge) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rk2_cr18", CR, "lowest 3 models by rating",
     "SELECT Model, avg(Rating) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3", None, BAR),
    ("rk2_cr19", CR, "which branch rents out the most suvs",
     "SELECT Branch, count(*) FROM t WHERE \"Car Class\" = 'SUV' GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rk2_cr20", CR, "the three cheapest car classes by daily rate",
     'SELECT "Car Class", avg("Daily Rate") FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
]

DISHES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: best-selling = portions sold; with no number, every dish ranked
    ("rk2_ds01", DS, "our best-selling dishes",
     "SELECT Dish, sum(Portions) FROM t GROUP BY 1", None, BAR),
    ("rk2_ds02", DS, "the five best selling dishes",
     "SELECT Dish, sum(Portions) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("rk2_ds03", DS, "which 3 dishes bring in the most revenue",
     "SELECT Dish, sum(Revenue) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    # judgment: a dish's price is its menu price (one per dish, so the average is that price)
    ("rk2_ds04", DS, "the 3 cheapest dishes",
     'SELECT Dish, avg("Menu Price") FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
    ("rk2_ds05", DS, "most expensive dish on the menu",
     'SELECT Dish, avg("Menu Price") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("rk2_ds06", DS, "which location sold the most desserts",
     "SELECT Location, sum(Portions) FROM t WHERE Course = 'Dessert' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    # judgment: profit = revenue minus food cost
    ("rk2_ds07", DS, "bottom 3 dishes by profit",
     'SELECT Dish, sum(Revenue - "Food Cost") FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
    ("rk2_ds08", DS, "most wasted dish",
     "SELECT Dish, sum(Wasted) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rk2_ds09", DS, "which 2 locations waste the most",
     "SELECT Location, sum(Wasted) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2", None, BAR),
    ("rk2_ds10", DS, "top 4 mains by portions sold",
     "SELECT Dish, sum(Portions) FROM t WHERE Course = 'Main' GROUP BY 1 ORDER BY 2 DESC LIMIT 4", None, BAR),
    ("rk2_ds11", DS, "the 2 least popular drinks",
     "SELECT Dish, sum(Portions) FROM t WHERE Course = 'Drink' GROUP BY 1 ORDER BY 2 ASC LIMIT 2", None, BAR),
    ("rk2_ds12", DS, "the 3 slowest dishes to prepare",
     'SELECT Dish, avg("Prep Min") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, BAR),
    ("rk2_ds13", DS, "quickest dish to make",
     'SELECT Dish, avg("Prep Min") FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, ONE),
    ("rk2_ds14", DS, "top 3 dishes by revenue last month",
     "SELECT Dish, sum(Revenue) FROM t WHERE Date BETWEEN DATE '2025-06-01' AND DATE '2025-06-30' "
     "GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rk2_ds15", DS, "which location had the highest sales in march",
     "SELECT Location, sum(Revenue) FROM t WHERE month(Date) = 3 GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rk2_ds16", DS, "highest food cost dishes, top five",
     'SELECT Dish, sum("Food Cost") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', None, BAR),
    ("rk2_ds17", DS, "which course sells the least",
     "SELECT Course, sum(Portions) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),
    ("rk2_ds18", DS, "the 4 busiest days",
     "SELECT Date, sum(Portions) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 4", None, ROWS),
]

DEALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("rk2_dl01", DL, "bottom 5 reps by deals won",
     "SELECT Rep, count(*) FROM t WHERE Status = 'Won' GROUP BY 1 ORDER BY 2 ASC LIMIT 5", None, BAR),
    ("rk2_dl02", DL, "which 3 reps won the most revenue",
     "SELECT Rep, sum(Amount) FROM t WHERE Status = 'Won' GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rk2_dl03", DL, "top 5 reps by total deal amount",
     "SELECT Rep, sum(Amount) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("rk2_dl04", DL, "the 3 biggest deals",
     'SELECT "Deal ID", Amount FROM t ORDER BY 2 DESC LIMIT 3', None, ROWS),
    ("rk2_dl05", DL, "which team has the highest average deal size",
     "SELECT Team, avg(Amount) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    # judgment: with no number, every plan ranked
    ("rk2_dl06", DL, "least popular plans",
     "SELECT Plan, count(*) FROM t GROUP BY 1", None, BAR),
    ("rk2_dl07", DL, "which region has the fewest deals",
     "SELECT Region, count(*) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),
    ("rk2_dl08", DL, "the 3 reps who close deals fastest",
     'SELECT Rep, avg("Days to Close") FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3', None, BAR),
    ("rk2_dl09", DL, "top 3 regions by won amount",
     "SELECT Region, sum(Amount) FROM t WHERE Status = 'Won' GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rk2_dl10", DL, "top five reps by number of deals",
     "SELECT Rep, count(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("rk2_dl11", DL, "now the bottom 5",
     "SELECT Rep, count(*) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 5", "rk2_dl10", BAR),
    ("rk2_dl12", DL, "who gave the biggest discounts on average",
     "SELECT Rep, avg(Discount) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rk2_dl13", DL, "wich 2 teams sold the most this year",
     "SELECT Team, sum(Amount) FROM t WHERE Status = 'Won' AND year(\"Close Date\") = 2025 "
     "GROUP BY 1 ORDER BY 2 DESC LIMIT 2", None, BAR),
    ("rk2_dl14", DL, "the 4 smallest won deals",
     "SELECT \"Deal ID\", Amount FROM t WHERE Status = 'Won' ORDER BY 2 ASC LIMIT 4", None, ROWS),
    ("rk2_dl15", DL, "highest 3 regions by average amount",
     "SELECT Region, avg(Amount) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rk2_dl16", DL, "which rep lost the most deals",
     "SELECT Rep, count(*) FROM t WHERE Status = 'Lost' GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
]

QUESTIONS = RENTALS + DISHES + DEALS


def _ids(s: str) -> frozenset[str]:
    return frozenset(f"rk2_{x}" for x in s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "top-N with 'top'": _ids("cr08 cr11 cr15 cr17 ds10 ds14 ds16 dl03 dl09 dl10"),
    "top/bottom-N without 'top'": _ids(
        "cr01 cr02 cr03 cr04 cr05 cr06 cr07 cr09 cr10 cr12 cr13 cr14 cr16 cr18 cr19 cr20 ds01 ds02 ds03 ds04 "
        "ds05 ds06 ds07 ds08 ds09 ds11 ds12 ds13 ds15 ds17 ds18 dl01 dl02 dl04 dl05 dl06 dl07 dl08 dl11 dl12 "
        "dl13 dl14 dl15 dl16"),
    "condition in words or values": _ids("cr15 cr19 ds06 ds10 ds11 ds14 ds15 dl01 dl02 dl09 dl13 dl14 dl16"),
    "relative period": _ids("ds14 dl13"),
    "typo": _ids("cr17 dl13"),
    "derived measure": _ids("cr16 ds07"),
    "abbreviation or paraphrase": _ids("cr01 cr03 cr13 ds09 ds18 dl08 dl12"),
}
