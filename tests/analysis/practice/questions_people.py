"""The people practice set: who/which questions about people and items and comparisons of two columns over
three CSVs of make_people.py (a snake_case order export with rep_nm, a helpdesk with Agent, a camelCase
project list with projectManager) — the person with the most or the longest (group by the person, top 1),
lists of rows ordered by a measure, top-N customers, totals over odd column names (order_total, actualCost),
counts of rows where one column exceeds its pair (shipped after promised, over budget, over estimate,
response over target), durations between two dates per person, and questions the data cannot answer.
Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written before the planner
answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
ONE = {"bar", "kpi", "table"}
ROWS = {"bar", "table"}
TWO = {"bar", "point", "table"}
NONE = {"unanswerable"}

RO = "rep_orders"
SC = "support_cases"
PJ = "project_jobs"

LATE = "shipped_dt > promised_dt"
CLOSE_DAYS = "date_diff('day', Opened, Closed)"
RESP = '"First Response (min)"'
TARGET = '"Target Response (min)"'
MISSED = f"{RESP} > {TARGET}"

ORDERS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("ppl01", RO, "which rep sold the most",
     "SELECT rep_nm, sum(order_total) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl02", RO, "top 5 customers by spend",
     "SELECT cust_name, sum(order_total) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("ppl03", RO, "total order value by country", "SELECT country, sum(order_total) FROM t GROUP BY 1", None, BAR),
    ("ppl04", RO, "just the top 3",
     "SELECT country, sum(order_total) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", "ppl03", BAR),
    ("ppl05", RO, "how many orders shipped late", f"SELECT count(*) FROM t WHERE {LATE}", None, KPI),
    ("ppl06", RO, "late shipments by rep", f"SELECT rep_nm, count(*) FROM t WHERE {LATE} GROUP BY 1", None, BAR),
    ("ppl07", RO, "% of orders shipped after the promised date",
     f"SELECT 100.0 * avg(CASE WHEN {LATE} THEN 1.0 ELSE 0 END) AS pct_late FROM t", None, KPI),
    ("ppl08", RO, "5 biggest orders", "SELECT order_id, order_total FROM t ORDER BY 2 DESC LIMIT 5", None, ROWS),
    ("ppl09", RO, "avg order size per rep", "SELECT rep_nm, avg(order_total) FROM t GROUP BY 1", None, BAR),
    ("ppl10", RO, "which country has the fewest orders",
     "SELECT country, count(*) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),
    ("ppl11", RO, "number of customers per country",
     "SELECT country, count(DISTINCT cust_name) FROM t GROUP BY 1", None, BAR),
    ("ppl12", RO, "which customer bought the most units",
     "SELECT cust_name, sum(units) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    # judgment: "who" over discounts is the rep who gave them
    ("ppl13", RO, "who gave away the most discount",
     "SELECT rep_nm, sum(discount_amt) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl14", RO, "sales by rep last quarter",
     "SELECT rep_nm, sum(order_total) FROM t WHERE order_dt >= DATE '2024-10-01' GROUP BY 1", None, BAR),
    ("ppl15", RO, "which rep has the highest return rate",
     "SELECT rep_nm, 100.0 * avg(CASE WHEN returned = 'Y' THEN 1.0 ELSE 0 END) AS pct_ret FROM t GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl16", RO, "how many orders went out before the promised date",
     "SELECT count(*) FROM t WHERE shipped_dt < promised_dt", None, KPI),
    ("ppl17", RO, "revenu by sales rep", "SELECT rep_nm, sum(order_total) FROM t GROUP BY 1", None, BAR),
    ("ppl18", RO, "avg days from order to shipping",
     "SELECT avg(date_diff('day', order_dt, shipped_dt)) FROM t", None, KPI),
    ("ppl19", RO, "which rep has the best commission", None, None, NONE),
    ("ppl20", RO, "top customers by profit margin", None, None, NONE),
]

CASES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: open cases have no length
    ("ppl21", SC, "which agent takes longest to close tickets",
     f"SELECT Agent, avg({CLOSE_DAYS}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl22", SC, "avg days to resolve by team", f"SELECT Team, avg({CLOSE_DAYS}) FROM t GROUP BY 1", None, BAR),
    ("ppl23", SC, "who closed the most cases",
     "SELECT Agent, count(Closed) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl24", SC, "how many cases missed the response target", f"SELECT count(*) FROM t WHERE {MISSED}", None,
     KPI),
    ("ppl25", SC, "response target misses by agent", f"SELECT Agent, count(*) FROM t WHERE {MISSED} GROUP BY 1",
     None, BAR),
    ("ppl26", SC, "which agent has the best csat",
     "SELECT Agent, avg(CSAT) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl27", SC, "bottom 3 agents by satisfaction",
     "SELECT Agent, avg(CSAT) FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3", None, BAR),
    ("ppl28", SC, "cases per agent", "SELECT Agent, count(*) FROM t GROUP BY 1", None, BAR),
    ("ppl29", SC, "avg first response time by channel", f"SELECT Channel, avg({RESP}) FROM t GROUP BY 1", None,
     BAR),
    ("ppl30", SC, "which customer opened the most tickets",
     "SELECT Customer, count(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl31", SC, "% of high priority cases reopened",
     "SELECT 100.0 * avg(CASE WHEN Reopened = 'Yes' THEN 1.0 ELSE 0 END) AS pct_re FROM t WHERE Priority = 'High'",
     None, KPI),
    # judgment: open = no Closed date
    ("ppl32", SC, "how many tickets are still open", "SELECT count(*) FROM t WHERE Closed IS NULL", None, KPI),
    ("ppl33", SC, "median first response by priority", f"SELECT Priority, median({RESP}) FROM t GROUP BY 1", None,
     BAR),
    ("ppl34", SC, "first response vs target by team",
     f"SELECT Team, avg({RESP}), avg({TARGET}) FROM t GROUP BY 1", None, TWO),
    ("ppl35", SC, "agent with the slowest first respnse",
     f"SELECT Agent, avg({RESP}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl36", SC, "which agent has the highest salary", None, None, NONE),
    ("ppl37", SC, "average hold time by agent", None, None, NONE),
]

PROJECTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("ppl38", PJ, "how many projects are over budget", "SELECT count(*) FROM t WHERE actualCost > budgetUsd", None,
     KPI),
    ("ppl39", PJ, "what about over estimate", "SELECT count(*) FROM t WHERE actualHours > estHours", "ppl38", KPI),
    # judgment: the jobs over, with their hours over the estimate
    ("ppl40", PJ, "which jobs ran over their estimate",
     "SELECT projectName, actualHours - estHours FROM t WHERE actualHours > estHours", None, ROWS),
    ("ppl41", PJ, "how many projects finished after the due date",
     "SELECT count(*) FROM t WHERE finishDate > dueDate", None, KPI),
    ("ppl42", PJ, "which manager has the most projects over budget",
     "SELECT projectManager, count(*) FROM t WHERE actualCost > budgetUsd GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    # judgment: the net variance (under-runs offset over-runs)
    ("ppl43", PJ, "cost overrun by dept", "SELECT dept, sum(actualCost - budgetUsd) FROM t GROUP BY 1", None, BAR),
    ("ppl44", PJ, "engineering actual cost vs budget",
     "SELECT sum(actualCost), sum(budgetUsd) FROM t WHERE dept = 'ENG'", None, {"bar", "table", "kpi"}),
    ("ppl45", PJ, "who manages the most projects",
     "SELECT projectManager, count(*) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ppl46", PJ, "top 3 clients by budget",
     "SELECT clientName, sum(budgetUsd) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("ppl47", PJ, "the 5 most expensive projects",
     "SELECT projectName, actualCost FROM t ORDER BY 2 DESC LIMIT 5", None, ROWS),
    ("ppl48", PJ, "avg hours over estimate per manager",
     "SELECT projectManager, avg(actualHours - estHours) FROM t GROUP BY 1", None, BAR),
    ("ppl49", PJ, "projects by dept", "SELECT dept, count(*) FROM t GROUP BY 1", None, BAR),
    ("ppl50", PJ, "average project length in days by dept",
     "SELECT dept, avg(date_diff('day', startDate, finishDate)) FROM t GROUP BY 1", None, BAR),
    ("ppl51", PJ, "how many marketing projects went over budget",
     "SELECT count(*) FROM t WHERE dept = 'MKT' AND actualCost > budgetUsd", None, KPI),
    ("ppl52", PJ, "which project had the most bugs", None, None, NONE),
    ("ppl53", PJ, "profit by client", None, None, NONE),
]

QUESTIONS = ORDERS + CASES + PROJECTS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "kpi": _ids("ppl05 ppl07 ppl16 ppl18 ppl24 ppl31 ppl32 ppl38 ppl39 ppl41 ppl44 ppl51"),
    "kpi with a condition": _ids("ppl05 ppl07 ppl16 ppl24 ppl31 ppl32 ppl38 ppl39 ppl41 ppl51"),
    "top-N with 'top'": _ids("ppl02 ppl04 ppl27 ppl46"),
    "top/bottom-N without 'top'": _ids("ppl01 ppl08 ppl10 ppl12 ppl13 ppl15 ppl21 ppl23 ppl26 ppl30 ppl35 ppl42 "
                                       "ppl45 ppl47"),
    "share or percentage": _ids("ppl07 ppl15 ppl31"),
    "two measures": _ids("ppl34 ppl44"),
    "condition in words or values": _ids("ppl05 ppl06 ppl16 ppl24 ppl25 ppl31 ppl38 ppl40 ppl41 ppl42 ppl44 ppl51"),
    "relative period": _ids("ppl14"),
    "typo": _ids("ppl17 ppl35"),
    "abbreviation or paraphrase": _ids("ppl01 ppl02 ppl03 ppl09 ppl13 ppl17 ppl22 ppl26 ppl27 ppl43 ppl44 ppl48 "
                                       "ppl51"),
    "derived measure": _ids("ppl18 ppl21 ppl22 ppl43 ppl48 ppl50"),
    "median/max/min wording": _ids("ppl33"),
}
