"""The "two measures" practice set: questions asking for two (or more) measures at once over three CSVs
of make_twomeas.py (an animal shelter's intakes, an online school's course enrollments, a caterer's
orders) — two sums or counts side by side, a count beside the count of a subset named by a flag or a
status value ("enrollments and refunds", "bookings and cancellations", "intakes and adoptions"), two
measures over two different date columns ("signups and completions each month"), averages side by side,
follow-ups and top-N on a pair, with a few single-measure questions and declines mixed in, in everyday,
terse wording. Format and gold conventions: tests/analysis/fresh/questions.py's docstring; a pair of
measures is a wide table (group, first, second), or, where the pair is two values of one column ("dogs vs
cats"), the long table (group, value, count) a split chart shows. Written before the planner answered
them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
ONE = {"bar", "kpi"}
TWO = {"bar", "point", "table"}
TWO_TIME = {"line", "bar", "area", "table"}
SPLIT = {"bar", "heatmap"}
SPLIT_TIME = {"line", "bar", "area"}
NONE = {"unanswerable"}

SH = "animal_shelter"
CE = "course_signups"
CO = "catering_orders"

INTAKE_M = "date_trunc('month', \"Intake Date\")"
OUT_M = "date_trunc('month', \"Outcome Date\")"
ADOPTED = "Outcome = 'Adopted'"
ENROL_M = "date_trunc('month', \"Enrolled On\")"
DONE_M = "date_trunc('month', \"Completed On\")"
EVENT_M = "date_trunc('month', \"Event Date\")"
BOOK_M = "date_trunc('month', \"Booked On\")"
CANCELLED = "Status = 'Cancelled'"


def two_dates(first: str, second: str) -> str:
    """Two monthly counts, each over its own date (first, second: ``SELECT m, n … GROUP BY 1``),
    side by side per month, 0 where a month has none of one."""
    return (f"SELECT coalesce(a.m, b.m) AS m, coalesce(a.n, 0), coalesce(b.n, 0) FROM ({first}) a "
            f"FULL JOIN ({second}) b ON a.m = b.m")


SHELTER: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("two01", SH, "intakes and adoptions by shelter",
     f"SELECT Shelter, count(*), count(*) FILTER (WHERE {ADOPTED}) FROM t GROUP BY 1", None, TWO),
    ("two02", SH, "just dogs",
     f"SELECT Shelter, count(*), count(*) FILTER (WHERE {ADOPTED}) FROM t WHERE Species = 'Dog' GROUP BY 1",
     "two01", TWO),
    # judgment: intakes by their intake date, adoptions by their outcome date
    ("two03", SH, "intakes and adoptions by month",
     two_dates(f"SELECT {INTAKE_M} AS m, count(*) AS n FROM t GROUP BY 1",
               f"SELECT {OUT_M} AS m, count(*) AS n FROM t WHERE {ADOPTED} GROUP BY 1"), None, TWO_TIME),
    ("two04", SH, "dogs vs cats taken in per shelter",
     "SELECT Shelter, Species, count(*) FROM t WHERE Species IN ('Dog', 'Cat') GROUP BY 1, 2", None, SPLIT),
    ("two05", SH, "adoption fees vs vet costs per shelter",
     'SELECT Shelter, sum("Adoption Fee"), sum("Vet Cost") FROM t GROUP BY 1', None, TWO),
    ("two06", SH, "how many animals came in last month",
     "SELECT count(*) FROM t WHERE \"Intake Date\" >= DATE '2025-06-01'", None, KPI),
    ("two07", SH, "average age and vet cost by species",
     'SELECT Species, avg("Age (yrs)"), avg("Vet Cost") FROM t GROUP BY 1', None, TWO),
    ("two08", SH, "strays and owner surrenders by month",
     f"SELECT {INTAKE_M}, \"Intake Type\", count(*) FROM t WHERE \"Intake Type\" IN ('Stray', 'Owner Surrender') "
     "GROUP BY 1, 2", None, SPLIT_TIME),
    ("two09", SH, "adoptions per month", f"SELECT {OUT_M}, count(*) FROM t WHERE {ADOPTED} GROUP BY 1", None, TIME),
    ("two10", SH, "number of adoptions and total adoption fees by shelter",
     f"SELECT Shelter, count(*) FILTER (WHERE {ADOPTED}), sum(\"Adoption Fee\") FROM t GROUP BY 1", None, TWO),
    ("two11", SH, "which shelter had the most adoptions",
     f"SELECT Shelter, count(*) AS n FROM t WHERE {ADOPTED} GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    # judgment: an outcome is a row with an outcome date
    ("two12", SH, "intakes vs outcomes per month",
     two_dates(f"SELECT {INTAKE_M} AS m, count(*) AS n FROM t GROUP BY 1",
               f"SELECT {OUT_M} AS m, count(*) AS n FROM t WHERE \"Outcome Date\" IS NOT NULL GROUP BY 1"),
     None, TWO_TIME),
    ("two13", SH, "adoption rate by shelter",
     f"SELECT Shelter, 100.0 * avg(CASE WHEN {ADOPTED} THEN 1 ELSE 0 END) AS pct_adopted FROM t GROUP BY 1",
     None, BAR),
    ("two14", SH, "vet spend and adoption fee income by species",
     'SELECT Species, sum("Vet Cost"), sum("Adoption Fee") FROM t GROUP BY 1', None, TWO),
    ("two15", SH, "total vet cost and number of animals per intake type",
     'SELECT "Intake Type", sum("Vet Cost"), count(*) FROM t GROUP BY 1', None, TWO),
    ("two16", SH, "adoptions and transfers by shelter",
     "SELECT Shelter, Outcome, count(*) FROM t WHERE Outcome IN ('Adopted', 'Transferred') GROUP BY 1, 2",
     None, SPLIT),
]

COURSES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: a completion is an enrollment with a completion date
    ("two17", CE, "enrollments and completions by course",
     'SELECT Course, count(*), count("Completed On") FROM t GROUP BY 1', None, TWO),
    ("two18", CE, "enrollments vs refunds per month",
     f"SELECT {ENROL_M}, count(*), count(*) FILTER (WHERE Refunded = 'Y') FROM t GROUP BY 1", None, TWO_TIME),
    # judgment: refunds beside revenue are money (the amount paid on refunded enrollments)
    ("two19", CE, "revenue and refunds by category",
     "SELECT Category, sum(\"Amount Paid\"), sum(\"Amount Paid\") FILTER (WHERE Refunded = 'Y') FROM t GROUP BY 1",
     None, TWO),
    ("two20", CE, "signups and completions each month",
     two_dates(f"SELECT {ENROL_M} AS m, count(*) AS n FROM t GROUP BY 1",
               f"SELECT {DONE_M} AS m, count(*) AS n FROM t WHERE \"Completed On\" IS NOT NULL GROUP BY 1"),
     None, TWO_TIME),
    ("two21", CE, "total spend and number of courses per student",
     'SELECT Student, sum("Amount Paid"), count(*) FROM t GROUP BY 1', None, TWO),
    ("two22", CE, "top 5 students by spend",
     'SELECT Student, sum("Amount Paid") AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 5', None, BAR),
    ("two23", CE, "average price and amount paid per category",
     'SELECT Category, avg(Price), avg("Amount Paid") FROM t GROUP BY 1', None, TWO),
    ("two24", CE, "enrollments and revenue by channel",
     'SELECT Channel, count(*), sum("Amount Paid") FROM t GROUP BY 1', None, TWO),
    ("two25", CE, "only for data courses",
     'SELECT Channel, count(*), sum("Amount Paid") FROM t WHERE Category = \'Data\' GROUP BY 1', "two24", TWO),
    ("two26", CE, "completion rate by course",
     'SELECT Course, 100.0 * count("Completed On") / count(*) AS pct_completed FROM t GROUP BY 1', None, BAR),
    ("two27", CE, "paid ads vs referral enrollments by month",
     f"SELECT {ENROL_M}, Channel, count(*) FROM t WHERE Channel IN ('Paid Ads', 'Referral') GROUP BY 1, 2",
     None, SPLIT_TIME),
    ("two28", CE, "how much revenue did we make in march",
     "SELECT sum(\"Amount Paid\") FROM t WHERE \"Enrolled On\" BETWEEN DATE '2024-03-01' AND DATE '2024-03-31'",
     None, KPI),
    ("two29", CE, "avg rating and completions by course",
     'SELECT Course, avg(Rating), count("Completed On") FROM t GROUP BY 1', None, TWO),
    ("two30", CE, "refunds by country", "SELECT Country, count(*) FROM t WHERE Refunded = 'Y' GROUP BY 1", None,
     BAR),
    ("two31", CE, "revenue vs refunds by month",
     f"SELECT {ENROL_M}, sum(\"Amount Paid\"), sum(\"Amount Paid\") FILTER (WHERE Refunded = 'Y') FROM t "
     "GROUP BY 1", None, TWO_TIME),
    ("two32", CE, "number of enrolments and average rating per category",
     "SELECT Category, count(*), avg(Rating) FROM t GROUP BY 1", None, TWO),
    ("two33", CE, "how many refunds in total", "SELECT count(*) FROM t WHERE Refunded = 'Y'", None, KPI),
    ("two34", CE, "enrollments and instructor pay by course", None, None, NONE),
    ("two35", CE, "enrolments and refunds by cource",
     "SELECT Course, count(*), count(*) FILTER (WHERE Refunded = 'Y') FROM t GROUP BY 1", None, TWO),
]

CATERING: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("two36", CO, "bookings and cancellations by event type",
     f"SELECT \"Event Type\", count(*), count(*) FILTER (WHERE {CANCELLED}) FROM t GROUP BY 1", None, TWO),
    ("two37", CO, "revenue and food cost per planner",
     'SELECT Planner, sum(Revenue), sum("Food Cost") FROM t GROUP BY 1', None, TWO),
    ("two38", CO, "guests and revenue per event type",
     'SELECT "Event Type", sum(Guests), sum(Revenue) FROM t GROUP BY 1', None, TWO),
    ("two39", CO, "average guests and average order value by event type",
     'SELECT "Event Type", avg(Guests), avg(Revenue) FROM t GROUP BY 1', None, TWO),
    ("two40", CO, "total revenue and number of orders per client",
     "SELECT Client, sum(Revenue), count(*) FROM t GROUP BY 1", None, TWO),
    ("two41", CO, "top 10 only",
     "SELECT Client, sum(Revenue) AS r, count(*) FROM t GROUP BY 1 ORDER BY r DESC LIMIT 10", "two40", TWO),
    # judgment: orders by the month they were booked
    ("two42", CO, "orders vs cancellations per month",
     f"SELECT {BOOK_M}, count(*), count(*) FILTER (WHERE {CANCELLED}) FROM t GROUP BY 1", None, TWO_TIME),
    # judgment: held = completed, by its event date; booked by the booking date
    ("two43", CO, "events booked vs events held by month",
     two_dates(f"SELECT {BOOK_M} AS m, count(*) AS n FROM t GROUP BY 1",
               f"SELECT {EVENT_M} AS m, count(*) AS n FROM t WHERE Status = 'Completed' GROUP BY 1"),
     None, TWO_TIME),
    ("two44", CO, "which client spends the most",
     "SELECT Client, sum(Revenue) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 1", None, ONE),
    ("two45", CO, "cancellation rate by event type",
     f"SELECT \"Event Type\", 100.0 * avg(CASE WHEN {CANCELLED} THEN 1 ELSE 0 END) AS pct_cancelled FROM t "
     "GROUP BY 1", None, BAR),
    ("two46", CO, "staff hours and guests per event type",
     'SELECT "Event Type", sum("Staff Hours"), sum(Guests) FROM t GROUP BY 1', None, TWO),
    # judgment: revenue and food cost fall in the month of the event
    ("two47", CO, "revenu and food cost by month",
     f"SELECT {EVENT_M}, sum(Revenue), sum(\"Food Cost\") FROM t GROUP BY 1", None, TWO_TIME),
    ("two48", CO, "completed vs cancelled orders by planner",
     "SELECT Planner, Status, count(*) FROM t WHERE Status IN ('Completed', 'Cancelled') GROUP BY 1, 2", None,
     SPLIT),
    ("two49", CO, "how many orders were cancelled", f"SELECT count(*) FROM t WHERE {CANCELLED}", None, KPI),
    ("two50", CO, "bookings and revenue by city", "SELECT City, count(*), sum(Revenue) FROM t GROUP BY 1", None,
     TWO),
    ("two51", CO, "food cost vs revenue for weddings by month",
     f"SELECT {EVENT_M}, sum(\"Food Cost\"), sum(Revenue) FROM t WHERE \"Event Type\" = 'Wedding' GROUP BY 1",
     None, TWO_TIME),
    ("two52", CO, "revenue and tips by planner", None, None, NONE),
    ("two53", CO, "number of orders and average guests per planner",
     "SELECT Planner, count(*), avg(Guests) FROM t GROUP BY 1", None, TWO),
]

QUESTIONS = SHELTER + COURSES + CATERING


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "two measures": _ids("two01 two02 two03 two05 two07 two10 two12 two14 two15 two17 two18 two19 two20 two21 "
                         "two23 two24 two25 two29 two31 two32 two35 two36 two37 two38 two39 two40 two41 two42 "
                         "two43 two46 two47 two50 two51 two53"),
    "split by colour": _ids("two04 two08 two16 two27 two48"),
    "time series": _ids("two03 two08 two09 two12 two18 two20 two27 two31 two42 two43 two47 two51"),
    "kpi": _ids("two06 two28 two33 two49"),
    "kpi with a condition": _ids("two06 two28 two33 two49"),
    "top-N with 'top'": _ids("two22 two41"),
    "top/bottom-N without 'top'": _ids("two11 two44"),
    "share or percentage": _ids("two13 two26 two45"),
    "condition in words or values": _ids("two01 two02 two04 two08 two10 two11 two13 two16 two18 two19 two25 "
                                         "two27 two30 two31 two33 two35 two36 two42 two45 two48 two49 two51"),
    "relative period": _ids("two06"),
    "typo": _ids("two35 two47"),
}
