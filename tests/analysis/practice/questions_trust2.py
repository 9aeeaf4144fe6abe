"""The trust2 practice set: knowing when not to answer. Over the three CSVs of make_trust2.py (a gym's
check-ins for one month, a library's loans with no date column, a field-service firm's jobs in 2025), about
half the questions name something the data does not hold — a measure with no column (member age, calories,
drive time), a grouping with no column (country, author, zip code), a date grain or period the data cannot
give (by month with no date, last year when the data covers one month), a person or place that is not a
value (a trainer, a technician, a city) — and must be declined; the other half are near-misses that must be
answered (a paraphrased column, a name or city that is in the data, profit from invoice minus parts cost,
satisfaction as the customer rating). Format and gold conventions: tests/analysis/fresh/questions.py's
docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
ONE = {"bar", "kpi"}
NONE = {"unanswerable"}

GY = "trust2_gym_checkins"
LB = "trust2_library_loans"
FJ = "trust2_field_jobs"

FEE = '"Add-on Fee"'
LATE = '"Late Fee"'
INV = '"Invoice Total"'
PARTS = '"Parts Cost"'
RATING = '"Customer Rating"'

GYM: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("tt01", GY, "how many check-ins by club", "SELECT Club, count(*) FROM t GROUP BY 1", None, BAR),
    ("tt02", GY, "avg workout length", "SELECT avg(Minutes) FROM t", None, KPI),
    ("tt03", GY, "which trainer had the most check ins",
     "SELECT Trainer, count(*) AS n FROM t WHERE Trainer IS NOT NULL GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    ("tt04", GY, "check-ins by day of week", 'SELECT dayname("Check In") AS d, count(*) FROM t GROUP BY d', None, BAR),
    ("tt05", GY, "how many check-ins from premium members",
     "SELECT count(*) FROM t WHERE Membership = 'Premium'", None, KPI),
    ("tt06", GY, "share of visits by class", "SELECT Class, count(*) AS share_visits FROM t GROUP BY 1", None, SHARE),
    ("tt07", GY, "avg minutes for yoga", "SELECT avg(Minutes) FROM t WHERE Class = 'Yoga'", None, KPI),
    ("tt08", GY, "top 3 trainers by total minutes",
     "SELECT Trainer, sum(Minutes) AS m FROM t WHERE Trainer IS NOT NULL GROUP BY 1 ORDER BY m DESC LIMIT 3",
     None, BAR),
    ("tt09", GY, "check-ins per week",
     "SELECT date_trunc('week', \"Check In\") AS w, count(*) FROM t GROUP BY w", None, TIME),
    ("tt10", GY, "add-on fees by club", f"SELECT Club, sum({FEE}) FROM t GROUP BY 1", None, BAR),
    ("tt11", GY, "how many guest passes were used at harbor",
     "SELECT sum(\"Guest Passes\") FROM t WHERE Club = 'Harbor'", None, KPI),
    ("tt12", GY, "yoga check-ins by instructor",
     "SELECT Trainer, count(*) FROM t WHERE Class = 'Yoga' GROUP BY 1", None, BAR),
    ("tt13", GY, "paid extra rate by membership",
     "SELECT Membership, 100.0 * avg(CASE WHEN \"Paid Extra\" = 'Yes' THEN 1.0 ELSE 0 END) AS pct_extra FROM t "
     "GROUP BY 1", None, BAR),
    # the data covers March 2026 only: nothing in 2025
    ("tt14", GY, "check-ins last year", None, None, NONE),
    ("tt15", GY, "visits by country", None, None, NONE),
    ("tt16", GY, "average member age by club", None, None, NONE),
    ("tt17", GY, "profit by club", None, None, NONE),
    ("tt18", GY, "member satisfaction score by class", None, None, NONE),
    ("tt19", GY, "how many classes did jessica teach", None, None, NONE),
    ("tt20", GY, "calories burned by class", None, None, NONE),
    ("tt21", GY, "check-ins at the boston club", None, None, NONE),
    ("tt22", GY, "monthly churn rate", None, None, NONE),
]

LIBRARY: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("tt23", LB, "loans by branch", "SELECT Branch, count(*) FROM t GROUP BY 1", None, BAR),
    ("tt24", LB, "average days borrowed by genre", "SELECT Genre, avg(\"Days Borrowed\") FROM t GROUP BY 1",
     None, BAR),
    ("tt25", LB, "overdue rate by format",
     "SELECT Format, 100.0 * avg(CASE WHEN Overdue = 'Y' THEN 1.0 ELSE 0 END) AS pct_overdue FROM t GROUP BY 1",
     None, BAR),
    ("tt26", LB, "total late fees by branch", f"SELECT Branch, sum({LATE}) FROM t GROUP BY 1", None, BAR),
    ("tt27", LB, "how many ebooks were borrowed", "SELECT count(*) FROM t WHERE Format = 'eBook'", None, KPI),
    ("tt28", LB, "top 5 titles by loans",
     "SELECT Title, count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 5", None, BAR),
    ("tt29", LB, "share of loans by patron type",
     "SELECT \"Patron Type\", count(*) AS share_loans FROM t GROUP BY 1", None, SHARE),
    ("tt30", LB, "which genre gets renewed most",
     "SELECT Genre, sum(Renewals) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 1", None, ONE),
    ("tt31", LB, "late fees from teens", f"SELECT sum({LATE}) FROM t WHERE \"Patron Type\" = 'Teen'", None, KPI),
    ("tt32", LB, "avg renewals per loan at central", "SELECT avg(Renewals) FROM t WHERE Branch = 'Central'",
     None, KPI),
    # no date column at all
    ("tt33", LB, "loans by month", None, None, NONE),
    ("tt34", LB, "how many books were borrowed last week", None, None, NONE),
    ("tt35", LB, "overdue trend over time", None, None, NONE),
    ("tt36", LB, "average patron age", None, None, NONE),
    ("tt37", LB, "loans by author", None, None, NONE),
    ("tt38", LB, "late fees by city", None, None, NONE),
    ("tt39", LB, "which librarian checked out the most books", None, None, NONE),
    ("tt40", LB, "average rating by genre", None, None, NONE),
    ("tt41", LB, "how many loans at the riverside branch", None, None, NONE),
    ("tt42", LB, "profit per branch", None, None, NONE),
]

JOBS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("tt43", FJ, "customer satisfaction by technician", f"SELECT Technician, avg({RATING}) FROM t GROUP BY 1",
     None, BAR),
    # judgment: profit = invoice total minus parts cost (labour is the firm's own)
    ("tt44", FJ, "profit by job type", f"SELECT \"Job Type\", sum({INV} - {PARTS}) FROM t GROUP BY 1", None, BAR),
    ("tt45", FJ, "jobs in denver", "SELECT count(*) FROM t WHERE City = 'Denver'", None, KPI),
    ("tt46", FJ, "how many jobs did maria lopez do", "SELECT count(*) FROM t WHERE Technician = 'Maria Lopez'",
     None, KPI),
    ("tt47", FJ, "average invoice by city", f"SELECT City, avg({INV}) FROM t GROUP BY 1", None, BAR),
    ("tt48", FJ, "jobs per month", "SELECT date_trunc('month', \"Scheduled Date\") AS m, count(*) FROM t GROUP BY m",
     None, TIME),
    ("tt49", FJ, "just for boulder",
     "SELECT date_trunc('month', \"Scheduled Date\") AS m, count(*) FROM t WHERE City = 'Boulder' GROUP BY m",
     "tt48", TIME),
    ("tt50", FJ, "cancelled jobs by technician",
     "SELECT Technician, count(*) FROM t WHERE Status = 'Cancelled' GROUP BY 1", None, BAR),
    # data ends 2025-12-31: last quarter is Q4 2025
    ("tt51", FJ, "total hours last quarter",
     "SELECT sum(Hours) FROM t WHERE \"Scheduled Date\" >= DATE '2025-10-01'", None, KPI),
    ("tt52", FJ, "top 5 customers by revenue",
     f"SELECT Customer, sum({INV}) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 5", None, BAR),
    ("tt53", FJ, "parts cost as % of invoice by job type",
     f"SELECT \"Job Type\", 100.0 * sum({PARTS}) / sum({INV}) AS pct_parts FROM t GROUP BY 1", None, BAR),
    ("tt54", FJ, "avg rating for repairs", f"SELECT avg({RATING}) FROM t WHERE \"Job Type\" = 'Repair'", None, KPI),
    ("tt55", FJ, "how many jobs did kevin do", None, None, NONE),
    ("tt56", FJ, "average drive time per job", None, None, NONE),
    ("tt57", FJ, "revenue by zip code", None, None, NONE),
    ("tt58", FJ, "first time fix rate by tech", None, None, NONE),
    ("tt59", FJ, "jobs in seattle", None, None, NONE),
    ("tt60", FJ, "overtime hours by technician", None, None, NONE),
    ("tt61", FJ, "warranty claims by job type", None, None, NONE),
    # the data covers 2025 only
    ("tt62", FJ, "invoice total for 2023", None, None, NONE),
    ("tt63", FJ, "employee headcount by city", None, None, NONE),
]

QUESTIONS = GYM + LIBRARY + JOBS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "kpi": _ids("tt02 tt05 tt07 tt11 tt27 tt31 tt32 tt45 tt46 tt51 tt54"),
    "kpi with a condition": _ids("tt05 tt07 tt11 tt27 tt31 tt32 tt45 tt46 tt51 tt54"),
    "condition in words or values": _ids("tt05 tt07 tt11 tt12 tt27 tt31 tt32 tt45 tt46 tt49 tt50 tt54"),
    "time series": _ids("tt09 tt48 tt49"),
    "top-N with 'top'": _ids("tt08 tt28 tt52"),
    "top/bottom-N without 'top'": _ids("tt03 tt30"),
    "share or percentage": _ids("tt06 tt13 tt25 tt29 tt53"),
    "derived measure": _ids("tt13 tt25 tt44 tt53"),
    "abbreviation or paraphrase": _ids("tt02 tt12 tt43 tt47 tt52"),
    "relative period": _ids("tt51"),
}
