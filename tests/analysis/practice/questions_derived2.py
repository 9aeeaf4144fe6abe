"""The second derived-measures practice set: measures no column holds, over the three CSVs of make_derived2.py
(a bank's loan applications, cinema screenings, online-course enrolments) — rates of a status or flag
(approval, default, refund, completion, sold out), ratios of two sums (occupancy, average ticket price,
spend per head, progress), differences (empty seats, discount, lessons left), the time between two dates
(days to decision, to funding, to complete) and counts of distinct people, in everyday, terse wording with
typos, follow-ups, top-N and conditions. Format and gold conventions: tests/analysis/fresh/questions.py's
docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
ONE = {"bar", "kpi"}
TWO = {"bar", "point", "table"}
NONE = {"unanswerable"}

LA = "loan_applications"
CS = "cinema_screenings"
CE = "course_lessons"


def _pct(cond: str) -> str:
    """100 × the share of rows meeting `cond`."""
    return f"100.0 * avg(CASE WHEN {cond} THEN 1.0 ELSE 0.0 END)"


APPROVED = _pct("Status = 'Approved'")
DECLINED = _pct("Status = 'Declined'")
DEFAULTED = _pct("Defaulted = 'Y'")
WITHDRAWN = _pct("Status = 'Withdrawn'")
DECIDE = 'date_diff(\'day\', "Applied On", "Decision Date")'
FUND = 'date_diff(\'day\', "Applied On", "Funded Date")'
OCC = '100.0 * sum("Tickets Sold") / sum(Capacity)'
DONE = 'date_diff(\'day\', "Enrolled On", "Completed On")'
COMPLETE = '100.0 * count("Completed On") / count(*)'

LOANS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: approval rate over every application (pending and withdrawn ones were not approved)
    ("dv01", LA, "approval rate by branch", f"SELECT Branch, {APPROVED} AS pct_approved FROM t GROUP BY 1",
     None, BAR),
    ("dv02", LA, "by officer instead", f'SELECT "Loan Officer", {APPROVED} AS pct_approved FROM t GROUP BY 1',
     "dv01", BAR),
    ("dv03", LA, "what % of applications were declined",
     f"SELECT {DECLINED} AS pct_declined FROM t", None, KPI),
    ("dv04", LA, "average days from application to decision", f"SELECT avg({DECIDE}) FROM t", None, KPI),
    ("dv05", LA, "only mortgages", f"SELECT avg({DECIDE}) FROM t WHERE Product = 'Mortgage'", "dv04", KPI),
    ("dv06", LA, "days from applied to funded by product", f"SELECT Product, avg({FUND}) FROM t GROUP BY 1",
     None, BAR),
    ("dv07", LA, "default rate of approved loans by product",
     f"SELECT Product, {DEFAULTED} AS pct_default FROM t "
     "WHERE Status = 'Approved' GROUP BY 1", None, BAR),
    ("dv08", LA, "how many unique customers applied", 'SELECT count(DISTINCT "Customer ID") FROM t', None, KPI),
    ("dv09", LA, "number of distinct customers per branch",
     'SELECT Branch, count(DISTINCT "Customer ID") FROM t GROUP BY 1', None, BAR),
    ("dv10", LA, "amount approved as a % of amount requested by branch",
     'SELECT Branch, 100.0 * sum("Amount Approved") / sum("Amount Requested") AS pct_approved FROM t GROUP BY 1',
     None, BAR),
    ("dv11", LA, "gap between requested and approved amount on approved loans",
     'SELECT sum("Amount Requested" - "Amount Approved") FROM t WHERE Status = \'Approved\'', None, KPI),
    ("dv12", LA, "which loan officer has the highest aproval rate",
     f'SELECT "Loan Officer", {APPROVED} AS pct_approved FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, ONE),
    ("dv13", LA, "withdrawal rate by month",
     f"SELECT date_trunc('month', \"Applied On\") AS m, {WITHDRAWN} "
     "AS pct_withdrawn FROM t GROUP BY 1", None, TIME),
    ("dv14", LA, "decline rate for credit scores under 600",
     f"SELECT {DECLINED} AS pct_declined FROM t "
     'WHERE "Credit Score" < 600', None, KPI),
    ("dv15", LA, "applications per customer", 'SELECT count(*) / count(DISTINCT "Customer ID") FROM t', None, KPI),
    ("dv16", LA, "average interest rate by product", None, None, NONE),
]

SCREENINGS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("dv17", CS, "occupancy rate by cinema", f"SELECT Cinema, {OCC} AS pct_occ FROM t GROUP BY 1", None, BAR),
    ("dv18", CS, "average ticket price by film", 'SELECT Film, sum("Ticket Revenue") / sum("Tickets Sold") FROM t '
     "GROUP BY 1", None, BAR),
    ("dv19", CS, "concession spend per head by cinema",
     'SELECT Cinema, sum("Concession Sales") / sum("Tickets Sold") FROM t GROUP BY 1', None, BAR),
    # judgment: total revenue = tickets + concessions
    ("dv20", CS, "total revenue by cinema incl concessions",
     'SELECT Cinema, sum("Ticket Revenue" + "Concession Sales") FROM t GROUP BY 1', None, BAR),
    ("dv21", CS, "ticket revenue minus rental fee by film",
     'SELECT Film, sum("Ticket Revenue" - "Film Rental Fee") FROM t GROUP BY 1', None, BAR),
    ("dv22", CS, "rental fee as % of ticket revenue by genre",
     'SELECT Genre, 100.0 * sum("Film Rental Fee") / sum("Ticket Revenue") AS pct_fee FROM t GROUP BY 1',
     None, BAR),
    ("dv23", CS, "empty seats by screen", 'SELECT Screen, sum(Capacity - "Tickets Sold") FROM t GROUP BY 1',
     None, BAR),
    ("dv24", CS, "how full were imax screenings", f"SELECT {OCC} AS pct_occ FROM t WHERE Screen = 'IMAX'",
     None, KPI),
    ("dv25", CS, "how many screenings sold out", 'SELECT count(*) FROM t WHERE "Tickets Sold" >= Capacity',
     None, KPI),
    ("dv26", CS, "ocupancy % by day of week",
     f"SELECT dayname(Date) AS d, {OCC} AS pct_occ FROM t GROUP BY 1", None, BAR),
    ("dv27", CS, "tickets sold per week", "SELECT date_trunc('week', Date), sum(\"Tickets Sold\") FROM t GROUP BY 1",
     None, TIME),
    ("dv28", CS, "concessions per ticket by month",
     "SELECT date_trunc('month', Date), sum(\"Concession Sales\") / sum(\"Tickets Sold\") FROM t GROUP BY 1",
     None, TIME),
    ("dv29", CS, "which genre fills its seats best",
     f"SELECT Genre, {OCC} AS pct_occ FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("dv30", CS, "how many different films did each cinema show",
     "SELECT Cinema, count(DISTINCT Film) FROM t GROUP BY 1", None, BAR),
    ("dv31", CS, "revenue per seat by screen", 'SELECT Screen, sum("Ticket Revenue") / sum(Capacity) FROM t '
     "GROUP BY 1", None, BAR),
    ("dv32", CS, "average film runtime", None, None, NONE),
]

COURSES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: completed = has a completion date
    ("dv33", CE, "completion rate by course", f"SELECT Course, {COMPLETE} AS pct_done FROM t GROUP BY 1", None, BAR),
    ("dv34", CE, "refund rate by channel", f"SELECT Channel, {_pct('Refunded')} AS pct_refunded FROM t GROUP BY 1",
     None, BAR),
    # judgment: discount = list price - price paid
    ("dv35", CE, "avg dicount by channel", 'SELECT Channel, avg("List Price" - "Price Paid") FROM t GROUP BY 1',
     None, BAR),
    ("dv36", CE, "discount % by course",
     'SELECT Course, 100.0 * (sum("List Price") - sum("Price Paid")) / sum("List Price") AS pct_disc FROM t '
     "GROUP BY 1", None, BAR),
    ("dv37", CE, "average days to complete a course", f"SELECT avg({DONE}) FROM t", None, KPI),
    ("dv38", CE, "how long does each course take to finish", f"SELECT Course, avg({DONE}) FROM t GROUP BY 1",
     None, BAR),
    ("dv39", CE, "how many unique students", 'SELECT count(DISTINCT "Student ID") FROM t', None, KPI),
    ("dv40", CE, "distinct students per instructor", 'SELECT Instructor, count(DISTINCT "Student ID") FROM t '
     "GROUP BY 1", None, BAR),
    ("dv41", CE, "progress % by course",
     'SELECT Course, 100.0 * sum("Lessons Done") / sum("Lessons Total") AS pct_progress FROM t GROUP BY 1',
     None, BAR),
    ("dv42", CE, "lessons remaining by course", 'SELECT Course, sum("Lessons Total" - "Lessons Done") FROM t '
     "GROUP BY 1", None, BAR),
    ("dv43", CE, "revenue by course excluding refunds",
     'SELECT Course, sum("Price Paid") FROM t WHERE NOT Refunded GROUP BY 1', None, BAR),
    ("dv44", CE, "revenue per student by channel",
     'SELECT Channel, sum("Price Paid") / count(DISTINCT "Student ID") FROM t GROUP BY 1', None, BAR),
    ("dv45", CE, "which course has the lowest completion rate",
     f"SELECT Course, {COMPLETE} AS pct_done FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),
    ("dv46", CE, "what percent of enrollments got refunded", f"SELECT {_pct('Refunded')} AS pct_refunded FROM t",
     None, KPI),
    ("dv47", CE, "completion rate by month enrolled",
     f"SELECT date_trunc('month', \"Enrolled On\"), {COMPLETE} AS pct_done FROM t GROUP BY 1", None, TIME),
    ("dv48", CE, "total discount given by instructor",
     'SELECT Instructor, sum("List Price" - "Price Paid") FROM t GROUP BY 1', None, BAR),
]

QUESTIONS = LOANS + SCREENINGS + COURSES


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "derived measure": frozenset(q[0] for q in QUESTIONS if q[3] is not None),
    "kpi": _ids("dv03 dv04 dv05 dv08 dv11 dv14 dv15 dv24 dv25 dv37 dv39 dv46"),
    "kpi with a condition": _ids("dv05 dv11 dv14 dv24"),
    "time series": _ids("dv13 dv27 dv28 dv47"),
    "top/bottom-N without 'top'": _ids("dv12 dv29 dv45"),
    "share or percentage": _ids("dv01 dv02 dv03 dv07 dv10 dv12 dv13 dv14 dv17 dv22 dv24 dv26 dv29 dv33 dv34 "
                                "dv36 dv41 dv45 dv46 dv47"),
    "typo": _ids("dv12 dv26 dv35"),
    "condition in words or values": _ids("dv05 dv07 dv11 dv14 dv24 dv43"),
}
