"""The dates practice set: time series over tables with several date columns, each named by its event
(Enrolled / Started / Completed, created_at / closed_at, Placed / Picked Up / Delivered), in US dates, ISO
timestamps with and without a "T" — counts of events per month/week/quarter/year where the question's verb
or noun picks the date column, sums and averages of an amount over time, "which month had the most",
weekday and hour-of-day questions, month-over-month growth, a period filter with a grain ("in 2025 by
month"), follow-ups that change the grain or add a filter, and two questions the data cannot answer — over
the three CSVs of make_dates.py, in terse, everyday wording. Format and gold conventions:
tests/analysis/fresh/questions.py's docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SPLIT = {"bar", "heatmap", "line", "area"}
ONE = {"bar", "kpi"}
TWO_TIME = {"line", "bar", "area", "table"}
NONE = {"unanswerable"}

CE = "course_enrollments"
MR = "maintenance_requests"
FD = "food_deliveries"


def _per(grain: str, col: str, agg: str = "count(*)", where: str = "") -> str:
    """A time series' gold: `agg` per `grain` of `col`, over the rows where `col` is set (and `where`)."""
    cond = f"{col} IS NOT NULL" + (f" AND {where}" if where else "")
    return f"SELECT date_trunc('{grain}', {col}) AS p, {agg} FROM t WHERE {cond} GROUP BY 1"


COURSES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dat01", CE, "enrollments per month", _per("month", "Enrolled"), None, TIME),
    ("dat02", CE, "how many students completed a course each month", _per("month", "Completed"), None, TIME),
    ("dat03", CE, "completions by quarter", _per("quarter", "Completed"), None, TIME),
    ("dat04", CE, "which month had the most enrollments",
     "SELECT date_trunc('month', Enrolled) AS p, count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 1",
     None, ONE),
    # judgment: the fee is paid at enrollment, so fees over time go by the Enrolled date
    ("dat05", CE, "total fees by month", _per("month", "Enrolled", "sum(Fee)"), None, TIME),
    ("dat06", CE, "enrollments over time for data courses", _per("month", "Enrolled", where="Category = 'Data'"),
     None, TIME),
    ("dat07", CE, "new enrollments in 2024 by month", _per("month", "Enrolled", where="year(Enrolled) = 2024"),
     None, TIME),
    ("dat08", CE, "course starts per week", _per("week", "Started"), None, TIME),
    ("dat09", CE, "monthly completions by category",
     "SELECT date_trunc('month', Completed) AS p, Category, count(*) FROM t WHERE Completed IS NOT NULL "
     "GROUP BY 1, 2", None, SPLIT),
    ("dat10", CE, "avg rating by completion month", _per("month", "Completed", "avg(Rating)"), None, TIME),
    ("dat11", CE, "how many enrollments last month",
     "SELECT count(*) FROM t WHERE Enrolled BETWEEN DATE '2024-12-01' AND DATE '2024-12-31'", None, KPI),
    ("dat12", CE, "enrolments by day of week", "SELECT dayname(Enrolled), count(*) FROM t GROUP BY 1", None, BAR),
    ("dat13", CE, "quarterly fee revenue", _per("quarter", "Enrolled", "sum(Fee)"), None, TIME),
    ("dat14", CE, "how many courses were completed in 2024",
     "SELECT count(*) FROM t WHERE year(Completed) = 2024", None, KPI),
    ("dat15", CE, "enrollments by year", _per("year", "Enrolled"), None, TIME),
    ("dat16", CE, "just marketing", _per("month", "Enrolled", where="Category = 'Marketing'"), "dat01", TIME),
    ("dat17", CE, "by week instead", _per("week", "Enrolled", where="Category = 'Marketing'"), "dat16", TIME),
    ("dat18", CE, "trend of completed courses", _per("month", "Completed"), None, TIME),
]

REQUESTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dat19", MR, "requests per month", _per("month", "created_at"), None, TIME),
    ("dat20", MR, "how many requests were closed each month", _per("month", "closed_at"), None, TIME),
    ("dat21", MR, "requests by hour of day", "SELECT hour(created_at), count(*) FROM t GROUP BY 1", None,
     {"bar", "line"}),
    ("dat22", MR, "busiest day of the week for requests",
     "SELECT dayname(created_at) AS d, count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    # judgment: a request's costs go by the month it came in (created_at, the table's first date)
    ("dat23", MR, "maintenance cost by month", _per("month", "created_at", "sum(cost)"), None, TIME),
    ("dat24", MR, "weekly closed requests", _per("week", "closed_at"), None, TIME),
    ("dat25", MR, "urgent requests over time", _per("month", "created_at", where="priority = 'urgent'"), None,
     TIME),
    ("dat26", MR, "monthly requests by category",
     "SELECT date_trunc('month', created_at) AS p, category, count(*) FROM t GROUP BY 1, 2", None, SPLIT),
    ("dat27", MR, "avg cost per request by quarter", _per("quarter", "created_at", "avg(cost)"), None, TIME),
    ("dat28", MR, "plumbing requests by month", _per("month", "created_at", where="category = 'Plumbing'"), None,
     TIME),
    ("dat29", MR, "which month had the highest repair costs",
     "SELECT date_trunc('month', created_at) AS p, sum(cost) AS c FROM t GROUP BY 1 ORDER BY c DESC LIMIT 1",
     None, ONE),
    ("dat30", MR, "requests opened in 2025 by month", _per("month", "created_at", where="year(created_at) = 2025"),
     None, TIME),
    ("dat31", MR, "month over month growth in requests",
     "SELECT p, 100.0 * (n / lag(n) OVER (ORDER BY p) - 1) AS pct_growth FROM "
     "(SELECT date_trunc('month', created_at) AS p, count(*) AS n FROM t GROUP BY 1) "
     "QUALIFY lag(n) OVER (ORDER BY p) IS NOT NULL", None, TIME),
    ("dat32", MR, "number of requests created each quarter", _per("quarter", "created_at"), None, TIME),
    ("dat33", MR, "how many requests were opened in march 2025",
     "SELECT count(*) FROM t WHERE created_at >= DATE '2025-03-01' AND created_at < DATE '2025-04-01'", None, KPI),
    ("dat34", MR, "closed requests per month for birch house",
     _per("month", "closed_at", where="building = 'Birch House'"), None, TIME),
    ("dat35", MR, "requests by tenant move-in month", None, None, NONE),
]

ORDERS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dat36", FD, "orders by hour", "SELECT hour(Placed), count(*) FROM t GROUP BY 1", None, {"bar", "line"}),
    ("dat37", FD, "deliveries per week", _per("week", "Delivered"), None, TIME),
    ("dat38", FD, "busiest hour for orders",
     "SELECT hour(Placed) AS h, count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    ("dat39", FD, "tips by month", _per("month", "Placed", "sum(Tip)"), None, TIME),
    ("dat40", FD, "order volume by weekday", "SELECT dayname(Placed), count(*) FROM t GROUP BY 1", None, BAR),
    ("dat41", FD, "average order total over time", _per("month", "Placed", 'avg("Order Total")'), None, TIME),
    ("dat42", FD, "sales by month per zone",
     "SELECT date_trunc('month', Placed) AS p, Zone, sum(\"Order Total\") FROM t GROUP BY 1, 2", None, SPLIT),
    ("dat43", FD, "which weekday brings in the most tips",
     "SELECT dayname(Placed) AS d, sum(Tip) AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 1", None, ONE),
    ("dat44", FD, "orders delivered each month", _per("month", "Delivered"), None, TIME),
    ("dat45", FD, "order total trend", _per("month", "Placed", 'sum("Order Total")'), None, TIME),
    ("dat46", FD, "weekly orders in downtown", _per("week", "Placed", where="Zone = 'Downtown'"), None, TIME),
    ("dat47", FD, "avg tip by hour of day", "SELECT hour(Placed), avg(Tip) FROM t GROUP BY 1", None,
     {"bar", "line"}),
    ("dat48", FD, "monthly order count and total sales",
     "SELECT date_trunc('month', Placed) AS p, count(*), sum(\"Order Total\") FROM t GROUP BY 1", None, TWO_TIME),
    ("dat49", FD, "cancelled orders over time", _per("month", "Placed", where="Status = 'Cancelled'"), None, TIME),
    ("dat50", FD, "by quarter", _per("quarter", "Placed", where="Status = 'Cancelled'"), "dat49", TIME),
    ("dat51", FD, "how many orders were picked up each week", _per("week", '"Picked Up"'), None, TIME),
    ("dat52", FD, "orders per mnth", _per("month", "Placed"), None, TIME),
    ("dat53", FD, "refunds by month", None, None, NONE),
]

QUESTIONS = COURSES + REQUESTS + ORDERS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "time series": frozenset(q[0] for q in QUESTIONS if q[3] is not None) - _ids(
        "dat11 dat14 dat33 dat12 dat21 dat22 dat36 dat38 dat40 dat43 dat47"),
    "quarter or week grain": _ids("dat03 dat08 dat13 dat17 dat24 dat27 dat32 dat37 dat46 dat50 dat51"),
    "weekday or hour": _ids("dat12 dat21 dat22 dat36 dat38 dat40 dat43 dat47"),
    "kpi": _ids("dat11 dat14 dat33"),
    "kpi with a condition": _ids("dat11 dat14 dat33"),
    "relative period": _ids("dat11"),
    "top/bottom-N without 'top'": _ids("dat04 dat22 dat29 dat38 dat43"),
    "two measures": _ids("dat48"),
    "split by colour": _ids("dat09 dat26 dat42"),
    "condition in words or values": _ids("dat06 dat07 dat16 dat25 dat28 dat30 dat34 dat46 dat49"),
    "typo": _ids("dat12 dat52"),
}
